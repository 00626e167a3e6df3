//! armgen from a `build.rs`: the `rerun-if-changed` lines name exactly the files read,
//! errors fail the build with the CLI's message and no panic, and the emitted files can
//! be `include!`d.
//!
//! The real build script is `examples/build-script`'s, a dev-dependency of this package,
//! so cargo has run it before this test starts; the test reads the `output` file cargo
//! recorded for it rather than starting a nested cargo (which would wait for the build
//! lock `cargo test` holds).

mod support;

use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

const SPEC: &str = "containerregistry/resource-manager/Microsoft.ContainerRegistry/preview/2021-08-01-preview/containerregistry.json";

/// The files reachable from `spec` through `$ref`s (examples included), found by walking
/// the JSON independently of armgen's loader.
fn referenced_files(spec: &Path) -> BTreeSet<PathBuf> {
    fn refs(value: &Value, out: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get("$ref") {
                    out.push(target.clone());
                }
                map.values().for_each(|v| refs(v, out));
            }
            Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
            _ => {}
        }
    }
    let mut seen = BTreeSet::new();
    let mut queue = vec![spec.canonicalize().unwrap()];
    while let Some(file) = queue.pop() {
        if !seen.insert(file.clone()) {
            continue;
        }
        let json: Value = serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap();
        let mut targets = Vec::new();
        refs(&json, &mut targets);
        for target in targets {
            let path = target.split('#').next().unwrap();
            if !path.is_empty() {
                let next = file.parent().unwrap().join(path);
                queue.push(
                    next.canonicalize()
                        .unwrap_or_else(|e| panic!("{next:?}: {e}")),
                );
            }
        }
    }
    seen
}

/// The values of the `cargo:<key>=` lines of a build script's output.
fn values<'a>(output: &'a str, key: &str) -> Vec<&'a str> {
    let prefix = format!("cargo:{key}=");
    output
        .lines()
        .filter_map(|line| line.strip_prefix(prefix.as_str()))
        .collect()
}

#[test]
fn the_example_build_script_reruns_on_exactly_the_files_read() {
    let out_dir = Path::new(build_script_example::OUT_DIR);
    let output = fs::read_to_string(out_dir.parent().unwrap().join("output")).unwrap();
    // Relative paths in the protocol are relative to the package, where the script ran.
    let package = support::workspace_root().join("examples/build-script");
    let rerun: Vec<PathBuf> = values(&output, "rerun-if-changed")
        .into_iter()
        .map(|path| package.join(path).canonicalize().unwrap())
        .collect();
    let unique: BTreeSet<PathBuf> = rerun.iter().cloned().collect();
    assert_eq!(unique.len(), rerun.len(), "a file is listed twice");

    // The example's spec root, by the rule its build script follows.
    let spec_root = package.join(
        armgen::Generator::new("../../specs/azure-rest-api-specs/specification")
            .spec_root_overrides(None)
            .spec_root,
    );
    let spec = spec_root.join(SPEC).canonicalize().unwrap();
    let expected = referenced_files(&spec);
    let examples_dir = spec.parent().unwrap().join("examples");
    let examples = expected
        .iter()
        .filter(|p| p.starts_with(&examples_dir))
        .count();
    assert_eq!(examples, 65, "the spec's example files");
    assert_eq!(unique, expected);
    assert_eq!(
        values(&output, "rerun-if-env-changed"),
        ["ARMGEN_SPEC_ROOT"]
    );
    assert_eq!(
        values(&output, "rustc-check-cfg"),
        [r#"cfg(feature, values("client", "reqwest", "examples", "roundtrip"))"#]
    );
    assert!(values(&output, "warning").is_empty(), "{output}");
}

#[test]
fn every_feature_the_emitted_code_tests_is_declared_to_check_cfg() {
    let root = support::workspace_root();
    let mut tested = BTreeSet::new();
    for file in ["generated/src/models.rs", "generated/src/client.rs"] {
        let text = fs::read_to_string(root.join(file)).unwrap();
        for (at, _) in text.match_indices("feature = \"") {
            let name = &text[at + 11..];
            tested.insert(name[..name.find('"').unwrap()].to_owned());
        }
    }
    let declared: BTreeSet<String> = armgen::build::FEATURES
        .iter()
        .map(|f| f.to_string())
        .collect();
    assert_eq!(tested, declared);
}

/// `include!` refuses inner attributes and inner doc comments.
#[test]
fn the_emitted_files_have_no_inner_attributes() {
    let root = support::workspace_root();
    let mut files = vec![
        root.join("generated/src/models.rs"),
        root.join("generated/src/client.rs"),
    ];
    for case in fs::read_dir(root.join("tests/cases")).unwrap() {
        let case = case.unwrap().path();
        for output in ["models.rs", "client.rs"] {
            files.push(case.join("expected").join(output));
        }
    }
    for file in files {
        let syntax = syn::parse_file(&fs::read_to_string(&file).unwrap()).unwrap();
        assert!(
            syntax.shebang.is_none() && syntax.attrs.is_empty(),
            "{file:?}"
        );
    }
}

/// Under `ARMGEN_BUILD_SCRIPT_CHILD`, runs `build_script()` on a spec with a dangling
/// `$ref`, as a failing build script would; the test below runs this test binary as
/// that child, since `build_script()` ends the process.
#[test]
fn child_build_script_on_a_bad_spec() {
    if std::env::var_os("ARMGEN_BUILD_SCRIPT_CHILD").is_some() {
        armgen::Generator::new(support::workspace_root().join("specs/bad/dangling-ref"))
            .spec("spec.json")
            .models("models.rs")
            .build_script();
        unreachable!("build_script() returned on a bad spec");
    }
}

#[test]
fn a_bad_spec_fails_the_build_with_the_cli_message_and_no_panic() {
    let out_dir = tempfile::tempdir().unwrap();
    let output = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_build_script_on_a_bad_spec", "--nocapture"])
        .env("ARMGEN_BUILD_SCRIPT_CHILD", "1")
        .env("OUT_DIR", out_dir.path())
        .env_remove("RUST_BACKTRACE")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let spec = support::workspace_root().join("specs/bad/dangling-ref/spec.json");
    let message = format!(
        "armgen: error: {}#/definitions/A/properties/b: dangling $ref: nothing at spec.json#/definitions/Missing",
        spec.display()
    );
    assert_eq!(values(&stdout, "warning"), [message.as_str()], "{stdout}");
    assert!(stderr.contains(&message), "{stderr}");
    assert_eq!(
        fs::read_dir(out_dir.path()).unwrap().count(),
        0,
        "wrote into OUT_DIR"
    );
}

#[test]
fn without_out_dir_build_script_is_an_error_not_a_panic() {
    let output = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_build_script_on_a_bad_spec", "--nocapture"])
        .env("ARMGEN_BUILD_SCRIPT_CHILD", "1")
        .env_remove("OUT_DIR")
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        values(&stdout, "warning"),
        ["armgen: error: OUT_DIR is not set: build_script() is for build scripts run by cargo"]
    );
}

#[test]
fn generate_for_cargo_writes_the_outputs_and_lists_the_files_read() {
    let root = support::workspace_root().join("specs/fixtures/widgets");
    let out_dir = tempfile::tempdir().unwrap();
    let mut cargo = Vec::new();
    armgen::Generator::new(&root)
        .spec("widgets.json")
        .models("models.rs")
        .client("client.rs")
        .generate_for_cargo(out_dir.path(), &mut cargo)
        .unwrap();
    let cargo = String::from_utf8(cargo).unwrap();
    let listed: BTreeSet<PathBuf> = values(&cargo, "rerun-if-changed")
        .into_iter()
        .map(|path| Path::new(path).canonicalize().unwrap())
        .collect();
    assert_eq!(listed, referenced_files(&root.join("widgets.json")));
    for file in ["models.rs", "client.rs"] {
        assert!(out_dir.path().join(file).is_file(), "{file} not written");
    }
}
