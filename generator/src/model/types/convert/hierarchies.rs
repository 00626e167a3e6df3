//! Hierarchies: definitions with a `discriminator` and those inheriting it through
//! `allOf`. Each member's struct holds the discriminator with its value; where a schema
//! names a member that has subtypes, its type is the union of them (see the parent
//! module's notes).

use super::{is_struct, Converter, IndexMap};
use crate::error::Result;
use crate::model::types::{Details, StringFormat, Type, TypeId, Union};
use crate::resolve::Location;
use crate::swagger::Schema;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

impl Converter<'_> {
    /// Finds the hierarchies (definitions with a `discriminator`, and those inheriting it
    /// through `allOf`), records each member's discriminator value, and reserves a union
    /// for each member that has subtypes: the unions to fill, by the struct they stand for.
    pub(super) fn hierarchies(&mut self) -> Result<HashMap<TypeId, (TypeId, Union)>> {
        // Each type once, from the first of the definitions it stands for.
        let mut members: IndexMap<TypeId, (Location, String, Schema)> = IndexMap::default();
        let definitions: Vec<(Location, String, TypeId)> = self
            .definitions
            .iter()
            .map(|(location, (name, id))| (location.clone(), name.clone(), *id))
            .collect();
        // Most specs have no hierarchy: a look at each definition's JSON spares reading
        // every one as a schema.
        let mut any = false;
        for (location, _, _) in &definitions {
            any |= self
                .resolver
                .lookup(location, location)?
                .get("discriminator")
                .is_some();
        }
        if !any {
            return Ok(HashMap::new());
        }
        for (location, name, id) in definitions {
            if !members.contains_key(&id) {
                members.insert(id, (location.clone(), name, self.schema(&location)?));
            }
        }
        let mut parents: HashMap<TypeId, Vec<TypeId>> = HashMap::new();
        let mut children: HashMap<TypeId, Vec<TypeId>> = HashMap::new();
        for (&id, (location, _, schema)) in &members {
            for (index, member) in schema.all_of.iter().enumerate() {
                if let Some(reference) = &member.reference {
                    let at = location.child("allOf").child(&index.to_string());
                    let parent = self.definitions[&self.definition_at(&at, reference)?].1;
                    parents.entry(id).or_default().push(parent);
                    children.entry(parent).or_default().push(id);
                }
            }
        }
        // The discriminator of each: its own, or the nearest ancestor's (parents in order).
        let tag_of = |start: TypeId| {
            let mut seen = HashSet::new();
            let mut pending = vec![start];
            while let Some(id) = pending.pop() {
                if !seen.insert(id) {
                    continue;
                }
                if let Some(tag) = &members[&id].2.discriminator {
                    return Some(tag.clone());
                }
                pending.extend(parents.get(&id).into_iter().flatten().rev());
            }
            None
        };
        // Only structs hold a discriminator.
        for (&id, (location, name, schema)) in members.iter().filter(|(_, m)| is_struct(&m.2)) {
            if let Some(tag) = tag_of(id) {
                let value = schema
                    .x_ms_discriminator_value
                    .clone()
                    .unwrap_or_else(|| name.clone());
                self.tags.insert(id, (location.clone(), tag, value));
            }
        }
        let mut unions = HashMap::new();
        for &id in members.keys() {
            let Some((_, tag, value)) = self.tags.get(&id).cloned() else {
                continue;
            };
            // Every subtype at any depth sharing the discriminator, in definition order.
            let mut below = HashSet::new();
            let mut pending = vec![id];
            while let Some(next) = pending.pop() {
                for &child in children.get(&next).into_iter().flatten() {
                    if self.tags.get(&child).is_some_and(|(_, t, _)| *t == tag)
                        && child != id
                        && below.insert(child)
                    {
                        pending.push(child);
                    }
                }
            }
            if below.is_empty() {
                continue;
            }
            let mut variants = vec![(value, id)];
            let mut wires: HashMap<String, TypeId> = HashMap::new();
            wires.insert(variants[0].0.clone(), id);
            for &member in members.keys().filter(|m| below.contains(m)) {
                let (location, _, wire) = &self.tags[&member];
                if let Some(other) = wires.insert(wire.clone(), member) {
                    let other = &members[&other].1;
                    return Err(location.error(format!(
                        "the discriminator value `{wire}` is also that of `{other}`: each type of a hierarchy needs its own"
                    )));
                }
                variants.push((wire.clone(), member));
            }
            let name = format!("{}Union", self.names[id.0].1);
            let union_id = self.reserve(Vec::new(), name);
            self.unions.insert(id, union_id);
            let union = Union {
                tag,
                root: id,
                variants,
            };
            unions.insert(id, (union_id, union));
        }
        Ok(unions)
    }

    /// A discriminator is text: a string, or a string enum listing the value each type
    /// sets (an open one keeps any); the first offender in definition order is the error.
    pub(super) fn check_discriminators(&self) -> Result<()> {
        let mut tagged: Vec<_> = self.tags.iter().collect();
        tagged.sort_by_key(|(id, _)| **id);
        for (id, (location, tag, value)) in tagged {
            let Some(Details::Struct(made)) = self.entries[id.0].as_ref().map(|e| &e.details)
            else {
                continue;
            };
            let Some(field) = made.fields.iter().find(|f| f.json == *tag) else {
                continue;
            };
            let target = match &field.ty {
                Type::String(format) if *format != StringFormat::DateTime => continue,
                Type::Named(target) => self.entries[target.0].as_ref().map(|e| &e.details),
                _ => None,
            };
            match target {
                Some(Details::Enum(e))
                    if e.other.is_some() || e.variants.iter().any(|v| v.wire == *value) => {}
                Some(Details::Alias(Type::String(format))) if *format != StringFormat::DateTime => {
                }
                Some(Details::Enum(_)) => {
                    return Err(location.error(format!(
                        "the discriminator value `{value}` is not a value of the enum of `{tag}`"
                    )))
                }
                _ => {
                    return Err(location.error(format!(
                        "the discriminator `{tag}` must be a string or a string enum"
                    )))
                }
            }
        }
        Ok(())
    }
}
