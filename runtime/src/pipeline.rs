use crate::{BodyTooLarge, Error, Request, RequestError, Response, TransportError};
use http::header::{HeaderName, HeaderValue, AUTHORIZATION, CONTENT_TYPE, LOCATION, RETRY_AFTER};
use http::{Method, StatusCode, Uri};
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
    /// Whether a request without an `x-ms-client-request-id` gets a new UUID in it, as
    /// Azure's SDKs send one, so the service's logs can find the request.
    pub client_request_id: bool,
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
            client_request_id: true,
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
    authentication: Authentication,
    options: ClientOptions,
    /// Set on every request, over what the request has.
    headers: Vec<(HeaderName, HeaderValue)>,
}

/// How requests to the endpoint prove who sends them, as the spec's `securityDefinitions`
/// say: a bearer token for a scope (Azure Active Directory, ARM's way), or a key in a
/// header. A credential goes only to the endpoint's origin.
#[derive(Clone)]
pub enum Authentication {
    Bearer(Arc<dyn TokenCredential>),
    /// The key, sent as it is in the header `header`.
    Key {
        header: String,
        key: KeyCredential,
    },
}

impl Authentication {
    /// A key sent in the header `header` (the spec's `apiKey` scheme).
    pub fn key(header: &str, key: KeyCredential) -> Self {
        Authentication::Key {
            header: header.to_owned(),
            key,
        }
    }

    fn header(&self) -> &str {
        match self {
            Authentication::Bearer(_) => AUTHORIZATION.as_str(),
            Authentication::Key { header, .. } => header,
        }
    }
}

impl<T: TokenCredential + 'static> From<Arc<T>> for Authentication {
    fn from(credential: Arc<T>) -> Self {
        Authentication::Bearer(credential)
    }
}

impl From<Arc<dyn TokenCredential>> for Authentication {
    fn from(credential: Arc<dyn TokenCredential>) -> Self {
        Authentication::Bearer(credential)
    }
}

/// A service's key (an `apiKey` security scheme). Its `Debug` does not show it.
#[derive(Clone)]
pub struct KeyCredential(pub String);

impl std::fmt::Debug for KeyCredential {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("KeyCredential(..)")
    }
}

/// The header that identifies a request to Azure's services and in their logs.
pub const CLIENT_REQUEST_ID: &str = "x-ms-client-request-id";

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("options", &self.inner.options)
            .finish_non_exhaustive()
    }
}

impl Pipeline {
    /// `authentication`: a [`TokenCredential`] (as `Arc`) or an [`Authentication`].
    pub fn new(
        transport: Arc<dyn Transport>,
        authentication: impl Into<Authentication>,
        options: ClientOptions,
    ) -> Self {
        Self {
            inner: Arc::new(Inner {
                transport,
                authentication: authentication.into(),
                options,
                headers: Vec::new(),
            }),
        }
    }

    /// A pipeline over [`ReqwestTransport`](crate::ReqwestTransport).
    #[cfg(feature = "reqwest")]
    pub fn with_reqwest(authentication: impl Into<Authentication>, options: ClientOptions) -> Self {
        Self::new(
            Arc::new(crate::ReqwestTransport::default()),
            authentication,
            options,
        )
    }

    /// This pipeline, also setting the header `name` to `value` on every request (over a
    /// value the request has): the custom headers of AutoRest's clients, such as a chosen
    /// `x-ms-client-request-id` for all the requests and polls of an operation.
    pub fn with_header(&self, name: &str, value: &str) -> Result<Self, RequestError> {
        let (Ok(name), Ok(value)) = (HeaderName::try_from(name), HeaderValue::try_from(value))
        else {
            return Err(RequestError(format!("`{name}` is not a valid header")));
        };
        let mut headers = self.inner.headers.clone();
        headers.retain(|(set, _)| *set != name);
        headers.push((name, value));
        Ok(Self {
            inner: Arc::new(Inner {
                transport: self.inner.transport.clone(),
                authentication: self.inner.authentication.clone(),
                options: self.inner.options.clone(),
                headers,
            }),
        })
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

    /// Sends with retries and redirects and returns whatever the service finally
    /// answered. The endpoint is the request's [`Endpoint`](crate::Endpoint) if it has
    /// one, else the options'. The bearer token goes only to the endpoint's origin, and
    /// only over https (or plain http when the endpoint is an http loopback address, as in
    /// tests).
    ///
    /// Redirects are followed as Azure's SDKs follow them: 300, 301 and 302 for GET and
    /// HEAD only (another method gets the 3xx reply), 303 as a GET without the body, 307
    /// and 308 with the same method and body; at most 30 times. A
    /// redirect to another origin is followed without the token.
    pub async fn send<E>(&self, request: Request) -> Result<Response, Error<E>> {
        let (mut parts, mut body) = request.into_parts();
        let endpoint = match parts.extensions.get::<crate::Endpoint>() {
            Some(endpoint) => checked_endpoint(endpoint.0.clone())?,
            None => self.endpoint()?,
        };
        parts.uri = resolve(&endpoint, &parts.uri)?;
        for (name, value) in &self.inner.headers {
            parts.headers.insert(name.clone(), value.clone());
        }
        if self.inner.options.client_request_id && !parts.headers.contains_key(CLIENT_REQUEST_ID) {
            let id = uuid::Uuid::new_v4().hyphenated().to_string();
            if let Ok(id) = HeaderValue::try_from(id) {
                parts.headers.insert(CLIENT_REQUEST_ID, id);
            }
        }
        let mut redirects = 0;
        loop {
            let redirected = redirects > 0;
            let response = self
                .send_once(&endpoint, &mut parts, &body, redirected)
                .await?;
            let Some(target) = redirect(&parts.method, &parts.uri, &response) else {
                return Ok(response);
            };
            if redirects == MAX_REDIRECTS {
                return Ok(response);
            }
            redirects += 1;
            parts.uri = resolve(&endpoint, &target)?;
            if response.status() == StatusCode::SEE_OTHER && parts.method != Method::HEAD {
                parts.method = Method::GET;
                parts.headers.remove(CONTENT_TYPE);
                body.clear();
            }
        }
    }

    /// Authenticates `parts` for its origin and sends it, retrying as the options say.
    /// `redirected`: the service redirected the request here.
    async fn send_once<E>(
        &self,
        endpoint: &Uri,
        parts: &mut http::request::Parts,
        body: &[u8],
        redirected: bool,
    ) -> Result<Response, Error<E>> {
        let options = &self.inner.options;
        let authentication = &self.inner.authentication;
        let header = HeaderName::try_from(authentication.header()).map_err(|_| {
            refused(format!(
                "`{}` is not a valid header for the credential",
                authentication.header()
            ))
        })?;
        if origin(&parts.uri) == origin(endpoint) {
            let value = match authentication {
                Authentication::Bearer(credential) => {
                    let token = credential
                        .token(&options.scope)
                        .await
                        .map_err(Error::Credential)?;
                    format!("Bearer {token}")
                }
                Authentication::Key { key, .. } => key.0.clone(),
            };
            let mut value = HeaderValue::try_from(value).map_err(|_| {
                Error::Credential("the credential is not a valid header value".into())
            })?;
            value.set_sensitive(true);
            parts.headers.insert(header, value);
        } else if options.follow_links_to_other_origins || redirected {
            // A link the service sent, followed by choice, or a redirect: neither gets the
            // credential.
            parts.headers.remove(header);
        } else {
            return Err(refused(format!(
                "the service sent a link to {}, another origin than the endpoint {}: \
                 the bearer token goes only to the endpoint \
                 (ClientOptions::follow_links_to_other_origins follows such links without it)",
                origin(&parts.uri),
                origin(endpoint)
            )));
        }
        let limits = Limits {
            timeout: options.timeout,
            max_body_size: options.max_body_size,
        };
        let mut delay = options.retry.initial_delay;
        let mut attempt = 0;
        loop {
            let mut request = http::Request::new(body.to_vec());
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

/// The most redirects one request follows, as Azure's SDKs allow.
const MAX_REDIRECTS: u32 = 30;

/// Where a reply redirects the request to, if it is a redirect to follow for `method`:
/// its `Location`, absolute or relative to the request's origin.
fn redirect(method: &Method, uri: &Uri, response: &Response) -> Option<Uri> {
    let follow = match response.status().as_u16() {
        300..=302 => method == Method::GET || method == Method::HEAD,
        303 | 307 | 308 => true,
        _ => false,
    };
    if !follow {
        return None;
    }
    let location = response.headers().get(LOCATION)?.to_str().ok()?;
    let target: Uri = location.parse().ok()?;
    if target.scheme().is_some() {
        return Some(target);
    }
    // An absolute path; a reference relative to the path (`../x`) is not followed.
    location.starts_with('/').then(|| {
        let authority = uri.authority().map_or("", |a| a.as_str());
        let scheme = uri.scheme_str().unwrap_or("https");
        format!("{scheme}://{authority}{location}").parse().ok()
    })?
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

/// What the pipeline sends, through a transport that records requests and answers from
/// a script.
#[cfg(test)]
mod sending {
    use super::*;
    use std::collections::VecDeque;
    use std::sync::Mutex;
    use std::task::{Context, Poll, Waker};

    #[derive(Default)]
    struct Script {
        sent: Mutex<Vec<Request>>,
        replies: Mutex<VecDeque<(u16, Option<&'static str>)>>,
    }

    impl Transport for Script {
        fn send(
            &self,
            request: Request,
            _: Limits,
        ) -> BoxFuture<'_, Result<Response, TransportError>> {
            self.sent.lock().unwrap().push(request);
            let (status, location) = self
                .replies
                .lock()
                .unwrap()
                .pop_front()
                .unwrap_or((200, None));
            let mut response = http::Response::new(Vec::new());
            *response.status_mut() = StatusCode::from_u16(status).unwrap();
            if let Some(location) = location {
                response
                    .headers_mut()
                    .insert(LOCATION, HeaderValue::from_static(location));
            }
            Box::pin(std::future::ready(Ok(response)))
        }

        fn sleep(&self, _: Duration) -> BoxFuture<'static, ()> {
            Box::pin(std::future::ready(()))
        }
    }

    /// Sends `request` through a pipeline over `script`, which never waits.
    fn send(
        script: &Arc<Script>,
        authentication: Authentication,
        request: Request,
    ) -> Vec<Request> {
        let options = ClientOptions {
            endpoint: "https://home.example".into(),
            ..ClientOptions::default()
        };
        let pipeline = Pipeline::new(script.clone(), authentication, options);
        let mut future = std::pin::pin!(pipeline.send::<()>(request));
        let Poll::Ready(result) = future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        else {
            panic!("the scripted transport never waits")
        };
        result.unwrap();
        std::mem::take(&mut *script.sent.lock().unwrap())
    }

    fn request(method: Method, body: &[u8]) -> Request {
        let mut request = http::Request::new(body.to_vec());
        *request.method_mut() = method;
        *request.uri_mut() = Uri::from_static("/start");
        request
            .headers_mut()
            .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        request
    }

    fn key() -> Authentication {
        Authentication::key("security-key", KeyCredential("k".into()))
    }

    #[test]
    fn redirects_follow_the_sdks_rules() {
        let script = Arc::new(Script::default());
        script
            .replies
            .lock()
            .unwrap()
            .extend([(301, Some("/moved"))]);
        let sent = send(&script, key(), request(Method::PUT, b"{}"));
        assert_eq!(sent.len(), 1, "a PUT is not moved by a 301");
        script
            .replies
            .lock()
            .unwrap()
            .extend([(303, Some("/see")), (307, Some("/again"))]);
        let sent = send(&script, key(), request(Method::POST, b"{}"));
        assert_eq!(
            (sent[1].method(), sent[1].uri().path()),
            (&Method::GET, "/see")
        );
        assert!(sent[1].body().is_empty() && !sent[1].headers().contains_key(CONTENT_TYPE));
        assert_eq!(
            (sent[2].method(), sent[2].body().as_slice()),
            (&Method::GET, &b""[..])
        );
        script
            .replies
            .lock()
            .unwrap()
            .extend([(307, Some("/again"))]);
        let sent = send(&script, key(), request(Method::PATCH, b"{}"));
        assert_eq!(
            (sent[1].method(), sent[1].body().as_slice()),
            (&Method::PATCH, &b"{}"[..])
        );
        script
            .replies
            .lock()
            .unwrap()
            .extend(std::iter::repeat_n((302, Some("/loop")), 40));
        let sent = send(&script, key(), request(Method::GET, b""));
        assert_eq!(sent.len(), 1 + MAX_REDIRECTS as usize);
        script.replies.lock().unwrap().clear();
    }

    #[test]
    fn the_key_goes_only_to_the_endpoint() {
        let script = Arc::new(Script::default());
        script.replies.lock().unwrap().extend([
            (307, Some("https://elsewhere.example/x")),
            (307, Some("https://home.example/back")),
        ]);
        let sent = send(&script, key(), request(Method::GET, b""));
        let keys: Vec<_> = sent
            .iter()
            .map(|r| r.headers().get("security-key").cloned())
            .collect();
        assert_eq!(
            keys,
            [
                Some(HeaderValue::from_static("k")),
                None,
                Some(HeaderValue::from_static("k"))
            ]
        );
        assert!(sent
            .iter()
            .all(|r| !r.headers().contains_key(AUTHORIZATION)));
    }

    #[test]
    fn every_request_has_a_client_request_id_unless_switched_off() {
        let script = Arc::new(Script::default());
        let fresh = send(&script, key(), request(Method::GET, b""));
        let fresh = fresh[0].headers()[CLIENT_REQUEST_ID]
            .to_str()
            .unwrap()
            .to_owned();
        assert_eq!(
            uuid::Uuid::parse_str(&fresh).map(|id| id.get_version_num()),
            Ok(4)
        );
        let mut own = request(Method::GET, b"");
        own.headers_mut()
            .insert(CLIENT_REQUEST_ID, HeaderValue::from_static("mine"));
        assert_eq!(
            send(&script, key(), own)[0].headers()[CLIENT_REQUEST_ID],
            "mine"
        );
        let pipeline = Pipeline::new(
            script.clone(),
            key(),
            ClientOptions {
                endpoint: "https://home.example".into(),
                client_request_id: false,
                ..ClientOptions::default()
            },
        )
        .with_header("x-custom", "1")
        .unwrap();
        let mut future = std::pin::pin!(pipeline.send::<()>(request(Method::GET, b"")));
        assert!(future
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
            .is_ready());
        let sent = std::mem::take(&mut *script.sent.lock().unwrap());
        assert!(!sent[0].headers().contains_key(CLIENT_REQUEST_ID));
        assert_eq!(sent[0].headers()["x-custom"], "1");
    }
}
