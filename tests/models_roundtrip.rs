//! The proof that the models fit the service: every request and response body of every
//! `x-ms-examples` file goes through the generated type of the schema the operation
//! declares for it, and must come back as the same JSON.
//!
//! The type is found at run time through `models::roundtrip` (the generated crate's
//! `roundtrip` feature), keyed by definition name, so no list of types is kept here.

mod support;

use armgen::model::{Operation, Status};
use armgen::resolve::{parse_ref, Location};
use armgen::swagger::Schema;
use serde_json::Value;
use support::workspace_root;

#[test]
fn every_example_body_round_trips() {
    let manifest = support::manifest();
    let api = armgen::model::load(&manifest.spec_root, &manifest.specs).unwrap();

    // The committed crate must be what the emitter makes now, or this proves nothing.
    let committed =
        std::fs::read_to_string(workspace_root().join("generated/src/models.rs")).unwrap();
    let emitted = armgen::emit::models::emit(&armgen::model::Model::build(&api).unwrap()).unwrap();
    assert!(
        committed == emitted,
        "generated/src/models.rs is stale: run `cargo run`\n{}",
        support::first_difference(&committed, &emitted)
    );

    let (mut total, mut failures) = (0, Vec::new());
    for (_, operation) in api.operations() {
        for example in &operation.examples {
            let document = api
                .documents
                .get(&example.location.file)
                .expect("examples are loaded with the spec");
            let file = example
                .location
                .file
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            for (what, schema, at, body) in bodies(operation, document) {
                total += 1;
                match check(schema, &at, body) {
                    Ok(differences) if differences.is_empty() => {}
                    Ok(differences) => {
                        failures.push(format!("{file} {what}: {}", differences.join("; ")))
                    }
                    Err(problem) => failures.push(format!("{file} {what}: {problem}")),
                }
            }
        }
    }
    println!(
        "{} of {total} example bodies round-trip",
        total - failures.len()
    );
    assert!(total > 0, "no example bodies found");
    assert!(
        failures.is_empty(),
        "{} bodies do not round-trip:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The bodies of one example: (`request` or `response <status>`, declared schema, where
/// the schema is, body).
fn bodies<'a>(
    operation: &'a Operation,
    example: &'a Value,
) -> Vec<(String, Option<&'a Schema>, Location, &'a Value)> {
    let mut found = Vec::new();
    if let Some(param) = operation.body() {
        if let Some(body) = example["parameters"].get(&param.param.name) {
            found.push((
                "request".to_owned(),
                param.param.schema.as_deref(),
                param.location.child("schema"),
                body,
            ));
        }
    }
    if let Some(responses) = example["responses"].as_object() {
        for (status, response) in responses {
            if let Some(body) = response.get("body") {
                let code = status.parse().map(Status::Code).unwrap_or(Status::Default);
                let declared = operation
                    .responses
                    .get(&code)
                    .or_else(|| operation.responses.get(&Status::Default));
                let at = operation
                    .location
                    .child("responses")
                    .child(status)
                    .child("schema");
                found.push((
                    format!("response {status}"),
                    declared.and_then(|r| r.schema.as_deref()),
                    at,
                    body,
                ));
            }
        }
    }
    found
}

/// Round-trips `body` through the type of `schema`: every difference, or why the body
/// cannot go through a type at all.
fn check(schema: Option<&Schema>, at: &Location, body: &Value) -> Result<Vec<String>, String> {
    let schema = schema.ok_or("the spec declares no schema for this body")?;
    let back = through(schema, at, body.clone())?;
    let mut differences = Vec::new();
    diff("", body, &back, &mut differences);
    Ok(differences)
}

fn through(schema: &Schema, at: &Location, body: Value) -> Result<Value, String> {
    if let Some(reference) = &schema.reference {
        let target = parse_ref(at, reference).map_err(|e| e.to_string())?;
        let definition = target
            .pointer
            .strip_prefix("/definitions/")
            .ok_or("the schema is no definition")?;
        return match azure_containerregistry::models::roundtrip(definition, body) {
            None => Err(format!("no generated type for definition `{definition}`")),
            Some(result) => {
                result.map_err(|e| format!("does not deserialize as {definition}: {e}"))
            }
        };
    }
    match (&schema.items, body) {
        (Some(items), Value::Array(elements)) => elements
            .into_iter()
            .map(|element| through(items, &at.child("items"), element))
            .collect::<Result<_, _>>()
            .map(Value::Array),
        _ => Err("the body's schema is inline: only definitions have a round-trip type".to_owned()),
    }
}

/// Every place where `back` differs from `original`, as a JSON pointer and what happened.
fn diff(path: &str, original: &Value, back: &Value, out: &mut Vec<String>) {
    match (original, back) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                let here = format!("{path}/{key}");
                match b.get(key) {
                    Some(other) => diff(&here, value, other, out),
                    None => out.push(format!("{here} is dropped")),
                }
            }
            for key in b.keys().filter(|key| !a.contains_key(*key)) {
                out.push(format!("{path}/{key} appears"));
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (index, (x, y)) in a.iter().zip(b).enumerate() {
                diff(&format!("{path}/{index}"), x, y, out);
            }
        }
        _ if original == back => {}
        _ => out.push(format!("{path} was {original}, became {back}")),
    }
}

/// The `## Models` example of README.md, kept in step with it by hand: a model with
/// required fields built through `new`, optional ones set by name.
#[test]
fn readme_example_builds_a_connected_registry() -> Result<(), serde_json::Error> {
    use azure_containerregistry::models::{
        ConnectedRegistry, ConnectedRegistryMode, ConnectedRegistryProperties, ParentProperties,
        SyncProperties,
    };

    let two_days = std::time::Duration::from_secs(2 * 24 * 3600); // written as ISO 8601
    let mut sync = SyncProperties::new("/subscriptions/sub/.../tokens/sync", two_days);
    sync.schedule = Some("0 9 * * *".into());
    let mut properties = ConnectedRegistryProperties::new(
        ConnectedRegistryMode::ReadWrite,
        ParentProperties::new(sync),
    );
    properties.client_token_ids = Some(vec!["/subscriptions/sub/.../tokens/client".into()]);
    let mut registry = ConnectedRegistry::default();
    registry.properties = Some(properties);

    let body = serde_json::to_value(&registry)?;
    assert_eq!(
        body["properties"]["parent"]["syncProperties"]["messageTtl"],
        "P2D"
    );
    assert_eq!(body["properties"]["mode"], "ReadWrite");
    Ok(())
}

/// A read-only property (`provisioningState`) set on a model stays out of the request body
/// the generated request function sends, and a reply that holds it keeps it, through
/// parsing and through serializing again.
#[test]
fn read_only_properties_stay_out_of_requests_but_replies_keep_them() {
    use azure_containerregistry::client::connected_registries;
    use azure_containerregistry::models::{
        ConnectedRegistry, ConnectedRegistryMode, ConnectedRegistryProperties, ParentProperties,
        ProvisioningState, SyncProperties,
    };

    let mut properties = ConnectedRegistryProperties::new(
        ConnectedRegistryMode::Mirror,
        ParentProperties::new(SyncProperties::new(
            "token",
            std::time::Duration::from_secs(24 * 3600),
        )),
    );
    properties.provisioning_state = Some(ProvisioningState::Succeeded).into();
    let mut registry = ConnectedRegistry::default();
    registry.properties = Some(properties);
    registry.id = Some("/subscriptions/sub/.../connectedRegistries/a".into()).into();

    let request = connected_registries::create_request("sub", "rg", "registry", "a", &registry)
        .expect("a request");
    let sent: Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(sent["properties"]["mode"], "Mirror");
    assert!(sent.get("id").is_none(), "{sent}");
    assert!(
        sent["properties"].get("provisioningState").is_none(),
        "{sent}"
    );

    let reply = http::Response::builder()
        .status(200)
        .body(
            serde_json::to_vec(&serde_json::json!({
                "id": "/subscriptions/sub/.../connectedRegistries/a",
                "properties": {
                    "mode": "Mirror",
                    "provisioningState": "Succeeded",
                    "parent": { "syncProperties": { "tokenId": "token", "messageTtl": "P1D" } },
                },
            }))
            .unwrap(),
        )
        .unwrap();
    let parsed = connected_registries::parse_get(reply).expect("the reply parses");
    let properties = parsed.properties.as_ref().expect("properties");
    assert_eq!(
        properties.provisioning_state,
        Some(ProvisioningState::Succeeded)
    );
    let again = serde_json::to_value(&parsed).unwrap();
    assert_eq!(again["properties"]["provisioningState"], "Succeeded");
    assert_eq!(again["id"], "/subscriptions/sub/.../connectedRegistries/a");
}

/// Properties the spec does not declare survive a read-modify-write: parsed into the
/// model's `additional_properties`, sent back in the request body.
#[test]
fn undeclared_properties_are_sent_back() {
    use azure_containerregistry::client::registries;

    let reply = http::Response::builder()
        .status(200)
        .body(
            serde_json::to_vec(&serde_json::json!({
                "location": "westus",
                "sku": { "name": "Basic" },
                "properties": { "futureFeature": { "message": "fine" }, "adminUserEnabled": false },
                "futureTopLevel": [1, 2],
            }))
            .unwrap(),
        )
        .unwrap();
    let mut registry = registries::parse_get(reply).expect("the reply parses");
    let properties = registry.properties.as_mut().expect("properties");
    assert_eq!(
        properties.additional_properties["futureFeature"],
        serde_json::json!({ "message": "fine" })
    );
    properties.admin_user_enabled = Some(true);
    let request =
        registries::create_request("sub", "rg", "registry", &registry).expect("a request");
    let sent: Value = serde_json::from_slice(request.body()).unwrap();
    assert_eq!(sent["properties"]["futureFeature"]["message"], "fine");
    assert_eq!(sent["properties"]["adminUserEnabled"], true);
    assert_eq!(sent["futureTopLevel"], serde_json::json!([1, 2]));
}
