//! `subscriptionId-apiVersion.json`: a client-held subscription id in the path and the
//! spec's api-version in the query, and nothing else.

use super::server::{pipeline, within};
use testserver_acceptance::subscription_id_api_version::client::Client;

#[tokio::test]
async fn subscription_id_and_api_version() {
    let subscription = "1234-5678-9012-3456";
    let client = Client::with_pipeline(pipeline(), subscription.into());
    let group = within(client.group().get_sample_resource_group("testgroup101"))
        .await
        .unwrap();
    assert_eq!(group.name.as_deref(), Some("testgroup101"));
    assert_eq!(group.location.as_deref(), Some("West US"));
}
