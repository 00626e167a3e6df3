//! Stage 2: `$ref` resolution.
//!
//! References are local JSON pointers (`#/definitions/X`, with `~0`/`~1` and percent
//! escapes) or paths relative to the referring file (`./examples/X.json`,
//! `../common/types.json#/definitions/Y`). [`load_referenced`] reads every file reachable
//! this way up front, so that resolution itself needs no I/O and each file is read once.
//!
//! [`Dereferencer`] builds the dereferenced view that the documentation pages print, with
//! the semantics of `json-schema-ref-parser` (used by swagger-parser's `dereference`):
//! a `$ref` object with sibling keys becomes its own keys (minus `$ref`) followed by the
//! target's keys it does not already have; a plain `$ref` becomes the target itself, the
//! same node wherever it is referenced, so a schema that reaches itself is a real cycle.

use crate::error::{pointer_push, push_token, Error, Result};
use crate::json_graph::{Graph, Node, NodeId};
use crate::load::{normalize, Documents};
use percent_encoding::percent_decode_str;
use serde_json::Value;
use std::collections::HashMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};

/// How many plain `$ref`s may follow each other before the chain counts as runaway.
const MAX_REF_CHAIN: usize = 64;
/// How deep the dereferenced view may nest before the schema counts as runaway.
const MAX_DEPTH: usize = 512;

/// Where a JSON value lives: a file relative to the spec root and a JSON pointer into it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    pub file: PathBuf,
    pub pointer: String,
}

/// Hashes the pointer alone: locations that are equal have equal pointers, and locations
/// of one pointer in several files are few, while hashing a `Path` walks its components
/// (the type space hashes locations many times per definition).
impl std::hash::Hash for Location {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.pointer.hash(state);
    }
}

impl Location {
    pub fn new(file: impl Into<PathBuf>, pointer: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            pointer: pointer.into(),
        }
    }

    pub fn child(&self, token: &str) -> Self {
        Self {
            file: self.file.clone(),
            pointer: pointer_push(&self.pointer, token),
        }
    }

    pub fn error(&self, message: impl Into<String>) -> Error {
        Error::at(&self.file, &self.pointer, message)
    }
}

/// The `$ref` string of a reference object, if `value` is one (with or without siblings).
pub fn ref_of(value: &Value) -> Option<&str> {
    value.as_object()?.get("$ref")?.as_str()
}

/// The `$ref` string of an object that is nothing but a reference.
pub fn plain_ref_of(value: &Value) -> Option<&str> {
    value.as_object().filter(|entries| entries.len() == 1)?;
    ref_of(value)
}

/// Where the reference `reference`, written at `from`, points.
pub fn parse_ref(from: &Location, reference: &str) -> Result<Location> {
    if reference.contains("://") || reference.starts_with("//") {
        return Err(from.error(format!(
            "remote $ref `{reference}` is not fetched: only files below the spec root are read"
        )));
    }
    let (file_part, fragment) = reference.split_once('#').unwrap_or((reference, ""));
    let file = if file_part.is_empty() {
        from.file.clone()
    } else {
        let decoded = decode(from, file_part)?;
        let joined = from.file.parent().unwrap_or(Path::new("")).join(decoded);
        normalize(&joined)
            .ok_or_else(|| from.error(format!("$ref `{reference}` leads outside the spec root")))?
    };
    let pointer = decode(from, fragment)?;
    if !pointer.is_empty() && !pointer.starts_with('/') {
        return Err(from.error(format!(
            "$ref `{reference}` has a fragment that is no JSON pointer"
        )));
    }
    Ok(Location { file, pointer })
}

fn decode(from: &Location, text: &str) -> Result<String> {
    if !text.contains('%') {
        return Ok(text.to_owned());
    }
    percent_decode_str(text)
        .decode_utf8()
        .map(|decoded| decoded.into_owned())
        .map_err(|_| {
            from.error(format!(
                "$ref `{text}` is not valid UTF-8 once percent-decoded"
            ))
        })
}

/// Reads, besides the documents already loaded, every file they reach through `$ref`,
/// transitively.
///
/// Examples are documentation, not part of the API: an operation's `x-ms-examples` entry
/// naming a file that cannot be read is left out of the loaded spec, with a warning
/// pushed to `warnings`. Any other `$ref` that cannot be read is an error.
pub fn load_referenced(
    documents: &mut Documents,
    start: &Path,
    warnings: &mut Vec<Error>,
) -> Result<()> {
    let mut pending = vec![start.to_path_buf()];
    while let Some(file) = pending.pop() {
        let mut references = Vec::new();
        if let Some(value) = documents.get(&file).filter(|_| documents.refers(&file)) {
            collect_refs(value, &Location::new(&file, ""), &mut references);
        }
        for (from, reference) in references {
            let target = parse_ref(&from, &reference)?;
            if documents.get(&target.file).is_some() {
                continue;
            }
            let cause = match documents.load(&target.file) {
                Ok(_) => {
                    pending.push(target.file);
                    continue;
                }
                // Malformed JSON is the referenced file's fault: report it there, with
                // its line and column. Otherwise the referrer is where to look.
                Err(cause) if cause.position.is_some() => return Err(cause),
                Err(cause) => cause,
            };
            let unreadable = from.error(format!(
                "$ref `{reference}` names a file that cannot be read: {}",
                cause.message
            ));
            let Some((examples, name)) = example_entry(&from.pointer) else {
                return Err(unreadable);
            };
            if let Some(Value::Object(entries)) = documents
                .get_mut(&from.file)
                .and_then(|document| document.pointer_mut(examples))
            {
                entries.shift_remove(&name);
            }
            warnings.push(Error {
                message: format!("{}; the example is left out", unreadable.message),
                ..unreadable
            });
        }
    }
    Ok(())
}

/// For the pointer of an operation's example (`/paths/<path>/<method>/x-ms-examples/<name>`),
/// the pointer of its `x-ms-examples` object and the example's name, unescaped.
fn example_entry(pointer: &str) -> Option<(&str, String)> {
    let (examples, name) = pointer.rsplit_once('/')?;
    let tokens: Vec<&str> = examples.split('/').collect();
    match tokens.as_slice() {
        ["", "paths", _, _, "x-ms-examples"] => {
            Some((examples, name.replace("~1", "/").replace("~0", "~")))
        }
        _ => None,
    }
}

/// Every `$ref` in `value` (found at `at`), with where it is written, in document order.
pub fn collect_refs(value: &Value, at: &Location, out: &mut Vec<(Location, String)>) {
    // One pointer, grown and cut back on the way: a location is made only for a `$ref`,
    // not for each of the (many more) values walked past.
    let mut pointer = at.pointer.clone();
    collect_refs_below(value, &at.file, &mut pointer, out);
}

fn collect_refs_below(
    value: &Value,
    file: &Path,
    pointer: &mut String,
    out: &mut Vec<(Location, String)>,
) {
    match value {
        Value::Object(entries) => {
            if let Some(reference) = ref_of(value) {
                out.push((Location::new(file, pointer.as_str()), reference.to_owned()));
            }
            for (key, child) in entries {
                if child.is_object() || child.is_array() {
                    let len = pointer.len();
                    push_token(pointer, key);
                    collect_refs_below(child, file, pointer, out);
                    pointer.truncate(len);
                }
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                if child.is_object() || child.is_array() {
                    let len = pointer.len();
                    write!(pointer, "/{index}").expect("a String takes any text");
                    collect_refs_below(child, file, pointer, out);
                    pointer.truncate(len);
                }
            }
        }
        _ => {}
    }
}

/// Read-only access to the loaded documents by location.
#[derive(Debug, Clone, Copy)]
pub struct Resolver<'d> {
    documents: &'d Documents,
}

impl<'d> Resolver<'d> {
    pub fn new(documents: &'d Documents) -> Self {
        Self { documents }
    }

    pub fn documents(&self) -> &'d Documents {
        self.documents
    }

    /// The value at `location`; `referrer` is named in the error when there is none.
    pub fn lookup(&self, location: &Location, referrer: &Location) -> Result<&'d Value> {
        let dangling = || {
            referrer.error(format!(
                "dangling $ref: nothing at {}#{}",
                location.file.display(),
                location.pointer
            ))
        };
        let mut value = self.documents.get(&location.file).ok_or_else(dangling)?;
        for token in location.pointer.split('/').skip(1) {
            // Most tokens have no escapes: no allocation for them.
            let token = match token.contains('~') {
                true => std::borrow::Cow::Owned(token.replace("~1", "/").replace("~0", "~")),
                false => std::borrow::Cow::Borrowed(token),
            };
            value = match value {
                Value::Object(entries) => entries.get(token.as_ref()),
                Value::Array(items) => token
                    .parse::<usize>()
                    .ok()
                    .and_then(|index| items.get(index)),
                _ => None,
            }
            .ok_or_else(dangling)?;
        }
        Ok(value)
    }

    /// Follows `value` (found at `location`) through plain `$ref`s to a value that is not
    /// one; a chain that loops or runs away is an error naming its links.
    pub fn follow(&self, location: &Location, value: &'d Value) -> Result<(Location, &'d Value)> {
        match plain_ref_of(value) {
            Some(reference) => self.follow_ref(location, reference),
            None => Ok((location.clone(), value)),
        }
    }

    /// Like [`Resolver::follow`] for the value stored at `location`.
    pub fn resolve(&self, location: &Location) -> Result<(Location, &'d Value)> {
        let value = self.lookup(location, location)?;
        self.follow(location, value)
    }

    /// Where the `$ref` `reference`, written at `from`, leads once every plain `$ref` on
    /// the way is followed; the location returned is the target's, not `from`. Errors are
    /// named at `from`, the reference the user wrote.
    pub fn follow_ref(&self, from: &Location, reference: &str) -> Result<(Location, &'d Value)> {
        // Most references lead to a value at once: no chain to keep for them.
        let target = parse_ref(from, reference)?;
        let value = self.lookup(&target, from)?;
        if target != *from && plain_ref_of(value).is_none() {
            return Ok((target, value));
        }
        let mut chain = vec![from.clone()];
        let mut reference = reference;
        loop {
            let at = &chain[chain.len() - 1];
            let target = parse_ref(at, reference)?;
            let value = self.lookup(&target, at)?;
            if chain.contains(&target) || chain.len() > MAX_REF_CHAIN {
                // A link in another file than the first names its file too.
                let links: Vec<String> = chain
                    .iter()
                    .chain([&target])
                    .map(|l| match l.file == from.file {
                        true => format!("#{}", l.pointer),
                        false => format!("{}#{}", l.file.display(), l.pointer),
                    })
                    .collect();
                let what = if chain.contains(&target) {
                    "a cycle of $refs never reaches a value"
                } else {
                    "a chain of $refs is too long"
                };
                return Err(from.error(format!("{what}: {}", links.join(" -> "))));
            }
            match plain_ref_of(value) {
                Some(next) => reference = next,
                None => return Ok((target, value)),
            }
            chain.push(target);
        }
    }
}

/// Resolves every `$ref` in every loaded document, so that a dangling reference or a cycle
/// of references is reported when the specs load, whichever parts the emitters read later.
pub fn check_refs(documents: &Documents) -> Result<()> {
    let resolver = Resolver::new(documents);
    for (file, value) in documents.referring() {
        let mut references = Vec::new();
        collect_refs(value, &Location::new(file, ""), &mut references);
        for (from, reference) in references {
            resolver.follow_ref(&from, &reference)?;
        }
    }
    Ok(())
}

/// Builds the dereferenced view of schemas into one [`Graph`], so that a schema referenced
/// from several places is one node, as it is one object in JavaScript.
#[derive(Debug)]
pub struct Dereferencer<'d> {
    resolver: Resolver<'d>,
    graph: Graph,
    /// The node of each value built so far, by the value's address: a location names one
    /// value of the loaded documents, which stay put while they are borrowed, so the
    /// address is as good a key as the location, and hashing it costs nothing next to
    /// hashing a path and a pointer at every node of every schema.
    nodes: HashMap<*const Value, NodeId, foldhash::fast::RandomState>,
    depth: usize,
}

impl<'d> Dereferencer<'d> {
    pub fn new(resolver: Resolver<'d>) -> Self {
        Self {
            resolver,
            graph: Graph::new(),
            nodes: HashMap::default(),
            depth: 0,
        }
    }

    pub fn graph(&self) -> &Graph {
        &self.graph
    }

    pub fn resolver(&self) -> Resolver<'d> {
        self.resolver
    }

    /// The dereferenced node of the value at `location`.
    pub fn dereference(&mut self, location: &Location) -> Result<NodeId> {
        let value = self.resolver.lookup(location, location)?;
        self.node(location, value)
    }

    fn node(&mut self, location: &Location, value: &'d Value) -> Result<NodeId> {
        if let Some(&id) = self.nodes.get(&(value as *const Value)) {
            return Ok(id);
        }
        self.depth += 1;
        let result = if self.depth > MAX_DEPTH {
            Err(location.error(format!(
                "the dereferenced schema nests deeper than {MAX_DEPTH} levels"
            )))
        } else {
            self.build(location, value)
        };
        self.depth -= 1;
        result
    }

    fn build(&mut self, location: &Location, value: &'d Value) -> Result<NodeId> {
        match value {
            Value::Object(entries) => {
                if let Some(reference) = ref_of(value) {
                    let (target, target_value) = self.resolver.follow_ref(location, reference)?;
                    if entries.len() == 1 || !target_value.is_object() {
                        return self.node(&target, target_value);
                    }
                    return self.extended_ref(location, value, &target, target_value);
                }
                let id = self.placeholder(value, Node::Object(Vec::new()));
                let mut children = Vec::with_capacity(entries.len());
                for (key, child) in entries {
                    children.push((key.clone(), self.node(&location.child(key), child)?));
                }
                self.graph.set(id, Node::Object(children));
                Ok(id)
            }
            Value::Array(items) => {
                let id = self.placeholder(value, Node::Array(Vec::new()));
                let mut children = Vec::with_capacity(items.len());
                for (index, child) in items.iter().enumerate() {
                    children.push(self.node(&location.child(&index.to_string()), child)?);
                }
                self.graph.set(id, Node::Array(children));
                Ok(id)
            }
            scalar => Ok(self.graph.add(Node::Scalar(scalar.clone()))),
        }
    }

    /// A `$ref` with siblings: its own keys first, then the target's keys it lacks.
    fn extended_ref(
        &mut self,
        location: &Location,
        value: &'d Value,
        target: &Location,
        target_value: &'d Value,
    ) -> Result<NodeId> {
        let own = value.as_object().expect("a reference object");
        let id = self.placeholder(value, Node::Object(Vec::new()));
        let mut children = Vec::new();
        for (key, child) in own.iter().filter(|(key, _)| *key != "$ref") {
            children.push((key.clone(), self.node(&location.child(key), child)?));
        }
        if ref_of(target_value).is_some() {
            // The target is itself a `$ref` with siblings: merge with its merged form.
            let target_id = self.node(target, target_value)?;
            if let Node::Object(inherited) = self.graph.node(target_id) {
                let inherited = inherited
                    .iter()
                    .filter(|(key, _)| !own.contains_key(key))
                    .cloned();
                children.extend(inherited.collect::<Vec<_>>());
            }
        } else if let Value::Object(inherited) = target_value {
            for (key, child) in inherited.iter().filter(|(key, _)| !own.contains_key(*key)) {
                children.push((key.clone(), self.node(&target.child(key), child)?));
            }
        }
        self.graph.set(id, Node::Object(children));
        Ok(id)
    }

    /// Registers a node before its children exist, so that a child reaching back to it
    /// finds it: that is how a cycle closes.
    fn placeholder(&mut self, value: &'d Value, node: Node) -> NodeId {
        let id = self.graph.add(node);
        self.nodes.insert(value, id);
        id
    }
}
