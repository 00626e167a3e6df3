//! `reserved-words.json`: parameters, groups and bodies named like Rust keywords or like
//! the generated code's own names (`import`, `content`, `json`, `data`, `files`, `url`,
//! `headerParameters`, `queryParameters`), and each kind of body they come in.

use super::server::pipeline;
use armgen_runtime::Error;
use testserver_acceptance::reserved_words::client::{Client, OperationWithUrlOptions};
use testserver_acceptance::reserved_words::models::MyEnum;

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

/// The server answers 200 without the object the spec documents: the request was
/// accepted, whether the empty body reads as an object or as a decode error.
fn accepted<T: std::fmt::Debug, E: std::fmt::Debug>(result: Result<T, Error<E>>) {
    match result {
        Ok(_) => {}
        Err(Error::Decode(error)) if error.status == 200 && error.raw.is_empty() => {}
        Err(other) => panic!("the server refused the request: {other:?}"),
    }
}

#[tokio::test]
async fn a_group_named_import() {
    accepted(client().import().operation_one("foo").await);
}

#[tokio::test]
async fn a_binary_body_named_content() {
    accepted(client().operation_with_content_param(b"hello, world").await);
}

#[tokio::test]
async fn a_json_body_named_json() {
    let body = serde_json::json!({"hello": "world"});
    accepted(client().operation_with_json_param(&body).await);
}

#[tokio::test]
async fn url_encoded_fields_named_data_and_world() {
    accepted(client().operation_with_data_param("hello", "world").await);
}

#[tokio::test]
async fn a_multipart_file_named_files() {
    accepted(
        client()
            .operation_with_files_param(b"file content", "my.txt")
            .await,
    );
}

#[tokio::test]
async fn path_header_and_query_named_like_the_generated_code() {
    let options = OperationWithUrlOptions {
        query_parameters: Some(vec!["one".into(), "two".into()]),
    };
    accepted(
        client()
            .operation_with_url("foo", "x-ms-header", options)
            .await,
    );
}

#[tokio::test]
async fn an_enum_header() {
    accepted(client().reserved_enum(&MyEnum::Import).await);
}
