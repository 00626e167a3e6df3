//! The models armgen emits for each spec in `specs/edge`, one module per spec. Each module
//! file is a golden snapshot (checked and updated by `models_edge.rs` beside this crate) and,
//! by being compiled here, the proof that the emitted code builds.

// The snapshots are prettyplease's output, byte for byte: rustfmt must leave them alone.
// They carry no inner attributes (so that build scripts can `include!` them), hence the
// lint levels here: variant names come from the spec's values, which often share a prefix.
#[rustfmt::skip]
#[allow(clippy::enum_variant_names)]
pub mod allof;
#[rustfmt::skip]
#[allow(clippy::enum_variant_names)]
pub mod enums;
#[rustfmt::skip]
#[allow(clippy::enum_variant_names)]
pub mod keywords;
#[rustfmt::skip]
#[allow(clippy::enum_variant_names)]
pub mod maps;
#[rustfmt::skip]
#[allow(clippy::enum_variant_names)]
pub mod recursion;
