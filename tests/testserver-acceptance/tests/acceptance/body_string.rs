//! `body-string.json`: strings (null, empty, whitespace, multi-byte), base64 and
//! base64url text, and enums in JSON bodies. The spec makes the empty, whitespace and
//! multi-byte strings constants (closed enums of one value): requests send the constant,
//! replies are read as strings.

use super::server::pipeline;
use armgen_runtime::{self as rt, Error};
use testserver_acceptance::body_string::client::{string_ops, Client};
use testserver_acceptance::body_string::models::*;

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

#[tokio::test]
async fn null_and_absent() {
    let client = client();
    let string = client.string_ops();
    // `x-nullable`: the server sends no body.
    assert_eq!(string.get_null().await.unwrap(), None);
    assert_eq!(string.get_null_base64_url_encoded().await.unwrap(), None);
    // An optional body left out is no body at all.
    string
        .put_null(string_ops::PutNullOptions::default())
        .await
        .unwrap();
    // No body, and the schema does not allow null.
    let got = string.get_not_provided().await;
    assert!(matches!(got, Err(Error::Decode(_))), "{got:?}");
}

#[tokio::test]
async fn empty_whitespace_and_multi_byte() {
    let client = client();
    let string = client.string_ops();
    // Replies the spec makes constants are read as strings; requests send the constant.
    assert_eq!(string.get_empty().await.unwrap(), "");
    string
        .put_empty(&StringPutEmptyStringBody::Empty)
        .await
        .unwrap();
    let whitespace = string.get_whitespace().await.unwrap();
    assert_eq!(
        whitespace,
        "    Now is the time for all good men to come to the aid of their country    "
    );
    string
        .put_whitespace(&whitespace.parse().unwrap())
        .await
        .unwrap();
    let mbcs = string.get_mbcs().await.unwrap();
    assert_eq!(mbcs, StringPutMbcsStringBody::Value.as_str());
    assert!(mbcs.starts_with("啊齄丂狛狜"));
    string
        .put_mbcs(&StringPutMbcsStringBody::Value)
        .await
        .unwrap();
}

#[tokio::test]
async fn base64_and_base64url() {
    let client = client();
    let string = client.string_ops();
    assert_eq!(
        string.get_base64_encoded().await.unwrap().as_bytes(),
        b"a string that gets encoded with base64"
    );
    let url = string.get_base64_url_encoded().await.unwrap();
    assert_eq!(url.as_bytes(), b"a string that gets encoded with base64url");
    string
        .put_base64_url_encoded(&rt::Base64Url::from(url.as_bytes()))
        .await
        .unwrap();
}

#[tokio::test]
async fn enums() {
    let client = client();
    let enums = client.enum_ops();
    assert_eq!(enums.get_not_expandable().await.unwrap(), Colors::RedColor);
    enums.put_not_expandable(&Colors::RedColor).await.unwrap();
    assert_eq!(enums.get_referenced().await.unwrap(), RefColors::RedColor);
    enums.put_referenced(&RefColors::RedColor).await.unwrap();
    // The required one-value `ColorConstant` is a constant: set from the start, sent
    // without being given, and read as its value from a reply that leaves it out.
    let constant = RefColorConstant::default();
    assert_eq!(constant.color_constant, ColorConstant::GreenColor);
    enums.put_referenced_constant(&constant).await.unwrap();
    let got = enums.get_referenced_constant().await.unwrap();
    assert_eq!(got.color_constant, ColorConstant::GreenColor);
    assert_eq!(got.field1.as_deref(), Some("Sample String"));
}
