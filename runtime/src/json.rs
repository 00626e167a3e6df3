//! How JSON bodies become models: parsed once into a [`Value`], then read through [`Tree`],
//! a deserializer whose generic methods are each a match and a call.
//!
//! Why not `serde_json::from_slice::<T>`: serde compiles each model's derived
//! `Deserialize`, and the deserializer's methods its visitors are passed to, once per
//! model type in the crate that names the type (the generated crate). serde_json's reader
//! inlines its parsing into every one of those copies (`deserialize_map` alone was 265
//! lines of LLVM IR per struct, and the reader's copies a third of the generated crate's
//! IR). Here the parsing is compiled once, in this crate, and what is left per type is
//! small. The semantics are serde_json's own `Value` deserializer's (whose leaf methods
//! [`Tree`] calls); what differs from reading the bytes directly: a key given twice is
//! read once (the last wins), and an error names where it is by its path in the body
//! (`at properties.loginServer: invalid type: ...`) instead of its line and column.

use serde::de::{
    DeserializeOwned, DeserializeSeed, Deserializer, Error as _, Expected, IntoDeserializer,
    MapAccess, SeqAccess, Unexpected, Visitor,
};
use serde_json::{Error, Map, Value};
use std::cell::RefCell;
use std::fmt::Write as _;

/// A JSON text (with nothing after it but whitespace) as a `T`.
pub(crate) fn from_slice<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Error> {
    match serde_json::from_slice(bytes) {
        Ok(value) => from_value(&value),
        Err(error) => Err(error),
    }
}

/// A JSON value as a `T`.
pub(crate) fn from_value<T: DeserializeOwned>(value: &Value) -> Result<T, Error> {
    read(value, None)
}

/// The member `key` of an object as a `T`, an absent one as `null`.
pub(crate) fn member<T: DeserializeOwned>(
    object: &Map<String, Value>,
    key: &str,
) -> Result<T, Error> {
    read(object.get(key).unwrap_or(&Value::Null), Some(key))
}

/// `value` as a `T`; an error's path starts at `key` when the value is a member.
fn read<T: DeserializeOwned>(value: &Value, key: Option<&str>) -> Result<T, Error> {
    let path = Path::default();
    match T::deserialize(Tree { value, path: &path }) {
        Ok(value) => Ok(value),
        Err(error) => Err(path.locate(error, key)),
    }
}

/// One step down into a value, for the path of an error.
enum Step {
    Key(String),
    Index(usize),
}

/// The steps of the path to where an error happened, innermost first: each map and array
/// adds its own as the error goes up through it.
#[derive(Default)]
struct Path(RefCell<Vec<Step>>);

impl Path {
    fn push(&self, step: Step) {
        self.0.borrow_mut().push(step);
    }

    /// The error with its path, outermost step first, from `key` when there is one.
    fn locate(&self, error: Error, key: Option<&str>) -> Error {
        let mut steps = self.0.take();
        steps.extend(key.map(|key| Step::Key(key.to_owned())));
        if steps.is_empty() {
            return error;
        }
        let mut path = String::new();
        for step in steps.iter().rev() {
            match step {
                Step::Key(key) if path.is_empty() => path.push_str(key),
                Step::Key(key) => {
                    path.push('.');
                    path.push_str(key);
                }
                Step::Index(index) => {
                    let _ = write!(path, "[{index}]");
                }
            }
        }
        Error::custom(format_args!("at {path}: {error}"))
    }
}

/// A value to deserialize, and where the steps of an error's path are collected.
///
/// The generic methods (compiled per visitor, in the generated crate) only match and
/// call. `Tree` borrows the value and is `Copy`, so they hold nothing to drop (debug
/// builds compile an unwinding path for each value held across a call), and `match`
/// stands where `?` and `Result::map` would compile a helper per type.
#[derive(Clone, Copy)]
struct Tree<'a> {
    value: &'a Value,
    path: &'a Path,
}

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(value) => Unexpected::Bool(*value),
        Value::Number(number) => match (number.as_u64(), number.as_i64(), number.as_f64()) {
            (Some(value), _, _) => Unexpected::Unsigned(value),
            (None, Some(value), _) => Unexpected::Signed(value),
            (None, None, value) => Unexpected::Float(value.unwrap_or(f64::NAN)),
        },
        Value::String(value) => Unexpected::Str(value),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

pub(crate) fn invalid_type(value: &Value, expected: &dyn Expected) -> Error {
    Error::invalid_type(unexpected(value), expected)
}

/// What a struct is read from: serde_json reads one from an object or from an array.
enum Members<'a> {
    Entries(Entries<'a>),
    Elements(Elements<'a>),
}

impl<'a> Tree<'a> {
    fn members(self) -> Option<Members<'a>> {
        match self.value {
            Value::Object(map) => Some(Members::Entries(Entries::new(map, self.path))),
            Value::Array(array) => Some(Members::Elements(Elements::new(array, self.path))),
            _ => None,
        }
    }

    fn entries(self, expected: &dyn Expected) -> Result<Entries<'a>, Error> {
        match self.value {
            Value::Object(map) => Ok(Entries::new(map, self.path)),
            other => Err(invalid_type(other, expected)),
        }
    }

    fn elements(self, expected: &dyn Expected) -> Result<Elements<'a>, Error> {
        match self.value {
            Value::Array(array) => Ok(Elements::new(array, self.path)),
            other => Err(invalid_type(other, expected)),
        }
    }
}

/// The leaf methods: serde_json's `Value` deserializer reads these as it would.
macro_rules! leaves {
    ($($method:ident)*) => {
        $(fn $method<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
            self.value.$method(visitor)
        })*
    };
}

impl<'a> Deserializer<'a> for Tree<'a> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.members() {
            Some(members) => members.visit(visitor),
            None => self.value.deserialize_any(visitor),
        }
    }

    leaves! {
        deserialize_bool deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64
        deserialize_i128 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64
        deserialize_u128 deserialize_f32 deserialize_f64 deserialize_char deserialize_str
        deserialize_string deserialize_bytes deserialize_byte_buf deserialize_unit
        deserialize_identifier
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.value {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.value.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.elements(&visitor) {
            Ok(mut elements) => visitor.visit_seq(&mut elements),
            Err(error) => Err(error),
        }
    }

    /// A tuple's visitor stops at its length: elements past it are an error.
    fn deserialize_tuple<V: Visitor<'a>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        match self.elements(&visitor) {
            Ok(mut elements) => match visitor.visit_seq(&mut elements) {
                Ok(value) => match elements.end() {
                    Ok(()) => Ok(value),
                    Err(error) => Err(error),
                },
                error => error,
            },
            Err(error) => Err(error),
        }
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.entries(&visitor) {
            Ok(mut entries) => visitor.visit_map(&mut entries),
            Err(error) => Err(error),
        }
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.members() {
            Some(members) => members.visit(visitor),
            None => Err(invalid_type(self.value, &visitor)),
        }
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.value.deserialize_enum(name, variants, visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

impl<'a> Members<'a> {
    fn visit<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Members::Entries(mut entries) => visitor.visit_map(&mut entries),
            Members::Elements(mut elements) => visitor.visit_seq(&mut elements),
        }
    }
}

/// An object's members, read in order. Unlike serde_json, members a visitor leaves
/// unread are no error: every visitor serde derives reads to the end.
struct Entries<'a> {
    entries: serde_json::map::Iter<'a>,
    /// The key read last (for an error's path) and its value, until it is read.
    key: &'a str,
    value: Option<&'a Value>,
    path: &'a Path,
}

impl<'a> Entries<'a> {
    fn new(map: &'a Map<String, Value>, path: &'a Path) -> Self {
        Self {
            entries: map.iter(),
            key: "",
            value: None,
            path,
        }
    }

    fn next_key(&mut self) -> Option<Key<'a>> {
        let (key, value) = self.entries.next()?;
        self.key = key;
        self.value = Some(value);
        Some(Key(key))
    }

    fn next_value(&mut self) -> Result<Tree<'a>, Error> {
        match self.value.take() {
            Some(value) => Ok(Tree {
                value,
                path: self.path,
            }),
            None => Err(Error::custom("value is missing")),
        }
    }

    fn failed(&self, error: Error) -> Error {
        self.path.push(Step::Key(self.key.to_owned()));
        error
    }
}

impl<'a> MapAccess<'a> for Entries<'a> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        match self.next_key() {
            Some(key) => match seed.deserialize(key) {
                Ok(key) => Ok(Some(key)),
                Err(error) => Err(error),
            },
            None => Ok(None),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'a>>(&mut self, seed: S) -> Result<S::Value, Error> {
        match self.next_value() {
            Ok(value) => match seed.deserialize(value) {
                Ok(value) => Ok(value),
                Err(error) => Err(self.failed(error)),
            },
            Err(error) => Err(error),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// An array's elements, read in order; as with [`Entries`], elements left unread are no
/// error, but for a tuple's.
struct Elements<'a> {
    len: usize,
    elements: std::slice::Iter<'a, Value>,
    /// How many have been read, for an error's path.
    read: usize,
    path: &'a Path,
}

impl<'a> Elements<'a> {
    fn new(array: &'a [Value], path: &'a Path) -> Self {
        Self {
            len: array.len(),
            elements: array.iter(),
            read: 0,
            path,
        }
    }

    fn end(&self) -> Result<(), Error> {
        match self.elements.len() {
            0 => Ok(()),
            _ => Err(Error::invalid_length(self.len, &"fewer elements in array")),
        }
    }

    fn next(&mut self) -> Option<Tree<'a>> {
        let value = self.elements.next()?;
        self.read += 1;
        Some(Tree {
            value,
            path: self.path,
        })
    }

    fn failed(&self, error: Error) -> Error {
        self.path.push(Step::Index(self.read - 1));
        error
    }
}

impl<'a> SeqAccess<'a> for Elements<'a> {
    type Error = Error;

    fn next_element_seed<S: DeserializeSeed<'a>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, Error> {
        match self.next() {
            Some(value) => match seed.deserialize(value) {
                Ok(value) => Ok(Some(value)),
                Err(error) => Err(self.failed(error)),
            },
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.elements.len())
    }
}

/// An object's key: a string, or the number or boolean it spells for a map keyed by one,
/// as serde_json reads keys.
struct Key<'a>(&'a str);

impl Key<'_> {
    fn number<T: std::str::FromStr>(&self) -> Option<T> {
        self.0
            .starts_with(|c: char| c == '-' || c.is_ascii_digit())
            .then(|| self.0.parse().ok())
            .flatten()
    }
}

/// serde_json's message for a key that does not spell the number a map's key type is.
const NOT_A_NUMBER: &str = "invalid value: expected key to be a number in quotes";

macro_rules! numeric_keys {
    ($($method:ident => $visit:ident,)*) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.number() {
                Some(value) => visitor.$visit(value),
                None => Err(Error::custom(NOT_A_NUMBER)),
            }
        })*
    };
}

impl<'de> Deserializer<'de> for Key<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_borrowed_str(self.0)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0.parse() {
            Ok(value) => visitor.visit_bool(value),
            Err(_) => Err(Error::invalid_type(Unexpected::Str(self.0), &visitor)),
        }
    }

    numeric_keys! {
        deserialize_i8 => visit_i8,
        deserialize_i16 => visit_i16,
        deserialize_i32 => visit_i32,
        deserialize_i64 => visit_i64,
        deserialize_i128 => visit_i128,
        deserialize_u8 => visit_u8,
        deserialize_u16 => visit_u16,
        deserialize_u32 => visit_u32,
        deserialize_u64 => visit_u64,
        deserialize_u128 => visit_u128,
        deserialize_f32 => visit_f32,
        deserialize_f64 => visit_f64,
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        IntoDeserializer::<Error>::into_deserializer(self.0)
            .deserialize_enum(name, variants, visitor)
    }

    serde::forward_to_deserialize_any! {
        char str string bytes byte_buf unit unit_struct seq tuple tuple_struct map struct
        identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use std::collections::BTreeMap;
    use std::fmt::Debug;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Inner {
        #[serde(rename = "loginServer")]
        login_server: Option<String>,
        size: Option<u32>,
    }

    #[derive(Debug, PartialEq, Deserialize)]
    enum Kind {
        A,
        B(u8),
    }

    #[derive(Debug, PartialEq, Deserialize)]
    struct Outer {
        name: String,
        properties: Option<Inner>,
        #[serde(default)]
        tags: Vec<String>,
        #[serde(default)]
        counts: BTreeMap<i8, f64>,
        kind: Option<Kind>,
        #[serde(flatten)]
        rest: BTreeMap<String, Value>,
    }

    /// Reads `text` both ways: what serde_json reads from the text, `from_slice` reads;
    /// an error is the same error, but for where it says it is.
    fn same<T: DeserializeOwned + PartialEq + Debug>(text: &str) {
        let direct = serde_json::from_str::<T>(text);
        let tree = from_slice::<T>(text.as_bytes());
        match (direct, tree) {
            (Ok(direct), Ok(tree)) => assert_eq!(direct, tree, "{text}"),
            (Err(direct), Err(tree)) => {
                let direct = direct.to_string();
                let direct = direct.split(" at line ").next().unwrap();
                let tree = tree.to_string();
                let tree = tree.split_once(": ").filter(|_| tree.starts_with("at "));
                assert_eq!(
                    direct,
                    tree.map_or(direct, |(_, message)| message),
                    "{text}"
                );
            }
            (direct, tree) => panic!("{text}: {direct:?} read directly, {tree:?} from the tree"),
        }
    }

    #[test]
    fn reads_what_serde_json_reads() {
        same::<Outer>(
            r#"{"name":"n","properties":{"loginServer":"x","size":3},"tags":["a","b"],
                "counts":{"-1":2.5,"7":-3},"kind":{"B":4},"extra":[1,{"z":null}],"more":"m"}"#,
        );
        same::<Outer>(r#"{"name":"n","properties":null,"kind":"A"}"#);
        same::<Outer>(r#"{"name":"n","properties":{"size":-1}}"#);
        same::<Outer>(r#"{"name":"n","counts":{"x":1}}"#);
        same::<Outer>(r#"{"name":"n","kind":"C"}"#);
        same::<Outer>(r#"{"properties":{}}"#);
        same::<Outer>(r#"["n", null, [], {}, null]"#);
        same::<Outer>("[]");
        same::<Outer>("7");
        same::<Inner>(r#"["x", 3]"#);
        same::<Vec<Option<f64>>>("[1, null, 2.5, -3, 1e300]");
        same::<(u8, String)>(r#"[1, "a"]"#);
        assert!(serde_json::from_str::<(u8, String)>(r#"[1, "a", 2]"#).is_err());
        assert_eq!(
            from_slice::<(u8, String)>(br#"[1, "a", 2]"#)
                .unwrap_err()
                .to_string(),
            "invalid length 3, expected fewer elements in array"
        );
        same::<BTreeMap<bool, u64>>(r#"{"true": 18446744073709551615, "false": 0}"#);
        same::<BTreeMap<bool, u64>>(r#"{"yes": 1}"#);
        same::<Value>(r#"{"a":[true,false,null,"s",-5,0.25],"b":{}}"#);
        same::<u8>("300");
        same::<String>("1");
        same::<Kind>(r#""A""#);
        same::<Option<Kind>>("null");
        same::<()>("null");
    }

    #[test]
    fn errors_name_where_they_are() {
        let error = |text: &str| {
            from_slice::<Outer>(text.as_bytes())
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            error(r#"{"name":"n","properties":{"size":"big"}}"#),
            r#"at properties.size: invalid type: string "big", expected u32"#
        );
        assert_eq!(
            error(r#"{"name":"n","tags":["a",2]}"#),
            "at tags[1]: invalid type: integer `2`, expected a string"
        );
        assert_eq!(error(r#"{"properties":{}}"#), "missing field `name`");
        assert!(error(r#"{"name":"n"} x"#).starts_with("trailing characters at line 1"));
    }
}
