//! `url-multi-collectionFormat.json`: array query parameters sent as one `name=value`
//! pair per item (`collectionFormat: multi`).

use super::server::pipeline;
use testserver_acceptance::url_multi_collection_format::client::{queries, Client};

#[tokio::test]
async fn arrays_as_repeated_parameters() {
    let client = Client::with_pipeline(pipeline());
    let q = client.queries();
    // Unset and empty both send no parameter at all: the server fails any other query.
    q.array_string_multi_null(queries::ArrayStringMultiNullOptions::default())
        .await
        .unwrap();
    let empty = queries::ArrayStringMultiEmptyOptions {
        array_query: Some(vec![]),
    };
    q.array_string_multi_empty(empty).await.unwrap();
    // The server joins the repeated values with commas and compares them with its array:
    // the null item (the items are `x-nullable`) is sent as an empty value.
    let items = [Some("ArrayQuery1"), Some("begin!*'();:@ &=+$,/?#[]end"), None, Some("")];
    let valid = queries::ArrayStringMultiValidOptions {
        array_query: Some(items.iter().map(|s| s.map(str::to_owned)).collect()),
    };
    q.array_string_multi_valid(valid).await.unwrap();
}
