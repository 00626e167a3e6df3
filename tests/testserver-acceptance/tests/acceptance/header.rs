//! `header.json`: scalars sent as request headers, and response headers returned typed
//! to the caller.

use super::server::{pipeline, within};
use testserver_acceptance::header::client::{header, Client};
use testserver_acceptance::header::models::GreyscaleColors;

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

#[tokio::test]
async fn keys_the_transport_also_sets() {
    let client = client();
    let header = client.header();
    header.param_existing_key("overwrite").await.unwrap();
    header.param_protected_key("text/html").await.unwrap();
}

#[tokio::test]
async fn numbers_and_booleans() {
    let client = client();
    let header = client.header();
    header.param_integer("positive", 1).await.unwrap();
    header.param_integer("negative", -2).await.unwrap();
    header.param_long("positive", 105).await.unwrap();
    header.param_long("negative", -2).await.unwrap();
    header.param_float("positive", 0.07).await.unwrap();
    header.param_float("negative", -3.0).await.unwrap();
    header.param_double("positive", 7e120).await.unwrap();
    header.param_double("negative", -3.0).await.unwrap();
    header.param_bool("true", true).await.unwrap();
    header.param_bool("false", false).await.unwrap();
}

#[tokio::test]
async fn strings_and_enums() {
    let client = client();
    let header = client.header();
    let string = |value: Option<&str>| header::ParamStringOptions {
        value_2: value.map(String::from),
    };
    header
        .param_string(
            "valid",
            string(Some("The quick brown fox jumps over the lazy dog")),
        )
        .await
        .unwrap();
    header.param_string("null", string(None)).await.unwrap();
    header
        .param_string("empty", string(Some("")))
        .await
        .unwrap();
    let grey = header::ParamEnumOptions {
        value_2: Some(GreyscaleColors::Grey),
    };
    header.param_enum("valid", grey).await.unwrap();
    header
        .param_enum("null", header::ParamEnumOptions { value_2: None })
        .await
        .unwrap();
}

#[tokio::test]
async fn dates_durations_and_bytes() {
    let client = client();
    let header = client.header();
    header
        .param_date("valid", &"2010-01-01".parse().unwrap())
        .await
        .unwrap();
    header
        .param_date("min", &"0001-01-01".parse().unwrap())
        .await
        .unwrap();
    header
        .param_datetime("valid", &"2010-01-01T12:34:56Z".parse().unwrap())
        .await
        .unwrap();
    header
        .param_datetime("min", &"0001-01-01T00:00:00Z".parse().unwrap())
        .await
        .unwrap();
    let rfc1123 = |value: &str| header::ParamDatetimeRfc1123Options {
        value_2: Some(value.parse().unwrap()),
    };
    header
        .param_datetime_rfc1123("valid", rfc1123("Fri, 01 Jan 2010 12:34:56 GMT"))
        .await
        .unwrap();
    header
        .param_datetime_rfc1123("min", rfc1123("Mon, 01 Jan 0001 00:00:00 GMT"))
        .await
        .unwrap();
    header
        .param_duration("valid", &"P123DT22H14M12.011S".parse().unwrap())
        .await
        .unwrap();
    header
        .param_byte(
            "valid",
            &"5ZWK6b2E5LiC54ub54uc76ex76Ss76ex76iM76ip".parse().unwrap(),
        )
        .await
        .unwrap();
}

#[tokio::test]
async fn keys_the_transport_also_reads() {
    let client = client();
    let header = client.header();
    let existing = within(header.response_existing_key()).await.unwrap();
    assert_eq!(existing.user_agent.as_deref(), Some("overwrite"));
    let protected = within(header.response_protected_key()).await.unwrap();
    assert_eq!(
        protected.content_type.as_deref(),
        Some("text/html; charset=utf-8")
    );
}

#[tokio::test]
async fn numbers_and_booleans_in_replies() {
    let client = client();
    let header = client.header();
    let integer = |scenario| within(header.response_integer(scenario));
    assert_eq!(integer("positive").await.unwrap().value, Some(1));
    assert_eq!(integer("negative").await.unwrap().value, Some(-2));
    let long = |scenario| within(header.response_long(scenario));
    assert_eq!(long("positive").await.unwrap().value, Some(105));
    assert_eq!(long("negative").await.unwrap().value, Some(-2));
    let float = |scenario| within(header.response_float(scenario));
    assert_eq!(float("positive").await.unwrap().value, Some(0.07));
    assert_eq!(float("negative").await.unwrap().value, Some(-3.0));
    let double = |scenario| within(header.response_double(scenario));
    assert_eq!(double("positive").await.unwrap().value, Some(7e120));
    assert_eq!(double("negative").await.unwrap().value, Some(-3.0));
    let boolean = |scenario| within(header.response_bool(scenario));
    assert_eq!(boolean("true").await.unwrap().value, Some(true));
    assert_eq!(boolean("false").await.unwrap().value, Some(false));
}

#[tokio::test]
async fn strings_and_enums_in_replies() {
    let client = client();
    let header = client.header();
    let string = |scenario| within(header.response_string(scenario));
    assert_eq!(
        string("valid").await.unwrap().value.as_deref(),
        Some("The quick brown fox jumps over the lazy dog")
    );
    // The server writes JavaScript's null as the text `null`, which a string header keeps
    // (as AutoRest's clients do).
    assert_eq!(string("null").await.unwrap().value.as_deref(), Some("null"));
    assert_eq!(string("empty").await.unwrap().value.as_deref(), Some(""));
    let colour = |scenario| within(header.response_enum(scenario));
    assert_eq!(
        colour("valid").await.unwrap().value,
        Some(GreyscaleColors::Grey)
    );
    // An empty value of a type that cannot be empty is no value.
    assert_eq!(colour("null").await.unwrap().value, None);
}

#[tokio::test]
async fn dates_durations_and_bytes_in_replies() {
    let client = client();
    let header = client.header();
    let date = |scenario| within(header.response_date(scenario));
    assert_eq!(
        date("valid").await.unwrap().value.unwrap().to_string(),
        "2010-01-01"
    );
    assert_eq!(
        date("min").await.unwrap().value.unwrap().to_string(),
        "0001-01-01"
    );
    let datetime = |scenario| within(header.response_datetime(scenario));
    assert_eq!(
        datetime("valid").await.unwrap().value,
        Some("2010-01-01T12:34:56Z".parse().unwrap())
    );
    assert_eq!(
        datetime("min").await.unwrap().value,
        Some("0001-01-01T00:00:00Z".parse().unwrap())
    );
    let rfc1123 = |scenario| within(header.response_datetime_rfc1123(scenario));
    assert_eq!(
        rfc1123("valid").await.unwrap().value.unwrap().to_string(),
        "Fri, 01 Jan 2010 12:34:56 GMT"
    );
    assert_eq!(
        rfc1123("min").await.unwrap().value.unwrap().to_string(),
        "Mon, 01 Jan 0001 00:00:00 GMT"
    );
    let duration = within(header.response_duration("valid")).await.unwrap();
    assert_eq!(duration.value.unwrap().to_string(), "P123DT22H14M12.011S");
    let bytes = within(header.response_byte("valid")).await.unwrap();
    assert_eq!(
        bytes.value.as_ref().map(|bytes| bytes.as_str()),
        Some("5ZWK6b2E5LiC54ub54uc76ex76Ss76ex76iM76ip")
    );
}

#[tokio::test]
async fn a_header_not_of_its_type_is_a_decode_error() {
    // `response_integer` reads `value` as an i32: the long scenario's reply fits, but the
    // bool scenario's `true` is no integer. Driven through the parser on a reply built
    // from the server's, since no operation of the server answers so.
    let mut reply = armgen_runtime::Response::new(Vec::new());
    reply
        .headers_mut()
        .insert("value", http::HeaderValue::from_static("true"));
    match header::parse_response_integer(reply) {
        Err(armgen_runtime::Error::Decode(error)) => {
            assert!(error.message.contains("`value`"), "{}", error.message)
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_header_the_spec_does_not_declare() {
    // The server wants this client request id; the operation declares no parameter for
    // it, so the caller sets it on the pipeline.
    let id = "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0";
    let chosen = pipeline()
        .with_header(armgen_runtime::CLIENT_REQUEST_ID, id)
        .unwrap();
    let chosen = Client::with_pipeline(chosen);
    within(chosen.header().custom_request_id()).await.unwrap();
    // A fresh id of the pipeline's own is refused.
    let result = within(client().header().custom_request_id()).await;
    assert_eq!(super::server::status_of(result), 400);
}
