//! Every `x-ms-examples` entry, built into a request by the generated sans-IO function
//! for its operation, must be the request the example and the operation describe.

mod client_common;

use armgen::model::Place;
use azure_containerregistry::client::examples;
use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde_json::Value;

const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

fn text(value: &Value) -> String {
    value
        .as_str()
        .map_or_else(|| value.to_string(), str::to_owned)
}

#[test]
fn every_example_request_matches() {
    let api = client_common::api();
    let cases = client_common::examples(&api);
    let mut failures = Vec::new();
    let mut accepts = 0;
    for (operation, name, example) in &cases {
        let parameters = &example["parameters"];
        let mut problems = Vec::new();
        match examples::build_request(&operation.id, parameters) {
            Err(error) => problems.push(format!("not built: {error}")),
            Ok(request) => {
                if request.method().as_str() != operation.method.as_str() {
                    problems.push(format!("method {}", request.method()));
                }
                let mut path = operation.path.clone();
                let mut query = Vec::new();
                let mut body = None;
                for param in &operation.parameters {
                    let p = &param.param;
                    let Some(value) = parameters.get(&p.name) else {
                        continue;
                    };
                    match param.place {
                        Place::Path if p.skip_url_encoding => {
                            path = path.replace(&format!("{{{}}}", p.name), &text(value))
                        }
                        Place::Path => {
                            let encoded = utf8_percent_encode(&text(value), UNRESERVED).to_string();
                            path = path.replace(&format!("{{{}}}", p.name), &encoded);
                        }
                        Place::Query => query.push((p.name.clone(), text(value))),
                        Place::Body => body = Some(value.clone()),
                        _ => {}
                    }
                }
                if request.uri().path() != path {
                    problems.push(format!("path {} instead of {path}", request.uri().path()));
                }
                let mut actual: Vec<(String, String)> = request
                    .uri()
                    .query()
                    .unwrap_or_default()
                    .split('&')
                    .filter(|pair| !pair.is_empty())
                    .map(|pair| {
                        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                        let decode =
                            |s: &str| percent_decode_str(s).decode_utf8_lossy().into_owned();
                        (decode(name), decode(value))
                    })
                    .collect();
                actual.sort();
                query.sort();
                if actual != query {
                    problems.push(format!("query {actual:?} instead of {query:?}"));
                }
                let api_version = api.specs[0].api_version();
                if !actual
                    .iter()
                    .any(|(name, value)| name == "api-version" && value == api_version)
                {
                    problems.push(format!("no api-version={api_version}"));
                }
                let sent: Option<Value> = (!request.body().is_empty())
                    .then(|| serde_json::from_slice(request.body()).expect("the body is JSON"));
                if sent != body {
                    problems.push(format!("body {sent:?} instead of {body:?}"));
                }
                let header = |name: &str| {
                    request
                        .headers()
                        .get(name)
                        .map(|v| v.to_str().unwrap_or("<not text>").to_owned())
                };
                let implied = media_types(&api, operation);
                let content_type = body.as_ref().map(|_| implied.consumes.clone());
                if header("content-type") != content_type {
                    problems.push(format!(
                        "Content-Type {:?} instead of {content_type:?}",
                        header("content-type")
                    ));
                }
                if header("accept") != implied.accept {
                    problems.push(format!(
                        "Accept {:?} instead of {:?}",
                        header("accept"),
                        implied.accept
                    ));
                }
                accepts += usize::from(implied.accept.is_some());
            }
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{} / {name}: {}",
                operation.id,
                problems.join("; ")
            ));
        }
    }
    let total = cases.len();
    println!(
        "{} of {total} example requests match",
        total - failures.len()
    );
    assert!(
        failures.is_empty(),
        "mismatched requests:\n{}",
        failures.join("\n")
    );
    assert_eq!(
        total,
        api.operations()
            .map(|(_, op)| op.examples.len())
            .sum::<usize>()
    );
    println!("{accepts} of {total} send Accept");
    assert!(
        accepts > 0 && accepts < total,
        "the spec has operations with and without reply bodies"
    );
}

/// The headers the spec implies, read from the raw documents: `Content-Type` is the first
/// of `consumes` (the operation's, else the spec's; `application/json` when neither says),
/// and `Accept`, as AutoRest sends it, lists `produces` (likewise) whenever a reply of
/// the operation, `default` included, has a schema.
struct Implied {
    consumes: String,
    accept: Option<String>,
}

fn media_types(api: &armgen::model::Api, operation: &armgen::model::Operation) -> Implied {
    let resolver = api.resolver();
    let (_, raw) = resolver
        .resolve(&operation.location)
        .expect("the operation");
    let spec = api
        .specs
        .iter()
        .find(|spec| spec.path == operation.location.file)
        .expect("the operation's spec");
    let (_, document) = resolver
        .resolve(&armgen::resolve::Location::new(&spec.path, ""))
        .expect("the spec");
    let list = |key: &str| -> Vec<String> {
        let value = raw.get(key).or_else(|| document.get(key));
        let types: Vec<String> = value
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect();
        match types.is_empty() {
            true => vec!["application/json".to_owned()],
            false => types,
        }
    };
    let has_body =
        raw["responses"]
            .as_object()
            .expect("responses")
            .iter()
            .any(
                |(status, response)| match response.get("$ref").and_then(Value::as_str) {
                    Some(reference) => {
                        let at = operation.location.child("responses").child(status);
                        let (_, target) =
                            resolver.follow_ref(&at, reference).expect("the response");
                        target.get("schema").is_some()
                    }
                    None => response.get("schema").is_some(),
                },
            );
    Implied {
        consumes: list("consumes").remove(0),
        accept: has_body.then(|| list("produces").join(", ")),
    }
}

/// OData query names (`$filter`, `$top`...) go out as written, as the Azure SDKs send
/// them, not `%24filter`. Every operation with such a parameter is built from its first
/// example plus a value for each of them, through the generated request function.
#[test]
fn odata_query_names_are_sent_literally() {
    let api = client_common::api();
    let cases = client_common::examples(&api);
    let mut checked = 0;
    let mut seen = std::collections::HashSet::new();
    for (operation, _, example) in &cases {
        let odata: Vec<&str> = operation
            .parameters
            .iter()
            .map(|param| &param.param)
            .filter(|p| p.location == "query" && p.name.starts_with('$'))
            .map(|p| p.name.as_str())
            .collect();
        if odata.is_empty() || !seen.insert(&operation.id) {
            continue;
        }
        let mut parameters = example["parameters"].clone();
        for name in &odata {
            parameters[*name] = Value::from("name eq 'a&b'");
        }
        let request = examples::build_request(&operation.id, &parameters)
            .unwrap_or_else(|error| panic!("{}: {error}", operation.id));
        let query = request.uri().query().unwrap_or_default();
        for name in &odata {
            assert!(
                query
                    .split('&')
                    .any(|pair| pair == format!("{name}=name%20eq%20%27a%26b%27")),
                "{}: `{name}` is not sent literally in `{query}`",
                operation.id
            );
        }
        checked += 1;
    }
    assert!(
        checked > 0,
        "no operation of the spec has an OData query parameter"
    );
}
