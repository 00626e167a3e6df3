//! The last stage: generated files held in memory, then written all-or-nothing, or
//! compared with what is on disk (`--check`).
//!
//! armgen owns exactly the files it lists in [`RECORD`] inside the output folder; a file
//! it no longer generates is removed only if the previous run listed it, so hand-written
//! files beside the generated ones (a crate's `Cargo.toml`, `lib.rs`) are never touched.

use crate::error::{Error, Result};
use crate::load::normalize;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The list of files armgen generated in an output folder, one relative path a line.
pub const RECORD: &str = ".armgen-files";

/// The generated files of one run, keyed by their path relative to the output folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Files {
    files: BTreeMap<PathBuf, String>,
}

/// What writing or checking found, per file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub written: Vec<PathBuf>,
    pub unchanged: Vec<PathBuf>,
    /// Files listed by the previous run that this run does not generate.
    pub removed: Vec<PathBuf>,
    /// Only from [`Files::check`]: files that exist but differ.
    pub stale: Vec<PathBuf>,
    /// Only from [`Files::check`]: files that do not exist yet.
    pub missing: Vec<PathBuf>,
}

impl Report {
    pub fn is_fresh(&self) -> bool {
        self.stale.is_empty() && self.missing.is_empty() && self.removed.is_empty()
    }
}

impl Files {
    /// Adds a file; `path` must stay inside the output folder.
    pub fn insert(&mut self, path: impl AsRef<Path>, contents: String) -> Result<()> {
        let path = path.as_ref();
        let normal = normalize(path)
            .filter(|p| !p.as_os_str().is_empty() && p != Path::new(RECORD))
            .ok_or_else(|| {
                Error::in_file(
                    path,
                    "refusing to generate a file outside the output folder",
                )
            })?;
        if self.files.insert(normal, contents).is_some() {
            return Err(Error::in_file(path, "two outputs generate the same file"));
        }
        Ok(())
    }

    pub fn get(&self, path: impl AsRef<Path>) -> Option<&str> {
        self.files.get(path.as_ref()).map(String::as_str)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Path, &str)> {
        self.files
            .iter()
            .map(|(path, contents)| (path.as_path(), contents.as_str()))
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    fn record(&self) -> String {
        self.files
            .keys()
            .map(|path| format!("{}\n", slash_path(path)))
            .collect()
    }

    /// Writes every file that differs from the disk, then removes files that the previous
    /// run generated and this one does not. All new contents are first written to
    /// temporary files next to their targets, so a failure before the renames (a full or
    /// read-only disk) leaves every existing file as it was.
    pub fn write(&self, dir: &Path) -> Result<Report> {
        let mut report = Report::default();
        let previous = read_record(dir)?;
        let record = self.record();
        let entries = self
            .files
            .iter()
            .map(|(path, contents)| (path.as_path(), contents.as_str()));
        let mut renames = Vec::new();
        for (path, contents) in entries.chain([(Path::new(RECORD), record.as_str())]) {
            let is_record = path == Path::new(RECORD);
            let target = dir.join(path);
            if fs::read(&target).is_ok_and(|old| old == contents.as_bytes()) {
                if !is_record {
                    report.unchanged.push(path.to_path_buf());
                }
                continue;
            }
            match stage(&target, contents) {
                Ok(temporary) => renames.push((temporary, target)),
                Err(error) => {
                    for (temporary, _) in &renames {
                        let _ = fs::remove_file(temporary);
                    }
                    return Err(error);
                }
            }
            if !is_record {
                report.written.push(path.to_path_buf());
            }
        }
        for (temporary, target) in renames {
            fs::rename(&temporary, &target)
                .map_err(|e| Error::io(&target, "replace the file", &e))?;
        }
        for path in previous
            .iter()
            .filter(|path| !self.files.contains_key(*path))
        {
            let target = dir.join(path);
            match fs::remove_file(&target) {
                Ok(()) => report.removed.push(path.clone()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io(&target, "remove the file", &e)),
            }
        }
        Ok(report)
    }

    /// Compares with the disk and writes nothing.
    pub fn check(&self, dir: &Path) -> Result<Report> {
        let mut report = Report::default();
        for (path, contents) in &self.files {
            match fs::read(dir.join(path)) {
                Ok(old) if old == contents.as_bytes() => report.unchanged.push(path.clone()),
                Ok(_) => report.stale.push(path.clone()),
                Err(_) => report.missing.push(path.clone()),
            }
        }
        let previous = read_record(dir)?;
        report.removed = previous
            .into_iter()
            .filter(|p| !self.files.contains_key(p) && dir.join(p).exists())
            .collect();
        Ok(report)
    }
}

/// Writes `contents` to a temporary file beside `target` and returns its path.
fn stage(target: &Path, contents: &str) -> Result<PathBuf> {
    let parent = target.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent).map_err(|e| Error::io(parent, "create the folder", &e))?;
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let temporary = parent.join(format!(".{name}.armgen-tmp"));
    fs::write(&temporary, contents).map_err(|e| {
        let _ = fs::remove_file(&temporary);
        Error::io(target, "write the file", &e)
    })?;
    Ok(temporary)
}

/// The files the previous run listed; paths that would leave the folder are ignored.
fn read_record(dir: &Path) -> Result<BTreeSet<PathBuf>> {
    let path = dir.join(RECORD);
    match fs::read_to_string(&path) {
        Ok(text) => Ok(text
            .lines()
            .filter_map(|line| normalize(Path::new(line)))
            .filter(|p| !p.as_os_str().is_empty())
            .collect()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(BTreeSet::new()),
        Err(e) => Err(Error::io(&path, "read the list of generated files", &e)),
    }
}

/// A relative path written with `/`, the same on every platform.
pub fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
