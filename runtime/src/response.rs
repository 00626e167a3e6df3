//! Sans-IO response parsing: the building blocks of each operation's parser.

use crate::error::header;
use crate::{DecodeError, Error, Response, ServiceError, REQUEST_ID};
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

/// The body of a documented status, as the spec's schema says.
pub fn json<T: DeserializeOwned, E>(response: Response) -> Result<T, Error<E>> {
    serde_json::from_slice(response.body())
        .map_err(|error| decode_error(&response, error.to_string()))
}

/// A page of a list whose items are in `item_name` and whose next link (if the list has
/// more than one page) is in `next_link_name`.
pub fn page<T: DeserializeOwned, E>(
    response: Response,
    item_name: &str,
    next_link_name: Option<&str>,
) -> Result<Page<T>, Error<E>> {
    let mut body: serde_json::Map<String, Value> = serde_json::from_slice(response.body())
        .map_err(|error| decode_error(&response, error.to_string()))?;
    let items = match body.remove(item_name) {
        None | Some(Value::Null) => Vec::new(),
        Some(items) => serde_json::from_value(items)
            .map_err(|error| decode_error(&response, format!("`{item_name}`: {error}")))?,
    };
    let next_link = next_link_name
        .and_then(|name| body.remove(name))
        .and_then(|link| {
            link.as_str()
                .filter(|link| !link.is_empty())
                .map(str::to_owned)
        });
    Ok(Page { items, next_link })
}

/// The error for a status the operation does not document as success.
pub fn unexpected<E: DeserializeOwned>(response: Response) -> Error<E> {
    Error::Service(Box::new(ServiceError::from_response(&response)))
}

fn decode_error<E>(response: &Response, message: String) -> Error<E> {
    Error::Decode(Box::new(DecodeError {
        status: response.status(),
        request_id: header(response, REQUEST_ID),
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
