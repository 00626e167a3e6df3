//! Writes the synthetic spec of the benchmarks and huge-input tests
//! (`tests/support/synthetic.rs`: about N definitions and N operations, shaped like an ARM
//! spec) below a spec root, and prints its path relative to that root, for whole-process
//! measurements of the `armgen` command (`scripts/bench synthetic`).
//!
//! `cargo run --release -p armgen --example synthetic_spec -- SPEC_ROOT N`

#[path = "../../tests/support/synthetic.rs"]
mod synthetic;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (root, size) = match args.as_slice() {
        [root, size] => match size.parse::<usize>() {
            Ok(size) if size > 0 => (PathBuf::from(root), size),
            _ => return usage(),
        },
        _ => return usage(),
    };
    let spec = synthetic::write_spec(&root, size);
    println!("{}", spec.display());
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("usage: synthetic_spec SPEC_ROOT N (N > 0: about N definitions and N operations)");
    ExitCode::from(2)
}
