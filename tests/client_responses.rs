//! Every example reply, fed to the generated parser of its operation, must give the
//! documented result; a status no operation documents must give the typed error.

mod client_common;

use armgen::model::Status;
use azure_containerregistry::client::{examples, Error};
use serde_json::{json, Value};

fn reply(status: u16, headers: &[(&str, &str)], body: Vec<u8>) -> armgen_runtime::Response {
    let mut response = http::Response::new(body);
    *response.status_mut() = http::StatusCode::from_u16(status).expect("a valid status");
    for (name, value) in headers {
        response.headers_mut().insert(
            http::HeaderName::try_from(*name).expect("a header name"),
            http::HeaderValue::try_from(*value).expect("a header value"),
        );
    }
    response
}

#[test]
fn every_example_reply_parses_as_documented() {
    let api = client_common::api();
    let cases = client_common::examples(&api);
    let (mut total, mut failures) = (0, Vec::new());
    for (operation, name, example) in &cases {
        for (status, answer) in example["responses"].as_object().expect("responses") {
            total += 1;
            let code: u16 = status.parse().expect("a numeric status");
            let body = answer
                .get("body")
                .map_or_else(Vec::new, |body| serde_json::to_vec(body).expect("JSON"));
            let documented = operation
                .responses
                .get(&Status::Code(code))
                .map(|r| r.schema.is_some());
            let outcome = examples::parse_response(&operation.id, reply(code, &[], body));
            let problem = match (documented, outcome) {
                (None, _) => Some("the status is not documented".to_owned()),
                (Some(_), Err(error)) => Some(format!("error: {error}")),
                (Some(_), Ok(None)) => Some("no such operation".to_owned()),
                (Some(true), Ok(Some(Value::Null))) => {
                    Some("no body for a status with a schema".to_owned())
                }
                (Some(false), Ok(Some(value))) if !value.is_null() => {
                    Some(format!("a body for a status without one: {value}"))
                }
                _ => None,
            };
            if let Some(problem) = problem {
                failures.push(format!("{} / {name} / {status}: {problem}", operation.id));
            }
        }
    }
    println!(
        "{} of {total} example replies parse as documented",
        total - failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn undocumented_statuses_are_typed_errors() {
    let api = client_common::api();
    let error_body = json!({"error": {"code": "Conflict", "message": "no"}});
    let mut checked = 0;
    for (_, operation) in api.operations() {
        let headers = [
            ("x-ms-request-id", "req-1"),
            ("x-ms-correlation-request-id", "cor-1"),
        ];
        let typed = examples::parse_response(
            &operation.id,
            reply(409, &headers, serde_json::to_vec(&error_body).unwrap()),
        );
        match typed {
            Err(Error::Service(error)) => {
                assert_eq!(error.status, 409, "{}", operation.id);
                assert_eq!(
                    error.request_id.as_deref(),
                    Some("req-1"),
                    "{}",
                    operation.id
                );
                assert_eq!(
                    error.correlation_request_id.as_deref(),
                    Some("cor-1"),
                    "{}",
                    operation.id
                );
                let body =
                    serde_json::to_value(error.body.expect("the error body parses")).unwrap();
                assert_eq!(body["error"]["code"], "Conflict", "{}", operation.id);
            }
            other => panic!("{}: 409 gave {other:?}", operation.id),
        }
        match examples::parse_response(
            &operation.id,
            reply(500, &[], b"<html>oops</html>".to_vec()),
        ) {
            Err(Error::Service(error)) => {
                assert!(error.body.is_none(), "{}", operation.id);
                assert_eq!(error.raw, b"<html>oops</html>", "{}", operation.id);
            }
            other => panic!("{}: 500 gave {other:?}", operation.id),
        }
        checked += 1;
    }
    println!("{checked} of {checked} operations give the typed error for undocumented statuses");
}

#[test]
fn documented_status_with_a_wrong_body_is_a_decode_error_not_a_panic() {
    let api = client_common::api();
    for (_, operation) in api.operations() {
        for (status, response) in &operation.responses {
            let (Status::Code(code), Some(_)) = (*status, &response.schema) else {
                continue;
            };
            match examples::parse_response(&operation.id, reply(code, &[], b"not json".to_vec())) {
                Err(Error::Decode(error)) => {
                    assert_eq!(error.status, code);
                    assert_eq!(error.raw, b"not json");
                }
                other => panic!("{} {code}: {other:?}", operation.id),
            }
        }
    }
}
