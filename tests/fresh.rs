//! `generated/` must be what `cargo run` produces from the repository's manifest. When it
//! is not, this test fails listing the stale files; `cargo run`, or `UPDATE_EXPECT=1` as
//! for every golden test, rewrites them, and the fix is to look at the diff and commit it.

mod support;

use armgen::{Generator, Manifest};

#[test]
fn generated_files_are_fresh() {
    let manifest = Manifest::read(&support::workspace_root().join("specs/armgen.toml")).unwrap();
    let mut generator = Generator::from_manifest(&manifest);
    // The same override as the CLI, for checkouts of the specs kept elsewhere.
    if let Some(root) = std::env::var_os("ARMGEN_SPEC_ROOT").filter(|root| !root.is_empty()) {
        generator.spec_root = root.into();
    }
    let generated = generator
        .generate()
        .unwrap_or_else(|error| panic!("{error}"));
    let differences = support::golden(&generated.files, &manifest.output.dir);
    assert!(
        differences.is_empty(),
        "generated/ is not fresh (run `cargo run` or rerun with UPDATE_EXPECT=1, then commit):\n{}",
        differences.join("\n")
    );
}
