//! The models and client armgen emits for the hostile specs `names`, `breakout` and
//! `self-reference` of `specs/hostile`, generated together. Both files are golden
//! snapshots checked (and, with `UPDATE_EXPECT=1`, updated) by `tests/hostile.rs`;
//! compiling them here is the proof that keyword, std-type and non-identifier names
//! still give code that builds.

// The snapshots are prettyplease's output, byte for byte: rustfmt must leave them alone.
// They carry no inner attributes (so that build scripts can `include!` them), hence the
// lint levels here, as in the generated crate.
#[rustfmt::skip]
#[allow(clippy::too_many_arguments)]
pub mod client;
#[rustfmt::skip]
#[allow(clippy::enum_variant_names)]
pub mod models;
