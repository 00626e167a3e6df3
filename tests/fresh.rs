//! `generated/` must be what `cargo run` produces from the repository's manifest. When it
//! is not, this test fails listing the stale files; `cargo run`, or `UPDATE_EXPECT=1` as
//! for every golden test, rewrites them, and the fix is to look at the diff and commit it.

mod support;

use armgen::Generator;

#[test]
fn generated_files_are_fresh() {
    let manifest = support::manifest();
    let generated = Generator::from_manifest(&manifest)
        .generate()
        .unwrap_or_else(|error| panic!("{error}"));
    let differences = support::golden(&generated.files, &manifest.output.dir);
    assert!(
        differences.is_empty(),
        "generated/ is not fresh (run `cargo run` or rerun with UPDATE_EXPECT=1, then commit):\n{}",
        differences.join("\n")
    );
}
