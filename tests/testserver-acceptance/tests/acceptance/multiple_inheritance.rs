//! `multiple-inheritance.json`: types inheriting from several parents through `allOf`
//! (a kitten is a cat, which is both a pet and a feline). Each type's struct holds every
//! parent's fields; replies are asserted field by field, and request bodies built from
//! the constructors are compared by the server with what it expects.

use super::server::pipeline;
use testserver_acceptance::multiple_inheritance::client::Client;
use testserver_acceptance::multiple_inheritance::models::*;

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

#[tokio::test]
async fn a_type_with_one_parent() {
    let client = client();
    let pet = client.get_pet().await.unwrap();
    assert_eq!(pet, Pet::new("Peanut"));
    assert_eq!(
        client.put_pet(&Pet::new("Butter")).await.unwrap(),
        "Pet was correct!"
    );
    let horse = client.get_horse().await.unwrap();
    assert_eq!(
        (horse.name.as_str(), horse.is_a_show_horse),
        ("Fred", Some(true))
    );
    let mut general = Horse::new("General");
    general.is_a_show_horse = Some(false);
    assert_eq!(
        client.put_horse(&general).await.unwrap(),
        "Horse was correct!"
    );
    let feline = client.get_feline().await.unwrap();
    assert_eq!((feline.meows, feline.hisses), (Some(true), Some(true)));
    let mut feline = Feline::default();
    feline.meows = Some(false);
    feline.hisses = Some(true);
    assert_eq!(
        client.put_feline(&feline).await.unwrap(),
        "Feline was correct!"
    );
}

#[tokio::test]
async fn types_with_several_parents_at_several_depths() {
    let client = client();
    let cat = client.get_cat().await.unwrap();
    assert_eq!(
        (cat.name.as_str(), cat.likes_milk, cat.meows, cat.hisses),
        ("Whiskers", Some(true), Some(true), Some(true))
    );
    let mut boots = Cat::new("Boots");
    boots.likes_milk = Some(false);
    boots.meows = Some(true);
    boots.hisses = Some(false);
    assert_eq!(client.put_cat(&boots).await.unwrap(), "Cat was correct!");
    let kitten = client.get_kitten().await.unwrap();
    assert_eq!(
        (
            kitten.name.as_str(),
            kitten.likes_milk,
            kitten.meows,
            kitten.hisses,
            kitten.eats_mice_yet
        ),
        ("Gatito", Some(true), Some(true), Some(true), Some(false))
    );
    let mut kitty = Kitten::new("Kitty");
    kitty.likes_milk = Some(false);
    kitty.meows = Some(true);
    kitty.hisses = Some(false);
    kitty.eats_mice_yet = Some(true);
    assert_eq!(
        client.put_kitten(&kitty).await.unwrap(),
        "Kitten was correct!"
    );
}
