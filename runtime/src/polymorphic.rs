//! Discriminated unions (`discriminator` in a spec): the `discriminated!` macro behind
//! each one and the functions it calls.
//!
//! A union is an enum with one variant per type of the hierarchy, each holding the
//! struct of its definition. Every struct keeps the discriminator as a field of its own,
//! so a union serializes by serializing the variant, and a value of a type this version of
//! the spec does not know is read as the hierarchy's base, keeping its discriminator and
//! its other members: read and written back, it loses nothing. serde's internally tagged
//! enums can do neither (their catch-all variant holds no data).

use serde::de::{DeserializeOwned, Error};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// Reads a union's JSON object and its discriminator `tag`. A missing (or null)
/// discriminator is read as `fallback`'s, the union's base, and set in the object, as
/// AutoRest's clients read such a value as the type they asked for.
pub fn read<'de, D: Deserializer<'de>>(
    deserializer: D,
    tag: &str,
    fallback: &str,
) -> Result<(String, Value), D::Error> {
    let mut value = Value::deserialize(deserializer)?;
    let object = value
        .as_object_mut()
        .ok_or_else(|| D::Error::custom(format!("expected a JSON object with `{tag}`")))?;
    let found = match object.get(tag) {
        Some(Value::String(found)) => found.clone(),
        None | Some(Value::Null) => {
            object.insert(tag.to_owned(), Value::String(fallback.to_owned()));
            fallback.to_owned()
        }
        // Not a string: the base's struct reports the type error.
        Some(_) => fallback.to_owned(),
    };
    Ok((found, value))
}

/// The variant's struct from the object [`read`] returned.
pub fn decode<T: DeserializeOwned, E: Error>(value: Value) -> Result<T, E> {
    crate::json::from_value(&value).map_err(E::custom)
}

/// Implements serde and `From` each variant's struct for a discriminated union: the enum
/// `$name` whose variants are named like the structs they hold, `$root` the hierarchy's
/// base (the variant of an unknown discriminator), `$tag` the discriminator's JSON name.
#[macro_export]
macro_rules! discriminated {
    ($name:ident, $tag:literal, $root:ident = $root_wire:literal { $($variant:ident = $wire:literal),* $(,)? }) => {
        impl $crate::__serde::Serialize for $name {
            fn serialize<S: $crate::__serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    $(Self::$variant(value) => $crate::__serde::Serialize::serialize(value, serializer),)*
                }
            }
        }
        impl<'de> $crate::__serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let (tag, value) = $crate::polymorphic::read(deserializer, $tag, $root_wire)?;
                match tag.as_str() {
                    $($wire => $crate::polymorphic::decode(value).map(Self::$variant),)*
                    _ => $crate::polymorphic::decode(value).map(Self::$root),
                }
            }
        }
        $(
            impl ::std::convert::From<$variant> for $name {
                fn from(value: $variant) -> Self {
                    Self::$variant(value)
                }
            }
        )*
    };
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};
    use serde_json::{json, Value};
    use std::collections::BTreeMap;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Base {
        kind: String,
        #[serde(flatten)]
        rest: BTreeMap<String, Value>,
    }

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Child {
        kind: String,
        size: i32,
    }

    #[derive(Debug, Clone, PartialEq)]
    enum BaseUnion {
        Base(Base),
        Child(Child),
    }
    crate::discriminated!(BaseUnion, "kind", Base = "base" { Base = "base", Child = "child" });

    #[test]
    fn known_tags_pick_their_variant_and_unknown_ones_the_base_losslessly() {
        let child: BaseUnion =
            serde_json::from_value(json!({ "kind": "child", "size": 3 })).unwrap();
        assert!(
            matches!(child, BaseUnion::Child(Child { size: 3, .. })),
            "{child:?}"
        );
        let other = json!({ "kind": "newer", "size": "big" });
        let read: BaseUnion = serde_json::from_value(other.clone()).unwrap();
        assert!(matches!(read, BaseUnion::Base(_)), "{read:?}");
        assert_eq!(serde_json::to_value(&read).unwrap(), other);
    }

    #[test]
    fn a_missing_tag_is_the_bases_and_a_non_object_an_error() {
        let read: BaseUnion = serde_json::from_value(json!({ "size": 1 })).unwrap();
        assert_eq!(
            serde_json::to_value(&read).unwrap(),
            json!({ "kind": "base", "size": 1 })
        );
        assert!(serde_json::from_value::<BaseUnion>(json!([1])).is_err());
        assert!(serde_json::from_value::<BaseUnion>(json!({ "kind": "child" })).is_err());
    }
}
