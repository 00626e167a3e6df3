//! Code emitted once per models module: the `wire_enum!` macro behind every enum, the
//! timestamp type, the error of closed enums, and the round-trip dispatch for tests.

use super::render::ident;
use proc_macro2::TokenStream;
use quote::quote;

/// The macro implementing `as_str`, `FromStr`, `Display` and serde for an enum through its
/// wire strings: one small invocation per enum instead of four hand-written impls, which
/// keeps the generated crate quick to compile. Open enums (`modelAsString: true`) keep an
/// unknown value in their catch-all variant, so it is sent back exactly as it came (serde's
/// `#[serde(other)]` would lose it). It is kept as text because prettyplease prints macro
/// bodies on one line.
pub const WIRE_ENUM_MACRO: &str = r#"macro_rules! wire_enum {
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
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                Ok(match value.as_str() {
                    $($wire => Self::$variant,)*
                    _ => Self::$other(value),
                })
            }
        }
        wire_enum!(@common $name);
    };
    ($name:ident closed($error:ty) { $($variant:ident = $wire:literal),* }) => {
        impl $name {
            /// The value as sent on the wire.
            pub fn as_str(&self) -> &'static str {
                match self {
                    $(Self::$variant => $wire,)*
                }
            }
        }
        impl ::std::str::FromStr for $name {
            type Err = $error;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                match value {
                    $($wire => Ok(Self::$variant),)*
                    _ => Err(<$error>::new(stringify!($name), value)),
                }
            }
        }
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                value.parse().map_err(<D::Error as ::serde::de::Error>::custom)
            }
        }
        wire_enum!(@common $name);
    };
    (@common $name:ident) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}
"#;

/// The error of parsing a value that a closed enum (`modelAsString: false`) does not list.
pub fn enum_error(name: &str) -> TokenStream {
    let name = ident(name);
    quote! {
        #[doc = " A value that a closed enum (`modelAsString: false`) does not list."]
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct #name {
            pub type_name: &'static str,
            pub value: ::std::string::String,
        }
        impl #name {
            #[doc = " The error for `value`, which the enum `type_name` does not list."]
            pub fn new(type_name: &'static str, value: &str) -> Self {
                Self { type_name, value: value.to_owned() }
            }
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                write!(f, "`{}` is not a value of {}", self.value, self.type_name)
            }
        }
        impl ::std::error::Error for #name {}
    }
}

/// The timestamp type for `format: date-time`. It keeps the text it was read from beside the
/// parsed instant: the service writes `+00:00` and seven fractional digits, which any
/// formatter would rewrite, and a resource read then sent back must be unchanged.
pub fn timestamp(name: &str) -> TokenStream {
    let name = ident(name);
    quote! {
        #[doc = " An RFC 3339 timestamp (`format: date-time`)."]
        #[doc = ""]
        #[doc = " It keeps the text it was read from, so it is sent back exactly as received"]
        #[doc = " (`+00:00` stays `+00:00`, seven fractional digits stay seven); equality and"]
        #[doc = " hashing compare the instant."]
        #[derive(Debug, Clone)]
        pub struct #name {
            text: ::std::string::String,
            instant: ::time::OffsetDateTime,
        }
        impl #name {
            #[doc = " The instant."]
            pub fn instant(&self) -> ::time::OffsetDateTime {
                self.instant
            }
            #[doc = " The RFC 3339 text, as received or as formatted."]
            pub fn as_str(&self) -> &str {
                &self.text
            }
        }
        impl ::std::convert::TryFrom<::time::OffsetDateTime> for #name {
            type Error = ::time::error::Format;
            fn try_from(instant: ::time::OffsetDateTime) -> ::std::result::Result<Self, Self::Error> {
                let text = instant.format(&::time::format_description::well_known::Rfc3339)?;
                Ok(Self { text, instant })
            }
        }
        impl ::std::str::FromStr for #name {
            type Err = ::time::error::Parse;
            fn from_str(text: &str) -> ::std::result::Result<Self, Self::Err> {
                let instant = ::time::OffsetDateTime::parse(text, &::time::format_description::well_known::Rfc3339)?;
                Ok(Self { text: text.to_owned(), instant })
            }
        }
        impl ::std::cmp::PartialEq for #name {
            fn eq(&self, other: &Self) -> bool {
                self.instant == other.instant
            }
        }
        impl ::std::cmp::Eq for #name {}
        impl ::std::hash::Hash for #name {
            fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
                self.instant.hash(state);
            }
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.text)
            }
        }
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.text)
            }
        }
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let text = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                text.parse().map_err(<D::Error as ::serde::de::Error>::custom)
            }
        }
    }
}

/// The test hook: the JSON of a definition's type after a trip through it and back to
/// text. It sits behind the generated crate's `roundtrip` feature so that users never
/// compile it, and is keyed by the spec's definition names so that a test can find the type
/// of any schema it reads from the spec without a hand-written list.
pub fn roundtrip(definitions: &[(String, String)]) -> TokenStream {
    let arms = definitions.iter().map(|(definition, name)| {
        let name = ident(name);
        quote!(#definition => via::<#name>(value),)
    });
    quote! {
        #[doc = " Deserializes `value` as the type of `definition`, serializes it back to text and"]
        #[doc = " parses that; `None` when there is no such definition. For tests only."]
        #[cfg(feature = "roundtrip")]
        #[doc(hidden)]
        pub fn roundtrip(
            definition: &str,
            value: ::serde_json::Value,
        ) -> ::std::option::Option<::std::result::Result<::serde_json::Value, ::serde_json::Error>> {
            fn via<T: ::serde::Serialize + ::serde::de::DeserializeOwned>(
                value: ::serde_json::Value,
            ) -> ::std::result::Result<::serde_json::Value, ::serde_json::Error> {
                let typed: T = ::serde_json::from_value(value)?;
                ::serde_json::from_str(&::serde_json::to_string(&typed)?)
            }
            Some(match definition {
                #(#arms)*
                _ => return None,
            })
        }
    }
}
