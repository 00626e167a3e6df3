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
mod error;
mod manifest;
mod resources;
pub mod scaffold;
pub mod spec_root;

pub use error::{Error, Result};
pub use manifest::Manifest;
pub use load::DEFAULT_MAX_FILE_SIZE as DEFAULT_MAX_SPEC_SIZE;
pub use output::{Files, Report};

/// The stages and the formatting ports, private to the library; with the feature
/// `internals` they are public (and hidden from the docs) for this workspace's own tests,
/// fuzz targets and benchmarks, which check each of them. No promise holds for them.
macro_rules! stages {
    ($($stage:ident),* $(,)?) => {
        $(
            #[cfg(feature = "internals")]
            #[doc(hidden)]
            pub mod $stage;
            // Some items serve only those tests: not dead, and never warned about in the
            // workspace's builds, where the feature is on.
            #[cfg(not(feature = "internals"))]
            #[allow(dead_code)]
            mod $stage;
        )*
    };
}
stages!(emit, inspect, json_graph, load, model, output, plural, prettier, resolve, swagger);

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What to generate from which specs; outputs are paths relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generator {
    /// The folder spec paths are relative to; nothing outside it is read.
    pub spec_root: PathBuf,
    /// Who chose `spec_root`, named when it is not a folder.
    pub spec_root_origin: spec_root::Origin,
    /// The spec files, relative to the spec root; files they reference need no entry.
    pub specs: Vec<PathBuf>,
    /// The models file (one serde type per schema), if wanted.
    pub models: Option<PathBuf>,
    /// The client file (request builders, parsers, async methods), if wanted.
    pub client: Option<PathBuf>,
    /// The folder of resource pages, if wanted.
    pub docs: Option<PathBuf>,
    /// The size limit of each spec file read, in bytes.
    pub max_spec_size: u64,
}

/// The result of one run, held in memory until written or checked.
#[derive(Debug)]
pub struct Generated {
    /// Every output file with its text, relative to the output folder.
    pub files: Files,
    /// Every file read (specs, referenced files, examples), for build scripts.
    pub inputs: Vec<PathBuf>,
    /// Each step with what it produced and how long it took, for `--verbose`.
    pub steps: Vec<(String, Duration)>,
    /// What was left out, named like errors (an `x-ms-examples` file that cannot be read).
    pub warnings: Vec<Error>,
    /// The features of `armgen-runtime` that the generated code needs beyond its
    /// defaults: `xml` when a body travels in XML.
    pub runtime_features: Vec<&'static str>,
}

impl Generator {
    /// Generates nothing yet from no spec: add specs and outputs.
    pub fn new(spec_root: impl Into<PathBuf>) -> Self {
        Self {
            spec_root: spec_root.into(),
            spec_root_origin: spec_root::Origin::Caller,
            specs: Vec::new(),
            models: None,
            client: None,
            docs: None,
            max_spec_size: load::DEFAULT_MAX_FILE_SIZE,
        }
    }

    /// The specs and outputs a manifest names.
    pub fn from_manifest(manifest: &Manifest) -> Self {
        Self {
            spec_root: manifest.spec_root.clone(),
            spec_root_origin: spec_root::Origin::Manifest(manifest.path.clone()),
            specs: manifest.specs.clone(),
            models: manifest.output.models.clone(),
            client: manifest.output.client.clone(),
            docs: manifest.output.docs.clone(),
            max_spec_size: load::DEFAULT_MAX_FILE_SIZE,
        }
    }

    /// Applies the overrides of the spec root, the same way in the command, build scripts
    /// and tests: `flag` (the command's `--spec-root`), else a non-empty
    /// `ARMGEN_SPEC_ROOT`, else the spec root given so far.
    pub fn spec_root_overrides(mut self, flag: Option<&Path>) -> Self {
        let current = (self.spec_root, self.spec_root_origin);
        (self.spec_root, self.spec_root_origin) = spec_root::choose(flag, current);
        self
    }

    /// Raises (or lowers) the size limit of each spec file read.
    pub fn max_spec_size(mut self, bytes: u64) -> Self {
        self.max_spec_size = bytes;
        self
    }

    /// Adds a spec file, relative to the spec root.
    pub fn spec(mut self, path: impl Into<PathBuf>) -> Self {
        self.specs.push(path.into());
        self
    }

    /// Writes the models to `path`, relative to the output folder.
    pub fn models(mut self, path: impl Into<PathBuf>) -> Self {
        self.models = Some(path.into());
        self
    }

    /// Writes the client to `path`, relative to the output folder. The client names the
    /// models `super::models`: include both as sibling modules.
    pub fn client(mut self, path: impl Into<PathBuf>) -> Self {
        self.client = Some(path.into());
        self
    }

    /// Writes the resource pages below `folder`, relative to the output folder.
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

    /// A spec root that is not a folder is the usual mistake of a first run: say who set
    /// it, how to change it and what it must hold.
    fn check_spec_root(&self) -> Result<()> {
        if self.spec_root.is_dir() {
            return Ok(());
        }
        let reason = match std::fs::metadata(&self.spec_root) {
            Ok(_) => "it is not a folder".to_string(),
            Err(e) => e.to_string(),
        };
        let example = self
            .specs
            .first()
            .map_or_else(String::new, |spec| format!(" (here {})", spec.display()));
        Err(Error::in_file(
            &self.spec_root,
            format!(
                "the spec root is not a readable folder ({reason}); it was {} and must be \
                 the `specification` folder of a checkout of Azure/azure-rest-api-specs, or \
                 any folder holding the spec paths given{example}",
                self.spec_root_origin
            ),
        ))
    }

    /// Loads the specs and runs every emitter that is switched on, in memory.
    pub fn generate(&self) -> Result<Generated> {
        let mut steps = Vec::new();
        let mut timed = |name: String, start: Instant| steps.push((name, start.elapsed()));

        let start = Instant::now();
        self.check_spec_root()?;
        let api = model::load_limited(&self.spec_root, &self.specs, self.max_spec_size)?;
        let operations = api.operations().count();
        timed(
            format!(
                "loaded {} spec file(s), {operations} operations, {} files read",
                api.specs.len(),
                api.documents.files().count()
            ),
            start,
        );

        // Errors name spec files relative to the spec root, as locations do; the user
        // needs a path they can open, as model::load gives.
        let root = api.documents.root();
        let in_root = |error: Error| Error {
            file: error.file.map(|file| root.join(file)),
            ..error
        };
        let start = Instant::now();
        // Whether the specs are accepted is decided here, whichever outputs are on.
        let model = model::Model::build(&api).map_err(in_root)?;
        timed(
            format!("modelled {} types", model.types.iter().count()),
            start,
        );
        let xml = model
            .client
            .operations
            .iter()
            .any(|op| !op.xml_bodies().is_empty());
        let runtime_features = if xml { vec!["xml"] } else { Vec::new() };
        // The emitters only read `model`: the client (the biggest) runs on a second thread
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
            let client = scope.spawn(|| {
                switched_on(&self.client, || emit::client::emit(&model).map_err(in_root))
            });
            let models = switched_on(&self.models, || emit::models::emit(&model).map_err(in_root));
            let docs = switched_on(&self.docs, || emit::docs::emit(&model).map_err(in_root));
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
            runtime_features,
        })
    }
}
