//! The type space: where a schema becomes a Rust type, once, for every output.
//!
//! Each definition, and each inline object or string enum that needs a name, is an entry
//! ([`TypeEntry`]) with its module, its Rust name and what it is; everything else that
//! uses a schema (a field, a map value, a parameter, a response body) holds a [`Type`],
//! which names entries by [`TypeId`]. The models emitter renders the entries; the client
//! renders the `Type`s of its parameters and results through the same entries, so the two
//! cannot disagree on what a schema is in Rust.
//!
//! A new schema construct (a discriminated union, a new string format, nullability) is
//! taught here: a variant of [`Type`] or [`Details`], made by `convert` and matched by the
//! renderers.

mod convert;
mod recursion;
mod sameness;
mod xml;

pub(crate) use convert::{nullable, Converter, Owner};
pub(crate) use xml::check_names as check_xml_names;
pub use xml::{XmlKind, XmlNode};

/// An entry of the type space.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(usize);

/// The Rust type of a schema where it is used.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Type {
    Bool,
    I32,
    I64,
    /// `format: unixtime`: an integer of seconds since the epoch.
    UnixTime,
    F32,
    F64,
    /// A string, with the format its text is in on the wire.
    String(StringFormat),
    /// A schema that says nothing about its value.
    Json,
    /// `type: object` with neither properties nor `additionalProperties`.
    JsonObject,
    Named(TypeId),
    Vec(Box<Type>),
    /// A JSON object of any keys: `additionalProperties` without properties, or the extra
    /// members of a struct ([`Extras`]).
    Map(Box<Type>),
    /// A struct field on a cycle of structs holding each other.
    Boxed(Box<Type>),
    /// Bytes as they are, not JSON: a `type: file` or binary body, reply or form field
    /// (only where an operation sends or reads one, never inside a model). Not
    /// `format: byte`, which is base64 text.
    Binary,
    /// A value that may be JSON `null` (`x-nullable: true`) where `Option` is not
    /// already how absence is said: an array item, a map value, a response body.
    Nullable(Box<Type>),
}

/// The `format` of a `type: string` schema that gives the text a type of its own. Each
/// is a type of the runtime holding the value with the text it came from, so a value is
/// sent back as received (see `armgen_runtime::Formatted`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StringFormat {
    Plain,
    /// `date-time` (RFC 3339).
    DateTime,
    /// `date-time-rfc1123`, as HTTP dates.
    DateTimeRfc1123,
    /// `date`: a full-date of RFC 3339.
    Date,
    /// `time`: a partial-time of RFC 3339.
    Time,
    /// An ISO 8601 duration.
    Duration,
    /// `byte`: base64.
    Byte,
    /// `base64url`: unpadded base64 of the URL-safe alphabet.
    Base64Url,
    Uuid,
}

impl StringFormat {
    pub fn of(format: Option<&str>) -> Self {
        match format {
            Some("date-time") => StringFormat::DateTime,
            Some("date-time-rfc1123") => StringFormat::DateTimeRfc1123,
            Some("date") => StringFormat::Date,
            Some("time") => StringFormat::Time,
            Some("duration") => StringFormat::Duration,
            Some("byte") => StringFormat::Byte,
            Some("base64url") => StringFormat::Base64Url,
            Some("uuid") => StringFormat::Uuid,
            _ => StringFormat::Plain,
        }
    }

    /// The runtime type holding text of this format; `None` for plain text.
    pub fn runtime_type(self) -> Option<&'static str> {
        Some(match self {
            StringFormat::Plain => return None,
            StringFormat::DateTime => "Timestamp",
            StringFormat::DateTimeRfc1123 => "Rfc1123Timestamp",
            StringFormat::Date => "Date",
            StringFormat::Time => "Time",
            StringFormat::Duration => "Duration",
            StringFormat::Byte => "Bytes",
            StringFormat::Base64Url => "Base64Url",
            StringFormat::Uuid => "Uuid",
        })
    }
}

impl Type {
    /// Whether the type names an entry of the type space, here or in a part.
    pub fn names_entry(&self) -> bool {
        match self {
            Type::Named(_) => true,
            Type::Vec(inner) | Type::Map(inner) | Type::Boxed(inner) | Type::Nullable(inner) => {
                inner.names_entry()
            }
            _ => false,
        }
    }
}

#[derive(Debug, Clone)]
pub struct TypeEntry {
    /// The module path below the models root (empty for the root).
    pub module: Vec<String>,
    pub name: String,
    pub doc: String,
    pub details: Details,
}

#[derive(Debug, Clone)]
pub enum Details {
    Struct(Struct),
    Enum(Enum),
    /// A definition with a `discriminator` and subtypes, where a schema names it.
    Union(Union),
    /// A definition that is no struct or enum: `pub type Name = <type>;`.
    Alias(Type),
}

#[derive(Debug, Clone)]
pub struct Struct {
    pub fields: Vec<Field>,
    /// The flattened map of the members the fields do not hold; `None` only for
    /// `additionalProperties: false`.
    pub extras: Option<Extras>,
}

impl Struct {
    /// The fields a value cannot be made without: required, not read-only and not a
    /// discriminator (which the type fixes), in order.
    pub fn required(&self) -> impl Iterator<Item = &Field> {
        self.fields
            .iter()
            .filter(|field| !field.optional && field.fixed.is_none())
    }
}

/// Where a struct keeps the members it does not declare. With `additionalProperties`
/// they are its typed values; without, they are properties this version of the spec does
/// not know (the service may send newer ones) kept as JSON, so that a value read, changed
/// and sent back loses nothing, as Microsoft's SDKs keep `additional_properties`.
#[derive(Debug, Clone)]
pub struct Extras {
    pub ident: String,
    pub value: Type,
    /// Whether the schema declares them (`additionalProperties`).
    pub declared: bool,
}

#[derive(Debug, Clone)]
pub struct Field {
    /// As written in Rust (`r#type` for a keyword).
    pub ident: String,
    pub json: String,
    pub doc: String,
    pub ty: Type,
    /// `None` allowed: not required, or read-only.
    pub optional: bool,
    /// An optional field whose JSON may be `null`, kept apart from absent: a read-only
    /// one (services send `null` for a value they have not) or an `x-nullable` one.
    pub nullable: bool,
    /// Set by the service: kept from replies, never sent in a request body.
    pub read_only: bool,
    /// The discriminator of a type in a hierarchy: its wire value, which constructors set.
    pub fixed: Option<String>,
    /// How the field is written in XML bodies.
    pub xml: XmlNode,
}

/// Where a schema names a definition of a hierarchy (a `discriminator`) that has
/// subtypes, the value may be of any of them: an enum of their structs, chosen by the
/// discriminator's value.
#[derive(Debug, Clone)]
pub struct Union {
    /// The discriminator's JSON name.
    pub tag: String,
    /// The named definition's struct, which also holds values of unknown types.
    pub root: TypeId,
    /// Every struct of the union with its discriminator value, the root first.
    pub variants: Vec<(String, TypeId)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Enum {
    pub variants: Vec<Variant>,
    /// The catch-all variant keeping unknown values (`modelAsString: true`).
    pub other: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub ident: String,
    pub wire: String,
    pub doc: String,
}

/// Every type of the specs, in the order `models.rs` lists them.
#[derive(Debug, Clone, Default)]
pub struct TypeSpace {
    entries: Vec<TypeEntry>,
    order: Vec<TypeId>,
    /// Each definition's name in the spec and its type, in the order met.
    definitions: Vec<(String, TypeId)>,
    /// The entries that travel in XML bodies.
    xml: std::collections::BTreeSet<TypeId>,
}

impl TypeSpace {
    pub fn get(&self, id: TypeId) -> &TypeEntry {
        &self.entries[id.0]
    }

    /// The entries in the order they are emitted: each inline type before its owner.
    pub fn iter(&self) -> impl Iterator<Item = (TypeId, &TypeEntry)> {
        self.order.iter().map(|&id| (id, self.get(id)))
    }

    /// Whether values of the entry travel in XML bodies (and need its XML form).
    pub fn in_xml(&self, id: TypeId) -> bool {
        self.xml.contains(&id)
    }

    /// Each definition's name as the spec spells it, with its type.
    pub fn definitions(&self) -> &[(String, TypeId)] {
        &self.definitions
    }
}
