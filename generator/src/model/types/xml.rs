//! How values travel in XML bodies: Swagger's `xml` object with its defaults resolved
//! once, here, so that every emitter writes the same names.
//!
//! The names, as the AutoRest generators and the test server read the spec:
//! - a property is the element (or attribute) named by its `xml.name`, else by the
//!   `xml.name` of the definition it references, else by the property's name;
//! - a body is named the same way, except that a referenced definition without an
//!   `xml.name` names it by its own name (`<RootWithRefAndNoMeta>`);
//! - a list's items are named by the items' `xml.name`, else by the `xml.name` of the
//!   definition they reference, else by that definition's name, else like the list;
//!   a list is inside its own element only when `wrapped` (a body always is);
//! - `prefix` is written before the name and `namespace` declared on the element.

use super::convert::{definition_name, Converter};
use super::{Details, Type, TypeSpace};
use crate::error::Result;
use crate::resolve::Location;
use crate::swagger::Schema;

/// The XML form of a field or a body.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct XmlNode {
    /// The element's or attribute's name as written, with its prefix (`p:Name`).
    pub name: String,
    /// The namespace the element declares: the attribute (`xmlns` or `xmlns:p`) and URI.
    pub namespace: Option<(String, String)>,
    pub kind: XmlKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum XmlKind {
    Element,
    Attribute,
    /// `x-ms-text`: the text of the element holding the field.
    Text,
    /// Each item is an element named `item`: inside the element `name` when wrapped,
    /// else directly in the parent.
    List {
        wrapped: bool,
        item: String,
    },
}

impl Converter<'_> {
    /// The XML form of `schema` at `at`, named `fallback` when nothing in the spec names
    /// it; `body` for a request or reply body rather than a property.
    pub(crate) fn xml_node(
        &self,
        schema: &Schema,
        at: &Location,
        fallback: &str,
        body: bool,
    ) -> Result<XmlNode> {
        let target = self.referenced(schema, at)?;
        let own = schema.xml.clone().unwrap_or_default();
        let theirs = target
            .as_ref()
            .and_then(|(s, _, _)| s.xml.clone())
            .unwrap_or_default();
        let definition = target
            .as_ref()
            .filter(|_| body)
            .map(|(_, name, _)| name.clone());
        let local = (own.name.clone().or(theirs.name.clone()).or(definition))
            .unwrap_or_else(|| fallback.to_owned());
        let prefix = own.prefix.clone().or(theirs.prefix.clone());
        let namespace = own
            .namespace
            .clone()
            .or(theirs.namespace.clone())
            .map(|uri| {
                let attribute = match &prefix {
                    Some(prefix) => format!("xmlns:{prefix}"),
                    None => "xmlns".to_owned(),
                };
                (attribute, uri)
            });
        let (shape, shape_at) = match &target {
            Some((schema, _, location)) => (schema, location.clone()),
            None => (schema, at.clone()),
        };
        let kind = if own.attribute {
            XmlKind::Attribute
        } else if own.text {
            XmlKind::Text
        } else if shape.type_.as_deref() == Some("array") {
            let item = match &shape.items {
                Some(items) => self.item_name(items, &shape_at.child("items"), &local)?,
                None => local.clone(),
            };
            XmlKind::List {
                wrapped: body || own.wrapped || theirs.wrapped,
                item,
            }
        } else {
            XmlKind::Element
        };
        Ok(XmlNode {
            name: qualified(prefix.as_deref(), &local),
            namespace,
            kind,
        })
    }

    fn item_name(&self, items: &Schema, at: &Location, list: &str) -> Result<String> {
        let own = items.xml.clone().unwrap_or_default();
        let target = self.referenced(items, at)?;
        let theirs = target.as_ref().and_then(|(s, _, _)| s.xml.clone());
        let local = own
            .name
            .clone()
            .or_else(|| theirs.as_ref().and_then(|x| x.name.clone()))
            .or_else(|| target.as_ref().map(|(_, name, _)| name.clone()))
            .unwrap_or_else(|| list.to_owned());
        let prefix = own.prefix.or_else(|| theirs.and_then(|x| x.prefix));
        Ok(qualified(prefix.as_deref(), &local))
    }

    /// The definition `schema` references: its schema, name and location.
    fn referenced(
        &self,
        schema: &Schema,
        at: &Location,
    ) -> Result<Option<(Schema, String, Location)>> {
        let Some(reference) = &schema.reference else {
            return Ok(None);
        };
        let target = self.definition_at(at, reference)?;
        let name = definition_name(&target).unwrap_or_default();
        Ok(Some((self.schema(&target)?, name, target)))
    }
}

fn qualified(prefix: Option<&str>, local: &str) -> String {
    match prefix {
        Some(prefix) if !prefix.is_empty() => format!("{prefix}:{local}"),
        _ => local.to_owned(),
    }
}

impl TypeSpace {
    /// Marks the entries that values of `ty`, a body's type, reach as travelling in XML.
    /// A list directly inside a list or a map has no XML form in Swagger, nor has a
    /// struct, list or map as an attribute or as text: those are errors.
    pub(crate) fn mark_xml(&mut self, ty: &Type) -> std::result::Result<(), String> {
        let mut pending = vec![(ty.clone(), true)];
        while let Some((ty, list_allowed)) = pending.pop() {
            match ty {
                Type::Named(id) => {
                    if !list_allowed && self.is_list(&Type::Named(id)) {
                        return Err(format!(
                            "`{}`, a list, is inside a list or a map",
                            self.get(id).name
                        ));
                    }
                    if !self.xml.insert(id) {
                        continue;
                    }
                    match &self.get(id).details {
                        Details::Struct(s) => {
                            for field in &s.fields {
                                let scalar = matches!(
                                    field.xml.kind,
                                    super::XmlKind::Attribute | super::XmlKind::Text
                                );
                                if scalar && !self.is_text(&field.ty) {
                                    return Err(format!(
                                        "`{}.{}` is an XML attribute or text but not a scalar",
                                        self.get(id).name,
                                        field.ident
                                    ));
                                }
                                pending.push((field.ty.clone(), true));
                            }
                            if let Some(extras) = &s.extras {
                                pending.push((extras.value.clone(), false));
                            }
                        }
                        Details::Alias(aliased) => pending.push((aliased.clone(), list_allowed)),
                        Details::Enum(_) => {}
                    }
                }
                Type::Vec(item) if list_allowed => pending.push((*item, false)),
                Type::Vec(_) => return Err("a list is inside a list or a map".to_owned()),
                Type::Map(value) => pending.push((*value, false)),
                Type::Boxed(inner) => pending.push((*inner, list_allowed)),
                _ => {}
            }
        }
        Ok(())
    }

    /// Whether `ty` is a list, through aliases.
    pub fn is_list(&self, ty: &Type) -> bool {
        match ty {
            Type::Vec(_) => true,
            Type::Named(id) => match &self.get(*id).details {
                Details::Alias(aliased) => self.is_list(aliased),
                _ => false,
            },
            _ => false,
        }
    }

    /// Whether `ty` is written as text: a scalar or an enum, through aliases.
    fn is_text(&self, ty: &Type) -> bool {
        match ty {
            Type::Bool | Type::I32 | Type::I64 | Type::F32 | Type::F64 | Type::String(_) => true,
            Type::Named(id) => match &self.get(*id).details {
                Details::Enum(_) => true,
                Details::Alias(aliased) => self.is_text(aliased),
                Details::Struct(_) => false,
            },
            _ => false,
        }
    }
}
