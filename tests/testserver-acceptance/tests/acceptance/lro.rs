//! `lro.json`: long-running operations, polled through `Azure-AsyncOperation`,
//! `Location` or the resource's `provisioningState` until they end. The server's polls
//! answer with `Retry-After: 0`, or none (then the pipeline's short poll interval).
//! One test per scenario, each bounded in time. The reply of the poll that ends an
//! operation with `Location` is its result here, but the poller then GETs the original
//! URI of a PUT, which this server does not serve: with the undocumented final 200, a
//! second reason `put202_retry200` and `put_no_header_in_retry` fail.

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
succeeds!(
    #[ignore = "the final reply is 200, which the operation does not document, so its parser refuses it"]
    put202_retry200,
    with_product!(put202_retry200, Put202Retry200Options)
);
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
    #[ignore = "the final reply is 200, which the operation does not document, so its parser refuses it"]
    put_no_header_in_retry,
    with_product!(put_no_header_in_retry, PutNoHeaderInRetryOptions)
);
succeeds!(
    #[ignore = "the final reply is 200, which the operation does not document, so its parser refuses it"]
    put_async_no_header_in_retry,
    with_product!(put_async_no_header_in_retry, PutAsyncNoHeaderInRetryOptions)
);
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

succeeds!(
    delete_provisioning202_accepted200_succeeded,
    client()
        .lr_os()
        .delete_provisioning202_accepted200_succeeded()
);
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
#[ignore = "the final reply is 200, which the operation does not document, so its parser refuses it"]
async fn post202_retry200() {
    within(with_product!(post202_retry200, Post202Retry200Options))
        .await
        .unwrap();
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
succeeds!(
    #[ignore = "the final reply is 200, which the operation does not document, so its parser refuses it"]
    post_double_headers_final_location_get,
    client().lr_os().post_double_headers_final_location_get()
);
succeeds!(
    #[ignore = "the final reply is 200, which the operation does not document, so its parser refuses it"]
    post_double_headers_final_azure_header_get,
    client()
        .lr_os()
        .post_double_headers_final_azure_header_get()
);
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
                .unwrap(),
        );
        within(r.delete_async_relative_retry_succeeded())
            .await
            .unwrap();
    }

    #[tokio::test]
    #[ignore = "the final reply is 200, which the operation does not document, so its parser refuses it"]
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
