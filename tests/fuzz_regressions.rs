//! Replays every input kept under `tests/fuzz-regressions/<target>/` (the minimized
//! crashers the fuzz targets found) through the fuzz targets' own code, without libFuzzer,
//! so that `cargo test` keeps them fixed.

#[path = "../fuzz/src/targets.rs"]
mod targets;

mod support;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = support::workspace_root()
        .join("tests/fuzz-regressions")
        .join(target);
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.file_name().is_some_and(|n| n != ".gitkeep"))
        .collect();
    inputs.sort();
    for input in inputs {
        let data = std::fs::read(&input).unwrap();
        let outcome = std::panic::catch_unwind(|| run(&data));
        assert!(outcome.is_ok(), "{} fails again", input.display());
    }
}

#[test]
fn load() {
    replay("load", targets::load);
}

#[test]
fn inspect() {
    replay("inspect", targets::inspect_target);
}

#[test]
fn prettier() {
    replay("prettier", targets::prettier);
}

#[test]
fn pipeline() {
    replay("pipeline", targets::pipeline);
}
