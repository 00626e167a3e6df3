//! Hostile output folders and spec roots: links planted where armgen stages or writes,
//! runs at once and runs killed midway, a list of owned files naming a folder, FIFOs,
//! devices and oversized or padded spec files.

mod support;

use armgen::{Generated, Generator};
use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn hostile(case: &str) -> PathBuf {
    support::workspace_root().join("specs/hostile").join(case)
}

fn generator(root: &Path) -> Generator {
    Generator::new(root)
        .spec("spec.json")
        .models("src/models.rs")
        .client("src/client.rs")
        .docs("docs")
}

fn generated() -> Generated {
    generator(&hostile("breakout")).generate().unwrap()
}

/// Every file below `dir` (links not followed), relative and sorted.
fn walk(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if fs::symlink_metadata(&path).unwrap().is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap();
                found.push(relative.to_string_lossy().into_owned());
            }
        }
    }
    found.sort();
    found
}

#[test]
fn a_link_at_the_staging_path_is_replaced_not_written_through() {
    let generated = generated();
    let dir = tempfile::tempdir().unwrap();
    let (out, victim) = (dir.path().join("out"), dir.path().join("victim"));
    fs::create_dir_all(out.join("src")).unwrap();
    fs::write(&victim, "precious").unwrap();
    symlink(&victim, out.join("src/.models.rs.armgen-tmp")).unwrap();
    // A link at the target itself is replaced too, never written through.
    symlink(&victim, out.join("src/client.rs")).unwrap();
    generated.files.write(&out).unwrap();
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    for file in ["src/models.rs", "src/client.rs"] {
        let metadata = fs::symlink_metadata(out.join(file)).unwrap();
        assert!(metadata.is_file(), "{file} is not a regular file");
        assert_eq!(
            fs::read_to_string(out.join(file)).unwrap(),
            generated.files.get(file).unwrap()
        );
    }
    assert!(!walk(&out).iter().any(|f| f.ends_with(".armgen-tmp")));
}

#[test]
fn a_subfolder_linking_out_is_refused_before_anything_is_written() {
    let generated = generated();
    let dir = tempfile::tempdir().unwrap();
    let (out, elsewhere) = (dir.path().join("out"), dir.path().join("elsewhere"));
    fs::create_dir_all(&out).unwrap();
    fs::create_dir_all(&elsewhere).unwrap();
    symlink(&elsewhere, out.join("docs")).unwrap();
    let error = generated.files.write(&out).unwrap_err().to_string();
    assert!(
        error.contains("docs") && error.contains("link that leads outside the output folder"),
        "{error}"
    );
    assert!(walk(&elsewhere).is_empty(), "{:?}", walk(&elsewhere));
    assert_eq!(walk(&out), ["docs"]);
    // A link to a folder inside the output folder is fine.
    fs::remove_file(out.join("docs")).unwrap();
    fs::create_dir_all(out.join("pages")).unwrap();
    symlink(out.join("pages"), out.join("docs")).unwrap();
    generated.files.write(&out).unwrap();
    assert!(!walk(&out.join("pages")).is_empty());
}

#[test]
fn a_listed_folder_is_an_error_before_anything_is_written() {
    let generated = generated();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    fs::create_dir_all(out.join("docs/Old")).unwrap();
    fs::write(out.join(".armgen-files"), "docs/Old\n").unwrap();
    let error = generated.files.write(&out).unwrap_err().to_string();
    assert!(
        error.contains("docs/Old") && error.contains("it is a folder"),
        "{error}"
    );
    assert_eq!(walk(&out), [".armgen-files"]);
}

#[test]
fn a_second_run_waits_for_the_first() {
    let generated = generated();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_path_buf();
    // Another run holds the folder.
    let held = fs::File::open(&out).unwrap();
    held.lock().unwrap();
    let writer = std::thread::spawn({
        let out = out.clone();
        move || {
            generated
                .files
                .write(&out)
                .map(|report| report.written.len())
        }
    });
    std::thread::sleep(Duration::from_millis(500));
    assert!(
        walk(&out).is_empty(),
        "wrote while another run held the folder"
    );
    drop(held);
    assert!(writer.join().unwrap().unwrap() > 0);
    assert!(walk(&out).contains(&".armgen-files".to_owned()));
}

/// Two processes writing different specs into one folder, many times: each time, the
/// folder ends as one run left it, its list naming exactly that run's files.
#[test]
fn runs_at_once_leave_one_run_or_the_other() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let specs = ["breakout", "self-reference"];
    let expected: Vec<Generated> = specs
        .iter()
        .map(|case| generator(&hostile(case)).generate().unwrap())
        .collect();
    for _ in 0..8 {
        let children: Vec<_> = specs
            .iter()
            .map(|case| {
                armgen(&hostile(case), &out)
                    .stderr(Stdio::null())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for mut child in children {
            assert!(child.wait().unwrap().success());
        }
        let record = fs::read_to_string(out.join(".armgen-files")).unwrap();
        let winner = expected
            .iter()
            .find(|g| {
                let listed: String = g
                    .files
                    .iter()
                    .map(|(path, _)| format!("{}\n", armgen::output::slash_path(path)))
                    .collect();
                listed == record
            })
            .expect("the list names exactly one run's files");
        for (path, text) in winner.files.iter() {
            assert_eq!(
                fs::read_to_string(out.join(path)).unwrap(),
                text,
                "{path:?}"
            );
        }
        let mut listed: Vec<&str> = record.lines().collect();
        listed.push(".armgen-files");
        let mut on_disk = walk(&out);
        on_disk.retain(|f| !listed.contains(&f.as_str()));
        assert!(on_disk.is_empty(), "files of neither run: {on_disk:?}");
    }
}

fn armgen(root: &Path, out: &Path) -> Command {
    armgen_spec(root, "spec.json", out)
}

fn armgen_spec(root: &Path, spec: &str, out: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_armgen"));
    command
        .arg("--manifest")
        .arg(support::workspace_root().join("specs/armgen.toml"))
        .arg("--spec-root")
        .arg(root)
        .args(["--spec", spec, "--out"])
        .arg(out)
        .stdout(Stdio::null());
    command
}

/// armgen killed at moments spread over its writing: the next `--check` reports what is
/// unfinished, and the next run completes it, leaving exactly a fresh folder.
#[test]
fn a_run_killed_while_writing_is_completed_by_the_next() {
    let (root, spec) = (hostile("breakout"), "spec.json");
    let run = |out: &Path, check: bool| {
        let mut command = armgen_spec(&root, spec, out);
        if check {
            command.arg("--check");
        }
        command.stderr(Stdio::piped());
        command
    };
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("fresh");
    assert!(run(&fresh, false).status().unwrap().success());
    let fresh_files = walk(&fresh);
    let mut interrupted = 0;
    for attempt in 0..24u32 {
        let out = dir.path().join(format!("out{attempt}"));
        // An old version of every file, and a file the new run no longer generates.
        for file in &fresh_files {
            let path = out.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(&path, "old").unwrap();
        }
        fs::write(out.join("gone.md"), "old").unwrap();
        let record = fs::read_to_string(fresh.join(".armgen-files")).unwrap();
        fs::write(out.join(".armgen-files"), format!("{record}gone.md\n")).unwrap();
        let mut child = run(&out, false).spawn().unwrap();
        // Kill as soon as writing starts, or a little later.
        let started = Instant::now();
        while !out.join(".armgen-journal").exists()
            && child.try_wait().unwrap().is_none()
            && started.elapsed() < Duration::from_secs(60)
        {
            std::hint::spin_loop();
        }
        let spin = Instant::now();
        while spin.elapsed() < Duration::from_micros(u64::from(attempt % 8) * 100) {}
        let _ = child.kill();
        child.wait().unwrap();
        let check = run(&out, true).output().unwrap();
        let report = String::from_utf8_lossy(&check.stderr);
        if out.join(".armgen-journal").exists() {
            interrupted += 1;
            assert_eq!(check.status.code(), Some(1), "{report}");
            assert!(report.contains("interrupted: "), "{report}");
        }
        let rerun = run(&out, false).output().unwrap();
        assert!(
            rerun.status.success(),
            "{}",
            String::from_utf8_lossy(&rerun.stderr)
        );
        assert_eq!(walk(&out), fresh_files, "attempt {attempt}");
        for file in &fresh_files {
            assert_eq!(
                fs::read(out.join(file)).unwrap(),
                fs::read(fresh.join(file)).unwrap(),
                "{file}"
            );
        }
        assert!(run(&out, true).status().unwrap().success());
    }
    eprintln!("{interrupted} of 24 kills left a journal");
    assert!(interrupted > 0, "no kill landed while writing");
}

fn spec_root_with_example(example: impl FnOnce(&Path)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let source = hostile("breakout");
    fs::copy(source.join("spec.json"), dir.path().join("spec.json")).unwrap();
    fs::create_dir_all(dir.path().join("examples")).unwrap();
    example(&dir.path().join("examples/evil.json"));
    dir
}

#[test]
fn only_regular_files_are_read() {
    let fifo = spec_root_with_example(|path| {
        assert!(Command::new("mkfifo").arg(path).status().unwrap().success());
    });
    let folder = spec_root_with_example(|path| fs::create_dir(path).unwrap());
    let mut roots = vec![("FIFO", fifo), ("folder", folder)];
    // A character device like /dev/zero, where the system lets us make one.
    let device = spec_root_with_example(|path| {
        let _ = Command::new("mknod")
            .arg(path)
            .args(["c", "1", "5"])
            .status();
    });
    if fs::symlink_metadata(device.path().join("examples/evil.json")).is_ok() {
        roots.push(("device", device));
    } else {
        eprintln!("mknod is not allowed here: the device case is not run");
    }
    for (what, root) in roots {
        let started = Instant::now();
        // An example is documentation: one that cannot be read is left out with a warning
        // naming it (a `$ref` of a schema that cannot be read stays an error).
        let generated = generator(root.path()).generate().unwrap();
        let warnings: Vec<String> = generated.warnings.iter().map(|w| w.to_string()).collect();
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("evil.json") && w.contains("not a regular file")),
            "{what}: {warnings:?}"
        );
        assert!(started.elapsed() < Duration::from_secs(10), "{what}");
    }
    // A FIFO reached by a schema's `$ref` is an error naming it, at once.
    let root = tempfile::tempdir().unwrap();
    let spec = r##"{"swagger": "2.0", "info": {"title": "t", "version": "1"}, "paths": {},
        "definitions": {"A": {"$ref": "./fifo.json#/definitions/B"}}}"##;
    fs::write(root.path().join("spec.json"), spec).unwrap();
    let fifo = root.path().join("fifo.json");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let started = Instant::now();
    let error = generator(root.path()).generate().unwrap_err().to_string();
    assert!(
        error.contains("fifo.json") && error.contains("not a regular file"),
        "{error}"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn a_spec_over_the_size_limit_is_refused_unless_raised() {
    let root = hostile("breakout");
    let size = fs::metadata(root.join("spec.json")).unwrap().len();
    let error = generator(&root)
        .max_spec_size(size - 1)
        .generate()
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("spec.json") && error.contains(&format!("limit of {} bytes", size - 1)),
        "{error}"
    );
    generator(&root).max_spec_size(size).generate().unwrap();
    // The command's flag, in MiB.
    let dir = tempfile::tempdir().unwrap();
    let output = armgen(&root, dir.path())
        .args(["--max-spec-size", "0"])
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--max-spec-size"), "{stderr}");
}

#[test]
fn a_file_padded_with_tiny_values_is_refused_before_it_is_built() {
    let dir = tempfile::tempdir().unwrap();
    let zeros = vec!["0"; 1 << 20].join(",");
    fs::write(dir.path().join("spec.json"), format!("[{zeros}]")).unwrap();
    let started = Instant::now();
    let error = generator(dir.path()).generate().unwrap_err().to_string();
    assert!(
        error.contains("spec.json") && error.contains("more than 131072 JSON values"),
        "{error}"
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}
