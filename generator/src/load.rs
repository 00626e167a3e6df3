//! Stage 1: reading spec files from the spec root.
//!
//! Every file is read and parsed once, whoever refers to it. Files are named by their path
//! relative to the spec root, and nothing outside the root is ever read: a reference that
//! climbs out with `..`, or a symlink that leads out, is refused. Nothing is fetched over
//! the network: a reference with a URL scheme is refused by the resolver.

use crate::error::{Error, Result};
use indexmap::IndexMap;
use serde_json::Value;
use std::path::{Component, Path, PathBuf};

/// The JSON documents read so far, keyed by their path relative to the spec root.
#[derive(Debug)]
pub struct Documents {
    root: PathBuf,
    canonical_root: PathBuf,
    documents: IndexMap<PathBuf, Value>,
}

impl Documents {
    pub fn new(root: &Path) -> Result<Self> {
        let canonical_root = root.canonicalize().map_err(|e| {
            Error::in_file(root, format!("the spec root is not a readable folder: {e}"))
        })?;
        if !canonical_root.is_dir() {
            return Err(Error::in_file(root, "the spec root is not a folder"));
        }
        Ok(Self {
            root: root.to_path_buf(),
            canonical_root,
            documents: IndexMap::new(),
        })
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Reads `relative` (a path below the root) unless it was read before.
    pub fn load(&mut self, relative: &Path) -> Result<&Value> {
        let relative = normalize(relative)
            .ok_or_else(|| Error::in_file(relative, "the path leads outside the spec root"))?;
        if !self.documents.contains_key(&relative) {
            let value = self.read(&relative)?;
            self.documents.insert(relative.clone(), value);
        }
        Ok(&self.documents[&relative])
    }

    /// A spec path as a user gives it, relative to the root or absolute, as the path
    /// relative to the root that documents are keyed by; `None` if it leads outside.
    pub fn relative(&self, path: &Path) -> Option<PathBuf> {
        if !path.is_absolute() {
            return normalize(path);
        }
        // Through the file system, as the root may be reached through a symlink.
        let canonical = path.canonicalize().ok()?;
        canonical
            .strip_prefix(&self.canonical_root)
            .ok()
            .map(Path::to_path_buf)
    }

    pub fn get(&self, relative: &Path) -> Option<&Value> {
        self.documents.get(relative)
    }

    /// For the loading stage, which leaves out what it cannot use (an unreadable example).
    pub fn get_mut(&mut self, relative: &Path) -> Option<&mut Value> {
        self.documents.get_mut(relative)
    }

    /// Every document read, by its path relative to the root, in the order read.
    pub fn iter(&self) -> impl Iterator<Item = (&Path, &Value)> {
        self.documents
            .iter()
            .map(|(path, value)| (path.as_path(), value))
    }

    /// Every file read, as a path a user can open (the root joined with the relative path).
    pub fn files(&self) -> impl Iterator<Item = PathBuf> + '_ {
        self.documents
            .keys()
            .map(|relative| self.root.join(relative))
    }

    /// Errors name the file relative to the root, like every location in a spec; the
    /// caller of the loading stage prefixes the root once.
    fn read(&self, relative: &Path) -> Result<Value> {
        let path = self.root.join(relative);
        let canonical = path
            .canonicalize()
            .map_err(|e| Error::io(relative, "read the file", &e))?;
        if !canonical.starts_with(&self.canonical_root) {
            return Err(Error::in_file(
                relative,
                "the file is a link that leads outside the spec root",
            ));
        }
        let text = std::fs::read_to_string(&canonical)
            .map_err(|e| Error::io(relative, "read the file", &e))?;
        parse_json(relative, &text)
    }
}

/// Parses JSON keeping key order; a syntax error names the line and column.
/// A UTF-8 byte order mark is skipped: some files of azure-rest-api-specs start with one.
pub fn parse_json(file: &Path, text: &str) -> Result<Value> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| {
        // serde_json ends its message with the position, which the error shows already.
        let position = format!(" at line {} column {}", e.line(), e.column());
        let message = e.to_string();
        let message = message.strip_suffix(&position).unwrap_or(&message);
        // serde_json cannot hold a lone UTF-16 surrogate (`"\ud800"`) and says so in terms
        // of its parser; say what in the file is wrong.
        let hint = match message.contains("hex escape") || message.contains("surrogate") {
            true => " (a \\uD800-\\uDFFF escape must be half of a surrogate pair: a lone surrogate is no text)",
            false => "",
        };
        let mut error = Error::in_file(file, format!("malformed JSON: {message}{hint}"));
        // serde_json says column 0 at the start of a line (an empty file); columns count
        // from 1.
        error.position = Some((e.line(), e.column().max(1)));
        error
    })
}

/// Resolves `.` and `..` lexically; `None` when the path climbs above its start or is
/// absolute, which for a path relative to the spec root means it escapes the root.
pub fn normalize(path: &Path) -> Option<PathBuf> {
    let mut normal = PathBuf::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => normal.push(part),
            Component::CurDir => {}
            Component::ParentDir => {
                if !normal.pop() {
                    return None;
                }
            }
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(normal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_refuses_climbing_out() {
        assert_eq!(
            normalize(Path::new("a/./b/../c.json")),
            Some(PathBuf::from("a/c.json"))
        );
        assert_eq!(normalize(Path::new("a/../../etc/passwd")), None);
        assert_eq!(normalize(Path::new("/etc/passwd")), None);
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let value = parse_json(Path::new("x.json"), "\u{feff}{\"a\": 1}").unwrap();
        assert_eq!(value["a"], 1);
    }

    #[test]
    fn an_empty_file_is_malformed_at_line_1_column_1() {
        let error = parse_json(Path::new("x.json"), "").unwrap_err();
        assert_eq!(
            error.to_string(),
            "x.json:1:1: malformed JSON: EOF while parsing a value"
        );
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let error = parse_json(Path::new("x.json"), "{\n  \"a\": ,\n}").unwrap_err();
        assert_eq!(error.position, Some((2, 8)));
        assert!(
            error.to_string().starts_with("x.json:2:8: malformed JSON"),
            "{error}"
        );
    }
}
