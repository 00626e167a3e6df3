use crate::{Error, Request, Response, TransportError};
use http::header::{HeaderValue, AUTHORIZATION, RETRY_AFTER};
use http::{StatusCode, Uri};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Sends one request and waits; the pipeline above it adds authentication and retries.
/// Timers come from the transport too, so the runtime needs no async runtime of its own.
pub trait Transport: Send + Sync {
    fn send(
        &self,
        request: Request,
        timeout: Option<Duration>,
    ) -> BoxFuture<'_, Result<Response, TransportError>>;
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()>;
}

/// Supplies bearer tokens for a scope.
pub trait TokenCredential: Send + Sync {
    fn token<'a>(&'a self, scope: &'a str) -> BoxFuture<'a, Result<String, String>>;
}

/// A token obtained elsewhere (`az account get-access-token`, say).
#[derive(Clone)]
pub struct StaticToken(pub String);

impl std::fmt::Debug for StaticToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StaticToken(..)")
    }
}

impl TokenCredential for StaticToken {
    fn token<'a>(&'a self, _scope: &'a str) -> BoxFuture<'a, Result<String, String>> {
        Box::pin(std::future::ready(Ok(self.0.clone())))
    }
}

/// When to try a request again: on 408, 429 and 5xx replies and on transport failures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryOptions {
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// The first backoff; each retry doubles it.
    pub initial_delay: Duration,
    /// No wait, backoff or `Retry-After`, is longer than this.
    pub max_delay: Duration,
}

impl Default for RetryOptions {
    fn default() -> Self {
        Self {
            max_retries: 3,
            initial_delay: Duration::from_millis(800),
            max_delay: Duration::from_secs(60),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientOptions {
    /// Where relative request URIs go.
    pub endpoint: String,
    /// The OAuth scope tokens are requested for.
    pub scope: String,
    /// Per attempt; `None` waits as long as the transport does.
    pub timeout: Option<Duration>,
    pub retry: RetryOptions,
    /// Between polls of a long-running operation when the service sends no `Retry-After`.
    pub poll_interval: Duration,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            endpoint: "https://management.azure.com".into(),
            scope: "https://management.azure.com/.default".into(),
            timeout: Some(Duration::from_secs(100)),
            retry: RetryOptions::default(),
            poll_interval: Duration::from_secs(30),
        }
    }
}

/// Sends requests: resolves them against the endpoint, authenticates and retries.
/// Cheap to clone; pagers and pollers keep a clone.
#[derive(Clone)]
pub struct Pipeline {
    inner: Arc<Inner>,
}

struct Inner {
    transport: Arc<dyn Transport>,
    credential: Arc<dyn TokenCredential>,
    options: ClientOptions,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("options", &self.inner.options)
            .finish_non_exhaustive()
    }
}

impl Pipeline {
    pub fn new(
        transport: Arc<dyn Transport>,
        credential: Arc<dyn TokenCredential>,
        options: ClientOptions,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                transport,
                credential,
                options,
            }),
        }
    }

    /// A pipeline over [`ReqwestTransport`](crate::ReqwestTransport).
    #[cfg(feature = "reqwest")]
    pub fn with_reqwest(credential: Arc<dyn TokenCredential>, options: ClientOptions) -> Self {
        Self::new(
            Arc::new(crate::ReqwestTransport::default()),
            credential,
            options,
        )
    }

    pub fn options(&self) -> &ClientOptions {
        &self.inner.options
    }

    pub(crate) async fn sleep(&self, duration: Duration) {
        self.inner.transport.sleep(duration).await;
    }

    /// Sends a request built by a generated function and parses the reply with its parser.
    pub async fn execute<T, E>(
        &self,
        request: Result<Request, crate::RequestError>,
        parse: fn(Response) -> Result<T, Error<E>>,
    ) -> Result<T, Error<E>> {
        parse(self.send(request?).await?)
    }

    /// Sends with retries and returns whatever the service finally answered.
    pub async fn send<E>(&self, request: Request) -> Result<Response, Error<E>> {
        let options = &self.inner.options;
        let (mut parts, body) = request.into_parts();
        parts.uri = self.resolve(&parts.uri)?;
        let token = self
            .inner
            .credential
            .token(&options.scope)
            .await
            .map_err(Error::Credential)?;
        let bearer = HeaderValue::try_from(format!("Bearer {token}"))
            .map_err(|_| Error::Credential("the token is not a valid header value".into()))?;
        parts.headers.insert(AUTHORIZATION, bearer);
        let mut delay = options.retry.initial_delay;
        let mut attempt = 0;
        loop {
            let mut request = http::Request::new(body.clone());
            *request.method_mut() = parts.method.clone();
            *request.uri_mut() = parts.uri.clone();
            *request.headers_mut() = parts.headers.clone();
            let result = self.inner.transport.send(request, options.timeout).await;
            let wait = match &result {
                Ok(response) if retryable(response.status()) => {
                    retry_after(response).unwrap_or(delay)
                }
                Ok(_) => return result.map_err(Error::Transport),
                Err(_) => delay,
            };
            if attempt >= options.retry.max_retries {
                return result.map_err(Error::Transport);
            }
            attempt += 1;
            self.sleep(wait.min(options.retry.max_delay)).await;
            delay = delay.saturating_mul(2);
        }
    }

    /// Relative URIs (those generated functions build) go to the endpoint; absolute ones
    /// (next links, polling URLs) are kept.
    fn resolve<E>(&self, uri: &Uri) -> Result<Uri, Error<E>> {
        if uri.scheme().is_some() {
            return Ok(uri.clone());
        }
        let endpoint = self.inner.options.endpoint.trim_end_matches('/');
        let path = uri.path_and_query().map_or("/", |p| p.as_str());
        format!("{endpoint}{path}").parse().map_err(|error| {
            Error::Request(crate::RequestError(format!(
                "bad endpoint `{endpoint}`: {error}"
            )))
        })
    }
}

fn retryable(status: StatusCode) -> bool {
    status == StatusCode::REQUEST_TIMEOUT
        || status == StatusCode::TOO_MANY_REQUESTS
        || status.is_server_error()
}

/// How long the service asks to wait: `retry-after-ms`, `x-ms-retry-after-ms`, or
/// `Retry-After` in seconds. A date form falls back to the caller's backoff.
pub(crate) fn retry_after(response: &Response) -> Option<Duration> {
    let headers = response.headers();
    let number = |name: &str| {
        headers
            .get(name)?
            .to_str()
            .ok()?
            .trim()
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && *n >= 0.0)
    };
    number("retry-after-ms")
        .or_else(|| number("x-ms-retry-after-ms"))
        .map(|ms| Duration::from_secs_f64(ms / 1000.0))
        .or_else(|| number(RETRY_AFTER.as_str()).map(Duration::from_secs_f64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_milliseconds_then_seconds() {
        let mut response = http::Response::new(Vec::new());
        assert_eq!(retry_after(&response), None);
        response
            .headers_mut()
            .insert(RETRY_AFTER, HeaderValue::from_static("2"));
        assert_eq!(retry_after(&response), Some(Duration::from_secs(2)));
        response
            .headers_mut()
            .insert("retry-after-ms", HeaderValue::from_static("15"));
        assert_eq!(retry_after(&response), Some(Duration::from_millis(15)));
        response
            .headers_mut()
            .insert("retry-after-ms", HeaderValue::from_static("-1"));
        assert_eq!(retry_after(&response), Some(Duration::from_secs(2)));
    }
}
