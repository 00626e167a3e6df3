//! The `armgen` command, run as a real process in a temporary folder on the small spec
//! `specs/fixtures/widgets/`: summaries, `--check`, owned-file removal, `-q`/`-v`, flags
//! overriding the manifest, and output folders left alone on error.
//!
//! The assertions are about files and counts the foundation decides (`src/models.rs`,
//! `src/client.rs`, `.armgen-files`), not about what the emitters put in them.

mod support;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary folder holding `armgen.toml`, whose output folder is `out/`.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = support::workspace_root().join("specs/fixtures/widgets");
    let manifest = format!(
        "spec_root = {:?}\nspecs = [\"widgets.json\"]\n\n[output]\ndir = \"out\"\n\
         models = \"src/models.rs\"\nclient = \"src/client.rs\"\ndocs = \"docs\"\n",
        root.to_str().unwrap()
    );
    fs::write(dir.path().join("armgen.toml"), manifest).unwrap();
    dir
}

/// Runs `armgen --manifest armgen.toml <args>` in `dir`.
fn armgen(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_armgen"))
        .current_dir(dir)
        .args(["--manifest", "armgen.toml"])
        .args(args)
        .env_remove("ARMGEN_SPEC_ROOT")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Runs armgen expecting success and returns its stdout.
fn generate(dir: &Path, args: &[&str]) -> String {
    let output = armgen(dir, args);
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    stdout(&output)
}

/// Every file below `dir` with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes = fs::read(&path).unwrap();
                files.insert(path.strip_prefix(dir).unwrap().to_path_buf(), bytes);
            }
        }
    }
    files
}

fn record(dir: &Path) -> String {
    fs::read_to_string(dir.join("out/.armgen-files")).unwrap()
}

#[test]
fn generates_each_output_with_one_summary_line_and_the_time() {
    let dir = project();
    let first = generate(dir.path(), &[]);
    let lines: Vec<&str> = first.lines().collect();
    assert_eq!(lines[0], "models: 1 written, 0 unchanged, 0 removed");
    assert_eq!(lines[1], "client: 1 written, 0 unchanged, 0 removed");
    assert!(lines[2].starts_with("docs: ") && lines[2].ends_with(" unchanged, 0 removed"));
    assert!(lines[3].starts_with("generated in ") && lines[3].ends_with(" ms"));
    assert_eq!(lines.len(), 4, "{first}");
    assert!(record(dir.path()).starts_with("src/client.rs\nsrc/models.rs\n"));
    assert!(dir.path().join("out/src/models.rs").is_file());

    let before = snapshot(dir.path());
    let second = generate(dir.path(), &[]);
    assert!(second.starts_with(
        "models: 0 written, 1 unchanged, 0 removed\nclient: 0 written, 1 unchanged, 0 removed\ndocs: 0 written, "
    ));
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn check_exits_0_when_fresh_and_1_naming_each_stale_missing_or_extra_file() {
    let dir = project();
    generate(dir.path(), &[]);
    let fresh = armgen(dir.path(), &["--check"]);
    assert_eq!(fresh.status.code(), Some(0), "{}", stderr(&fresh));
    assert!(stdout(&fresh).starts_with(
        "models: 1 fresh, 0 stale, 0 missing, 0 extra\nclient: 1 fresh, 0 stale, 0 missing, 0 extra\n"
    ));
    assert_eq!(stderr(&fresh), "");

    fs::write(dir.path().join("out/src/models.rs"), "// edited by hand\n").unwrap();
    fs::remove_file(dir.path().join("out/src/client.rs")).unwrap();
    fs::write(dir.path().join("out/src/old.rs"), "// generated once\n").unwrap();
    let listed = format!("{}src/old.rs\n", record(dir.path()));
    fs::write(dir.path().join("out/.armgen-files"), listed).unwrap();
    let before = snapshot(dir.path());

    let stale = armgen(dir.path(), &["--check"]);
    assert_eq!(stale.status.code(), Some(1));
    assert_eq!(
        stderr(&stale),
        "stale: out/src/models.rs\nstale: out/.armgen-files\nmissing: out/src/client.rs\nextra: out/src/old.rs\n"
    );
    assert!(stdout(&stale).starts_with(
        "models: 0 fresh, 1 stale, 0 missing, 0 extra\nclient: 0 fresh, 0 stale, 1 missing, 0 extra\n"
    ));
    assert_eq!(snapshot(dir.path()), before, "--check wrote something");

    generate(dir.path(), &[]);
    assert_eq!(armgen(dir.path(), &["--check"]).status.code(), Some(0));
}

#[test]
fn check_of_a_folder_never_generated_lists_everything_missing_and_creates_nothing() {
    let dir = project();
    let output = armgen(dir.path(), &["--check", "-q"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("missing: out/src/client.rs\nmissing: out/src/models.rs\n"));
    assert!(stderr(&output).ends_with("missing: out/.armgen-files\n"));
    assert_eq!(stdout(&output), "");
    assert!(!dir.path().join("out").exists());
}

#[test]
fn removes_owned_files_no_longer_generated_and_nothing_else() {
    let dir = project();
    generate(dir.path(), &[]);
    fs::write(dir.path().join("out/src/old.rs"), "// generated once\n").unwrap();
    fs::write(dir.path().join("out/src/lib.rs"), "// hand-written\n").unwrap();
    fs::write(dir.path().join("outside.txt"), "not armgen's\n").unwrap();
    // A listed path outside the output folder is never the generator's to remove.
    let listed = format!("{}src/old.rs\n../outside.txt\n", record(dir.path()));
    fs::write(dir.path().join("out/.armgen-files"), listed).unwrap();

    let summary = generate(dir.path(), &[]);
    assert!(
        summary.contains("\nother: 0 written, 0 unchanged, 1 removed\n"),
        "{summary}"
    );
    assert!(!dir.path().join("out/src/old.rs").exists());
    assert_eq!(
        fs::read_to_string(dir.path().join("out/src/lib.rs")).unwrap(),
        "// hand-written\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("outside.txt")).unwrap(),
        "not armgen's\n"
    );
    assert!(!record(dir.path()).contains("old.rs"));
}

#[cfg(unix)]
#[test]
fn a_listed_file_below_a_symlink_leading_out_is_not_removed() {
    let dir = project();
    generate(dir.path(), &[]);
    fs::create_dir(dir.path().join("elsewhere")).unwrap();
    fs::write(dir.path().join("elsewhere/keep.rs"), "// not armgen's\n").unwrap();
    std::os::unix::fs::symlink("../elsewhere", dir.path().join("out/linked")).unwrap();
    let listed = format!("{}linked/keep.rs\n", record(dir.path()));
    fs::write(dir.path().join("out/.armgen-files"), listed).unwrap();
    generate(dir.path(), &[]);
    assert!(dir.path().join("elsewhere/keep.rs").exists());
}

#[test]
fn quiet_prints_nothing() {
    let dir = project();
    let output = armgen(dir.path(), &["-q"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), "");
    assert_eq!(stderr(&output), "");
    assert!(dir.path().join("out/src/models.rs").is_file());
}

#[test]
fn verbose_explains_each_step() {
    let dir = project();
    let output = armgen(dir.path(), &["-v"]);
    assert_eq!(output.status.code(), Some(0));
    let stderr = stderr(&output);
    assert!(
        stderr.starts_with("  loaded 1 spec file(s), 2 operations, 4 files read ("),
        "{stderr}"
    );
    assert!(stderr.contains("\n  models -> src/models.rs ("), "{stderr}");
    assert!(stderr.contains("\n  wrote out/src/models.rs\n"), "{stderr}");
}

#[test]
fn flags_override_the_manifest() {
    let dir = project();
    // The manifest's spec root is wrong; --spec-root and --spec replace it and its specs.
    let manifest = fs::read_to_string(dir.path().join("armgen.toml")).unwrap();
    let broken = manifest
        .replace("widgets.json", "nothing.json")
        .replace("specs/fixtures/widgets", "nowhere");
    fs::write(dir.path().join("armgen.toml"), broken).unwrap();
    let root = support::workspace_root().join("specs/fixtures/widgets");
    generate(
        dir.path(),
        &[
            "--spec-root",
            root.to_str().unwrap(),
            "--spec",
            "widgets.json",
            "--out",
            "elsewhere",
        ],
    );
    assert!(dir.path().join("elsewhere/src/models.rs").is_file());
    assert!(!dir.path().join("out").exists());
}

#[test]
fn the_spec_root_flag_beats_the_environment() {
    let dir = project();
    let root = support::workspace_root().join("specs/fixtures/widgets");
    let output = Command::new(env!("CARGO_BIN_EXE_armgen"))
        .current_dir(dir.path())
        .args([
            "--manifest",
            "armgen.toml",
            "--spec-root",
            root.to_str().unwrap(),
        ])
        .env("ARMGEN_SPEC_ROOT", "nowhere")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn a_missing_spec_root_says_who_set_it_and_what_it_must_hold() {
    let dir = project();
    let manifest = fs::read_to_string(dir.path().join("armgen.toml")).unwrap();
    let elsewhere = manifest.replace("fixtures/widgets", "fixtures/nowhere");
    fs::write(dir.path().join("armgen.toml"), elsewhere).unwrap();
    let from_manifest = stderr(&armgen(dir.path(), &[]));
    for part in [
        "the spec root is not a readable folder",
        "set by spec_root in armgen.toml, which --spec-root DIR or ARMGEN_SPEC_ROOT override",
        "the `specification` folder of a checkout of Azure/azure-rest-api-specs",
        "(here widgets.json)",
    ] {
        assert!(from_manifest.contains(part), "{part:?} in {from_manifest}");
    }
    let from_env = Command::new(env!("CARGO_BIN_EXE_armgen"))
        .current_dir(dir.path())
        .args(["--manifest", "armgen.toml"])
        .env("ARMGEN_SPEC_ROOT", "nowhere")
        .output()
        .unwrap();
    assert_eq!(from_env.status.code(), Some(2));
    assert!(
        stderr(&from_env).contains("set by ARMGEN_SPEC_ROOT"),
        "{}",
        stderr(&from_env)
    );
    let from_flag = stderr(&armgen(dir.path(), &["--spec-root", "nowhere"]));
    assert!(from_flag.contains("set by --spec-root"), "{from_flag}");
}

#[test]
fn an_absolute_spec_path_inside_the_spec_root_is_taken() {
    let dir = project();
    let spec = support::workspace_root().join("specs/fixtures/widgets/widgets.json");
    // The outputs written from the manifest's relative path are fresh for the absolute one.
    generate(dir.path(), &[]);
    let absolute = generate(dir.path(), &["--check", "--spec", spec.to_str().unwrap()]);
    assert!(absolute.contains("models: 1 fresh, 0 stale"), "{absolute}");

    let outside = support::workspace_root().join("specs/fixtures/resolve");
    let refused = armgen(dir.path(), &["--spec", outside.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("the spec path leads outside the spec root"),
        "{}",
        stderr(&refused)
    );
}

#[test]
fn printed_paths_are_tidy_and_check_counts_every_file_it_lists() {
    let dir = project();
    fs::create_dir(dir.path().join("specs")).unwrap();
    let manifest = fs::read_to_string(dir.path().join("armgen.toml")).unwrap();
    let manifest = manifest.replace("dir = \"out\"", "dir = \"../out\"");
    fs::write(dir.path().join("specs/armgen.toml"), manifest).unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_armgen"))
            .current_dir(dir.path())
            .args(["--manifest", "specs/armgen.toml"])
            .args(args)
            .env_remove("ARMGEN_SPEC_ROOT")
            .output()
            .unwrap()
    };
    let check = run(&["--check"]);
    assert_eq!(check.status.code(), Some(1));
    let listed = stderr(&check);
    assert!(listed.contains("missing: out/src/models.rs"), "{listed}");
    assert!(!listed.contains(".."), "{listed}");
    // Every file listed is counted on some summary line, the ownership record included.
    let counted: usize = stdout(&check)
        .lines()
        .filter_map(|line| line.split_once(": "))
        .flat_map(|(_, counts)| counts.split(", "))
        .filter(|count| !count.ends_with(" fresh"))
        .map(|count| count.split(' ').next().unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(
        counted,
        listed.lines().count(),
        "{}{listed}",
        stdout(&check)
    );
    assert!(listed.contains("missing: out/.armgen-files"), "{listed}");
}

#[test]
fn a_bad_spec_root_leaves_the_output_folder_byte_identical() {
    let dir = project();
    generate(dir.path(), &[]);
    fs::write(dir.path().join("out/src/lib.rs"), "// hand-written\n").unwrap();
    let before = snapshot(dir.path());
    for args in [
        &["--spec-root", "nowhere"][..],
        &["--spec-root", "nowhere", "--check"],
    ] {
        let output = armgen(dir.path(), args);
        assert_eq!(output.status.code(), Some(2));
        let stderr = stderr(&output);
        assert!(
            stderr.starts_with("armgen: error: nowhere: the spec root is not a readable folder ("),
            "{stderr}"
        );
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert_eq!(stdout(&output), "");
        assert_eq!(snapshot(dir.path()), before);
    }
}

#[test]
fn a_failed_write_replaces_nothing_and_leaves_no_temporary_files() {
    let dir = project();
    generate(dir.path(), &[]);
    fs::write(dir.path().join("out/src/models.rs"), "// old\n").unwrap();
    // A folder where a generated file goes: found before anything is staged.
    fs::remove_file(dir.path().join("out/src/client.rs")).unwrap();
    fs::create_dir(dir.path().join("out/src/client.rs")).unwrap();
    let before = snapshot(dir.path());
    let output = armgen(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with(
            "armgen: error: out/src/client.rs: cannot write the file: a folder is in its place"
        ),
        "{}",
        stderr(&output)
    );
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_missing_manifest_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let output = armgen(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("armgen: error: armgen.toml: cannot read the manifest: "),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_invalid_manifest_names_the_file() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("armgen.toml"), "spec_root = 1\n").unwrap();
    let output = armgen(dir.path(), &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("armgen: error: armgen.toml: invalid manifest: "),
        "{}",
        stderr(&output)
    );
}

/// `--crate NAME --out DIR` writes a crate that `cargo build` builds on its own, without
/// a warning, and that `--check` then finds fresh. The spec is the repository's own (the
/// widgets fixture's client does not compile yet: its error type, referenced only by
/// responses in another file, is not emitted).
#[test]
fn crate_writes_a_crate_that_builds_on_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let manifest = support::workspace_root().join("specs/armgen.toml");
    let args = [
        "--manifest",
        manifest.to_str().unwrap(),
        "--crate",
        "azure-acr",
        "--out",
        "crate",
    ];
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_armgen"))
            .current_dir(dir.path())
            .args(args)
            .args(extra)
            .env_remove("ARMGEN_SPEC_ROOT")
            .output()
            .unwrap()
    };
    let output = run(&[]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let krate = dir.path().join("crate");
    let owned = fs::read_to_string(krate.join(".armgen-files")).unwrap();
    for file in ["Cargo.toml", "src/lib.rs", "src/models.rs", "src/client.rs"] {
        assert!(
            owned.lines().any(|line| line == file),
            "{file} not in:\n{owned}"
        );
    }
    assert!(
        owned.lines().any(|line| line.starts_with("docs/")),
        "{owned}"
    );

    // The workspace's lock file pins the versions the workspace was built and tested
    // with, already downloaded, so the build needs no network; its own target folder
    // keeps it apart from the cargo running this test.
    fs::copy(
        support::workspace_root().join("Cargo.lock"),
        krate.join("Cargo.lock"),
    )
    .unwrap();
    let build = Command::new(std::env::var_os("CARGO").unwrap_or("cargo".into()))
        .current_dir(&krate)
        .args(["build", "--offline"])
        .env(
            "CARGO_TARGET_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("crate-build"),
        )
        .output()
        .unwrap();
    let log = stderr(&build);
    assert!(build.status.success(), "{log}");
    assert!(!log.contains("warning"), "{log}");

    let check = run(&["--check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stderr(&check));
}

#[test]
fn crate_needs_an_out_folder_and_a_crate_name() {
    let dir = project();
    let output = armgen(dir.path(), &["--crate", "widgets"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("--out <DIR>"),
        "{}",
        stderr(&output)
    );
    let output = armgen(dir.path(), &["--crate", "../evil", "--out", "crate"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("armgen: error: `../evil` is not a crate name"),
        "{}",
        stderr(&output)
    );
    assert!(!dir.path().join("crate").exists());

    // A hand-written crate is not overwritten.
    fs::create_dir(dir.path().join("crate")).unwrap();
    fs::write(dir.path().join("crate/Cargo.toml"), "[package]\n").unwrap();
    let before = snapshot(dir.path());
    let output = armgen(dir.path(), &["--crate", "widgets", "--out", "crate"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output)
            .ends_with("Cargo.toml: not written by armgen: --crate would overwrite it\n"),
        "{}",
        stderr(&output)
    );
    assert_eq!(snapshot(dir.path()), before);
}
