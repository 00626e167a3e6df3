//! `media_types.json`: bodies an operation takes in several media types, the caller
//! choosing one; text bodies and replies.

use super::server::{pipeline, status_of};
use testserver_acceptance::media_types::client::*;
use testserver_acceptance::media_types::models::SourcePath;

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

fn source() -> SourcePath {
    let mut path = SourcePath::default();
    path.source = Some("http://example.org/doc.pdf".into());
    path
}

#[tokio::test]
async fn a_model_goes_as_json() {
    let options = AnalyzeBodyOptions {
        input: Some(AnalyzeBodyBody::ApplicationJson(source())),
    };
    let reply = client().analyze_body(options).await.unwrap();
    assert_eq!(reply, "Nice job with JSON");
}

#[tokio::test]
async fn bytes_go_as_the_chosen_media_type() {
    let options = AnalyzeBodyOptions {
        input: Some(AnalyzeBodyBody::ApplicationPdf(b"PDF".to_vec())),
    };
    let reply = client().analyze_body(options).await.unwrap();
    assert_eq!(reply, "Nice job with PDF");
    // The server takes only PDF bytes or a JSON source, so a PNG is refused: the
    // content type follows the variant.
    let options = AnalyzeBodyOptions {
        input: Some(AnalyzeBodyBody::ImagePng(b"PDF".to_vec())),
    };
    assert_eq!(status_of(client().analyze_body(options).await), 400);
}

#[tokio::test]
async fn no_accept_header_when_no_reply_has_a_body() {
    for input in [
        AnalyzeBodyNoAcceptHeaderBody::ApplicationJson(source()),
        AnalyzeBodyNoAcceptHeaderBody::ApplicationPdf(b"PDF".to_vec()),
    ] {
        let options = AnalyzeBodyNoAcceptHeaderOptions { input: Some(input) };
        client()
            .analyze_body_no_accept_header(options)
            .await
            .unwrap();
    }
    let request = analyze_body_no_accept_header_request(&Default::default()).unwrap();
    assert!(request.headers().get("accept").is_none());
}

#[tokio::test]
async fn a_text_body_keeps_its_charset() {
    let options = ContentTypeWithEncodingOptions {
        input: Some("input".into()),
    };
    let reply = client().content_type_with_encoding(options).await.unwrap();
    assert_eq!(reply, "Nice job sending content type with encoding");
}

#[tokio::test]
async fn binary_in_two_content_types() {
    for body in [
        BinaryBodyWithTwoContentTypesBody::ApplicationJson(br#"{"hello":"world"}"#.to_vec()),
        BinaryBodyWithTwoContentTypesBody::ApplicationOctetStream(b"hello, world".to_vec()),
    ] {
        // A `text/plain` reply is read as text: the server sends an empty one.
        let reply = client()
            .binary_body_with_two_content_types(&body)
            .await
            .unwrap();
        assert_eq!(reply, "");
    }
}

#[tokio::test]
async fn binary_in_three_content_types() {
    for body in [
        BinaryBodyWithThreeContentTypesBody::ApplicationJson(br#"{"hello":"world"}"#.to_vec()),
        BinaryBodyWithThreeContentTypesBody::ApplicationOctetStream(b"hello".to_vec()),
        BinaryBodyWithThreeContentTypesBody::TextPlain(b"hello, world".to_vec()),
    ] {
        client()
            .binary_body_with_three_content_types(&body)
            .await
            .unwrap();
    }
    // The server compares the text: other text is refused.
    let wrong = BinaryBodyWithThreeContentTypesBody::TextPlain(b"goodbye".to_vec());
    assert_eq!(
        status_of(client().binary_body_with_three_content_types(&wrong).await),
        400
    );
}

#[tokio::test]
async fn any_body_as_json_bytes_or_text() {
    for body in [
        BodyThreeTypesBody::ApplicationJson(serde_json::json!({"hello": "world"})),
        BodyThreeTypesBody::ApplicationOctetStream(b"hello".to_vec()),
        BodyThreeTypesBody::TextPlain("hello, world".into()),
    ] {
        client().body_three_types(&body).await.unwrap();
    }
}
