use crate::{Response, CORRELATION_REQUEST_ID, REQUEST_ID};
use http::StatusCode;
use std::fmt;

/// Everything an operation can fail with. `E` is the service's typed error body (the
/// spec's `default` response schema).
#[derive(Debug)]
pub enum Error<E> {
    /// The arguments do not make a valid request (a header value with a line break, say).
    Request(crate::RequestError),
    /// The service answered with a status the operation does not document as success.
    Service(Box<ServiceError<E>>),
    /// A documented status whose body does not match the spec's schema.
    Decode(Box<DecodeError>),
    /// The request did not get an answer: connection, TLS, timeout.
    Transport(TransportError),
    /// The credential could not produce a token.
    Credential(String),
    /// A long-running operation ended in a state other than `Succeeded`.
    OperationFailed { status: String, raw: Vec<u8> },
}

/// A reply with a status the operation does not document as success. Its `Debug`, like
/// the error's `Display`, shows the service's error code and message but not the body,
/// which may echo secrets: read `body` or `raw` for it.
#[derive(Clone, PartialEq)]
pub struct ServiceError<E> {
    pub status: StatusCode,
    pub request_id: Option<String>,
    pub correlation_request_id: Option<String>,
    /// The typed error body, when the body parses as one.
    pub body: Option<E>,
    /// The body as received, kept for bodies that do not parse.
    pub raw: Vec<u8>,
}

impl<E> fmt::Debug for ServiceError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceError")
            .field("status", &self.status)
            .field("request_id", &self.request_id)
            .field("correlation_request_id", &self.correlation_request_id)
            .field("body", &self.body.as_ref().map(|_| ".."))
            .field("raw", &summary(&self.raw))
            .finish()
    }
}

/// How an operation's error model is read from an error reply. Any type that
/// deserializes is read from the JSON body whatever the status; the error enums of
/// operations documenting errors by status (`x-ms-error-response`) read the model of
/// each status.
pub trait ErrorModel: Sized {
    /// The model of this reply, `None` when its body is not one.
    fn from_reply(status: StatusCode, body: &[u8]) -> Option<Self>;
}

impl<T: serde::de::DeserializeOwned> ErrorModel for T {
    fn from_reply(_status: StatusCode, body: &[u8]) -> Option<Self> {
        crate::json::from_slice(body).ok()
    }
}

impl<E: ErrorModel> ServiceError<E> {
    pub fn from_response(response: &Response) -> Self {
        Self {
            status: response.status(),
            request_id: header(response, REQUEST_ID),
            correlation_request_id: header(response, CORRELATION_REQUEST_ID),
            body: E::from_reply(response.status(), response.body()),
            raw: response.body().clone(),
        }
    }
}

pub(crate) fn header(response: &Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)?
        .to_str()
        .ok()
        .map(str::to_owned)
}

/// A documented reply whose body does not match the spec's schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub status: StatusCode,
    pub request_id: Option<String>,
    pub message: String,
    pub raw: Vec<u8>,
}

/// A failure below HTTP, from a [`Transport`](crate::Transport).
#[derive(Debug)]
pub struct TransportError {
    /// Whether the request timed out (which makes it worth retrying).
    pub timeout: bool,
    pub source: Box<dyn std::error::Error + Send + Sync>,
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = if self.timeout {
            "the request timed out"
        } else {
            "the request failed"
        };
        write!(f, "{what}: {}", escaped(&self.source.to_string()))
    }
}

/// A reply body larger than [`ClientOptions::max_body_size`](crate::ClientOptions), the
/// source of the [`TransportError`] a transport returns for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyTooLarge {
    pub limit: usize,
}

impl fmt::Display for BodyTooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the reply body is larger than the limit of {} bytes (ClientOptions::max_body_size)",
            self.limit
        )
    }
}

impl std::error::Error for BodyTooLarge {}

impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&*self.source)
    }
}

/// At most this much of a body goes into a message.
const SHOWN_BODY: usize = 512;

fn shown(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    match text.char_indices().nth(SHOWN_BODY) {
        Some((end, _)) => format!("{}...", escaped(&text[..end])),
        None => escaped(&text),
    }
}

/// What a message says of an error body. A JSON body is not shown: error bodies echo
/// keys, tokens and connection strings. Only the service's error code and message are,
/// from Azure's error format (`{"error": {"code", "message"}}`, or the two at the top);
/// the body stays in [`ServiceError::raw`] for whoever handles it. Any other body (a
/// proxy's HTML page) is shown, escaped and cut.
fn summary(raw: &[u8]) -> String {
    let Ok(json) = serde_json::from_slice::<serde_json::Value>(raw) else {
        return shown(raw);
    };
    let error = json.get("error").filter(|e| e.is_object()).unwrap_or(&json);
    let text = |key: &str| error.get(key).and_then(|v| v.as_str()).map(escaped);
    match (text("code"), text("message")) {
        (Some(code), Some(message)) => format!("({code}) {message}"),
        (None, Some(message)) => message,
        (Some(code), None) => format!("({code})"),
        (None, None) => format!(
            "a JSON body of {} bytes, not shown (it may hold secrets; see `raw`)",
            raw.len()
        ),
    }
}

/// Text from the service as it may reach a terminal: control characters (escape
/// sequences, carriage returns) and the bidi controls that reorder what a reader sees are
/// written as `\u{..}` escapes.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let bidi = matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
        if c.is_control() || bidi {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out
}

impl<E> fmt::Display for Error<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Request(error) => write!(f, "cannot build the request: {}", escaped(&error.0)),
            Error::Service(error) => {
                write!(f, "the service answered {}", error.status)?;
                if let Some(id) = &error.request_id {
                    write!(f, " (request id {})", escaped(id))?;
                }
                write!(f, ": {}", summary(&error.raw))
            }
            Error::Decode(error) => {
                let DecodeError {
                    status,
                    message,
                    raw,
                    ..
                } = &**error;
                write!(
                    f,
                    "the {status} reply does not match the spec: {}: {}",
                    escaped(message),
                    shown(raw)
                )
            }
            Error::Transport(error) => error.fmt(f),
            Error::Credential(message) => write!(f, "cannot get a token: {}", escaped(message)),
            Error::OperationFailed { status, raw } => {
                write!(
                    f,
                    "the long-running operation ended `{}`: {}",
                    escaped(status),
                    shown(raw)
                )
            }
        }
    }
}

impl<E> Error<E> {
    /// The same error with its typed body, if any, converted by `convert`.
    pub fn map_body<F>(self, convert: impl FnOnce(E) -> Option<F>) -> Error<F> {
        match self {
            Error::Service(error) => {
                let ServiceError {
                    status,
                    request_id,
                    correlation_request_id,
                    body,
                    raw,
                } = *error;
                Error::Service(Box::new(ServiceError {
                    status,
                    request_id,
                    correlation_request_id,
                    body: body.and_then(convert),
                    raw,
                }))
            }
            Error::Request(error) => Error::Request(error),
            Error::Decode(error) => Error::Decode(error),
            Error::Transport(error) => Error::Transport(error),
            Error::Credential(message) => Error::Credential(message),
            Error::OperationFailed { status, raw } => Error::OperationFailed { status, raw },
        }
    }
}

impl<E: fmt::Debug> std::error::Error for Error<E> {}

impl<E> From<crate::RequestError> for Error<E> {
    fn from(error: crate::RequestError) -> Self {
        Error::Request(error)
    }
}
