//! Response headers read as typed values: a header is text, so a number or a boolean is
//! parsed from it and anything else (strings, enums, timestamps, whatever type the model
//! gives a format) deserializes from the text itself. Generic over every type that
//! deserializes from a string or a scalar, so a new typed format needs nothing here.

use serde::de::value::{SeqDeserializer, StrDeserializer};
use serde::de::{self, Deserializer, IntoDeserializer, Visitor};
use std::fmt;
use std::str::FromStr;

/// Why a header's text is no value of the type.
#[derive(Debug)]
pub(crate) struct HeaderError(String);

impl fmt::Display for HeaderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for HeaderError {}

impl de::Error for HeaderError {
    fn custom<T: fmt::Display>(message: T) -> Self {
        HeaderError(message.to_string())
    }
}

/// Reads a value of any type from a header's text.
pub(crate) struct HeaderText<'a>(pub &'a str);

impl HeaderText<'_> {
    fn parse<T: FromStr>(&self, what: &str) -> Result<T, HeaderError> {
        self.0
            .trim()
            .parse()
            .map_err(|_| HeaderError(format!("`{}` is no {what}", self.0)))
    }
}

macro_rules! parsed {
    ($($method:ident $visit:ident $ty:ty, $what:literal;)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, HeaderError> {
            visitor.$visit(self.parse::<$ty>($what)?)
        }
    )*};
}

impl<'de> Deserializer<'de> for HeaderText<'de> {
    type Error = HeaderError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, HeaderError> {
        visitor.visit_borrowed_str(self.0)
    }

    parsed! {
        deserialize_bool visit_bool bool, "boolean";
        deserialize_i8 visit_i8 i8, "integer";
        deserialize_i16 visit_i16 i16, "integer";
        deserialize_i32 visit_i32 i32, "integer";
        deserialize_i64 visit_i64 i64, "integer";
        deserialize_u8 visit_u8 u8, "integer";
        deserialize_u16 visit_u16 u16, "integer";
        deserialize_u32 visit_u32 u32, "integer";
        deserialize_u64 visit_u64 u64, "integer";
        deserialize_f32 visit_f32 f32, "number";
        deserialize_f64 visit_f64 f64, "number";
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, HeaderError> {
        visitor.visit_some(self)
    }

    /// An array header: its items joined by commas (Swagger's `csv`, a header's default).
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, HeaderError> {
        let text = self.0.trim();
        let items = text
            .split(',')
            .filter(|_| !text.is_empty())
            .map(|item| HeaderText(item.trim()));
        let mut items = SeqDeserializer::new(items);
        let value = visitor.visit_seq(&mut items)?;
        items.end()?;
        Ok(value)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, HeaderError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, HeaderError> {
        let text: StrDeserializer<'de, HeaderError> = self.0.into_deserializer();
        text.deserialize_enum(name, variants, visitor)
    }

    serde::forward_to_deserialize_any! {
        i128 u128 char str string bytes byte_buf unit unit_struct tuple tuple_struct
        map struct identifier ignored_any
    }
}

impl<'de> IntoDeserializer<'de, HeaderError> for HeaderText<'de> {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    fn read<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, HeaderError> {
        T::deserialize(HeaderText(text))
    }

    #[test]
    fn numbers_and_booleans_are_parsed_and_text_is_kept() {
        assert_eq!(read::<i32>("-2").unwrap(), -2);
        assert_eq!(read::<i64>("105").unwrap(), 105);
        assert_eq!(read::<f64>("7e+120").unwrap(), 7e120);
        assert!(read::<bool>("true").unwrap());
        assert_eq!(read::<String>(" a b ").unwrap(), " a b ");
        assert_eq!(read::<Option<String>>("").unwrap(), Some(String::new()));
        assert!(read::<i32>("1.5").is_err() && read::<bool>("yes").is_err());
    }

    #[test]
    fn arrays_are_comma_separated() {
        assert_eq!(read::<Vec<i64>>("1, -2,3").unwrap(), [1, -2, 3]);
        assert_eq!(read::<Vec<String>>("a,b c").unwrap(), ["a", "b c"]);
        assert_eq!(read::<Vec<i32>>(" ").unwrap(), Vec::<i32>::new());
        assert!(read::<Vec<i32>>("1,,2").is_err());
    }

    #[test]
    fn enums_and_parsed_types_read_the_text() {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        enum Colour {
            Grey,
        }
        crate::wire_enum!(Colour closed { Grey = "GREY" });
        assert_eq!(read::<Colour>("GREY").unwrap(), Colour::Grey);
        assert!(read::<Colour>("").is_err());
        let at: crate::Timestamp = read("2010-01-01T12:34:56Z").unwrap();
        assert_eq!(at.as_str(), "2010-01-01T12:34:56Z");
    }
}
