//! Bad input through the real `armgen` binary: every case must end with exit code 2 and
//! one line `armgen: error: <file>[:line:column][#pointer]: <message>`, never a panic, and
//! must leave the output folder as it was.
//!
//! The cases live in `specs/bad/<case>/` (each folder is a spec root); cases that need
//! symlinks or generated files are built in temporary folders.

mod support;

use std::fs;
use std::path::Path;
use std::process::Command;

/// Runs armgen from `cwd` on the spec root `root` and the spec `spec`, writing to a fresh
/// output folder holding one hand-written file, checks the failure contract and returns
/// the message after `armgen: error: `.
fn fail_in(cwd: &Path, root: &str, spec: &str) -> String {
    let out = tempfile::tempdir().unwrap();
    fs::write(out.path().join("lib.rs"), "// hand-written\n").unwrap();
    let manifest = support::workspace_root().join("specs/armgen.toml");
    let output = Command::new(env!("CARGO_BIN_EXE_armgen"))
        .current_dir(cwd)
        .arg("--manifest")
        .arg(manifest)
        .args(["--spec-root", root, "--spec", spec, "--out"])
        .arg(out.path())
        .env_remove("ARMGEN_SPEC_ROOT")
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert_eq!(String::from_utf8_lossy(&output.stdout), "");
    let message = stderr
        .strip_prefix("armgen: error: ")
        .and_then(|rest| rest.strip_suffix('\n'))
        .unwrap_or_else(|| panic!("not one `armgen: error:` line: {stderr:?}"));
    assert!(!message.contains('\n'), "more than one line: {stderr:?}");
    let left: Vec<_> = fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["lib.rs"], "the output folder changed");
    assert_eq!(
        fs::read_to_string(out.path().join("lib.rs")).unwrap(),
        "// hand-written\n"
    );
    message.to_owned()
}

/// [`fail_in`] from the workspace root on `specs/bad/<case>/spec.json`, so messages name
/// files as `specs/bad/<case>/...`.
fn fail(case: &str) -> String {
    fail_in(
        &support::workspace_root(),
        &format!("specs/bad/{case}"),
        "spec.json",
    )
}

#[test]
fn malformed_json_names_line_and_column() {
    assert_eq!(
        fail("malformed-json"),
        "specs/bad/malformed-json/spec.json:5:46: malformed JSON: trailing comma"
    );
}

#[test]
fn malformed_json_in_a_referenced_file_is_reported_in_that_file() {
    assert_eq!(
        fail("malformed-referenced-file"),
        "specs/bad/malformed-referenced-file/common/types.json:4:5: malformed JSON: expected `,` or `}`"
    );
}

#[test]
fn a_missing_spec_file_is_named() {
    let message = fail_in(
        &support::workspace_root(),
        "specs/bad/dangling-ref",
        "missing.json",
    );
    assert!(
        message.starts_with("specs/bad/dangling-ref/missing.json: cannot read the file: "),
        "{message}"
    );
}

#[test]
fn a_spec_path_climbing_out_of_the_root_is_refused() {
    assert_eq!(
        fail_in(
            &support::workspace_root(),
            "specs/bad/dangling-ref",
            "../ref-cycle/spec.json"
        ),
        "specs/bad/dangling-ref/../ref-cycle/spec.json: the spec path leads outside the spec root"
    );
}

#[test]
fn a_dangling_local_ref_names_the_reference_and_its_target() {
    assert_eq!(
        fail("dangling-ref"),
        "specs/bad/dangling-ref/spec.json#/definitions/A/properties/b: dangling $ref: nothing at spec.json#/definitions/Missing"
    );
}

#[test]
fn a_ref_to_a_missing_file_names_the_reference() {
    let message = fail("missing-ref-file");
    let expected = "specs/bad/missing-ref-file/spec.json#/definitions/A: $ref `./common/missing.json#/definitions/B` names a file that cannot be read: cannot read the file: ";
    assert!(message.starts_with(expected), "{message}");
}

#[test]
fn a_ref_escaping_the_spec_root_is_refused() {
    assert_eq!(
        fail("escaping-ref"),
        "specs/bad/escaping-ref/spec.json#/definitions/A: $ref `../../../../../../etc/passwd` leads outside the spec root"
    );
}

#[test]
fn a_remote_ref_is_not_fetched() {
    assert_eq!(
        fail("remote-ref"),
        "specs/bad/remote-ref/spec.json#/definitions/A: remote $ref `https://example.com/types.json#/definitions/B` is not fetched: only files below the spec root are read"
    );
}

#[test]
fn a_cycle_of_refs_names_its_links() {
    assert_eq!(
        fail("ref-cycle"),
        "specs/bad/ref-cycle/spec.json#/definitions/A: a cycle of $refs never reaches a value: #/definitions/A -> #/definitions/B -> #/definitions/A"
    );
}

#[test]
fn a_chain_of_refs_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("root")).unwrap();
    let links: serde_json::Map<_, _> = (0..100)
        .map(|i| {
            (
                format!("D{i}"),
                serde_json::json!({ "$ref": format!("#/definitions/D{}", i + 1) }),
            )
        })
        .chain([("D100".to_owned(), serde_json::json!({ "type": "string" }))])
        .collect();
    let spec = serde_json::json!({ "swagger": "2.0", "paths": {}, "definitions": links });
    fs::write(dir.path().join("root/spec.json"), spec.to_string()).unwrap();
    let message = fail_in(dir.path(), "root", "spec.json");
    assert!(
        message.starts_with(
            "root/spec.json#/definitions/D0: a chain of $refs is too long: #/definitions/D0 -> #/definitions/D1 -> "
        ),
        "{message}"
    );
}

#[test]
fn a_paths_entry_that_is_not_an_object_is_named() {
    assert_eq!(
        fail("path-not-object"),
        "specs/bad/path-not-object/spec.json#/paths/~1widgets: invalid type: string \"GET /widgets\", expected struct PathItem"
    );
}

#[test]
fn a_duplicate_operation_id_names_both_operations() {
    assert_eq!(
        fail("duplicate-operation-id"),
        "specs/bad/duplicate-operation-id/spec.json#/paths/~1gadgets/get: operationId `Widgets_List` is used twice (first at #/paths/~1widgets/get)"
    );
}

#[test]
fn openapi_3_is_refused_naming_the_version() {
    assert_eq!(
        fail("openapi3"),
        "specs/bad/openapi3/spec.json#/openapi: not a Swagger 2.0 document: found OpenAPI \"3.0.1\"; armgen reads Swagger 2.0"
    );
}

#[test]
fn another_swagger_version_is_refused_naming_the_version() {
    assert_eq!(
        fail("swagger12"),
        "specs/bad/swagger12/spec.json#/swagger: not a Swagger 2.0 document: `swagger` is \"1.2\", expected \"2.0\""
    );
}

#[test]
fn a_missing_spec_root_is_named() {
    let message = fail_in(
        &support::workspace_root(),
        "specs/bad/no-such-root",
        "spec.json",
    );
    assert!(
        message.starts_with("specs/bad/no-such-root: the spec root is not a readable folder ("),
        "{message}"
    );
}

/// A spec root `root/` with `spec.json` referring to `./link.json`, and `outside.json`
/// beside the root.
#[cfg(unix)]
fn root_with_outside_file() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("root")).unwrap();
    fs::write(
        dir.path().join("outside.json"),
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"B": {"type": "string"}}}"#,
    )
    .unwrap();
    fs::write(
        dir.path().join("root/spec.json"),
        r#"{"swagger": "2.0", "paths": {}, "definitions": {"A": {"$ref": "./link.json#/definitions/B"}}}"#,
    )
    .unwrap();
    dir
}

#[cfg(unix)]
#[test]
fn a_referenced_symlink_leading_out_of_the_root_is_refused() {
    let dir = root_with_outside_file();
    std::os::unix::fs::symlink("../outside.json", dir.path().join("root/link.json")).unwrap();
    assert_eq!(
        fail_in(dir.path(), "root", "spec.json"),
        "root/spec.json#/definitions/A: $ref `./link.json#/definitions/B` names a file that cannot be read: the file is a link that leads outside the spec root"
    );
}

#[cfg(unix)]
#[test]
fn a_spec_that_is_a_symlink_leading_out_of_the_root_is_refused() {
    let dir = root_with_outside_file();
    std::os::unix::fs::symlink("../outside.json", dir.path().join("root/link.json")).unwrap();
    assert_eq!(
        fail_in(dir.path(), "root", "link.json"),
        "root/link.json: the file is a link that leads outside the spec root"
    );
}

#[cfg(unix)]
#[test]
fn a_symlinked_folder_leading_out_of_the_root_is_refused() {
    let dir = root_with_outside_file();
    std::os::unix::fs::symlink("..", dir.path().join("root/up")).unwrap();
    assert_eq!(
        fail_in(dir.path(), "root", "up/outside.json"),
        "root/up/outside.json: the file is a link that leads outside the spec root"
    );
}
