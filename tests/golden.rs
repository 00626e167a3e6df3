//! Golden cases: each folder of `tests/cases` holds a spec (`spec.json`, with any file it
//! references) and what armgen makes of it with every output on (`expected/`: `models.rs`,
//! `client.rs`, `docs/`), kept as an output folder of its own. This test regenerates each
//! case and fails on any difference; `UPDATE_EXPECT=1 cargo test --test golden` rewrites
//! the expected files instead. The `golden-cases` crate compiles every case's Rust.
//!
//! Adding a case is adding a folder with its `spec.json` and running the test once with
//! `UPDATE_EXPECT=1`; nothing lists the cases.
//!
//! A case of several files is a spec root laid out as azure-rest-api-specs
//! (`specification/`) with `specs.txt` naming its inputs (files or api-version folders,
//! one a line, relative to that root). It is generated from a copy of that root to which
//! the vendored common-types v1 and v2 are added, so its `$ref`s reach them by the paths
//! real specs use (`../../../../../common-types/resource-management/v2/types.json`)
//! without a copy of them in the case.

#[path = "support/spec_roots.rs"]
mod spec_roots;
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
        let (root, specs) = spec_root(&case);
        let generated = specs
            .iter()
            .fold(Generator::new(root.path()), |generator, spec| {
                generator.spec(spec)
            })
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

/// The spec root of a case (a temporary copy for a case of several files) and its inputs.
fn spec_root(case: &Path) -> (Root, Vec<String>) {
    let list = case.join("specs.txt");
    if !list.is_file() {
        return (Root::Case(case.to_path_buf()), vec!["spec.json".into()]);
    }
    let specs = std::fs::read_to_string(&list).unwrap();
    let specs = specs.lines().map(str::to_owned).collect();
    let vendored = support::manifest().spec_root;
    let copy = spec_roots::with_common_types(&case.join("specification"), &vendored);
    (Root::Copy(copy), specs)
}

enum Root {
    Case(PathBuf),
    Copy(tempfile::TempDir),
}

impl Root {
    fn path(&self) -> &Path {
        match self {
            Root::Case(path) => path,
            Root::Copy(dir) => dir.path(),
        }
    }
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
