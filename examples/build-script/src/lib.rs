//! A crate whose `build.rs` runs armgen: the models and the client of the Container
//! Registry spec are generated into `OUT_DIR` at build time and included here.
//!
//! Only the sans-IO part of the client is compiled (`armgen-runtime` without default
//! features, and no `client` feature here): request functions build `http::Request`s
//! and parsers read `http::Response`s, for use with any HTTP stack.

// The client names the models `super::models`: the two modules must be siblings.
#[allow(clippy::enum_variant_names)] // variants come from the spec's values
pub mod models {
    include!(concat!(env!("OUT_DIR"), "/models.rs"));
}
#[allow(clippy::too_many_arguments)] // one argument per required parameter
pub mod client {
    include!(concat!(env!("OUT_DIR"), "/client.rs"));
}

/// The build script's output folder: armgen's `build_script` test reads the
/// `rerun-if-changed` lines cargo recorded beside it.
#[doc(hidden)]
pub const OUT_DIR: &str = env!("OUT_DIR");

/// The `Registries_Create` request for a Basic registry with the admin user enabled.
pub fn create_basic_registry(
    subscription_id: &str,
    resource_group: &str,
    name: &str,
    location: &str,
) -> Result<armgen_runtime::Request, armgen_runtime::RequestError> {
    // `new` takes the required, writable fields; the rest start empty and are set by name.
    // (The models are this crate's own, so struct literals work too.)
    let mut registry = models::Registry::new(location, models::Sku::new(models::SkuName::Basic));
    registry.properties = Some(models::RegistryProperties {
        admin_user_enabled: Some(true),
        ..Default::default()
    });
    client::registries::create_request(subscription_id, resource_group, name, &registry)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_a_create_request_from_a_model() {
        let request = create_basic_registry("sub", "my group", "myregistry", "westus").unwrap();
        assert_eq!(request.method(), http::Method::PUT);
        assert_eq!(
            request.uri().to_string(),
            "/subscriptions/sub/resourceGroups/my%20group/providers/Microsoft.ContainerRegistry/registries/myregistry?api-version=2021-08-01-preview"
        );
        let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
        assert_eq!(
            body,
            serde_json::json!({
                "location": "westus",
                "sku": { "name": "Basic" },
                "properties": { "adminUserEnabled": true },
            })
        );
    }

    #[test]
    fn parses_a_reply_into_a_model() {
        let reply = http::Response::builder()
            .status(200)
            .body(
                br#"{"location": "westus", "sku": {"name": "Premium", "tier": "Premium"},
                    "properties": {"loginServer": "myregistry.azurecr.io"}}"#
                    .to_vec(),
            )
            .unwrap();
        let registry = client::registries::parse_get(reply).unwrap();
        assert_eq!(registry.sku.name, models::SkuName::Premium);
        let login = registry.properties.and_then(|p| p.login_server.into_option());
        assert_eq!(login.as_deref(), Some("myregistry.azurecr.io"));
    }

    #[test]
    fn an_undocumented_status_is_an_error_not_a_panic() {
        let reply = http::Response::builder()
            .status(404)
            .body(br#"{"error": {"code": "NotFound", "message": "no such registry"}}"#.to_vec())
            .unwrap();
        match client::registries::parse_get(reply) {
            Err(armgen_runtime::Error::Service(error)) => {
                assert_eq!(error.status, 404);
                let code = error.body.and_then(|b| b.error).map(|e| e.code);
                assert_eq!(code.as_deref(), Some("NotFound"));
            }
            other => panic!("expected the service's error, got {other:?}"),
        }
    }
}
