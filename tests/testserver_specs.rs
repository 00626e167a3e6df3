//! Every Swagger file of the AutoRest test server (`tools/testserver`, 74 specs, each
//! exercising one part of the Azure dialect) is generated on its own (spec root: the
//! package's `swagger/` folder), and the outputs are compiled together, as the crates of
//! one cargo workspace (so their dependencies build once), with clippy `-D warnings`.
//!
//! What does not work yet is listed in the README, under "Test-server specs that do not
//! work yet", with the stage that fails and why. The test fails when a spec fails that
//! the list does not name, and when a listed spec fails elsewhere or starts working, so
//! the list stays true; the fix then is to update the README.

mod support;

use armgen::Generator;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

const README_SECTION: &str = "### Test-server specs that do not work yet";

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Outcome {
    /// armgen refuses the spec.
    Generate,
    /// The output does not compile clippy-clean with every feature on.
    Compile,
    Clean,
}

#[test]
fn every_test_server_spec_generates_and_compiles_clippy_clean() {
    let swagger = support::testserver_package().join("swagger");
    let specs = spec_files(&swagger);
    let workspace = Path::new(env!("CARGO_TARGET_TMPDIR")).join("testserver-specs");
    let mut outcomes: BTreeMap<String, (Outcome, String)> = BTreeMap::new();
    let mut crates = BTreeMap::new();
    for spec in &specs {
        let name = crate_name(spec);
        let dir = workspace.join(&name);
        let generated = Generator::new(&swagger)
            .spec(spec)
            .models("src/models.rs")
            .client("src/client.rs")
            .docs("docs")
            .generate();
        match generated.and_then(|generated| generated.files.write(&dir)) {
            Ok(_) => {
                write_crate(&dir, &name, spec);
                crates.insert(name, spec.clone());
            }
            Err(error) => {
                let _ = std::fs::remove_dir_all(&dir);
                outcomes.insert(spec.clone(), (Outcome::Generate, error.message));
            }
        }
    }
    write_workspace(&workspace, crates.keys());
    let compiled = compile(&workspace);
    for (name, spec) in &crates {
        let outcome = match compiled.get(name) {
            Some(Ok(())) => (Outcome::Clean, String::new()),
            Some(Err(first_error)) => (Outcome::Compile, first_error.clone()),
            None => (
                Outcome::Compile,
                "cargo reported nothing for the crate".into(),
            ),
        };
        outcomes.insert(spec.clone(), outcome);
    }

    let total = specs.len();
    let generate = outcomes
        .values()
        .filter(|(o, _)| *o > Outcome::Generate)
        .count();
    let clean = outcomes
        .values()
        .filter(|(o, _)| *o == Outcome::Clean)
        .count();
    println!("{generate} of {total} test-server specs generate, {clean} compile clean");
    assert_eq!(total, 74, "the pinned test server has 74 specs");

    let known = known_failures();
    let mut surprises = String::new();
    for (spec, (outcome, detail)) in &outcomes {
        let expected = known
            .get(spec)
            .map(|(stage, _)| *stage)
            .unwrap_or(Outcome::Clean);
        if *outcome != expected {
            let _ = write!(
                surprises,
                "\n  {spec}: expected {expected:?}, got {outcome:?}{}",
                if detail.is_empty() {
                    String::new()
                } else {
                    format!(": {detail}")
                }
            );
        }
    }
    for spec in known.keys().filter(|spec| !outcomes.contains_key(*spec)) {
        let _ = write!(surprises, "\n  {spec}: listed, but no such spec");
    }
    assert!(
        surprises.is_empty(),
        "the outcomes differ from the README's section `{README_SECTION}`; \
         fix the spec's support or the list:{surprises}"
    );
}

/// The `.json` files of the package's `swagger/` folder, sorted.
fn spec_files(swagger: &Path) -> Vec<String> {
    let mut specs: Vec<String> = std::fs::read_dir(swagger)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".json"))
        .collect();
    specs.sort();
    specs
}

/// `body-boolean.quirks.json` is the crate `ts-body-boolean-quirks`.
fn crate_name(spec: &str) -> String {
    let stem = spec.strip_suffix(".json").unwrap_or(spec);
    let name: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    format!("ts-{name}")
}

/// A crate around the generated files, declared like the repository's `generated/` crate.
fn write_crate(dir: &Path, name: &str, spec: &str) {
    let runtime = support::workspace_root().join("runtime");
    let manifest = format!(
        r#"[package]
name = "{name}"
version = "0.1.0"
edition = "2021"
publish = false
description = "armgen's output for the test server's {spec}"

[features]
default = ["reqwest"]
client = ["armgen-runtime/client"]
reqwest = ["client", "armgen-runtime/reqwest"]
examples = []
roundtrip = []

[dependencies]
armgen-runtime = {{ path = {runtime:?}, default-features = false, features = ["xml"] }}
http = "1"
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"
"#,
        runtime = runtime.display().to_string()
    );
    let lib = "//! armgen's output for one test-server spec.\n\n\
        /// The client.\n#[allow(clippy::too_many_arguments)]\npub mod client;\n\
        /// The models.\n#[allow(clippy::enum_variant_names)]\npub mod models;\n";
    write_if_changed(&dir.join("Cargo.toml"), &manifest);
    write_if_changed(&dir.join("src/lib.rs"), lib);
}

/// The workspace of the crates that generated, sharing the repository's lock file so
/// that the dependencies are the versions the repository tests with.
fn write_workspace<'a>(workspace: &Path, members: impl Iterator<Item = &'a String>) {
    let members: Vec<String> = members.map(|m| format!("{m:?}")).collect();
    let manifest = format!(
        "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
        members.join(", ")
    );
    write_if_changed(&workspace.join("Cargo.toml"), &manifest);
    let lock = workspace.join("Cargo.lock");
    if !lock.exists() {
        std::fs::copy(support::workspace_root().join("Cargo.lock"), lock).unwrap();
    }
    // Crates of specs that stopped generating must not linger as members.
    for entry in std::fs::read_dir(workspace).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("ts-") && !members.contains(&format!("{name:?}")) {
            std::fs::remove_dir_all(path).unwrap();
        }
    }
}

/// Unchanged files keep their timestamps, so cargo's reruns recompile only what changed.
fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return;
    }
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Runs clippy over the workspace with every feature and `-D warnings`, going on past
/// failing crates; for each crate, `Ok` when it compiled clean, else its first error.
fn compile(workspace: &Path) -> BTreeMap<String, Result<(), String>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "clippy",
            "--workspace",
            "--all-features",
            "--keep-going",
            "--message-format=json",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ])
        .current_dir(workspace)
        .env("CARGO_TARGET_DIR", workspace.join("target"))
        .output()
        .expect("cannot run cargo clippy");
    let mut results: BTreeMap<String, Result<(), String>> = BTreeMap::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(message) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let Some(name) = message["target"]["name"]
            .as_str()
            .map(|n| n.replace('_', "-"))
        else {
            continue;
        };
        if !name.starts_with("ts-") {
            continue;
        }
        match message["reason"].as_str() {
            Some("compiler-artifact") => {
                results.entry(name).or_insert(Ok(()));
            }
            Some("compiler-message") if message["message"]["level"] == "error" => {
                let text = message["message"]["rendered"].as_str().unwrap_or_default();
                let first = text.lines().next().unwrap_or_default().to_owned();
                if !matches!(results.get(&name), Some(Err(_))) {
                    results.insert(name, Err(first));
                }
            }
            _ => {}
        }
    }
    if results.is_empty() {
        panic!(
            "cargo clippy reported no crate:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    results
}

/// The README's list of specs that do not work yet: `| `file.json` | stage | reason |`,
/// the stage being `generate` or `compile`.
fn known_failures() -> BTreeMap<String, (Outcome, String)> {
    let readme = std::fs::read_to_string(support::workspace_root().join("README.md")).unwrap();
    let section = readme
        .split_once(README_SECTION)
        .unwrap_or_else(|| panic!("the README has no section `{README_SECTION}`"))
        .1;
    let section = section.split("\n#").next().unwrap_or(section);
    let mut known = BTreeMap::new();
    for line in section.lines() {
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let [_, spec, stage, reason, _] = cells.as_slice() else {
            continue;
        };
        let Some(spec) = spec.strip_prefix('`').and_then(|s| s.strip_suffix('`')) else {
            continue;
        };
        let stage = match *stage {
            "generate" => Outcome::Generate,
            "compile" => Outcome::Compile,
            other => panic!("README: `{spec}` has the stage `{other}`, not generate or compile"),
        };
        assert!(!reason.is_empty(), "README: `{spec}` has no reason");
        known.insert(spec.to_owned(), (stage, reason.to_string()));
    }
    known
}
