//! `body-dictionary.json`: string-keyed maps of every primitive, of models, of arrays and
//! of maps, in JSON bodies. Typed formats are compared as values parsed from the
//! server's text; values the spec makes `x-nullable` are `Option`s.

use super::server::pipeline;
use armgen_runtime::{self as rt, Error};
use std::collections::BTreeMap;
use testserver_acceptance::body_dictionary::client::{self, Client};
use testserver_acceptance::body_dictionary::models::Widget;
use time::UtcOffset;

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

/// `map(&[("0", a), ("1", b)])`: the server's keys are positions.
fn map<T: Clone>(entries: &[(&str, T)]) -> BTreeMap<String, T> {
    entries
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

fn texts(items: &[&str]) -> BTreeMap<String, String> {
    items
        .iter()
        .enumerate()
        .map(|(i, v)| (i.to_string(), v.to_string()))
        .collect()
}

fn all_decode_errors(results: Vec<client::Result<()>>) {
    for result in results {
        assert!(matches!(result, Err(Error::Decode(_))), "{result:?}");
    }
}

fn drop_value<T>(result: client::Result<T>) -> client::Result<()> {
    result.map(|_| ())
}

#[tokio::test]
async fn empty_keys_and_invalid() {
    let client = client();
    let dictionary = client.dictionary();
    assert!(dictionary.get_empty().await.unwrap().is_empty());
    dictionary.put_empty(&BTreeMap::new()).await.unwrap();
    assert_eq!(
        dictionary.get_empty_string_key().await.unwrap(),
        map(&[("", "val1".to_string())])
    );
    all_decode_errors(vec![
        drop_value(dictionary.get_invalid().await),
        drop_value(dictionary.get_null_key().await),
        drop_value(dictionary.get_null_value().await),
    ]);
}

#[tokio::test]
async fn booleans_and_numbers() {
    let client = client();
    let dictionary = client.dictionary();
    let tfft = map(&[("0", true), ("1", false), ("2", false), ("3", true)]);
    assert_eq!(dictionary.get_boolean_tfft().await.unwrap(), tfft);
    dictionary.put_boolean_tfft(&tfft).await.unwrap();
    let ints = map(&[("0", 1), ("1", -1), ("2", 3), ("3", 300)]);
    assert_eq!(dictionary.get_integer_valid().await.unwrap(), ints);
    dictionary.put_integer_valid(&ints).await.unwrap();
    let longs = map(&[("0", 1i64), ("1", -1), ("2", 3), ("3", 300)]);
    assert_eq!(dictionary.get_long_valid().await.unwrap(), longs);
    dictionary.put_long_valid(&longs).await.unwrap();
    let floats = map(&[("0", 0.0f32), ("1", -0.01), ("2", -1.2e20)]);
    assert_eq!(dictionary.get_float_valid().await.unwrap(), floats);
    dictionary.put_float_valid(&floats).await.unwrap();
    let doubles = map(&[("0", 0.0f64), ("1", -0.01), ("2", -1.2e20)]);
    assert_eq!(dictionary.get_double_valid().await.unwrap(), doubles);
    dictionary.put_double_valid(&doubles).await.unwrap();
    all_decode_errors(vec![
        drop_value(dictionary.get_boolean_invalid_null().await),
        drop_value(dictionary.get_boolean_invalid_string().await),
        drop_value(dictionary.get_int_invalid_null().await),
        drop_value(dictionary.get_int_invalid_string().await),
        drop_value(dictionary.get_long_invalid_null().await),
        drop_value(dictionary.get_long_invalid_string().await),
        drop_value(dictionary.get_float_invalid_null().await),
        drop_value(dictionary.get_float_invalid_string().await),
        drop_value(dictionary.get_double_invalid_null().await),
        drop_value(dictionary.get_double_invalid_string().await),
    ]);
}

/// `texts` with each value parsed as `T`.
fn parsed<T: std::str::FromStr>(items: &[&str]) -> BTreeMap<String, T>
where
    T::Err: std::fmt::Debug,
{
    texts(items)
        .into_iter()
        .map(|(key, text)| (key, text.parse().unwrap()))
        .collect()
}

#[tokio::test]
async fn strings_dates_durations_and_bytes() {
    let client = client();
    let dictionary = client.dictionary();
    let foos = texts(&["foo1", "foo2", "foo3"]);
    assert_eq!(dictionary.get_string_valid().await.unwrap(), foos);
    dictionary.put_string_valid(&foos).await.unwrap();
    let dates: BTreeMap<String, rt::Date> = parsed(&["2000-12-01", "1980-01-02", "1492-10-12"]);
    assert_eq!(dictionary.get_date_valid().await.unwrap(), dates);
    dictionary.put_date_valid(&dates).await.unwrap();
    let date_times = dictionary.get_date_time_valid().await.unwrap();
    assert_eq!(
        date_times,
        parsed(&[
            "2000-12-01T00:00:01Z",
            "1980-01-01T23:11:35Z",
            "1492-10-12T18:15:01Z"
        ])
    );
    // The server wants them in UTC: values built from the instants are written so.
    let utc: BTreeMap<String, rt::Timestamp> = date_times
        .into_iter()
        .map(|(key, stamp)| {
            let instant = stamp.instant().to_offset(UtcOffset::UTC);
            (key, rt::Timestamp::try_from(instant).unwrap())
        })
        .collect();
    dictionary.put_date_time_valid(&utc).await.unwrap();
    let rfc1123: BTreeMap<String, rt::Rfc1123Timestamp> = parsed(&[
        "Fri, 01 Dec 2000 00:00:01 GMT",
        "Wed, 02 Jan 1980 00:11:35 GMT",
        "Wed, 12 Oct 1492 10:15:01 GMT",
    ]);
    assert_eq!(
        dictionary.get_date_time_rfc1123_valid().await.unwrap(),
        rfc1123
    );
    dictionary
        .put_date_time_rfc1123_valid(&rfc1123)
        .await
        .unwrap();
    let durations: BTreeMap<String, rt::Duration> = parsed(&["P123DT22H14M12.011S", "P5DT1H"]);
    assert_eq!(dictionary.get_duration_valid().await.unwrap(), durations);
    dictionary.put_duration_valid(&durations).await.unwrap();
    let bytes: BTreeMap<String, rt::Bytes> = parsed(&["////+g==", "AQID", "JSlD"]);
    assert_eq!(
        dictionary.get_byte_valid().await.unwrap()["2"].as_bytes(),
        [37, 41, 67]
    );
    dictionary.put_byte_valid(&bytes).await.unwrap();
    assert_eq!(
        dictionary.get_base64_url().await.unwrap()["1"].as_bytes(),
        b"test string"
    );
    all_decode_errors(vec![
        drop_value(dictionary.get_string_with_null().await),
        drop_value(dictionary.get_string_with_invalid().await),
        drop_value(dictionary.get_date_invalid_null().await),
        drop_value(dictionary.get_date_invalid_chars().await),
        drop_value(dictionary.get_date_time_invalid_null().await),
        drop_value(dictionary.get_date_time_invalid_chars().await),
        drop_value(dictionary.get_byte_invalid_null().await),
    ]);
}

fn widget(integer: i64, string: &str) -> Widget {
    {
        let mut value = Widget::default();
        value.integer = Some(integer);
        value.string = Some(string.into());
        value
    }
}

#[tokio::test]
async fn models_arrays_and_maps() {
    let client = client();
    let dictionary = client.dictionary();
    let widgets = map(&[
        ("0", widget(1, "2")),
        ("1", widget(3, "4")),
        ("2", widget(5, "6")),
    ]);
    assert_eq!(dictionary.get_complex_valid().await.unwrap(), widgets);
    dictionary.put_complex_valid(&widgets).await.unwrap();
    assert!(dictionary.get_complex_empty().await.unwrap().is_empty());
    assert_eq!(
        dictionary.get_complex_item_empty().await.unwrap(),
        map(&[
            ("0", widget(1, "2")),
            ("1", Widget::default()),
            ("2", widget(5, "6"))
        ])
    );
    let arrays = map(&[
        ("0", vec!["1".to_string(), "2".into(), "3".into()]),
        ("1", vec!["4".into(), "5".into(), "6".into()]),
        ("2", vec!["7".into(), "8".into(), "9".into()]),
    ]);
    assert_eq!(dictionary.get_array_valid().await.unwrap(), arrays);
    dictionary.put_array_valid(&arrays).await.unwrap();
    assert!(dictionary.get_array_empty().await.unwrap().is_empty());
    assert_eq!(
        dictionary.get_array_item_empty().await.unwrap()["1"],
        Vec::<String>::new()
    );
    let maps = map(&[
        (
            "0",
            map(&[
                ("1", "one".to_string()),
                ("2", "two".into()),
                ("3", "three".into()),
            ]),
        ),
        (
            "1",
            map(&[
                ("4", "four".to_string()),
                ("5", "five".into()),
                ("6", "six".into()),
            ]),
        ),
        (
            "2",
            map(&[
                ("7", "seven".to_string()),
                ("8", "eight".into()),
                ("9", "nine".into()),
            ]),
        ),
    ]);
    assert_eq!(dictionary.get_dictionary_valid().await.unwrap(), maps);
    dictionary.put_dictionary_valid(&maps).await.unwrap();
    assert!(dictionary.get_dictionary_empty().await.unwrap().is_empty());
    assert!(dictionary.get_dictionary_item_empty().await.unwrap()["1"].is_empty());
    // Their values are `x-nullable`.
    let items = dictionary.get_complex_item_null().await.unwrap();
    assert_eq!((&items["0"], &items["1"]), (&Some(widget(1, "2")), &None));
    let items = dictionary.get_array_item_null().await.unwrap();
    assert_eq!((items["1"].as_ref(), items.len()), (None, 3));
    let items = dictionary.get_dictionary_item_null().await.unwrap();
    assert_eq!(
        (items["1"].as_ref(), items["2"].as_ref().map(|m| m.len())),
        (None, Some(3))
    );
}

/// The server replies 200 without a body. An `x-nullable` body is `None`; the others
/// break the spec (AutoRest makes a body nullable only by `x-nullable`).
#[tokio::test]
async fn null_dictionaries() {
    let client = client();
    let dictionary = client.dictionary();
    assert_eq!(dictionary.get_complex_null().await.unwrap(), None);
    assert_eq!(dictionary.get_array_null().await.unwrap(), None);
    all_decode_errors(vec![
        drop_value(dictionary.get_null().await),
        drop_value(dictionary.get_dictionary_null().await),
    ]);
}
