//! `body-file.json` and `body-binary.json`: `type: file` and binary bodies, in and out.

use super::server::{endpoint, pipeline, status_of};
use armgen_runtime::{
    BodyTooLarge, ClientOptions, Error, Pipeline, ReqwestTransport, RetryOptions, StaticToken,
};
use std::sync::Arc;
use testserver_acceptance::{body_binary, body_file};

fn files() -> body_file::client::Client {
    body_file::client::Client::with_pipeline(pipeline())
}

fn binary() -> body_binary::client::Client {
    body_binary::client::Client::with_pipeline(pipeline())
}

/// The server's `sample.png`, which it sends for a non-empty file.
fn sample_png() -> Vec<u8> {
    let package = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tools/testserver/node_modules/@microsoft.azure/autorest.testserver");
    std::fs::read(package.join("legacy/routes/sample.png")).expect("the server's sample.png")
}

#[tokio::test]
async fn a_file_reply_is_its_bytes() {
    let file = files().files().get_file().await.unwrap();
    assert_eq!(file, sample_png());
    assert!(file.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG");
}

#[tokio::test]
async fn an_empty_file_reply_is_no_bytes() {
    assert_eq!(files().files().get_empty_file().await.unwrap(), b"");
}

/// The server streams 3000 MB: the reply is refused once it passes the pipeline's body
/// limit, without reading the rest.
#[tokio::test]
async fn a_very_large_file_reply_stops_at_the_body_limit() {
    let options = ClientOptions {
        endpoint: endpoint().to_owned(),
        max_body_size: 1 << 20,
        retry: RetryOptions {
            max_retries: 0,
            ..RetryOptions::default()
        },
        ..ClientOptions::default()
    };
    let pipeline = Pipeline::new(
        Arc::new(ReqwestTransport::default()),
        Arc::new(StaticToken("test".into())),
        options,
    );
    let client = body_file::client::Client::with_pipeline(pipeline);
    let error = client.files().get_file_large().await.unwrap_err();
    let Error::Transport(error) = &error else {
        panic!("expected a transport error, got {error:?}")
    };
    let too_large = error.source.downcast_ref::<BodyTooLarge>();
    assert_eq!(too_large.map(|e| e.limit), Some(1 << 20), "{error:?}");
}

#[tokio::test]
async fn a_file_body_goes_as_json_when_the_operation_consumes_json() {
    binary()
        .upload()
        .file(br#"{"more": "cowbell"}"#)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_binary_body_goes_as_octet_stream() {
    binary().upload().binary(&sample_png()).await.unwrap();
}

#[tokio::test]
async fn a_file_operation_still_reports_errors() {
    assert_eq!(status_of(binary().download().error_stream().await), 400);
}
