//! The fuzz targets' bodies, kept out of `fuzz_targets/` so that
//! `tests/fuzz_regressions.rs` replays saved inputs through the very same code.

pub mod targets;
