//! `lro.json`: long-running operations, polled through `Azure-AsyncOperation`,
//! `Location` or the resource's `provisioningState` until they end. The server's polls
//! answer with `Retry-After: 0`, or none (then the pipeline's short poll interval).
//! One test per scenario, each bounded in time. The reply that ends an operation often
//! has a status the spec does not document (a `200` after a documented `202`): it is
//! the operation's result all the same, as AutoRest reads it.

use super::server::{pipeline, within};
use armgen_runtime::Error;
use testserver_acceptance::lro::client::{self, lr_os, Client};
use testserver_acceptance::lro::models::Product;

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

/// The product the server returns once an operation succeeded.
fn assert_succeeded(product: &Product) {
    let state = product
        .properties
        .as_ref()
        .and_then(|p| p.provisioning_state.as_deref());
    assert_eq!(state, Some("Succeeded"), "{product:?}");
    assert_eq!(product.id.as_deref(), Some("100"), "{product:?}");
    assert_eq!(product.name.as_deref(), Some("foo"), "{product:?}");
}

fn product() -> Option<Product> {
    Some({
        let mut value = Product::default();
        value.location = Some("West US".into());
        value
    })
}

/// The error of an operation that ended in `state`.
fn assert_ended_in<T: std::fmt::Debug>(result: client::Result<T>, state: &str) {
    match result {
        Err(Error::OperationFailed { status, .. }) => assert_eq!(status, state),
        other => panic!("expected an operation that ended {state}, got {other:?}"),
    }
}

/// `with_product!(method, Options)`: an operation whose options carry the product.
macro_rules! with_product {
    ($method:ident, $options:ident) => {
        client()
            .lr_os()
            .$method(lr_os::$options { product: product() })
    };
}

/// A scenario whose operation succeeds with the product.
macro_rules! succeeds {
    ($(#[$attr:meta])* $test:ident, $call:expr) => {
        #[tokio::test]
        $(#[$attr])*
        async fn $test() {
            let result = within($call).await.unwrap();
            assert_succeeded(std::borrow::Borrow::borrow(&result));
        }
    };
}

/// A scenario whose operation ends in a state other than `Succeeded`.
macro_rules! ends_in {
    ($test:ident, $call:expr, $state:literal) => {
        #[tokio::test]
        async fn $test() {
            assert_ended_in(within($call).await, $state);
        }
    };
}

succeeds!(put200_succeeded, async {
    with_product!(put200_succeeded, Put200SucceededOptions)
        .await
        .map(Option::unwrap)
});
succeeds!(
    put201_succeeded,
    with_product!(put201_succeeded, Put201SucceededOptions)
);
#[tokio::test]
async fn put202_retry200() {
    // The last poll of `Location` is the result; it has no state.
    let product = within(with_product!(put202_retry200, Put202Retry200Options)).await;
    let product = product.unwrap();
    assert_eq!(
        (product.id.as_deref(), product.name.as_deref()),
        (Some("100"), Some("foo"))
    );
}
succeeds!(
    put201_creating_succeeded200,
    with_product!(
        put201_creating_succeeded200,
        Put201CreatingSucceeded200Options
    )
);
succeeds!(
    put200_updating_succeeded204,
    with_product!(
        put200_updating_succeeded204,
        Put200UpdatingSucceeded204Options
    )
);
succeeds!(
    put_async_retry_succeeded,
    with_product!(put_async_retry_succeeded, PutAsyncRetrySucceededOptions)
);
succeeds!(
    put_async_no_retry_succeeded,
    with_product!(
        put_async_no_retry_succeeded,
        PutAsyncNoRetrySucceededOptions
    )
);
succeeds!(
    put_no_header_in_retry,
    with_product!(put_no_header_in_retry, PutNoHeaderInRetryOptions)
);
succeeds!(
    put_async_no_header_in_retry,
    with_product!(put_async_no_header_in_retry, PutAsyncNoHeaderInRetryOptions)
);
#[tokio::test]
async fn patch200_succeeded_ignore_headers() {
    // 200 with `Succeeded`: done, though an `Azure-AsyncOperation` came with it (the
    // server fails a poll of it).
    let client = client();
    let options = lr_os::Patch200SucceededIgnoreHeadersOptions { product: product() };
    let lro = client.lr_os();
    assert_succeeded(
        &within(lro.patch200_succeeded_ignore_headers(options))
            .await
            .unwrap(),
    );
}

#[tokio::test]
async fn put200_succeeded_no_state() {
    // A resource without a state is taken as settled: the first reply is the result.
    let client = client();
    let lro = client.lr_os();
    let options = lr_os::Put200SucceededNoStateOptions { product: product() };
    let product = within(lro.put200_succeeded_no_state(options))
        .await
        .unwrap();
    assert_eq!(product.id.as_deref(), Some("100"));
    assert_eq!(product.properties, None);
}

#[tokio::test]
async fn patches_polled_to_the_resource() {
    // After the status monitor, a PATCH's result is the resource, read again: its id is
    // the resource's path, which the first reply (`Accepted`) also had, so the state
    // tells the final read apart.
    let client = client();
    let lro = client.lr_os();
    let options = lr_os::Patch201RetryWithAsyncHeaderOptions { product: product() };
    let patched = within(lro.patch201_retry_with_async_header(options)).await;
    assert_succeeded_at(&patched.unwrap(), "/lro/patch/201/retry/onlyAsyncHeader");
    let options = lr_os::Patch202RetryWithAsyncAndLocationHeaderOptions { product: product() };
    let patched = within(lro.patch202_retry_with_async_and_location_header(options)).await;
    assert_succeeded_at(
        &patched.unwrap(),
        "/lro/patch/202/retry/asyncAndLocationHeader",
    );
}

fn assert_succeeded_at(product: &Product, id: &str) {
    let state = product
        .properties
        .as_ref()
        .and_then(|p| p.provisioning_state.as_deref());
    assert_eq!(
        (state, product.id.as_deref()),
        (Some("Succeeded"), Some(id))
    );
}

#[tokio::test]
async fn puts_of_sub_resources_and_non_resources() {
    let client = client();
    let lro = client.lr_os();
    for result in [
        within(lro.put_sub_resource(lr_os::PutSubResourceOptions::default())).await,
        within(lro.put_async_sub_resource(lr_os::PutAsyncSubResourceOptions::default())).await,
    ] {
        let sub = result.unwrap();
        let state = sub.properties.and_then(|p| p.provisioning_state);
        assert_eq!(
            (state.as_deref(), sub.id.as_deref()),
            (Some("Succeeded"), Some("100"))
        );
    }
    for result in [
        within(lro.put_non_resource(lr_os::PutNonResourceOptions::default())).await,
        within(lro.put_async_non_resource(lr_os::PutAsyncNonResourceOptions::default())).await,
    ] {
        let sku = result.unwrap();
        assert_eq!(
            (sku.id.as_deref(), sku.name.as_deref()),
            (Some("100"), Some("sku"))
        );
    }
}

ends_in!(
    put201_creating_failed200,
    with_product!(put201_creating_failed200, Put201CreatingFailed200Options),
    "Failed"
);
ends_in!(
    put200_acceptedcanceled200,
    with_product!(put200_acceptedcanceled200, Put200Acceptedcanceled200Options),
    "Canceled"
);
ends_in!(
    put_async_retry_failed,
    with_product!(put_async_retry_failed, PutAsyncRetryFailedOptions),
    "Failed"
);
ends_in!(
    put_async_no_retrycanceled,
    with_product!(put_async_no_retrycanceled, PutAsyncNoRetrycanceledOptions),
    "Canceled"
);

#[tokio::test]
async fn delete204_succeeded() {
    within(client().lr_os().delete204_succeeded())
        .await
        .unwrap();
}

#[tokio::test]
async fn deletes_polled_to_200_and_204() {
    // `Location` ends with a 200 or a 204, both without a body.
    let client = client();
    let lro = client.lr_os();
    assert_eq!(within(lro.delete202_retry200()).await.unwrap(), None);
    assert_eq!(within(lro.delete202_no_retry204()).await.unwrap(), None);
}

#[tokio::test]
async fn deletes_that_end_failed_or_canceled() {
    // Polled through `Location`, whose status says the operation ended; the state in the
    // last reply is the caller's to read, as AutoRest's runtimes return it.
    let client = client();
    let lro = client.lr_os();
    for (result, state) in [
        (
            within(lro.delete_provisioning202_deleting_failed200()).await,
            "Failed",
        ),
        (
            within(lro.delete_provisioning202_deletingcanceled200()).await,
            "Canceled",
        ),
    ] {
        let product = result.unwrap().unwrap();
        let properties = product.properties.unwrap();
        assert_eq!(properties.provisioning_state.as_deref(), Some(state));
    }
}

#[tokio::test]
async fn delete_no_header_in_retry() {
    within(client().lr_os().delete_no_header_in_retry())
        .await
        .unwrap();
}

#[tokio::test]
async fn delete_async_no_header_in_retry() {
    within(client().lr_os().delete_async_no_header_in_retry())
        .await
        .unwrap();
}

#[tokio::test]
async fn delete_async_retry_succeeded() {
    within(client().lr_os().delete_async_retry_succeeded())
        .await
        .unwrap();
}

#[tokio::test]
async fn delete_async_no_retry_succeeded() {
    within(client().lr_os().delete_async_no_retry_succeeded())
        .await
        .unwrap();
}

succeeds!(delete_provisioning202_accepted200_succeeded, async {
    client()
        .lr_os()
        .delete_provisioning202_accepted200_succeeded()
        .await
        .map(Option::unwrap)
});
ends_in!(
    delete_async_retry_failed,
    client().lr_os().delete_async_retry_failed(),
    "Failed"
);
ends_in!(
    delete_async_retrycanceled,
    client().lr_os().delete_async_retrycanceled(),
    "Canceled"
);

#[tokio::test]
async fn post202_retry200() {
    // The operation documents no body, so the final product is not read.
    within(with_product!(post202_retry200, Post202Retry200Options))
        .await
        .unwrap();
}

#[tokio::test]
async fn post202_no_retry204() {
    // The `Location` ends with a 204: no result, though the first reply documents one.
    let result = within(with_product!(post202_no_retry204, Post202NoRetry204Options)).await;
    assert_eq!(result.unwrap(), None);
}

#[tokio::test]
async fn post200_with_payload() {
    let sku = within(client().lr_os().post200_with_payload()).await;
    let sku = sku.unwrap().unwrap();
    assert_eq!(
        (sku.id.as_deref(), sku.name.as_deref()),
        (Some("1"), Some("product"))
    );
}

#[tokio::test]
async fn post202_list() {
    // The status monitor, then the `Location`, which has the list.
    let products = within(client().lr_os().post202_list()).await;
    let products = products.unwrap().unwrap();
    let ids: Vec<_> = products
        .iter()
        .map(|p| (p.id.as_deref(), p.name.as_deref()))
        .collect();
    assert_eq!(ids, [(Some("100"), Some("foo"))]);
}

succeeds!(post_async_retry_succeeded, async {
    with_product!(post_async_retry_succeeded, PostAsyncRetrySucceededOptions)
        .await
        .map(Option::unwrap)
});
succeeds!(post_async_no_retry_succeeded, async {
    with_product!(
        post_async_no_retry_succeeded,
        PostAsyncNoRetrySucceededOptions
    )
    .await
    .map(Option::unwrap)
});
/// The product id of a POST's result, which the final GET or status carries.
fn id_of(result: client::Result<Option<Product>>) -> Option<String> {
    result.unwrap().and_then(|product| product.id.into_option())
}

#[tokio::test]
async fn post_double_headers_final_location_get() {
    // `final-state-via: location`: the status monitor is polled, then the `Location`
    // read, which alone has the product (the monitor has only a status).
    let result = within(client().lr_os().post_double_headers_final_location_get()).await;
    let product = result.unwrap().unwrap();
    assert_eq!(product.id.as_deref(), Some("100"));
    assert_eq!(product.name.as_deref(), Some("foo"));
}

#[tokio::test]
async fn post_double_headers_final_azure_header_get() {
    // `final-state-via: azure-async-operation`: the status monitor is the result (the
    // server fails a read of the `Location`).
    let client = client();
    let lro = client.lr_os();
    let result = within(lro.post_double_headers_final_azure_header_get()).await;
    assert_eq!(id_of(result).as_deref(), Some("100"));
}

#[tokio::test]
async fn post_double_headers_final_azure_header_get_default() {
    // No `final-state-via`: a POST's result is at its `Location`, read after the monitor
    // says it succeeded (the monitor has no id).
    let client = client();
    let lro = client.lr_os();
    let result = within(lro.post_double_headers_final_azure_header_get_default()).await;
    assert_eq!(id_of(result).as_deref(), Some("100"));
}
ends_in!(
    post_async_retry_failed,
    with_product!(post_async_retry_failed, PostAsyncRetryFailedOptions),
    "Failed"
);
ends_in!(
    post_async_retrycanceled,
    with_product!(post_async_retrycanceled, PostAsyncRetrycanceledOptions),
    "Canceled"
);

/// `LRORetrys_*`: the first request fails with a 500 and succeeds when retried.
mod retried {
    use super::super::server::{pipeline_with_retries, within};
    use super::{assert_succeeded, product};
    use testserver_acceptance::lro::client::{lro_retrys, Client};

    fn client() -> Client {
        Client::with_pipeline(pipeline_with_retries())
    }

    #[tokio::test]
    async fn puts() {
        let client = client();
        let r = client.lro_retrys();
        let options = lro_retrys::Put201CreatingSucceeded200Options { product: product() };
        assert_succeeded(
            &within(r.put201_creating_succeeded200(options))
                .await
                .unwrap(),
        );
        let options = lro_retrys::PutAsyncRelativeRetrySucceededOptions { product: product() };
        assert_succeeded(
            &within(r.put_async_relative_retry_succeeded(options))
                .await
                .unwrap(),
        );
    }

    #[tokio::test]
    async fn deletes() {
        let client = client();
        let r = client.lro_retrys();
        assert_succeeded(
            &within(r.delete_provisioning202_accepted200_succeeded())
                .await
                .unwrap()
                .unwrap(),
        );
        within(r.delete_async_relative_retry_succeeded())
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn polled_to_an_undocumented_200() {
        let client = client();
        let r = client.lro_retrys();
        within(r.delete202_retry200()).await.unwrap();
        let options = lro_retrys::Post202Retry200Options { product: product() };
        within(r.post202_retry200(options)).await.unwrap();
        let options = lro_retrys::PostAsyncRelativeRetrySucceededOptions { product: product() };
        within(r.post_async_relative_retry_succeeded(options))
            .await
            .unwrap();
    }
}

/// `LROSADs_*`: operations that go wrong (a 400, a missing or invalid header, invalid
/// JSON, no status) must end in an error, never in a result or a hang.
mod sad {
    use super::super::server::{pipeline, within};
    use super::product;
    use testserver_acceptance::lro::client::{lrosa_ds, Client};

    fn client() -> Client {
        Client::with_pipeline(pipeline())
    }

    /// `with!(Options)`: the options carrying the product.
    macro_rules! with {
        ($options:ident) => {
            lrosa_ds::$options { product: product() }
        };
    }

    fn assert_err<T: std::fmt::Debug>(result: testserver_acceptance::lro::client::Result<T>) {
        assert!(result.is_err(), "{result:?}");
    }

    #[tokio::test]
    async fn puts() {
        let client = client();
        let s = client.lrosa_ds();
        assert_err(within(s.put_non_retry400(with!(PutNonRetry400Options))).await);
        assert_err(
            within(s.put_non_retry201_creating400(with!(PutNonRetry201Creating400Options))).await,
        );
        assert_err(
            within(s.put_non_retry201_creating400_invalid_json(with!(
                PutNonRetry201Creating400InvalidJsonOptions
            )))
            .await,
        );
        assert_err(
            within(s.put_async_relative_retry400(with!(PutAsyncRelativeRetry400Options))).await,
        );
        assert_err(
            within(s.put_error201_no_provisioning_state_payload(with!(
                PutError201NoProvisioningStatePayloadOptions
            )))
            .await,
        );
        assert_err(
            within(
                s.put_async_relative_retry_no_status(with!(PutAsyncRelativeRetryNoStatusOptions)),
            )
            .await,
        );
        assert_err(
            within(s.put_async_relative_retry_no_status_payload(with!(
                PutAsyncRelativeRetryNoStatusPayloadOptions
            )))
            .await,
        );
        assert_err(within(s.put200_invalid_json(with!(Put200InvalidJsonOptions))).await);
        assert_err(
            within(s.put_async_relative_retry_invalid_header(with!(
                PutAsyncRelativeRetryInvalidHeaderOptions
            )))
            .await,
        );
        assert_err(
            within(s.put_async_relative_retry_invalid_json_polling(with!(
                PutAsyncRelativeRetryInvalidJsonPollingOptions
            )))
            .await,
        );
    }

    #[tokio::test]
    async fn deletes() {
        let client = client();
        let s = client.lrosa_ds();
        assert_err(within(s.delete_non_retry400()).await);
        assert_err(within(s.delete202_non_retry400()).await);
        assert_err(within(s.delete_async_relative_retry400()).await);
        assert_err(within(s.delete_async_relative_retry_no_status()).await);
        assert_err(within(s.delete202_retry_invalid_header()).await);
        assert_err(within(s.delete_async_relative_retry_invalid_header()).await);
        assert_err(within(s.delete_async_relative_retry_invalid_json_polling()).await);
        within(s.delete204_succeeded()).await.unwrap();
    }

    #[tokio::test]
    async fn posts() {
        let client = client();
        let s = client.lrosa_ds();
        assert_err(within(s.post_non_retry400(with!(PostNonRetry400Options))).await);
        assert_err(within(s.post202_non_retry400(with!(Post202NonRetry400Options))).await);
        // A 202 without a header to poll: nothing more to wait for.
        within(s.post202_no_location(with!(Post202NoLocationOptions)))
            .await
            .unwrap();
        assert_err(
            within(s.post_async_relative_retry400(with!(PostAsyncRelativeRetry400Options))).await,
        );
        assert_err(
            within(s.post_async_relative_retry_no_payload(with!(
                PostAsyncRelativeRetryNoPayloadOptions
            )))
            .await,
        );
        assert_err(
            within(s.post202_retry_invalid_header(with!(Post202RetryInvalidHeaderOptions))).await,
        );
        assert_err(
            within(s.post_async_relative_retry_invalid_header(with!(
                PostAsyncRelativeRetryInvalidHeaderOptions
            )))
            .await,
        );
        assert_err(
            within(s.post_async_relative_retry_invalid_json_polling(with!(
                PostAsyncRelativeRetryInvalidJsonPollingOptions
            )))
            .await,
        );
    }
}
