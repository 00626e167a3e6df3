//! Synthetic ARM specs of any size, for benchmarks and for the huge-input tests.
//!
//! `write_spec(root, n)` makes about `n` definitions and `n` operations shaped like a
//! real resource-manager spec: `n / 4` tracked resources, each with the four definitions
//! (`Thing{i}`, `Thing{i}Properties`, `Thing{i}Update`, `Thing{i}ListResult`) and four
//! operations (GET, long-running PUT, DELETE, pageable list by resource group) a resource
//! type has, its own operation group, a provisioning-state enum, a string key naming
//! another resource (`linkedThingId`, which the docs resolve to a dependency), and
//! references to the shared `TrackedResource`, `SystemData`, `NetworkRuleSet` and
//! `ErrorResponse` definitions, as every ARM spec has them.
//!
//! An earlier draft chained every definition to the previous one (`previous`), making a
//! 5,000-deep reference chain: no ARM spec looks like that (schemas reference shared
//! types a few levels deep), and the dereferenced view refuses nesting deeper than 512
//! levels, so such a spec measured an error path rather than generation.

use serde_json::{json, Map, Value};
use std::path::{Path, PathBuf};

/// Where the spec goes below a spec root, laid out like azure-rest-api-specs.
pub const SPEC_PATH: &str =
    "synthetic/resource-manager/Microsoft.Synthetic/stable/2024-01-01/synthetic.json";

/// Writes a spec of about `n` definitions and `n` operations below `root`; returns its
/// path relative to `root`.
pub fn write_spec(root: &Path, n: usize) -> PathBuf {
    let path = root.join(SPEC_PATH);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, serde_json::to_string_pretty(&spec(n)).unwrap()).unwrap();
    PathBuf::from(SPEC_PATH)
}

pub fn spec(n: usize) -> Value {
    let resources = (n / 4).max(1);
    let mut definitions = shared_definitions();
    let mut paths = Map::new();
    for i in 0..resources {
        let linked = (i + 1) % resources;
        definitions.insert(
            format!("Thing{i}"),
            json!({
                "description": format!("A thing of kind {i}."),
                "allOf": [{ "$ref": "#/definitions/TrackedResource" }],
                "properties": {
                    "properties": { "$ref": format!("#/definitions/Thing{i}Properties"), "x-ms-client-flatten": true },
                    "systemData": { "$ref": "#/definitions/SystemData", "readOnly": true }
                }
            }),
        );
        definitions.insert(
            format!("Thing{i}Properties"),
            json!({
                "description": format!("The properties of a thing of kind {i}."),
                "type": "object",
                "required": ["mode"],
                "properties": {
                    "mode": {
                        "type": "string",
                        "description": "How the thing runs.",
                        "enum": ["ReadWrite", "ReadOnly", "Registry"],
                        "x-ms-enum": { "name": format!("Thing{i}Mode"), "modelAsString": i % 2 == 0 }
                    },
                    "provisioningState": {
                        "type": "string",
                        "readOnly": true,
                        "enum": ["Creating", "Updating", "Deleting", "Succeeded", "Failed", "Canceled"],
                        "x-ms-enum": { "name": "ProvisioningState", "modelAsString": true }
                    },
                    "linkedThingId": { "type": "string", "description": format!("The resource ID of a thing of kind {linked}.") },
                    "capacity": { "type": "integer", "format": "int32", "minimum": 1 },
                    "createdAt": { "type": "string", "format": "date-time", "readOnly": true },
                    "endpoints": { "type": "array", "items": { "type": "string" } },
                    "networkRuleSet": { "$ref": "#/definitions/NetworkRuleSet" }
                }
            }),
        );
        definitions.insert(
            format!("Thing{i}Update"),
            json!({
                "description": format!("The parameters for updating a thing of kind {i}."),
                "type": "object",
                "properties": {
                    "tags": { "type": "object", "additionalProperties": { "type": "string" } },
                    "capacity": { "type": "integer", "format": "int32" }
                }
            }),
        );
        definitions.insert(
            format!("Thing{i}ListResult"),
            json!({
                "description": format!("The things of kind {i}."),
                "type": "object",
                "properties": {
                    "value": { "type": "array", "items": { "$ref": format!("#/definitions/Thing{i}") } },
                    "nextLink": { "type": "string" }
                }
            }),
        );
        let collection = format!("/subscriptions/{{subscriptionId}}/resourceGroups/{{resourceGroupName}}/providers/Microsoft.Synthetic/things{i}");
        let scope = json!([
            { "$ref": "#/parameters/SubscriptionIdParameter" },
            { "$ref": "#/parameters/ResourceGroupNameParameter" },
            { "$ref": "#/parameters/ApiVersionParameter" }
        ]);
        let mut named = scope.as_array().unwrap().clone();
        named.push(json!({ "name": "thingName", "in": "path", "required": true, "type": "string", "pattern": "^[a-zA-Z0-9]*$" }));
        let mut with_body = named.clone();
        with_body.push(json!({ "name": "thing", "in": "body", "required": true, "schema": { "$ref": format!("#/definitions/Thing{i}") } }));
        let error =
            json!({ "description": "Error", "schema": { "$ref": "#/definitions/ErrorResponse" } });
        let thing = json!({ "$ref": format!("#/definitions/Thing{i}") });
        paths.insert(
            format!("{collection}/{{thingName}}"),
            json!({
                "get": {
                    "operationId": format!("Things{i}_Get"),
                    "description": format!("Gets a thing of kind {i}."),
                    "parameters": named,
                    "responses": { "200": { "description": "OK", "schema": thing }, "default": error }
                },
                "put": {
                    "operationId": format!("Things{i}_Create"),
                    "description": format!("Creates a thing of kind {i}."),
                    "parameters": with_body,
                    "responses": {
                        "200": { "description": "Updated", "schema": thing },
                        "201": { "description": "Created", "schema": thing },
                        "default": error
                    },
                    "x-ms-long-running-operation": true
                },
                "delete": {
                    "operationId": format!("Things{i}_Delete"),
                    "description": format!("Deletes a thing of kind {i}."),
                    "parameters": named,
                    "responses": { "200": { "description": "OK" }, "204": { "description": "Gone" }, "default": error }
                }
            }),
        );
        paths.insert(
            collection,
            json!({
                "get": {
                    "operationId": format!("Things{i}_ListByResourceGroup"),
                    "description": format!("Lists the things of kind {i} of a resource group."),
                    "parameters": scope,
                    "responses": {
                        "200": { "description": "OK", "schema": { "$ref": format!("#/definitions/Thing{i}ListResult") } },
                        "default": error
                    },
                    "x-ms-pageable": { "nextLinkName": "nextLink" }
                }
            }),
        );
    }
    json!({
        "swagger": "2.0",
        "info": { "title": "Synthetic", "version": "2024-01-01" },
        "host": "management.azure.com",
        "schemes": ["https"],
        "consumes": ["application/json"],
        "produces": ["application/json"],
        "paths": paths,
        "definitions": definitions,
        "parameters": {
            "SubscriptionIdParameter": { "name": "subscriptionId", "in": "path", "required": true, "type": "string" },
            "ResourceGroupNameParameter": { "name": "resourceGroupName", "in": "path", "required": true, "type": "string", "x-ms-parameter-location": "method" },
            "ApiVersionParameter": { "name": "api-version", "in": "query", "required": true, "type": "string" }
        }
    })
}

/// The definitions every ARM spec shares between its resources.
fn shared_definitions() -> Map<String, Value> {
    let definitions = json!({
        "TrackedResource": {
            "description": "An Azure resource with a location.",
            "type": "object",
            "required": ["location"],
            "properties": {
                "id": { "type": "string", "readOnly": true },
                "name": { "type": "string", "readOnly": true },
                "type": { "type": "string", "readOnly": true },
                "location": { "type": "string", "x-ms-mutability": ["read", "create"] },
                "tags": { "type": "object", "additionalProperties": { "type": "string" } }
            },
            "x-ms-azure-resource": true
        },
        "SystemData": {
            "description": "Metadata of the creation and last modification of the resource.",
            "type": "object",
            "properties": {
                "createdBy": { "type": "string" },
                "createdByType": {
                    "type": "string",
                    "enum": ["User", "Application", "ManagedIdentity", "Key"],
                    "x-ms-enum": { "name": "CreatedByType", "modelAsString": true }
                },
                "createdAt": { "type": "string", "format": "date-time" },
                "lastModifiedAt": { "type": "string", "format": "date-time" }
            }
        },
        "NetworkRuleSet": {
            "description": "The network rules of a resource.",
            "type": "object",
            "required": ["defaultAction"],
            "properties": {
                "defaultAction": {
                    "type": "string",
                    "enum": ["Allow", "Deny"],
                    "x-ms-enum": { "name": "DefaultAction", "modelAsString": true }
                },
                "ipRules": { "type": "array", "items": { "$ref": "#/definitions/IPRule" } }
            }
        },
        "IPRule": {
            "description": "An IP address range that is allowed.",
            "type": "object",
            "required": ["value"],
            "properties": {
                "value": { "type": "string" },
                "action": { "type": "string", "enum": ["Allow"], "x-ms-enum": { "name": "Action", "modelAsString": true } }
            }
        },
        "ErrorResponse": {
            "description": "An error reply.",
            "type": "object",
            "properties": {
                "error": {
                    "type": "object",
                    "properties": {
                        "code": { "type": "string" },
                        "message": { "type": "string" }
                    }
                }
            }
        }
    });
    match definitions {
        Value::Object(entries) => entries,
        _ => unreachable!(),
    }
}
