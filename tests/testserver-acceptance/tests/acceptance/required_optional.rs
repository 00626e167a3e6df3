//! `required-optional.json`: optional parameters left out send nothing (no query
//! parameter, header or body), including one the client holds.

use super::server::pipeline;
use testserver_acceptance::required_optional::client::{explicit, implicit, Client};
use testserver_acceptance::required_optional::models::{
    ArrayOptionalWrapper, ClassOptionalWrapper, IntOptionalWrapper, StringOptionalWrapper,
};

fn client(optional_global_query: Option<i32>) -> Client {
    Client::with_pipeline(
        pipeline(),
        "required-path".into(),
        "required-query".into(),
        optional_global_query,
    )
}

#[tokio::test]
async fn implicitly_optional_parameters_left_out() {
    let client = client(None);
    let c = client.implicit();
    c.put_optional_query(Default::default()).await.unwrap();
    c.put_optional_header(Default::default()).await.unwrap();
    c.put_optional_body(Default::default()).await.unwrap();
    c.put_optional_binary_body(Default::default())
        .await
        .unwrap();
    let request = implicit::put_optional_body_request(&Default::default()).unwrap();
    assert!(request.body().is_empty());
    assert!(request.headers().get("content-type").is_none());
}

#[tokio::test]
async fn an_optional_client_parameter_left_out() {
    client(None)
        .implicit()
        .get_optional_global_query()
        .await
        .unwrap();
    let request = implicit::get_optional_global_query_request(None).unwrap();
    assert_eq!(request.uri().query(), None);
    let request = implicit::get_optional_global_query_request(Some(7)).unwrap();
    assert_eq!(request.uri().query(), Some("optional-global-query=7"));
}

#[tokio::test]
async fn binary_bodies_optional_and_required() {
    let client = client(None);
    let c = client.explicit();
    c.put_optional_binary_body(Default::default())
        .await
        .unwrap();
    c.put_required_binary_body(b"\x00\x01binary").await.unwrap();
    let request = explicit::put_required_binary_body_request(b"\x00\x01").unwrap();
    assert_eq!(
        request.headers()["content-type"],
        "application/octet-stream"
    );
    assert_eq!(request.body(), b"\x00\x01");
}

/// Each `explicit_postOptional*` operation with its parameter left out.
#[tokio::test]
async fn explicitly_optional_parameters_left_out() {
    let client = client(None);
    let e = client.explicit();
    e.post_optional_integer_parameter(Default::default())
        .await
        .unwrap();
    e.post_optional_integer_header(Default::default())
        .await
        .unwrap();
    e.post_optional_string_parameter(Default::default())
        .await
        .unwrap();
    e.post_optional_string_header(Default::default())
        .await
        .unwrap();
    e.post_optional_class_parameter(Default::default())
        .await
        .unwrap();
    e.post_optional_array_parameter(Default::default())
        .await
        .unwrap();
    e.post_optional_array_header(Default::default())
        .await
        .unwrap();
}

/// Each `explicit_postOptional*Property` operation with a wrapper whose value is left out.
#[tokio::test]
async fn explicitly_optional_properties_left_out() {
    let client = client(None);
    let e = client.explicit();
    e.post_optional_integer_property(explicit::PostOptionalIntegerPropertyOptions {
        body_parameter: Some(IntOptionalWrapper::default()),
    })
    .await
    .unwrap();
    e.post_optional_string_property(explicit::PostOptionalStringPropertyOptions {
        body_parameter: Some(StringOptionalWrapper::default()),
    })
    .await
    .unwrap();
    e.post_optional_class_property(explicit::PostOptionalClassPropertyOptions {
        body_parameter: Some(ClassOptionalWrapper::default()),
    })
    .await
    .unwrap();
    e.post_optional_array_property(explicit::PostOptionalArrayPropertyOptions {
        body_parameter: Some(ArrayOptionalWrapper::default()),
    })
    .await
    .unwrap();
}
