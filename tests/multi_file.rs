//! An api-version of several files (`tests/cases/multi-file`: `Gadgets.json`, `Parts.json`,
//! `Widgets.json` over common-types v1, v2 and v3) as one API: a folder as input, from the
//! command and the manifest; one type per definition that is the same in several files,
//! file-stem names for differing ones; pages whose dependencies cross files. The golden
//! test holds the whole outputs; these tests say which of their properties matter.

#[path = "support/spec_roots.rs"]
mod spec_roots;
mod support;

use armgen::Generator;
use std::path::{Path, PathBuf};
use std::process::Command;

const FOLDER: &str = "gadget/resource-manager/Microsoft.Gadget/stable/2024-01-01";

fn case() -> PathBuf {
    support::workspace_root().join("tests/cases/multi-file")
}

fn spec_root() -> tempfile::TempDir {
    let vendored = support::manifest().spec_root;
    spec_roots::with_common_types(&case().join("specification"), &vendored)
}

fn generate(root: &Path, specs: &[&str]) -> armgen::Result<armgen::Generated> {
    specs
        .iter()
        .fold(Generator::new(root), |generator, spec| generator.spec(spec))
        .models("models.rs")
        .client("client.rs")
        .docs("docs")
        .generate()
}

fn text(generated: &armgen::Generated, path: &str) -> String {
    generated
        .files
        .get(Path::new(path))
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn a_folder_is_its_json_files_in_name_order() {
    let root = spec_root();
    // Its examples/ holds JSON that is no Swagger document: read as specs, they would be
    // refused.
    let folder = generate(root.path(), &[FOLDER]).unwrap();
    let files: Vec<String> = ["Gadgets", "Parts", "Widgets"]
        .iter()
        .map(|stem| format!("{FOLDER}/{stem}.json"))
        .collect();
    let listed = generate(
        root.path(),
        &files.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    assert_eq!(folder.files, listed.unwrap().files);
}

#[test]
fn a_folder_without_json_files_is_an_error_naming_it() {
    let root = spec_root();
    let empty = root.path().join("gadget/empty");
    std::fs::create_dir_all(&empty).unwrap();
    let error = generate(root.path(), &["gadget/empty"])
        .unwrap_err()
        .to_string();
    assert!(
        error.ends_with("gadget/empty: the folder holds no `.json` spec file"),
        "{error}"
    );
}

#[test]
fn same_definitions_are_one_type_and_differing_ones_take_their_files_stem() {
    let root = spec_root();
    let models = text(&generate(root.path(), &[FOLDER]).unwrap(), "models.rs");
    let structs = |name: &str| {
        models
            .lines()
            .filter(|line| *line == format!("pub struct {name} {{"))
            .count()
    };
    // `Sku` is written alike in Gadgets.json and Parts.json.
    assert_eq!(structs("Sku"), 1);
    // Parts.json's own `ErrorResponse` (an input file's) keeps the name; those of
    // common-types, all `types.json`, take their folder too.
    for name in [
        "ErrorResponse",
        "V1TypesErrorResponse",
        "V2TypesErrorResponse",
        "V3TypesErrorResponse",
        "Status",
    ] {
        assert_eq!(structs(name), 1, "{name} in\n{models}");
    }
    assert!(models.contains("pub enum PartsStatus {"), "{models}");
}

#[test]
fn pages_have_parents_and_dependencies_in_other_files() {
    let root = spec_root();
    let docs = generate(root.path(), &[FOLDER]).unwrap();
    let gadget = "- [Gadget](../Gadget/Gadget.md)";
    // Part's parent (from its path) and Widget's `gadgetId` name a Gadget of Gadgets.json.
    for page in ["docs/Gadget/Part.md", "docs/Gadget/Widget.md"] {
        assert!(text(&docs, page).contains(gadget), "{page}");
    }
    // Alone, Parts.json knows no Gadget.
    let alone = generate(root.path(), &[&format!("{FOLDER}/Parts.json")]).unwrap();
    assert!(!text(&alone, "docs/Gadget/Part.md").contains(gadget));
}

#[test]
fn the_command_and_the_manifest_take_a_folder() {
    let root = spec_root();
    let expected = generate(root.path(), &[FOLDER]).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let manifest = format!(
        "spec_root = {:?}\nspecs = [{FOLDER:?}]\n\n[output]\ndir = \"out\"\n\
         models = \"models.rs\"\nclient = \"client.rs\"\ndocs = \"docs\"\n",
        root.path().to_str().unwrap()
    );
    std::fs::write(dir.path().join("armgen.toml"), manifest).unwrap();
    let armgen = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_armgen"))
            .current_dir(dir.path())
            .args(["--manifest", "armgen.toml", "-q"])
            .args(args)
            .env_remove("ARMGEN_SPEC_ROOT")
            .output()
            .unwrap();
        assert!(output.status.success(), "{output:?}");
    };
    armgen(&[]);
    assert!(expected
        .files
        .check(&dir.path().join("out"))
        .unwrap()
        .is_fresh());
    std::fs::remove_dir_all(dir.path().join("out")).unwrap();
    armgen(&["--spec", FOLDER]);
    assert!(expected
        .files
        .check(&dir.path().join("out"))
        .unwrap()
        .is_fresh());
}
