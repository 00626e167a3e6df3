//! One module per folder of `tests/cases`, holding the case's expected `models.rs` and
//! `client.rs`: adding a case folder is all it takes to have its outputs compiled.
//!
//! Under `UPDATE_EXPECT` (when `tests/golden.rs` rewrites the expected files) the modules
//! stay empty: files from an older generator that no longer compile must not stop their
//! own rewriting. The next plain `cargo test` compiles what was written.

use std::fmt::Write;
use std::path::Path;

fn main() {
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join("../cases");
    println!("cargo:rerun-if-changed={}", cases.display());
    println!("cargo:rerun-if-env-changed=UPDATE_EXPECT");
    let updating = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut folders: Vec<_> = std::fs::read_dir(&cases)
        .expect("tests/cases is readable")
        .map(|entry| entry.expect("tests/cases is readable").path())
        .filter(|path| path.is_dir())
        .collect();
    folders.sort();
    let mut modules = String::new();
    let mut names = Vec::new();
    for folder in folders {
        let case = folder
            .file_name()
            .unwrap()
            .to_str()
            .expect("case names are UTF-8");
        let module = case.replace('-', "_");
        // The emitted files carry no inner attributes (so build scripts can `include!`
        // them): the lint levels are the generated crate's, set here.
        writeln!(modules, "#[rustfmt::skip]\n#[allow(clippy::enum_variant_names, clippy::too_many_arguments)]\npub mod {module} {{").unwrap();
        for output in ["models", "client"] {
            let file = folder.join("expected").join(format!("{output}.rs"));
            if file.is_file() && !updating {
                writeln!(
                    modules,
                    "    pub mod {output} {{ include!({:?}); }}",
                    file.display().to_string()
                )
                .unwrap();
            }
        }
        writeln!(modules, "}}").unwrap();
        names.push(format!("{case:?}"));
    }
    writeln!(
        modules,
        "/// The cases compiled, by folder name.\npub const CASES: &[&str] = &[{}];",
        names.join(", ")
    )
    .unwrap();
    let out = Path::new(&std::env::var("OUT_DIR").unwrap()).join("cases.rs");
    std::fs::write(out, modules).unwrap();
}
