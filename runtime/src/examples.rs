//! Support for the hidden `examples` dispatch of generated crates: an argument of an
//! operation taken from an example's `parameters` object by the parameter's spec name.

use serde::de::DeserializeOwned;
use serde_json::Value;

/// A required argument.
pub fn arg<T: DeserializeOwned>(parameters: &Value, name: &str) -> Result<T, String> {
    let value = parameters
        .get(name)
        .ok_or_else(|| format!("the example has no parameter `{name}`"))?;
    serde_json::from_value(value.clone()).map_err(|error| format!("parameter `{name}`: {error}"))
}

/// An optional argument.
pub fn optional<T: DeserializeOwned>(parameters: &Value, name: &str) -> Result<Option<T>, String> {
    match parameters.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => arg(parameters, name).map(Some),
    }
}
