//! `model-flattening.json`: `x-ms-client-flatten` on properties and on body parameters.
//! armgen keeps the wire's nesting in Rust (`product.properties.p_name`; the type space
//! documents why), so these scenarios prove that the nested types read and write exactly
//! the server's JSON: arrays, maps and collections of resources whose `properties` hold
//! names with dots, read-only members kept from replies and left out of requests, and
//! custom-flattened bodies with inherited members.

use super::server::pipeline;
use serde_json::json;
use std::collections::BTreeMap;
use testserver_acceptance::model_flattening::client::*;
use testserver_acceptance::model_flattening::models::*;

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

/// Asserts the server's first product: every member, nested ones included.
fn assert_product1(product: &FlattenedProduct, id: &str, name: &str, p_name: &str) {
    assert_eq!(product.id.as_deref(), Some(id));
    assert_eq!(product.name.as_deref(), Some(name));
    assert_eq!(product.location.as_deref(), Some("Building 44"));
    assert_eq!(product.r#type.as_deref(), Some("Microsoft.Web/sites"));
    assert_eq!(
        product.tags.as_ref().map(|t| t["tag2"].as_str()),
        Some("value3")
    );
    let properties = product.properties.as_ref().unwrap();
    assert_eq!(properties.p_name.as_deref(), Some(p_name));
    assert_eq!(properties.r#type.as_deref(), Some("Flat"));
    assert_eq!(properties.provisioning_state.as_deref(), Some("Succeeded"));
    assert_eq!(
        properties
            .provisioning_state_values
            .as_ref()
            .map(|v| v.as_str()),
        Some("OK")
    );
}

fn product(location: &str, tags: bool, p_name: Option<&str>) -> FlattenedProduct {
    let mut product = FlattenedProduct::default();
    product.location = Some(location.into());
    if tags {
        product.tags = Some(BTreeMap::from(
            [("tag1", "value1"), ("tag2", "value3")].map(|(k, v)| (k.into(), v.into())),
        ));
    }
    product.properties = p_name.map(|p_name| {
        let mut properties = flattened_product::Properties::default();
        properties.p_name = Some(p_name.into());
        properties.r#type = Some("Flat".into());
        properties
    });
    product
}

#[tokio::test]
async fn arrays_of_resources() {
    let client = client();
    let array = client.get_array().await.unwrap();
    assert_eq!(array.len(), 3);
    assert_product1(&array[0], "1", "Resource1", "Product1");
    assert_eq!(
        (
            array[2].id.as_deref(),
            array[2].location.as_deref(),
            array[2].properties.is_none()
        ),
        (Some("3"), None, true)
    );
    let resources = [("West US", true), ("Building 44", false)].map(|(location, tags)| {
        let mut resource = Resource::default();
        resource.location = Some(location.into());
        resource.tags = product(location, tags, None).tags;
        // Read-only: the server refuses a body that carries them.
        resource.id = Some("set by the service".into()).into();
        resource.name = Some("set by the service".into()).into();
        resource
    });
    let options = PutArrayOptions {
        resource_array: Some(resources.to_vec()),
    };
    client.put_array(options).await.unwrap();
}

fn dictionary() -> BTreeMap<String, FlattenedProduct> {
    BTreeMap::from([
        (
            "Resource1".into(),
            product("West US", true, Some("Product1")),
        ),
        (
            "Resource2".into(),
            product("Building 44", false, Some("Product2")),
        ),
    ])
}

#[tokio::test]
async fn maps_of_resources() {
    let client = client();
    let map = client.get_dictionary().await.unwrap();
    assert_eq!(
        map.keys().map(String::as_str).collect::<Vec<_>>(),
        ["Product1", "Product2", "Product3"]
    );
    assert_product1(&map["Product1"], "1", "Resource1", "Product1");
    let options = PutDictionaryOptions {
        resource_dictionary: Some(dictionary()),
    };
    client.put_dictionary(options).await.unwrap();
}

#[tokio::test]
async fn collections_of_resources() {
    let client = client();
    let collection = client.get_resource_collection().await.unwrap();
    let map = collection.dictionaryofresources.as_ref().unwrap();
    assert_product1(&map["Product1"], "1", "Resource1", "Product1");
    let array = collection.arrayofresources.as_deref().unwrap();
    assert_product1(&array[0], "4", "Resource4", "Product4");
    assert_eq!(
        collection
            .productresource
            .as_ref()
            .and_then(|p| p.name.as_deref()),
        Some("Resource7")
    );
    let mut collection = ResourceCollection::default();
    collection.arrayofresources = Some(vec![
        product("West US", true, Some("Product1")),
        product("East US", false, Some("Product2")),
    ]);
    collection.dictionaryofresources = Some(dictionary());
    collection.productresource = Some(product("India", false, Some("Azure")));
    let options = PutResourceCollectionOptions {
        resource_complex_object: Some(collection),
    };
    client.put_resource_collection(options).await.unwrap();
}

/// The custom-flattened product; `with_generic` adds the member `ProductUrl` inherits.
/// Built from JSON: how a one-value enum (`max_product_capacity`) is typed is not this
/// test's subject.
fn simple_product(with_generic: bool) -> SimpleProduct {
    let mut image = json!({ "@odata.value": "http://foo" });
    if with_generic {
        image["generic_value"] = json!("https://generic");
    }
    let details: SimpleProductProperties = serde_json::from_value(json!({
        "max_product_display_name": "max name",
        "max_product_capacity": "Large",
        "max_product_image": image,
    }))
    .unwrap();
    let mut product = SimpleProduct::new("123");
    product.description = Some("product description".into());
    product.details = Some(details);
    product
}

#[tokio::test]
async fn custom_flattened_bodies() {
    let client = client();
    let options = PutSimpleProductOptions {
        simple_body_product: Some(simple_product(true)),
    };
    let reply = client.put_simple_product(options).await.unwrap();
    let image = reply
        .details
        .as_ref()
        .and_then(|d| d.max_product_image.as_ref());
    assert_eq!(
        image.map(|i| (i.odata_value.as_deref(), i.generic_value.as_deref())),
        Some((Some("http://foo"), Some("https://generic")))
    );
    assert_eq!(reply, simple_product(true));
    let options = PostFlattenedSimpleProductOptions {
        simple_body_product: Some(simple_product(false)),
    };
    let reply = client.post_flattened_simple_product(options).await.unwrap();
    assert_eq!(reply, simple_product(false));
    assert_eq!(reply.product_id, "123");
}

#[tokio::test]
async fn a_custom_flattened_body_in_a_parameter_group() {
    let client = client();
    // The path's `name` and the body are one `x-ms-parameter-grouping` group.
    let group = FlattenParameterGroup {
        simple_body_product: Some(simple_product(false)),
        name: "groupproduct".into(),
    };
    let reply = client.put_simple_product_with_grouping(group).await.unwrap();
    assert_eq!(reply, simple_product(false));
}
