use crate::error::header;
use crate::pager::next_link_request;
use crate::pipeline::{retry_after, BoxFuture, Pipeline};
use crate::{Endpoint, Error, Request, RequestError, Response};
use http::header::LOCATION;
use http::{Method, StatusCode, Uri};
use serde::de::DeserializeOwned;
use std::future::IntoFuture;
use std::time::Duration;

const ASYNC_OPERATION: &str = "azure-asyncoperation";

/// Where the result of a long-running operation is, from `final-state-via`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FinalState {
    /// What ARM does without the option: the resource for PUT and PATCH, the `Location`
    /// for POST, nothing more for DELETE.
    Default,
    AzureAsyncOperation,
    Location,
    OriginalUri,
}

/// An `x-ms-long-running-operation`. Awaiting it sends the first request and polls
/// `Azure-AsyncOperation`, else `Location`, else the resource itself, waiting as
/// `Retry-After` says, until the typed result: after `Azure-AsyncOperation`, the
/// status's `resourceLocation`, the resource (PUT, PATCH) or the `Location` (POST), as
/// `final-state-via` may override; after `Location`, its last reply. [`Poller::begin`] sends only the first
/// request, for callers who want the first response.
pub struct Poller<T, E> {
    pipeline: Pipeline,
    state: State,
    final_state: FinalState,
    parse: fn(Response) -> Result<T, Error<E>>,
}

enum State {
    Unsent(Result<Request, RequestError>),
    Started(Started),
}

struct Started {
    method: Method,
    uri: Uri,
    /// The first request's endpoint, where relative polling URLs resolve.
    endpoint: Option<Endpoint>,
    initial: Response,
}

impl<T: Send + 'static, E: DeserializeOwned + Send + 'static> Poller<T, E> {
    pub fn new(
        pipeline: Pipeline,
        request: Result<Request, RequestError>,
        final_state: FinalState,
        parse: fn(Response) -> Result<T, Error<E>>,
    ) -> Self {
        Self {
            pipeline,
            state: State::Unsent(request),
            final_state,
            parse,
        }
    }

    /// Sends the first request; a status other than 2xx is an error.
    pub async fn begin(mut self) -> Result<Self, Error<E>> {
        if let State::Unsent(request) = self.state {
            self.state = State::Started(send_first(&self.pipeline, request).await?);
        }
        Ok(self)
    }

    /// The first response, once [`Poller::begin`] has sent the request.
    pub fn initial_response(&self) -> Option<&Response> {
        match &self.state {
            State::Started(started) => Some(&started.initial),
            State::Unsent(_) => None,
        }
    }

    /// Polls until the operation ends and returns its result.
    pub async fn wait(self) -> Result<T, Error<E>> {
        let (pipeline, parse, final_state) = (self.pipeline, self.parse, self.final_state);
        let Started {
            method,
            uri,
            endpoint,
            initial,
        } = match self.state {
            State::Started(started) => started,
            State::Unsent(request) => send_first(&pipeline, request).await?,
        };
        let pipeline = Polls { pipeline, endpoint };
        let get = |uri: Uri| {
            let mut request = http::Request::new(Vec::new());
            *request.uri_mut() = uri;
            request
        };
        let resource = method == Method::PUT || method == Method::PATCH;
        // A resource that replies 200 in a final state is done, whatever headers come
        // with it (ARM's rule for a PUT or PATCH completed at once).
        let settled = resource
            && initial.status() == StatusCode::OK
            && provisioning_state(&initial).is_some_and(|state| terminal(Some(&state)));
        let location = header(&initial, LOCATION.as_str()).filter(|_| !settled);
        let status_url = header(&initial, ASYNC_OPERATION).filter(|_| !settled);
        if let Some(status_url) = status_url {
            let last = poll_status(&pipeline, &status_url, &initial).await?;
            // Where the status says the result is, as ARM's status monitors may.
            let resource_location = body_field(&last, &["resourceLocation"]);
            let target = match (final_state, &location) {
                (FinalState::AzureAsyncOperation, _) => return parse(last),
                (FinalState::OriginalUri, _) => Some(uri),
                (FinalState::Location, Some(location)) => {
                    Some(next_link_request(location)?.uri().clone())
                }
                (_, _) if resource_location.is_some() => {
                    let link = resource_location.as_deref().unwrap_or_default();
                    Some(next_link_request(link)?.uri().clone())
                }
                (_, _) if resource => Some(uri),
                (FinalState::Default, Some(location)) if method == Method::POST => {
                    Some(next_link_request(location)?.uri().clone())
                }
                (_, _) if method == Method::POST => return parse(last),
                _ => None,
            };
            return match target {
                Some(target) => parse(pipeline.send(get(target)).await?),
                None => parse(initial),
            };
        }
        if let Some(location) = location {
            let mut previous = initial;
            let mut link = location;
            let done = loop {
                pipeline.sleep(wait_for(&pipeline, &previous)).await;
                let reply = pipeline.send(next_link_request(&link)?).await?;
                if reply.status() != StatusCode::ACCEPTED {
                    break reply;
                }
                link = header(&reply, LOCATION.as_str()).unwrap_or(link);
                previous = reply;
            };
            if !done.status().is_success() {
                return Err(crate::response::unexpected(done));
            }
            // The last poll of `Location` is the result, as AutoRest's runtimes take it
            // (the resource's URI may serve nothing yet), unless the spec says otherwise.
            return if final_state == FinalState::OriginalUri {
                parse(pipeline.send(get(uri)).await?)
            } else {
                parse(done)
            };
        }
        let mut current = initial;
        while resource && !terminal(provisioning_state(&current).as_deref()) {
            pipeline.sleep(wait_for(&pipeline, &current)).await;
            current = pipeline.send(get(uri.clone())).await?;
            if !current.status().is_success() {
                return Err(crate::response::unexpected(current));
            }
        }
        match provisioning_state(&current) {
            Some(state) if !state.eq_ignore_ascii_case("succeeded") => {
                Err(Error::OperationFailed {
                    status: state,
                    raw: current.into_body(),
                })
            }
            _ => parse(current),
        }
    }
}

async fn send_first<E: DeserializeOwned>(
    pipeline: &Pipeline,
    request: Result<Request, RequestError>,
) -> Result<Started, Error<E>> {
    let request = request?;
    let (method, uri) = (request.method().clone(), request.uri().clone());
    let endpoint = request.extensions().get::<Endpoint>().cloned();
    let initial = pipeline.send(request).await?;
    if !initial.status().is_success() {
        return Err(crate::response::unexpected(initial));
    }
    Ok(Started {
        method,
        uri,
        endpoint,
        initial,
    })
}

/// The pipeline of an operation's polls, each sent to the operation's endpoint.
struct Polls {
    pipeline: Pipeline,
    endpoint: Option<Endpoint>,
}

impl Polls {
    async fn send<E>(&self, mut request: Request) -> Result<Response, Error<E>> {
        Endpoint::copy(self.endpoint.as_ref(), &mut request);
        self.pipeline.send(request).await
    }

    async fn sleep(&self, duration: Duration) {
        self.pipeline.sleep(duration).await;
    }

    fn options(&self) -> &crate::ClientOptions {
        self.pipeline.options()
    }
}

/// Polls an `Azure-AsyncOperation` URL until its `status` is terminal; returns the last
/// status response.
async fn poll_status<E: DeserializeOwned>(
    pipeline: &Polls,
    url: &str,
    initial: &Response,
) -> Result<Response, Error<E>> {
    let mut wait = wait_for(pipeline, initial);
    loop {
        pipeline.sleep(wait).await;
        let reply = pipeline.send(next_link_request(url)?).await?;
        if !reply.status().is_success() {
            return Err(crate::response::unexpected(reply));
        }
        // Without a status the operation could never be seen to end: polling on would
        // never stop.
        let Some(status) = body_field(&reply, &["status"]) else {
            let message = "the operation status has no `status` string".to_owned();
            return Err(crate::response::decode_error(&reply, message));
        };
        if status.eq_ignore_ascii_case("succeeded") {
            return Ok(reply);
        }
        if terminal(Some(&status)) {
            return Err(Error::OperationFailed {
                status,
                raw: reply.into_body(),
            });
        }
        wait = wait_for(pipeline, &reply);
    }
}

/// `Retry-After`, else (missing or zero) the poll interval.
fn wait_for(pipeline: &Polls, response: &Response) -> Duration {
    retry_after(response)
        .unwrap_or(pipeline.options().poll_interval)
        .min(pipeline.options().retry.max_delay)
}

/// Without a state the resource is taken as settled, as ARM does.
fn terminal(state: Option<&str>) -> bool {
    state.is_none_or(|state| {
        ["succeeded", "failed", "canceled"]
            .iter()
            .any(|t| state.eq_ignore_ascii_case(t))
    })
}

fn provisioning_state(response: &Response) -> Option<String> {
    body_field(response, &["properties", "provisioningState"])
}

fn body_field(response: &Response, path: &[&str]) -> Option<String> {
    let body: serde_json::Value = serde_json::from_slice(response.body()).ok()?;
    path.iter()
        .try_fold(&body, |value, key| value.get(key))?
        .as_str()
        .map(str::to_owned)
}

impl<T: Send + 'static, E: DeserializeOwned + Send + 'static> IntoFuture for Poller<T, E> {
    type Output = Result<T, Error<E>>;
    type IntoFuture = BoxFuture<'static, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.wait())
    }
}
