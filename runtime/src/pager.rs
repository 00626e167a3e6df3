use crate::pipeline::{BoxFuture, Pipeline};
use crate::{Error, Page, Request, RequestError, Response};
use futures_core::Stream;
use std::collections::HashSet;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

type Parse<T, E> = fn(Response) -> Result<Page<T>, Error<E>>;
type NextRequest = Box<dyn Fn(&str) -> Result<Request, RequestError> + Send + Sync>;

/// An `x-ms-pageable` list: item by item with [`Pager::next`] (a plain `while let`, no
/// extra crate), as a [`Stream`] of items for stream combinators, or one page at a time
/// with [`Pager::next_page`]; all follow next links. Nothing is sent until it is polled.
///
/// ```no_run
/// # async fn list(mut pager: armgen_runtime::Pager<String, ()>) -> Result<(), armgen_runtime::Error<()>> {
/// while let Some(item) = pager.next().await {
///     println!("{}", item?);
/// }
/// # Ok(())
/// # }
/// ```
pub struct Pager<T, E> {
    links: Links,
    parse: Parse<T, E>,
    /// The items of the page being streamed, not yet returned.
    items: std::vec::IntoIter<T>,
    in_flight: Option<BoxFuture<'static, Result<Page<T>, Error<E>>>>,
    /// A page already here, returned before any is fetched.
    ready: Option<Page<T>>,
}

/// Where the pages come from: what a `Pager` holds whatever its item type, in a struct
/// of its own so that its code is compiled once rather than per item type.
struct Links {
    pipeline: Pipeline,
    next: Next,
    /// The first request's `Accept`, sent again with every next link.
    accept: Option<http::HeaderValue>,
    /// The first request's endpoint, against which relative next links resolve.
    endpoint: Option<crate::Endpoint>,
    /// The first request's `api-version`, which every next link is sent with.
    api_version: Option<String>,
    /// Builds the request for a next link (`x-ms-pageable`'s `operationName`); by
    /// default a GET of the link.
    next_request: Option<NextRequest>,
    /// Every next link followed: one seen again would page for ever.
    followed: HashSet<String>,
}

enum Next {
    First(Box<Result<Request, RequestError>>),
    Link(String),
    Repeated(String),
    Done,
}

// No field is ever pinned in place: futures are boxed and items are moved out.
impl<T, E> Unpin for Pager<T, E> {}

impl<T: Send + 'static, E: Send + 'static> Pager<T, E> {
    pub fn new(
        pipeline: Pipeline,
        request: Result<Request, RequestError>,
        parse: Parse<T, E>,
    ) -> Self {
        Self::starting_at(Links::new(pipeline, Next::First(Box::new(request))), parse)
    }

    fn starting_at(links: Links, parse: Parse<T, E>) -> Self {
        Self {
            links,
            parse,
            items: Vec::new().into_iter(),
            ready: None,
            in_flight: None,
        }
    }

    /// Fetches the pages after the first with the requests `next` builds from each next
    /// link, rather than a GET of the link (`x-ms-pageable`'s `operationName`).
    pub fn with_next_request(
        mut self,
        next: impl Fn(&str) -> Result<Request, RequestError> + Send + Sync + 'static,
    ) -> Self {
        self.links.next_request = Some(Box::new(next));
        self
    }

    /// A list whose first page is already here (the result of a long-running
    /// operation): its items come first, then the pages its next link leads to.
    pub fn from_first_page(pipeline: Pipeline, first: Page<T>, parse: Parse<T, E>) -> Self {
        let mut pager =
            Self::starting_at(Links::after(pipeline, first.next_link.as_deref()), parse);
        pager.ready = Some(first);
        pager
    }

    /// The next item, fetching the next page when this one is used up; `None` after the
    /// last. The same as `StreamExt::next` of the futures crates, without them.
    pub async fn next(&mut self) -> Option<Result<T, Error<E>>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }

    /// The next page, or `None` after the last. Items of a page already started through
    /// the stream are not repeated here.
    pub async fn next_page(&mut self) -> Option<Result<Page<T>, Error<E>>> {
        std::future::poll_fn(|cx| self.poll_page(cx)).await
    }

    fn poll_page(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<Page<T>, Error<E>>>> {
        if let Some(page) = self.ready.take() {
            return Poll::Ready(Some(Ok(page)));
        }
        let future = match &mut self.in_flight {
            Some(future) => future,
            None => {
                let Some(request) = self.links.next_request() else {
                    return Poll::Ready(None);
                };
                let (pipeline, parse) = (self.links.pipeline.clone(), self.parse);
                self.in_flight.insert(Box::pin(
                    async move { pipeline.execute(request, parse).await },
                ))
            }
        };
        let result = ready!(future.as_mut().poll(cx));
        self.in_flight = None;
        if let Ok(page) = &result {
            self.links.fetched(page.next_link.as_deref());
        }
        Poll::Ready(Some(result))
    }
}

impl Links {
    fn new(pipeline: Pipeline, next: Next) -> Self {
        Self {
            pipeline,
            next,
            accept: None,
            endpoint: None,
            api_version: None,
            next_request: None,
            followed: HashSet::new(),
        }
    }

    /// The links after a first page that is already here.
    fn after(pipeline: Pipeline, next_link: Option<&str>) -> Self {
        let next = match next_link {
            Some(link) => Next::Link(link.to_owned()),
            None => Next::Done,
        };
        let mut links = Self::new(pipeline, next);
        links.followed.extend(next_link.map(str::to_owned));
        links
    }

    /// The request for the next page (an error for one that could not be built, or for a
    /// next link sent a second time: the pipeline returns it as the page's error), or
    /// `None` after the last page.
    fn next_request(&mut self) -> Option<Result<Request, RequestError>> {
        let request = match std::mem::replace(&mut self.next, Next::Done) {
            Next::Done => return None,
            Next::First(request) => {
                let request = *request;
                if let Ok(first) = &request {
                    self.accept = first.headers().get(http::header::ACCEPT).cloned();
                    self.endpoint = first.extensions().get::<crate::Endpoint>().cloned();
                    self.api_version = query_value(first.uri(), API_VERSION);
                }
                request
            }
            Next::Link(link) if self.next_request.is_some() => {
                let next = self.next_request.as_ref().expect("matched");
                next(&link)
            }
            Next::Link(link) => {
                let link = match &self.api_version {
                    Some(version) => with_query_value(&link, API_VERSION, version),
                    None => link,
                };
                next_link_request(&link).map(|mut request| {
                    crate::Endpoint::copy(self.endpoint.as_ref(), &mut request);
                    if let Some(accept) = &self.accept {
                        request
                            .headers_mut()
                            .insert(http::header::ACCEPT, accept.clone());
                    }
                    request
                })
            }
            Next::Repeated(link) => Err(RequestError(format!(
                "the service sent the next link `{link}` a second time: the list would never end"
            ))),
        };
        Some(request)
    }

    /// A page came: where the next one is.
    fn fetched(&mut self, next_link: Option<&str>) {
        self.next = match next_link {
            None => Next::Done,
            Some(link) if self.followed.insert(link.to_owned()) => Next::Link(link.to_owned()),
            Some(link) => Next::Repeated(link.to_owned()),
        };
    }
}

const API_VERSION: &str = "api-version";

/// The value (as sent, encoded) of the query parameter `name` of `uri`.
fn query_value(uri: &http::Uri, name: &str) -> Option<String> {
    uri.query()?.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then(|| value.to_owned())
    })
}

/// `link` with `name=value` as its only parameter of that name (compared without
/// case): the service's next links may leave out the API's version or name another.
fn with_query_value(link: &str, name: &str, value: &str) -> String {
    let (link, fragment) = link
        .split_once('#')
        .map_or((link, None), |(l, f)| (l, Some(f)));
    let (base, query) = link.split_once('?').unwrap_or((link, ""));
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|pair| {
            let key = pair.split_once('=').map_or(*pair, |(key, _)| key);
            !pair.is_empty() && !key.eq_ignore_ascii_case(name)
        })
        .map(str::to_owned)
        .collect();
    pairs.push(format!("{name}={value}"));
    let mut text = format!("{base}?{}", pairs.join("&"));
    if let Some(fragment) = fragment {
        text.push('#');
        text.push_str(fragment);
    }
    text
}

/// Next links and polling URLs are followed with GET whatever the list's own method, as ARM expects.
pub(crate) fn next_link_request(link: &str) -> Result<Request, RequestError> {
    let uri = link
        .parse()
        .map_err(|error| RequestError(format!("the service sent a bad link `{link}`: {error}")))?;
    let mut request = http::Request::new(Vec::new());
    *request.uri_mut() = uri;
    Ok(request)
}

impl<T: Send + 'static, E: Send + 'static> Stream for Pager<T, E> {
    type Item = Result<T, Error<E>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.items.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            match ready!(this.poll_page(cx)) {
                None => return Poll::Ready(None),
                Some(Err(error)) => return Poll::Ready(Some(Err(error))),
                Some(Ok(page)) => this.items = page.items.into_iter(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::with_query_value;

    #[test]
    fn the_api_version_is_added_or_replaced() {
        let add = with_query_value("https://x/a?%24skiptoken=b", "api-version", "1.0");
        assert_eq!(add, "https://x/a?%24skiptoken=b&api-version=1.0");
        let replace = with_query_value("https://x/a?Api-Version=no&t=1", "api-version", "1.0");
        assert_eq!(replace, "https://x/a?t=1&api-version=1.0");
        assert_eq!(
            with_query_value("/a", "api-version", "1"),
            "/a?api-version=1"
        );
    }
}
