//! The request bodies of `tests/cases/bodies`, built by its generated sans-IO functions:
//! each media type the caller chooses, forms, bytes, constants and an optional
//! client-held parameter, with the replies read as bytes or text. No server needed; the
//! acceptance suite (`tests/testserver-acceptance`) proves the same against the AutoRest
//! test server.

use golden_cases::bodies::client::{documents, forms};
use golden_cases::bodies::models::{Source, SourceKind};

fn content_type(request: &armgen_runtime::Request) -> &str {
    request.headers()["content-type"].to_str().unwrap()
}

#[test]
fn the_chosen_media_type_decides_the_encoding() {
    let json = documents::AnalyzeBody::ApplicationJson(Source::new("https://x/doc.pdf"));
    let request = documents::analyze_request(3, &json).unwrap();
    assert_eq!(content_type(&request), "application/json");
    assert_eq!(
        request.body(),
        br#"{"kind":"document","uri":"https://x/doc.pdf"}"#
    );
    // Constants: the header and the model's property go without being given.
    assert_eq!(request.headers()["x-mode"], "strict");
    assert_eq!(request.uri().query(), Some("level=3"));

    let pdf = documents::AnalyzeBody::ApplicationPdf(b"%PDF-1.7".to_vec());
    let request = documents::analyze_request(3, &pdf).unwrap();
    assert_eq!(content_type(&request), "application/pdf");
    assert_eq!(request.body(), b"%PDF-1.7");

    let text = documents::AnalyzeBody::TextPlain("plain words".into());
    let request = documents::analyze_request(3, &text).unwrap();
    assert_eq!(content_type(&request), "text/plain");
    assert_eq!(request.body(), b"plain words");
}

#[test]
fn a_reply_leaving_out_a_constant_reads_as_it() {
    let reply = http::Response::new(br#"{"uri":"u"}"#.to_vec());
    let source = documents::parse_analyze(reply).unwrap();
    assert_eq!(
        (source.kind, source.uri.as_str()),
        (SourceKind::Document, "u")
    );
}

#[test]
fn bytes_and_text_in_and_out() {
    let options = documents::UploadOptions {
        content: Some(vec![0, 159, 146, 150]),
    };
    let request = documents::upload_request(None, &options).unwrap();
    assert_eq!(content_type(&request), "application/octet-stream");
    assert_eq!(request.body(), &[0, 159, 146, 150]);
    assert_eq!(request.uri().query(), None, "no region, no query");
    let request = documents::upload_request(Some("west"), &Default::default()).unwrap();
    assert_eq!(request.uri().query(), Some("region=west"));
    assert!(request.body().is_empty() && request.headers().get("content-type").is_none());
    // `text/plain` replies are text, not JSON strings.
    let reply = http::Response::new(b"stored".to_vec());
    assert_eq!(documents::parse_upload(reply).unwrap(), "stored");

    let request = documents::download_request().unwrap();
    assert_eq!(request.uri().query(), Some("kind=pdf"), "a constant query");
    let reply = http::Response::new(vec![0xff, 0x00]);
    assert_eq!(documents::parse_download(reply).unwrap(), [0xff, 0x00]);
}

#[test]
fn form_fields_url_encoded_and_multipart() {
    let options = forms::SubmitOptions {
        tags: Some(vec!["a b".into(), "c&d".into()]),
        note: None,
    };
    let request = forms::submit_request(7, "me", &options).unwrap();
    assert_eq!(request.uri().path(), "/forms/7");
    assert_eq!(content_type(&request), "application/x-www-form-urlencoded");
    assert_eq!(
        request.body(),
        b"grant_type=password&user=me&tags=a+b&tags=c%26d"
    );

    let options = forms::AttachOptions {
        more: Some(vec![b"two".to_vec()]),
    };
    let request = forms::attach_request(7, b"one", "n", &options).unwrap();
    let boundary = "armgen-form-boundary-0";
    assert_eq!(
        content_type(&request),
        format!("multipart/form-data; boundary={boundary}")
    );
    let file = |name: &str, data: &str| {
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"; filename=\"{name}\"\r\n\
             Content-Type: application/octet-stream\r\n\r\n{data}\r\n"
        )
    };
    let expected = format!(
        "{}--{boundary}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nn\r\n{}--{boundary}--\r\n",
        file("file", "one"),
        file("more", "two"),
    );
    assert_eq!(String::from_utf8_lossy(request.body()), expected);
}
