//! Helpers shared by the integration tests: the Node oracles and a seeded generator.
#![allow(dead_code)] // each test binary uses its own subset

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The workspace root (the folder holding `generator/`, `tests/`, `tools/`): the tests' own
/// package, or an ancestor of the package including this file (the benches' `generator/`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .find(|folder| folder.join("specs/armgen.toml").is_file())
        .expect("the package is inside the armgen workspace")
        .to_path_buf()
}

/// The repository's manifest (`specs/armgen.toml`), its spec root chosen by armgen's one
/// rule (`ARMGEN_SPEC_ROOT` overrides it), as every test and bench reads it.
pub fn manifest() -> armgen::Manifest {
    let mut manifest = armgen::Manifest::read(&workspace_root().join("specs/armgen.toml"))
        .expect("the manifest reads");
    let origin = armgen::spec_root::Origin::Manifest(manifest.path.clone());
    (manifest.spec_root, _) = armgen::spec_root::choose(None, (manifest.spec_root, origin));
    manifest
}

/// The folder of the manifest's (first) spec file, where its `examples/` are.
pub fn spec_folder() -> PathBuf {
    let manifest = manifest();
    let spec = manifest.spec_root.join(&manifest.specs[0]);
    spec.parent()
        .expect("a spec file is in a folder")
        .to_path_buf()
}

/// Runs `tools/oracle/<script>` under Node, feeding one JSON document per line on stdin,
/// and returns one answer per input (each answer is a JSON string on its own line).
///
/// The oracle's pinned packages are installed from its lock file (`npm ci`) when they are
/// missing, so a plain `cargo test` works on a fresh clone. Panics (failing the test,
/// never skipping it) when `node` or `npm` is missing: the differential tests are the
/// proof that the ports are exact.
pub fn run_oracle(script: &str, inputs: &[String]) -> Vec<String> {
    let oracle_dir = workspace_root().join("tools/oracle");
    install_oracle_packages(&oracle_dir);
    let mut child = Command::new("node")
        .arg(oracle_dir.join(script))
        .current_dir(&oracle_dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start `node` for the {script} oracle: {e}"));
    let mut stdin = child.stdin.take().unwrap();
    let payload: String = inputs.iter().map(|line| format!("{line}\n")).collect();
    let writer = std::thread::spawn(move || stdin.write_all(payload.as_bytes()));
    let output = child.wait_with_output().expect("oracle did not finish");
    writer.join().unwrap().expect("cannot write to the oracle");
    assert!(
        output.status.success(),
        "the {script} oracle failed (did `npm ci --prefix tools/oracle` run?):\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let answers: Vec<String> = String::from_utf8(output.stdout)
        .expect("oracle output is UTF-8")
        .lines()
        .map(|line| serde_json::from_str(line).expect("each oracle answer is a JSON string"))
        .collect();
    assert_eq!(
        answers.len(),
        inputs.len(),
        "the {script} oracle answered a different number of inputs"
    );
    answers
}

fn install_oracle_packages(oracle_dir: &Path) {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| npm_ci(oracle_dir, &oracle_dir.join("node_modules")));
}

/// The AutoRest test server package (`tools/testserver`, pinned by its lock file),
/// installed with `npm ci` when missing: its `swagger/` folder holds the 74 specs and
/// `dist/cli/cli.js` runs the mock server.
pub fn testserver_package() -> PathBuf {
    let tools = workspace_root().join("tools/testserver");
    let package = tools.join("node_modules/@microsoft.azure/autorest.testserver");
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| npm_ci(&tools, &package.join("package.json")));
    package
}

/// `npm ci` in `dir` unless `marker` exists; panics (failing the test, never skipping it)
/// when npm is missing or fails.
fn npm_ci(dir: &Path, marker: &Path) {
    if marker.exists() {
        return;
    }
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir)
        .status()
        .unwrap_or_else(|e| panic!("cannot run `npm ci` in {}: {e}", dir.display()));
    assert!(
        status.success(),
        "`npm ci` in {} failed: {status}",
        dir.display()
    );
}

/// A small deterministic PRNG (xorshift64*), so random corpora are the same on every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Prints the first difference between two texts with a little context, for readable failures.
pub fn first_difference(expected: &str, actual: &str) -> String {
    let line = expected
        .lines()
        .zip(actual.lines())
        .position(|(e, a)| e != a)
        .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
    let excerpt = |text: &str| {
        text.lines()
            .enumerate()
            .skip(line.saturating_sub(3))
            .take(7)
            .map(|(n, l)| format!("{:>5} | {l}\n", n + 1))
            .collect::<String>()
    };
    format!(
        "first difference at line {}\n--- expected\n{}--- actual\n{}",
        line + 1,
        excerpt(expected),
        excerpt(actual)
    )
}

/// Whether expected outputs are to be rewritten rather than checked: the one switch of
/// every golden test (`UPDATE_EXPECT=1 cargo test`).
pub fn updating() -> bool {
    std::env::var_os("UPDATE_EXPECT").is_some()
}

/// Checks generated files against the expected ones in `dir`, an output folder of its own
/// (its `.armgen-files` lists them), and lists each difference; with [`updating`], writes
/// them there instead. Every golden test goes through here.
pub fn golden(files: &armgen::Files, dir: &Path) -> Vec<String> {
    if updating() {
        files.write(dir).unwrap();
        return Vec::new();
    }
    let report = files.check(dir).unwrap();
    let mut differences = Vec::new();
    for (what, paths) in [
        ("stale", &report.stale),
        ("missing", &report.missing),
        ("extra", &report.removed),
    ] {
        differences.extend(
            paths
                .iter()
                .map(|path| format!("{what}: {}", dir.join(path).display())),
        );
    }
    differences
}
