//! `incorrect-error-response.json` and `error-with-secrets.json`: error replies that are
//! no JSON, and error replies full of secrets, which the error's text must not repeat.

use super::server::{pipeline, service_error, within};
use testserver_acceptance::{error_with_secrets, incorrect_error_response};

#[tokio::test]
async fn an_error_body_that_is_no_json() {
    let client = incorrect_error_response::client::Client::with_pipeline(pipeline());
    let error = service_error(within(client.get_incorrect_error_from_server()).await);
    assert_eq!(error.status.as_u16(), 444);
    assert_eq!(error.body, None);
    assert_eq!(error.raw, b"foobar");
}

#[tokio::test]
async fn secrets_stay_out_of_error_messages() {
    const SECRET: &str = "1c88a67921784300a462b2cb61da2339";
    let client = error_with_secrets::client::Client::with_pipeline(pipeline());
    let result = within(client.get_error_with_secrets()).await;
    let text = result.as_ref().unwrap_err().to_string();
    let debug = format!("{result:?}");
    for shown in [&text, &debug] {
        assert!(!shown.contains(SECRET), "{shown}");
        assert!(
            shown.contains("(Unauthorized) The user 'user@contoso.com' is unauthorized."),
            "{shown}"
        );
    }
    // The caller still has the whole body. It is no `ErrorResponse` of the spec (its
    // detail has no `message`, its `innererror` is a string), so it is not typed.
    let error = service_error(result);
    assert_eq!(error.status.as_u16(), 403);
    assert_eq!(
        error.request_id.as_deref(),
        Some("5e123516-834e-4222-9e80-353108d33357")
    );
    assert!(error.body.is_none());
    assert!(String::from_utf8_lossy(&error.raw).contains(SECRET));
}
