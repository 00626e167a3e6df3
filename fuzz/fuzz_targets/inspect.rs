#![no_main]

use armgen_fuzz::targets;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| targets::inspect_target(data));
