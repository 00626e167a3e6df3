//! The model stage as every output sees it: one Rust type per schema whichever output
//! writes it, one rule for `api-version`, and one verdict on a spec whichever outputs
//! are switched on.

use armgen::{Error, Generated, Generator};
use serde_json::{json, Value};
use std::path::Path;

fn spec_root(spec: &Value) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spec.json"), spec.to_string()).unwrap();
    dir
}

fn swagger(paths: Value, definitions: Value) -> Value {
    json!({
        "swagger": "2.0",
        "info": { "title": "t", "version": "2024-01-01" },
        "paths": paths,
        "definitions": definitions,
    })
}

fn generate(root: &Path, outputs: &[&str]) -> Result<Generated, Error> {
    let mut generator = Generator::new(root).spec("spec.json");
    for output in outputs {
        generator = match *output {
            "models" => generator.models("models.rs"),
            "client" => generator.client("client.rs"),
            _ => generator.docs("docs"),
        };
    }
    generator.generate()
}

/// A type as written in either file, with the paths that differ between the two
/// (absolute std paths in the models, the `models::` prefix in the client) taken off.
fn canonical(ty: &str) -> String {
    // Long types print over several lines, with a trailing comma in their arguments.
    ty.replace(' ', "")
        .replace(",>", ">")
        .trim_end_matches(',')
        .replace("::std::collections::", "")
        .replace("std::collections::", "")
        .replace("::std::string::", "")
        .replace("::std::vec::", "")
        .replace("::std::option::", "")
        .replace("::serde_json::", "serde_json::")
        .replace("::armgen_runtime::", "rt::")
        .replace("models::", "")
}

/// Every kind of `additionalProperties` and every string format, as a property of a
/// definition and as the body of a reply: the models' field and the client's result must
/// be the same type. (They were `BTreeMap<String, i64>` and `HashMap<String, i32>`,
/// `Timestamp` and `String`.)
#[test]
fn every_map_and_string_format_is_one_type_in_models_and_client() {
    let schemas = [
        ("anything", json!({ "additionalProperties": true })),
        (
            "empty",
            json!({ "type": "object", "additionalProperties": {} }),
        ),
        (
            "integers",
            json!({ "type": "object", "additionalProperties": { "type": "integer" } }),
        ),
        (
            "int32s",
            json!({ "type": "object", "additionalProperties": { "type": "integer", "format": "int32" } }),
        ),
        (
            "floats",
            json!({ "type": "object", "additionalProperties": { "type": "number", "format": "float" } }),
        ),
        (
            "flags",
            json!({ "type": "object", "additionalProperties": { "type": "boolean" } }),
        ),
        (
            "things",
            json!({ "type": "object", "additionalProperties": { "$ref": "#/definitions/Thing" } }),
        ),
        (
            "lists",
            json!({ "type": "object", "additionalProperties": { "type": "array", "items": { "type": "string" } } }),
        ),
        (
            "nested",
            json!({ "type": "object", "additionalProperties": { "type": "object", "additionalProperties": { "type": "string" } } }),
        ),
        (
            "times",
            json!({ "type": "object", "additionalProperties": { "type": "string", "format": "date-time" } }),
        ),
        ("plain", json!({ "type": "string" })),
        (
            "date_time",
            json!({ "type": "string", "format": "date-time" }),
        ),
        ("date", json!({ "type": "string", "format": "date" })),
        ("byte", json!({ "type": "string", "format": "byte" })),
        ("uuid", json!({ "type": "string", "format": "uuid" })),
        (
            "duration",
            json!({ "type": "string", "format": "duration" }),
        ),
        (
            "password",
            json!({ "type": "string", "format": "password" }),
        ),
        ("int64", json!({ "type": "integer", "format": "int64" })),
        ("integer", json!({ "type": "integer" })),
        ("number", json!({ "type": "number" })),
    ];
    let mut paths = serde_json::Map::new();
    let mut properties = serde_json::Map::new();
    for (name, schema) in &schemas {
        properties.insert(name.to_string(), schema.clone());
        paths.insert(
            format!("/{name}"),
            json!({ "get": {
                "operationId": format!("Kinds_{name}"),
                "responses": { "200": { "description": "OK", "schema": schema } },
            }}),
        );
    }
    let definitions = json!({
        "Kinds": { "type": "object", "properties": properties },
        "Thing": { "type": "object", "properties": { "name": { "type": "string" } } },
    });
    let root = spec_root(&swagger(Value::Object(paths), definitions));
    let generated = generate(root.path(), &["models", "client"]).unwrap();
    let models = syn::parse_file(generated.files.get("models.rs").unwrap()).unwrap();
    let client = syn::parse_file(generated.files.get("client.rs").unwrap()).unwrap();

    let kinds = models
        .items
        .iter()
        .find_map(|item| match item {
            syn::Item::Struct(s) if s.ident == "Kinds" => Some(s),
            _ => None,
        })
        .expect("struct Kinds");
    let kinds_module = client
        .items
        .iter()
        .find_map(|item| match item {
            syn::Item::Mod(m) if m.ident == "kinds" => m.content.as_ref().map(|(_, items)| items),
            _ => None,
        })
        .expect("mod kinds");
    for (name, _) in &schemas {
        let field = kinds
            .fields
            .iter()
            .find(|f| f.ident.as_ref().unwrap() == name)
            .unwrap_or_else(|| panic!("field {name}"));
        let field_ty = quote_ty(&field.ty);
        let field_ty = field_ty
            .strip_prefix("::std::option::Option<")
            .and_then(|t| t.strip_suffix('>'))
            .unwrap_or_else(|| panic!("{name}: {field_ty} is optional"));
        let parse = kinds_module
            .iter()
            .find_map(|item| match item {
                syn::Item::Fn(f) if f.sig.ident == format!("parse_{name}") => Some(f),
                _ => None,
            })
            .unwrap_or_else(|| panic!("fn parse_{name}"));
        let syn::ReturnType::Type(_, returned) = &parse.sig.output else {
            panic!("parse_{name} returns a result");
        };
        let returned = quote_ty(returned);
        let result = returned
            .strip_prefix("Result<")
            .and_then(|t| t.strip_suffix('>'))
            .unwrap();
        assert_eq!(canonical(field_ty), canonical(result), "{name}");
    }
}

fn quote_ty(ty: &syn::Type) -> String {
    quote::ToTokens::to_token_stream(ty)
        .to_string()
        .replace(' ', "")
}

/// An operation declaring `api-version` itself sends it once, with the spec's version or
/// the parameter's one `enum` value; it is never an argument. One declaring none sends none.
#[test]
fn api_version_is_sent_once_from_one_rule() {
    let api_version = |extra: Value| {
        let mut param =
            json!({ "name": "api-version", "in": "query", "required": true, "type": "string" });
        if let (Some(param), Value::Object(extra)) = (param.as_object_mut(), extra) {
            param.extend(extra);
        }
        json!([param])
    };
    let operation = |id: &str, parameters: Value| json!({ "get": { "operationId": id, "parameters": parameters, "responses": { "204": { "description": "" } } } });
    let spec = swagger(
        json!({
            "/declared": operation("Ops_Declared", api_version(json!({}))),
            "/constant": operation("Ops_Constant", api_version(json!({ "enum": ["2015-07-01-preview"] }))),
            "/optional": operation("Ops_Optional", api_version(json!({ "required": false }))),
            "/none": operation("Ops_None", json!([])),
        }),
        json!({}),
    );
    let root = spec_root(&spec);
    let generated = generate(root.path(), &["client"]).unwrap();
    let client = generated.files.get("client.rs").unwrap();
    let request_fn = |name: &str| {
        let start = client
            .find(&format!("pub fn {name}_request("))
            .unwrap_or_else(|| panic!("{name}_request"));
        let end = start + client[start..].find("r.build()").unwrap();
        &client[start..end]
    };
    for (name, sent) in [
        ("declared", Some("2024-01-01")),
        ("constant", Some("2015-07-01-preview")),
        ("optional", Some("2024-01-01")),
        ("none", None),
    ] {
        let body = request_fn(name);
        assert!(
            body.starts_with(&format!("pub fn {name}_request() ")),
            "{body}"
        );
        let queries = body.matches("r.query(").count();
        match sent {
            Some(version) => {
                assert_eq!(queries, 1, "{body}");
                assert!(
                    body.contains(&format!("r.query(\"api-version\", \"{version}\");")),
                    "{body}"
                );
            }
            None => assert_eq!(queries, 0, "{body}"),
        }
    }
}

/// Specs whose content is wrong in a way one output used to find on its own: each is
/// refused with every output on and with each output alone, with the same error.
#[test]
fn a_spec_is_refused_whichever_outputs_are_on() {
    let get = |parameters: Value, responses: Value| json!({ "get": { "operationId": "Things_Get", "parameters": parameters, "responses": responses } });
    let ok = json!({ "200": { "description": "OK" } });
    let query = |extra: Value| {
        let mut param = json!({ "name": "q", "in": "query", "required": true, "type": "string" });
        if let (Some(param), Value::Object(extra)) = (param.as_object_mut(), extra) {
            param.extend(extra);
        }
        json!([param])
    };
    let cases = [
        (
            "unclosed path template",
            swagger(
                json!({ "/things/{name": get(json!([]), ok.clone()) }),
                json!({}),
            ),
            "unclosed `{`",
        ),
        (
            "path parameter missing",
            swagger(
                json!({ "/things/{name}": get(json!([]), ok.clone()) }),
                json!({}),
            ),
            "no required path parameter",
        ),
        (
            "status",
            swagger(
                json!({ "/things": get(json!([]), json!({ "2XX": { "description": "" } })) }),
                json!({}),
            ),
            "HTTP status code",
        ),
        (
            "formData beside a body",
            swagger(
                json!({ "/things": get(json!([
                    { "name": "f", "in": "formData", "type": "string" },
                    { "name": "b", "in": "body", "schema": { "type": "string" } }
                ]), ok.clone()) }),
                json!({}),
            ),
            "both a body parameter and formData parameters",
        ),
        (
            "parameter location",
            swagger(
                json!({ "/things": get(query(json!({ "in": "cookie" })), ok.clone()) }),
                json!({}),
            ),
            "no parameter location",
        ),
        (
            "object in a query",
            swagger(
                json!({ "/things": get(query(json!({ "type": "object" })), ok.clone()) }),
                json!({}),
            ),
            "cannot be of type `object`",
        ),
        (
            "collection format",
            swagger(
                json!({ "/things": get(json!([{ "name": "h", "in": "header", "required": true, "type": "array", "items": { "type": "string" }, "collectionFormat": "multi" }]), ok.clone()) }),
                json!({}),
            ),
            "collectionFormat: multi",
        ),
        (
            "empty enum",
            swagger(
                json!({}),
                json!({ "A": { "properties": { "p": { "type": "string", "enum": [] } } } }),
            ),
            "an enum needs at least one value",
        ),
        (
            "allOf of a string",
            swagger(
                json!({}),
                json!({ "A": { "allOf": [{ "$ref": "#/definitions/B" }] }, "B": { "type": "string" } }),
            ),
            "allOf names a definition that is not an object",
        ),
        (
            "empty enum in a response",
            swagger(
                json!({ "/things": get(json!([]), json!({ "200": { "description": "", "schema": { "type": "string", "enum": [] } } })) }),
                json!({}),
            ),
            "an enum needs at least one value",
        ),
    ];
    for (case, spec, message) in cases {
        let root = spec_root(&spec);
        let all = generate(root.path(), &["models", "client", "docs"])
            .err()
            .unwrap_or_else(|| panic!("{case}: accepted with every output"));
        assert!(all.message.contains(message), "{case}: {all}");
        for output in ["models", "client", "docs"] {
            let alone = generate(root.path(), &[output])
                .err()
                .unwrap_or_else(|| panic!("{case}: accepted with only {output}"));
            assert_eq!(alone, all, "{case}, {output} alone");
        }
    }
}

/// Compiles only when the models' field and the client's reply have one type.
fn same<T>(
    _field: &Option<T>,
    _parse: fn(armgen_runtime::Response) -> golden_cases::maps_and_formats::client::Result<T>,
) {
}

/// The same property as above, proven by the compiler on the golden case
/// `tests/cases/maps-and-formats`: each `same` call type-checks only if the two types are
/// one.
#[test]
fn the_compiled_models_and_client_agree_on_every_map_and_format() {
    use golden_cases::maps_and_formats::client::kinds as reply;
    use golden_cases::maps_and_formats::models::Kinds;
    let kinds = Kinds::default();
    same(&kinds.anything, reply::parse_anything);
    same(&kinds.empty, reply::parse_empty);
    same(&kinds.integers, reply::parse_integers);
    same(&kinds.int32s, reply::parse_int32s);
    same(&kinds.floats, reply::parse_floats);
    same(&kinds.flags, reply::parse_flags);
    same(&kinds.things, reply::parse_things);
    same(&kinds.lists, reply::parse_lists);
    same(&kinds.nested, reply::parse_nested);
    same(&kinds.times, reply::parse_times);
    same(&kinds.plain, reply::parse_plain);
    same(&kinds.date_time, reply::parse_date_time);
    same(&kinds.date, reply::parse_date);
    same(&kinds.byte, reply::parse_byte);
    same(&kinds.uuid, reply::parse_uuid);
    same(&kinds.duration, reply::parse_duration);
    same(&kinds.password, reply::parse_password);
    same(&kinds.int64, reply::parse_int64);
    same(&kinds.integer, reply::parse_integer);
    same(&kinds.number, reply::parse_number);
    same(&kinds.rfc1123, reply::parse_rfc1123);
    same(&kinds.base64url, reply::parse_base64url);
    same(&kinds.time, reply::parse_time);
    same(&kinds.unixtime, reply::parse_unixtime);
    same(&kinds.nullable_items, reply::parse_nullable_items);
    same(&kinds.nullable_values, reply::parse_nullable_values);
}

#[test]
fn azure_extensions_naming_what_is_not_there_are_refused_at_their_place() {
    let list = |pageable: Value| {
        json!({ "/things": { "get": {
            "operationId": "Things_List",
            "x-ms-pageable": pageable,
            "responses": { "200": { "description": "OK" } },
        } } })
    };
    let unknown_next = swagger(
        list(json!({ "nextLinkName": "nextLink", "operationName": "Things_Nowhere" })),
        json!({}),
    );
    let mut unknown_host_param = swagger(list(json!({ "nextLinkName": null })), json!({}));
    unknown_host_param["x-ms-parameterized-host"] = json!({
        "hostTemplate": "{account}.example.com",
        "parameters": [{ "name": "acount", "in": "path", "required": true, "type": "string" }],
    });
    for (spec, pointer, message) in [
        (
            unknown_next,
            "/paths/~1things/get/x-ms-pageable/operationName",
            "no operation has the operationId `Things_Nowhere`",
        ),
        (
            unknown_host_param,
            "/x-ms-parameterized-host/hostTemplate",
            "names `{account}`",
        ),
    ] {
        let root = spec_root(&spec);
        let error = generate(root.path(), &["client"]).unwrap_err();
        assert_eq!(error.pointer.as_deref(), Some(pointer), "{error}");
        assert!(error.message.contains(message), "{error}");
    }
}

#[test]
fn dialect_constructs_armgen_cannot_honour_are_refused_at_their_place() {
    let operation = |extra: Value| {
        let mut op = json!({
            "operationId": "Things_Put",
            "parameters": [{ "name": "x-ms-meta", "in": "header", "type": "string" }],
            "responses": { "200": { "description": "OK", "headers": {
                "x-ms-meta": { "type": "string" }
            } } },
        });
        if let (Some(op), Value::Object(extra)) = (op.as_object_mut(), extra) {
            op.extend(extra);
        }
        swagger(json!({ "/things": { "put": op } }), json!({}))
    };
    let mut prefixed_query = operation(json!({}));
    let param = &mut prefixed_query["paths"]["/things"]["put"]["parameters"][0];
    param["in"] = json!("query");
    param["x-ms-header-collection-prefix"] = json!("x-ms-meta-");
    let final_state = |via: &str| {
        operation(json!({
            "x-ms-long-running-operation": true,
            "x-ms-long-running-operation-options": { "final-state-via": via },
        }))
    };
    for (spec, pointer, message) in [
        (
            prefixed_query,
            "/paths/~1things/put/parameters/0/x-ms-header-collection-prefix",
            "`x-ms-header-collection-prefix` is only for header parameters",
        ),
        (
            final_state("operation-location"),
            "/paths/~1things/put/x-ms-long-running-operation-options/final-state-via",
            "`final-state-via: operation-location` is not supported",
        ),
        (
            final_state("somewhere"),
            "/paths/~1things/put/x-ms-long-running-operation-options/final-state-via",
            "`final-state-via: somewhere` is not supported",
        ),
    ] {
        let root = spec_root(&spec);
        let error = generate(root.path(), &["models"]).unwrap_err();
        assert_eq!(error.pointer.as_deref(), Some(pointer), "{error}");
        assert!(error.message.contains(message), "{error}");
    }
    for via in ["azure-async-operation", "location", "original-uri"] {
        let root = spec_root(&final_state(via));
        generate(root.path(), &["client"]).unwrap();
    }
}

#[test]
fn parameter_groups_are_structs_named_as_autorest_names_them() {
    let grouped = |name: &str, grouping: Value| json!({ "name": name, "in": "query", "type": "string", "x-ms-parameter-grouping": grouping });
    let post = |id: &str, parameters: Value| {
        json!({ "post": {
            "operationId": id,
            "parameters": parameters,
            "responses": { "200": { "description": "OK" } },
        } })
    };
    let spec = swagger(
        json!({
            "/a": post("Things_PostA", json!([grouped("one", json!({})), grouped("two", json!({ "postfix": "Extra" }))])),
            "/b": post("Things_PostB", json!([grouped("three", json!({ "name": "shared-group" }))])),
            "/c": post("Things_PostC", json!([grouped("three", json!({ "name": "shared-group" }))])),
            // A group named like a local of the generated functions, with two members
            // alike in snake_case.
            "/d": post("Things_PostD", json!([
                grouped("fooBar", json!({ "name": "options" })),
                grouped("foo_bar", json!({ "name": "options" })),
            ])),
        }),
        json!({}),
    );
    let root = spec_root(&spec);
    let generated = generate(root.path(), &["client"]).unwrap();
    let client = generated
        .files
        .iter()
        .find(|(path, _)| path.ends_with("client.rs"))
        .map(|(_, text)| text.to_owned())
        .unwrap();
    for item in [
        "pub struct ThingsPostAParameters",
        "pub struct ThingsPostAExtra",
        "pub struct SharedGroup",
        "things_post_a_parameters: ThingsPostAParameters",
        "shared_group: SharedGroup",
        "options_group: Options",
        "pub foo_bar: Option<String>",
        "pub foo_bar_: Option<String>",
    ] {
        assert!(client.contains(item), "no `{item}` in:\n{client}");
    }
    assert_eq!(client.matches("pub struct SharedGroup").count(), 1);
}
