//! `header.json`: scalars sent as request headers. (The `response*` operations are not
//! driven: the generated client does not return response headers yet, so their replies
//! could not be asserted.)

use super::server::pipeline;
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
