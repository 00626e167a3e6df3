//! armgen: generates Rust models, a Rust client and Markdown resource pages from Azure
//! Resource Manager Swagger 2.0 specs.
//!
//! Everything the `armgen` command does is a call into this library:
//!
//! ```no_run
//! let generated = armgen::Generator::new("../azure-rest-api-specs/specification")
//!     .spec("containerregistry/resource-manager/Microsoft.ContainerRegistry/preview/2021-08-01-preview/containerregistry.json")
//!     .models("src/models.rs")
//!     .docs("docs")
//!     .generate()?;
//! generated.files.write("generated".as_ref())?;
//! # Ok::<(), armgen::Error>(())
//! ```
//!
//! From a crate's `build.rs`, [`Generator::build_script`] generates into `OUT_DIR` and
//! speaks cargo's protocol; see [`build`].

pub mod build;
pub mod emit;
pub mod error;
pub mod inspect;
pub mod json_graph;
pub mod load;
pub mod manifest;
pub mod model;
pub mod output;
pub mod plural;
pub mod prettier;
pub mod resolve;
pub mod resources;
pub mod swagger;

pub use error::{Error, Result};
pub use manifest::Manifest;
pub use output::{Files, Report};

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What to generate from which specs; outputs are paths relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generator {
    pub spec_root: PathBuf,
    pub specs: Vec<PathBuf>,
    pub models: Option<PathBuf>,
    pub client: Option<PathBuf>,
    pub docs: Option<PathBuf>,
}

/// The result of one run, held in memory until written or checked.
#[derive(Debug)]
pub struct Generated {
    pub files: Files,
    /// Every file read (specs, referenced files, examples), for build scripts.
    pub inputs: Vec<PathBuf>,
    /// Each step with what it produced and how long it took, for `--verbose`.
    pub steps: Vec<(String, Duration)>,
    /// What was left out, named like errors (an `x-ms-examples` file that cannot be read).
    pub warnings: Vec<Error>,
}

impl Generator {
    pub fn new(spec_root: impl Into<PathBuf>) -> Self {
        Self {
            spec_root: spec_root.into(),
            specs: Vec::new(),
            models: None,
            client: None,
            docs: None,
        }
    }

    pub fn from_manifest(manifest: &Manifest) -> Self {
        Self {
            spec_root: manifest.spec_root.clone(),
            specs: manifest.specs.clone(),
            models: manifest.output.models.clone(),
            client: manifest.output.client.clone(),
            docs: manifest.output.docs.clone(),
        }
    }

    /// Adds a spec file, relative to the spec root.
    pub fn spec(mut self, path: impl Into<PathBuf>) -> Self {
        self.specs.push(path.into());
        self
    }

    pub fn models(mut self, path: impl Into<PathBuf>) -> Self {
        self.models = Some(path.into());
        self
    }

    pub fn client(mut self, path: impl Into<PathBuf>) -> Self {
        self.client = Some(path.into());
        self
    }

    pub fn docs(mut self, folder: impl Into<PathBuf>) -> Self {
        self.docs = Some(folder.into());
        self
    }

    /// The outputs that are switched on, by name.
    pub fn outputs(&self) -> impl Iterator<Item = (&'static str, &Path)> {
        [
            ("models", &self.models),
            ("client", &self.client),
            ("docs", &self.docs),
        ]
        .into_iter()
        .filter_map(|(name, path)| Some((name, path.as_deref()?)))
    }

    /// Loads the specs and runs every emitter that is switched on, in memory.
    pub fn generate(&self) -> Result<Generated> {
        let mut steps = Vec::new();
        let mut timed = |name: String, start: Instant| steps.push((name, start.elapsed()));

        let start = Instant::now();
        let api = model::load(&self.spec_root, &self.specs)?;
        let operations = api.operations().count();
        timed(
            format!(
                "loaded {} spec file(s), {operations} operations, {} files read",
                api.specs.len(),
                api.documents.files().count()
            ),
            start,
        );

        // Emitters name spec files relative to the spec root, as locations do; the user
        // needs a path they can open, as model::load gives.
        let root = api.documents.root();
        let in_root = |error: Error| Error {
            file: error.file.map(|file| root.join(file)),
            ..error
        };
        // The emitters only read `api`: the client (the biggest) runs on a second thread
        // while the models and the docs run on this one, which shortens a run on two
        // cores when they are free (see BENCHMARKS.md).
        fn switched_on<T>(
            output: &Option<PathBuf>,
            emit: impl FnOnce() -> Result<T>,
        ) -> Result<(Option<T>, Duration)> {
            let start = Instant::now();
            let emitted = output.as_ref().map(|_| emit()).transpose()?;
            Ok((emitted, start.elapsed()))
        }
        let (models, client, docs) = std::thread::scope(|scope| {
            let client = scope
                .spawn(|| switched_on(&self.client, || emit::client::emit(&api).map_err(in_root)));
            let models = switched_on(&self.models, || emit::models::emit(&api).map_err(in_root));
            let docs = switched_on(&self.docs, || emit::docs::emit(&api).map_err(in_root));
            let client = client
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            (models, client, docs)
        });
        // The first error in the order the emitters are listed.
        let (models, client, docs) = (models?, client?, docs?);
        let mut files = Files::default();
        for (output, (text, elapsed), name) in [
            (&self.models, models, "models"),
            (&self.client, client, "client"),
        ] {
            if let (Some(path), Some(text)) = (output, text) {
                files.insert(path, text)?;
                steps.push((format!("{name} -> {}", path.display()), elapsed));
            }
        }
        if let (Some(folder), (Some(pages), elapsed)) = (&self.docs, docs) {
            let count = pages.len();
            for (page, text) in pages {
                files.insert(folder.join(page), text)?;
            }
            steps.push((
                format!("docs -> {} ({count} files)", folder.display()),
                elapsed,
            ));
        }
        Ok(Generated {
            files,
            inputs: api.documents.files().collect(),
            steps,
            warnings: api.warnings,
        })
    }
}
