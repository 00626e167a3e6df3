//! `extensible-enums-swagger.json` (`modelAsString: true` enums keep values they do not
//! list, and send them back) and `non-string-enum.json` (enums of numbers stay numbers).

use super::server::pipeline;

mod extensible {
    use super::pipeline;
    use testserver_acceptance::extensible_enums::client::{pet::AddPetOptions, Client};
    use testserver_acceptance::extensible_enums::models::{
        DaysOfWeekExtensibleEnum as Days, IntEnum, Pet,
    };

    fn client() -> Client {
        Client::with_pipeline(pipeline())
    }

    #[tokio::test]
    async fn listed_values() {
        let tommy = client().pet().get_by_pet_id("tommy").await.unwrap();
        assert_eq!(tommy.name.as_deref(), Some("Tommy Tomson"));
        assert_eq!(tommy.days_of_week, Some(Days::Monday));
        assert_eq!(tommy.int_enum, IntEnum::V1);
    }

    #[tokio::test]
    async fn unlisted_values_are_kept() {
        let casper = client().pet().get_by_pet_id("casper").await.unwrap();
        assert_eq!(casper.days_of_week, Some(Days::Other("Weekend".into())));
        assert_eq!(casper.int_enum, IntEnum::V2);
        // `2.1` is one of the `allowedValues` of `2`, which the enum does not list.
        let scooby = client().pet().get_by_pet_id("scooby").await.unwrap();
        assert_eq!(scooby.days_of_week, Some(Days::Thursday));
        assert_eq!(scooby.int_enum, IntEnum::Other("2.1".into()));
    }

    #[tokio::test]
    async fn round_trip() {
        let mut pet = Pet::new(IntEnum::Other("3.1".into()));
        pet.name = Some("Retriever".into());
        pet.days_of_week = Some(Days::Other("Weekend".into()));
        // The server echoes the body it received.
        let echoed = client()
            .pet()
            .add_pet(AddPetOptions {
                pet_param: Some(pet.clone()),
            })
            .await
            .unwrap();
        assert_eq!(echoed, pet);
    }
}

mod non_string {
    use super::pipeline;
    use testserver_acceptance::non_string_enum::client::{float, int, Client};

    fn client() -> Client {
        Client::with_pipeline(pipeline())
    }

    #[tokio::test]
    async fn integers() {
        let client = client();
        assert_eq!(client.int().get().await.unwrap(), 429);
        assert_eq!(
            client
                .int()
                .put(int::PutOptions { input: Some(200) })
                .await
                .unwrap(),
            "Nice job posting an int enum"
        );
    }

    #[tokio::test]
    async fn floats() {
        let client = client();
        assert_eq!(client.float().get().await.unwrap(), 429.1);
        assert_eq!(
            client
                .float()
                .put(float::PutOptions { input: Some(200.4) })
                .await
                .unwrap(),
            "Nice job posting a float enum"
        );
    }
}
