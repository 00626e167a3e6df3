//! `xms-error-responses.json`: statuses marked `x-ms-error-response` are errors, each with
//! its own model (an error enum per operation), and any other status has the `default`
//! reply's model.

use super::server::{pipeline, service_error, within};
use serde_json::{json, Value};
use testserver_acceptance::xms_error_responses::client::{pet, Client};

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

/// A model as JSON, so the assertions hold however the type space shapes it.
fn as_json<T: serde::Serialize>(model: &T) -> Value {
    serde_json::to_value(model).unwrap()
}

#[tokio::test]
async fn documented_successes() {
    let client = client();
    let pets = client.pet();
    let tommy = within(pets.get_pet_by_id("tommy")).await.unwrap().unwrap();
    assert_eq!(tommy.name.as_deref(), Some("Tommy Tomson"));
    assert_eq!(tommy.ani_type.as_deref(), Some("Dog"));
    // 202 is documented without a body.
    assert_eq!(within(pets.get_pet_by_id("django")).await.unwrap(), None);
    let stay = within(pets.do_something("stay")).await.unwrap();
    assert_eq!(stay.action_response, None);
}

#[tokio::test]
async fn errors_typed_by_status() {
    let client = client();
    let pets = client.pet();
    let not_found = |id| async move { service_error(within(pets.get_pet_by_id(id)).await) };
    let animal = not_found("coyoteUgly").await;
    assert_eq!(animal.status.as_u16(), 404);
    let Some(pet::GetPetByIdError::Status404(model)) = &animal.body else {
        panic!(
            "404 is documented with NotFoundErrorBase: {:?}",
            animal.body
        )
    };
    let model = as_json(model);
    assert_eq!(model["whatNotFound"], "AnimalNotFound");
    assert_eq!(
        model["reason"],
        "the type of animal requested is not available"
    );
    assert_eq!(model["name"], "coyote");
    let link = not_found("weirdAlYankovic").await;
    let Some(pet::GetPetByIdError::Status404(model)) = &link.body else {
        panic!("404 is documented with NotFoundErrorBase: {:?}", link.body)
    };
    let model = as_json(model);
    assert_eq!(model["whatNotFound"], "InvalidResourceLink");
    assert_eq!(model["whatSubAddress"], "pet/yourpet was not found");
    // Scalar error models.
    let string = not_found("ringo").await;
    assert_eq!(
        string.body,
        Some(pet::GetPetByIdError::Status400("ringo is missing".into()))
    );
    let int = not_found("alien123").await;
    assert_eq!(int.status.as_u16(), 501);
    assert_eq!(int.body, Some(pet::GetPetByIdError::Status501(123)));
}

#[tokio::test]
async fn errors_of_the_default_model() {
    let client = client();
    let pets = client.pet();
    let sad = service_error(within(pets.do_something("jump")).await);
    assert_eq!(sad.status.as_u16(), 500);
    let Some(pet::DoSomethingError::Status500(model)) = &sad.body else {
        panic!("500 is documented with PetActionError: {:?}", sad.body)
    };
    assert_eq!(
        as_json(model),
        json!({
            "actionResponse": "grrrr",
            "errorType": "PetSadError",
            "errorMessage": "casper aint happy",
            "reason": "need more treats",
        })
    );
    // 404 is not documented: the `default` model.
    let hungry = service_error(within(pets.do_something("fetch")).await);
    assert_eq!(hungry.status.as_u16(), 404);
    let Some(pet::DoSomethingError::Default(model)) = &hungry.body else {
        panic!("other statuses have the default model: {:?}", hungry.body)
    };
    let model = as_json(model);
    assert_eq!(model["errorType"], "PetHungryOrThirstyError");
    assert_eq!(model["hungryOrThirsty"], "hungry and thirsty");
}

#[tokio::test]
async fn an_argument_named_models() {
    let options = pet::HasModelsParamOptions {
        models: Some("value1".into()),
    };
    let error = service_error(within(client().pet().has_models_param(options)).await);
    assert_eq!(error.status.as_u16(), 500);
    assert!(matches!(
        error.body,
        Some(pet::HasModelsParamError::Status500(_))
    ));
}
