//! `body-byte.json`, `body-date.json`, `body-datetime-rfc1123.json` and
//! `body-duration.json`: formats the generated types hold as the service's text, sent
//! and received unchanged.

use super::server::pipeline;
use armgen_runtime::Error;

#[tokio::test]
async fn bytes() {
    use testserver_acceptance::body_byte::client::Client;
    let client = Client::with_pipeline(pipeline());
    let byte = client.byte();
    // 255 254 253 252 251 250 249 248 247 246
    let non_ascii = "//79/Pv6+fj39g==".to_string();
    assert_eq!(byte.get_non_ascii().await.unwrap(), non_ascii);
    byte.put_non_ascii(&non_ascii).await.unwrap();
    assert_eq!(byte.get_empty().await.unwrap(), "");
}

#[tokio::test]
async fn dates() {
    use testserver_acceptance::body_date::client::Client;
    let client = Client::with_pipeline(pipeline());
    let date = client.date();
    assert_eq!(date.get_max_date().await.unwrap(), "9999-12-31");
    date.put_max_date("9999-12-31").await.unwrap();
    // The spec makes this reply a closed enum of the one value `0000-01-01`; the server
    // answers `0001-01-01`, a value the enum does not list.
    let min = date.get_min_date().await;
    assert!(matches!(min, Err(Error::Decode(_))), "{min:?}");
    date.put_min_date("0001-01-01").await.unwrap();
}

#[tokio::test]
async fn rfc1123_date_times() {
    use testserver_acceptance::body_datetime_rfc1123::client::Client;
    let client = Client::with_pipeline(pipeline());
    let dt = client.datetimerfc1123();
    let max = "Fri, 31 Dec 9999 23:59:59 GMT";
    assert_eq!(
        dt.get_utc_lowercase_max_date_time().await.unwrap(),
        max.to_lowercase()
    );
    assert_eq!(
        dt.get_utc_uppercase_max_date_time().await.unwrap(),
        max.to_uppercase()
    );
    dt.put_utc_max_date_time(max).await.unwrap();
    // The spec makes this reply a closed enum of the one value
    // `Sun, 1 Jan 0001 00:00:00 GMT`; the server answers another text.
    let got = dt.get_utc_min_date_time().await;
    assert!(matches!(got, Err(Error::Decode(_))), "{got:?}");
    dt.put_utc_min_date_time("Mon, 01 Jan 0001 00:00:00 GMT")
        .await
        .unwrap();
}

#[tokio::test]
async fn durations() {
    use testserver_acceptance::body_duration::client::Client;
    let client = Client::with_pipeline(pipeline());
    let duration = client.duration();
    assert_eq!(
        duration.get_positive_duration().await.unwrap(),
        "P3Y6M4DT12H30M5S"
    );
    duration
        .put_positive_duration("P123DT22H14M12.011S")
        .await
        .unwrap();
}

#[tokio::test]
#[ignore = "byte, date, date-time-rfc1123 and duration are text in the generated types: nulls and invalid values are not refused or given as None"]
async fn invalid_and_null_values() {
    use testserver_acceptance::body_date::client::Client;
    let client = Client::with_pipeline(pipeline());
    let date = client.date();
    for result in [
        date.get_invalid_date().await,
        date.get_overflow_date().await,
        date.get_underflow_date().await,
    ] {
        assert!(matches!(result, Err(Error::Decode(_))), "{result:?}");
    }
    date.get_null().await.unwrap();
}
