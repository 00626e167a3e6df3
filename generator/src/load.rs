//! Stage 1: reading spec files from the spec root.
//!
//! Every file is read and parsed once, whoever refers to it. Files are named by their path
//! relative to the spec root, and nothing outside the root is ever read: a reference that
//! climbs out with `..`, or a symlink that leads out, is refused. Nothing is fetched over
//! the network: a reference with a URL scheme is refused by the resolver.
//!
//! Only regular files are read (a FIFO would block for ever, a device never end), each
//! up to a size limit, and a file's JSON values are counted as they are built, the
//! building stopped at a limit: a `serde_json::Value` takes 80 bytes (with
//! `preserve_order`), so a file of `0,0,0,...` (2 bytes a value) would take 40 times its
//! size, 80 with the spare capacity of a growing array. Real specs average 45 bytes a
//! value (27 for the densest vendored file), so the limit of one value per
//! [`BYTES_PER_VALUE`] bytes refuses only such padding and keeps memory within a few
//! times the input.

use crate::error::{Error, Result};
use indexmap::IndexMap;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::io::Read;
use std::path::{Component, Path, PathBuf};

/// The default size limit of one spec file: the largest file of azure-rest-api-specs is a
/// few megabytes.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 << 20;
/// A file may hold one JSON value per this many bytes (but always 65,536 values).
pub const BYTES_PER_VALUE: u64 = 16;
const MIN_VALUE_BUDGET: u64 = 1 << 16;

/// The JSON documents read so far, keyed by their path relative to the spec root.
#[derive(Debug)]
pub struct Documents {
    root: PathBuf,
    canonical_root: PathBuf,
    documents: IndexMap<Key, Document, foldhash::fast::RandomState>,
    /// The canonical path of each folder files were read from, by its relative path.
    canonical_folders: foldhash::HashMap<PathBuf, PathBuf>,
    max_file_size: u64,
}

/// A document's path as the key of the map, hashed by its file name alone: cheaper than
/// `Path`'s hash (a walk over every component, at every lookup of a location), and
/// telling apart all files but those of one name in several folders, which equality
/// then tells apart. Equal paths have equal file names, so the hash agrees with
/// `Path`'s equality.
#[derive(Debug, PartialEq, Eq)]
struct Key(PathBuf);

/// A path looked up in the map, hashed as [`Key`] is.
struct Query<'p>(&'p Path);

fn hash_file_name<H: Hasher>(path: &Path, state: &mut H) {
    path.file_name().hash(state);
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_file_name(&self.0, state);
    }
}

impl Hash for Query<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        hash_file_name(self.0, state);
    }
}

impl indexmap::Equivalent<Key> for Query<'_> {
    fn equivalent(&self, key: &Key) -> bool {
        *self.0 == *key.0
    }
}

#[derive(Debug)]
struct Document {
    value: Value,
    /// Whether the file held a `$ref` member when read: most files (examples) hold none,
    /// and need no walk looking for them.
    refers: bool,
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
            documents: IndexMap::default(),
            canonical_folders: Default::default(),
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        })
    }

    /// Refuses files larger than `bytes` (instead of [`DEFAULT_MAX_FILE_SIZE`]).
    pub fn with_max_file_size(mut self, bytes: u64) -> Self {
        self.max_file_size = bytes;
        self
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Reads `relative` (a path below the root) unless it was read before.
    pub fn load(&mut self, relative: &Path) -> Result<&Value> {
        let relative = normalize(relative)
            .ok_or_else(|| Error::in_file(relative, "the path leads outside the spec root"))?;
        let index = match self.documents.get_index_of(&Query(&relative)) {
            Some(index) => index,
            None => {
                let document = self.read(&relative)?;
                self.documents.insert_full(Key(relative), document).0
            }
        };
        Ok(&self.documents[index].value)
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
        self.documents
            .get(&Query(relative))
            .map(|document| &document.value)
    }

    /// For the loading stage, which leaves out what it cannot use (an unreadable example).
    pub fn get_mut(&mut self, relative: &Path) -> Option<&mut Value> {
        self.documents
            .get_mut(&Query(relative))
            .map(|document| &mut document.value)
    }

    /// Every document read, by its path relative to the root, in the order read.
    pub fn iter(&self) -> impl Iterator<Item = (&Path, &Value)> {
        self.documents
            .iter()
            .map(|(path, document)| (path.0.as_path(), &document.value))
    }

    /// The documents that held a `$ref` member when read, in the order read: the others
    /// refer to nothing.
    pub fn referring(&self) -> impl Iterator<Item = (&Path, &Value)> {
        self.documents
            .iter()
            .filter(|(_, document)| document.refers)
            .map(|(path, document)| (path.0.as_path(), &document.value))
    }

    /// Whether the document `relative` held a `$ref` member when read.
    pub fn refers(&self, relative: &Path) -> bool {
        self.documents
            .get(&Query(relative))
            .is_some_and(|document| document.refers)
    }

    /// Every file read, as a path a user can open (the root joined with the relative path).
    pub fn files(&self) -> impl Iterator<Item = PathBuf> + '_ {
        self.documents
            .keys()
            .map(|relative| self.root.join(&relative.0))
    }

    /// Errors name the file relative to the root, like every location in a spec; the
    /// caller of the loading stage prefixes the root once.
    fn read(&mut self, relative: &Path) -> Result<Document> {
        let canonical = self
            .canonical(relative)
            .map_err(|e| Error::io(relative, "read the file", &e))?;
        if !canonical.starts_with(&self.canonical_root) {
            return Err(Error::in_file(
                relative,
                "the file is a link that leads outside the spec root",
            ));
        }
        let text = read_regular_file(&canonical, self.max_file_size)
            .map_err(|message| Error::in_file(relative, message))?;
        let budget = (text.len() as u64 / BYTES_PER_VALUE).max(MIN_VALUE_BUDGET);
        parse_within(relative, &text, budget)
    }

    /// The path of `relative` with every link resolved, as `canonicalize` gives it, but
    /// through its folder's, resolved once per folder: `canonicalize` costs a system call
    /// per component of the path, for each of the many examples of one folder.
    fn canonical(&mut self, relative: &Path) -> std::io::Result<PathBuf> {
        let (Some(folder), Some(name)) = (relative.parent(), relative.file_name()) else {
            return self.root.join(relative).canonicalize();
        };
        let path = match self.canonical_folders.get(folder) {
            Some(canonical) => canonical.join(name),
            None => {
                let canonical = self.root.join(folder).canonicalize()?;
                let path = canonical.join(name);
                self.canonical_folders
                    .insert(folder.to_path_buf(), canonical);
                path
            }
        };
        match std::fs::symlink_metadata(&path)?.file_type().is_symlink() {
            true => path.canonicalize(),
            false => Ok(path),
        }
    }
}

/// Reads a regular file of at most `limit` bytes as UTF-8. The file is opened without
/// blocking (a FIFO would otherwise wait for a writer) and checked on the open handle, so
/// a file swapped after the check cannot be something else.
fn read_regular_file(path: &Path, limit: u64) -> std::result::Result<String, String> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options
        .open(path)
        .map_err(|e| format!("cannot read the file: {e}"))?;
    let metadata = file
        .metadata()
        .map_err(|e| format!("cannot read the file: {e}"))?;
    if !metadata.is_file() {
        return Err(
            "not a regular file (a FIFO, device or folder): armgen reads only regular files".into(),
        );
    }
    let too_large = |size: u64| {
        format!(
            "the file is larger than the limit of {limit} bytes ({size} bytes or more); \
             `--max-spec-size MIB` raises it"
        )
    };
    if metadata.len() > limit {
        return Err(too_large(metadata.len()));
    }
    // The size can change after the check: never read past the limit.
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read the file: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    String::from_utf8(bytes).map_err(|e| format!("cannot read the file: not UTF-8: {e}"))
}

/// Parses JSON keeping key order, building at most `budget` values: too many is an error
/// saying so, and a syntax error met before the limit names its line and column.
/// A UTF-8 byte order mark is skipped: some files of azure-rest-api-specs start with one.
fn parse_within(file: &Path, text: &str, budget: u64) -> Result<Document> {
    let mut builder = Builder {
        left: budget,
        over: false,
        refers: false,
    };
    let json = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut deserializer = serde_json::Deserializer::from_str(json);
    // As `serde_json::from_str`, which also refuses text after the value.
    let parsed = (&mut builder)
        .deserialize(&mut deserializer)
        .and_then(|value| deserializer.end().map(|()| value));
    match parsed {
        Ok(value) => Ok(Document {
            value,
            refers: builder.refers,
        }),
        Err(_) if builder.over => Err(Error::in_file(
            file,
            format!(
                "the file holds more than {budget} JSON values in {} bytes: armgen reads at most one \
                 value per {BYTES_PER_VALUE} bytes (real specs average 45), as each takes 80 bytes of memory",
                text.len()
            ),
        )),
        Err(e) => Err(malformed(file, &e)),
    }
}

/// Builds a JSON value as `serde_json::Value`'s own `Deserialize` does, counting each
/// value against the budget before it is built.
struct Builder {
    left: u64,
    over: bool,
    refers: bool,
}

impl Builder {
    fn take<E: serde::de::Error>(&mut self) -> std::result::Result<(), E> {
        match self.left.checked_sub(1) {
            Some(left) => {
                self.left = left;
                Ok(())
            }
            None => {
                self.over = true;
                Err(E::custom("over the value budget"))
            }
        }
    }
}

impl<'de> DeserializeSeed<'de> for &mut Builder {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> std::result::Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for &mut Builder {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: serde::de::Error>(self, value: bool) -> std::result::Result<Value, E> {
        self.take()?;
        Ok(Value::Bool(value))
    }

    fn visit_i64<E: serde::de::Error>(self, value: i64) -> std::result::Result<Value, E> {
        self.take()?;
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E: serde::de::Error>(self, value: u64) -> std::result::Result<Value, E> {
        self.take()?;
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E: serde::de::Error>(self, value: f64) -> std::result::Result<Value, E> {
        self.take()?;
        Ok(serde_json::Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: serde::de::Error>(self, value: &str) -> std::result::Result<Value, E> {
        self.take()?;
        Ok(Value::String(value.to_owned()))
    }

    fn visit_unit<E: serde::de::Error>(self) -> std::result::Result<Value, E> {
        self.take()?;
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Value, A::Error> {
        self.take()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(&mut *self)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Value, A::Error> {
        self.take()?;
        let mut entries = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            self.refers |= key == "$ref";
            let value = map.next_value_seed(&mut *self)?;
            // A repeated key keeps its first place and its last value, as serde_json does.
            entries.insert(key, value);
        }
        Ok(Value::Object(entries))
    }
}

fn malformed(file: &Path, e: &serde_json::Error) -> Error {
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

    fn parse(text: &str) -> Result<Value> {
        parse_within(Path::new("x.json"), text, u64::MAX).map(|document| document.value)
    }

    #[test]
    fn values_are_built_as_serde_json_builds_them() {
        let text = r##"{"b": [1, -2, 18446744073709551615, 1.5e300, -0.0, 5e-324, 123456789012345678901234567890, 0.1],
            "a": {"$ref": "#/x", "s": "\u00e9\n\ud83e\udd80", "n": null, "t": true},
            "b": "repeated: first place, last value", "": [[], {}]}"##;
        let document = parse_within(Path::new("x.json"), text, u64::MAX).unwrap();
        let expected: Value = serde_json::from_str(text).unwrap();
        assert_eq!(document.value, expected);
        assert_eq!(document.value.to_string(), expected.to_string());
        assert!(document.refers);
        let plain = parse_within(Path::new("x.json"), r#"{"ref": "$ref"}"#, 9).unwrap();
        assert!(!plain.refers);
    }

    #[test]
    fn the_first_of_too_many_values_and_a_syntax_error_is_reported() {
        let too_many = |text: &str| {
            let error = parse_within(Path::new("x.json"), text, 3).unwrap_err();
            error
                .message
                .starts_with("the file holds more than 3 JSON values")
        };
        assert!(too_many("[1, 2, 3, x"));
        assert!(too_many("{\"a\": [1, 2]} trailing"));
        assert!(!too_many("[1, x, 3, 4]"));
        assert!(!too_many("[1, 2] trailing"));
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let value = parse("\u{feff}{\"a\": 1}").unwrap();
        assert_eq!(value["a"], 1);
    }

    #[test]
    fn an_empty_file_is_malformed_at_line_1_column_1() {
        let error = parse("").unwrap_err();
        assert_eq!(
            error.to_string(),
            "x.json:1:1: malformed JSON: EOF while parsing a value"
        );
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let error = parse("{\n  \"a\": ,\n}").unwrap_err();
        assert_eq!(error.position, Some((2, 8)));
        assert!(
            error.to_string().starts_with("x.json:2:8: malformed JSON"),
            "{error}"
        );
    }
}
