//! `body-integer.json`: 32- and 64-bit integers and unix times in JSON bodies.

use super::server::pipeline;
use armgen_runtime::{self as rt, Error};
use testserver_acceptance::body_integer::client::Client;
use time::macros::datetime;

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

#[tokio::test]
async fn put_extremes() {
    let int = client();
    let int = int.int();
    int.put_max32(i32::MAX).await.unwrap();
    int.put_max64(i64::MAX).await.unwrap();
    int.put_min32(i32::MIN).await.unwrap();
    int.put_min64(i64::MIN).await.unwrap();
}

#[tokio::test]
async fn values_out_of_range_are_decode_errors() {
    let int = client();
    let int = int.int();
    for result in [
        int.get_overflow_int32().await.map(i64::from),
        int.get_underflow_int32().await.map(i64::from),
        int.get_overflow_int64().await,
        int.get_underflow_int64().await,
        int.get_invalid().await,
        int.get_invalid_unix_time().await.map(|time| time.seconds()),
    ] {
        assert!(matches!(result, Err(Error::Decode(_))), "{result:?}");
    }
}

#[tokio::test]
async fn unix_time() {
    let int = client();
    let int = int.int();
    let april = rt::UnixTime::new(datetime!(2016-04-13 00:00:00 UTC));
    assert_eq!(int.get_unix_time().await.unwrap(), april);
    int.put_unix_time_date(april).await.unwrap();
}

/// The spec makes these bodies `x-nullable`; the server sends none.
#[tokio::test]
async fn null_bodies_are_none() {
    assert_eq!(client().int().get_null().await.unwrap(), None);
    assert_eq!(client().int().get_null_unix_time().await.unwrap(), None);
}
