//! `xml-service.json`: XML bodies (attributes, wrapped and unwrapped lists, lists at the
//! root, empty elements, names from referenced definitions, `x-ms-text`), Azure
//! Storage's documents, and the operations of an XML spec that take or give JSON.
//! Each reply is asserted field by field (with nothing left over in the map of
//! undeclared members, which would hide a misread name) and each `put` is compared by
//! the server with the document it expects, parsed.

use super::server::pipeline;
use armgen_runtime::Timestamp;
use testserver_acceptance::xml_service::client::Client;
use testserver_acceptance::xml_service::models::*;

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

fn timestamp(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn banana(name: &str, flavor: &str, expiration: &str) -> Banana {
    let mut banana = Banana::default();
    banana.name = Some(name.into());
    banana.flavor = Some(flavor.into());
    banana.expiration = Some(timestamp(expiration));
    banana
}

#[tokio::test]
async fn simple_document_with_attributes_and_unwrapped_lists() {
    let client = client();
    let xml = client.xml();
    let slideshow = xml.get_simple().await.unwrap();
    assert_eq!(slideshow.title.as_deref(), Some("Sample Slide Show"));
    assert_eq!(slideshow.date.as_deref(), Some("Date of publication"));
    assert_eq!(slideshow.author.as_deref(), Some("Yours Truly"));
    assert!(slideshow.additional_properties.is_empty());
    let slides = slideshow.slides.as_deref().unwrap();
    assert_eq!(slides.len(), 2);
    assert_eq!(slides[0].r#type.as_deref(), Some("all"));
    assert_eq!(
        slides[0].title.as_deref(),
        Some("Wake up to WonderWidgets!")
    );
    assert_eq!(slides[0].items, None);
    assert_eq!(slides[1].title.as_deref(), Some("Overview"));
    assert_eq!(
        slides[1].items.as_deref(),
        Some(
            &[
                "Why WonderWidgets are great".to_owned(),
                String::new(),
                "Who buys WonderWidgets".to_owned(),
            ][..]
        )
    );
    assert!(slides.iter().all(|s| s.additional_properties.is_empty()));

    // Built from scratch, so that the writer's names are checked, not echoed.
    let slide = |title: &str, items: Option<&[&str]>| {
        let mut slide = Slide::default();
        slide.r#type = Some("all".into());
        slide.title = Some(title.into());
        slide.items = items.map(|items| items.iter().map(|&i| i.to_owned()).collect());
        slide
    };
    let mut put = Slideshow::default();
    put.title = Some("Sample Slide Show".into());
    put.date = Some("Date of publication".into());
    put.author = Some("Yours Truly".into());
    put.slides = Some(vec![
        slide("Wake up to WonderWidgets!", None),
        slide(
            "Overview",
            Some(&["Why WonderWidgets are great", "", "Who buys WonderWidgets"]),
        ),
    ]);
    xml.put_simple(&put).await.unwrap();
    // A different document is refused: the server compares what it parses.
    put.author = Some("Someone Else".into());
    assert!(xml.put_simple(&put).await.is_err());
}

#[tokio::test]
async fn wrapped_lists() {
    let client = client();
    let xml = client.xml();
    let barrel = xml.get_wrapped_lists().await.unwrap();
    assert_eq!(
        barrel.good_apples,
        Some(vec!["Fuji".to_owned(), "Gala".to_owned()])
    );
    assert_eq!(barrel.bad_apples, Some(vec!["Red Delicious".to_owned()]));
    assert!(barrel.additional_properties.is_empty());
    let mut put = AppleBarrel::default();
    put.good_apples = Some(vec!["Fuji".into(), "Gala".into()]);
    put.bad_apples = Some(vec!["Red Delicious".into()]);
    xml.put_wrapped_lists(&put).await.unwrap();
}

#[tokio::test]
async fn empty_lists_wrapped_and_unwrapped() {
    let client = client();
    let xml = client.xml();
    let empty = xml.get_empty_list().await.unwrap();
    assert_eq!(empty, Slideshow::default());
    xml.put_empty_list(&Slideshow::default()).await.unwrap();

    let barrel = xml.get_empty_wrapped_lists().await.unwrap();
    // Present but empty wrappers are empty lists, not absent ones.
    assert_eq!(barrel.good_apples, Some(vec![]));
    assert_eq!(barrel.bad_apples, Some(vec![]));
    assert!(barrel.additional_properties.is_empty());
    xml.put_empty_wrapped_lists(&barrel).await.unwrap();
}

#[tokio::test]
async fn lists_at_the_root() {
    let client = client();
    let xml = client.xml();
    let cavendish = banana("Cavendish", "Sweet", "2018-02-28T00:40:00.123Z");
    let plantain = banana("Plantain", "Savory", "2018-02-28T00:40:00.123Z");
    let bananas = xml.get_root_list().await.unwrap();
    assert_eq!(bananas, [cavendish.clone(), plantain.clone()]);
    xml.put_root_list(&[cavendish.clone(), plantain])
        .await
        .unwrap();

    let single = xml.get_root_list_single_item().await.unwrap();
    assert_eq!(single, std::slice::from_ref(&cavendish));
    xml.put_root_list_single_item(&[cavendish]).await.unwrap();

    assert_eq!(xml.get_empty_root_list().await.unwrap(), []);
    xml.put_empty_root_list(&[]).await.unwrap();
}

#[tokio::test]
async fn empty_child_element_is_empty_text() {
    let client = client();
    let xml = client.xml();
    let banana_read = xml.get_empty_child_element().await.unwrap();
    let expected = banana("Unknown Banana", "", "2012-02-24T00:53:52.789Z");
    assert_eq!(banana_read, expected);
    xml.put_empty_child_element(&expected).await.unwrap();
}

#[tokio::test]
async fn properties_named_by_their_definitions_xml_name() {
    let client = client();
    let xml = client.xml();
    let no_meta = xml.get_complex_type_ref_no_meta().await.unwrap();
    let mut expected = RootWithRefAndNoMeta::default();
    expected.ref_to_model = Some({
        let mut inner = ComplexTypeNoMeta::default();
        inner.id = Some("myid".into());
        inner
    });
    expected.something = Some("else".into());
    assert_eq!(no_meta, expected);
    xml.put_complex_type_ref_no_meta(&expected).await.unwrap();

    let with_meta = xml.get_complex_type_ref_with_meta().await.unwrap();
    let mut expected = RootWithRefAndMeta::default();
    expected.ref_to_model = Some({
        let mut inner = ComplexTypeWithMeta::default();
        inner.id = Some("myid".into());
        inner
    });
    expected.something = Some("else".into());
    assert_eq!(with_meta, expected);
    xml.put_complex_type_ref_with_meta(&expected).await.unwrap();
}

#[tokio::test]
async fn json_operations_of_an_xml_spec() {
    let client = client();
    let xml = client.xml();
    let mut input = JsonInput::default();
    input.id = Some(42);
    xml.json_input(&input).await.unwrap();
    let output = xml.json_output().await.unwrap();
    assert_eq!(output.id, Some(42));
    assert!(output.additional_properties.is_empty());
}

#[tokio::test]
async fn x_ms_text_is_the_elements_text() {
    let text = client().xml().get_x_ms_text().await.unwrap();
    assert_eq!(text.language.as_deref(), Some("english"));
    assert_eq!(text.content.as_deref(), Some("I am text"));
    assert!(text.additional_properties.is_empty());
}

#[tokio::test]
async fn bytes_and_urls_in_elements() {
    let client = client();
    let xml = client.xml();
    let bytes = xml.get_bytes().await.unwrap();
    // `format: byte`: base64 text on the wire, the bytes in the model.
    let read = bytes.bytes.as_ref().expect("the reply has bytes");
    assert_eq!(read.as_bytes(), b"Hello world");
    assert_eq!(read.as_str(), "SGVsbG8gd29ybGQ=");
    assert!(bytes.additional_properties.is_empty());
    let mut put = ModelWithByteProperty::default();
    put.bytes = Some(b"Hello world".as_slice().into());
    xml.put_binary(&put).await.unwrap();

    let url = xml.get_uri().await.unwrap();
    assert_eq!(
        url.url.as_deref(),
        Some("https://myaccount.blob.core.windows.net/")
    );
    let mut put = ModelWithUrlProperty::default();
    put.url = Some("https://myaccount.blob.core.windows.net/".into());
    xml.put_uri(&put).await.unwrap();
}

#[tokio::test]
async fn storage_list_containers() {
    let list = client().xml().list_containers().await.unwrap();
    assert_eq!(
        list.service_endpoint,
        "https://myaccount.blob.core.windows.net/"
    );
    assert_eq!(list.max_results, 3);
    assert_eq!(list.next_marker, "video");
    // Required but absent in the reply: the empty value, as XML services omit them.
    assert_eq!(list.prefix, "");
    assert_eq!(list.marker, None);
    let containers = list.containers.as_deref().unwrap();
    let names: Vec<&str> = containers.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["audio", "images", "textfiles"]);
    let first = &containers[0].properties;
    assert_eq!(
        first.last_modified.as_str(),
        "Wed, 26 Oct 2016 20:39:39 GMT"
    );
    assert_eq!(first.etag, "0x8CACB9BD7C6B1B2");
    assert_eq!(first.public_access, Some(PublicAccessType::Container));
    assert_eq!(containers[1].properties.public_access, None);
}

#[tokio::test]
async fn storage_list_blobs() {
    let list = client().xml().list_blobs().await.unwrap();
    assert_eq!(
        list.container_name,
        "https://myaccount.blob.core.windows.net/mycontainer"
    );
    assert_eq!(list.next_marker, "");
    assert_eq!(list.blobs.blob_prefix, None);
    let blobs = list.blobs.blob.as_deref().unwrap();
    assert_eq!(blobs.len(), 5);
    let blob = &blobs[0];
    assert_eq!(blob.name, "blob1.txt");
    let properties = &blob.properties;
    assert_eq!(
        properties.last_modified.as_str(),
        "Wed, 09 Sep 2009 09:20:02 GMT"
    );
    assert_eq!(properties.etag, "0x8CBFF45D8A29A19");
    assert_eq!(properties.content_length, Some(100));
    assert_eq!(properties.content_type.as_deref(), Some("text/html"));
    // An empty element is empty text; an absent one is `None`.
    assert_eq!(properties.content_encoding.as_deref(), Some(""));
    assert_eq!(properties.content_language.as_deref(), Some("en-US"));
    assert_eq!(properties.cache_control.as_deref(), Some("no-cache"));
    assert_eq!(properties.blob_type, Some(BlobType::BlockBlob));
    assert_eq!(properties.lease_status, Some(LeaseStatus::Unlocked));
    assert_eq!(properties.destination_snapshot, None);
    let metadata = blob.metadata.as_ref().unwrap();
    let pairs: Vec<(&str, &str)> = metadata
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("BlobNumber", "01"),
            ("Color", "blue"),
            ("SomeMetadataName", "SomeMetadataValue")
        ]
    );
    // `Url` is not in the spec: kept as an undeclared member.
    assert_eq!(
        blob.additional_properties.get("Url"),
        Some(&serde_json::json!(
            "https://myaccount.blob.core.windows.net/mycontainer/blob1.txt"
        ))
    );
    assert_eq!(blobs[1].snapshot, "2009-09-09T09:20:03.0427659Z");
    assert_eq!(blobs[4].properties.blob_sequence_number, Some(3));
    assert_eq!(blobs[4].properties.lease_status, Some(LeaseStatus::Locked));
}

#[tokio::test]
async fn storage_service_properties() {
    let client = client();
    let xml = client.xml();
    let properties = xml.get_service_properties().await.unwrap();
    let retention = {
        let mut policy = RetentionPolicy::new(true);
        policy.days = Some(7);
        policy
    };
    let logging = properties.logging.as_ref().unwrap();
    assert_eq!(
        (
            logging.version.as_str(),
            logging.delete,
            logging.read,
            logging.write
        ),
        ("1.0", true, false, true)
    );
    assert_eq!(logging.retention_policy, retention);
    let hour = properties.hour_metrics.as_ref().unwrap();
    assert_eq!(
        (hour.version.as_deref(), hour.enabled, hour.include_ap_is),
        (Some("1.0"), true, Some(false))
    );
    assert_eq!(hour.retention_policy.as_ref(), Some(&retention));
    let minute = properties.minute_metrics.as_ref().unwrap();
    assert_eq!(minute.include_ap_is, Some(true));
    assert_eq!(properties.cors, None);
    xml.put_service_properties(&properties).await.unwrap();
}

#[tokio::test]
async fn storage_container_acl_is_a_wrapped_list_at_the_root() {
    let client = client();
    let xml = client.xml();
    let acls = xml.get_acls().await.unwrap();
    assert_eq!(acls.len(), 1);
    let acl = &acls[0];
    assert_eq!(acl.id, "MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI=");
    assert_eq!(acl.access_policy.start.as_str(), "2009-09-28T08:49:37.123Z");
    assert_eq!(
        acl.access_policy.expiry.as_str(),
        "2009-09-29T08:49:37.123Z"
    );
    assert_eq!(acl.access_policy.permission, "rwd");
    let put = vec![SignedIdentifier::new(
        "MTIzNDU2Nzg5MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTI=",
        AccessPolicy::new(
            timestamp("2009-09-28T08:49:37.123Z"),
            timestamp("2009-09-29T08:49:37.123Z"),
            "rwd",
        ),
    )];
    xml.put_acls(&put).await.unwrap();
}
