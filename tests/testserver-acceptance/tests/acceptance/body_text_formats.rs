//! `body-byte.json`, `body-date.json`, `body-datetime.json`,
//! `body-datetime-rfc1123.json`, `body-duration.json` and `body-time.json`: typed string
//! formats in JSON bodies. Values are read as typed values (text that is not of the
//! format is a decode error), sent back as received, and written canonically when built
//! in code. A body the spec makes `x-nullable` is `None` when the server sends none.

use super::server::pipeline;
use armgen_runtime::{self as rt, Error};
use std::fmt::Debug;
use time::macros::{date, datetime, time};

/// Each result must be a decode error.
fn all_decode_errors<T: Debug, E: Debug>(results: Vec<Result<T, Error<E>>>) {
    for result in results {
        assert!(matches!(result, Err(Error::Decode(_))), "{result:?}");
    }
}

#[tokio::test]
async fn bytes() {
    use testserver_acceptance::body_byte::client::Client;
    let client = Client::with_pipeline(pipeline());
    let byte = client.byte();
    let non_ascii = rt::Bytes::from([255, 254, 253, 252, 251, 250, 249, 248, 247, 246].as_slice());
    assert_eq!(non_ascii.as_str(), "//79/Pv6+fj39g==");
    assert_eq!(byte.get_non_ascii().await.unwrap(), non_ascii);
    byte.put_non_ascii(&non_ascii).await.unwrap();
    assert_eq!(byte.get_empty().await.unwrap().as_bytes(), b"");
    // `::::SWAGGER::::` is no base64; the null body's schema is not `x-nullable`.
    all_decode_errors(vec![byte.get_invalid().await, byte.get_null().await]);
}

#[tokio::test]
async fn dates() {
    use testserver_acceptance::body_date::client::Client;
    let client = Client::with_pipeline(pipeline());
    let date = client.date();
    let max = rt::Date::new(date!(9999 - 12 - 31)).unwrap();
    assert_eq!(date.get_max_date().await.unwrap(), max);
    date.put_max_date(&max).await.unwrap();
    // The spec makes this reply a constant (`0000-01-01`): a reply is read as its type,
    // here the server's `0001-01-01`.
    let min = rt::Date::new(date!(0001 - 01 - 01)).unwrap();
    assert_eq!(date.get_min_date().await.unwrap(), min);
    date.put_min_date(&min).await.unwrap();
    assert_eq!(date.get_null().await.unwrap(), None);
    // `201O-18-90`, `10000000000-12-31`, `0000-00-00`.
    all_decode_errors(vec![
        date.get_invalid_date().await,
        date.get_overflow_date().await,
        date.get_underflow_date().await,
    ]);
}

#[tokio::test]
async fn date_times() {
    use testserver_acceptance::body_datetime::client::Client;
    let client = Client::with_pipeline(pipeline());
    let dt = client.datetime();
    let stamp = |instant| rt::Timestamp::try_from(instant).unwrap();
    let max_utc = stamp(datetime!(9999-12-31 23:59:59.999 UTC));
    assert_eq!(max_utc.as_str(), "9999-12-31T23:59:59.999Z");
    dt.put_utc_max_date_time(&max_utc).await.unwrap();
    for got in [
        dt.get_utc_lowercase_max_date_time().await.unwrap(),
        dt.get_utc_uppercase_max_date_time().await.unwrap(),
    ] {
        assert_eq!(got, max_utc);
    }
    // Read as received: `z` stays lower-case.
    let lower = dt.get_utc_lowercase_max_date_time().await.unwrap();
    assert_eq!(lower.as_str(), "9999-12-31t23:59:59.999z");
    let max_positive = dt
        .get_local_positive_offset_uppercase_max_date_time()
        .await
        .unwrap();
    assert_eq!(
        max_positive.instant(),
        datetime!(9999-12-31 09:59:59.999 UTC)
    );
    assert_eq!(
        dt.get_local_positive_offset_lowercase_max_date_time()
            .await
            .unwrap(),
        max_positive
    );
    let min_utc = stamp(datetime!(0001-01-01 00:00:00 UTC));
    assert_eq!(min_utc.as_str(), "0001-01-01T00:00:00Z");
    dt.put_utc_min_date_time(&min_utc).await.unwrap();
    // Constants in the spec (the offsets' in lower case): read as timestamps.
    assert_eq!(dt.get_utc_min_date_time().await.unwrap(), min_utc);
    assert_eq!(
        dt.get_local_positive_offset_min_date_time()
            .await
            .unwrap()
            .instant(),
        datetime!(0001-01-01 00:00:00 +14:00)
    );
    assert_eq!(
        dt.get_local_negative_offset_min_date_time()
            .await
            .unwrap()
            .instant(),
        datetime!(0001-01-01 14:00:00 UTC)
    );
    // No offset: read as UTC.
    assert_eq!(
        dt.get_local_no_offset_min_date_time().await.unwrap(),
        min_utc
    );
    assert_eq!(dt.get_null().await.unwrap(), None);
    // Seven fractional digits, written and read.
    let seven = stamp(datetime!(9999-12-31 23:59:59.9999999 UTC));
    assert_eq!(seven.as_str(), "9999-12-31T23:59:59.9999999Z");
    dt.put_utc_max_date_time7_digits(&seven).await.unwrap();
    assert_eq!(
        dt.get_utc_uppercase_max_date_time7_digits().await.unwrap(),
        seven
    );
    // Local offsets are written as they are.
    let positive = stamp(datetime!(9999-12-31 23:59:59.999 +14:00));
    assert_eq!(positive.as_str(), "9999-12-31T23:59:59.999+14:00");
    dt.put_local_positive_offset_max_date_time(&positive)
        .await
        .unwrap();
    dt.put_local_positive_offset_min_date_time(&stamp(datetime!(0001-01-01 00:00:00 +14:00)))
        .await
        .unwrap();
    dt.put_local_negative_offset_min_date_time(&stamp(datetime!(0001-01-01 00:00:00 -14:00)))
        .await
        .unwrap();
    // Past year 9999 in UTC: refused when written, as when read.
    assert!(rt::Timestamp::try_from(datetime!(9999-12-31 23:59:59.999 -14:00)).is_err());
    // `201O-18-90D00:89:56.9AX`; `9999-12-31T23:59:59.999-14:00`, past year 9999 in UTC
    // (the server sends the same text for the maximum with a negative offset);
    // `0000-00-00T00:00:00.000+00:00`.
    all_decode_errors(vec![
        dt.get_invalid().await,
        dt.get_overflow().await,
        dt.get_underflow().await,
        dt.get_local_negative_offset_lowercase_max_date_time().await,
        dt.get_local_negative_offset_uppercase_max_date_time().await,
    ]);
}

#[tokio::test]
async fn rfc1123_date_times() {
    use testserver_acceptance::body_datetime_rfc1123::client::Client;
    let client = Client::with_pipeline(pipeline());
    let dt = client.datetimerfc1123();
    let max = rt::Rfc1123Timestamp::new(datetime!(9999-12-31 23:59:59 UTC)).unwrap();
    assert_eq!(max.as_str(), "Fri, 31 Dec 9999 23:59:59 GMT");
    let lower = dt.get_utc_lowercase_max_date_time().await.unwrap();
    assert_eq!(lower, max);
    assert_eq!(lower.as_str(), "fri, 31 dec 9999 23:59:59 gmt");
    assert_eq!(dt.get_utc_uppercase_max_date_time().await.unwrap(), max);
    dt.put_utc_max_date_time(&max).await.unwrap();
    let min = rt::Rfc1123Timestamp::new(datetime!(0001-01-01 00:00:00 UTC)).unwrap();
    assert_eq!(min.as_str(), "Mon, 01 Jan 0001 00:00:00 GMT");
    // The spec makes this reply the constant `Sun, 1 Jan 0001 00:00:00 GMT`: read as a
    // date-time, the server's text is the same instant.
    assert_eq!(dt.get_utc_min_date_time().await.unwrap(), min);
    dt.put_utc_min_date_time(&min).await.unwrap();
    assert_eq!(dt.get_null().await.unwrap(), None);
    // `Tue, 01 Dec 2000 00:00:0A ABC`, `Sat, 1 Jan 10000 ...`, `Tue, 00 Jan 0000 ...`.
    all_decode_errors(vec![
        dt.get_invalid().await,
        dt.get_overflow().await,
        dt.get_underflow().await,
    ]);
}

#[tokio::test]
async fn durations() {
    use testserver_acceptance::body_duration::client::Client;
    let client = Client::with_pipeline(pipeline());
    let duration = client.duration();
    let got = duration.get_positive_duration().await.unwrap();
    assert_eq!(
        got.value(),
        &rt::format::IsoDuration {
            years: 3,
            months: 6,
            days: 4,
            seconds: 12 * 3600 + 30 * 60 + 5,
            ..Default::default()
        }
    );
    let positive = rt::Duration::from(std::time::Duration::new(
        123 * 86_400 + 22 * 3600 + 14 * 60 + 12,
        11_000_000,
    ));
    assert_eq!(positive.as_str(), "P123DT22H14M12.011S");
    duration.put_positive_duration(&positive).await.unwrap();
    assert_eq!(duration.get_null().await.unwrap(), None);
    // `123ABC`.
    all_decode_errors(vec![duration.get_invalid().await]);
}

#[tokio::test]
async fn times() {
    use testserver_acceptance::body_time::client::Client;
    let client = Client::with_pipeline(pipeline());
    let got = client.time().get().await.unwrap();
    assert_eq!(got, rt::Time::new(time!(11:34:56)).unwrap());
    let put = rt::Time::new(time!(08:07:56)).unwrap();
    assert_eq!(put.as_str(), "08:07:56");
    assert_eq!(
        client.time().put(&put).await.unwrap(),
        "Nice job posting time"
    );
}
