//! `$ref` resolution and the dereferenced view, on `specs/fixtures/resolve/`:
//! escaped pointers, references across files relative to the file they are written in,
//! each file read once, and json-schema-ref-parser's sharing, merging and cycles.

mod support;

use armgen::json_graph::{Graph, Node, NodeId};
use armgen::model::{self, Api};
use armgen::resolve::{parse_ref, Dereferencer, Location};
use serde_json::json;
use std::path::{Path, PathBuf};

fn fixture() -> Api {
    let root = support::workspace_root().join("specs/fixtures/resolve");
    model::load(&root, &[PathBuf::from("spec.json")]).unwrap()
}

fn definition(name: &str) -> Location {
    Location::new("spec.json", format!("/definitions/{name}"))
}

/// Follows object members by key from `id`.
fn at(graph: &Graph, id: NodeId, keys: &[&str]) -> NodeId {
    keys.iter().fold(id, |id, key| {
        graph
            .get(id, key)
            .unwrap_or_else(|| panic!("no member {key}"))
    })
}

#[test]
fn escaped_pointers_resolve() {
    let api = fixture();
    let resolver = api.resolver();
    let escapes = definition("Escapes").child("properties");
    for (property, description) in [
        ("slash", "key with a slash"),
        ("tilde", "key with a tilde"),
        ("percent", "key with a space and a percent sign"),
    ] {
        let (target, value) = resolver.resolve(&escapes.child(property)).unwrap();
        assert_eq!(value["description"], description, "{property}");
        assert_eq!(target.file, Path::new("spec.json"));
    }
    let (target, _) = resolver.resolve(&escapes.child("percent")).unwrap();
    assert_eq!(target.pointer, "/definitions/e f%");
    let (target, _) = resolver.resolve(&escapes.child("slash")).unwrap();
    assert_eq!(target.pointer, "/definitions/a~1b");
}

#[test]
fn refs_are_relative_to_the_file_they_are_written_in() {
    let api = fixture();
    let resolver = api.resolver();
    // spec.json -> common/first.json -> other/second.json -> other/deeper/third.json,
    // each step relative to the file holding the $ref.
    let (first, _) = resolver.resolve(&definition("Remote")).unwrap();
    assert_eq!(
        first,
        Location::new("common/first.json", "/definitions/First")
    );
    let (second, _) = resolver
        .resolve(&first.child("properties").child("second"))
        .unwrap();
    assert_eq!(
        second,
        Location::new("other/second.json", "/definitions/Second")
    );
    let (third, value) = resolver
        .resolve(&second.child("properties").child("third"))
        .unwrap();
    assert_eq!(
        third,
        Location::new("other/deeper/third.json", "/definitions/Third")
    );
    assert_eq!(value["description"], "third, two folders away");
    // A local pointer inside a referenced file points into that file.
    let (local, value) = resolver
        .resolve(&second.child("properties").child("local"))
        .unwrap();
    assert_eq!(
        local,
        Location::new("other/second.json", "/definitions/Local")
    );
    assert_eq!(value["description"], "local to second.json");
}

#[test]
fn each_file_is_read_once() {
    let api = fixture();
    // `Remote` and `RemoteAgain` name common/first.json in two spellings.
    let files: Vec<PathBuf> = api
        .documents
        .iter()
        .map(|(path, _)| path.to_path_buf())
        .collect();
    assert_eq!(
        files,
        [
            "spec.json",
            "common/first.json",
            "other/second.json",
            "other/deeper/third.json"
        ]
        .map(PathBuf::from)
    );
}

#[test]
fn referenced_parameters_and_responses_are_resolved_at_their_target() {
    let api = fixture();
    let operation = &api.specs[0].operations[0];
    let params: Vec<_> = operation
        .parameters
        .iter()
        .map(|p| (p.param.name.as_str(), p.location.clone(), p.client))
        .collect();
    assert_eq!(
        params,
        [
            (
                "name",
                Location::new("spec.json", "/parameters/NameParameter"),
                true
            ),
            (
                "api-version",
                Location::new("common/first.json", "/parameters/ApiVersionParameter"),
                true
            ),
        ]
    );
    let ok = &operation.responses[&armgen::model::Status::Code(200)];
    assert_eq!(ok.location, Location::new("spec.json", "/responses/Thing"));
    assert!(ok.schema.as_ref().is_some_and(|s| s.reference.is_some()));
}

#[test]
fn remote_refs_are_refused() {
    let from = definition("A");
    let error = parse_ref(&from, "http://example.com/x.json#/definitions/B").unwrap_err();
    assert_eq!(
        error.to_string(),
        "spec.json#/definitions/A: remote $ref `http://example.com/x.json#/definitions/B` is not fetched: only files below the spec root are read"
    );
}

#[test]
fn a_ref_with_siblings_gives_its_own_keys_then_the_targets() {
    let api = fixture();
    let mut dereferencer = Dereferencer::new(api.resolver());
    let id = dereferencer.dereference(&definition("Extended")).unwrap();
    let value = dereferencer.graph().to_value(id).unwrap();
    assert_eq!(
        serde_json::to_string(&value).unwrap(),
        json!({
            "description": "own description",
            "readOnly": true,
            "type": "object",
            "properties": { "id": { "type": "string" } }
        })
        .to_string()
    );
}

#[test]
fn a_plain_ref_gives_the_shared_target_node() {
    let api = fixture();
    let mut dereferencer = Dereferencer::new(api.resolver());
    let shares = dereferencer.dereference(&definition("SharesBase")).unwrap();
    let base = dereferencer.dereference(&definition("Base")).unwrap();
    let graph = dereferencer.graph();
    assert_eq!(at(graph, shares, &["properties", "x"]), base);
    assert_eq!(at(graph, shares, &["properties", "y"]), base);
    // Shared is not cyclic: the tree form copies the node into both places.
    let tree = graph.to_value(shares).unwrap();
    assert_eq!(tree["properties"]["x"], tree["properties"]["y"]);
    assert_eq!(tree["properties"]["x"]["description"], "the base");
}

#[test]
fn a_self_referencing_definition_is_a_graph_cycle() {
    let api = fixture();
    let mut dereferencer = Dereferencer::new(api.resolver());
    let node = dereferencer.dereference(&definition("Node")).unwrap();
    let graph = dereferencer.graph();
    assert_eq!(at(graph, node, &["properties", "next"]), node);
    assert_eq!(graph.to_value(node), None);
    assert!(
        matches!(graph.node(at(graph, node, &["properties", "value", "type"])), Node::Scalar(v) if v == "string")
    );
}

#[test]
fn the_dereferenced_view_follows_refs_across_files() {
    let api = fixture();
    let mut dereferencer = Dereferencer::new(api.resolver());
    let remote = dereferencer.dereference(&definition("Remote")).unwrap();
    let again = dereferencer
        .dereference(&definition("RemoteAgain"))
        .unwrap();
    assert_eq!(remote, again, "one file, one node");
    let value = dereferencer.graph().to_value(remote).unwrap();
    assert_eq!(
        value["properties"]["second"]["properties"]["third"]["description"],
        "third, two folders away"
    );
    assert_eq!(
        value["properties"]["second"]["properties"]["local"]["type"],
        "integer"
    );
}

/// Definitions `D0` .. `D{n}`, each holding the next as a property: acyclic, but as deep
/// as a runaway schema.
fn nested_definitions(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let definitions: serde_json::Map<_, _> = (0..n)
        .map(|i| {
            let next = json!({ "$ref": format!("#/definitions/D{}", i + 1) });
            (
                format!("D{i}"),
                json!({ "type": "object", "properties": { "next": next } }),
            )
        })
        .chain([(format!("D{n}"), json!({ "type": "string" }))])
        .collect();
    let spec = json!({ "swagger": "2.0", "paths": {}, "definitions": definitions });
    std::fs::write(dir.path().join("spec.json"), spec.to_string()).unwrap();
    dir
}

#[test]
fn deep_but_finite_nesting_is_dereferenced() {
    let dir = nested_definitions(100);
    let api = model::load(dir.path(), &[PathBuf::from("spec.json")]).unwrap();
    let mut dereferencer = Dereferencer::new(api.resolver());
    let id = dereferencer.dereference(&definition("D0")).unwrap();
    assert!(dereferencer.graph().to_value(id).is_some());
}

#[test]
fn runaway_nesting_is_an_error_not_a_stack_overflow() {
    let dir = nested_definitions(1000);
    let api = model::load(dir.path(), &[PathBuf::from("spec.json")]).unwrap();
    let mut dereferencer = Dereferencer::new(api.resolver());
    let error = dereferencer.dereference(&definition("D0")).unwrap_err();
    assert!(
        error
            .to_string()
            .ends_with(": the dereferenced schema nests deeper than 512 levels"),
        "{error}"
    );
    assert_eq!(error.file.as_deref(), Some(Path::new("spec.json")));
}
