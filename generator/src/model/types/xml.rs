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
use crate::model::deserialize;
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

    /// The definition `schema` references: the parts of its schema that decide its XML
    /// form, its name and location. Only those parts are read: every property that
    /// references a definition comes here, and a whole definition can be large.
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
        let shape: Shape = deserialize(&target, self.raw(&target)?)?;
        let schema = Schema {
            type_: shape.type_,
            items: shape.items,
            xml: shape.xml,
            ..Schema::default()
        };
        Ok(Some((schema, name, target)))
    }
}

/// Refuses names that would not be XML names once written, such as a property called
/// `@odata.type`: a request document must not be malformed, nor take markup from a spec.
pub(crate) fn check_names(node: &XmlNode) -> std::result::Result<(), String> {
    let item = match &node.kind {
        XmlKind::List { item, .. } => Some(item.as_str()),
        _ => None,
    };
    for name in std::iter::once(node.name.as_str()).chain(item) {
        let valid_part = |part: &str| {
            let mut chars = part.chars();
            chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
                && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        };
        let (prefix, local) = name.split_once(':').unwrap_or(("", name));
        if !valid_part(local) || (!prefix.is_empty() && !valid_part(prefix)) {
            return Err(format!("`{name}` is not an XML name"));
        }
    }
    Ok(())
}

/// What a referenced definition says about its XML form.
#[derive(serde::Deserialize)]
struct Shape {
    #[serde(rename = "type")]
    type_: Option<String>,
    items: Option<Box<Schema>>,
    xml: Option<crate::swagger::Xml>,
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
                                check_names(&field.xml).map_err(|why| {
                                    format!("`{}.{}`: {why}", self.get(id).name, field.ident)
                                })?;
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
                        Details::Union(_) => {
                            return Err(format!(
                                "`{}` is polymorphic (a `discriminator`), which XML bodies do not support",
                                self.get(id).name
                            ))
                        }
                    }
                }
                Type::Vec(item) if list_allowed => pending.push((*item, false)),
                Type::Vec(_) => return Err("a list is inside a list or a map".to_owned()),
                Type::Map(value) => pending.push((*value, false)),
                Type::Boxed(inner) | Type::Nullable(inner) => pending.push((*inner, list_allowed)),
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
            Type::Bool
            | Type::I32
            | Type::I64
            | Type::UnixTime
            | Type::F32
            | Type::F64
            | Type::String(_) => true,
            Type::Nullable(inner) => self.is_text(inner),
            Type::Named(id) => match &self.get(*id).details {
                Details::Enum(_) => true,
                Details::Alias(aliased) => self.is_text(aliased),
                Details::Struct(_) | Details::Union(_) => false,
            },
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{load, Model};
    use serde_json::json;

    /// Builds the model of a spec consuming and producing XML, with `body` as the body
    /// of a `put` and the reply of a `get`.
    fn model_of(definitions: serde_json::Value, body: serde_json::Value) -> Result<Vec<XmlNode>> {
        let dir = tempfile::tempdir().unwrap();
        let spec = json!({
            "swagger": "2.0", "info": { "title": "t", "version": "1" },
            "consumes": ["application/xml"], "produces": ["application/xml"],
            "paths": { "/x": {
                "put": { "operationId": "X_Put", "parameters": [{ "name": "body", "in": "body", "required": true, "schema": body }], "responses": { "204": { "description": "" } } },
                "get": { "operationId": "X_Get", "responses": { "200": { "description": "", "schema": body } } }
            } },
            "definitions": definitions
        });
        std::fs::write(dir.path().join("spec.json"), spec.to_string()).unwrap();
        let api = load(dir.path(), &["spec.json".into()])?;
        let model = Model::build(&api)?;
        let mut nodes: Vec<XmlNode> = model
            .client
            .operations
            .iter()
            .filter_map(|op| op.request_xml.clone())
            .collect();
        for (_, entry) in model.types.iter() {
            if let Details::Struct(s) = &entry.details {
                nodes.extend(s.fields.iter().map(|f| f.xml.clone()));
            }
        }
        Ok(nodes)
    }

    fn node(name: &str, kind: XmlKind) -> XmlNode {
        XmlNode {
            name: name.into(),
            namespace: None,
            kind,
        }
    }

    #[test]
    fn names_come_from_the_xml_object_then_the_referenced_definition() {
        let nodes = model_of(
            json!({
                "Root": { "type": "object", "properties": {
                    "plain": { "$ref": "#/definitions/Plain" },
                    "named": { "$ref": "#/definitions/Named" },
                    "renamed": { "$ref": "#/definitions/Named", "xml": { "name": "Own" } },
                    "items": { "type": "array", "items": { "$ref": "#/definitions/Plain" } },
                    "wrapped": { "type": "array", "xml": { "wrapped": true }, "items": { "type": "string" } }
                } },
                "Plain": { "type": "object", "properties": { "a": { "type": "string", "xml": { "attribute": true, "prefix": "p", "namespace": "urn:p" } } } },
                "Named": { "type": "object", "xml": { "name": "NamedXml" }, "properties": { "t": { "type": "string", "xml": { "x-ms-text": true } } } }
            }),
            json!({ "$ref": "#/definitions/Root" }),
        )
        .unwrap();
        let list = |wrapped, item: &str| XmlKind::List {
            wrapped,
            item: item.into(),
        };
        assert_eq!(
            nodes,
            [
                node("Root", XmlKind::Element),
                node("plain", XmlKind::Element),
                node("NamedXml", XmlKind::Element),
                node("Own", XmlKind::Element),
                node("items", list(false, "Plain")),
                node("wrapped", list(true, "wrapped")),
                XmlNode {
                    name: "p:a".into(),
                    namespace: Some(("xmlns:p".into(), "urn:p".into())),
                    kind: XmlKind::Attribute
                },
                node("t", XmlKind::Text),
            ]
        );
    }

    #[test]
    fn xml_forms_swagger_cannot_express_are_refused_naming_the_operation() {
        let nested = model_of(
            json!({}),
            json!({ "type": "array", "items": { "type": "array", "items": { "type": "string" } } }),
        );
        let error = nested.unwrap_err();
        assert!(
            error
                .to_string()
                .contains("a list is inside a list or a map"),
            "{error}"
        );
        assert_eq!(error.pointer.as_deref(), Some("/paths/~1x/get"));
        let attribute = model_of(
            json!({ "A": { "type": "object", "properties": { "o": { "type": "object", "properties": { "x": { "type": "string" } }, "xml": { "attribute": true } } } } }),
            json!({ "$ref": "#/definitions/A" }),
        );
        assert!(attribute
            .unwrap_err()
            .to_string()
            .contains("is an XML attribute or text but not a scalar"));
        let dir = tempfile::tempdir().unwrap();
        let spec = json!({
            "swagger": "2.0", "info": { "title": "t", "version": "1" }, "produces": ["application/xml"],
            "paths": { "/x": { "get": { "operationId": "X_List", "x-ms-pageable": { "nextLinkName": "next" },
                "responses": { "200": { "description": "", "schema": { "$ref": "#/definitions/Page" } } } } } },
            "definitions": { "Page": { "type": "object", "properties": { "value": { "type": "array", "items": { "type": "string" } }, "next": { "type": "string" } } } }
        });
        std::fs::write(dir.path().join("spec.json"), spec.to_string()).unwrap();
        let api = load(dir.path(), &["spec.json".into()]).unwrap();
        let error = Model::build(&api).unwrap_err();
        assert_eq!(
            error.pointer.as_deref(),
            Some("/paths/~1x/get/x-ms-pageable")
        );
        for (definitions, body) in [
            (
                json!({ "A": { "type": "object", "properties": { "@odata.type": { "type": "string" } } } }),
                json!({ "$ref": "#/definitions/A" }),
            ),
            (
                json!({}),
                json!({ "type": "string", "xml": { "name": "a><b" } }),
            ),
        ] {
            let error = model_of(definitions, body).unwrap_err();
            assert!(error.to_string().contains("is not an XML name"), "{error}");
        }
    }
}
