//! Sans-IO response parsing: the building blocks of each operation's parser.

use crate::error::header as header_text;
use crate::header_value::HeaderText;
use crate::{DecodeError, Error, ErrorModel, Response, ServiceError, REQUEST_ID};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// One page of an `x-ms-pageable` list.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Where the next page is; `None` on the last page.
    pub next_link: Option<String>,
}

impl<T> Default for Page<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            next_link: None,
        }
    }
}

/// The result of an operation whose replies declare headers: the body (`()` when no
/// reply has one) and the declared headers, typed.
#[derive(Debug, Clone, PartialEq)]
pub struct WithHeaders<T, H> {
    pub body: T,
    pub headers: H,
}

/// The body of a documented status, as the spec's schema says. An empty body reads as
/// JSON `null`, as AutoRest's clients read it: a type that allows null (an `Option`, any
/// JSON) gets it, any other type is a [`DecodeError`] saying the body is empty.
pub fn json<T: DeserializeOwned, E>(response: Response) -> Result<T, Error<E>> {
    let read = body_value(&response).and_then(|(body, empty)| read_body(&body, empty));
    match read {
        Ok(value) => Ok(value),
        Err(message) => Err(decode_error(&response, message)),
    }
}

/// The body parsed (an empty one as `null`), and whether it was empty; or the message of
/// the [`DecodeError`] a body that is not JSON is.
fn body_value(response: &Response) -> Result<(Value, bool), String> {
    let empty = response.body().iter().all(u8::is_ascii_whitespace);
    match empty {
        true => Ok((Value::Null, true)),
        false => serde_json::from_slice(response.body())
            .map(|body| (body, false))
            .map_err(|error| error.to_string()),
    }
}

fn read_body<T: DeserializeOwned>(body: &Value, empty: bool) -> Result<T, String> {
    match crate::json::from_value(body) {
        Ok(value) => Ok(value),
        Err(error) => Err(decode_message(error, empty)),
    }
}

fn decode_message(error: serde_json::Error, empty: bool) -> String {
    match empty {
        true => format!("the body is empty: {error}"),
        false => error.to_string(),
    }
}

/// The response header `name` as a `T`, `None` when it is absent. A value that does not
/// read as a `T` is a [`DecodeError`], unless it is empty: an empty value of a type that
/// cannot be empty (a number, an enum) is no value, as AutoRest's clients read it.
pub fn header<T: DeserializeOwned, E>(
    response: &Response,
    name: &str,
) -> Result<Option<T>, Error<E>> {
    let Some(value) = response.headers().get(name) else {
        return Ok(None);
    };
    let text = value.to_str().map_err(|_| {
        decode_error(
            response,
            format!("the header `{name}` is not visible ASCII"),
        )
    })?;
    match T::deserialize(HeaderText(text)) {
        Ok(value) => Ok(Some(value)),
        Err(_) if text.trim().is_empty() => Ok(None),
        Err(error) => Err(decode_error(
            response,
            format!("the header `{name}`: {error}"),
        )),
    }
}

/// The response headers whose names start with `prefix` (without case, as HTTP compares
/// names), by the rest of the name: `x-ms-header-collection-prefix`, Azure Storage's
/// `x-ms-meta-*`. `None` when there is none; a value that is not visible ASCII is a
/// [`DecodeError`].
pub fn header_collection<E>(
    response: &Response,
    prefix: &str,
) -> Result<Option<std::collections::BTreeMap<String, String>>, Error<E>> {
    let mut found = std::collections::BTreeMap::new();
    for (name, value) in response.headers() {
        let name = name.as_str();
        let Some(key) = name
            .get(..prefix.len())
            .filter(|start| start.eq_ignore_ascii_case(prefix))
            .map(|_| &name[prefix.len()..])
        else {
            continue;
        };
        let text = value.to_str().map_err(|_| {
            decode_error(
                response,
                format!("the header `{name}` is not visible ASCII"),
            )
        })?;
        found.insert(key.to_owned(), text.to_owned());
    }
    Ok((!found.is_empty()).then_some(found))
}

/// The body of a reply that may have none (an empty body is `None`): the reply that
/// ends a long-running operation with a status the spec does not document.
pub fn optional_json<T: DeserializeOwned, E>(response: Response) -> Result<Option<T>, Error<E>> {
    if response.body().iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    json(response).map(Some)
}

/// The body of a documented status as the bytes that came (`type: file`, binary).
pub fn bytes<E>(response: Response) -> Result<Vec<u8>, Error<E>> {
    Ok(response.into_body())
}

/// The body of a documented status as text (a string sent as `text/plain`, not JSON).
pub fn text<E>(response: Response) -> Result<String, Error<E>> {
    match std::str::from_utf8(response.body()) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => Err(decode_error(
            &response,
            format!("the text is not UTF-8: {error}"),
        )),
    }
}

/// The XML body of a documented status whose root element is a `T`.
#[cfg(feature = "xml")]
pub fn xml<T: crate::xml::XmlValue, E>(response: Response) -> Result<T, Error<E>> {
    crate::xml::from_document(response.body())
        .map_err(|error| decode_error(&response, error.to_string()))
}

/// The XML body of a documented status whose root element holds a list of `T`.
#[cfg(feature = "xml")]
pub fn xml_list<T: crate::xml::XmlValue, E>(response: Response) -> Result<Vec<T>, Error<E>> {
    crate::xml::list_from_document(response.body())
        .map_err(|error| decode_error(&response, error.to_string()))
}

/// A page of a list whose items are in `item_name` and whose next link (if the list has
/// more than one page) is in `next_link_name`; other members are skipped. The body is
/// read as a [`Value`], so the last of duplicate keys wins.
pub fn page<T: DeserializeOwned, E>(
    response: Response,
    item_name: &str,
    next_link_name: Option<&str>,
) -> Result<Page<T>, Error<E>> {
    let read = page_object(&response, next_link_name).and_then(|(body, next_link)| {
        match crate::json::member::<Option<Vec<T>>>(&body, item_name) {
            Ok(items) => Ok(Page {
                items: items.unwrap_or_default(),
                next_link,
            }),
            Err(error) => Err(error.to_string()),
        }
    });
    match read {
        Ok(page) => Ok(page),
        Err(message) => Err(decode_error(&response, message)),
    }
}

/// A page's body and its next link: a next link that is not a non-empty string is none.
fn page_object(
    response: &Response,
    next_link_name: Option<&str>,
) -> Result<(serde_json::Map<String, Value>, Option<String>), String> {
    match serde_json::from_slice(response.body()) {
        Ok(Value::Object(body)) => {
            let next_link = match next_link_name.and_then(|name| body.get(name)) {
                Some(Value::String(link)) if !link.is_empty() => Some(link.clone()),
                _ => None,
            };
            Ok((body, next_link))
        }
        Ok(other) => Err(crate::json::invalid_type(&other, &"a page object").to_string()),
        Err(error) => Err(error.to_string()),
    }
}

/// The error for a status the operation does not document as success, its body read as
/// the operation's error model.
pub fn unexpected<E: ErrorModel>(response: Response) -> Error<E> {
    Error::Service(Box::new(ServiceError::from_response(&response)))
}

/// The body of an error reply as a `T` (an empty one as JSON `null`), or `None` when it
/// is not one: for the error models of operations, which read the body by status.
pub fn error_body<T: DeserializeOwned>(body: &[u8]) -> Option<T> {
    let body: &[u8] = if body.is_empty() { b"null" } else { body };
    crate::json::from_slice(body).ok()
}

pub(crate) fn decode_error<E>(response: &Response, message: String) -> Error<E> {
    Error::Decode(Box::new(DecodeError {
        status: response.status(),
        request_id: header_text(response, REQUEST_ID),
        message,
        raw: response.body().clone(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reply(status: u16, body: &str) -> Response {
        let mut response = http::Response::new(body.as_bytes().to_vec());
        *response.status_mut() = http::StatusCode::from_u16(status).unwrap();
        response
    }

    #[test]
    fn pages_take_items_and_next_link_by_name() {
        let first: Page<u32> = page::<_, ()>(
            reply(200, r#"{"items":[1,2],"more":"https://x/2"}"#),
            "items",
            Some("more"),
        )
        .unwrap();
        assert_eq!(
            first,
            Page {
                items: vec![1, 2],
                next_link: Some("https://x/2".into())
            }
        );
        let last: Page<u32> = page::<_, ()>(
            reply(200, r#"{"items":null,"more":""}"#),
            "items",
            Some("more"),
        )
        .unwrap();
        assert_eq!(last, Page::default());
    }

    #[test]
    fn pages_skip_other_keys_and_name_a_bad_item() {
        let first: Page<u32> = page::<_, ()>(
            reply(200, r#"{"odd":{"items":[9]},"items":[3],"more":7}"#),
            "items",
            Some("more"),
        )
        .unwrap();
        assert_eq!((first.items, first.next_link), (vec![3], None));
        let Err(Error::Decode(error)) =
            page::<u32, ()>(reply(200, r#"{"items":["x"]}"#), "items", None)
        else {
            panic!()
        };
        assert!(
            error.message.starts_with("at items[0]: invalid type"),
            "{}",
            error.message
        );
        assert!(page::<u32, ()>(reply(200, r#"{"items":[]} 1"#), "items", None).is_err());
    }

    #[test]
    fn text_replies_must_be_utf8() {
        assert_eq!(text::<()>(reply(200, "héllo")).unwrap(), "héllo");
        let mut bad = reply(200, "");
        *bad.body_mut() = vec![0xff];
        assert!(matches!(text::<()>(bad), Err(Error::Decode(_))));
    }

    #[test]
    fn a_non_json_error_body_is_kept_raw() {
        let Error::Service(error) = unexpected::<serde_json::Value>(reply(502, "<html>")) else {
            panic!()
        };
        assert_eq!(
            (error.status.as_u16(), error.body, error.raw),
            (502, None, b"<html>".to_vec())
        );
    }
}
