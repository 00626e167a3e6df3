//! `any-type.json` and `object-type.json`: schemas that say nothing about their value
//! (any JSON), and `type: object` without properties.

use super::server::{pipeline, status_of};
use armgen_runtime::Error;
use serde_json::json;
use testserver_acceptance::{any_type, object_type};

fn anything() -> any_type::client::Client {
    any_type::client::Client::with_pipeline(pipeline())
}

fn object() -> object_type::client::Client {
    object_type::client::Client::with_pipeline(pipeline())
}

#[tokio::test]
async fn any_string_object_or_array_comes_back_as_sent() {
    assert_eq!(anything().get_string().await.unwrap(), json!("anything"));
    assert_eq!(
        anything().get_object().await.unwrap(),
        json!({"message": "An object was successfully returned"})
    );
    assert_eq!(anything().get_array().await.unwrap(), json!(["foo", "bar"]));
}

#[tokio::test]
async fn any_string_object_or_array_goes_as_given() {
    anything().put_string(&json!("anything")).await.unwrap();
    anything().put_object(&json!({"foo": "bar"})).await.unwrap();
    anything().put_array(&json!(["foo", "bar"])).await.unwrap();
}

#[tokio::test]
async fn an_object_reply() {
    let reply = object().get().await.unwrap();
    assert_eq!(
        reply.additional_properties.get("message"),
        Some(&json!("An object was successfully returned"))
    );
}

#[tokio::test]
async fn an_object_body() {
    let body = json!({"foo": "bar"});
    object().put(body.as_object().unwrap()).await.unwrap();
}

/// Any other object is refused, with the `default` reply's object as the error body.
#[tokio::test]
async fn an_object_error_reply() {
    let body = json!({"should": "fail"});
    let result = object().put(body.as_object().unwrap()).await;
    let Err(Error::Service(error)) = &result else {
        panic!("expected a service error, got {result:?}")
    };
    let message = error
        .body
        .as_ref()
        .and_then(|body| body.additional_properties.get("message"));
    assert_eq!(
        message,
        Some(&json!("The object you passed was incorrect")),
        "{error:?}"
    );
    assert_eq!(status_of(result), 400);
}
