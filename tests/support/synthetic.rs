//! Synthetic ARM specs of any size, for benchmarks and for the huge-input tests: `n`
//! definitions and `n` operations (a GET and a PUT on `n / 2` resource paths), each
//! definition with a string, an integer, a timestamp, an enum, an array and a reference
//! to the previous definition, the way real ARM specs chain their schemas.

use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};

/// Where the spec goes below a spec root, laid out like azure-rest-api-specs.
pub const SPEC_PATH: &str =
    "synthetic/resource-manager/Microsoft.Synthetic/stable/2024-01-01/synthetic.json";

/// Writes a spec of `n` definitions and `n` operations below `root`; returns its path
/// relative to `root`.
pub fn write_spec(root: &Path, n: usize) -> PathBuf {
    let path = root.join(SPEC_PATH);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, serde_json::to_string_pretty(&spec(n)).unwrap()).unwrap();
    PathBuf::from(SPEC_PATH)
}

pub fn spec(n: usize) -> Value {
    let mut definitions = Map::new();
    for i in 0..n {
        let mut properties = json!({
            "name": { "type": "string", "description": format!("The name of thing {i}.") },
            "count": { "type": "integer", "format": "int32" },
            "createdAt": { "type": "string", "format": "date-time", "readOnly": true },
            "state": {
                "type": "string",
                "enum": ["Enabled", "Disabled", "Standard_LRS"],
                "x-ms-enum": { "name": format!("State{i}"), "modelAsString": i % 2 == 0 }
            },
            "tags": { "type": "object", "additionalProperties": { "type": "string" } },
            "items": { "type": "array", "items": { "type": "string" } }
        });
        if i > 0 {
            properties["previous"] = json!({ "$ref": format!("#/definitions/Thing{}", i - 1) });
        }
        definitions.insert(
            format!("Thing{i}"),
            json!({ "type": "object", "description": format!("Thing number {i}."), "properties": properties, "required": ["name"] }),
        );
    }
    let mut paths = Map::new();
    for i in 0..n / 2 {
        let common = json!([
            { "$ref": "#/parameters/SubscriptionIdParameter" },
            { "$ref": "#/parameters/ApiVersionParameter" },
            { "name": "resourceGroupName", "in": "path", "required": true, "type": "string" },
            { "name": "thingName", "in": "path", "required": true, "type": "string" }
        ]);
        let response = json!({ "200": { "description": "OK", "schema": { "$ref": format!("#/definitions/Thing{i}") } } });
        let mut put_parameters = common.as_array().unwrap().clone();
        put_parameters.push(json!({ "name": "body", "in": "body", "required": true, "schema": { "$ref": format!("#/definitions/Thing{i}") } }));
        paths.insert(
            format!("/subscriptions/{{subscriptionId}}/resourceGroups/{{resourceGroupName}}/providers/Microsoft.Synthetic/things{i}/{{thingName}}"),
            json!({
                "get": { "operationId": format!("Things{i}_Get"), "description": "Gets a thing.", "parameters": common, "responses": response },
                "put": { "operationId": format!("Things{i}_Create"), "description": "Creates a thing.", "parameters": put_parameters, "responses": response }
            }),
        );
    }
    json!({
        "swagger": "2.0",
        "info": { "title": "Synthetic", "version": "2024-01-01" },
        "host": "management.azure.com",
        "paths": paths,
        "definitions": definitions,
        "parameters": {
            "SubscriptionIdParameter": { "name": "subscriptionId", "in": "path", "required": true, "type": "string" },
            "ApiVersionParameter": { "name": "api-version", "in": "query", "required": true, "type": "string" }
        }
    })
}
