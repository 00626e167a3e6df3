//! The expected Rust outputs of every case in `tests/cases`, compiled: `build.rs` finds
//! the case folders and makes a module of each (`tests/cases/maps` is `golden_cases::maps`,
//! with `models` and `client` inside).

include!(concat!(env!("OUT_DIR"), "/cases.rs"));
