//! `body-complex.json`: models with fields of every primitive type in JSON bodies. Each
//! value the server sends is asserted, then sent back by the matching `put`, which the
//! server compares with what it expects.

use super::server::pipeline;
use armgen_runtime::Error;
use serde_json::json;
use testserver_acceptance::body_complex::client::Client;
use testserver_acceptance::body_complex::models::*;

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

/// A typed format's value from its text.
fn parse<T: std::str::FromStr>(text: &str) -> T
where
    T::Err: std::fmt::Debug,
{
    text.parse().unwrap()
}

#[tokio::test]
async fn basic() {
    let client = client();
    let basic = client.basic();
    let valid = basic.get_valid().await.unwrap();
    assert_eq!(
        serde_json::to_value(&valid).unwrap(),
        json!({ "id": 2, "name": "abc", "color": "YELLOW" })
    );
    let put = {
        let mut value = Basic::default();
        value.id = Some(2).into();
        value.name = Some("abc".into());
        value.color = Some(CmykColors::Magenta);
        value
    };
    basic.put_valid(&put).await.unwrap();
    assert_eq!(basic.get_empty().await.unwrap(), Basic::default());
    // `{"id": null, "name": null}`: `id` is `x-nullable`, so its null is kept.
    let null = basic.get_null().await.unwrap();
    assert!(null.id.is_null(), "{null:?}");
    assert_eq!((null.name, null.color), (None, None));
    let invalid = basic.get_invalid().await;
    assert!(matches!(invalid, Err(Error::Decode(_))), "{invalid:?}");
}

#[tokio::test]
async fn numbers_and_booleans() {
    let client = client();
    let primitive = client.primitive();
    let int = primitive.get_int().await.unwrap();
    assert_eq!((int.field1, int.field2), (Some(-1), Some(2)));
    primitive
        .put_int(&{
            let mut value = IntWrapper::default();
            value.field1 = Some(-1);
            value.field2 = Some(2);
            value
        })
        .await
        .unwrap();
    let long = primitive.get_long().await.unwrap();
    assert_eq!(
        (long.field1, long.field2),
        (Some(1_099_511_627_775), Some(-999_511_627_788))
    );
    primitive.put_long(&long).await.unwrap();
    let float = primitive.get_float().await.unwrap();
    assert_eq!((float.field1, float.field2), (Some(1.05), Some(-0.003)));
    primitive.put_float(&float).await.unwrap();
    let double = primitive.get_double().await.unwrap();
    assert_eq!(double.field1, Some(3e-100));
    primitive.put_double(&double).await.unwrap();
    let boolean = primitive.get_bool().await.unwrap();
    assert_eq!(
        (boolean.field_true, boolean.field_false),
        (Some(true), Some(false))
    );
    primitive.put_bool(&boolean).await.unwrap();
}

#[tokio::test]
async fn strings_dates_durations_and_bytes() {
    let client = client();
    let primitive = client.primitive();
    let string = primitive.get_string().await.unwrap();
    assert_eq!(string, {
        let mut value = StringWrapper::default();
        value.field = Some("goodrequest".into());
        value.empty = Some("".into());
        value.null = None;
        value
    });
    primitive.put_string(&string).await.unwrap();
    let date = primitive.get_date().await.unwrap();
    assert_eq!(
        (date.field.clone(), date.leap.clone()),
        (Some(parse("0001-01-01")), Some(parse("2016-02-29")))
    );
    primitive.put_date(&date).await.unwrap();
    let date_time = primitive.get_date_time().await.unwrap();
    assert_eq!(
        serde_json::to_value(&date_time).unwrap(),
        json!({ "field": "0001-01-01T00:00:00Z", "now": "2015-05-18T18:38:00Z" })
    );
    primitive.put_date_time(&date_time).await.unwrap();
    let rfc1123 = primitive.get_date_time_rfc1123().await.unwrap();
    assert_eq!(
        (rfc1123.field.clone(), rfc1123.now.clone()),
        (
            Some(parse("Mon, 01 Jan 0001 00:00:00 GMT")),
            Some(parse("Mon, 18 May 2015 11:38:00 GMT"))
        )
    );
    primitive.put_date_time_rfc1123(&rfc1123).await.unwrap();
    let duration = primitive.get_duration().await.unwrap();
    assert_eq!(duration.field, Some(parse("P123DT22H14M12.011S")));
    primitive.put_duration(&duration).await.unwrap();
    let byte = primitive.get_byte().await.unwrap();
    // 255 254 253 252 0 250 249 248 247 246
    assert_eq!(
        byte.field.as_ref().map(|bytes| bytes.as_bytes()),
        Some([255, 254, 253, 252, 0, 250, 249, 248, 247, 246].as_slice())
    );
    primitive.put_byte(&byte).await.unwrap();
}

#[tokio::test]
async fn arrays_and_dictionaries() {
    let client = client();
    let array = client.array();
    let empty = array.get_empty().await.unwrap();
    assert_eq!(empty.array, Some(vec![]));
    array.put_empty(&empty).await.unwrap();
    assert_eq!(array.get_not_provided().await.unwrap().array, None);
    let dictionary = client.dictionary();
    let empty = dictionary.get_empty().await.unwrap();
    assert_eq!(empty.default_program.as_ref().map(|m| m.len()), Some(0));
    dictionary.put_empty(&empty).await.unwrap();
    assert_eq!(dictionary.get_null().await.unwrap().default_program, None);
    assert_eq!(
        dictionary.get_not_provided().await.unwrap().default_program,
        None
    );
}

/// The reply has no body, which its schema (not `x-nullable`) does not allow.
#[tokio::test]
async fn not_provided() {
    let got = client().basic().get_not_provided().await;
    assert!(matches!(got, Err(Error::Decode(_))), "{got:?}");
}

/// The server's array and map hold a null item, which their schemas (not `x-nullable`)
/// do not allow: decode errors. (The matching `put`s expect that null back, which these
/// types cannot send: not driven.)
#[tokio::test]
async fn collections_with_a_null_item() {
    let client = client();
    let array = client.array().get_valid().await;
    assert!(matches!(array, Err(Error::Decode(_))), "{array:?}");
    let dictionary = client.dictionary().get_valid().await;
    assert!(
        matches!(dictionary, Err(Error::Decode(_))),
        "{dictionary:?}"
    );
}
