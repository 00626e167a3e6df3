//! `url.json`: scalars in path segments and query parameters.

use super::server::pipeline;
use testserver_acceptance::url::client::Client;

/// The server's multi-byte string; written with escapes because five of its characters
/// are CJK compatibility ideographs, which editors may normalize into others.
const UNICODE: &str =
    "\u{554a}\u{9f44}\u{4e02}\u{72db}\u{72dc}\u{f9f1}\u{f92c}\u{f9f1}\u{fa0c}\u{fa29}";

fn client() -> Client {
    Client::with_pipeline(
        pipeline(),
        "globalStringPath".into(),
        "globalStringQuery".into(),
    )
}

#[tokio::test]
async fn scalars_in_paths() {
    let client = client();
    let paths = client.paths();
    paths.get_boolean_true(true).await.unwrap();
    paths.get_boolean_false(false).await.unwrap();
    paths.get_int_one_million(1_000_000).await.unwrap();
    paths
        .get_int_negative_one_million(-1_000_000)
        .await
        .unwrap();
    paths.get_ten_billion(10_000_000_000).await.unwrap();
    paths
        .get_negative_ten_billion(-10_000_000_000)
        .await
        .unwrap();
    paths.double_decimal_positive(9_999_999.999).await.unwrap();
    paths.double_decimal_negative(-9_999_999.999).await.unwrap();
}

#[tokio::test]
async fn strings_in_paths() {
    let client = client();
    let paths = client.paths();
    paths.string_unicode(UNICODE).await.unwrap();
    paths
        .string_url_encoded("begin!*'();:@ &=+$,/?#[]end")
        .await
        .unwrap();
    paths
        .string_url_non_encoded("begin!*'();:@&=+$,end")
        .await
        .unwrap();
    paths.enum_valid("green color").await.unwrap();
}

#[tokio::test]
async fn scalars_in_queries() {
    let client = client();
    let queries = client.queries();
    queries.get_boolean_true(true).await.unwrap();
    queries.get_boolean_false(false).await.unwrap();
    queries.get_int_one_million(1_000_000).await.unwrap();
    queries
        .get_int_negative_one_million(-1_000_000)
        .await
        .unwrap();
    queries.get_ten_billion(10_000_000_000).await.unwrap();
    queries
        .get_negative_ten_billion(-10_000_000_000)
        .await
        .unwrap();
    queries
        .double_decimal_positive(9_999_999.999)
        .await
        .unwrap();
    queries
        .double_decimal_negative(-9_999_999.999)
        .await
        .unwrap();
    queries.string_unicode(UNICODE).await.unwrap();
    queries
        .string_url_encoded("begin!*'();:@ &=+$,/?#[]end")
        .await
        .unwrap();
    queries.string_empty("").await.unwrap();
}
