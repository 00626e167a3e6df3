//! The models armgen emits for each spec in `specs/edge`, one module per spec. Each module
//! file is a golden snapshot (checked and updated by `models_edge.rs` beside this crate) and,
//! by being compiled here, the proof that the emitted code builds.

pub mod allof;
pub mod enums;
pub mod keywords;
pub mod maps;
pub mod recursion;
