//! The manifest (`specs/armgen.toml`): what to generate from, and where each output goes.
//!
//! Relative paths in a manifest are relative to the manifest's own folder, so the file
//! means the same thing whichever folder armgen runs from.

use crate::error::{Error, Result};
use crate::spec_root::tidy;
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The folder that spec paths are relative to: the `specification` folder of a
    /// checkout of Azure/azure-rest-api-specs.
    pub spec_root: PathBuf,
    /// The Swagger files to generate from, relative to `spec_root`.
    pub specs: Vec<PathBuf>,
    pub output: Outputs,
    /// Where the manifest was read from, for messages about its settings.
    #[serde(skip)]
    pub path: PathBuf,
}

/// Where each output goes. `models`, `client` and `docs` are relative to `dir`; an output
/// that is left out is not generated.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outputs {
    pub dir: PathBuf,
    pub models: Option<PathBuf>,
    pub client: Option<PathBuf>,
    /// A folder: one page per resource at `<docs>/<Group>/<Type>.md`.
    pub docs: Option<PathBuf>,
}

impl Manifest {
    pub fn read(path: &Path) -> Result<Self> {
        let text =
            std::fs::read_to_string(path).map_err(|e| Error::io(path, "read the manifest", &e))?;
        let mut manifest: Manifest = toml::from_str(&text)
            .map_err(|e| Error::in_file(path, format!("invalid manifest: {e}")))?;
        let base = path.parent().unwrap_or(Path::new(""));
        manifest.spec_root = tidy(&base.join(&manifest.spec_root));
        manifest.output.dir = tidy(&base.join(&manifest.output.dir));
        manifest.path = tidy(path);
        Ok(manifest)
    }
}
