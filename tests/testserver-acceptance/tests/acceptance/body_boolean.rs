//! `body-boolean.json`: booleans in JSON bodies.

use super::server::pipeline;
use testserver_acceptance::body_boolean::client::Client;

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

#[tokio::test]
async fn get_true_and_false() {
    assert!(client().bool().get_true().await.unwrap());
    assert!(!client().bool().get_false().await.unwrap());
}

#[tokio::test]
async fn put_true_and_false() {
    client().bool().put_true(true).await.unwrap();
    client().bool().put_false(false).await.unwrap();
}

#[tokio::test]
async fn get_invalid_is_a_decode_error() {
    let error = client().bool().get_invalid().await.unwrap_err();
    assert!(
        matches!(error, armgen_runtime::Error::Decode(_)),
        "{error:?}"
    );
}

/// The spec makes this body `x-nullable`; the server sends none.
#[tokio::test]
async fn get_null() {
    assert_eq!(client().bool().get_null().await.unwrap(), None);
}
