//! `constants.json`, `client-enum.json` and `validation.json`'s constants: a required
//! parameter whose enum has one value is a constant every request sends, not an
//! argument, wherever it goes (path, query, header), and whoever would hold it (the
//! client or the call).

use super::server::pipeline;
use testserver_acceptance::validation::models::{
    child_product, constant_product, product, ChildProduct, ConstantProduct, Product,
};
use testserver_acceptance::{client_enum, constants, validation};

#[tokio::test]
async fn client_constants_in_path_query_and_header() {
    let client = constants::client::Client::with_pipeline(pipeline());
    client.contants().put_client_constants().await.unwrap();
    let request = constants::client::contants::put_client_constants_request().unwrap();
    assert_eq!(
        request.uri().to_string(),
        "/constants/clientConstants/path?query-constant=100"
    );
    assert_eq!(request.headers()["header-constant"], "true");
}

#[tokio::test]
async fn a_client_enum_of_one_value_is_a_constant_header() {
    let client = client_enum::client::Client::with_pipeline(pipeline());
    client.head().await.unwrap();
}

fn validation() -> validation::client::Client {
    validation::client::Client::with_pipeline(pipeline(), "sub".into(), "1.0.0".into())
}

#[tokio::test]
async fn a_constant_in_the_path() {
    validation().get_with_constant_in_path().await.unwrap();
}

#[tokio::test]
async fn constants_in_the_body() {
    // Required one-value enums are constants: no argument, the value from the start.
    let product = Product::new(ChildProduct::default(), ConstantProduct::default(), 0);
    assert_eq!(product.const_string, product::ConstString::Constant);
    assert_eq!(
        product.child.const_property,
        child_product::ConstProperty::Constant
    );
    assert_eq!(
        product.const_child.const_property2,
        constant_product::ConstProperty2::Constant2
    );
    let options = validation::client::PostWithConstantInBodyOptions {
        body: Some(product.clone()),
    };
    // The server echoes the body.
    let echoed = validation()
        .post_with_constant_in_body(options)
        .await
        .unwrap();
    assert_eq!(echoed, product);
}
