//! `x-ms-parameterized-host`: clients whose endpoint is a template filled in from the
//! client's parameters and the call's (`custom-baseUrl*.json`,
//! `parameterized-endpoint.json`, `lro-parameterized-endpoints.json`). Each pipeline's
//! own endpoint is a closed port, so only a request sent where the template says
//! reaches the server.

use super::server::{endpoint, host_parameter, pipeline_to_nowhere, within};
use armgen_runtime::Pager;
use testserver_acceptance::{
    custom_base_url, custom_base_url_more_options, custom_base_url_paging,
    lro_parameterized_endpoints, parameterized_endpoint,
};

#[tokio::test]
async fn account_and_host() {
    // `http://{accountName}{host}`: `local` and `host:<port>` make `http://localhost:<port>`.
    let client =
        custom_base_url::client::Client::with_pipeline(pipeline_to_nowhere(), host_parameter());
    client.paths().get_empty("local").await.unwrap();
}

#[tokio::test]
async fn more_options_without_a_scheme_prefix() {
    // `{vault}{secret}{dnsSuffix}`, no scheme prefix: the vault carries it.
    use custom_base_url_more_options::client::{paths, Client};
    let client = Client::with_pipeline(pipeline_to_nowhere(), "test12".into(), host_parameter());
    let options = paths::GetEmptyOptions {
        key_version: Some("v1".into()),
    };
    client
        .paths()
        .get_empty("key1", "http://lo", "cal", options)
        .await
        .unwrap();
}

#[tokio::test]
async fn the_whole_endpoint_as_a_parameter() {
    use parameterized_endpoint::client::Client;
    let client = Client::with_pipeline(pipeline_to_nowhere(), endpoint().to_owned());
    client.get().await.unwrap();
}

#[tokio::test]
async fn polls_resolve_against_the_parameterized_endpoint() {
    // The server's `Location`s are relative: they go to the template's endpoint too.
    use lro_parameterized_endpoints::client::Client;
    let client = Client::with_pipeline(pipeline_to_nowhere(), host_parameter());
    let result = within(client.poll_with_parameterized_endpoints("local")).await;
    assert_eq!(result.unwrap().as_deref(), Some("success"));
    let result = within(
        // The host's one-value enum is a constant: no argument.
        client.poll_with_constant_parameterized_endpoints("local"),
    )
    .await;
    assert_eq!(result.unwrap().as_deref(), Some("success"));
}

#[tokio::test]
async fn next_links_resolve_against_the_parameterized_endpoint() {
    // The second page's link is a path alone.
    use custom_base_url_paging::client::{Client, ErrorBody};
    use custom_base_url_paging::models::Product;
    let client = Client::with_pipeline(pipeline_to_nowhere(), host_parameter());
    let mut pager: Pager<Product, ErrorBody> = client.paging().get_pages_partial_url("local");
    let mut ids = Vec::new();
    while let Some(page) = within(pager.next_page()).await {
        ids.extend(
            page.unwrap()
                .items
                .iter()
                .map(|p| p.properties.as_ref().and_then(|p| p.id)),
        );
    }
    assert_eq!(ids, [Some(1), Some(2)]);
}

#[tokio::test]
async fn partial_links_through_the_next_operation() {
    // `operationName`: the link (`partialnextlinkop/page/2`) fills the next operation's
    // path, under the parameterized endpoint.
    use custom_base_url_paging::client::{Client, ErrorBody};
    use custom_base_url_paging::models::Product;
    let client = Client::with_pipeline(pipeline_to_nowhere(), host_parameter());
    let mut pager: Pager<Product, ErrorBody> =
        client.paging().get_pages_partial_url_operation("local");
    let mut ids = Vec::new();
    while let Some(page) = within(pager.next_page()).await {
        ids.extend(
            page.unwrap()
                .items
                .iter()
                .map(|p| p.properties.as_ref().and_then(|p| p.id)),
        );
    }
    assert_eq!(ids, [Some(1), Some(2)]);
}
