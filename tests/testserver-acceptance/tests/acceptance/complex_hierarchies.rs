//! `body-complex.json`'s hierarchies: inheritance (`allOf`), polymorphism (`discriminator`,
//! `x-ms-discriminator-value`, nested subtypes, a discriminator named with a dot, one
//! typed as an enum), recursion through a union, and read-only properties. Each reply is
//! asserted as typed values (which variant, which fields), then sent back, or a value is
//! built with the constructors, which set the discriminator, and the server compares it
//! with what it expects.

use super::server::pipeline;
use armgen_runtime::Timestamp;
use serde_json::json;
use testserver_acceptance::body_complex::client::Client;
use testserver_acceptance::body_complex::models::*;

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

fn timestamp(text: &str) -> Timestamp {
    text.parse().unwrap()
}

#[tokio::test]
async fn inheritance_gives_each_struct_its_parents_fields() {
    let client = client();
    let inheritance = client.inheritance();
    let siamese = inheritance.get_valid().await.unwrap();
    assert_eq!(siamese.id, Some(2));
    assert_eq!(siamese.name.as_deref(), Some("Siameeee"));
    assert_eq!(siamese.color.as_deref(), Some("green"));
    assert_eq!(siamese.breed.as_deref(), Some("persian"));
    let hates = siamese.hates.as_deref().unwrap();
    assert_eq!(
        hates
            .iter()
            .map(|dog| (dog.id, dog.name.as_deref(), dog.food.as_deref()))
            .collect::<Vec<_>>(),
        [
            (Some(1), Some("Potato"), Some("tomato")),
            (Some(-1), Some("Tomato"), Some("french fries"))
        ]
    );
    let mut built = Siamese::default();
    built.id = Some(2);
    built.name = Some("Siameeee".into());
    built.color = Some("green".into());
    built.breed = Some("persian".into());
    built.hates = Some(vec![
        dog(1, "Potato", "tomato"),
        dog(-1, "Tomato", "french fries"),
    ]);
    assert_eq!(built, siamese);
    inheritance.put_valid(&built).await.unwrap();
}

fn dog(id: i64, name: &str, food: &str) -> Dog {
    let mut dog = Dog::default();
    dog.id = Some(id);
    dog.name = Some(name.into());
    dog.food = Some(food.into());
    dog
}

/// The three siblings of the server's fish: a shark, a sawshark and a goblin shark whose
/// colour is not one the spec lists.
fn siblings() -> Vec<FishUnion> {
    let mut shark = Shark::new(20.0, timestamp("2012-01-05T01:00:00Z"));
    shark.age = Some(6);
    shark.species = Some("predator".into());
    // Built from JSON: how `byte` is typed is not this test's subject.
    let sawshark: Sawshark = serde_json::from_value(json!({
        "fishtype": "sawshark", "age": 105, "birthday": "1900-01-05T01:00:00Z",
        "length": 10.0, "picture": "//////4=", "species": "dangerous"
    }))
    .unwrap();
    let mut goblin = Goblinshark::new(30.0, timestamp("2015-08-08T00:00:00Z"));
    goblin.age = Some(1);
    goblin.species = Some("scary".into());
    goblin.jawsize = Some(5);
    goblin.color = Some("pinkish-gray".parse().unwrap());
    vec![shark.into(), sawshark.into(), goblin.into()]
}

fn salmon() -> Salmon {
    let mut salmon = Salmon::new(1.0);
    salmon.location = Some("alaska".into());
    salmon.iswild = Some(true);
    salmon.species = Some("king".into());
    salmon.siblings = Some(siblings());
    salmon
}

#[tokio::test]
async fn a_discriminator_picks_the_subtype_at_every_depth() {
    let client = client();
    let polymorphism = client.polymorphism();
    let fish = polymorphism.get_valid().await.unwrap();
    let FishUnion::Salmon(salmon_read) = &fish else {
        panic!("a salmon: {fish:?}")
    };
    assert_eq!(salmon_read.fishtype, "salmon");
    assert_eq!(salmon_read.location.as_deref(), Some("alaska"));
    let siblings_read = salmon_read.siblings.as_deref().unwrap();
    let [FishUnion::Shark(shark), FishUnion::Sawshark(sawshark), FishUnion::Goblinshark(goblin)] =
        siblings_read
    else {
        panic!("a shark, a sawshark and a goblin shark: {siblings_read:?}")
    };
    assert_eq!((shark.age, shark.length), (Some(6), 20.0));
    assert_eq!(sawshark.birthday.as_str(), "1900-01-05T01:00:00Z");
    // `x-ms-discriminator-value: goblin`, and an enum value the spec does not list.
    assert_eq!(goblin.fishtype, "goblin");
    assert_eq!(goblin.jawsize, Some(5));
    assert_eq!(
        goblin.color.as_ref().map(|c| c.as_str()),
        Some("pinkish-gray")
    );
    assert_eq!(fish, FishUnion::from(salmon()));
    polymorphism.put_valid(&salmon().into()).await.unwrap();
}

#[tokio::test]
async fn a_nested_subtype_keeps_its_undeclared_members() {
    let client = client();
    let polymorphism = client.polymorphism();
    let read = polymorphism.get_complicated().await.unwrap();
    let SalmonUnion::SmartSalmon(smart) = &read else {
        panic!("a smart salmon: {read:?}")
    };
    assert_eq!(smart.fishtype, "smart_salmon");
    assert_eq!(smart.additional_properties.len(), 5);
    assert_eq!(
        smart.additional_properties["additionalProperty4"],
        json!({ "a": 1, "b": 2 })
    );
    let mut built = SmartSalmon::new(1.0);
    built.location = Some("alaska".into());
    built.iswild = Some(true);
    built.species = Some("king".into());
    built.siblings = Some(siblings());
    for (key, value) in [
        ("additionalProperty1", json!(1)),
        ("additionalProperty2", json!(false)),
        ("additionalProperty3", json!("hello")),
        ("additionalProperty4", json!({ "a": 1, "b": 2 })),
        ("additionalProperty5", json!([1, 3])),
    ] {
        built.additional_properties.insert(key.into(), value);
    }
    assert_eq!(read, SalmonUnion::from(built.clone()));
    polymorphism.put_complicated(&built.into()).await.unwrap();
}

#[tokio::test]
async fn a_reply_without_discriminator_is_the_type_asked_for() {
    let client = client();
    let polymorphism = client.polymorphism();
    let reply = polymorphism
        .put_missing_discriminator(&salmon().into())
        .await
        .unwrap();
    // The reply has no `fishtype`: read as a salmon, and marked one.
    let SalmonUnion::Salmon(read) = reply else {
        panic!("a salmon: {reply:?}")
    };
    assert_eq!(read, salmon());
}

#[tokio::test]
async fn a_discriminator_with_a_dot_in_its_name() {
    let client = client();
    let polymorphism = client.polymorphism();
    let fish = polymorphism.get_dot_syntax().await.unwrap();
    let DotFishUnion::DotSalmon(salmon) = &fish else {
        panic!("a salmon: {fish:?}")
    };
    assert_eq!(salmon.fish_type, "DotSalmon");
    assert_eq!(
        (salmon.location.as_deref(), salmon.iswild),
        (Some("sweden"), Some(true))
    );
    assert_eq!(
        serde_json::to_value(&fish).unwrap(),
        json!({ "fish.type": "DotSalmon", "location": "sweden", "iswild": true, "species": "king" })
    );
}

#[tokio::test]
async fn composed_types_with_and_without_discriminators() {
    let client = client();
    let polymorphism = client.polymorphism();
    let market = polymorphism
        .get_composed_with_discriminator()
        .await
        .unwrap();
    assert!(matches!(
        market.sample_fish,
        Some(DotFishUnion::DotSalmon(_))
    ));
    let fishes = market.fishes.as_deref().unwrap();
    assert!(
        fishes
            .iter()
            .all(|f| matches!(f, DotFishUnion::DotSalmon(_))),
        "{fishes:?}"
    );
    assert_eq!(
        market.salmons.as_deref().unwrap()[1].location.as_deref(),
        Some("atlantic")
    );
    let market = polymorphism
        .get_composed_without_discriminator()
        .await
        .unwrap();
    // Without a discriminator each is the type the schema names.
    let Some(DotFishUnion::DotFish(fish)) = &market.sample_fish else {
        panic!("a fish: {:?}", market.sample_fish)
    };
    assert_eq!(fish.fish_type, "DotFish");
    assert_eq!(
        fish.additional_properties.get("location"),
        Some(&json!("australia"))
    );
    let salmon = &market.sample_salmon.unwrap();
    assert_eq!(
        (salmon.fish_type.as_str(), salmon.iswild),
        ("DotSalmon", Some(false))
    );
}

#[tokio::test]
async fn a_hierarchy_holding_itself_round_trips() {
    let client = client();
    let recursive = client.polymorphicrecursive();
    let fish = recursive.get_valid().await.unwrap();
    let FishUnion::Salmon(salmon) = &fish else {
        panic!("a salmon: {fish:?}")
    };
    let Some([FishUnion::Shark(shark), FishUnion::Sawshark(_)]) = salmon.siblings.as_deref() else {
        panic!("a shark and a sawshark: {:?}", salmon.siblings)
    };
    let Some([FishUnion::Salmon(inner), FishUnion::Sawshark(saw)]) = shark.siblings.as_deref()
    else {
        panic!("a salmon and a sawshark: {:?}", shark.siblings)
    };
    assert_eq!(inner.species.as_deref(), Some("coho"));
    assert_eq!(inner.siblings.as_ref().map(Vec::len), Some(2));
    assert_eq!(saw.siblings.as_deref(), Some(&[][..]));
    recursive.put_valid(&fish).await.unwrap();
}

#[tokio::test]
async fn read_only_properties_are_read_and_never_sent() {
    let client = client();
    let readonly = client.readonlyproperty();
    let read = readonly.get_valid().await.unwrap();
    assert_eq!((read.id.as_deref(), read.size), (Some("1234"), Some(2)));
    // The server refuses a body carrying `id`.
    readonly.put_valid(&read).await.unwrap();
}

/// The server has no route for `flattencomplex_getValid`: its type is checked on JSON.
#[test]
fn a_discriminator_typed_as_an_enum() {
    let read: MyBaseTypeUnion = serde_json::from_value(
        json!({ "kind": "Kind1", "propD1": "d", "helper": { "propBH1": "h" } }),
    )
    .unwrap();
    let MyBaseTypeUnion::MyDerivedType(derived) = &read else {
        panic!("the derived type: {read:?}")
    };
    assert_eq!(
        (derived.kind.clone(), derived.prop_d1.as_deref()),
        (MyKind::Kind1, Some("d"))
    );
    assert_eq!(MyDerivedType::new().kind, MyKind::Kind1);
    assert_eq!(
        serde_json::to_value(MyBaseType::new()).unwrap(),
        json!({ "kind": "MyBaseType" })
    );
}
