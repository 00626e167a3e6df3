//! `generated/` must be what `cargo run` produces from the repository's manifest. When it
//! is not, this test fails *and* rewrites the stale files (as rust-analyzer's codegen
//! tests do), so the fix is to look at the diff and commit it.

mod support;

use armgen::Generator;

#[test]
fn generated_files_are_fresh() {
    let manifest = support::manifest();
    let generated = Generator::from_manifest(&manifest)
        .generate()
        .unwrap_or_else(|error| panic!("{error}"));
    let dir = &manifest.output.dir;
    let report = generated.files.check(dir).unwrap();
    if report.is_fresh() {
        return;
    }
    generated.files.write(dir).unwrap();
    let mut listing = String::new();
    for (what, paths) in [
        ("stale", &report.stale),
        ("missing", &report.missing),
        ("extra", &report.removed),
    ] {
        for path in paths {
            listing += &format!("\n  {what}: {}", dir.join(path).display());
        }
    }
    panic!("generated/ was not fresh; these files are now rewritten, commit them:{listing}");
}
