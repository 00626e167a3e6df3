//! Support for the hidden test hooks of generated crates, the client's `examples`
//! dispatch and the models' `roundtrip`: arguments taken from an example's `parameters`
//! object by the parameter's spec name, and the JSON views of typed values.

use serde::de::DeserializeOwned;
use serde_json::Value;

/// A required argument.
pub fn arg<T: DeserializeOwned>(parameters: &Value, name: &str) -> Result<T, String> {
    let value = parameters
        .get(name)
        .ok_or_else(|| format!("the example has no parameter `{name}`"))?;
    crate::json::from_value(value).map_err(|error| format!("parameter `{name}`: {error}"))
}

/// An optional argument.
pub fn optional<T: DeserializeOwned>(parameters: &Value, name: &str) -> Result<Option<T>, String> {
    match parameters.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => arg(parameters, name).map(Some),
    }
}

/// A parsed reply as JSON (a list's page as its items, no body as `null`).
pub fn json<T: serde::Serialize>(value: T) -> Value {
    serde_json::to_value(value).unwrap_or_default()
}

/// `value` read as `T`, written back to text and parsed again: what a model keeps of a
/// body, for the generated `roundtrip` test hook.
pub fn roundtrip_via<T: serde::Serialize + DeserializeOwned>(
    value: Value,
) -> Result<Value, serde_json::Error> {
    let typed: T = crate::json::from_value(&value)?;
    serde_json::from_str(&serde_json::to_string(&typed)?)
}
