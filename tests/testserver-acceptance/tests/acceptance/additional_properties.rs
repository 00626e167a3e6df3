//! `additionalProperties.json`: `additionalProperties` in every form (`true`, a schema of
//! objects, of strings), inherited by a subtype, and alongside a declared property that
//! is itself called `additionalProperties`. Each body is built with the constructors and
//! the extra members; the server compares it with what it expects and echoes it back with
//! the read-only `status`, which is asserted with the extras.

use super::server::pipeline;
use serde_json::json;
use std::collections::BTreeMap;
use testserver_acceptance::additional_properties::client::Client;
use testserver_acceptance::additional_properties::models::*;

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

fn puppy_extras() -> BTreeMap<String, serde_json::Value> {
    BTreeMap::from([
        ("birthdate".to_owned(), json!("2017-12-13T02:29:51Z")),
        ("complexProperty".to_owned(), json!({ "color": "Red" })),
    ])
}

#[tokio::test]
async fn true_keeps_any_extra_member() {
    let client = client();
    let pets = client.pets();
    let mut puppy = PetApTrue::new(1);
    puppy.name = Some("Puppy".into());
    puppy.additional_properties = puppy_extras();
    let reply = pets.create_ap_true(&puppy).await.unwrap();
    assert_eq!(reply.status, Some(true));
    assert_eq!(reply.additional_properties, puppy_extras());
    let mut lisa = CatApTrue::new(1);
    lisa.name = Some("Lisa".into());
    lisa.friendly = Some(true);
    lisa.additional_properties = puppy_extras();
    let reply = pets.create_cat_ap_true(&lisa).await.unwrap();
    assert_eq!((reply.friendly, *reply.status), (Some(true), Some(true)));
    assert_eq!(reply.additional_properties, puppy_extras());
}

#[tokio::test]
async fn typed_extra_members() {
    let client = client();
    let pets = client.pets();
    let mut hira = PetApObject::new(2);
    hira.name = Some("Hira".into());
    hira.additional_properties = BTreeMap::from([
        (
            "siblings".to_owned(),
            json!([{ "id": 1, "name": "Puppy", "birthdate": "2017-12-13T02:29:51Z", "complexProperty": { "color": "Red" } }]),
        ),
        ("picture".to_owned(), json!("//////4=")),
    ]);
    let reply = pets.create_ap_object(&hira).await.unwrap();
    assert_eq!(reply.status, Some(true));
    assert_eq!(reply.additional_properties, hira.additional_properties);
    let mut tommy = PetApString::new(3);
    tommy.name = Some("Tommy".into());
    let strings = BTreeMap::from(
        [("color", "red"), ("weight", "10 kg"), ("city", "Bombay")]
            .map(|(k, v)| (k.to_owned(), v.to_owned())),
    );
    tommy.additional_properties = strings.clone();
    let reply = pets.create_ap_string(&tommy).await.unwrap();
    assert_eq!(reply.status, Some(true));
    assert_eq!(reply.additional_properties, strings);
}

fn sizes() -> BTreeMap<String, f64> {
    BTreeMap::from([
        ("height".to_owned(), 5.61),
        ("weight".to_owned(), 599.0),
        ("footsize".to_owned(), 11.5),
    ])
}

#[tokio::test]
async fn a_property_called_additional_properties_beside_extra_members() {
    let client = client();
    let pets = client.pets();
    let mut bunny = PetApInProperties::new(4);
    bunny.name = Some("Bunny".into());
    bunny.additional_properties = Some(sizes());
    let reply = pets.create_ap_in_properties(&bunny).await.unwrap();
    assert_eq!(reply.status, Some(true));
    assert_eq!(reply.additional_properties, Some(sizes()));
    assert!(reply.additional_properties_2.is_empty());
    let mut funny = PetApInPropertiesWithApString::new(5, "westus");
    funny.name = Some("Funny".into());
    funny.additional_properties = Some(sizes());
    let strings = BTreeMap::from(
        [
            ("color", "red"),
            ("city", "Seattle"),
            ("food", "tikka masala"),
        ]
        .map(|(k, v)| (k.to_owned(), v.to_owned())),
    );
    funny.additional_properties_2 = strings.clone();
    let reply = pets
        .create_ap_in_properties_with_ap_string(&funny)
        .await
        .unwrap();
    assert_eq!(
        (reply.odata_location.as_str(), *reply.status),
        ("westus", Some(true))
    );
    assert_eq!(reply.additional_properties, Some(sizes()));
    assert_eq!(reply.additional_properties_2, strings);
}
