//! Optional properties whose JSON may be `null`, kept apart from absent ones.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::{Deref, DerefMut};

/// An optional property that JSON may give as `null`: a read-only one (the service's
/// value, which services send as `null` when they have none) or one the spec marks
/// `x-nullable`. It reads as the `Option` it dereferences to (`field.as_deref()`,
/// `field.is_some()`, `&*field`), and remembers whether an empty value came as `null` or
/// was absent, so that a value read and written back is the JSON it came from.
///
/// Set it with `Some(value).into()`, or [`Nullable::null`] to send `null` (which clears
/// an `x-nullable` property in a PATCH).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Nullable<T> {
    value: Option<T>,
    /// An empty value is `null` rather than absent.
    null: bool,
}

impl<T> Nullable<T> {
    /// The JSON `null`.
    pub const fn null() -> Self {
        Self {
            value: None,
            null: true,
        }
    }

    /// Whether the value is `null` (not absent, not a value).
    pub fn is_null(&self) -> bool {
        self.value.is_none() && self.null
    }

    /// Whether the property is absent: it is left out when serialized.
    pub fn is_absent(&self) -> bool {
        self.value.is_none() && !self.null
    }

    pub fn into_option(self) -> Option<T> {
        self.value
    }

    // `Option`'s methods that take it by value, which a dereference cannot reach.

    /// The value; panics when there is none.
    #[track_caller]
    pub fn unwrap(self) -> T {
        self.value.unwrap()
    }

    /// The value; panics with `message` when there is none.
    #[track_caller]
    pub fn expect(self, message: &str) -> T {
        self.value.expect(message)
    }

    pub fn unwrap_or_default(self) -> T
    where
        T: Default,
    {
        self.value.unwrap_or_default()
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Option<U> {
        self.value.map(f)
    }
}

impl<T> Default for Nullable<T> {
    fn default() -> Self {
        Self {
            value: None,
            null: false,
        }
    }
}

impl<T> Deref for Nullable<T> {
    type Target = Option<T>;

    fn deref(&self) -> &Option<T> {
        &self.value
    }
}

impl<T> DerefMut for Nullable<T> {
    fn deref_mut(&mut self) -> &mut Option<T> {
        &mut self.value
    }
}

impl<T> From<Option<T>> for Nullable<T> {
    fn from(value: Option<T>) -> Self {
        Self { value, null: false }
    }
}

impl<T> From<Nullable<T>> for Option<T> {
    fn from(value: Nullable<T>) -> Self {
        value.value
    }
}

impl<T: PartialEq> PartialEq<Option<T>> for Nullable<T> {
    fn eq(&self, other: &Option<T>) -> bool {
        self.value == *other
    }
}

impl<T: fmt::Debug> fmt::Debug for Nullable<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.is_null() {
            true => f.write_str("null"),
            false => self.value.fmt(f),
        }
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.value {
            Some(value) => value.serialize(serializer),
            None => serializer.serialize_none(),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Option::<T>::deserialize(deserializer)?;
        let null = value.is_none();
        Ok(Self { value, null })
    }
}

#[cfg(test)]
mod tests {
    use super::Nullable;

    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Thing {
        #[serde(default, skip_serializing_if = "Nullable::is_absent")]
        status: Nullable<u8>,
    }

    #[test]
    fn null_absent_and_values_come_back_as_they_came() {
        for json in [r#"{"status":null}"#, "{}", r#"{"status":3}"#] {
            let thing: Thing = serde_json::from_str(json).unwrap();
            assert_eq!(serde_json::to_string(&thing).unwrap(), json);
        }
        let null: Thing = serde_json::from_str(r#"{"status":null}"#).unwrap();
        assert!(null.status.is_null() && null.status.is_none());
        assert_eq!(null.status, None);
        let absent: Thing = serde_json::from_str("{}").unwrap();
        assert!(absent.status.is_absent());
        assert_ne!(null, absent);
    }

    #[test]
    fn it_reads_and_is_set_as_an_option() {
        let mut thing = Thing {
            status: Some(3).into(),
        };
        assert_eq!(thing.status.as_ref(), Some(&3));
        *thing.status = None;
        assert_eq!(serde_json::to_string(&thing).unwrap(), "{}");
        thing.status = Nullable::null();
        assert_eq!(serde_json::to_string(&thing).unwrap(), r#"{"status":null}"#);
    }
}
