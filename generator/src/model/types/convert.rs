//! Schemas to types: one entry per definition, one per inline object or string enum that
//! needs a name, one per distinct `x-ms-enum`; a [`Type`] for every other use.
//!
//! Choices, and why:
//! - **`allOf` parents are inlined**: a child struct repeats its parents' fields (parents
//!   first, in spec order) instead of holding a `#[serde(flatten)]` parent. The wire format
//!   is the same; fields read as `registry.location` rather than `registry.resource.location`;
//!   and serde's flatten buffers every object it reads and cannot be combined with a
//!   flattened `additionalProperties` map in the same struct.
//! - **`x-ms-client-flatten` is ignored**: `properties` stays a nested struct, as on the
//!   wire. Flattening it would only move fields in Rust, at the price of a second shape.
//! - **Enums**: `modelAsString: true`, or no `x-ms-enum`, adds a catch-all variant keeping
//!   unknown values; enums of numbers stay numbers.
//! - **`readOnly`** properties are optional whatever `required` says, and marked so that
//!   request bodies leave them out (replies keep them); their doc says so.
//! - **Undeclared properties are kept**: every struct has a flattened map of the members
//!   it does not declare (`additionalProperties`' values, or any JSON when the schema
//!   says nothing), sent back as received, so read-modify-write loses nothing. Only
//!   `additionalProperties: false` goes without.
//! - **Discriminators**: each definition of a hierarchy is a struct of its own, holding the
//!   discriminator as a field that its constructor sets. Where a schema names a definition
//!   that has subtypes, its type is a union (`FishUnion`) of the definition's struct and
//!   its subtypes' (at any depth), chosen by the discriminator's value: its
//!   `x-ms-discriminator-value`, or its definition's name. An unknown value is read as the
//!   named definition, as AutoRest's clients do, keeping every member.
//! - Inline object and enum schemas become types in a module named after their owner
//!   (`connected_registry::Properties`), so two owners never clash.
//! - Definitions are named before anything else: the input specs' in spec order, then
//!   those of referenced files as met, so adding an operation never renames a model.
//!   Definitions that are the same after dereferencing are one type (`sameness`); of
//!   differing ones with one name, later ones from other files take their file's stem.

use super::{
    Details, Enum, Extras, Field, StringFormat, Struct, Type, TypeEntry, TypeId, TypeSpace, Variant,
};
use crate::error::Result;
use crate::model::names::{camel, snake_ident, type_name, Registry};
use crate::model::{deserialize, Api};
use crate::resolve::{collect_refs, parse_ref, Location, Resolver};
use crate::swagger::{AdditionalProperties, Schema};
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};
use serde_json::Value;
use std::ffi::OsStr;
use std::path::Path;

mod hierarchies;

/// An insertion-ordered map with foldhash: the maps here are keyed by locations and
/// names of the specs, hashed many times per definition.
type IndexMap<K, V> = indexmap::IndexMap<K, V, foldhash::fast::RandomState>;

/// How deep inline schemas may nest inside each other, `allOf` parents included.
const MAX_INLINE_DEPTH: usize = 64;

/// Builds the type space; [`Converter::ty`] types the schemas of operations too.
pub(crate) struct Converter<'a> {
    resolver: Resolver<'a>,
    /// Entries by id; `None` while the type is being built.
    entries: Vec<Option<TypeEntry>>,
    /// Where each entry's name and module were decided, until it is built.
    names: Vec<(Vec<String>, String)>,
    order: Vec<TypeId>,
    /// Every definition reachable from the specs and their operations, in discovery
    /// order: its name in the spec and its type.
    definitions: IndexMap<Location, (String, TypeId)>,
    /// Names taken in each module: types and modules share Rust's type namespace.
    registries: HashMap<Vec<String>, Registry>,
    /// Inline schemas already given a type, by location, so a parent's inline type is made
    /// once however many children inherit it.
    inline: HashMap<Location, Type>,
    /// Inline schemas whose type is being built, outermost first.
    building: Vec<Location>,
    /// `x-ms-enum` name to the enums made under it: identical repeats share one.
    enums: HashMap<String, Vec<(Enum, TypeId)>>,
    /// The module holding each type's inline types.
    module_of: HashMap<TypeId, Vec<String>>,
    /// The union standing for each definition of a hierarchy that has subtypes.
    unions: HashMap<TypeId, TypeId>,
    /// Each definition of a hierarchy: where it is, its discriminator's JSON name and its
    /// value of it.
    tags: HashMap<TypeId, (Location, String, String)>,
}

/// The module and name hint for an inline type met while building an owner's fields.
#[derive(Clone)]
pub(crate) struct Owner {
    pub module: Vec<String>,
    pub hint: String,
}

impl Owner {
    /// A type at the models root named after `hint`.
    pub fn top(hint: String) -> Self {
        Self {
            module: Vec::new(),
            hint,
        }
    }
}

impl<'a> Converter<'a> {
    /// Names every definition the specs hold or reach, from their definitions and from
    /// the schemas of their operations, and builds their types.
    pub fn new(api: &'a Api) -> Result<Self> {
        let mut converter = Self {
            resolver: api.resolver(),
            entries: Vec::new(),
            names: Vec::new(),
            order: Vec::new(),
            definitions: IndexMap::default(),
            registries: HashMap::new(),
            inline: HashMap::new(),
            building: Vec::new(),
            enums: HashMap::new(),
            module_of: HashMap::new(),
            unions: HashMap::new(),
            tags: HashMap::new(),
        };
        let mut inputs = Vec::new();
        for spec in &api.specs {
            for name in spec.spec.definitions.keys() {
                inputs.push(spec.definition(name));
            }
        }
        let mut starts = inputs.clone();
        for (_, operation) in api.operations() {
            for param in &operation.parameters {
                if let Some(schema) = &param.param.schema {
                    schema_refs(schema, &param.location.child("schema"), &mut starts)?;
                }
                if let Some(items) = &param.param.items {
                    schema_refs(items, &param.location.child("items"), &mut starts)?;
                }
            }
            for response in operation.responses.values() {
                if let Some(schema) = &response.schema {
                    schema_refs(schema, &response.location.child("schema"), &mut starts)?;
                }
            }
        }
        let found = converter.discover(starts)?;
        converter.name_definitions(&found, inputs)?;
        let mut unions = converter.hierarchies()?;
        // Each type once, from the first of the definitions it stands for.
        let mut built = HashSet::new();
        let order: Vec<(Location, TypeId)> = converter
            .definitions
            .iter()
            .filter(|(_, (_, id))| built.insert(*id))
            .map(|(location, (_, id))| (location.clone(), *id))
            .collect();
        for (location, id) in order {
            converter.definition(&location, id)?;
            if let Some((union_id, union)) = unions.remove(&id) {
                let doc = converter.entries[id.0].as_ref().map(|e| e.doc.clone());
                converter.fill(union_id, doc.unwrap_or_default(), Details::Union(union));
            }
        }
        converter.check_discriminators()?;
        Ok(converter)
    }

    /// The type space, once every schema is typed.
    pub fn finish(self) -> TypeSpace {
        let entries = self
            .entries
            .into_iter()
            .map(|entry| entry.expect("every type is built before the space is finished"))
            .collect();
        let mut space = TypeSpace {
            entries,
            order: self.order,
            // Keyed by the spec's name, for the round-trip hook: the first of a name.
            definitions: {
                let mut seen = HashSet::new();
                self.definitions
                    .into_values()
                    .filter(|(name, _)| seen.insert(name.clone()))
                    .collect()
            },
            xml: Default::default(),
        };
        super::recursion::box_cycles(&mut space);
        space
    }

    fn top(&mut self) -> &mut Registry {
        self.registries.entry(Vec::new()).or_default()
    }

    /// A new entry named `name` (taken in `module`'s registry), built later.
    fn reserve(&mut self, module: Vec<String>, name: String) -> TypeId {
        let name = self
            .registries
            .entry(module.clone())
            .or_default()
            .take(name);
        let id = TypeId(self.entries.len());
        self.entries.push(None);
        self.names.push((module, name));
        id
    }

    fn fill(&mut self, id: TypeId, doc: String, details: Details) {
        let (module, name) = self.names[id.0].clone();
        self.entries[id.0] = Some(TypeEntry {
            module,
            name,
            doc,
            details,
        });
        self.order.push(id);
    }

    /// Every definition the starts reach, each once, in the order met. A worklist rather
    /// than recursion: a chain of thousands of definitions each referring to the next must
    /// not exhaust the stack.
    fn discover(&self, starts: Vec<Location>) -> Result<IndexMap<Location, String>> {
        let mut found = IndexMap::default();
        let mut pending: Vec<Location> = starts.into_iter().rev().collect();
        while let Some(location) = pending.pop() {
            if found.contains_key(&location) {
                continue;
            }
            let Some(definition) = definition_name(&location) else {
                continue;
            };
            found.insert(location.clone(), definition);
            let value = self.resolver.lookup(&location, &location)?;
            let mut references = Vec::new();
            collect_refs(value, &location, &mut references);
            // Reversed onto the stack, so definitions are still met in document order.
            for (from, reference) in references.into_iter().rev() {
                pending.push(parse_ref(&from, &reference)?);
            }
        }
        Ok(found)
    }

    /// Makes one type of each class of definitions that are the same (see `sameness`),
    /// in the order met, and names them: the input specs' definitions first, in spec
    /// order, then those of referenced files as met. The first of several differing
    /// definitions with one name keeps it; a later one from another file is prefixed by
    /// its file's stem (`QueryPacks_API.json`'s `ErrorResponse` is
    /// `QueryPacksApiErrorResponse`), or by its folder and stem where files of that stem
    /// hold differing definitions of the name (`V1TypesErrorResponse`); one from the same
    /// file (`widget` beside `Widget`) is numbered, as is any name still taken.
    fn name_definitions(
        &mut self,
        found: &IndexMap<Location, String>,
        inputs: Vec<Location>,
    ) -> Result<()> {
        let locations: Vec<Location> = found.keys().cloned().collect();
        let names: Vec<String> = found.values().map(|name| type_name(name)).collect();
        let classes = super::sameness::classes(&self.resolver, &locations, &names)?;
        let mut ids: HashMap<usize, TypeId> = HashMap::new();
        for (location, &class) in locations.iter().zip(&classes) {
            let next = TypeId(self.entries.len());
            let id = *ids.entry(class).or_insert(next);
            if id == next {
                self.entries.push(None);
                self.names.push((Vec::new(), String::new()));
            }
            self.definitions
                .insert(location.clone(), (found[location].clone(), id));
        }
        let position: HashMap<&Location, usize> = locations.iter().zip(0..).collect();
        let inputs = inputs.into_iter().filter_map(|l| position.get(&l).copied());
        // Each Rust name's first holder's file, and how many differing definitions of
        // that name each file stem holds.
        let mut first_file: HashMap<&str, &Path> = HashMap::new();
        let mut stems: HashMap<(&str, &OsStr), HashSet<usize>> = HashMap::new();
        for ((location, name), &class) in locations.iter().zip(&names).zip(&classes) {
            let stem = location.file.file_stem().unwrap_or_default();
            stems.entry((name, stem)).or_default().insert(class);
        }
        let mut named = HashSet::new();
        for i in inputs.chain(0..locations.len()) {
            let id = ids[&classes[i]];
            if !named.insert(id) {
                continue;
            }
            let (file, base) = (locations[i].file.as_path(), names[i].as_str());
            let first = *first_file.entry(base).or_insert(file);
            let wanted = if first == file {
                base.to_owned()
            } else {
                // The stem, or the folder and stem where files of the same stem hold
                // differing definitions of this name (`v1/types.json`, `v2/types.json`).
                let stem = file.file_stem().unwrap_or_default();
                let mut prefix = stem.to_string_lossy().into_owned();
                if stems[&(base, stem)].len() > 1 {
                    let folder = file.parent().and_then(Path::file_name).unwrap_or_default();
                    prefix = format!("{} {prefix}", folder.to_string_lossy());
                }
                format!("{}{base}", type_name(&prefix))
            };
            self.names[id.0].1 = self.top().take(wanted);
        }
        Ok(())
    }

    fn schema(&self, location: &Location) -> Result<Schema> {
        deserialize(location, self.raw(location)?)
    }

    /// The JSON at `location`.
    pub(super) fn raw(&self, location: &Location) -> Result<&'a Value> {
        self.resolver.lookup(location, location)
    }

    fn definition(&mut self, location: &Location, id: TypeId) -> Result<()> {
        let schema = self.schema(location)?;
        let doc = doc_of(&schema);
        if schema.enum_values.is_some() && schema.reference.is_none() {
            if let Some(made) = self.enumeration(&schema, location)? {
                self.fill(id, doc, Details::Enum(made));
                return Ok(());
            }
        }
        if is_struct(&schema) {
            let made = self.structure(&schema, location, id)?;
            self.fill(id, doc, Details::Struct(made));
        } else {
            let module = self.inner_module(id);
            let ty = self.ty(
                &schema,
                location,
                &Owner {
                    module,
                    hint: "Value".into(),
                },
            )?;
            self.fill(id, doc, Details::Alias(ty));
        }
        Ok(())
    }

    /// The module for the inline types of `owner`, named after it.
    fn inner_module(&mut self, owner: TypeId) -> Vec<String> {
        if let Some(module) = self.module_of.get(&owner) {
            return module.clone();
        }
        let (parent, name) = self.names[owner.0].clone();
        let name = self
            .registries
            .entry(parent.clone())
            .or_default()
            .take(snake_ident(&name));
        let mut module = parent;
        module.push(name);
        self.module_of.insert(owner, module.clone());
        module
    }

    fn structure(&mut self, schema: &Schema, location: &Location, owner: TypeId) -> Result<Struct> {
        let mut properties = Properties::default();
        self.properties(schema, location, owner, &mut properties, &mut Vec::new())?;
        let mut idents = Registry::default();
        let mut fields = Vec::new();
        let tag = self
            .tags
            .get(&owner)
            .map(|(_, tag, value)| (tag.clone(), value.clone()));
        if let Some((tag, _)) = &tag {
            // A discriminator only named by `discriminator` is a string property.
            if !properties.list.contains_key(tag) {
                let string = Schema {
                    type_: Some("string".to_owned()),
                    ..Schema::default()
                };
                properties.list.shift_insert(
                    0,
                    tag.clone(),
                    (string, location.clone(), Vec::new()),
                );
            }
        }
        for (json, (property, at, module)) in properties.list {
            let hint = camel(&json, "Field");
            let ty = self.ty(&property, &at, &Owner { module, hint })?;
            let fixed = tag
                .as_ref()
                .filter(|(tag, _)| *tag == json)
                .map(|(_, value)| value.clone());
            let optional =
                fixed.is_none() && (property.read_only || !properties.required.contains(&json));
            let xml = self.xml_node(&property, &at, &json, false)?;
            let read_only = property.read_only && fixed.is_none();
            fields.push(Field {
                xml,
                ident: idents.take(snake_ident(
                    property.client_name.as_deref().unwrap_or(&json),
                )),
                doc: field_doc(&property),
                json,
                ty,
                optional,
                nullable: optional && (read_only || property.x_nullable),
                read_only,
                fixed,
            });
        }
        let (value, declared) = match properties.extras {
            Some((AdditionalProperties::Allowed(false), _)) => {
                return Ok(Struct {
                    fields,
                    extras: None,
                })
            }
            Some((extra, at)) => {
                let hint = "AdditionalProperty".to_owned();
                let module = self.inner_module(owner);
                (self.map_value(&extra, &at, &Owner { module, hint })?, true)
            }
            None => (Type::Json, false),
        };
        let ident = idents.take("additional_properties".to_owned());
        let extras = Extras {
            ident,
            value,
            declared,
        };
        Ok(Struct {
            fields,
            extras: Some(extras),
        })
    }

    /// Gathers the properties of `schema` with those it inherits through `allOf`, parents
    /// first; `chain` holds the definitions being expanded, to catch an `allOf` cycle.
    fn properties(
        &mut self,
        schema: &Schema,
        location: &Location,
        owner: TypeId,
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
                    let parent_owner = self.definitions[&target].1;
                    chain.push(target.clone());
                    self.properties(&parent, &target, parent_owner, out, chain)?;
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
        if let Some(extra) = &schema.additional_properties {
            out.extras = Some((extra.clone(), location.child("additionalProperties")));
        }
        Ok(())
    }

    pub(super) fn definition_at(&self, from: &Location, reference: &str) -> Result<Location> {
        let target = parse_ref(from, reference)?;
        match definition_name(&target) {
            Some(_) if self.definitions.contains_key(&target) => Ok(target),
            _ => Err(from.error(format!("$ref `{reference}` does not name a definition: schemas are only shared through `definitions`"))),
        }
    }

    /// The type of `schema`, found at `location`; inline types it needs are named after
    /// `owner`.
    pub fn ty(&mut self, schema: &Schema, location: &Location, owner: &Owner) -> Result<Type> {
        if let Some(reference) = &schema.reference {
            let target = self.definition_at(location, reference)?;
            let id = self.definitions[&target].1;
            return Ok(Type::Named(self.unions.get(&id).copied().unwrap_or(id)));
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

    fn fresh_ty(&mut self, schema: &Schema, location: &Location, owner: &Owner) -> Result<Type> {
        if schema.enum_values.is_some() {
            if let Some(made) = self.enumeration(schema, location)? {
                let shared = schema
                    .x_ms_enum
                    .as_ref()
                    .and_then(|e| e.name.as_deref())
                    .map(type_name);
                return Ok(Type::Named(match shared {
                    Some(key) => self.shared_enum(schema, made, key),
                    None => {
                        let id = self.reserve(owner.module.clone(), owner.hint.clone());
                        self.fill(id, doc_of(schema), Details::Enum(made));
                        id
                    }
                }));
            }
        }
        if is_struct(schema) && (!schema.properties.is_empty() || !schema.all_of.is_empty()) {
            let id = self.reserve(owner.module.clone(), owner.hint.clone());
            let made = self.structure(schema, location, id)?;
            self.fill(id, doc_of(schema), Details::Struct(made));
            return Ok(Type::Named(id));
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
                    Type::Vec(Box::new(nullable(items, item)))
                }
                None => Type::Vec(Box::new(Type::Json)),
            },
            (Some("string"), format) => Type::String(StringFormat::of(format)),
            (Some("boolean"), _) => Type::Bool,
            (Some("integer"), Some("int32")) => Type::I32,
            (Some("integer"), Some("unixtime")) => Type::UnixTime,
            (Some("integer"), _) => Type::I64,
            (Some("number"), Some("float")) => Type::F32,
            (Some("number"), _) => Type::F64,
            _ => match &schema.additional_properties {
                Some(extra) => {
                    let hint = format!("{}Value", owner.hint);
                    let at = location.child("additionalProperties");
                    Type::Map(Box::new(self.map_value(
                        extra,
                        &at,
                        &Owner {
                            hint,
                            ..owner.clone()
                        },
                    )?))
                }
                None if schema.type_.as_deref() == Some("object") => Type::JsonObject,
                None => Type::Json,
            },
        })
    }

    fn map_value(
        &mut self,
        extra: &AdditionalProperties,
        location: &Location,
        owner: &Owner,
    ) -> Result<Type> {
        match extra {
            AdditionalProperties::Schema(schema) => {
                let ty = self.ty(schema, location, owner)?;
                Ok(nullable(schema, ty))
            }
            AdditionalProperties::Allowed(_) => Ok(Type::Json),
        }
    }

    /// The enum for a string `enum`, or `None` for enums of numbers or booleans, which stay
    /// their base type (nothing is gained by naming `1`, `2`, `3`).
    fn enumeration(&mut self, schema: &Schema, location: &Location) -> Result<Option<Enum>> {
        let listed = schema.enum_values.as_deref().unwrap_or_default();
        if listed.is_empty() {
            return Err(location
                .child("enum")
                .error("an enum needs at least one value"));
        }
        // `null` among the values says the schema allows null (see `nullable`), not a
        // variant; an enum of only `null` is its base type.
        let values: Vec<&Value> = listed.iter().filter(|v| !v.is_null()).collect();
        if values.is_empty() {
            return Ok(None);
        }
        if !values.iter().all(|v| v.is_string()) {
            if schema.type_.as_deref() == Some("string") || values.iter().any(|v| v.is_string()) {
                return Err(location
                    .child("enum")
                    .error("an enum of type string may only list strings"));
            }
            return Ok(None);
        }
        let x_ms_enum = schema.x_ms_enum.as_ref();
        let open = x_ms_enum.is_none_or(|e| e.model_as_string);
        let mut idents = Registry::default();
        let mut seen = HashSet::new();
        let mut variants = Vec::new();
        for value in values
            .iter()
            .filter_map(|v| v.as_str())
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
        Ok(Some(Enum { variants, other }))
    }

    /// An enum named by `x-ms-enum`: a top-level type, shared by identical repeats (specs
    /// copy enums such as `createdByType` into several schemas); one that differs from an
    /// earlier enum of the same name gets a numbered name.
    fn shared_enum(&mut self, schema: &Schema, made: Enum, key: String) -> TypeId {
        let same = |(existing, _): &&(Enum, TypeId)| {
            existing.variants == made.variants && existing.other.is_some() == made.other.is_some()
        };
        if let Some((_, id)) = self.enums.get(&key).and_then(|list| list.iter().find(same)) {
            return *id;
        }
        let id = self.reserve(Vec::new(), key.clone());
        self.enums.entry(key).or_default().push((made.clone(), id));
        self.fill(id, doc_of(schema), Details::Enum(made));
        id
    }

    /// The type of the field `json` of the struct that `ty` names, if it has one.
    pub fn field_type(&self, ty: &Type, json: &str) -> Option<Type> {
        let Type::Named(id) = ty else { return None };
        match &self.entries[id.0].as_ref()?.details {
            Details::Struct(s) => s
                .fields
                .iter()
                .find(|f| f.json == json)
                .map(|f| f.ty.clone()),
            _ => None,
        }
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
pub(super) fn definition_name(location: &Location) -> Option<String> {
    let token = location.pointer.strip_prefix("/definitions/")?;
    match token.contains('~') {
        _ if token.contains('/') => None,
        true => Some(token.replace("~1", "/").replace("~0", "~")),
        false => Some(token.to_owned()),
    }
}

/// The targets of the `$ref`s in a schema of an operation (a body or a response), where
/// the definitions the client needs are found.
fn schema_refs(schema: &Schema, at: &Location, out: &mut Vec<Location>) -> Result<()> {
    if let Some(reference) = &schema.reference {
        out.push(parse_ref(at, reference)?);
    }
    if let Some(items) = &schema.items {
        schema_refs(items, &at.child("items"), out)?;
    }
    for (name, property) in &schema.properties {
        schema_refs(property, &at.child("properties").child(name), out)?;
    }
    for (index, member) in schema.all_of.iter().enumerate() {
        schema_refs(member, &at.child("allOf").child(&index.to_string()), out)?;
    }
    if let Some(AdditionalProperties::Schema(extra)) = &schema.additional_properties {
        schema_refs(extra, &at.child("additionalProperties"), out)?;
    }
    Ok(())
}

/// `ty`, or `Option<ty>` where `schema` allows null: `x-nullable: true`, or `null`
/// among its `enum` values.
pub(crate) fn nullable(schema: &Schema, ty: Type) -> Type {
    let null_listed = schema
        .enum_values
        .as_ref()
        .is_some_and(|values| values.iter().any(Value::is_null));
    match schema.x_nullable || null_listed {
        true => Type::Nullable(Box::new(ty)),
        false => ty,
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
    if schema.read_only {
        note("Read-only: set by the service; kept from replies, never sent in a request body.");
    }
    doc
}
