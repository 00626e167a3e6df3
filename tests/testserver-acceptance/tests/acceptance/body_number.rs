//! `body-number.json`: floats, doubles and decimals in JSON bodies, big and small.

use super::server::pipeline;
use armgen_runtime::Error;
use testserver_acceptance::body_number::client::Client;

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

#[tokio::test]
async fn floats() {
    let client = client();
    let n = client.number();
    assert_eq!(n.get_big_float().await.unwrap(), 3.402823e20);
    n.put_big_float(3.402823e20).await.unwrap();
    assert_eq!(n.get_small_float().await.unwrap(), 3.402823e-20);
    n.put_small_float(3.402823e-20).await.unwrap();
}

#[tokio::test]
async fn doubles_and_decimals() {
    let client = client();
    let n = client.number();
    assert_eq!(n.get_big_double().await.unwrap(), 2.5976931e101);
    n.put_big_double(2.5976931e101).await.unwrap();
    assert_eq!(
        n.get_big_double_positive_decimal().await.unwrap(),
        99999999.99
    );
    n.put_big_double_positive_decimal(99999999.99)
        .await
        .unwrap();
    assert_eq!(
        n.get_big_double_negative_decimal().await.unwrap(),
        -99999999.99
    );
    n.put_big_double_negative_decimal(-99999999.99)
        .await
        .unwrap();
    assert_eq!(n.get_small_double().await.unwrap(), 2.5976931e-101);
    n.put_small_double(2.5976931e-101).await.unwrap();
    assert_eq!(n.get_big_decimal().await.unwrap(), 2.5976931e101);
    n.put_big_decimal(2.5976931e101).await.unwrap();
    assert_eq!(
        n.get_big_decimal_positive_decimal().await.unwrap(),
        99999999.99
    );
    n.put_big_decimal_positive_decimal(99999999.99)
        .await
        .unwrap();
    assert_eq!(
        n.get_big_decimal_negative_decimal().await.unwrap(),
        -99999999.99
    );
    n.put_big_decimal_negative_decimal(-99999999.99)
        .await
        .unwrap();
    assert_eq!(n.get_small_decimal().await.unwrap(), 2.5976931e-101);
    n.put_small_decimal(2.5976931e-101).await.unwrap();
}

#[tokio::test]
async fn invalid_numbers_are_decode_errors() {
    let client = client();
    let n = client.number();
    for result in [
        n.get_invalid_float().await.map(f64::from),
        n.get_invalid_double().await,
        n.get_invalid_decimal().await,
    ] {
        assert!(matches!(result, Err(Error::Decode(_))), "{result:?}");
    }
}

/// The spec makes this body `x-nullable`; the server sends none.
#[tokio::test]
async fn get_null() {
    assert_eq!(client().number().get_null().await.unwrap(), None);
}
