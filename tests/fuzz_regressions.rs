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

/// The pipeline target's mutator turns the empty first input into a spec and keeps
/// editing specs: every output is JSON, they differ, and they reach operations.
#[test]
fn the_pipeline_mutator_edits_specs() {
    let mut data = vec![0u8; 1 << 16];
    let mut size = 0;
    let mut seen = std::collections::HashSet::new();
    let mut with_operations = 0;
    for seed in 1..=400u32 {
        let Some(new_size) = targets::mutate_spec(&mut data, size, 1 << 16, seed) else {
            continue;
        };
        size = new_size;
        let spec: serde_json::Value =
            serde_json::from_slice(&data[..size]).expect("the mutator writes JSON");
        if spec["paths"].as_object().is_some_and(|paths| {
            paths
                .values()
                .any(|item| item.as_object().is_some_and(|ops| !ops.is_empty()))
        }) {
            with_operations += 1;
        }
        seen.insert(data[..size].to_vec());
        if seed % 40 == 0 {
            targets::pipeline(&data[..size]);
        }
    }
    assert!(seen.len() > 300, "{} distinct specs", seen.len());
    assert!(
        with_operations > 100,
        "{with_operations} specs with operations"
    );
}
