//! `lro.json`, `LROsCustomHeader_*`: a header the caller chooses (`x-ms-client-request-id`)
//! goes with the first request of a long-running operation and with every poll; the
//! server refuses any request of these operations without it.

use super::server::{pipeline, within};
use armgen_runtime::CLIENT_REQUEST_ID;
use testserver_acceptance::lro::client::{lr_os_custom_header as custom, Client};
use testserver_acceptance::lro::models::Product;

const REQUEST_ID: &str = "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0";

fn client() -> Client {
    Client::with_pipeline(
        pipeline()
            .with_header(CLIENT_REQUEST_ID, REQUEST_ID)
            .unwrap(),
    )
}

fn product() -> Option<Product> {
    let mut value = Product::default();
    value.location = Some("West US".into());
    Some(value)
}

fn assert_succeeded(product: &Product) {
    let state = product
        .properties
        .as_ref()
        .and_then(|p| p.provisioning_state.as_deref());
    assert_eq!(state, Some("Succeeded"), "{product:?}");
    assert_eq!(product.id.as_deref(), Some("100"), "{product:?}");
}

#[tokio::test]
async fn put_async_retry_succeeded() {
    let client = client();
    let options = custom::PutAsyncRetrySucceededOptions { product: product() };
    let product = within(
        client
            .lr_os_custom_header()
            .put_async_retry_succeeded(options),
    )
    .await
    .unwrap();
    assert_succeeded(&product);
}

#[tokio::test]
async fn put201_creating_succeeded200() {
    let client = client();
    let options = custom::Put201CreatingSucceeded200Options { product: product() };
    let product = within(
        client
            .lr_os_custom_header()
            .put201_creating_succeeded200(options),
    )
    .await
    .unwrap();
    assert_succeeded(&product);
}

/// The POSTs document only their 202; the poll that ends them answers 200, the
/// operation's result. A poll without the header would have been a 400.
fn assert_polled_to_the_end(result: testserver_acceptance::lro::client::Result<()>) {
    result.expect("the operation reaches its last poll");
}

#[tokio::test]
async fn post202_retry200() {
    let client = client();
    let options = custom::Post202Retry200Options { product: product() };
    assert_polled_to_the_end(within(client.lr_os_custom_header().post202_retry200(options)).await);
}

#[tokio::test]
async fn post_async_retry_succeeded() {
    let client = client();
    let options = custom::PostAsyncRetrySucceededOptions { product: product() };
    assert_polled_to_the_end(
        within(
            client
                .lr_os_custom_header()
                .post_async_retry_succeeded(options),
        )
        .await,
    );
}

#[tokio::test]
async fn without_the_header_the_server_refuses() {
    let client = Client::with_pipeline(pipeline());
    let options = custom::Post202Retry200Options { product: product() };
    let result = within(client.lr_os_custom_header().post202_retry200(options)).await;
    assert_eq!(super::server::status_of(result), 400);
}
