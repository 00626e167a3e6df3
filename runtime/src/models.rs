//! What generated models share: request bodies without read-only fields, the error of
//! closed enums, and the `wire_enum!` macro behind every enum (the typed string formats
//! are in `formats`). Kept here, once, rather than emitted into every models file, so that
//! the generated crate compiles it once and a spec's models stay only its own types.

use std::cell::Cell;
use std::fmt;

thread_local! {
    /// Whether a request body is being serialized on this thread.
    static REQUEST_BODY: Cell<bool> = const { Cell::new(false) };
}

/// Serializes `body` as JSON for a request: read-only properties (`readOnly` in the spec,
/// set by the service) are left out at every depth, as AutoRest's serializers do, while
/// every other serialization of the same value keeps them, so a reply read and written
/// back elsewhere still round-trips. The generated request functions send their bodies
/// through this; call it to build a body for a transport of your own.
///
/// serde passes no context to `skip_serializing_if`, so the mode is a flag of the
/// current thread, set only while this call serializes (which never yields) and reset even
/// if a `Serialize` impl panics.
pub fn to_request_body<B: serde::Serialize + ?Sized>(body: &B) -> serde_json::Result<Vec<u8>> {
    let _mode = RequestBodyMode::enter();
    let mut bytes = Vec::with_capacity(128);
    match body.serialize(&mut serde_json::Serializer::new(&mut bytes)) {
        Ok(()) => Ok(bytes),
        Err(error) => Err(error),
    }
}

/// Request-body mode while it lives, then the mode it found. Not generic, so that
/// `to_request_body`, compiled per body type, only creates and drops it.
struct RequestBodyMode(bool);

impl RequestBodyMode {
    fn enter() -> Self {
        Self(REQUEST_BODY.with(|mode| mode.replace(true)))
    }
}

impl Drop for RequestBodyMode {
    fn drop(&mut self) {
        REQUEST_BODY.with(|mode| mode.set(self.0));
    }
}

/// `skip_serializing_if` of read-only fields: absent values, and every value inside
/// [`to_request_body`].
#[doc(hidden)]
pub fn skip_read_only<T>(value: &crate::Nullable<T>) -> bool {
    value.is_absent() || REQUEST_BODY.with(Cell::get)
}

/// A value that a closed enum (`modelAsString: false`) does not list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownEnumValue {
    pub type_name: &'static str,
    pub value: String,
}

impl UnknownEnumValue {
    /// The error for `value`, which the enum `type_name` does not list.
    pub fn new(type_name: &'static str, value: &str) -> Self {
        Self {
            type_name,
            value: value.to_owned(),
        }
    }
}

impl fmt::Display for UnknownEnumValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a value of {}", self.value, self.type_name)
    }
}

impl std::error::Error for UnknownEnumValue {}

/// Implements `as_str`, `FromStr`, `Display` and serde for a generated enum through its
/// wire strings: one small invocation per enum instead of four impls each. Open enums
/// (`modelAsString: true`) keep an unknown value in their catch-all variant, so it is sent
/// back exactly as it came (serde's `#[serde(other)]` would lose it); closed enums refuse
/// it with [`UnknownEnumValue`].
#[macro_export]
macro_rules! wire_enum {
    ($name:ident open $other:ident { $($variant:ident = $wire:literal),* }) => {
        impl $name {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $wire,)*
                    Self::$other(value) => value,
                }
            }
        }
        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                Ok(match value {
                    $($wire => Self::$variant,)*
                    _ => Self::$other(value.to_owned()),
                })
            }
        }
        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                // Through `FromStr`, so that the wire values are matched in one place.
                let value = <::std::string::String as $crate::__serde::Deserialize>::deserialize(deserializer)?;
                let ::std::result::Result::Ok(value) = value.parse();
                Ok(value)
            }
        }
        $crate::wire_enum!(@common $name);
    };
    ($name:ident closed { $($variant:ident = $wire:literal),* }) => {
        impl $name {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &'static str {
                match self {
                    $(Self::$variant => $wire,)*
                }
            }
        }
        impl ::std::str::FromStr for $name {
            type Err = $crate::UnknownEnumValue;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                match value {
                    $($wire => Ok(Self::$variant),)*
                    _ => Err($crate::UnknownEnumValue::new(stringify!($name), value)),
                }
            }
        }
        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::std::string::String as $crate::__serde::Deserialize>::deserialize(deserializer)?;
                value.parse().map_err(<D::Error as $crate::__serde::de::Error>::custom)
            }
        }
        $crate::wire_enum!(@common $name);
    };
    (@common $name:ident) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq)]
    enum Open {
        A,
        Other(String),
    }
    crate::wire_enum!(Open open Other { A = "a" });

    #[derive(Debug, PartialEq)]
    enum Closed {
        B,
    }
    crate::wire_enum!(Closed closed { B = "b" });

    #[test]
    fn open_enums_keep_unknown_values_and_closed_ones_refuse_them() {
        let unknown: Open = serde_json::from_str("\"zz\"").unwrap();
        assert_eq!(unknown, Open::Other("zz".into()));
        assert_eq!(serde_json::to_string(&unknown).unwrap(), "\"zz\"");
        assert_eq!("a".parse::<Open>(), Ok(Open::A));
        assert_eq!("b".parse::<Closed>(), Ok(Closed::B));
        let error = "c".parse::<Closed>().unwrap_err();
        assert_eq!(error.to_string(), "`c` is not a value of Closed");
    }

    #[derive(serde::Serialize)]
    struct Thing {
        #[serde(skip_serializing_if = "skip_read_only")]
        id: crate::Nullable<String>,
        name: String,
        inner: Option<Box<Thing>>,
    }

    #[test]
    fn request_bodies_leave_read_only_fields_out_at_every_depth() {
        let thing = Thing {
            id: Some("a".into()).into(),
            name: "outer".into(),
            inner: Some(Box::new(Thing {
                id: Some("b".into()).into(),
                name: "inner".into(),
                inner: None,
            })),
        };
        let request: serde_json::Value =
            serde_json::from_slice(&to_request_body(&thing).unwrap()).unwrap();
        assert_eq!(
            request,
            serde_json::json!({"name": "outer", "inner": {"name": "inner", "inner": null}})
        );
        let plain = serde_json::to_value(&thing).unwrap();
        assert_eq!(plain["id"], "a");
        assert_eq!(plain["inner"]["id"], "b");
    }
}
