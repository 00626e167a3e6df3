//! Walks the definitions and decides the Rust items: one per definition, one per inline
//! object or enum that needs a name, one per distinct `x-ms-enum`.

use super::types::{Enum, Field, Item, ItemKind, Struct, Ty, TypeRef, Variant};
use crate::emit::naming::{camel, snake_ident, type_name, TypeNames, Unique};
use crate::error::Result;
use crate::model::{deserialize, Api};
use crate::resolve::{parse_ref, ref_of, Location, Resolver};
use crate::swagger::{AdditionalProperties, Schema};
use indexmap::IndexMap;
use serde_json::Value;
use std::collections::{HashMap, HashSet};

/// Everything the renderer needs.
#[derive(Debug)]
pub struct Catalog {
    pub items: Vec<Item>,
    /// Definition name (as in the spec) to its type, for the round-trip dispatch.
    pub definitions: Vec<(String, String)>,
}

pub fn build(api: &Api) -> Result<Catalog> {
    let mut builder = Builder {
        resolver: api.resolver(),
        type_names: TypeNames::new(api),
        definitions: IndexMap::new(),
        definition_of: HashMap::new(),
        building: Vec::new(),
        names: HashMap::new(),
        inline: HashMap::new(),
        enums: HashMap::new(),
        modules: HashMap::new(),
        module_of: HashMap::new(),
        items: Vec::new(),
    };
    for spec in &api.specs {
        for name in spec.spec.definitions.keys() {
            builder.discover(spec.definition(name), name)?;
        }
    }
    let mut definitions = Vec::new();
    let order: Vec<(Location, (String, String))> = builder
        .definitions
        .iter()
        .map(|(location, names)| (location.clone(), names.clone()))
        .collect();
    for (location, (definition, name)) in order {
        builder.definition(&location, &name)?;
        definitions.push((definition, name));
    }
    let mut items = builder.items;
    box_recursion(&mut items);
    Ok(Catalog { items, definitions })
}

/// How deep inline schemas may nest inside each other, `allOf` parents included.
const MAX_INLINE_DEPTH: usize = 64;

struct Builder<'a> {
    resolver: Resolver<'a>,
    type_names: TypeNames,
    /// Every definition reachable from the specs, in discovery order: spec name and type name.
    definitions: IndexMap<Location, (String, String)>,
    /// The definition that took each type name, to refuse a second one in constant time.
    definition_of: HashMap<String, Location>,
    /// Type names taken, per module.
    names: HashMap<Vec<String>, Unique>,
    /// Inline schemas already given a type, by location, so a parent's inline type is made
    /// once however many children inherit it.
    inline: HashMap<Location, Ty>,
    /// Inline schemas whose type is being built, outermost first.
    building: Vec<Location>,
    /// `x-ms-enum` name to the enums made under it: identical repeats share one.
    enums: HashMap<String, Vec<(Enum, TypeRef)>>,
    /// Module names taken, per parent module.
    modules: HashMap<Vec<String>, Unique>,
    /// The module holding each type's inline types.
    module_of: HashMap<TypeRef, Vec<String>>,
    items: Vec<Item>,
}

/// The module and name hint for an inline type met while building `owner`'s fields.
#[derive(Clone)]
struct Owner {
    module: Vec<String>,
    hint: String,
}

impl<'a> Builder<'a> {
    /// Registers a definition and, transitively, every definition its schema refers to.
    /// A worklist rather than recursion: a chain of thousands of definitions each
    /// referring to the next must not exhaust the stack.
    fn discover(&mut self, location: Location, definition: &str) -> Result<()> {
        let mut pending = vec![(location, definition.to_owned())];
        while let Some((location, definition)) = pending.pop() {
            if self.definitions.contains_key(&location) {
                continue;
            }
            let name = self.type_names.get(&definition);
            if let Some(other) = self.definition_of.get(&name) {
                return Err(location.error(format!(
                    "definition `{definition}` would become type `{name}`, which {}#{} already is",
                    other.file.display(),
                    other.pointer
                )));
            }
            self.names.entry(Vec::new()).or_default().reserve(&name);
            self.definition_of.insert(name.clone(), location.clone());
            self.definitions
                .insert(location.clone(), (definition, name));
            let value = self.resolver.lookup(&location, &location)?;
            let mut references = Vec::new();
            collect_refs(value, &location, &mut references);
            // Reversed onto the stack, so definitions are still met in document order.
            for (from, reference) in references.into_iter().rev() {
                let target = parse_ref(&from, &reference)?;
                if let Some(name) = definition_name(&target) {
                    pending.push((target, name));
                }
            }
        }
        Ok(())
    }

    fn schema(&self, location: &Location) -> Result<Schema> {
        deserialize(location, self.resolver.lookup(location, location)?)
    }

    fn definition(&mut self, location: &Location, name: &str) -> Result<()> {
        let schema = self.schema(location)?;
        let doc = doc_of(&schema);
        let owner = TypeRef::top(name);
        if schema.enum_values.is_some() && schema.reference.is_none() {
            if let Some(made) = self.enumeration(&schema, location, name.to_owned())? {
                self.items.push(Item {
                    module: Vec::new(),
                    doc,
                    kind: ItemKind::Enum(made),
                });
                return Ok(());
            }
        }
        if is_struct(&schema) {
            let made = self.structure(&schema, location, &owner)?;
            self.items.push(Item {
                module: Vec::new(),
                doc,
                kind: ItemKind::Struct(made),
            });
        } else {
            let module = self.inner_module(&owner);
            let ty = self.ty(
                &schema,
                location,
                &Owner {
                    module,
                    hint: "Value".into(),
                },
            )?;
            self.items.push(Item {
                module: Vec::new(),
                doc,
                kind: ItemKind::Alias {
                    name: name.to_owned(),
                    ty,
                },
            });
        }
        Ok(())
    }

    /// The module for the inline types of `owner`, named after it.
    fn inner_module(&mut self, owner: &TypeRef) -> Vec<String> {
        if let Some(module) = self.module_of.get(owner) {
            return module.clone();
        }
        let name = self
            .modules
            .entry(owner.module.clone())
            .or_default()
            .take(snake_ident(&owner.name));
        let mut module = owner.module.clone();
        module.push(name);
        self.module_of.insert(owner.clone(), module.clone());
        module
    }

    fn structure(
        &mut self,
        schema: &Schema,
        location: &Location,
        owner: &TypeRef,
    ) -> Result<Struct> {
        let mut properties = Properties::default();
        self.properties(schema, location, owner, &mut properties, &mut Vec::new())?;
        let mut idents = Unique::default();
        let mut fields = Vec::new();
        for (json, (property, at, module)) in properties.list {
            let hint = camel(&json, "Field");
            let ty = self.ty(&property, &at, &Owner { module, hint })?;
            let optional = property.read_only || !properties.required.contains(&json);
            fields.push(Field {
                ident: idents.take(snake_ident(&json)),
                doc: field_doc(&property),
                json,
                ty,
                optional,
            });
        }
        let extras = match properties.extras {
            Some((extra, at)) => {
                let hint = "AdditionalProperty".to_owned();
                let module = self.inner_module(owner);
                let ty = self.map_value(&extra, &at, &Owner { module, hint })?;
                Some((idents.take("additional_properties".to_owned()), ty))
            }
            None => None,
        };
        Ok(Struct {
            name: owner.name.clone(),
            fields,
            extras,
        })
    }

    /// Gathers the properties of `schema` with those it inherits through `allOf`, parents
    /// first; `chain` holds the definitions being expanded, to catch an `allOf` cycle.
    fn properties(
        &mut self,
        schema: &Schema,
        location: &Location,
        owner: &TypeRef,
        out: &mut Properties,
        chain: &mut Vec<Location>,
    ) -> Result<()> {
        for (index, member) in schema.all_of.iter().enumerate() {
            let at = location.child("allOf").child(&index.to_string());
            match &member.reference {
                Some(reference) => {
                    let target = self.definition_at(&at, reference)?;
                    if chain.contains(&target) {
                        return Err(at.error("allOf reaches its own definition again"));
                    }
                    let parent = self.schema(&target)?;
                    if !is_struct(&parent) {
                        return Err(at.error("allOf names a definition that is not an object"));
                    }
                    let parent_owner = TypeRef::top(self.definitions[&target].1.clone());
                    chain.push(target.clone());
                    self.properties(&parent, &target, &parent_owner, out, chain)?;
                    chain.pop();
                }
                None => self.properties(member, &at, owner, out, chain)?,
            }
        }
        let module = self.inner_module(owner);
        for (json, property) in &schema.properties {
            let at = location.child("properties").child(json);
            // A redeclared property replaces the inherited one in its place.
            out.list
                .insert(json.clone(), (property.clone(), at, module.clone()));
        }
        out.required.extend(schema.required.iter().cloned());
        if let Some(AdditionalProperties::Schema(extra)) = &schema.additional_properties {
            out.extras = Some((
                AdditionalProperties::Schema(extra.clone()),
                location.child("additionalProperties"),
            ));
        } else if let Some(allowed) = &schema.additional_properties {
            out.extras = Some((allowed.clone(), location.child("additionalProperties")));
        }
        if matches!(out.extras, Some((AdditionalProperties::Allowed(false), _))) {
            out.extras = None;
        }
        Ok(())
    }

    fn definition_at(&self, from: &Location, reference: &str) -> Result<Location> {
        let target = parse_ref(from, reference)?;
        match definition_name(&target) {
            Some(_) if self.definitions.contains_key(&target) => Ok(target),
            _ => Err(from.error(format!("$ref `{reference}` does not name a definition: schemas are only shared through `definitions`"))),
        }
    }

    fn ty(&mut self, schema: &Schema, location: &Location, owner: &Owner) -> Result<Ty> {
        if let Some(reference) = &schema.reference {
            let target = self.definition_at(location, reference)?;
            return Ok(Ty::Named(TypeRef::top(self.definitions[&target].1.clone())));
        }
        if let Some(ty) = self.inline.get(location) {
            return Ok(ty.clone());
        }
        // An inline schema is typed while its fields are: one that reaches itself (an
        // inline object whose `allOf` parent holds it) would recurse forever, and a long
        // enough chain of them would exhaust the stack.
        if self.building.contains(location) {
            return Err(location.error(
                "the inline schema contains itself (through allOf): make it a definition to give it a recursive type",
            ));
        }
        if self.building.len() >= MAX_INLINE_DEPTH {
            return Err(location.error(format!(
                "inline schemas nest deeper than {MAX_INLINE_DEPTH} levels"
            )));
        }
        self.building.push(location.clone());
        let ty = self.fresh_ty(schema, location, owner);
        self.building.pop();
        let ty = ty?;
        self.inline.insert(location.clone(), ty.clone());
        Ok(ty)
    }

    fn fresh_ty(&mut self, schema: &Schema, location: &Location, owner: &Owner) -> Result<Ty> {
        if schema.enum_values.is_some() {
            let shared = schema
                .x_ms_enum
                .as_ref()
                .and_then(|e| e.name.as_deref())
                .map(type_name);
            let name = shared.clone().unwrap_or_else(|| owner.hint.clone());
            if let Some(made) = self.enumeration(schema, location, name)? {
                return Ok(Ty::Named(match shared {
                    Some(key) => self.shared_enum(schema, made, key),
                    None => self.push_enum(owner.module.clone(), None, made, doc_of(schema)),
                }));
            }
        }
        if is_struct(schema) && (!schema.properties.is_empty() || !schema.all_of.is_empty()) {
            let name = self
                .names
                .entry(owner.module.clone())
                .or_default()
                .take(owner.hint.clone());
            let type_ref = TypeRef {
                module: owner.module.clone(),
                name,
            };
            let made = self.structure(schema, location, &type_ref)?;
            self.items.push(Item {
                module: owner.module.clone(),
                doc: doc_of(schema),
                kind: ItemKind::Struct(made),
            });
            return Ok(Ty::Named(type_ref));
        }
        Ok(match (schema.type_.as_deref(), schema.format.as_deref()) {
            (Some("array"), _) => match &schema.items {
                Some(items) => {
                    let hint = format!("{}Item", owner.hint);
                    let item = self.ty(
                        items,
                        &location.child("items"),
                        &Owner {
                            hint,
                            ..owner.clone()
                        },
                    )?;
                    Ty::Vec(Box::new(item))
                }
                None => Ty::Vec(Box::new(Ty::Json)),
            },
            (Some("string"), Some("date-time")) => Ty::Timestamp,
            (Some("string"), _) => Ty::String,
            (Some("boolean"), _) => Ty::Bool,
            (Some("integer"), Some("int32")) => Ty::I32,
            (Some("integer"), _) => Ty::I64,
            (Some("number"), Some("float")) => Ty::F32,
            (Some("number"), _) => Ty::F64,
            _ => match &schema.additional_properties {
                Some(extra) => {
                    let hint = format!("{}Value", owner.hint);
                    let at = location.child("additionalProperties");
                    Ty::Map(Box::new(self.map_value(
                        extra,
                        &at,
                        &Owner {
                            hint,
                            ..owner.clone()
                        },
                    )?))
                }
                None if schema.type_.as_deref() == Some("object") => Ty::JsonObject,
                None => Ty::Json,
            },
        })
    }

    fn map_value(
        &mut self,
        extra: &AdditionalProperties,
        location: &Location,
        owner: &Owner,
    ) -> Result<Ty> {
        match extra {
            AdditionalProperties::Schema(schema) => self.ty(schema, location, owner),
            AdditionalProperties::Allowed(_) => Ok(Ty::Json),
        }
    }

    /// The enum for a string `enum`, or `None` for enums of numbers or booleans, which stay
    /// their base type (nothing is gained by naming `1`, `2`, `3`).
    fn enumeration(
        &mut self,
        schema: &Schema,
        location: &Location,
        name: String,
    ) -> Result<Option<Enum>> {
        let values = schema.enum_values.as_deref().unwrap_or_default();
        if values.is_empty() {
            return Err(location
                .child("enum")
                .error("an enum needs at least one value"));
        }
        if !values.iter().all(Value::is_string) {
            if schema.type_.as_deref() == Some("string") || values.iter().any(Value::is_string) {
                return Err(location
                    .child("enum")
                    .error("an enum of type string may only list strings"));
            }
            return Ok(None);
        }
        let x_ms_enum = schema.x_ms_enum.as_ref();
        let open = x_ms_enum.is_none_or(|e| e.model_as_string);
        let mut idents = Unique::default();
        let mut seen = HashSet::new();
        let mut variants = Vec::new();
        for value in values
            .iter()
            .filter_map(Value::as_str)
            .filter(|v| seen.insert(*v))
        {
            let described =
                x_ms_enum.and_then(|e| e.values.iter().find(|v| v.value.as_str() == Some(value)));
            let spelled = described.and_then(|v| v.name.as_deref()).unwrap_or(value);
            variants.push(Variant {
                ident: idents.take(camel(spelled, "Value")),
                wire: value.to_owned(),
                doc: described
                    .and_then(|v| v.description.clone())
                    .unwrap_or_default(),
            });
        }
        let other = open.then(|| {
            let free = ["Other", "UnknownValue"]
                .into_iter()
                .find(|c| !variants.iter().any(|v| v.ident == *c));
            idents.take(free.unwrap_or("UnknownValue").to_owned())
        });
        Ok(Some(Enum {
            name,
            variants,
            other,
        }))
    }

    /// An enum named by `x-ms-enum`: a top-level type, shared by identical repeats (specs
    /// copy enums such as `createdByType` into several schemas); one that differs from an
    /// earlier enum of the same name gets a numbered name.
    fn shared_enum(&mut self, schema: &Schema, made: Enum, key: String) -> TypeRef {
        let same = |(existing, _): &&(Enum, TypeRef)| {
            existing.variants == made.variants && existing.other.is_some() == made.other.is_some()
        };
        if let Some((_, type_ref)) = self.enums.get(&key).and_then(|list| list.iter().find(same)) {
            return type_ref.clone();
        }
        self.push_enum(Vec::new(), Some(key), made, doc_of(schema))
    }

    fn push_enum(
        &mut self,
        module: Vec<String>,
        key: Option<String>,
        mut made: Enum,
        doc: String,
    ) -> TypeRef {
        made.name = self
            .names
            .entry(module.clone())
            .or_default()
            .take(made.name);
        let type_ref = TypeRef {
            module: module.clone(),
            name: made.name.clone(),
        };
        if let Some(key) = key {
            self.enums
                .entry(key)
                .or_default()
                .push((made.clone(), type_ref.clone()));
        }
        self.items.push(Item {
            module,
            doc,
            kind: ItemKind::Enum(made),
        });
        type_ref
    }
}

#[derive(Default)]
struct Properties {
    /// JSON name to the property schema, where it is, and the module for its inline types.
    list: IndexMap<String, (Schema, Location, Vec<String>)>,
    required: HashSet<String>,
    extras: Option<(AdditionalProperties, Location)>,
}

fn is_struct(schema: &Schema) -> bool {
    schema.reference.is_none()
        && (!schema.properties.is_empty()
            || !schema.all_of.is_empty()
            || (schema.type_.as_deref() == Some("object")
                && schema.additional_properties.is_none()))
}

/// The definition name of a location `/definitions/<name>`.
fn definition_name(location: &Location) -> Option<String> {
    let token = location.pointer.strip_prefix("/definitions/")?;
    (!token.contains('/')).then(|| token.replace("~1", "/").replace("~0", "~"))
}

fn collect_refs(value: &Value, at: &Location, out: &mut Vec<(Location, String)>) {
    if let Some(reference) = ref_of(value) {
        out.push((at.clone(), reference.to_owned()));
    }
    match value {
        Value::Object(entries) => entries
            .iter()
            .for_each(|(key, child)| collect_refs(child, &at.child(key), out)),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(index, child)| collect_refs(child, &at.child(&index.to_string()), out)),
        _ => {}
    }
}

fn doc_of(schema: &Schema) -> String {
    schema
        .description
        .clone()
        .or_else(|| schema.title.clone())
        .unwrap_or_default()
}

/// A property's description, plus what the type alone does not say.
fn field_doc(schema: &Schema) -> String {
    let mut doc = doc_of(schema);
    let mut note = |text: &str| {
        if !doc.is_empty() {
            doc.push_str("\n\n");
        }
        doc.push_str(text);
    };
    match schema.format.as_deref() {
        Some("byte") => note("Base64-encoded bytes, kept as the text sent on the wire."),
        Some("uuid") => note("A UUID, kept as the text sent on the wire."),
        Some("duration") => note("An ISO 8601 duration such as `P2D`, kept as text: no maintained crate parses every ISO 8601 duration and prints it back unchanged."),
        _ => {}
    }
    if schema.read_only {
        note("Read-only: set by the service, which ignores it in requests.");
    }
    doc
}

/// The strongly connected component of each node (Kosaraju, without recursion so that a
/// chain of thousands of types cannot exhaust the stack).
fn components(edges: &[Vec<usize>]) -> Vec<usize> {
    let count = edges.len();
    // Nodes in order of finishing a depth-first search.
    let mut finished = Vec::with_capacity(count);
    let mut visited = vec![false; count];
    for start in 0..count {
        if visited[start] {
            continue;
        }
        visited[start] = true;
        let mut stack = vec![(start, 0)];
        while let Some((node, next)) = stack.pop() {
            match edges[node].get(next) {
                Some(&child) => {
                    stack.push((node, next + 1));
                    if !visited[child] {
                        visited[child] = true;
                        stack.push((child, 0));
                    }
                }
                None => finished.push(node),
            }
        }
    }
    let mut reversed = vec![Vec::new(); count];
    for (from, targets) in edges.iter().enumerate() {
        for &to in targets {
            reversed[to].push(from);
        }
    }
    let mut component = vec![usize::MAX; count];
    for (id, &root) in finished.iter().rev().enumerate() {
        if component[root] != usize::MAX {
            continue;
        }
        component[root] = id;
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            for &from in &reversed[node] {
                if component[from] == usize::MAX {
                    component[from] = id;
                    stack.push(from);
                }
            }
        }
    }
    component
}

/// Boxes every field on a cycle of structs holding each other by value, so that every type
/// has a finite size. Boxing all of a cycle's links rather than one keeps the choice
/// independent of definition order, at the price of a box more than strictly needed.
fn box_recursion(items: &mut [Item]) {
    let index: HashMap<TypeRef, usize> = items
        .iter()
        .enumerate()
        .filter(|(_, item)| matches!(item.kind, ItemKind::Struct(_)))
        .map(|(i, item)| {
            (
                TypeRef {
                    module: item.module.clone(),
                    name: item.name().to_owned(),
                },
                i,
            )
        })
        .collect();
    let direct = |ty: &Ty| match ty {
        Ty::Named(target) => index.get(target).copied(),
        _ => None,
    };
    let edges: Vec<Vec<usize>> = items
        .iter()
        .map(|item| match &item.kind {
            ItemKind::Struct(s) => s.fields.iter().filter_map(|f| direct(&f.ty)).collect(),
            _ => Vec::new(),
        })
        .collect();
    // A field's target reaches back to its owner exactly when both are in one strongly
    // connected component: one linear pass, where asking per field is quadratic.
    let component = components(&edges);
    let mut boxed = Vec::new();
    for (owner, item) in items.iter().enumerate() {
        if let ItemKind::Struct(s) = &item.kind {
            for (field, f) in s.fields.iter().enumerate() {
                if direct(&f.ty).is_some_and(|target| component[target] == component[owner]) {
                    boxed.push((owner, field));
                }
            }
        }
    }
    for (owner, field) in boxed {
        if let ItemKind::Struct(s) = &mut items[owner].kind {
            let ty = std::mem::replace(&mut s.fields[field].ty, Ty::Json);
            s.fields[field].ty = Ty::Boxed(Box::new(ty));
        }
    }
}
