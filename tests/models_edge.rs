//! The models emitter on small hand-written specs (`specs/edge/*.json`), one tricky case
//! each: the emitted code is a golden snapshot (`src/<case>.rs` beside this file; refresh
//! with `UPDATE_EXPECT=1`), and the `edge-models` crate compiles those snapshots, so the
//! behavioural tests below run the very code that the snapshots hold.

use edge_models::{allof, enums, keywords, maps, recursion};
use expect_test::{expect_file, ExpectFile};
use serde_json::{json, Value};
use std::path::Path;

fn emit(spec: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/edge");
    let api = armgen::model::load(&root, &[spec.into()]).unwrap();
    armgen::emit::models::emit(&armgen::model::Model::build(&api).unwrap()).unwrap()
}

fn snapshot(spec: &str, expected: ExpectFile) {
    expected.assert_eq(&emit(spec));
}

/// Deserializes `value` as `T` and serializes it back; the JSON must be unchanged.
fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned>(value: Value) -> T {
    let typed: T = serde_json::from_value(value.clone()).unwrap();
    let back: Value = serde_json::from_str(&serde_json::to_string(&typed).unwrap()).unwrap();
    assert_eq!(back, value);
    typed
}

#[test]
fn keywords_snapshot() {
    snapshot("keywords.json", expect_file!["src/keywords.rs"]);
}

#[test]
fn keywords_round_trip() {
    let body = json!({
        "type": "t", "self": "s", "crate": "c", "Self": "S", "match": "m", "@odata.type": "o",
        "$filter": "f", "foo-bar": "1", "foo.bar": "2", "fooBar": "3", "2fa": "x", "🦀": "crab", "_": "u"
    });
    let awkward: keywords::Awkward = round_trip(body);
    assert_eq!(awkward.r#type, "t");
    assert_eq!(awkward.self_.as_deref(), Some("s"));
    assert_eq!(awkward.foo_bar_3.as_deref(), Some("3"));
    let _: keywords::Self_ = round_trip(json!({ "ref": "r" }));
}

#[test]
fn enums_snapshot() {
    snapshot("enums.json", expect_file!["src/enums.rs"]);
}

#[test]
fn enums_round_trip() {
    let sku: enums::Sku =
        round_trip(json!({ "name": "Standard_LRS", "tier": "Basic", "state": "on", "level": 2 }));
    assert_eq!(sku.name, Some(enums::SkuName::StandardLrs));
    for value in [
        "2019-01-01",
        "*",
        "",
        "standard",
        "Standard",
        "Other",
        "Brand_New",
    ] {
        let sku: enums::Sku = round_trip(json!({ "name": value }));
        assert_eq!(sku.name.unwrap().to_string(), value);
    }
    let unknown: enums::Sku = round_trip(json!({ "name": "Brand_New" }));
    assert_eq!(
        unknown.name,
        Some(enums::SkuName::UnknownValue("Brand_New".into()))
    );
    assert!(
        serde_json::from_value::<enums::Sku>(json!({ "tier": "Gold" })).is_err(),
        "closed enums reject unknown values"
    );
    assert!("Gold".parse::<enums::Tier>().is_err());
    assert_eq!("Free".parse::<enums::Tier2>().unwrap(), enums::Tier2::Free);
    // One `CreatedByType` for both owners; anonymous enums live in their owner's module.
    let other: enums::Other = round_trip(json!({ "createdByType": "User", "state": "down" }));
    assert_eq!(other.created_by_type, Some(enums::CreatedByType::User));
    assert_eq!(other.state, Some(enums::other::State::Down));
    assert_eq!(enums::Color::Green.as_str(), "green");
}

#[test]
fn recursion_snapshot() {
    snapshot("recursion.json", expect_file!["src/recursion.rs"]);
}

#[test]
fn recursion_round_trip() {
    let node: recursion::Node = round_trip(json!({
        "name": "root",
        "children": [{ "name": "leaf", "parent": { "name": "root" } }],
        "error": { "code": "E", "inner": { "detail": { "code": "F" } } }
    }));
    assert_eq!(
        node.children.unwrap()[0].parent.as_ref().unwrap().name,
        "root"
    );
}

#[test]
fn allof_snapshot() {
    snapshot("allof.json", expect_file!["src/allof.rs"]);
}

#[test]
fn allof_round_trip() {
    let leaf: allof::Leaf = round_trip(json!({
        "id": "/x", "location": "west", "kind": "a", "etag": "e", "size": 3,
        "properties": { "created": "2020-03-03T17:23:21.9261521+00:00", "status": { "code": 1 } }
    }));
    // Inherited fields sit on the child; `readOnly` ones are optional.
    assert_eq!(
        (leaf.location.as_str(), leaf.id.as_deref(), leaf.size),
        ("west", Some("/x"), 3)
    );
    assert_eq!(leaf.kind, Some(allof::tracked_thing::Kind::A));
    let created = leaf.properties.unwrap().created.unwrap();
    assert_eq!(created.as_str(), "2020-03-03T17:23:21.9261521+00:00");
    assert_eq!(created, "2020-03-03T17:23:21.9261521Z".parse().unwrap());
}

#[test]
fn maps_snapshot() {
    snapshot("maps.json", expect_file!["src/maps.rs"]);
}

#[test]
fn maps_round_trip() {
    let bag: maps::Bag = round_trip(json!({
        "tags": { "b": "2", "a": "1" },
        "limits": { "cpu": { "max": 4 } },
        "anything": [1, "two"],
        "object": { "k": null },
        "free": { "x": { "y": true } },
        "items": [{ "id": "i" }],
        "when": "2019-03-15T18:05:00.1234567Z",
        "small": -1, "big": 9007199254740993i64, "ratio": 0.5, "exact": 0.1,
        "blob": "AAEC", "uid": "00000000-0000-0000-0000-000000000000", "ttl": "P2D", "on": true,
        "extra": 7
    }));
    assert_eq!(bag.additional_properties["extra"], 7);
    let _: maps::Labels = round_trip(json!({ "a": "b" }));
    let empty = maps::Bag::default();
    assert_eq!(serde_json::to_value(&empty).unwrap(), json!({}));
}

#[test]
fn dispatch_names_definitions() {
    assert!(maps::roundtrip("Bag", json!({})).unwrap().is_ok());
    assert!(maps::roundtrip("Bag", json!({ "small": "x" }))
        .unwrap()
        .is_err());
    assert!(maps::roundtrip("NoSuchDefinition", json!({})).is_none());
}
