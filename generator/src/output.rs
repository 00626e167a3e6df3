//! The last stage: generated files held in memory, then written all-or-nothing, or
//! compared with what is on disk (`--check`).
//!
//! armgen owns exactly the files it lists in [`RECORD`] inside the output folder; a file
//! it no longer generates is removed only if the previous run listed it, so hand-written
//! files beside the generated ones (a crate's `Cargo.toml`, `lib.rs`) are never touched.
//!
//! An update is a transaction. Runs on one folder are serialized by a lock on the folder
//! itself. The [`JOURNAL`] names every file the update writes and removes before anything
//! is staged, and says once all new contents are staged beside their targets; only then
//! are they renamed into place and old files removed, and the journal goes last. A run
//! killed at any moment thus leaves a journal, which the next run completes (or rolls
//! back, when staging had not finished) before its own update, and `--check` reports.

use crate::error::{Error, Result};
use crate::load::normalize;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{ErrorKind, Write};
use std::ops::Bound;
use std::path::{Path, PathBuf};

/// The list of files armgen generated in an output folder, one relative path a line.
pub const RECORD: &str = ".armgen-files";
/// The update in progress in an output folder; it exists only while one runs or after one
/// was interrupted.
pub const JOURNAL: &str = ".armgen-journal";
/// What the name of a file's staged contents ends with.
const STAGED: &str = ".armgen-tmp";

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
    /// What an interrupted update left: from [`Files::write`], the files it completed or
    /// cleaned up; from [`Files::check`], the journal and staged files found.
    pub interrupted: Vec<PathBuf>,
}

impl Report {
    pub fn is_fresh(&self) -> bool {
        self.stale.is_empty()
            && self.missing.is_empty()
            && self.removed.is_empty()
            && self.interrupted.is_empty()
    }
}

/// The journal of an update: the files it writes (each staged beside its target first)
/// and removes, and whether every new content is staged.
#[derive(Debug, Default, Serialize, Deserialize)]
struct Journal {
    staged: bool,
    write: Vec<String>,
    remove: Vec<String>,
}

impl Files {
    /// Adds a file; `path` must stay inside the output folder.
    pub fn insert(&mut self, path: impl AsRef<Path>, contents: String) -> Result<()> {
        let path = path.as_ref();
        let normal = normalize(path)
            .filter(|p| !p.as_os_str().is_empty() && !is_reserved(p))
            .ok_or_else(|| {
                Error::in_file(
                    path,
                    "refusing to generate a file outside the output folder",
                )
            })?;
        // A file that is also another file's folder could not be written. Looked up in the
        // sorted map (a folder's files sort right after it), not by a scan of every file:
        // at 5,000 operations the scans were a quadratic 4% of the run.
        let is_file = |path: &Path| self.files.contains_key(path);
        let clash = normal.ancestors().any(is_file)
            || self
                .files
                .range::<Path, _>((Bound::Excluded(normal.as_path()), Bound::Unbounded))
                .next()
                .is_some_and(|(next, _)| next.starts_with(&normal));
        // The scan names the clashing file as it always did.
        if let Some(other) = self
            .files
            .keys()
            .filter(|_| clash)
            .find(|other| other.starts_with(&normal) || normal.starts_with(other))
        {
            let message = match other == &normal {
                true => "two outputs generate the same file".to_owned(),
                false => format!("the output clashes with {}", slash_path(other)),
            };
            return Err(Error::in_file(path, message));
        }
        self.files.insert(normal, contents);
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
    /// run generated and this one does not. Nothing is written before every target and
    /// every removal is checked, and all new contents are staged before the first rename,
    /// so a failure before the renames (a full or read-only disk, a folder where a file
    /// goes) leaves every existing file as it was; a kill at any moment leaves a journal
    /// that the next run completes.
    pub fn write(&self, dir: &Path) -> Result<Report> {
        fs::create_dir_all(dir).map_err(|e| Error::io(dir, "create the folder", &e))?;
        let _lock = lock(dir, true)?;
        let mut report = Report {
            interrupted: recover(dir)?,
            ..Report::default()
        };
        let previous = read_record(dir)?;
        for path in self.files.keys() {
            folder_inside(dir, path.parent().unwrap_or(Path::new("")), false)?;
        }
        // Staged contents with no journal naming them (from armgen before journals).
        for path in self.files.keys().chain(&previous) {
            let staged = dir.join(staged_name(path));
            if inside(dir, &staged) && remove_if_present(&staged)? {
                report.interrupted.push(staged_name(path));
            }
        }
        let record = self.record();
        let mut journal = Journal::default();
        let mut contents = Vec::new();
        let entries = self
            .files
            .iter()
            .map(|(path, contents)| (path.as_path(), contents.as_str()));
        for (path, text) in entries.chain([(Path::new(RECORD), record.as_str())]) {
            let target = dir.join(path);
            if is_unchanged(&target, text)? {
                if path != Path::new(RECORD) {
                    report.unchanged.push(path.to_path_buf());
                }
                continue;
            }
            if path != Path::new(RECORD) {
                report.written.push(path.to_path_buf());
            }
            journal.write.push(slash_path(path));
            contents.push((path, text));
        }
        for path in previous.iter().filter(|p| !self.files.contains_key(*p)) {
            let target = dir.join(path);
            if !inside(dir, &target) {
                continue;
            }
            match fs::symlink_metadata(&target) {
                Ok(metadata) if metadata.is_dir() => {
                    return Err(Error::in_file(
                        &target,
                        format!(
                            "cannot remove the file: {RECORD} lists it but it is a folder; \
                             armgen removes only files it wrote: fix {RECORD} or move the folder"
                        ),
                    ))
                }
                Ok(_) => {
                    journal.remove.push(slash_path(path));
                    report.removed.push(path.clone());
                }
                Err(e) if e.kind() == ErrorKind::NotFound => {}
                Err(e) => return Err(Error::io(&target, "read the file's metadata", &e)),
            }
        }
        if journal.write.is_empty() && journal.remove.is_empty() {
            return Ok(report);
        }
        for (path, _) in &contents {
            folder_inside(dir, path.parent().unwrap_or(Path::new("")), true)?;
        }
        save_journal(dir, &journal)?;
        for (path, text) in &contents {
            if let Err(error) = stage(&dir.join(path), text) {
                roll_back(dir, &journal);
                return Err(error);
            }
        }
        journal.staged = true;
        save_journal(dir, &journal)?;
        commit(dir, &journal)?;
        Ok(report)
    }

    /// Compares with the disk and writes nothing.
    pub fn check(&self, dir: &Path) -> Result<Report> {
        let _lock = match dir.is_dir() {
            true => lock(dir, false)?,
            false => None,
        };
        let mut report = Report::default();
        for (path, contents) in &self.files {
            match fs::read(dir.join(path)) {
                Ok(old) if old == contents.as_bytes() => report.unchanged.push(path.clone()),
                Ok(_) => report.stale.push(path.clone()),
                Err(_) => report.missing.push(path.clone()),
            }
        }
        // The list of owned files too, so that a fresh check means `write` would change
        // nothing at all.
        match fs::read(dir.join(RECORD)) {
            Ok(old) if old == self.record().as_bytes() => {}
            Ok(_) => report.stale.push(PathBuf::from(RECORD)),
            Err(_) => report.missing.push(PathBuf::from(RECORD)),
        }
        let previous = read_record(dir)?;
        report.removed = previous
            .iter()
            .filter(|p| !self.files.contains_key(*p))
            .filter(|p| dir.join(p).exists() && inside(dir, &dir.join(p)))
            .cloned()
            .collect();
        // An interrupted update: its journal, and contents staged but never renamed.
        let mut leftovers: BTreeSet<PathBuf> = [JOURNAL, RECORD]
            .iter()
            .map(PathBuf::from)
            .chain(self.files.keys().cloned())
            .chain(previous)
            .map(|path| staged_name(&path))
            .collect();
        leftovers.insert(PathBuf::from(JOURNAL));
        report.interrupted = leftovers
            .into_iter()
            .filter(|path| fs::symlink_metadata(dir.join(path)).is_ok())
            .collect();
        Ok(report)
    }
}

/// Whether a path is one of armgen's own files in the output folder.
fn is_reserved(path: &Path) -> bool {
    path == Path::new(RECORD)
        || path == Path::new(JOURNAL)
        || path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().ends_with(STAGED))
}

/// Whether `target` already holds `contents`. A symlink never does: writing replaces the
/// link itself, never the file it points to. A folder where a file goes is an error found
/// before anything is written.
fn is_unchanged(target: &Path, contents: &str) -> Result<bool> {
    match fs::symlink_metadata(target) {
        Ok(metadata) if metadata.is_dir() => Err(Error::in_file(
            target,
            "cannot write the file: a folder is in its place",
        )),
        Ok(metadata) if metadata.is_file() => Ok(fs::read(target)
            .map_err(|e| Error::io(target, "read the file", &e))?
            == contents.as_bytes()),
        _ => Ok(false),
    }
}

/// Takes the folder's lock, exclusive for writing, shared for checking; the kernel
/// releases it when the process ends, however it ends. The lock is on the folder itself
/// (`flock`), so that no lock file litters it; elsewhere than on Unix a folder cannot be
/// opened as a file, and runs are not serialized.
#[cfg(unix)]
fn lock(dir: &Path, exclusive: bool) -> Result<Option<fs::File>> {
    let folder = fs::File::open(dir).map_err(|e| Error::io(dir, "open the folder", &e))?;
    let locked = match exclusive {
        true => folder.lock(),
        false => folder.lock_shared(),
    };
    locked.map_err(|e| Error::io(dir, "lock the folder", &e))?;
    Ok(Some(folder))
}

#[cfg(not(unix))]
fn lock(_: &Path, _: bool) -> Result<Option<fs::File>> {
    Ok(None)
}

/// Finishes what an interrupted update left: a journal whose contents were all staged is
/// committed, one whose staging had not finished is rolled back; staged contents of the
/// record and journal go too. Returns the paths it acted on.
fn recover(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut done = Vec::new();
    let path = dir.join(JOURNAL);
    match fs::read_to_string(&path) {
        Ok(text) => {
            let journal: Journal = serde_json::from_str(&text).map_err(|e| {
                Error::in_file(
                    &path,
                    format!("the journal of an interrupted update is unreadable ({e}): compare the folder with --check, then remove it"),
                )
            })?;
            match journal.staged {
                true => commit(dir, &journal)?,
                false => roll_back(dir, &journal),
            }
            done.push(PathBuf::from(JOURNAL));
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io(&path, "read the journal", &e)),
    }
    for own in [JOURNAL, RECORD] {
        let staged = staged_name(Path::new(own));
        if remove_if_present(&dir.join(&staged))? {
            done.push(staged);
        }
    }
    Ok(done)
}

/// Renames every staged file into place, removes the old files, then the journal. A file
/// already renamed (by an earlier, interrupted commit) is skipped.
fn commit(dir: &Path, journal: &Journal) -> Result<()> {
    for path in &journal.write {
        let Some(path) = journal_path(path) else {
            continue;
        };
        let target = dir.join(&path);
        let staged = dir.join(staged_name(&path));
        if !inside(dir, &target) {
            continue;
        }
        match fs::rename(&staged, &target) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            Err(e) => return Err(Error::io(&target, "replace the file", &e)),
        }
    }
    for path in &journal.remove {
        let Some(path) = journal_path(path) else {
            continue;
        };
        let target = dir.join(path);
        if inside(dir, &target) && !target.is_dir() {
            remove_if_present(&target)?;
        }
    }
    remove_if_present(&dir.join(JOURNAL))?;
    Ok(())
}

/// Removes what an unfinished staging left, then the journal.
fn roll_back(dir: &Path, journal: &Journal) {
    for path in journal.write.iter().filter_map(|p| journal_path(p)) {
        let staged = dir.join(staged_name(&path));
        if inside(dir, &staged) {
            let _ = remove_if_present(&staged);
        }
    }
    let _ = remove_if_present(&dir.join(JOURNAL));
}

/// A path of the journal, if it stays inside the folder.
fn journal_path(path: &str) -> Option<PathBuf> {
    normalize(Path::new(path)).filter(|p| !p.as_os_str().is_empty())
}

/// Replaces the journal atomically: a kill leaves the old one or the new one.
fn save_journal(dir: &Path, journal: &Journal) -> Result<()> {
    let text = serde_json::to_string(journal).expect("a journal serializes");
    let target = dir.join(JOURNAL);
    stage(&target, &text)?;
    fs::rename(dir.join(staged_name(Path::new(JOURNAL))), &target)
        .map_err(|e| Error::io(&target, "write the journal", &e))
}

/// `dir/a/.name.armgen-tmp` for `dir/a/name`: where a file's new contents are staged.
fn staged_name(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}{STAGED}"))
}

/// Writes `contents` to a new file beside `target`. The file is created exclusively, so
/// whatever is already at its path, a link above all, is removed (the link, never what it
/// points to) and never written through.
fn stage(target: &Path, contents: &str) -> Result<()> {
    let staged = staged_name(target);
    remove_if_present(&staged)?;
    let written = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&staged)
        .and_then(|mut file| file.write_all(contents.as_bytes()));
    written.map_err(|e| {
        let _ = fs::remove_file(&staged);
        Error::io(target, "write the file", &e)
    })
}

/// Removes a file or link; whether there was one.
fn remove_if_present(path: &Path) -> Result<bool> {
    match fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(false),
        Err(e) => Err(Error::io(path, "remove the file", &e)),
    }
}

/// Checks, and with `create` creates, `relative` below `dir` folder by folder. An existing
/// folder that is a link must lead to a folder inside `dir`: writing through a link
/// leading out is refused, as removing is.
fn folder_inside(dir: &Path, relative: &Path, create: bool) -> Result<()> {
    let mut folder = dir.to_path_buf();
    for part in relative.components() {
        folder.push(part);
        match fs::symlink_metadata(&folder) {
            Ok(metadata) if metadata.is_dir() => {}
            Ok(metadata) if metadata.file_type().is_symlink() => {
                if !(folder.is_dir() && inside(dir, &folder.join("x"))) {
                    return Err(Error::in_file(
                        &folder,
                        "refusing to write through a link that leads outside the output folder",
                    ));
                }
            }
            Ok(_) => {
                return Err(Error::in_file(
                    &folder,
                    "cannot create the folder: a file is in its place",
                ))
            }
            Err(e) if e.kind() == ErrorKind::NotFound && !create => return Ok(()),
            Err(e) if e.kind() == ErrorKind::NotFound => {
                fs::create_dir(&folder).map_err(|e| Error::io(&folder, "create the folder", &e))?
            }
            Err(e) => return Err(Error::io(&folder, "create the folder", &e)),
        }
    }
    Ok(())
}

/// Whether the folder of `target` really is inside `dir`: a listed path below a symlinked
/// folder would otherwise reach a file elsewhere. A folder that does not exist holds
/// nothing to remove.
fn inside(dir: &Path, target: &Path) -> bool {
    let parent = target.parent().unwrap_or(dir);
    match (dir.canonicalize(), parent.canonicalize()) {
        (Ok(dir), Ok(parent)) => parent.starts_with(dir),
        _ => false,
    }
}

/// The files the previous run listed; paths that would leave the folder are ignored.
fn read_record(dir: &Path) -> Result<BTreeSet<PathBuf>> {
    let path = dir.join(RECORD);
    match fs::read_to_string(&path) {
        Ok(text) => Ok(text
            .lines()
            .filter_map(|line| normalize(Path::new(line)))
            .filter(|p| !p.as_os_str().is_empty() && !is_reserved(p))
            .collect()),
        Err(e) if e.kind() == ErrorKind::NotFound => Ok(BTreeSet::new()),
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

#[cfg(test)]
mod tests {
    use super::Files;

    #[test]
    fn a_file_that_is_another_files_folder_is_refused() {
        let mut files = Files::default();
        for path in [
            "docs/a.md",
            "docs/a/b.md",
            "docs/ab/c.md",
            "docs/a b.md",
            "src/x.rs",
        ] {
            files.insert(path, String::new()).unwrap();
        }
        let refused = |path: &str| {
            let mut files = Files::default();
            for path in ["docs/a.md", "docs/a/b.md", "src/x.rs"] {
                files.insert(path, String::new()).unwrap();
            }
            files.insert(path, String::new()).unwrap_err().message
        };
        assert_eq!(refused("docs/a.md"), "two outputs generate the same file");
        assert_eq!(refused("docs/a"), "the output clashes with docs/a/b.md");
        assert_eq!(refused("docs"), "the output clashes with docs/a/b.md");
        assert_eq!(refused("src/x.rs/y.rs"), "the output clashes with src/x.rs");
        assert_eq!(refused("docs/a.md/z"), "the output clashes with docs/a.md");
    }
}
