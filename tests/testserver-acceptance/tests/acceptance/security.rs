//! `security-key.json` and `security-aad.json`: the spec's `securityDefinitions` decide
//! how the client authenticates: a key in the header the spec names, or a bearer token
//! for the scope the spec names.

use super::server::{custom_pipeline, status_of, within};
use armgen_runtime::{Authentication, BoxFuture, KeyCredential, TokenCredential};
use std::sync::Arc;
use testserver_acceptance::{security_aad, security_key};

#[tokio::test]
async fn a_key_in_the_header_the_spec_names() {
    let key = KeyCredential("123456789".into());
    let pipeline = custom_pipeline(
        Authentication::key(security_key::client::KEY_HEADER, key),
        |_| {},
    );
    let client = security_key::client::Client::with_pipeline(pipeline);
    within(client.head()).await.unwrap();
    // The server checks the key: another one is refused.
    let wrong = KeyCredential("987654321".into());
    let pipeline = custom_pipeline(
        Authentication::key(security_key::client::KEY_HEADER, wrong),
        |_| {},
    );
    let client = security_key::client::Client::with_pipeline(pipeline);
    assert_eq!(status_of(within(client.head()).await), 400);
}

/// A credential whose token is the scope it is asked for, as the server expects.
struct ScopeAsToken;

impl TokenCredential for ScopeAsToken {
    fn token<'a>(&'a self, scope: &'a str) -> BoxFuture<'a, Result<String, String>> {
        Box::pin(std::future::ready(Ok(scope.to_owned())))
    }
}

#[tokio::test]
async fn a_token_for_the_scope_the_spec_names() {
    let pipeline = custom_pipeline(Arc::new(ScopeAsToken), |options| {
        options.scope = security_aad::client::SCOPE.into()
    });
    let client = security_aad::client::Client::with_pipeline(pipeline);
    within(client.head()).await.unwrap();
    // ARM's scope, the default, is refused.
    let pipeline = custom_pipeline(Arc::new(ScopeAsToken), |_| {});
    let client = security_aad::client::Client::with_pipeline(pipeline);
    assert_eq!(status_of(within(client.head()).await), 400);
}
