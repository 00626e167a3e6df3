//! Rust names for spec names, shared by the emitters so that the client refers to the
//! models by the names the models emitter gives them.

use heck::ToUpperCamelCase;

/// The Rust type name of the definition `definition`.
pub fn type_name(definition: &str) -> String {
    definition.to_upper_camel_case()
}
