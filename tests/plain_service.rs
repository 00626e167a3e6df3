//! A plain REST service (`specs/fixtures/plain-service/`), as most AutoRest test-server
//! specs are: operations below no provider namespace are no ARM resource, so they get no
//! docs page (and no error), and an `x-ms-examples` file that is missing is a warning
//! naming the `$ref`, on stderr from the command and as `cargo:warning=` from build
//! scripts, the example being left out. (A missing file named by a schema's `$ref` stays
//! an error: `bad_input.rs`.)

mod support;

use armgen::Generator;
use std::process::Command;

const WARNING: &str = "specs/fixtures/plain-service/spec.json#/paths/~1widgets~1{name}/get/x-ms-examples/Get a widget: \
    $ref `./examples/missing.json` names a file that cannot be read: cannot read the file: ";

#[test]
fn the_command_warns_of_a_missing_example_and_writes_no_page() {
    let out = tempfile::tempdir().unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_armgen"))
        .current_dir(support::workspace_root())
        .args([
            "--spec-root",
            "specs/fixtures/plain-service",
            "--spec",
            "spec.json",
            "--out",
        ])
        .arg(out.path())
        .env_remove("ARMGEN_SPEC_ROOT")
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(0), "stderr: {stderr}");
    let warning = stderr
        .strip_prefix("armgen: warning: ")
        .unwrap_or_else(|| panic!("no warning first: {stderr:?}"));
    assert!(warning.starts_with(WARNING), "{stderr}");
    assert!(
        warning.trim_end().ends_with("; the example is left out"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("docs: 0 written"), "{stdout}");
    assert!(out.path().join("src/client.rs").is_file());
}

#[test]
fn a_build_script_gets_the_warning_as_cargo_warning() {
    let out = tempfile::tempdir().unwrap();
    let mut cargo = Vec::new();
    let generated = Generator::new(support::workspace_root().join("specs/fixtures/plain-service"))
        .spec("spec.json")
        .models("models.rs")
        .client("client.rs")
        .generate_for_cargo(out.path(), &mut cargo)
        .unwrap();
    assert_eq!(generated.warnings.len(), 1);
    let cargo = String::from_utf8(cargo).unwrap();
    let warnings: Vec<&str> = cargo
        .lines()
        .filter(|l| l.starts_with("cargo:warning="))
        .collect();
    assert_eq!(warnings.len(), 1, "{cargo}");
    assert!(
        warnings[0].starts_with("cargo:warning=armgen: warning: "),
        "{cargo}"
    );
    assert!(warnings[0].contains("x-ms-examples/Get a widget: $ref `./examples/missing.json`"));
    // The example is left out: no rerun-if-changed line names it.
    assert!(!cargo.contains("missing.json\n"), "{cargo}");
}
