//! XML bodies (feature `xml`): a small element tree read with quick-xml's pull parser,
//! a writer, and the traits that the code armgen generates for XML specs implements.
//!
//! Why generated code over a tree rather than serde: Swagger's `xml` object gives a
//! property one name in JSON and another in XML (or makes it an attribute, or the
//! element's text), and serde's attributes are shared by every format, so one derived
//! type cannot be both. armgen therefore emits, for the types that travel as XML, an
//! [`XmlValue`] impl whose names come from the spec, over the helpers here.
//!
//! What is read leniently, as the AutoRest generators do:
//! - names match by local name: a prefix (`x:Name`) is not checked against a namespace;
//! - a required element that is absent reads as its type's empty value where it has one
//!   ([`XmlValue::absent`]: empty text, zero, `false`, an empty list or map), since XML
//!   services leave out empty elements (Azure Storage omits `<Prefix>` when there is
//!   none); a required struct that is absent is an error;
//! - elements a struct does not declare are kept in its map of other members, as text
//!   (or nested maps of text), and written back.
//!
//! Documents with a `<!DOCTYPE>` are refused (no entity but XML's five and character
//! references is expanded), and nesting is limited to [`MAX_DEPTH`] elements.

use crate::{Base64Url, Bytes, Date, Duration, Rfc1123Timestamp, Time, Timestamp, Uuid};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::BTreeMap;
use std::fmt;

/// How deeply elements may nest in a document that is read.
pub const MAX_DEPTH: usize = 128;

/// Why an XML body could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError(pub String);

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for XmlError {}

/// An element as read: its local name, attributes (without namespace declarations),
/// child elements and text (the concatenation of its text and CDATA pieces).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub attributes: Vec<(String, String)>,
    pub children: Vec<Element>,
    pub text: String,
}

impl Element {
    /// The root element of a document.
    pub fn parse(document: &[u8]) -> Result<Element, XmlError> {
        let text = std::str::from_utf8(document)
            .map_err(|e| XmlError(format!("the XML body is not UTF-8: {e}")))?;
        let mut reader = Reader::from_str(text);
        let mut open: Vec<Element> = Vec::new();
        let mut root = None;
        loop {
            let event = reader.read_event().map_err(|e| {
                XmlError(format!(
                    "malformed XML at byte {}: {e}",
                    reader.error_position()
                ))
            })?;
            match event {
                Event::Start(_) | Event::Empty(_) if root.is_some() => {
                    return Err(XmlError("content after the root element".into()));
                }
                Event::Start(start) => {
                    if open.len() >= MAX_DEPTH {
                        return Err(XmlError(format!(
                            "elements nest deeper than {MAX_DEPTH} levels"
                        )));
                    }
                    open.push(start_element(&start)?);
                }
                Event::Empty(start) => {
                    let made = start_element(&start)?;
                    close(&mut open, &mut root, made);
                }
                Event::End(_) => {
                    let made = open
                        .pop()
                        .ok_or_else(|| XmlError("unmatched end tag".into()))?;
                    close(&mut open, &mut root, made);
                }
                Event::Text(text) => {
                    if let Some(current) = open.last_mut() {
                        current.text.push_str(&text.xml10_content());
                    }
                }
                Event::CData(data) => {
                    if let Some(current) = open.last_mut() {
                        current.text.push_str(&data.xml10_content());
                    }
                }
                Event::GeneralRef(reference) => {
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => quick_xml::escape::resolve_predefined_entity(&reference)
                            .ok_or_else(|| XmlError(format!("unknown entity `&{};`", &*reference)))?
                            .to_owned(),
                    };
                    if let Some(current) = open.last_mut() {
                        current.text.push_str(&resolved);
                    }
                }
                Event::DocType(_) => {
                    return Err(XmlError("documents with a <!DOCTYPE> are refused".into()))
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
                Event::Eof => break,
            }
        }
        match (root, open.is_empty()) {
            (Some(root), true) => Ok(root),
            (None, true) => Err(XmlError("the XML body has no root element".into())),
            (_, false) => Err(XmlError("the XML body ends inside an element".into())),
        }
    }

    /// The value of the attribute `name` (local name).
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    /// The first child element named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.children.iter().find(|child| child.name == name)
    }

    /// The child elements named `name`, in order.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        self.children.iter().filter(move |child| child.name == name)
    }
}

fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, local)| local)
}

fn start_element(start: &BytesStart<'_>) -> Result<Element, XmlError> {
    let mut made = Element {
        name: local(start.name().as_ref()).to_owned(),
        ..Element::default()
    };
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|e| XmlError(format!("malformed attribute: {e}")))?;
        let key = attribute.key.as_ref();
        if key == "xmlns" || key.starts_with("xmlns:") {
            continue;
        }
        let value = attribute
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|e| XmlError(format!("attribute `{key}`: {e}")))?;
        made.attributes
            .push((local(key).to_owned(), value.into_owned()));
    }
    Ok(made)
}

fn close(open: &mut [Element], root: &mut Option<Element>, made: Element) {
    match open.last_mut() {
        Some(parent) => parent.children.push(made),
        None => *root = Some(made),
    }
}

/// Writes a document: elements, attributes and escaped text.
#[derive(Debug, Default)]
pub struct Writer {
    out: String,
    /// Namespace declarations for the next element opened.
    declarations: Vec<(String, String)>,
    /// The first name that is no XML name (a map key from the caller, say), which would
    /// otherwise put markup of its own into the document.
    error: Option<XmlError>,
}

impl Writer {
    /// A document starting with the XML declaration.
    pub fn document() -> Self {
        Self {
            out: "<?xml version=\"1.0\" encoding=\"utf-8\"?>".to_owned(),
            declarations: Vec::new(),
            error: None,
        }
    }

    /// Declares a namespace (`xmlns` or `xmlns:prefix` is `attribute`) on the next element
    /// opened, whichever value writes it.
    pub fn declare(&mut self, attribute: &str, uri: &str) {
        self.declarations
            .push((attribute.to_owned(), uri.to_owned()));
    }

    /// `<name` with any pending declarations: attributes follow, then
    /// [`Writer::content`].
    pub fn open(&mut self, name: &str) {
        self.check(name);
        self.out.push('<');
        self.out.push_str(name);
        for (attribute, uri) in std::mem::take(&mut self.declarations) {
            self.attribute(&attribute, &uri);
        }
    }

    /// ` name="value"`, escaped.
    pub fn attribute(&mut self, name: &str, value: &str) {
        self.check(name);
        self.out.push(' ');
        self.out.push_str(name);
        self.out.push_str("=\"");
        self.out.push_str(&quick_xml::escape::escape(value));
        self.out.push('"');
    }

    /// Ends the start tag.
    pub fn content(&mut self) {
        self.out.push('>');
    }

    pub fn text(&mut self, text: &str) {
        self.out.push_str(&quick_xml::escape::escape(text));
    }

    /// `</name>`.
    pub fn close(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }

    /// The document, or the first name that is no XML name.
    pub fn into_bytes(self) -> Result<Vec<u8>, XmlError> {
        match self.error {
            Some(error) => Err(error),
            None => Ok(self.out.into_bytes()),
        }
    }

    fn check(&mut self, name: &str) {
        let part = |part: &str| {
            let mut chars = part.chars();
            chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
                && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        };
        let valid = match name.split_once(':') {
            Some((prefix, local)) => part(prefix) && part(local),
            None => part(name),
        };
        if !valid && self.error.is_none() {
            self.error = Some(XmlError(format!("`{name}` is not an XML name")));
        }
    }
}

/// A value that travels as an XML element.
pub trait XmlValue: Sized {
    /// Reads the value from its element.
    fn read(element: &Element) -> Result<Self, XmlError>;
    /// Writes the value as the element `name` (a qualified name, as it is written).
    fn write(&self, name: &str, writer: &mut Writer);
    /// The value of a required element that is absent, if the type has an empty value.
    fn absent() -> Option<Self> {
        None
    }
}

/// A value that is written as text: an element's text or an attribute's value.
pub trait Text: Sized {
    fn from_text(text: &str) -> Result<Self, XmlError>;
    fn to_text(&self) -> String;
}

/// [`Text`] and [`XmlValue`] through `FromStr` and `Display`, for the runtime's scalars
/// and for generated enums (`xml_text!(Name)`).
#[macro_export]
macro_rules! xml_text {
    ($($name:ty),* $(,)?) => {$(
        impl $crate::xml::Text for $name {
            fn from_text(text: &str) -> ::std::result::Result<Self, $crate::xml::XmlError> {
                text.parse().map_err(|error| {
                    $crate::xml::XmlError(::std::format!(
                        "`{text}` is no {}: {error}",
                        ::std::stringify!($name)
                    ))
                })
            }
            fn to_text(&self) -> ::std::string::String {
                ::std::string::ToString::to_string(self)
            }
        }
        impl $crate::xml::XmlValue for $name {
            fn read(element: &$crate::xml::Element) -> ::std::result::Result<Self, $crate::xml::XmlError> {
                <Self as $crate::xml::Text>::from_text(&element.text)
            }
            fn write(&self, name: &str, writer: &mut $crate::xml::Writer) {
                $crate::xml::write_text(writer, name, &<Self as $crate::xml::Text>::to_text(self));
            }
        }
    )*};
}

xml_text!(
    Timestamp,
    Rfc1123Timestamp,
    Date,
    Time,
    Duration,
    Bytes,
    Base64Url,
    Uuid
);

/// Scalars with an empty value, which an absent required element reads as.
macro_rules! xml_scalar {
    ($($name:ty),*) => {$(
        impl Text for $name {
            fn from_text(text: &str) -> Result<Self, XmlError> {
                text.trim().parse().map_err(|error| {
                    XmlError(format!("`{text}` is no {}: {error}", stringify!($name)))
                })
            }
            fn to_text(&self) -> String {
                self.to_string()
            }
        }
        impl XmlValue for $name {
            fn read(element: &Element) -> Result<Self, XmlError> {
                Self::from_text(&element.text)
            }
            fn write(&self, name: &str, writer: &mut Writer) {
                write_text(writer, name, &self.to_text());
            }
            fn absent() -> Option<Self> {
                Some(Self::default())
            }
        }
    )*};
}

xml_scalar!(bool, i32, i64, f32, f64);

impl Text for String {
    fn from_text(text: &str) -> Result<Self, XmlError> {
        Ok(text.to_owned())
    }
    fn to_text(&self) -> String {
        self.clone()
    }
}

impl XmlValue for String {
    fn read(element: &Element) -> Result<Self, XmlError> {
        Ok(element.text.clone())
    }
    fn write(&self, name: &str, writer: &mut Writer) {
        write_text(writer, name, self);
    }
    fn absent() -> Option<Self> {
        Some(String::new())
    }
}

/// A value the spec gives no type: text, or an object of its child elements.
impl XmlValue for serde_json::Value {
    fn read(element: &Element) -> Result<Self, XmlError> {
        if element.children.is_empty() {
            return Ok(serde_json::Value::String(element.text.clone()));
        }
        let mut object = serde_json::Map::new();
        for child in &element.children {
            object.insert(child.name.clone(), Self::read(child)?);
        }
        Ok(serde_json::Value::Object(object))
    }

    fn write(&self, name: &str, writer: &mut Writer) {
        use serde_json::Value;
        match self {
            Value::Object(members) => {
                writer.open(name);
                writer.content();
                for (key, value) in members {
                    value.write(key, writer);
                }
                writer.close(name);
            }
            Value::Array(items) => items.iter().for_each(|item| item.write(name, writer)),
            Value::String(text) => write_text(writer, name, text),
            Value::Null => write_text(writer, name, ""),
            other => write_text(writer, name, &other.to_string()),
        }
    }
}

/// An object the spec gives no members: one child element per member.
impl XmlValue for serde_json::Map<String, serde_json::Value> {
    fn read(element: &Element) -> Result<Self, XmlError> {
        others(element, &[]).map(|members| members.into_iter().collect())
    }

    fn write(&self, name: &str, writer: &mut Writer) {
        writer.open(name);
        writer.content();
        write_others(writer, self);
        writer.close(name);
    }

    fn absent() -> Option<Self> {
        Some(serde_json::Map::new())
    }
}

/// A map: one child element per entry, named by its key.
impl<T: XmlValue> XmlValue for BTreeMap<String, T> {
    fn read(element: &Element) -> Result<Self, XmlError> {
        element
            .children
            .iter()
            .map(|child| Ok((child.name.clone(), T::read(child)?)))
            .collect()
    }

    fn write(&self, name: &str, writer: &mut Writer) {
        writer.open(name);
        writer.content();
        write_others(writer, self);
        writer.close(name);
    }

    fn absent() -> Option<Self> {
        Some(BTreeMap::new())
    }
}

impl<T: XmlValue> XmlValue for Box<T> {
    fn read(element: &Element) -> Result<Self, XmlError> {
        T::read(element).map(Box::new)
    }

    fn write(&self, name: &str, writer: &mut Writer) {
        (**self).write(name, writer);
    }

    fn absent() -> Option<Self> {
        T::absent().map(Box::new)
    }
}

/// `<name>text</name>`.
pub fn write_text(writer: &mut Writer, name: &str, text: &str) {
    writer.open(name);
    writer.content();
    writer.text(text);
    writer.close(name);
}

fn in_element<T>(parent: &Element, name: &str, read: Result<T, XmlError>) -> Result<T, XmlError> {
    read.map_err(|XmlError(error)| XmlError(format!("<{}>: <{name}>: {error}", parent.name)))
}

/// The optional child element `name`.
pub fn element<T: XmlValue>(parent: &Element, name: &str) -> Result<Option<T>, XmlError> {
    parent
        .child(name)
        .map(|child| in_element(parent, name, T::read(child)))
        .transpose()
}

/// The required child element `name`, or the type's empty value when it is absent.
pub fn required<T: XmlValue>(parent: &Element, name: &str) -> Result<T, XmlError> {
    element(parent, name)?.or_else(T::absent).ok_or_else(|| {
        XmlError(format!(
            "<{}> lacks the required element <{name}>",
            parent.name
        ))
    })
}

/// The optional attribute `name`.
pub fn attribute<T: Text>(parent: &Element, name: &str) -> Result<Option<T>, XmlError> {
    parent
        .attribute(name)
        .map(|text| in_element(parent, name, T::from_text(text)))
        .transpose()
}

/// The required attribute `name`; absent, it reads as empty text.
pub fn required_attribute<T: Text>(parent: &Element, name: &str) -> Result<T, XmlError> {
    let text = parent.attribute(name).unwrap_or_default();
    in_element(parent, name, T::from_text(text))
}

/// The element's own text (`x-ms-text`).
pub fn text<T: Text>(element: &Element) -> Result<T, XmlError> {
    T::from_text(&element.text)
}

/// A list: the children `item` of the child `wrapper`, or of `parent` itself when the
/// list is not wrapped. `None` when the wrapper is absent, or an unwrapped list has no
/// item; an empty wrapper is an empty list.
pub fn list<T: XmlValue>(
    parent: &Element,
    wrapper: Option<&str>,
    item: &str,
) -> Result<Option<Vec<T>>, XmlError> {
    let holder = match wrapper {
        Some(wrapper) => match parent.child(wrapper) {
            Some(holder) => holder,
            None => return Ok(None),
        },
        None => parent,
    };
    let items: Vec<T> = holder
        .children_named(item)
        .map(|child| in_element(holder, item, T::read(child)))
        .collect::<Result<_, _>>()?;
    Ok((wrapper.is_some() || !items.is_empty()).then_some(items))
}

/// Every child element of `parent` as a list item, whatever its name: a document whose
/// root is a list.
pub fn items<T: XmlValue>(parent: &Element) -> Result<Vec<T>, XmlError> {
    parent
        .children
        .iter()
        .map(|child| in_element(parent, &child.name, T::read(child)))
        .collect()
}

/// The child elements not named in `known`, as a map of other members.
pub fn others<T: XmlValue>(
    parent: &Element,
    known: &[&str],
) -> Result<BTreeMap<String, T>, XmlError> {
    parent
        .children
        .iter()
        .filter(|child| !known.contains(&child.name.as_str()))
        .map(|child| {
            Ok((
                child.name.clone(),
                in_element(parent, &child.name, T::read(child))?,
            ))
        })
        .collect()
}

/// Writes a list: inside the element `wrapper` when wrapped, each item as `item`.
pub fn write_list<T: XmlValue>(
    writer: &mut Writer,
    wrapper: Option<&str>,
    item: &str,
    items: &[T],
) {
    if let Some(wrapper) = wrapper {
        writer.open(wrapper);
        writer.content();
    }
    for value in items {
        value.write(item, writer);
    }
    if let Some(wrapper) = wrapper {
        writer.close(wrapper);
    }
}

/// Writes the members of a map of other members, each as an element named by its key.
pub fn write_others<'a, T: XmlValue + 'a>(
    writer: &mut Writer,
    others: impl IntoIterator<Item = (&'a String, &'a T)>,
) {
    for (key, value) in others {
        value.write(key, writer);
    }
}

/// The namespace a document's root element declares: `xmlns[:prefix]` and its URI.
pub type Namespace<'a> = Option<(&'a str, &'a str)>;

/// A document whose root element is `value`, named `name`.
pub fn to_document<T: XmlValue>(
    name: &str,
    namespace: Namespace<'_>,
    value: &T,
) -> Result<Vec<u8>, XmlError> {
    let mut writer = Writer::document();
    if let Some((attribute, uri)) = namespace {
        writer.declare(attribute, uri);
    }
    value.write(name, &mut writer);
    writer.into_bytes()
}

/// A document whose root is the list `items`, in the element `wrapper`, each as `item`.
pub fn list_document<T: XmlValue>(
    wrapper: &str,
    namespace: Namespace<'_>,
    item: &str,
    items: &[T],
) -> Result<Vec<u8>, XmlError> {
    let mut writer = Writer::document();
    if let Some((attribute, uri)) = namespace {
        writer.declare(attribute, uri);
    }
    write_list(&mut writer, Some(wrapper), item, items);
    writer.into_bytes()
}

/// Reads a document whose root element is a `T`.
pub fn from_document<T: XmlValue>(document: &[u8]) -> Result<T, XmlError> {
    T::read(&Element::parse(document)?)
}

/// Reads a document whose root element holds a list of `T`.
pub fn list_from_document<T: XmlValue>(document: &[u8]) -> Result<Vec<T>, XmlError> {
    items(&Element::parse(document)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elements_attributes_text_and_entities_are_read() {
        let root = Element::parse(
            br#"<?xml version="1.0"?><!-- c --><p:a xmlns:p="urn:x" p:k="1 &amp; 2"><b>x &lt; y&#33;</b><b/><c><![CDATA[<raw>]]></c></p:a>"#,
        )
        .unwrap();
        assert_eq!(root.name, "a");
        assert_eq!(root.attributes, [("k".to_owned(), "1 & 2".to_owned())]);
        let texts: Vec<&str> = root.children.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["x < y!", "", "<raw>"]);
    }

    #[test]
    fn hostile_documents_are_errors() {
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        for bad in [
            "".to_owned(),
            "<a>".to_owned(),
            "<a></b>".to_owned(),
            "<a/><b/>".to_owned(),
            "<!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>".to_owned(),
            "<a>&e;</a>".to_owned(),
            deep,
        ] {
            assert!(Element::parse(bad.as_bytes()).is_err(), "{bad}");
        }
    }

    #[test]
    fn every_truncation_and_markup_byte_is_an_error_or_a_tree_never_a_panic() {
        let sample = br#"<?xml version="1.0"?><p:a xmlns:p="u" k="v&amp;"><b>x&#x41;</b><![CDATA[c]]><!--n--><c/></p:a>"#;
        for end in 0..=sample.len() {
            let _ = Element::parse(&sample[..end]);
        }
        for at in 0..sample.len() {
            for byte in [b'<', b'>', b'&', b'"', b'/', b'!', b'?', b';', 0xff] {
                let mut mutated = sample.to_vec();
                mutated[at] = byte;
                let _ = Element::parse(&mutated);
            }
        }
    }

    #[test]
    fn lists_wrapped_unwrapped_and_absent() {
        let root = Element::parse(b"<r><w><i>1</i><i>2</i></w><e/><i>3</i><x>no</x></r>").unwrap();
        assert_eq!(
            list::<i32>(&root, Some("w"), "i").unwrap(),
            Some(vec![1, 2])
        );
        assert_eq!(list::<i32>(&root, Some("e"), "i").unwrap(), Some(vec![]));
        assert_eq!(list::<i32>(&root, Some("none"), "i").unwrap(), None);
        assert_eq!(list::<i32>(&root, None, "i").unwrap(), Some(vec![3]));
        assert_eq!(list::<i32>(&root, None, "z").unwrap(), None);
        let error = list::<i32>(&root, None, "x").unwrap_err();
        assert!(error.0.contains("<r>: <x>"), "{error}");
    }

    #[test]
    fn absent_required_elements_are_empty_values_but_structs_are_errors() {
        let root = Element::parse(b"<r/>").unwrap();
        assert_eq!(required::<String>(&root, "s").unwrap(), "");
        assert_eq!(required::<i64>(&root, "n").unwrap(), 0);
        assert!(required::<Timestamp>(&root, "t").is_err());
    }

    #[test]
    fn text_is_escaped_and_reads_back() {
        let mut writer = Writer::default();
        writer.open("a");
        writer.attribute("k", "\"<&>'");
        writer.content();
        writer.text("<&>");
        writer.close("a");
        let bytes = writer.into_bytes().unwrap();
        let root = Element::parse(&bytes).unwrap();
        assert_eq!(root.attribute("k"), Some("\"<&>'"));
        assert_eq!(root.text, "<&>");
    }

    #[test]
    fn a_key_that_is_no_xml_name_is_an_error_not_markup() {
        let map: BTreeMap<String, String> = [("a><injected/><b".to_owned(), "x".to_owned())].into();
        let error = to_document("root", None, &map).unwrap_err();
        assert!(error.0.contains("is not an XML name"), "{error}");
        let fine: BTreeMap<String, String> = [("p:a-b.c_d".to_owned(), "x".to_owned())].into();
        assert!(to_document("root", Some(("xmlns:p", "u")), &fine).is_ok());
    }

    #[test]
    fn undeclared_members_round_trip_as_text_and_maps() {
        let root = Element::parse(b"<r><a>1</a><m><k>v</k></m><known/></r>").unwrap();
        let others: BTreeMap<String, serde_json::Value> = others(&root, &["known"]).unwrap();
        assert_eq!(
            serde_json::to_value(&others).unwrap(),
            serde_json::json!({ "a": "1", "m": { "k": "v" } })
        );
        let mut writer = Writer::default();
        write_others(&mut writer, &others);
        assert_eq!(
            String::from_utf8(writer.into_bytes().unwrap()).unwrap(),
            "<a>1</a><m><k>v</k></m>"
        );
    }
}
