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
