//! `paging.json`: lists that follow next links over several pages (`x-ms-pageable`).

use super::server::{pipeline, pipeline_with_retries, within};
use armgen_runtime::{Error, Pager};
use testserver_acceptance::paging::client::{
    paging, Client, ErrorBody, PagingGetMultiplePagesLroOptions, PagingGetMultiplePagesOptions,
    PagingGetMultiplePagesWithOffsetOptions,
};
use testserver_acceptance::paging::models::{BodyParam, Product};

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
    let (items, pages) = all(paging.get_multiple_pages(
        PagingGetMultiplePagesOptions::default(),
        paging::GetMultiplePagesOptions::default(),
    ))
    .await
    .unwrap();
    assert_eq!((items.len(), pages), (10, 10));
    assert_eq!(ids(&items)[0], 1);
    let (items, _) = all(paging.get_odata_multiple_pages(Default::default(), Default::default()))
        .await
        .unwrap();
    assert_eq!(items.len(), 10);
    // `offset` is a member of the group `PagingGetMultiplePagesWithOffsetOptions`.
    let group = PagingGetMultiplePagesWithOffsetOptions {
        maxresults: None,
        offset: 100,
        timeout: None,
    };
    let (items, _) = all(paging.get_multiple_pages_with_offset(group, Default::default()))
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
async fn next_operation_with_query_parameters() {
    // `operationName`: the second page is the named operation's request (with its
    // constant query), not a GET of the link.
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
async fn fragment_links() {
    // `operationName`: the link (`next?page=2`) goes into the next operation's path,
    // with the list's path and query parameters.
    let paging = client();
    let paging = paging.paging();
    let (items, pages) = all(paging.get_multiple_pages_fragment_next_link("1.6", "test_user"))
        .await
        .unwrap();
    assert_eq!((ids(&items), pages), ((1..=10).collect(), 10));
}

#[tokio::test]
async fn body_parameters() {
    let paging = client();
    let body = {
        let mut body = BodyParam::default();
        body.name = Some("body".into());
        body
    };
    let (items, _) = all(paging.paging().get_single_pages_with_body_params(&body))
        .await
        .unwrap();
    assert_eq!(ids(&items), [1]);
}

#[tokio::test]
async fn next_links_keep_their_own_query() {
    // The link already has `$filter` (the service's, not the caller's): it is sent as
    // it is, not with the first request's added again.
    let paging = client();
    let options = paging::DuplicateParamsOptions {
        filter: Some("foo".into()),
    };
    let (items, pages) = all(paging.paging().duplicate_params(options))
        .await
        .unwrap();
    assert_eq!((ids(&items), pages), (vec![1], 2));
}

#[tokio::test]
async fn next_links_get_the_api_version() {
    // The client's `api-version` is added to a link without one, and replaces another.
    let paging = client();
    let paging = paging.paging();
    let (items, pages) = all(paging.append_api_version()).await.unwrap();
    assert_eq!((ids(&items), pages), (vec![1], 2));
    let (items, pages) = all(paging.replace_api_version()).await.unwrap();
    assert_eq!((ids(&items), pages), (vec![1], 2));
}

#[tokio::test]
async fn an_unset_page_size_is_not_sent() {
    let paging = client();
    let options = paging::PageWithMaxPageSizeOptions::default();
    let (items, pages) = all(paging.paging().page_with_max_page_size(options))
        .await
        .unwrap();
    assert_eq!((items.len(), pages), (0, 1));
}

#[tokio::test]
async fn item_name_with_a_client_name() {
    let paging = client();
    let pager = paging
        .paging()
        .get_paging_model_with_item_name_with_xms_client_name();
    let (items, _) = all(pager).await.unwrap();
    assert_eq!(ids(&items), [1]);
}

#[tokio::test]
async fn pages_retried_after_a_500() {
    // The first page, then the second, fail once with a 500; the pipeline retries them.
    let client = Client::with_pipeline(pipeline_with_retries());
    let paging = client.paging();
    let (items, pages) = all(paging.get_multiple_pages_retry_first()).await.unwrap();
    assert_eq!((ids(&items), pages), ((1..=10).collect(), 10));
    let (items, pages) = all(paging.get_multiple_pages_retry_second()).await.unwrap();
    assert_eq!((items.len(), pages), (10, 10));
}

#[tokio::test]
async fn a_long_running_operation_whose_result_is_a_list() {
    // POST, polled through `Azure-AsyncOperation`; its `Location` is the first page.
    let paging = client();
    let options = paging::GetMultiplePagesLroOptions::default();
    let group = PagingGetMultiplePagesLroOptions::default();
    let pager = within(paging.paging().get_multiple_pages_lro(group, options)).await;
    let (items, pages) = all(pager.unwrap()).await.unwrap();
    // The first page is the operation's result; the pager fetches the 9 others.
    assert_eq!((ids(&items), pages), ((1..=10).collect(), 10));
}
