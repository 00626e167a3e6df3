//! `azure-special-properties.json`: client-held subscription id and api-version, local
//! overrides, `x-ms-skip-url-encoding`, OData query options, client request ids.

use super::server::{custom_pipeline, pipeline, service_error, within};
use armgen_runtime::{StaticToken, CLIENT_REQUEST_ID};
use std::sync::Arc;
use testserver_acceptance::azure_special_properties::client::{
    api_version_local, odata, skip_url_encoding, Client,
};

const SUBSCRIPTION: &str = "1234-5678-9012-3456";
const REQUEST_ID: &str = "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0";

fn client() -> Client {
    Client::with_pipeline(pipeline(), SUBSCRIPTION.into())
}

#[tokio::test]
async fn subscription_ids() {
    // The server refuses these without an `x-ms-client-request-id`: the pipeline sends a
    // new one with each request.
    let client = client();
    let held = client.subscription_in_credentials();
    held.post_method_global_valid().await.unwrap();
    held.post_method_global_not_provided_valid().await.unwrap();
    held.post_path_global_valid().await.unwrap();
    held.post_swagger_global_valid().await.unwrap();
    let local = client.subscription_in_method();
    local.post_method_local_valid(SUBSCRIPTION).await.unwrap();
    local.post_path_local_valid(SUBSCRIPTION).await.unwrap();
    local.post_swagger_local_valid(SUBSCRIPTION).await.unwrap();
}

#[tokio::test]
async fn api_versions() {
    let client = client();
    let held = client.api_version_default();
    held.get_method_global_valid().await.unwrap();
    held.get_method_global_not_provided_valid().await.unwrap();
    held.get_path_global_valid().await.unwrap();
    held.get_swagger_global_valid().await.unwrap();
    let local = client.api_version_local();
    local.get_method_local_valid().await.unwrap();
    local
        .get_method_local_null(api_version_local::GetMethodLocalNullOptions::default())
        .await
        .unwrap();
    local.get_path_local_valid().await.unwrap();
    local.get_swagger_local_valid().await.unwrap();
}

#[tokio::test]
async fn unencoded_paths_and_queries() {
    let client = client();
    let skip = client.skip_url_encoding();
    skip.get_method_path_valid("path1/path2/path3")
        .await
        .unwrap();
    skip.get_path_path_valid("path1/path2/path3").await.unwrap();
    skip.get_swagger_path_valid().await.unwrap();
    skip.get_method_query_null(skip_url_encoding::GetMethodQueryNullOptions::default())
        .await
        .unwrap();
}

#[tokio::test]
async fn odata_query_options() {
    let options = odata::GetWithFilterOptions {
        filter: Some("id gt 5 and name eq 'foo'".into()),
        top: Some(10),
        orderby: Some("id".into()),
    };
    client().odata().get_with_filter(options).await.unwrap();
}

#[tokio::test]
async fn client_request_ids() {
    let client = client();
    client
        .x_ms_client_request_id()
        .param_get(REQUEST_ID)
        .await
        .unwrap();
    let header = client.header();
    header.custom_named_request_id(REQUEST_ID).await.unwrap();
    // The header is the one member of a parameter group.
    let group = testserver_acceptance::azure_special_properties::client::HeaderCustomNamedRequestIdParamGroupingParameters {
        foo_client_request_id: REQUEST_ID.into(),
    };
    header
        .custom_named_request_id_param_grouping(group)
        .await
        .unwrap();
    let head = header
        .custom_named_request_id_head(REQUEST_ID)
        .await
        .unwrap();
    assert!(head.body, "200 of a HEAD documenting 404: it exists");
}

#[tokio::test]
async fn unencoded_queries() {
    // `x-ms-skip-url-encoding`: the value goes into the query as given, `&` and `=` too.
    let client = client();
    let skip = client.skip_url_encoding();
    skip.get_method_query_valid("value1&q2=value2&q3=value3")
        .await
        .unwrap();
    skip.get_path_query_valid("value1&q2=value2&q3=value3")
        .await
        .unwrap();
    skip.get_swagger_query_valid().await.unwrap();
}

#[tokio::test]
async fn a_client_request_id_chosen_for_every_request() {
    let chosen = pipeline()
        .with_header(CLIENT_REQUEST_ID, REQUEST_ID)
        .unwrap();
    let client = Client::with_pipeline(chosen, SUBSCRIPTION.into());
    within(client.x_ms_client_request_id().get()).await.unwrap();
}

#[tokio::test]
async fn no_client_request_id_when_switched_off() {
    let off = custom_pipeline(Arc::new(StaticToken("test".into())), |options| {
        options.client_request_id = false
    });
    let client = Client::with_pipeline(off, SUBSCRIPTION.into());
    within(client.x_ms_client_request_id().get()).await.unwrap();
}

#[tokio::test]
async fn a_fresh_client_request_id_by_default() {
    // The server wants the id it knows: a fresh one is refused, and the error carries the
    // service's own request id.
    let error = service_error(within(client().x_ms_client_request_id().get()).await);
    assert_eq!(error.status.as_u16(), 400);
    assert_eq!(error.request_id.as_deref(), Some("123"));
}
