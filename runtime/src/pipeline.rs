use crate::{BodyTooLarge, Error, Request, RequestError, Response, TransportError};
use http::header::{HeaderValue, AUTHORIZATION, RETRY_AFTER};
use http::{StatusCode, Uri};
use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Sends one request and waits; the pipeline above it adds authentication and retries.
/// Timers come from the transport too, so the runtime needs no async runtime of its own.
pub trait Transport: Send + Sync {
    /// Sends `request` within `limits`: a reply whose body is larger than
    /// `limits.max_body_size` is a [`TransportError`] whose source is [`BodyTooLarge`],
    /// found without reading more than that.
    fn send(
        &self,
        request: Request,
        limits: Limits,
    ) -> BoxFuture<'_, Result<Response, TransportError>>;
    fn sleep(&self, duration: Duration) -> BoxFuture<'static, ()>;
}

/// What one attempt may take, from [`ClientOptions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// `None` waits as long as the transport does.
    pub timeout: Option<Duration>,
    pub max_body_size: usize,
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
    /// Between polls of a long-running operation when the service sends no `Retry-After`
    /// (or a zero one).
    pub poll_interval: Duration,
    /// The largest reply body read; a larger one is an error.
    pub max_body_size: usize,
    /// Whether next links and polling URLs to another origin (scheme, host and port) than
    /// the endpoint are followed, without credentials. By default such a link is an
    /// error: the bearer token goes only to the endpoint, and the service's own links
    /// stay on it.
    pub follow_links_to_other_origins: bool,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            endpoint: "https://management.azure.com".into(),
            scope: "https://management.azure.com/.default".into(),
            timeout: Some(Duration::from_secs(100)),
            retry: RetryOptions::default(),
            poll_interval: Duration::from_secs(30),
            max_body_size: 64 << 20,
            follow_links_to_other_origins: false,
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

    /// Sends with retries and returns whatever the service finally answered. The
    /// endpoint is the request's [`Endpoint`](crate::Endpoint) if it has one, else the
    /// options'. The bearer token goes only to the endpoint's origin, and only over https (or plain http when
    /// the endpoint is an http loopback address, as in tests).
    pub async fn send<E>(&self, request: Request) -> Result<Response, Error<E>> {
        let options = &self.inner.options;
        let (mut parts, body) = request.into_parts();
        let endpoint = match parts.extensions.get::<crate::Endpoint>() {
            Some(endpoint) => checked_endpoint(endpoint.0.clone())?,
            None => self.endpoint()?,
        };
        parts.uri = resolve(&endpoint, &parts.uri)?;
        if origin(&parts.uri) == origin(&endpoint) {
            let token = self
                .inner
                .credential
                .token(&options.scope)
                .await
                .map_err(Error::Credential)?;
            let bearer = HeaderValue::try_from(format!("Bearer {token}"))
                .map_err(|_| Error::Credential("the token is not a valid header value".into()))?;
            parts.headers.insert(AUTHORIZATION, bearer);
        } else if options.follow_links_to_other_origins {
            parts.headers.remove(AUTHORIZATION);
        } else {
            return Err(refused(format!(
                "the service sent a link to {}, another origin than the endpoint {}: \
                 the bearer token goes only to the endpoint \
                 (ClientOptions::follow_links_to_other_origins follows such links without it)",
                origin(&parts.uri),
                origin(&endpoint)
            )));
        }
        let limits = Limits {
            timeout: options.timeout,
            max_body_size: options.max_body_size,
        };
        let mut delay = options.retry.initial_delay;
        let mut attempt = 0;
        loop {
            let mut request = http::Request::new(body.clone());
            *request.method_mut() = parts.method.clone();
            *request.uri_mut() = parts.uri.clone();
            *request.headers_mut() = parts.headers.clone();
            let result = self.inner.transport.send(request, limits).await;
            let wait = match &result {
                Ok(response) if retryable(response.status()) => {
                    retry_after(response).unwrap_or(delay)
                }
                Ok(_) => return result.map_err(Error::Transport),
                // The same reply would be as large again.
                Err(error) if error.source.is::<BodyTooLarge>() => {
                    return result.map_err(Error::Transport)
                }
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

    /// The endpoint, which must be https or an http loopback address.
    fn endpoint<E>(&self) -> Result<Uri, Error<E>> {
        let text = &self.inner.options.endpoint;
        let endpoint: Uri = text
            .parse()
            .map_err(|error| refused(format!("bad endpoint `{text}`: {error}")))?;
        checked_endpoint(endpoint)
    }
}

/// `endpoint` if it is https or an http loopback address.
fn checked_endpoint<E>(endpoint: Uri) -> Result<Uri, Error<E>> {
    match endpoint.scheme_str() {
        Some("https") => Ok(endpoint),
        Some("http") if endpoint.host().is_some_and(is_loopback) => Ok(endpoint),
        _ => Err(refused(format!(
            "the endpoint `{endpoint}` is not https: the bearer token is sent only over https \
             (or plain http to a loopback address)"
        ))),
    }
}

fn refused<E>(message: String) -> Error<E> {
    Error::Request(RequestError(message))
}

/// Relative URIs (those generated functions build) go to the endpoint; absolute ones
/// (next links, polling URLs) are kept, if they are https, or http while the endpoint is
/// an http loopback address and so are they.
fn resolve<E>(endpoint: &Uri, uri: &Uri) -> Result<Uri, Error<E>> {
    if uri.scheme().is_none() {
        let base = endpoint.to_string();
        let path = uri.path_and_query().map_or("/", |p| p.as_str());
        return format!("{}{path}", base.trim_end_matches('/'))
            .parse()
            .map_err(|error| refused(format!("bad endpoint `{base}`: {error}")));
    }
    let plain_allowed = endpoint.scheme_str() == Some("http")
        && uri.scheme_str() == Some("http")
        && uri.host().is_some_and(is_loopback);
    if uri.scheme_str() == Some("https") || plain_allowed {
        Ok(uri.clone())
    } else {
        Err(refused(format!(
            "the service sent a link to {}: links are followed only over https",
            origin(uri)
        )))
    }
}

/// The scheme, host and port of a URI, as compared to scope credentials.
fn origin(uri: &Uri) -> String {
    let scheme = uri.scheme_str().unwrap_or_default().to_ascii_lowercase();
    let host = uri.host().unwrap_or_default().to_ascii_lowercase();
    let port = uri.port_u16().or(match scheme.as_str() {
        "https" => Some(443),
        "http" => Some(80),
        _ => None,
    });
    match port {
        Some(port) => format!("{scheme}://{host}:{port}"),
        None => format!("{scheme}://{host}"),
    }
}

fn is_loopback(host: &str) -> bool {
    let address = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || address.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

fn retryable(status: StatusCode) -> bool {
    status == StatusCode::REQUEST_TIMEOUT
        || status == StatusCode::TOO_MANY_REQUESTS
        || status.is_server_error()
}

/// How long the service asks to wait: `retry-after-ms`, `x-ms-retry-after-ms`, or
/// `Retry-After` in seconds. A date form or zero falls back to the caller's wait; a value
/// too large for a `Duration` is the longest one (the caller caps it).
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
    let seconds = |seconds: f64| Duration::try_from_secs_f64(seconds).unwrap_or(Duration::MAX);
    number("retry-after-ms")
        .or_else(|| number("x-ms-retry-after-ms"))
        .map(|ms| seconds(ms / 1000.0))
        .or_else(|| number(RETRY_AFTER.as_str()).map(seconds))
        .filter(|wait| !wait.is_zero())
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
        for huge in ["1e20", "18446744073709551616", "1e300"] {
            response
                .headers_mut()
                .insert("retry-after-ms", HeaderValue::from_static(huge));
            let wait = retry_after(&response);
            assert!(
                wait.is_some_and(|w| w > Duration::from_secs(1 << 40)),
                "{huge}: {wait:?}"
            );
        }
        response
            .headers_mut()
            .insert("retry-after-ms", HeaderValue::from_static("0"));
        assert_eq!(retry_after(&response), None);
    }

    #[test]
    fn origins_compare_scheme_host_and_port() {
        let origin = |text: &str| origin(&text.parse().unwrap());
        assert_eq!(
            origin("https://Example.com/a"),
            origin("https://example.com:443/b")
        );
        assert_ne!(origin("https://example.com"), origin("http://example.com"));
        assert_ne!(
            origin("https://example.com"),
            origin("https://example.com:8443")
        );
        assert_ne!(
            origin("https://example.com"),
            origin("https://example.com.evil")
        );
        assert!(is_loopback("127.0.0.2") && is_loopback("[::1]") && is_loopback("localhost"));
        assert!(!is_loopback("localhost.evil") && !is_loopback("10.0.0.1"));
    }
}
