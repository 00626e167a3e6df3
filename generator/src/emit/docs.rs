//! The docs emitter: one Markdown page per ARM resource.

use crate::error::Result;
use crate::model::Api;
use std::path::PathBuf;

/// Each page's path (relative to the docs folder) and text.
pub fn emit(_api: &Api) -> Result<Vec<(PathBuf, String)>> {
    Ok(Vec::new())
}
