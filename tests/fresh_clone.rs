//! A clone of the repository is complete on its own: the files git tracks, copied into an
//! empty temporary folder (nothing beside it, no `ARMGEN_SPEC_ROOT`),
//! are enough for `armgen --check` to find every output fresh.
//!
//! The files are copied from the working tree, so a vendored input that was never
//! `git add`ed, or a path reaching outside the repository, fails here before it fails
//! for a user.

mod support;

use std::fs;
use std::path::Path;
use std::process::Command;

#[test]
fn a_clone_checks_fresh_without_anything_beside_it() {
    let root = support::workspace_root();
    let listed = Command::new("git")
        .current_dir(&root)
        .args(["ls-files", "-z"])
        .output()
        .expect("git runs");
    assert!(listed.status.success(), "git ls-files failed");
    let empty = tempfile::tempdir().unwrap();
    let clone = empty.path().join("armgen");
    for file in listed
        .stdout
        .split(|&b| b == 0)
        .filter(|name| !name.is_empty())
    {
        let file = Path::new(std::str::from_utf8(file).expect("tracked paths are UTF-8"));
        let from = root.join(file);
        // Deleted in the working tree but not yet in the index: a commit would drop it.
        if !from.exists() {
            continue;
        }
        let to = clone.join(file);
        fs::create_dir_all(to.parent().unwrap()).unwrap();
        fs::copy(&from, &to).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
    }

    let output = Command::new(env!("CARGO_BIN_EXE_armgen"))
        .current_dir(&clone)
        .arg("--check")
        .env_remove("ARMGEN_SPEC_ROOT")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stdout}{stderr}");
    assert!(stdout.contains("models: 1 fresh, 0 stale"), "{stdout}");
    assert!(!empty.path().join("shared").exists());
}
