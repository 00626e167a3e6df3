//! `body-array.json`: arrays of every primitive, of models, of arrays and of
//! dictionaries, in JSON bodies. Typed formats (uuid, date, date-time, byte, duration)
//! are compared as values parsed from the server's text; items the spec makes
//! `x-nullable` are `Option`s.

use super::server::pipeline;
use armgen_runtime::{self as rt, Error};
use std::collections::BTreeMap;
use std::time::Duration;
use testserver_acceptance::body_array::client::Client;
use testserver_acceptance::body_array::models::Product;
use time::macros::datetime;

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

/// Each item parsed as `T` (an enum or a timestamp), as the caller would build them.
fn parsed<T: std::str::FromStr>(items: &[&str]) -> Vec<T>
where
    T::Err: std::fmt::Debug,
{
    items.iter().map(|s| s.parse().unwrap()).collect()
}

/// Each item's wire text, to compare with the server's text.
fn texts<T: std::fmt::Display>(items: Vec<T>) -> Vec<String> {
    items.iter().map(|item| item.to_string()).collect()
}

/// Each result must be a decode error: a reply whose items do not fit the item type.
fn all_decode_errors<T: std::fmt::Debug>(
    results: Vec<Result<T, testserver_acceptance::body_array::client::Error>>,
) {
    for result in results {
        assert!(matches!(result, Err(Error::Decode(_))), "{result:?}");
    }
}

#[tokio::test]
async fn empty_and_invalid() {
    let client = client();
    let array = client.array();
    assert_eq!(array.get_empty().await.unwrap(), Vec::<i64>::new());
    array.put_empty(&[]).await.unwrap();
    all_decode_errors(vec![array.get_invalid().await]);
}

#[tokio::test]
async fn booleans_and_integers() {
    let client = client();
    let array = client.array();
    let tfft = vec![true, false, false, true];
    assert_eq!(array.get_boolean_tfft().await.unwrap(), tfft);
    array.put_boolean_tfft(&tfft).await.unwrap();
    assert_eq!(array.get_integer_valid().await.unwrap(), [1, -1, 3, 300]);
    array.put_integer_valid(&[1, -1, 3, 300]).await.unwrap();
    assert_eq!(array.get_long_valid().await.unwrap(), [1, -1, 3, 300]);
    array.put_long_valid(&[1, -1, 3, 300]).await.unwrap();
    all_decode_errors(vec![
        array.get_boolean_invalid_null().await.map(|_| ()),
        array.get_boolean_invalid_string().await.map(|_| ()),
        array.get_int_invalid_null().await.map(|_| ()),
        array.get_int_invalid_string().await.map(|_| ()),
        array.get_long_invalid_null().await.map(|_| ()),
        array.get_long_invalid_string().await.map(|_| ()),
    ]);
}

#[tokio::test]
async fn floats_and_doubles() {
    let client = client();
    let array = client.array();
    assert_eq!(
        array.get_float_valid().await.unwrap(),
        [0.0, -0.01, -1.2e20]
    );
    array.put_float_valid(&[0.0, -0.01, -1.2e20]).await.unwrap();
    assert_eq!(
        array.get_double_valid().await.unwrap(),
        [0.0, -0.01, -1.2e20]
    );
    array
        .put_double_valid(&[0.0, -0.01, -1.2e20])
        .await
        .unwrap();
    all_decode_errors(vec![
        array.get_float_invalid_null().await.map(|_| ()),
        array.get_float_invalid_string().await.map(|_| ()),
        array.get_double_invalid_null().await.map(|_| ()),
        array.get_double_invalid_string().await.map(|_| ()),
    ]);
}

#[tokio::test]
async fn strings_and_enums() {
    let client = client();
    let array = client.array();
    let foos = strings(&["foo1", "foo2", "foo3"]);
    assert_eq!(array.get_string_valid().await.unwrap(), foos);
    array.put_string_valid(&foos).await.unwrap();
    assert_eq!(texts(array.get_enum_valid().await.unwrap()), foos);
    array
        .put_enum_valid(&parsed(&["foo1", "foo2", "foo3"]))
        .await
        .unwrap();
    assert_eq!(texts(array.get_string_enum_valid().await.unwrap()), foos);
    array
        .put_string_enum_valid(&parsed(&["foo1", "foo2", "foo3"]))
        .await
        .unwrap();
    // The spec makes these items `x-nullable`: null is a value, 123 is not a string.
    assert_eq!(
        array.get_string_with_null().await.unwrap(),
        [Some("foo".to_string()), None, Some("foo2".to_string())]
    );
    all_decode_errors(vec![array.get_string_with_invalid().await]);
}

#[tokio::test]
async fn uuids_dates_and_bytes() {
    let client = client();
    let array = client.array();
    let uuids: Vec<rt::Uuid> = parsed(&[
        "6dcc7237-45fe-45c4-8a6b-3a8a3f625652",
        "d1399005-30f7-40d6-8da6-dd7c89ad34db",
        "f42f6aa1-a5bc-4ddf-907e-5f915de43205",
    ]);
    assert_eq!(array.get_uuid_valid().await.unwrap(), uuids);
    array.put_uuid_valid(&uuids).await.unwrap();
    let dates: Vec<rt::Date> = parsed(&["2000-12-01", "1980-01-02", "1492-10-12"]);
    assert_eq!(array.get_date_valid().await.unwrap(), dates);
    array.put_date_valid(&dates).await.unwrap();
    let date_times = parsed(&[
        "2000-12-01T00:00:01Z",
        "1980-01-02T00:11:35Z",
        "1492-10-12T10:15:01Z",
    ]);
    assert_eq!(
        texts(array.get_date_time_valid().await.unwrap()),
        [
            "2000-12-01t00:00:01z",
            "1980-01-02T00:11:35+01:00",
            "1492-10-12T10:15:01-08:00"
        ]
    );
    array.put_date_time_valid(&date_times).await.unwrap();
    // Read in either case, written as HTTP writes dates.
    let rfc1123: Vec<rt::Rfc1123Timestamp> = [
        datetime!(2000-12-01 00:00:01 UTC),
        datetime!(1980-01-02 00:11:35 UTC),
        datetime!(1492-10-12 10:15:01 UTC),
    ]
    .into_iter()
    .map(|instant| rt::Rfc1123Timestamp::new(instant).unwrap())
    .collect();
    assert_eq!(array.get_date_time_rfc1123_valid().await.unwrap(), rfc1123);
    array.put_date_time_rfc1123_valid(&rfc1123).await.unwrap();
    let bytes: Vec<rt::Bytes> = [[255, 255, 255, 250].as_slice(), &[1, 2, 3], &[37, 41, 67]]
        .into_iter()
        .map(rt::Bytes::from)
        .collect();
    assert_eq!(array.get_byte_valid().await.unwrap(), bytes);
    array.put_byte_valid(&bytes).await.unwrap();
    let decoded: Vec<Vec<u8>> = array
        .get_base64_url()
        .await
        .unwrap()
        .iter()
        .map(|item| item.as_bytes().to_vec())
        .collect();
    assert_eq!(
        decoded,
        [
            b"a string that gets encoded with base64url".to_vec(),
            b"test string".to_vec(),
            b"Lorem ipsum".to_vec()
        ]
    );
    all_decode_errors(vec![
        array.get_date_invalid_null().await.map(|_| ()),
        array.get_date_invalid_chars().await.map(|_| ()),
        array.get_date_time_invalid_null().await.map(|_| ()),
        array.get_date_time_invalid_chars().await.map(|_| ()),
        array.get_byte_invalid_null().await.map(|_| ()),
        array.get_uuid_invalid_chars().await.map(|_| ()),
    ]);
}

#[tokio::test]
async fn durations_are_written_canonically() {
    let client = client();
    let array = client.array();
    let durations = vec![
        rt::Duration::from(Duration::new(
            123 * 86_400 + 22 * 3600 + 14 * 60 + 12,
            11_000_000,
        )),
        rt::Duration::from(Duration::from_secs(5 * 86_400 + 3600)),
    ];
    let got = array.get_duration_valid().await.unwrap();
    assert_eq!(got, durations);
    // As received (`P5DT1H0M0S`), so a value read is sent back unchanged...
    assert_eq!(texts(got), ["P123DT22H14M12.011S", "P5DT1H0M0S"]);
    // ...while values built in code are written canonically (`P5DT1H`), as the server
    // expects.
    array.put_duration_valid(&durations).await.unwrap();
}
fn product(integer: i64, string: &str) -> Product {
    let mut product = Product::default();
    product.integer = Some(integer);
    product.string = Some(string.into());
    product
}

#[tokio::test]
async fn models_and_arrays() {
    let client = client();
    let array = client.array();
    let products = vec![product(1, "2"), product(3, "4"), product(5, "6")];
    assert_eq!(array.get_complex_valid().await.unwrap(), products);
    array.put_complex_valid(&products).await.unwrap();
    assert_eq!(array.get_complex_empty().await.unwrap(), []);
    assert_eq!(
        array.get_complex_item_empty().await.unwrap(),
        [product(1, "2"), Product::default(), product(5, "6")]
    );
    let nested = vec![
        strings(&["1", "2", "3"]),
        strings(&["4", "5", "6"]),
        strings(&["7", "8", "9"]),
    ];
    assert_eq!(array.get_array_valid().await.unwrap(), nested);
    array.put_array_valid(&nested).await.unwrap();
    assert_eq!(
        array.get_array_empty().await.unwrap(),
        Vec::<Vec<String>>::new()
    );
    assert_eq!(
        array.get_array_item_empty().await.unwrap(),
        [strings(&["1", "2", "3"]), vec![], strings(&["7", "8", "9"])]
    );
    // Their items are `x-nullable`.
    assert_eq!(
        array.get_complex_item_null().await.unwrap(),
        [Some(product(1, "2")), None, Some(product(5, "6"))]
    );
    assert_eq!(
        array.get_array_item_null().await.unwrap(),
        [
            Some(strings(&["1", "2", "3"])),
            None,
            Some(strings(&["7", "8", "9"]))
        ]
    );
}

fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[tokio::test]
async fn dictionaries() {
    let client = client();
    let array = client.array();
    let one = map(&[("1", "one"), ("2", "two"), ("3", "three")]);
    let four = map(&[("4", "four"), ("5", "five"), ("6", "six")]);
    let seven = map(&[("7", "seven"), ("8", "eight"), ("9", "nine")]);
    let valid = vec![one.clone(), four, seven.clone()];
    assert_eq!(array.get_dictionary_valid().await.unwrap(), valid);
    array.put_dictionary_valid(&valid).await.unwrap();
    assert_eq!(array.get_dictionary_empty().await.unwrap(), []);
    assert_eq!(
        array.get_dictionary_item_empty().await.unwrap(),
        [one.clone(), BTreeMap::new(), seven.clone()]
    );
    // `x-nullable` items.
    assert_eq!(
        array.get_dictionary_item_null().await.unwrap(),
        [Some(one), None, Some(seven)]
    );
}

/// The server replies 200 without a body; these bodies are not `x-nullable`, so the
/// reply breaks the spec (AutoRest makes a body nullable only by `x-nullable`).
#[tokio::test]
async fn missing_bodies_are_decode_errors() {
    let client = client();
    let array = client.array();
    all_decode_errors(vec![
        array.get_null().await.map(|_| ()),
        array.get_complex_null().await.map(|_| ()),
        array.get_array_null().await.map(|_| ()),
        array.get_dictionary_null().await.map(|_| ()),
    ]);
}
