//! The `armgen` command: regenerate (or `--check`) every output named by a manifest. A
//! thin front-end: everything it does is a call into the `armgen` library, which build
//! scripts use without this crate's dependencies (clap, mimalloc).

use armgen::scaffold::CrateScaffold;
use armgen::{Generator, Manifest, Report};
use clap::Parser;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
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
    /// Write a complete crate called NAME into the output folder: Cargo.toml, src/lib.rs,
    /// the models, the client and the docs (the manifest's outputs are ignored)
    #[arg(long = "crate", value_name = "NAME", requires = "out")]
    krate: Option<String>,
    /// The size limit of each spec file read, in MiB
    #[arg(long, value_name = "MIB", default_value_t = armgen::DEFAULT_MAX_SPEC_SIZE >> 20)]
    max_spec_size: u64,
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
    let mut generator =
        Generator::from_manifest(&manifest).spec_root_overrides(cli.spec_root.as_deref());
    if !cli.specs.is_empty() {
        generator.specs = cli.specs.clone();
    }
    generator.max_spec_size = cli.max_spec_size.saturating_mul(1 << 20);
    let out = cli.out.clone().unwrap_or(manifest.output.dir);
    let scaffold = cli
        .krate
        .as_deref()
        .map(|name| CrateScaffold::new(name, &out));
    let scaffold = scaffold.transpose()?;
    if let Some(scaffold) = &scaffold {
        generator = scaffold.generator(generator);
    }

    let mut generated = generator.generate()?;
    if let Some(scaffold) = &scaffold {
        scaffold.add_to(
            &mut generated.files,
            &generator.specs,
            &generated.runtime_features,
        )?;
    }
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
            ("interrupted", &report.interrupted),
        ] {
            for path in paths {
                eprintln!("{what}: {}", out.join(path).display());
            }
        }
    }
    if !cli.check && !cli.quiet && !report.interrupted.is_empty() {
        eprintln!(
            "armgen: completed an interrupted update of {}",
            out.display()
        );
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
            .map(|(name, output)| {
                let counts = summary(&report, cli.check, |path| below(path, output));
                format!("{name}: {counts}")
            })
            .collect();
        // The ownership record, and the files of an output that was switched off, belong
        // to no line above; they get one when something happened to them.
        let other = |path: &Path| !generator.outputs().any(|(_, output)| below(path, output));
        let changed = [
            &report.stale,
            &report.missing,
            &report.written,
            &report.removed,
        ];
        if changed
            .iter()
            .any(|paths| paths.iter().any(|path| other(path)))
        {
            lines.push(format!("other: {}", summary(&report, cli.check, other)));
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

/// One line of counts for the files of the report that `belongs` picks.
fn summary(report: &Report, check: bool, belongs: impl Fn(&Path) -> bool) -> String {
    let count = |paths: &[PathBuf]| paths.iter().filter(|p| belongs(p)).count();
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
/// written in the manifest, so possibly with `./`; the report's paths are normalized, and
/// the library refuses outputs with `..`).
fn below(path: &Path, output: &Path) -> bool {
    let output: PathBuf = output
        .components()
        .filter(|c| !matches!(c, Component::CurDir))
        .collect();
    path.starts_with(output)
}

/// `specs/armgen.toml` in the current folder, else the one of the repository armgen was
/// built from, so `cargo run` works from any folder of the workspace.
fn default_manifest() -> PathBuf {
    let local = PathBuf::from("specs/armgen.toml");
    if local.exists() {
        local
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("specs/armgen.toml")
    }
}
