//! The `armgen` command: regenerate (or `--check`) every output named by a manifest.

use armgen::load::normalize;
use armgen::{Generator, Manifest, Report};
use clap::Parser;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

// A third of a run's instructions went to glibc's malloc and free (syn trees, token
// streams, JSON values are many small allocations); mimalloc halves that. Only the
// command sets it: the library leaves the choice to the programs using it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Generates Rust models, a Rust client and Markdown resource pages from Azure Resource
/// Manager Swagger specs.
#[derive(Debug, Parser)]
#[command(version)]
struct Cli {
    /// The manifest naming the specs and outputs [default: specs/armgen.toml of this
    /// repository]
    #[arg(long, value_name = "FILE")]
    manifest: Option<PathBuf>,
    /// The folder spec paths are relative to (overrides the manifest and ARMGEN_SPEC_ROOT)
    #[arg(long, value_name = "DIR")]
    spec_root: Option<PathBuf>,
    /// A spec file relative to the spec root; repeat for several (replaces the manifest's)
    #[arg(long = "spec", value_name = "PATH")]
    specs: Vec<PathBuf>,
    /// The output folder (overrides the manifest's)
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Write nothing; exit 1 if any output is stale, missing or extra
    #[arg(long)]
    check: bool,
    /// Print nothing but errors
    #[arg(short, long, conflicts_with = "verbose")]
    quiet: bool,
    /// Explain each step
    #[arg(short, long)]
    verbose: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) => {
            eprintln!("armgen: error: {error}");
            ExitCode::from(2)
        }
    }
}

/// Returns whether everything is fresh (always true when writing).
fn run(cli: &Cli) -> armgen::Result<bool> {
    let started = Instant::now();
    let manifest_path = cli.manifest.clone().unwrap_or_else(default_manifest);
    let manifest = Manifest::read(&manifest_path)?;
    let mut generator = Generator::from_manifest(&manifest);
    // An empty ARMGEN_SPEC_ROOT counts as unset, as shells make unsetting awkward.
    let from_env = std::env::var_os("ARMGEN_SPEC_ROOT").filter(|root| !root.is_empty());
    if let Some(root) = cli.spec_root.clone().or(from_env.map(PathBuf::from)) {
        generator.spec_root = root;
    }
    if !cli.specs.is_empty() {
        generator.specs = cli.specs.clone();
    }
    let out = cli.out.clone().unwrap_or(manifest.output.dir);

    let generated = generator.generate()?;
    if !cli.quiet {
        for warning in &generated.warnings {
            eprintln!("armgen: warning: {warning}");
        }
    }
    if cli.verbose {
        for (step, elapsed) in &generated.steps {
            eprintln!("  {step} ({:.1} ms)", elapsed.as_secs_f64() * 1e3);
        }
    }
    let report = if cli.check {
        generated.files.check(&out)?
    } else {
        generated.files.write(&out)?
    };
    if cli.check {
        for (what, paths) in [
            ("stale", &report.stale),
            ("missing", &report.missing),
            ("extra", &report.removed),
        ] {
            for path in paths {
                eprintln!("{what}: {}", out.join(path).display());
            }
        }
    }
    if cli.verbose && !cli.check {
        for (what, paths) in [("wrote", &report.written), ("removed", &report.removed)] {
            for path in paths {
                eprintln!("  {what} {}", out.join(path).display());
            }
        }
    }
    if !cli.quiet {
        let mut lines: Vec<String> = generator
            .outputs()
            .map(|(name, path)| format!("{name}: {}", summary(&report, path, cli.check)))
            .collect();
        // Files of an output that was switched off belong to no line above.
        let orphans = report
            .removed
            .iter()
            .filter(|p| !generator.outputs().any(|(_, output)| below(p, output)))
            .count();
        if orphans > 0 {
            let what = if cli.check { "extra" } else { "removed" };
            lines.push(format!("other: {orphans} {what}"));
        }
        lines.push(format!(
            "{} in {:.1} ms",
            if cli.check { "checked" } else { "generated" },
            started.elapsed().as_secs_f64() * 1e3
        ));
        // Not println!: a closed stdout (`armgen | head -1`) must not become a panic.
        let mut stdout = std::io::stdout().lock();
        for line in lines {
            if writeln!(stdout, "{line}").is_err() {
                break;
            }
        }
    }
    Ok(!cli.check || report.is_fresh())
}

/// One line of counts for the files below `output`.
fn summary(report: &Report, output: &Path, check: bool) -> String {
    let count = |paths: &[PathBuf]| paths.iter().filter(|p| below(p, output)).count();
    if check {
        format!(
            "{} fresh, {} stale, {} missing, {} extra",
            count(&report.unchanged),
            count(&report.stale),
            count(&report.missing),
            count(&report.removed)
        )
    } else {
        format!(
            "{} written, {} unchanged, {} removed",
            count(&report.written),
            count(&report.unchanged),
            count(&report.removed)
        )
    }
}

/// Whether the generated file `path` belongs to the output `output` (a file or folder as
/// written in the manifest, so possibly with `./`; the report's paths are normalized).
fn below(path: &Path, output: &Path) -> bool {
    normalize(output).is_some_and(|output| path.starts_with(output))
}

/// `specs/armgen.toml` in the current folder, else the one of the repository armgen was
/// built from, so `cargo run` works from any folder of the workspace.
fn default_manifest() -> PathBuf {
    let local = PathBuf::from("specs/armgen.toml");
    if local.exists() {
        local
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/armgen.toml")
    }
}
