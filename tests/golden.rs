//! Golden cases: each folder of `tests/cases` holds a spec (`spec.json`, with any file it
//! references) and what armgen makes of it with every output on (`expected/`: `models.rs`,
//! `client.rs`, `docs/`), kept as an output folder of its own. This test regenerates each
//! case and fails on any difference; `UPDATE_EXPECT=1 cargo test --test golden` rewrites
//! the expected files instead. The `golden-cases` crate compiles every case's Rust.
//!
//! Adding a case is adding a folder with its `spec.json` and running the test once with
//! `UPDATE_EXPECT=1`; nothing lists the cases.

mod support;

use armgen::Generator;
use std::path::{Path, PathBuf};

fn cases() -> Vec<PathBuf> {
    let root = support::workspace_root().join("tests/cases");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_case_generates_its_expected_outputs() {
    let mut failures = Vec::new();
    for case in cases() {
        let generated = Generator::new(&case)
            .spec("spec.json")
            .models("models.rs")
            .client("client.rs")
            .docs("docs")
            .generate()
            .unwrap_or_else(|error| panic!("{}: {error}", case.display()));
        failures.extend(support::golden(&generated.files, &case.join("expected")));
    }
    assert!(
        failures.is_empty(),
        "expected outputs differ (rerun with UPDATE_EXPECT=1 to rewrite them, then review the diff):\n{}",
        failures.join("\n")
    );
}

/// The `golden-cases` crate was built from the same folders: every case's Rust compiles.
#[test]
fn every_case_is_compiled() {
    let names: Vec<String> = cases()
        .iter()
        .map(|case| case.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(golden_cases::CASES, names.as_slice());
    for case in cases() {
        for output in ["models.rs", "client.rs"] {
            let file: &Path = &case.join("expected").join(output);
            assert!(
                file.is_file() || support::updating(),
                "{} is missing: run with UPDATE_EXPECT=1",
                file.display()
            );
        }
    }
}
