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

/// Why `status` may be dropped: the examples of this api-version still show the
/// `RegistryProperties.status` of older versions, which this version no longer declares.
const REGISTRY_STATUS: &str =
    "spec bug: the example shows `status`, which RegistryProperties does not declare";

/// Differences accepted, each with its reason: (example file, body, JSON pointer with
/// array indices as `*`, reason). Every entry must still be needed.
const ACCEPTED: &[(&str, &str, &str, &str)] = &[
    (
        "RegistryList.json",
        "response 200",
        "/value/*/properties/status",
        REGISTRY_STATUS,
    ),
    (
        "RegistryListByResourceGroup.json",
        "response 200",
        "/value/*/properties/status",
        REGISTRY_STATUS,
    ),
    (
        "RegistryGet.json",
        "response 200",
        "/properties/status",
        REGISTRY_STATUS,
    ),
    (
        "RegistryCreate.json",
        "response 200",
        "/properties/status",
        REGISTRY_STATUS,
    ),
    (
        "RegistryCreate.json",
        "response 201",
        "/properties/status",
        REGISTRY_STATUS,
    ),
    (
        "RegistryCreateZoneRedundant.json",
        "response 200",
        "/properties/status",
        REGISTRY_STATUS,
    ),
    (
        "RegistryCreateZoneRedundant.json",
        "response 201",
        "/properties/status",
        REGISTRY_STATUS,
    ),
    (
        "RegistryUpdate.json",
        "response 200",
        "/properties/status",
        REGISTRY_STATUS,
    ),
    (
        "RegistryUpdate.json",
        "response 201",
        "/properties/status",
        REGISTRY_STATUS,
    ),
];

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

    let (mut total, mut exact, mut accepted, mut failures) = (0, 0, 0, Vec::new());
    let mut used = vec![false; ACCEPTED.len()];
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
                let label = format!("{file} {what}");
                let differences = match check(schema, &at, body) {
                    Ok(differences) => differences,
                    Err(problem) => {
                        failures.push(format!("{label}: {problem}"));
                        continue;
                    }
                };
                let mut unexplained = Vec::new();
                for (pointer, message) in &differences {
                    let entry = ACCEPTED
                        .iter()
                        .position(|(f, w, p, _)| *f == file && *w == what && p == pointer);
                    match entry {
                        Some(index) => {
                            used[index] = true;
                            println!("accepted: {label}: {message} ({})", ACCEPTED[index].3);
                        }
                        None => unexplained.push(message.clone()),
                    }
                }
                match (differences.is_empty(), unexplained.is_empty()) {
                    (true, _) => exact += 1,
                    (false, true) => accepted += 1,
                    (false, false) => failures.push(format!("{label}: {}", unexplained.join("; "))),
                }
            }
        }
    }
    println!("{} of {total} example bodies round-trip ({exact} exactly, {accepted} with accepted spec bugs)", exact + accepted);
    assert!(total > 0, "no example bodies found");
    let stale: Vec<_> = ACCEPTED
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(entry, _)| entry)
        .collect();
    assert!(
        stale.is_empty(),
        "accepted differences that no longer occur, remove them: {stale:?}"
    );
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
                param.param.schema.as_ref(),
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
                    declared.and_then(|r| r.schema.as_ref()),
                    at,
                    body,
                ));
            }
        }
    }
    found
}

/// Round-trips `body` through the type of `schema`: every difference, as (pointer with
/// array indices as `*`, message), or why the body cannot go through a type at all.
fn check(
    schema: Option<&Schema>,
    at: &Location,
    body: &Value,
) -> Result<Vec<(String, String)>, String> {
    let schema = schema.ok_or("the spec declares no schema for this body")?;
    let back = through(schema, at, body.clone())?;
    let mut differences = Vec::new();
    diff(&[], body, &back, &mut differences);
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

/// Every place where `back` differs from `original`; a key that is gone is a property the
/// spec does not declare.
fn diff(path: &[String], original: &Value, back: &Value, out: &mut Vec<(String, String)>) {
    let here = |token: String| [path, &[token]].concat();
    match (original, back) {
        (Value::Object(a), Value::Object(b)) => {
            for (key, value) in a {
                match b.get(key) {
                    Some(other) => diff(&here(key.clone()), value, other, out),
                    None => report(
                        out,
                        &here(key.clone()),
                        "is dropped: the spec does not declare it",
                    ),
                }
            }
            for key in b.keys().filter(|key| !a.contains_key(*key)) {
                report(out, &here(key.clone()), "appears");
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (index, (x, y)) in a.iter().zip(b).enumerate() {
                diff(&here(index.to_string()), x, y, out);
            }
        }
        _ if original == back => {}
        _ => report(out, path, &format!("was {original}, became {back}")),
    }
}

fn report(out: &mut Vec<(String, String)>, path: &[String], message: &str) {
    let pattern = path
        .iter()
        .map(|t| format!("/{}", if t.parse::<usize>().is_ok() { "*" } else { t }))
        .collect();
    let exact: String = path.iter().map(|t| format!("/{t}")).collect();
    out.push((pattern, format!("{exact} {message}")));
}

/// The `## Models` example of README.md, kept in step with it by hand.
#[test]
fn readme_example_builds_a_connected_registry() -> Result<(), serde_json::Error> {
    use azure_containerregistry::models::{
        ConnectedRegistry, ConnectedRegistryMode, ConnectedRegistryProperties, ParentProperties,
        SyncProperties,
    };

    let registry = ConnectedRegistry {
        properties: Some(ConnectedRegistryProperties {
            mode: ConnectedRegistryMode::ReadWrite,
            parent: ParentProperties {
                id: None,
                sync_properties: SyncProperties {
                    token_id: "/subscriptions/sub/.../tokens/sync".into(),
                    message_ttl: "P2D".into(), // ISO 8601 durations stay text
                    schedule: Some("0 9 * * *".into()),
                    sync_window: None,
                    last_sync_time: None,
                    gateway_endpoint: None,
                },
            },
            client_token_ids: Some(vec!["/subscriptions/sub/.../tokens/client".into()]),
            login_server: None,
            logging: None,
            notifications_list: None,
            // Read-only: the service fills these in.
            provisioning_state: None,
            version: None,
            connection_state: None,
            last_activity_time: None,
            activation: None,
            status_details: None,
        }),
        ..Default::default()
    };
    let body = serde_json::to_value(&registry)?;
    assert_eq!(
        body["properties"]["parent"]["syncProperties"]["messageTtl"],
        "P2D"
    );
    assert_eq!(body["properties"]["mode"], "ReadWrite");
    Ok(())
}
