#![no_main]

use armgen_fuzz::targets;
use libfuzzer_sys::{fuzz_mutator, fuzz_target, fuzzer_mutate};

fuzz_target!(|data: &[u8]| targets::pipeline(data));

// Inputs are specs: edit them as JSON trees, and only now and then as bytes (which finds
// what the loader makes of malformed JSON).
fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    match seed % 8 {
        0 => fuzzer_mutate(data, size, max_size),
        _ => targets::mutate_spec(data, size, max_size, seed)
            .unwrap_or_else(|| fuzzer_mutate(data, size, max_size)),
    }
});
