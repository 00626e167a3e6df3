//! XML bodies beyond what the test server exercises: namespaces and prefixes, a required
//! attribute, an enum element, a map, `x-ms-text` in list items, and undeclared
//! elements kept. Drives the sans-IO functions generated for the golden case
//! `tests/cases/xml` (compiled by the `golden-cases` crate).

use golden_cases::xml::client::{books, shelf};
use golden_cases::xml::models::{Book, Kind, Shelf};

fn book(lang: &str, title: &str) -> Book {
    let mut book = Book::default();
    book.lang = Some(lang.into());
    book.title = Some(title.into());
    book
}

fn reply(body: &str) -> armgen_runtime::Response {
    http::Response::new(body.as_bytes().to_vec())
}

#[test]
fn a_definitions_namespace_is_declared_on_its_element_and_prefixes_are_written() {
    let mut value = Shelf::new("A & B");
    value.kind = Some(Kind::Poetry);
    value.books = Some(vec![book("en", "Odes <1>")]);
    value.tags = Some(vec!["x".into(), "y".into()]);
    value.notes = Some([("Colour".to_owned(), "red".to_owned())].into());
    let request = shelf::put_request(&value).unwrap();
    assert_eq!(request.headers()["content-type"], "application/xml");
    assert_eq!(
        std::str::from_utf8(request.body()).unwrap(),
        concat!(
            r#"<?xml version="1.0" encoding="utf-8"?>"#,
            r#"<Shelf xmlns="urn:shelves" Label="A &amp; B"><kind>poetry</kind>"#,
            r#"<Books><Book lang="en">Odes &lt;1&gt;</Book></Books>"#,
            r#"<t:Tag>x</t:Tag><t:Tag>y</t:Tag><notes><Colour>red</Colour></notes></Shelf>"#
        )
    );
    let root = books::put_request(&[book("fr", "Fables")]).unwrap();
    assert_eq!(
        std::str::from_utf8(root.body()).unwrap(),
        concat!(
            r#"<?xml version="1.0" encoding="utf-8"?>"#,
            r#"<lib:Books xmlns:lib="urn:library"><Book lang="fr">Fables</Book></lib:Books>"#
        )
    );
}

#[test]
fn a_map_key_that_is_no_xml_name_fails_the_request_instead_of_adding_markup() {
    let mut value = Shelf::new("x");
    value.notes = Some([("a><Injected/><b".to_owned(), "red".to_owned())].into());
    let error = shelf::put_request(&value).unwrap_err();
    assert!(error.0.contains("is not an XML name"), "{error}");
}

#[test]
fn documents_are_read_by_local_names_keeping_undeclared_elements() {
    let document = r#"<?xml version="1.0"?>
        <s:Shelf xmlns:s="urn:shelves" xmlns:t="urn:tags" Label="top">
          <s:kind>essays</s:kind>
          <Books><Book lang="en">One</Book><Book>Two</Book></Books>
          <t:Tag>a</t:Tag>
          <Extra>kept</Extra>
        </s:Shelf>"#;
    let value = shelf::parse_get(reply(document)).unwrap();
    assert_eq!(value.label, "top");
    assert_eq!(value.kind, Some(Kind::Other("essays".into())));
    let mut untitled = book("", "Two");
    untitled.lang = None;
    assert_eq!(value.books, Some(vec![book("en", "One"), untitled]));
    assert_eq!(value.tags, Some(vec!["a".to_owned()]));
    assert_eq!(value.notes, None);
    assert_eq!(
        value.additional_properties.get("Extra"),
        Some(&serde_json::json!("kept"))
    );
    // The undeclared element goes back out as it came.
    let sent = shelf::put_request(&value).unwrap();
    assert!(std::str::from_utf8(sent.body())
        .unwrap()
        .ends_with("<t:Tag>a</t:Tag><Extra>kept</Extra></Shelf>"));
}

#[test]
fn malformed_or_incomplete_documents_are_decode_errors() {
    for document in [
        "<Shelf Label='x'><Books>",
        "<!DOCTYPE Shelf [<!ENTITY e 'x'>]><Shelf Label='&e;'/>",
        "not xml",
    ] {
        let result = shelf::parse_get(reply(document));
        assert!(
            matches!(result, Err(armgen_runtime::Error::Decode(_))),
            "{document}: {result:?}"
        );
    }
}
