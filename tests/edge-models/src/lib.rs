//! The models armgen emits for each spec in `specs/edge`, one module per spec. Each module
//! file is a golden snapshot (checked and updated by `models_edge.rs` beside this crate) and,
//! by being compiled here, the proof that the emitted code builds.

// The snapshots are prettyplease's output, byte for byte: rustfmt must leave them alone.
#[rustfmt::skip]
pub mod allof;
#[rustfmt::skip]
pub mod enums;
#[rustfmt::skip]
pub mod keywords;
#[rustfmt::skip]
pub mod maps;
#[rustfmt::skip]
pub mod recursion;
