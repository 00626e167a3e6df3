//! `url.json`: scalars in path segments and query parameters.

use super::server::pipeline;
use armgen_runtime as rt;
use testserver_acceptance::url::client::{path_items, paths, queries, Client};

/// The server's multi-byte string; written with escapes because five of its characters
/// are CJK compatibility ideographs, which editors may normalize into others.
const UNICODE: &str =
    "\u{554a}\u{9f44}\u{4e02}\u{72db}\u{72dc}\u{f9f1}\u{f92c}\u{f9f1}\u{fa0c}\u{fa29}";

/// `value` as the parameter's enum, whose one or more values the spec lists.
fn parse<T: std::str::FromStr>(value: &str) -> T
where
    T::Err: std::fmt::Debug,
{
    value.parse().unwrap()
}

fn client() -> Client {
    client_with_query(Some("globalStringQuery".into()))
}

/// A client whose optional global query parameter is `query`.
fn client_with_query(query: Option<String>) -> Client {
    Client::with_pipeline(pipeline(), "globalStringPath".into(), query)
}

#[tokio::test]
async fn scalars_in_paths() {
    let client = client();
    let paths = client.paths();
    paths.get_boolean_true().await.unwrap();
    paths.get_boolean_false().await.unwrap();
    paths.get_int_one_million().await.unwrap();
    paths.get_int_negative_one_million().await.unwrap();
    paths.get_ten_billion().await.unwrap();
    paths.get_negative_ten_billion().await.unwrap();
    paths.double_decimal_positive().await.unwrap();
    paths.double_decimal_negative().await.unwrap();
}

#[tokio::test]
async fn strings_in_paths() {
    let client = client();
    let paths = client.paths();
    paths.string_unicode().await.unwrap();
    // The string is the spec's constant, every byte of its UTF-8 percent-encoded.
    let encoded: String = UNICODE.bytes().map(|b| format!("%{b:02X}")).collect();
    let request = paths::string_unicode_request().unwrap();
    assert_eq!(
        request.uri().path(),
        format!("/paths/string/unicode/{encoded}")
    );
    paths.string_url_encoded().await.unwrap();
    paths.string_url_non_encoded().await.unwrap();
    paths.enum_valid(&parse("green color")).await.unwrap();
}

#[tokio::test]
async fn scalars_in_queries() {
    let client = client();
    let queries = client.queries();
    queries.get_boolean_true().await.unwrap();
    queries.get_boolean_false().await.unwrap();
    queries.get_int_one_million().await.unwrap();
    queries.get_int_negative_one_million().await.unwrap();
    queries.get_ten_billion().await.unwrap();
    queries.get_negative_ten_billion().await.unwrap();
    queries.double_decimal_positive().await.unwrap();
    queries.double_decimal_negative().await.unwrap();
    queries.string_unicode().await.unwrap();
    queries.string_url_encoded().await.unwrap();
    queries.string_empty().await.unwrap();
}

#[tokio::test]
async fn absent_optional_queries() {
    let client = client();
    let q = client.queries();
    q.get_boolean_null(Default::default()).await.unwrap();
    q.get_int_null(Default::default()).await.unwrap();
    q.get_long_null(Default::default()).await.unwrap();
    q.float_null(Default::default()).await.unwrap();
    q.double_null(Default::default()).await.unwrap();
    q.string_null(Default::default()).await.unwrap();
    q.enum_null(Default::default()).await.unwrap();
    q.byte_null(Default::default()).await.unwrap();
    q.date_null(Default::default()).await.unwrap();
    q.date_time_null(Default::default()).await.unwrap();
    q.array_string_csv_null(Default::default()).await.unwrap();
}

#[tokio::test]
async fn enums_bytes_and_dates_in_queries() {
    let client = client();
    let q = client.queries();
    q.enum_valid(queries::EnumValidOptions {
        enum_query: Some(parse("green color")),
    })
    .await
    .unwrap();
    q.byte_empty().await.unwrap();
    q.byte_multi_byte(queries::ByteMultiByteOptions {
        byte_query: Some(rt::Bytes::from(UNICODE.as_bytes())),
    })
    .await
    .unwrap();
    q.date_valid().await.unwrap();
    q.date_time_valid().await.unwrap();
}

/// The server's array: a null item is sent as an empty string, as on the wire.
fn array() -> Option<Vec<String>> {
    let items = ["ArrayQuery1", "begin!*'();:@ &=+$,/?#[]end", "", ""];
    Some(items.iter().map(|s| s.to_string()).collect())
}

#[tokio::test]
async fn arrays_in_queries() {
    let client = client();
    let q = client.queries();
    q.array_string_csv_valid(queries::ArrayStringCsvValidOptions {
        array_query: array(),
    })
    .await
    .unwrap();
    q.array_string_csv_empty(queries::ArrayStringCsvEmptyOptions {
        array_query: Some(vec![]),
    })
    .await
    .unwrap();
    q.array_string_ssv_valid(queries::ArrayStringSsvValidOptions {
        array_query: array(),
    })
    .await
    .unwrap();
    q.array_string_tsv_valid(queries::ArrayStringTsvValidOptions {
        array_query: array(),
    })
    .await
    .unwrap();
    q.array_string_pipes_valid(queries::ArrayStringPipesValidOptions {
        array_query: array(),
    })
    .await
    .unwrap();
}

#[tokio::test]
async fn path_items_with_globals() {
    let client = client();
    let items = client.path_items();
    items
        .get_all_with_values(
            "pathItemStringPath",
            "localStringPath",
            path_items::GetAllWithValuesOptions {
                path_item_string_query: Some("pathItemStringQuery".into()),
                local_string_query: Some("localStringQuery".into()),
            },
        )
        .await
        .unwrap();
    items
        .get_local_path_item_query_null("pathItemStringPath", "localStringPath", Default::default())
        .await
        .unwrap();
}

#[tokio::test]
async fn path_items_without_the_global_query() {
    // The client holds no global query: the server fails a request that sends one.
    let client = client_with_query(None);
    let items = client.path_items();
    let options = path_items::GetGlobalQueryNullOptions {
        path_item_string_query: Some("pathItemStringQuery".into()),
        local_string_query: Some("localStringQuery".into()),
    };
    items
        .get_global_query_null("pathItemStringPath", "localStringPath", options)
        .await
        .unwrap();
    let options = path_items::GetGlobalAndLocalQueryNullOptions {
        path_item_string_query: Some("pathItemStringQuery".into()),
        local_string_query: None,
    };
    items
        .get_global_and_local_query_null("pathItemStringPath", "localStringPath", options)
        .await
        .unwrap();
}

#[tokio::test]
async fn arrays_without_a_collection_format_are_csv() {
    let client = client();
    let options = queries::ArrayStringNoCollectionFormatEmptyOptions {
        array_query: Some(vec!["hello".into(), "nihao".into(), "bonjour".into()]),
    };
    let queries = client.queries();
    queries
        .array_string_no_collection_format_empty(options)
        .await
        .unwrap();
}

#[tokio::test]
async fn dates_bytes_and_arrays_in_paths() {
    let client = client();
    let paths = client.paths();
    paths.date_valid().await.unwrap();
    paths.date_time_valid().await.unwrap();
    paths
        .byte_multi_byte(&rt::Bytes::from(UNICODE.as_bytes()))
        .await
        .unwrap();
    paths
        .unix_time_url(rt::UnixTime::from_seconds(1_460_505_600).unwrap())
        .await
        .unwrap();
    // Empty values leave the segment empty: `/paths/string/empty/`.
    paths.string_empty().await.unwrap();
    paths.byte_empty().await.unwrap();
    let request = paths::string_empty_request().unwrap();
    assert_eq!(request.uri().path(), "/paths/string/empty/");
    // `lorem`, unpadded in the URL-safe alphabet: `bG9yZW0`.
    paths
        .base64_url(&rt::Base64Url::from(b"lorem".as_slice()))
        .await
        .unwrap();
    let array: Vec<String> = ["ArrayPath1", "begin!*'();:@ &=+$,/?#[]end", "", ""]
        .iter()
        .map(|s| s.to_string())
        .collect();
    paths.array_csv_in_path(&array).await.unwrap();
}

#[tokio::test]
async fn floats_in_scientific_notation() {
    let client = client();
    client.paths().float_scientific_positive().await.unwrap();
    client.paths().float_scientific_negative().await.unwrap();
    client.queries().float_scientific_positive().await.unwrap();
    client.queries().float_scientific_negative().await.unwrap();
}
