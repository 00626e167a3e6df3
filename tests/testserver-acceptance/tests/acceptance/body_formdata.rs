//! `body-formdata.json` and `body-formdata-urlencoded.json`: `formData` parameters as
//! `multipart/form-data` and `application/x-www-form-urlencoded`, and a file body.

use super::server::pipeline;
use testserver_acceptance::body_formdata::client::Client;
use testserver_acceptance::body_formdata_urlencoded::client::{
    formdataurlencoded::UpdatePetWithFormOptions, Client as UrlEncodedClient,
};
use testserver_acceptance::body_formdata_urlencoded::models::{PetFood, PetType};

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

fn url_encoded() -> UrlEncodedClient {
    UrlEncodedClient::with_pipeline(pipeline())
}

/// Bytes that hold every byte value and line breaks, as a file would.
fn file() -> Vec<u8> {
    let mut file: Vec<u8> = (0..=255).collect();
    file.extend_from_slice(b"\r\n--not-a-boundary\r\nTest file content");
    file
}

/// The server reads the multipart form and sends the file part back.
#[tokio::test]
async fn a_file_goes_in_a_multipart_form() {
    let sent = file();
    let echoed = client()
        .formdata()
        .upload_file(&sent, "UploadFile.txt")
        .await
        .unwrap();
    assert_eq!(echoed, sent);
}

/// The same operation's file as the body itself (`application/octet-stream`).
#[tokio::test]
async fn a_file_goes_as_the_body() {
    let sent = b"Test file content".to_vec();
    let echoed = client()
        .formdata()
        .upload_file_via_body(&sent)
        .await
        .unwrap();
    assert_eq!(echoed, sent);
}

#[tokio::test]
async fn url_encoded_fields_with_enums_numbers_and_options() {
    let options = UpdatePetWithFormOptions {
        name: Some("Fido".into()),
        ..Default::default()
    };
    url_encoded()
        .formdataurlencoded()
        .update_pet_with_form(1, &PetType::Dog, &PetFood::Meat, 42, options)
        .await
        .unwrap();
}

/// `grant_type` is a required enum of one value: a constant, sent without an argument.
#[tokio::test]
async fn a_constant_field_is_sent_with_the_given_ones() {
    url_encoded()
        .formdataurlencoded()
        .partial_constant_body("bar", "foo")
        .await
        .unwrap();
}
