//! `azure-parameter-grouping.json`: parameters marked `x-ms-parameter-grouping` are the
//! fields of a struct per group, which the method takes whole; a group named alike by
//! several operations is one struct.

use super::server::pipeline;
use testserver_acceptance::azure_parameter_grouping::client::{
    Client, FirstParameterGroup, Grouper, ParameterGroupingPostMultiParamGroupsSecondParamGroup,
    ParameterGroupingPostOptionalParameters, ParameterGroupingPostRequiredParameters,
    ParameterGroupingPostReservedWordsParameters,
};
use testserver_acceptance::azure_parameter_grouping::models::EncryptionAlgorithmType;

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

#[tokio::test]
async fn a_group_with_required_members() {
    // The server checks the body, the path, and the header and query when sent.
    let client = client();
    let grouping = client.parameter_grouping();
    let group = ParameterGroupingPostRequiredParameters {
        body: 1234,
        custom_header: Some("header".into()),
        query: Some(21),
        path: "path".into(),
    };
    grouping.post_required(group).await.unwrap();
    // A wrong member is sent where the group says: the server refuses it.
    let wrong = ParameterGroupingPostRequiredParameters {
        body: 1234,
        custom_header: None,
        query: Some(22),
        path: "path".into(),
    };
    assert!(grouping.post_required(wrong).await.is_err());
}

#[tokio::test]
async fn a_group_of_optional_members() {
    let client = client();
    let grouping = client.parameter_grouping();
    let group = ParameterGroupingPostOptionalParameters {
        custom_header: Some("header".into()),
        query: Some(21),
    };
    grouping.post_optional(group).await.unwrap();
    grouping.post_optional(Default::default()).await.unwrap();
}

#[tokio::test]
async fn members_named_like_keywords() {
    let client = client();
    let group = ParameterGroupingPostReservedWordsParameters {
        from: Some("bob".into()),
        accept: Some("yes".into()),
    };
    client
        .parameter_grouping()
        .post_reserved_words(group)
        .await
        .unwrap();
}

#[tokio::test]
async fn several_groups_and_a_shared_one() {
    let client = client();
    let grouping = client.parameter_grouping();
    let first = FirstParameterGroup {
        header_one: Some("header".into()),
        query_one: Some(21),
    };
    let second = ParameterGroupingPostMultiParamGroupsSecondParamGroup {
        header_two: Some("header2".into()),
        query_two: Some(42),
    };
    grouping
        .post_multi_param_groups(first.clone(), second)
        .await
        .unwrap();
    // `first-parameter-group` is the same struct in another operation.
    grouping
        .post_shared_parameter_group_object(first)
        .await
        .unwrap();
}

#[tokio::test]
async fn a_group_with_a_constant() {
    let client = client();
    let group = Grouper {
        grouped_constant: Some(EncryptionAlgorithmType::Foo),
        grouped_parameter: Some("bar".into()),
    };
    client
        .parameter_grouping()
        .group_with_constant(group)
        .await
        .unwrap();
}
