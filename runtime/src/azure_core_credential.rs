//! With the `azure_core` feature, the credentials of the Azure SDK for Rust
//! (`azure_identity`'s developer-tools, managed identity, client secret and workload
//! identity credentials, or any other `azure_core` 1.x `TokenCredential`) authenticate
//! the pipeline as they are: no adapter to write.

use crate::pipeline::{BoxFuture, TokenCredential};
use azure_core::credentials::TokenCredential as AzureTokenCredential;
use std::sync::Arc;

/// `azure_identity`'s constructors return `Arc<Credential>`, which coerces to the
/// `Arc<dyn TokenCredential>` a client takes: `Client::new(DeveloperToolsCredential::new(None)?, ..)`.
/// Tokens are requested for the client's scope on each request; the `azure_identity`
/// credentials cache them until they near expiry.
impl<C: AzureTokenCredential + ?Sized> TokenCredential for C {
    fn token<'a>(&'a self, scope: &'a str) -> BoxFuture<'a, Result<String, String>> {
        Box::pin(async move {
            self.get_token(&[scope], None)
                .await
                .map(|token| token.token.secret().to_owned())
                .map_err(|error| error.to_string())
        })
    }
}

/// An `azure_core` credential held as `Arc<dyn azure_core::credentials::TokenCredential>`
/// (as credential chains hold them), which cannot coerce to another trait object.
#[derive(Debug, Clone)]
pub struct AzureCredential(pub Arc<dyn AzureTokenCredential>);

impl TokenCredential for AzureCredential {
    fn token<'a>(&'a self, scope: &'a str) -> BoxFuture<'a, Result<String, String>> {
        self.0.as_ref().token(scope)
    }
}
