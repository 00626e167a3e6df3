//! `httpInfrastructure.json`, `MultipleResponses_*`: several documented statuses with
//! different bodies (a `<Method>Response` enum), statuses without a body, and statuses
//! the operation does not document (service errors).

use super::server::{decode_error, pipeline, status_of, within};
use testserver_acceptance::http_infrastructure::client::{multiple_responses as r, Client};
use testserver_acceptance::http_infrastructure::models::{A, B, C, D};

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

fn a(code: &str) -> A {
    {
        let mut value = A::default();
        value.status_code = Some(code.into());
        value
    }
}

#[tokio::test]
async fn a_model_or_no_content() {
    let client = client();
    let m = client.multiple_responses();
    assert_eq!(
        within(m.get200_model204_no_model_default_error200_valid())
            .await
            .unwrap(),
        Some(a("200"))
    );
    assert_eq!(
        within(m.get200_model204_no_model_default_error204_valid())
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        status_of(within(m.get200_model204_no_model_default_error201_invalid()).await),
        201
    );
    assert_eq!(
        status_of(within(m.get200_model204_no_model_default_error202_none()).await),
        202
    );
    assert_eq!(
        status_of(within(m.get200_model204_no_model_default_error400_valid()).await),
        400
    );
}

#[tokio::test]
async fn two_models() {
    let client = client();
    let m = client.multiple_responses();
    assert_eq!(
        within(m.get200_model201_model_default_error200_valid())
            .await
            .unwrap(),
        r::Get200Model201ModelDefaultError200ValidResponse::Status200(a("200"))
    );
    assert_eq!(
        within(m.get200_model201_model_default_error201_valid())
            .await
            .unwrap(),
        r::Get200Model201ModelDefaultError201ValidResponse::Status201({
            let mut value = B::default();
            value.status_code = Some("201".into());
            value.text_status_code = Some("Created".into());
            value
        })
    );
    assert_eq!(
        status_of(within(m.get200_model201_model_default_error400_valid()).await),
        400
    );
}

#[tokio::test]
async fn three_models() {
    let client = client();
    let m = client.multiple_responses();
    assert_eq!(
        within(m.get200_model_a201_model_c404_model_d_default_error200_valid())
            .await
            .unwrap(),
        r::Get200ModelA201ModelC404ModelDDefaultError200ValidResponse::Status200(a("200"))
    );
    assert_eq!(
        within(m.get200_model_a201_model_c404_model_d_default_error201_valid())
            .await
            .unwrap(),
        r::Get200ModelA201ModelC404ModelDDefaultError201ValidResponse::Status201({
            let mut value = C::default();
            value.http_code = Some("201".into());
            value
        })
    );
    assert_eq!(
        within(m.get200_model_a201_model_c404_model_d_default_error404_valid())
            .await
            .unwrap(),
        r::Get200ModelA201ModelC404ModelDDefaultError404ValidResponse::Status404({
            let mut value = D::default();
            value.http_status_code = Some("404".into());
            value
        })
    );
    assert_eq!(
        status_of(within(m.get200_model_a201_model_c404_model_d_default_error400_valid()).await),
        400
    );
}

#[tokio::test]
async fn statuses_without_bodies() {
    let client = client();
    let m = client.multiple_responses();
    within(m.get202_none204_none_default_error202_none())
        .await
        .unwrap();
    within(m.get202_none204_none_default_error204_none())
        .await
        .unwrap();
    assert_eq!(
        status_of(within(m.get202_none204_none_default_error400_valid()).await),
        400
    );
    within(m.get202_none204_none_default_none202_invalid())
        .await
        .unwrap();
    within(m.get202_none204_none_default_none204_none())
        .await
        .unwrap();
    assert_eq!(
        status_of(within(m.get202_none204_none_default_none400_none()).await),
        400
    );
    assert_eq!(
        status_of(within(m.get202_none204_none_default_none400_invalid()).await),
        400
    );
}

#[tokio::test]
async fn one_model() {
    let client = client();
    let m = client.multiple_responses();
    assert_eq!(within(m.get200_model_a200_valid()).await.unwrap(), a("200"));
    // `statusCodeInvalid` is no property of A: it is kept as an undeclared one.
    let invalid = within(m.get200_model_a200_invalid()).await.unwrap();
    assert_eq!(invalid.status_code, None);
    assert_eq!(
        invalid.additional_properties.get("statusCodeInvalid"),
        Some(&serde_json::json!("200"))
    );
    assert_eq!(status_of(within(m.get200_model_a400_none()).await), 400);
    assert_eq!(status_of(within(m.get200_model_a400_valid()).await), 400);
    assert_eq!(status_of(within(m.get200_model_a400_invalid()).await), 400);
    assert_eq!(status_of(within(m.get200_model_a202_valid()).await), 202);
    assert_eq!(
        status_of(within(m.get_default_model_a400_valid()).await),
        400
    );
    assert_eq!(
        status_of(within(m.get_default_model_a400_none()).await),
        400
    );
    assert_eq!(
        status_of(within(m.get_default_none400_invalid()).await),
        400
    );
    assert_eq!(status_of(within(m.get_default_none400_none()).await), 400);
}

#[tokio::test]
async fn success_without_a_documented_error() {
    let client = client();
    let m = client.multiple_responses();
    // Only `200` documented (with A), no `default`.
    assert_eq!(
        within(m.get_default_model_a200_valid()).await.unwrap(),
        a("200")
    );
    // Only `200` documented, without a body: what the server sends is not read.
    within(m.get_default_none200_invalid()).await.unwrap();
    within(m.get_default_none200_none()).await.unwrap();
}

#[tokio::test]
async fn a_documented_body_that_does_not_come() {
    // A 200 documented with A but sent without a body: AutoRest's clients give None; A
    // cannot be null, so the client says the body is empty rather than invent an A.
    let client = client();
    let m = client.multiple_responses();
    for error in [
        decode_error(within(m.get200_model_a200_none()).await),
        decode_error(within(m.get_default_model_a200_none()).await),
    ] {
        assert_eq!((error.status.as_u16(), error.raw.len()), (200, 0));
        assert!(
            error.message.starts_with("the body is empty"),
            "{}",
            error.message
        );
    }
}
