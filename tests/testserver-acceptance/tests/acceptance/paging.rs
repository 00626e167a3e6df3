//! `paging.json`: lists that follow next links over several pages (`x-ms-pageable`).

use super::server::{pipeline, within};
use armgen_runtime::{Error, Pager};
use testserver_acceptance::paging::client::{paging, Client, ErrorBody};
use testserver_acceptance::paging::models::Product;

fn client() -> Client {
    Client::with_pipeline(pipeline())
}

/// Every page's items, in order, and how many pages there were.
async fn all(
    mut pager: Pager<Product, ErrorBody>,
) -> Result<(Vec<Product>, usize), Error<ErrorBody>> {
    let (mut items, mut pages) = (Vec::new(), 0);
    while let Some(page) = within(pager.next_page()).await {
        items.extend(page?.items);
        pages += 1;
    }
    Ok((items, pages))
}

/// The ids of the products.
fn ids(items: &[Product]) -> Vec<i64> {
    items
        .iter()
        .map(|item| item.properties.as_ref().and_then(|p| p.id).unwrap())
        .collect()
}

#[tokio::test]
async fn single_pages() {
    let paging = client();
    let paging = paging.paging();
    let (items, pages) = all(paging.get_single_pages()).await.unwrap();
    assert_eq!((ids(&items), pages), (vec![1], 1));
    let name = items[0].properties.as_ref().and_then(|p| p.name.as_deref());
    assert_eq!(name, Some("Product"));
    let (items, _) = all(paging.get_no_item_name_pages()).await.unwrap();
    assert_eq!(ids(&items), [1]);
    let (items, _) = all(paging.get_null_next_link_name_pages()).await.unwrap();
    assert_eq!(ids(&items), [1]);
    let (items, _) = all(paging.get_empty_next_link_name_pages()).await.unwrap();
    assert_eq!(ids(&items), [1]);
}

#[tokio::test]
async fn multiple_pages() {
    let paging = client();
    let paging = paging.paging();
    let (items, pages) = all(paging.get_multiple_pages(paging::GetMultiplePagesOptions::default()))
        .await
        .unwrap();
    assert_eq!((items.len(), pages), (10, 10));
    assert_eq!(ids(&items)[0], 1);
    let (items, _) = all(paging.get_odata_multiple_pages(Default::default()))
        .await
        .unwrap();
    assert_eq!(items.len(), 10);
    let (items, _) = all(paging.get_multiple_pages_with_offset(100, Default::default()))
        .await
        .unwrap();
    assert_eq!((items.len(), ids(&items).last().copied()), (10, Some(110)));
}

#[tokio::test]
async fn failures_are_errors() {
    let paging = client();
    let paging = paging.paging();
    for pager in [
        paging.get_single_pages_failure(),
        paging.get_multiple_pages_failure(),
        paging.get_multiple_pages_failure_uri(),
    ] {
        let result = all(pager).await;
        assert!(result.is_err(), "{result:?}");
    }
}

#[tokio::test]
#[ignore = "`x-ms-pageable` `operationName`: the next page is fetched by the next link alone, not through the named operation with its query parameters"]
async fn next_operation_with_query_parameters() {
    let paging = client();
    let paging = paging.paging();
    let (items, pages) = all(paging.get_with_query_params(100)).await.unwrap();
    assert_eq!((ids(&items), pages), (vec![1, 2], 2));
}

#[tokio::test]
async fn empty_first_page() {
    let paging = client();
    let paging = paging.paging();
    let (items, _) = all(paging.first_response_empty()).await.unwrap();
    assert_eq!(ids(&items), [1]);
}

#[tokio::test]
#[ignore = "`x-ms-pageable` `operationName`: a fragment next link (`next?page=2`) must go through the named next operation's path, which the pager does not know"]
async fn fragment_links() {
    let paging = client();
    let paging = paging.paging();
    let (items, pages) = all(paging.get_multiple_pages_fragment_next_link("1.6", "test_user"))
        .await
        .unwrap();
    assert_eq!((items.len(), pages), (10, 10));
}
