//! The models of the golden cases with one tricky schema each (`tests/cases/{allof,
//! dialect, enums, keywords, maps, recursion}`), run: `tests/golden.rs` checks the emitted code
//! and the `golden-cases` crate compiles it, so these tests run the very code the
//! expected files hold.

use golden_cases::{allof, dialect, enums, keywords, maps, recursion};
use serde_json::{json, Value};

/// Deserializes `value` as `T` and serializes it back; the JSON must be unchanged.
fn round_trip<T: serde::Serialize + serde::de::DeserializeOwned>(value: Value) -> T {
    let typed: T = serde_json::from_value(value.clone()).unwrap();
    let back: Value = serde_json::from_str(&serde_json::to_string(&typed).unwrap()).unwrap();
    assert_eq!(back, value);
    typed
}

#[test]
fn keywords_round_trip() {
    let body = json!({
        "type": "t", "self": "s", "crate": "c", "Self": "S", "match": "m", "@odata.type": "o",
        "$filter": "f", "foo-bar": "1", "foo.bar": "2", "fooBar": "3", "2fa": "x", "🦀": "crab", "_": "u"
    });
    let awkward: keywords::models::Awkward = round_trip(body);
    assert_eq!(awkward.r#type, "t");
    assert_eq!(awkward.self_.as_deref(), Some("s"));
    assert_eq!(awkward.foo_bar_3.as_deref(), Some("3"));
    let _: keywords::models::Self_ = round_trip(json!({ "ref": "r" }));
}

#[test]
fn enums_round_trip() {
    let sku: enums::models::Sku =
        round_trip(json!({ "name": "Standard_LRS", "tier": "Basic", "state": "on", "level": 2 }));
    assert_eq!(sku.name, Some(enums::models::SkuName::StandardLrs));
    for value in [
        "2019-01-01",
        "*",
        "",
        "standard",
        "Standard",
        "Other",
        "Brand_New",
    ] {
        let sku: enums::models::Sku = round_trip(json!({ "name": value }));
        assert_eq!(sku.name.unwrap().to_string(), value);
    }
    let unknown: enums::models::Sku = round_trip(json!({ "name": "Brand_New" }));
    assert_eq!(
        unknown.name,
        Some(enums::models::SkuName::UnknownValue("Brand_New".into()))
    );
    assert!(
        serde_json::from_value::<enums::models::Sku>(json!({ "tier": "Gold" })).is_err(),
        "closed enums reject unknown values"
    );
    assert!("Gold".parse::<enums::models::Tier>().is_err());
    assert_eq!(
        "Free".parse::<enums::models::Tier2>().unwrap(),
        enums::models::Tier2::Free
    );
    // One `CreatedByType` for both owners; anonymous enums live in their owner's module.
    let other: enums::models::Other =
        round_trip(json!({ "createdByType": "User", "state": "down" }));
    assert_eq!(
        other.created_by_type,
        Some(enums::models::CreatedByType::User)
    );
    assert_eq!(other.state, Some(enums::models::other::State::Down));
    assert_eq!(enums::models::Color::Green.as_str(), "green");
}

#[test]
fn recursion_round_trip() {
    let node: recursion::models::Node = round_trip(json!({
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
fn allof_round_trip() {
    let leaf: allof::models::Leaf = round_trip(json!({
        "id": "/x", "location": "west", "kind": "a", "etag": "e", "size": 3,
        "properties": { "created": "2020-03-03T17:23:21.9261521+00:00", "status": { "code": 1 } }
    }));
    // Inherited fields sit on the child; `readOnly` ones are optional.
    assert_eq!(
        (leaf.location.as_str(), leaf.id.as_deref(), leaf.size),
        ("west", Some("/x"), 3)
    );
    assert_eq!(leaf.kind, Some(allof::models::tracked_thing::Kind::A));
    let created = leaf.properties.unwrap().created.unwrap();
    assert_eq!(created.as_str(), "2020-03-03T17:23:21.9261521+00:00");
    assert_eq!(created, "2020-03-03T17:23:21.9261521Z".parse().unwrap());
}

#[test]
fn maps_round_trip() {
    let bag: maps::models::Bag = round_trip(json!({
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
    let _: maps::models::Labels = round_trip(json!({ "a": "b" }));
    let empty = maps::models::Bag::default();
    assert_eq!(serde_json::to_value(&empty).unwrap(), json!({}));
}

#[test]
fn dispatch_names_definitions() {
    assert!(maps::models::roundtrip("Bag", json!({})).unwrap().is_ok());
    assert!(maps::models::roundtrip("Bag", json!({ "small": "x" }))
        .unwrap()
        .is_err());
    assert!(maps::models::roundtrip("NoSuchDefinition", json!({})).is_none());
}

#[test]
fn client_names_name_fields_and_keep_json_names() {
    let body = json!({ "base_id": "1", "display_name": "shown", "title": "t", "kind": "a" });
    let widget: dialect::models::Widget = round_trip(body);
    assert_eq!(widget.id, "1");
    assert_eq!(widget.title.as_deref(), Some("shown"));
    assert_eq!(widget.title_2.as_deref(), Some("t"));
    assert_eq!(widget.sort, Some(dialect::models::WidgetKind::Alpha));
    // `x-ms-header-collection-prefix`: a map, one header per entry.
    let metadata =
        [("color", "red"), ("size", "2")].map(|(key, value)| (key.to_owned(), value.to_owned()));
    let options = dialect::client::widgets::PutOptions {
        metadata: Some(metadata.into_iter().collect()),
    };
    let request = dialect::client::widgets::put_request("w", 5, &widget, &options).unwrap();
    assert_eq!(request.uri().to_string(), "/widgets/w?$top=5");
    assert_eq!(request.headers()["x-ms-meta-color"], "red");
    assert_eq!(request.headers()["x-ms-meta-size"], "2");
    assert!(!request.headers().contains_key("x-ms-meta"));
    let reply = http::Response::builder()
        .status(200)
        .header("x-ms-widget-etag", "\"1\"")
        .header("X-MS-Meta-Owner", "me")
        .header("x-ms-meta-", "empty key")
        .header("x-ms-metadata", "not of the collection")
        .body(br#"{"base_id":"1"}"#.to_vec())
        .unwrap();
    let reply = dialect::client::widgets::parse_put(reply).unwrap();
    assert_eq!(reply.headers.e_tag.as_deref(), Some("\"1\""));
    let metadata: Vec<_> = reply.headers.metadata.unwrap().into_iter().collect();
    assert_eq!(
        metadata,
        [
            ("".into(), "empty key".into()),
            ("owner".into(), "me".into())
        ]
    );
    assert_eq!(reply.body.id, "1");
}

#[test]
fn a_head_documenting_404_says_whether_the_resource_exists() {
    use dialect::client::widgets::parse_check_existence;
    let reply = |status: u16| {
        http::Response::builder()
            .status(status)
            .body(Vec::new())
            .unwrap()
    };
    assert!(parse_check_existence(reply(204)).unwrap());
    assert!(!parse_check_existence(reply(404)).unwrap());
    assert!(parse_check_existence(reply(500)).is_err());
}
