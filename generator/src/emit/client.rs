//! The client emitter.

use crate::error::Result;
use crate::model::Api;

/// The `client.rs` source for every spec of `api`.
pub fn emit(_api: &Api) -> Result<String> {
    Ok(String::new())
}
