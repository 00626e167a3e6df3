use crate::form::{Form, FormEncoding, Part};
use crate::Request;
use http::header::{HeaderName, HeaderValue, CONTENT_TYPE};
use http::Method;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use std::fmt;

/// Everything but RFC 3986's unreserved characters is encoded, so a value can neither
/// add a path segment nor end a query parameter.
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Query names keep `$` as written: OData's `$filter`, `$top`, `$expand`... go out
/// literally, as every Azure SDK and the service docs write them (`$` may stand in a
/// query, RFC 3986 section 3.4), while `&`, `=` and `#` in a name from the spec are still
/// encoded.
const QUERY_NAME: &AsciiSet = &COMPONENT.remove(b'$');

/// Why a request could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestError(pub String);

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RequestError {}

/// Where a request goes when its operation's endpoint is a template
/// (`x-ms-parameterized-host`) filled in by the caller: in the request's extensions,
/// which [`Pipeline`](crate::Pipeline) reads instead of its own endpoint, and copied
/// onto the next links and polls that follow from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint(pub http::Uri);

impl Endpoint {
    fn parse(text: &str) -> Result<Self, RequestError> {
        let uri: http::Uri = text.parse().map_err(|error| {
            RequestError(format!("the endpoint `{text}` is not a URL: {error}"))
        })?;
        match uri.scheme().is_some() && uri.host().is_some() {
            true => Ok(Self(uri)),
            false => Err(RequestError(format!(
                "the endpoint `{text}` is not a URL with a scheme and a host"
            ))),
        }
    }

    /// Copies the endpoint of `from`, if it has one, onto `to`.
    #[cfg(feature = "client")]
    pub(crate) fn copy(from: Option<&Self>, to: &mut crate::Request) {
        if let Some(endpoint) = from {
            to.extensions_mut().insert(endpoint.clone());
        }
    }
}

/// Builds one request from a path template's pieces; the first error is kept and
/// reported by [`RequestBuilder::build`], so generated code can chain calls.
#[derive(Debug)]
pub struct RequestBuilder {
    method: Method,
    /// The endpoint built from `x-ms-parameterized-host`; empty for the client's.
    endpoint: String,
    uri: String,
    has_query: bool,
    headers: Vec<(HeaderName, HeaderValue)>,
    body: Vec<u8>,
    form: Option<Form>,
    error: Option<RequestError>,
}

impl RequestBuilder {
    pub fn new(method: Method) -> Self {
        Self {
            method,
            endpoint: String::new(),
            uri: String::new(),
            has_query: false,
            headers: Vec::new(),
            body: Vec::new(),
            form: None,
            error: None,
        }
    }

    /// Text of the endpoint (`x-ms-parameterized-host`): the template's literal text
    /// and the values of its parameters with `x-ms-skip-url-encoding`. The request then
    /// goes there, not to the pipeline's endpoint (see [`Endpoint`]).
    pub fn endpoint(&mut self, text: &str) -> &mut Self {
        self.endpoint.push_str(text);
        self
    }

    /// A parameter of the endpoint's template, percent-encoded.
    pub fn endpoint_segment(&mut self, value: &str) -> &mut Self {
        self.endpoint.extend(utf8_percent_encode(value, COMPONENT));
        self
    }

    /// Literal text of the path template.
    pub fn path(&mut self, literal: &str) -> &mut Self {
        self.uri.push_str(literal);
        self
    }

    /// A path parameter, percent-encoded so that it stays one segment.
    pub fn segment(&mut self, value: &str) -> &mut Self {
        self.uri.extend(utf8_percent_encode(value, COMPONENT));
        self
    }

    /// A path parameter with `x-ms-skip-url-encoding`: the caller supplies it encoded.
    pub fn raw_segment(&mut self, value: &str) -> &mut Self {
        self.uri.push_str(value);
        // A next link in the path (`next?page=2`) may bring its own query: parameters
        // join it.
        self.has_query |= value.contains('?');
        self
    }

    pub fn query(&mut self, name: &str, value: &str) -> &mut Self {
        let value = utf8_percent_encode(value, COMPONENT).to_string();
        self.raw_query(name, &value)
    }

    /// A query parameter with `x-ms-skip-url-encoding`: the caller supplies the value
    /// encoded (it may carry `&` and `=` on purpose); the name is still encoded.
    pub fn raw_query(&mut self, name: &str, value: &str) -> &mut Self {
        self.uri.push(if self.has_query { '&' } else { '?' });
        self.has_query = true;
        self.uri.extend(utf8_percent_encode(name, QUERY_NAME));
        self.uri.push('=');
        self.uri.push_str(value);
        self
    }

    pub fn header(&mut self, name: &str, value: &str) -> &mut Self {
        match (HeaderName::try_from(name), HeaderValue::try_from(value)) {
            (Ok(name), Ok(value)) => self.headers.push((name, value)),
            _ => self.fail(format!("`{name}` is not a valid header")),
        }
        self
    }

    /// The JSON body, as `application/json`; read-only properties are left out (see
    /// [`to_request_body`](crate::to_request_body)).
    pub fn json<B: serde::Serialize + ?Sized>(&mut self, body: &B) -> &mut Self {
        self.json_as("application/json", body)
    }

    /// The JSON body, sent as `media_type` (`application/merge-patch+json`, `text/json`).
    pub fn json_as<B: serde::Serialize + ?Sized>(
        &mut self,
        media_type: &str,
        body: &B,
    ) -> &mut Self {
        self.json_bytes(media_type, crate::models::to_request_body(body))
    }

    fn json_bytes(&mut self, media_type: &str, bytes: serde_json::Result<Vec<u8>>) -> &mut Self {
        match bytes {
            Ok(bytes) => self.body(media_type, bytes),
            Err(error) => self.fail(format!("the body does not serialize: {error}")),
        }
        self
    }

    /// A text body, sent as `media_type` (`text/plain`).
    pub fn text(&mut self, media_type: &str, body: &str) -> &mut Self {
        self.body(media_type, body.as_bytes().to_vec());
        self
    }

    /// A body of bytes sent as they are, as `media_type` (`application/octet-stream`).
    pub fn bytes(&mut self, media_type: &str, body: &[u8]) -> &mut Self {
        self.body(media_type, body.to_vec());
        self
    }

    /// Starts a `formData` body: the fields that follow are sent in `encoding`.
    pub fn form(&mut self, encoding: FormEncoding) -> &mut Self {
        self.form = Some(Form {
            encoding,
            fields: Vec::new(),
        });
        self
    }

    /// A text field of the form started by [`RequestBuilder::form`].
    pub fn form_text(&mut self, name: &str, value: &str) -> &mut Self {
        self.form_field(name, Part::Text(value.to_owned()))
    }

    /// A file field (multipart only) of the form started by [`RequestBuilder::form`].
    pub fn form_file(&mut self, name: &str, data: &[u8]) -> &mut Self {
        self.form_field(name, Part::File(data.to_vec()))
    }

    fn form_field(&mut self, name: &str, part: Part) -> &mut Self {
        match &mut self.form {
            Some(form) => form.fields.push((name.to_owned(), part)),
            None => self.fail(format!("the form field `{name}` comes before `form`")),
        }
        self
    }

    fn body(&mut self, media_type: &str, bytes: Vec<u8>) {
        match HeaderValue::try_from(media_type) {
            Ok(value) => {
                self.body = bytes;
                self.headers.retain(|(name, _)| name != CONTENT_TYPE);
                self.headers.push((CONTENT_TYPE, value));
            }
            Err(_) => self.fail(format!("`{media_type}` is not a valid content type")),
        }
    }

    /// An XML body (a document from [`crate::xml`]), with its content type.
    #[cfg(feature = "xml")]
    pub fn xml(&mut self, document: Result<Vec<u8>, crate::xml::XmlError>) -> &mut Self {
        match document {
            Ok(document) => {
                self.body = document;
                self.headers
                    .push((CONTENT_TYPE, HeaderValue::from_static("application/xml")));
            }
            Err(error) => self.fail(format!("the body cannot be written as XML: {error}")),
        }
        self
    }

    fn fail(&mut self, message: String) {
        self.error.get_or_insert(RequestError(message));
    }

    pub fn build(&mut self) -> Result<Request, RequestError> {
        if let Some(form) = self.form.take() {
            match form.encode() {
                Ok((media_type, bytes)) => self.body(&media_type, bytes),
                Err(message) => self.fail(message),
            }
        }
        if let Some(error) = self.error.take() {
            return Err(error);
        }
        let mut request = http::Request::builder()
            .method(self.method.clone())
            .uri(self.uri.as_str());
        if !self.endpoint.is_empty() {
            let endpoint = Endpoint::parse(&self.endpoint)?;
            request = request.extension(endpoint);
        }
        for (name, value) in self.headers.drain(..) {
            request = request.header(name, value);
        }
        request
            .body(std::mem::take(&mut self.body))
            .map_err(|error| {
                RequestError(format!(
                    "`{}` is not a valid request URI: {error}",
                    self.uri
                ))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_cannot_escape_their_segment_or_parameter() {
        let request = RequestBuilder::new(Method::GET)
            .path("/a/")
            .segment("x/y z?&")
            .path("/b/")
            .raw_segment("p%2Fq")
            .query("$filter", "a eq 'b&c'")
            .build()
            .unwrap();
        assert_eq!(
            request.uri().to_string(),
            "/a/x%2Fy%20z%3F%26/b/p%2Fq?$filter=a%20eq%20%27b%26c%27"
        );
    }

    #[test]
    fn odata_names_stay_literal_but_a_name_cannot_add_a_parameter() {
        let request = RequestBuilder::new(Method::GET)
            .path("/")
            .query("$top", "$5")
            .query("a&b=c#d", "1")
            .build()
            .unwrap();
        assert_eq!(request.uri().query(), Some("$top=%245&a%26b%3Dc%23d=1"));
    }

    #[test]
    fn bodies_carry_their_media_type() {
        let request = RequestBuilder::new(Method::PUT)
            .path("/")
            .bytes("image/png", b"\x89PNG")
            .build()
            .unwrap();
        assert_eq!(request.headers()[CONTENT_TYPE], "image/png");
        assert_eq!(request.body(), b"\x89PNG");
        let request = RequestBuilder::new(Method::PATCH)
            .path("/")
            .json_as(
                "application/merge-patch+json",
                &serde_json::json!({"a": null}),
            )
            .build()
            .unwrap();
        assert_eq!(
            request.headers().get_all(CONTENT_TYPE).iter().count(),
            1,
            "one content type"
        );
        assert_eq!(
            request.headers()[CONTENT_TYPE],
            "application/merge-patch+json"
        );
        assert_eq!(request.body(), br#"{"a":null}"#);
        let request = RequestBuilder::new(Method::POST)
            .path("/")
            .form(FormEncoding::UrlEncoded)
            .form_text("a", "b c")
            .form_text("d", "e")
            .build()
            .unwrap();
        assert_eq!(
            request.headers()[CONTENT_TYPE],
            "application/x-www-form-urlencoded"
        );
        assert_eq!(request.body(), b"a=b+c&d=e");
    }

    #[test]
    fn a_raw_segment_may_open_the_query() {
        let mut r = RequestBuilder::new(Method::GET);
        r.path("/list/").raw_segment("next?page=2").query("v", "1");
        assert_eq!(r.build().unwrap().uri(), "/list/next?page=2&v=1");
    }

    #[test]
    fn a_parameterized_endpoint_goes_with_the_request() {
        let mut r = RequestBuilder::new(Method::GET);
        r.endpoint("https://")
            .endpoint_segment("acc")
            .endpoint(".example");
        let request = r.path("/x").build().unwrap();
        let endpoint = request.extensions().get::<Endpoint>().unwrap();
        assert_eq!(endpoint.0.to_string(), "https://acc.example/");
        assert_eq!(request.uri(), "/x");
        // An encoded value cannot add a path to the host: it is no host at all.
        let mut r = RequestBuilder::new(Method::GET);
        r.endpoint("https://").endpoint_segment("evil.example/x?");
        assert!(r.path("/x").build().is_err());
        let mut r = RequestBuilder::new(Method::GET);
        assert!(r.endpoint("no scheme").path("/x").build().is_err());
    }

    #[test]
    fn a_bad_header_is_an_error_not_a_panic() {
        let result = RequestBuilder::new(Method::GET)
            .path("/")
            .header("x-name", "line\nbreak")
            .build();
        assert!(result.is_err());
    }
}
