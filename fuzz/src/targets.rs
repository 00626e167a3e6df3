//! What each fuzz target does with its input. `fuzz_targets/*.rs` hand libFuzzer's bytes
//! here, and `tests/fuzz_regressions.rs` includes this very file to replay the kept
//! crashers under `cargo test`, so both run the same code.
//!
//! Errors from armgen are fine (a hostile spec should be refused); a panic, a hang, a
//! stack overflow or generated Rust that does not parse is a finding.

use arbitrary::{Result, Unstructured};
use armgen::inspect::{inspect, inspect_graph, InspectOptions};
use armgen::json_graph::{Graph, Node, NodeId};
use armgen::prettier::{format_snippet, Dependency, Snippet};
use armgen::resolve::{Dereferencer, Location};
use serde_json::{json, Map, Number, Value};
use std::path::{Path, PathBuf};

/// How deep generated JSON values nest: well past anything a layout rule cares about,
/// yet far from the loader's own limits.
const MAX_VALUE_DEPTH: usize = 48;

/// The spec loader and resolver. The input is the spec's bytes, optionally followed by
/// files for its `$ref`s: NUL-separated `name`, `contents` pairs (NUL never occurs in
/// JSON text, so a real spec is a valid input as it is).
pub fn load(data: &[u8]) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut chunks = data.split(|&b| b == 0);
    write_file(
        dir.path(),
        Path::new("spec.json"),
        chunks.next().unwrap_or_default(),
    );
    while let (Some(name), Some(contents)) = (chunks.next(), chunks.next()) {
        if let Some(name) = file_name(name) {
            write_file(dir.path(), &name, contents);
        }
    }
    let Ok(api) = armgen::model::load(dir.path(), &[PathBuf::from("spec.json")]) else {
        return;
    };
    // The dereferenced view of every definition, printed as the docs print schemas.
    let options = InspectOptions {
        depth: 10,
        ..InspectOptions::default()
    };
    let mut dereferencer = Dereferencer::new(api.resolver());
    for spec in &api.specs {
        for name in spec.spec.definitions.keys() {
            let location: Location = spec.definition(name);
            if let Ok(root) = dereferencer.dereference(&location) {
                inspect_graph(dereferencer.graph(), root, &options);
            }
        }
    }
}

/// The `util.inspect` port: a JSON value (or, when the first byte is odd, a graph with
/// sharing and cycles, as a dereferenced spec has) with arbitrary options.
pub fn inspect_target(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(as_graph) = u.arbitrary::<bool>() else {
        return;
    };
    let Ok(options) = inspect_options(&mut u) else {
        return;
    };
    if as_graph {
        if let Ok((graph, root)) = graph(&mut u) {
            inspect_graph(&graph, root, &options);
        }
    } else if let Ok(value) = json_value(&mut u, 0) {
        inspect(&value, &options);
    }
}

/// The Prettier port: an example snippet with arbitrary names, body and dependencies.
pub fn prettier(data: &[u8]) {
    let mut u = Unstructured::new(data);
    let Ok(snippet) = snippet(&mut u) else {
        return;
    };
    let text = format_snippet(&snippet);
    assert!(text.ends_with(";\n"), "a statement ends with `;`: {text:?}");
}

/// The whole pipeline on a Swagger document, the input being its JSON text: models,
/// client and docs; the Rust must parse and the Markdown keep its code fences balanced.
/// The input is a spec, not bytes to decode into one: [`mutate_spec`] (the target's
/// libFuzzer mutator) edits specs as trees, so every run explores a spec and a crasher
/// is a spec to read.
pub fn pipeline(data: &[u8]) {
    let Ok(spec) = serde_json::from_slice::<Value>(data) else {
        return;
    };
    let dir = tempfile::tempdir().expect("a temporary folder");
    write_file(dir.path(), Path::new("spec.json"), data);
    let generated = armgen::Generator::new(dir.path())
        .spec("spec.json")
        .models("src/models.rs")
        .client("src/client.rs")
        .docs("docs")
        .generate();
    let Ok(generated) = generated else {
        return;
    };
    for (path, text) in generated.files.iter() {
        if path.extension().is_some_and(|e| e == "rs") {
            if let Err(e) = syn::parse_file(text) {
                panic!(
                    "{} does not parse: {e}\n{text}\nspec: {spec}",
                    path.display()
                );
            }
        } else {
            assert!(path.starts_with("docs"), "a page outside docs/: {path:?}");
            let fences = text.lines().filter(|l| l.starts_with("```")).count();
            assert!(fences % 2 == 0, "unbalanced fences in {path:?}:\n{text}");
        }
    }
}

/// The pipeline target's mutator: `data[..size]` is a spec's JSON text (anything else,
/// the empty first input above all, becomes a fresh random ARM-shaped spec), edited as a
/// tree: a member or item replaced by a new schema, operation or hostile value, a key
/// renamed to a hostile name, a subtree removed or copied elsewhere, a definition or path
/// added. Returns the new size, or `None` when the result would not fit `max_size` (the
/// caller then mutates the bytes).
pub fn mutate_spec(data: &mut [u8], size: usize, max_size: usize, seed: u32) -> Option<usize> {
    let mut state = u64::from(seed) | 1 << 32;
    let entropy: Vec<u8> = (0..4096)
        .map(|_| {
            // xorshift64: the seed alone decides the edit, as libFuzzer expects.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect();
    let mut u = Unstructured::new(&entropy);
    let spec = match serde_json::from_slice::<Value>(&data[..size]) {
        Ok(mut spec) if !u.ratio(1, 16).ok()? => {
            for _ in 0..u.int_in_range(1..=3).ok()? {
                edit(&mut spec, &mut u).ok()?;
            }
            spec
        }
        _ => swagger(&mut u).ok()?,
    };
    let text = serde_json::to_vec(&spec).ok()?;
    if text.len() > max_size || text.len() > data.len() {
        return None;
    }
    data[..text.len()].copy_from_slice(&text);
    Some(text.len())
}

/// One structural edit somewhere in `spec`.
fn edit(spec: &mut Value, u: &mut Unstructured<'_>) -> Result<()> {
    let names: Vec<String> = match spec.get("definitions").and_then(Value::as_object) {
        Some(definitions) if !definitions.is_empty() => definitions.keys().cloned().collect(),
        _ => vec![name(u)?],
    };
    let mut places = Vec::new();
    containers(spec, String::new(), &mut places);
    let place = u.choose(&places)?.clone();
    match u.int_in_range(0..=7)? {
        0 => {
            let definition = schema(u, &names, 0, true)?;
            insert(spec, "/definitions", name(u)?, definition);
        }
        1 => {
            let (path, params) = resource_path(u)?;
            let method = *u.choose(&["get", "put", "delete", "patch", "post"])?;
            let item = json!({ method: operation(u, &names, &params, method)? });
            insert(spec, "/paths", path, item);
        }
        2 => {
            let value = schema(u, &names, 1, false)?;
            replace_child(spec, &place, u, value)?;
        }
        3 => {
            let value = json_value(u, MAX_VALUE_DEPTH - 4)?;
            replace_child(spec, &place, u, value)?;
        }
        4 => {
            // Copy one subtree over another: specs repeat their own shapes.
            let from = u.choose(&places)?.clone();
            let value = spec.pointer(&from).cloned().unwrap_or(Value::Null);
            replace_child(spec, &place, u, value)?;
        }
        5 => {
            if let Some(Value::Object(entries)) = spec.pointer_mut(&place) {
                if let Some(key) = some_key(entries, u)? {
                    let new_key = name(u)?;
                    if let Some(value) = entries.shift_remove(&key) {
                        entries.insert(new_key, value);
                    }
                }
            }
        }
        _ => match spec.pointer_mut(&place) {
            Some(Value::Object(entries)) if !entries.is_empty() => {
                if let Some(key) = some_key(entries, u)? {
                    entries.shift_remove(&key);
                }
            }
            Some(Value::Array(items)) if !items.is_empty() => {
                let index = u.choose_index(items.len())?;
                items.remove(index);
            }
            _ => {}
        },
    }
    Ok(())
}

fn some_key(entries: &Map<String, Value>, u: &mut Unstructured<'_>) -> Result<Option<String>> {
    if entries.is_empty() {
        return Ok(None);
    }
    let index = u.choose_index(entries.len())?;
    Ok(entries.keys().nth(index).cloned())
}

/// The JSON pointer of every object and array in `value`.
fn containers(value: &Value, at: String, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(entries) => entries.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => return,
    };
    out.push(at.clone());
    for (key, child) in children {
        let key = key.replace('~', "~0").replace('/', "~1");
        containers(child, format!("{at}/{key}"), out);
    }
}

/// Sets `key` of the object at `at`, creating the object if needed.
fn insert(spec: &mut Value, at: &str, key: String, value: Value) {
    if !spec.pointer(at).is_some_and(Value::is_object) {
        if let Some(root) = spec.as_object_mut() {
            root.insert(at.trim_start_matches('/').to_owned(), json!({}));
        }
    }
    if let Some(Value::Object(entries)) = spec.pointer_mut(at) {
        entries.insert(key, value);
    }
}

/// Replaces (or, for an empty container, adds) a child of the container at `at`.
fn replace_child(spec: &mut Value, at: &str, u: &mut Unstructured<'_>, value: Value) -> Result<()> {
    match spec.pointer_mut(at) {
        Some(Value::Object(entries)) if !entries.is_empty() && u.ratio(3, 4)? => {
            if let Some(key) = some_key(entries, u)? {
                entries.insert(key, value);
            }
        }
        Some(Value::Object(entries)) => {
            entries.insert(name(u)?, value);
        }
        Some(Value::Array(items)) if !items.is_empty() && u.ratio(3, 4)? => {
            let index = u.choose_index(items.len())?;
            items[index] = value;
        }
        Some(Value::Array(items)) => items.push(value),
        _ => {}
    }
    Ok(())
}

fn write_file(root: &Path, name: &Path, contents: &[u8]) {
    let path = root.join(name);
    if let Some(parent) = path.parent() {
        let _ = std::fs::create_dir_all(parent);
    }
    // A name that clashes with a folder written before is simply not written.
    let _ = std::fs::write(path, contents);
}

/// A relative path below the root made of the input's safe characters, so that the fuzzer
/// can aim `$ref`s at it (`common/types.json`, `examples/x.json`).
fn file_name(bytes: &[u8]) -> Option<PathBuf> {
    let name: String = bytes
        .iter()
        .map(|&b| b as char)
        .filter(|c| c.is_ascii_alphanumeric() || "._-/".contains(*c))
        .take(40)
        .collect();
    armgen::load::normalize(Path::new(&name)).filter(|p| !p.as_os_str().is_empty())
}

fn inspect_options(u: &mut Unstructured<'_>) -> Result<InspectOptions> {
    Ok(InspectOptions {
        depth: match u.int_in_range(0..=13)? {
            13 => usize::MAX,
            depth => depth,
        },
        break_length: u.int_in_range(0..=200)?,
        compact: u.int_in_range(0..=4)?,
        max_array_length: u.int_in_range(0..=120)?,
        max_string_length: u.int_in_range(0..=12_000)?,
        budget: u.int_in_range(0..=1 << 20)?,
    })
}

/// Words that stress naming: keywords, std types, case twins, non-identifiers.
const NAMES: &[&str] = &[
    "type",
    "self",
    "Self",
    "super",
    "crate",
    "r#type",
    "_",
    "123",
    "a-b",
    "🦀",
    "Option",
    "Result",
    "Box",
    "String",
    "Vec",
    "Default",
    "Error",
    "Client",
    "models",
    "client",
    "std",
    "serde",
    "fn",
    "async",
    "match",
    "None",
    "Some",
    "Ok",
    "foo",
    "Foo",
    "FOO",
    "fooBar",
    "foo_bar",
    "",
    " ",
    "a b",
    "1",
    "*",
    "@odata.type",
    "$filter",
    "x.y",
    "properties",
    "name",
    "id",
    "value",
    "nextLink",
    "`",
    "```",
    "\"]",
    "*/",
    "\"#",
    "#[doc = \"\"] fn evil(){}",
    "<script>alert(1)</script>",
    "\n",
    "\u{0}",
    "../x",
    "..",
    "/",
    "\\",
    "é",
    "İ",
    "ß",
];

fn name(u: &mut Unstructured<'_>) -> Result<String> {
    if u.ratio(1, 4)? {
        let text: String = u.arbitrary()?;
        Ok(text.chars().take(24).collect())
    } else {
        Ok((*u.choose(NAMES)?).to_owned())
    }
}

fn text(u: &mut Unstructured<'_>) -> Result<String> {
    if u.ratio(1, 2)? {
        u.arbitrary()
    } else {
        let mut out = String::new();
        for _ in 0..u.int_in_range(1..=3)? {
            out.push_str(&name(u)?);
        }
        Ok(out)
    }
}

fn number(u: &mut Unstructured<'_>) -> Result<Value> {
    Ok(match u.int_in_range(0..=2)? {
        0 => Value::from(u.arbitrary::<i64>()?),
        1 => Value::from(u.arbitrary::<u64>()?),
        _ => Number::from_f64(u.arbitrary()?).map_or(Value::Null, Value::Number),
    })
}

fn json_value(u: &mut Unstructured<'_>, depth: usize) -> Result<Value> {
    let container = depth < MAX_VALUE_DEPTH && !u.is_empty();
    Ok(match u.int_in_range(0..=if container { 6 } else { 4 })? {
        0 => Value::Null,
        1 => Value::Bool(u.arbitrary()?),
        2 => number(u)?,
        3 | 4 => Value::String(text(u)?),
        5 => {
            let mut items = Vec::new();
            for _ in 0..u.int_in_range(0..=if depth < 4 { 130 } else { 4 })? {
                items.push(json_value(u, depth + 1)?);
            }
            Value::Array(items)
        }
        _ => {
            let mut entries = Map::new();
            for _ in 0..u.int_in_range(0..=6)? {
                entries.insert(name(u)?, json_value(u, depth + 1)?);
            }
            Value::Object(entries)
        }
    })
}

/// A graph of up to 24 nodes whose containers point at any node: sharing and cycles.
fn graph(u: &mut Unstructured<'_>) -> Result<(Graph, NodeId)> {
    let count = u.int_in_range(1..=24)?;
    let mut graph = Graph::new();
    let ids: Vec<NodeId> = (0..count)
        .map(|_| graph.add(Node::Scalar(Value::Null)))
        .collect();
    for &id in &ids {
        let node = match u.int_in_range(0..=2)? {
            0 => Node::Scalar(json_value(u, MAX_VALUE_DEPTH)?),
            1 => Node::Array(
                (0..u.int_in_range(0..=4)?)
                    .map(|_| u.choose(&ids).copied())
                    .collect::<Result<_>>()?,
            ),
            _ => Node::Object(
                (0..u.int_in_range(0..=4)?)
                    .map(|_| Ok((name(u)?, *u.choose(&ids)?)))
                    .collect::<Result<_>>()?,
            ),
        };
        graph.set(id, node);
    }
    Ok((graph, ids[0]))
}

fn snippet(u: &mut Unstructured<'_>) -> Result<Snippet> {
    let mut dependencies = Vec::new();
    for _ in 0..u.int_in_range(0..=3)? {
        dependencies.push(Dependency {
            variable: name(u)?,
            group: name(u)?,
            type_name: name(u)?,
        });
    }
    Ok(Snippet {
        group: name(u)?,
        type_name: name(u)?,
        body: if u.arbitrary()? {
            Some(json_value(u, 0)?)
        } else {
            None
        },
        dependencies,
    })
}

/// A Swagger 2.0 document shaped like an ARM spec, with hostile names and texts.
fn swagger(u: &mut Unstructured<'_>) -> Result<Value> {
    let mut names = Vec::new();
    for _ in 0..u.int_in_range(1..=6)? {
        names.push(name(u)?);
    }
    let mut definitions = Map::new();
    for definition in &names {
        definitions.insert(definition.clone(), schema(u, &names, 0, true)?);
    }
    let mut paths = Map::new();
    for _ in 0..u.int_in_range(0..=4)? {
        let (path, path_params) = resource_path(u)?;
        let mut item = Map::new();
        for method in ["get", "put", "delete", "patch", "post"] {
            if u.ratio(1, 2)? {
                item.insert(method.into(), operation(u, &names, &path_params, method)?);
            }
        }
        paths.insert(path, Value::Object(item));
    }
    Ok(json!({
        "swagger": "2.0",
        "info": { "title": text(u)?, "version": text(u)?, "description": text(u)? },
        "host": "management.azure.com",
        "paths": paths,
        "definitions": definitions,
    }))
}

fn reference(u: &mut Unstructured<'_>, names: &[String]) -> Result<Value> {
    let target = u.choose(names)?.replace('~', "~0").replace('/', "~1");
    Ok(json!({ "$ref": format!("#/definitions/{target}") }))
}

fn schema(u: &mut Unstructured<'_>, names: &[String], depth: usize, object: bool) -> Result<Value> {
    let kind = if object { 6 } else { u.int_in_range(0..=6)? };
    let mut schema = match kind {
        0 => {
            let (kind, format) = *u.choose(&[
                ("string", None),
                ("string", Some("date-time")),
                ("string", Some("byte")),
                ("string", Some("uuid")),
                ("string", Some("duration")),
                ("integer", Some("int32")),
                ("integer", Some("int64")),
                ("number", None),
                ("number", Some("double")),
                ("boolean", None),
                ("file", None),
            ])?;
            let mut schema = json!({ "type": kind });
            if let Some(format) = format {
                schema["format"] = format.into();
            }
            schema
        }
        1 => {
            let mut values = Vec::new();
            for _ in 0..u.int_in_range(0..=5)? {
                values.push(Value::String(name(u)?));
            }
            let mut schema = json!({ "type": "string", "enum": values });
            if u.arbitrary()? {
                schema["x-ms-enum"] =
                    json!({ "name": name(u)?, "modelAsString": u.arbitrary::<bool>()? });
            }
            schema
        }
        2 | 3 => reference(u, names)?,
        4 => json!({ "type": "array", "items": schema(u, names, depth + 1, false)? }),
        5 => json!({
            "type": "object",
            "additionalProperties": match u.int_in_range(0..=2)? {
                0 => Value::Bool(u.arbitrary()?),
                _ => schema(u, names, depth + 1, false)?,
            },
        }),
        _ => {
            let mut properties = Map::new();
            let mut required = Vec::new();
            if depth < 3 {
                for _ in 0..u.int_in_range(0..=5)? {
                    let property = name(u)?;
                    if u.ratio(1, 3)? {
                        required.push(Value::String(property.clone()));
                    }
                    properties.insert(property, schema(u, names, depth + 1, false)?);
                }
            }
            let mut schema =
                json!({ "type": "object", "properties": properties, "required": required });
            if u.ratio(1, 3)? {
                schema["allOf"] = json!([reference(u, names)?]);
            }
            if u.ratio(1, 4)? {
                schema["additionalProperties"] = schema_or_bool(u, names, depth)?;
            }
            if u.ratio(1, 4)? {
                schema["discriminator"] = Value::String(name(u)?);
            }
            schema
        }
    };
    if u.ratio(1, 2)? {
        schema["description"] = Value::String(text(u)?);
    }
    if u.ratio(1, 6)? {
        schema["readOnly"] = Value::Bool(true);
    }
    if u.ratio(1, 8)? {
        schema["x-ms-client-flatten"] = Value::Bool(true);
    }
    Ok(schema)
}

fn schema_or_bool(u: &mut Unstructured<'_>, names: &[String], depth: usize) -> Result<Value> {
    match u.arbitrary()? {
        true => schema(u, names, depth + 1, false),
        false => Ok(Value::Bool(u.arbitrary()?)),
    }
}

/// An ARM resource path and the names of its path parameters.
fn resource_path(u: &mut Unstructured<'_>) -> Result<(String, Vec<String>)> {
    let mut path = String::from(
        "/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/",
    );
    let mut params = vec!["subscriptionId".to_owned(), "resourceGroupName".to_owned()];
    path.push_str(&format!("Microsoft.{}", name(u)?));
    for _ in 0..u.int_in_range(1..=3)? {
        path.push_str(&format!("/{}", name(u)?));
        if u.ratio(3, 4)? {
            let param = name(u)?;
            path.push_str(&format!("/{{{param}}}"));
            params.push(param);
        }
    }
    Ok((path, params))
}

fn operation(
    u: &mut Unstructured<'_>,
    names: &[String],
    path_params: &[String],
    method: &str,
) -> Result<Value> {
    let mut parameters =
        vec![json!({ "name": "api-version", "in": "query", "required": true, "type": "string" })];
    for param in path_params {
        parameters.push(json!({ "name": param, "in": "path", "required": true, "type": "string" }));
    }
    for _ in 0..u.int_in_range(0..=3)? {
        let location = *u.choose(&["query", "header", "path"])?;
        parameters.push(json!({
            "name": name(u)?,
            "in": location,
            "required": u.arbitrary::<bool>()?,
            "type": *u.choose(&["string", "integer", "boolean", "array"])?,
            "items": { "type": "string" },
            "description": text(u)?,
        }));
    }
    if matches!(method, "put" | "patch" | "post") && u.ratio(3, 4)? {
        parameters.push(json!({
            "name": name(u)?, "in": "body", "required": u.arbitrary::<bool>()?,
            "schema": schema(u, names, 1, false)?,
        }));
    }
    let mut responses = Map::new();
    for status in ["200", "201", "202", "204", "default"] {
        if u.ratio(1, 2)? {
            let mut response = json!({ "description": text(u)? });
            if status != "204" && u.ratio(3, 4)? {
                response["schema"] = schema(u, names, 1, false)?;
            }
            responses.insert(status.into(), response);
        }
    }
    let verb = match method {
        "get" => *u.choose(&["Get", "List", "ListByResourceGroup"])?,
        "put" => "CreateOrUpdate",
        "delete" => "Delete",
        "patch" => "Update",
        _ => "Action",
    };
    let mut operation = json!({
        "operationId": format!("{}_{verb}{}", name(u)?, name(u)?),
        "description": text(u)?,
        "parameters": parameters,
        "responses": responses,
    });
    if u.ratio(1, 4)? {
        operation["x-ms-pageable"] = json!({ "nextLinkName": match u.arbitrary()? {
            true => Value::String(name(u)?),
            false => Value::Null,
        }, "itemName": name(u)? });
    }
    if u.ratio(1, 4)? {
        operation["x-ms-long-running-operation"] = Value::Bool(true);
        if u.arbitrary()? {
            let via = *u.choose(&["azure-async-operation", "location", "original-uri", "x"])?;
            operation["x-ms-long-running-operation-options"] = json!({ "final-state-via": via });
        }
    }
    Ok(operation)
}
