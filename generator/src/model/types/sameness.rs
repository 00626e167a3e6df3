//! Which definitions are one type: those with the same Rust name whose schemas are the
//! same once every `$ref` is read as the type it names. Specs of one api-version copy
//! definitions into each file (an `ErrorResponse` per file, common-types' `Resource`
//! reached from several versions); a copy must not become a second type.
//!
//! The classes are found by refinement, as for the equivalence of automata: start with
//! one class per Rust name, then split a class whenever two members differ in their JSON
//! with each `$ref` replaced by the class of its target, until no class splits. Two
//! definitions that refer to each other in a cycle are thus the same when their copies
//! are. Only names held by several definitions are compared, so a spec without repeats
//! costs one pass over the names.

use crate::error::Result;
use crate::resolve::{parse_ref, ref_of, Location, Resolver};
use foldhash::{HashMap, HashMapExt};
use serde_json::Value;
use std::fmt::Write;

/// The class of each of `definitions` (in the order given; numbered in order of first
/// member), where `names[i]` is the Rust name of `definitions[i]`.
pub(super) fn classes(
    resolver: &Resolver<'_>,
    definitions: &[Location],
    names: &[String],
) -> Result<Vec<usize>> {
    let mut class = numbered(names.iter());
    let mut sizes: HashMap<usize, usize> = HashMap::new();
    for &c in &class {
        *sizes.entry(c).or_default() += 1;
    }
    let contested: Vec<usize> = (0..definitions.len())
        .filter(|&i| sizes[&class[i]] > 1)
        .collect();
    if contested.is_empty() {
        return Ok(class);
    }
    let index: HashMap<&Location, usize> = definitions.iter().zip(0..).collect();
    let mut count = sizes.len();
    loop {
        let mut keys: Vec<(usize, String)> = class.iter().map(|&c| (c, String::new())).collect();
        for &i in &contested {
            let value = resolver.lookup(&definitions[i], &definitions[i])?;
            let mut text = String::new();
            canonical(value, &definitions[i], &index, &class, &mut text)?;
            keys[i].1 = text;
        }
        let refined = numbered(keys.iter());
        let refined_count = refined.iter().max().map_or(0, |max| max + 1);
        class = refined;
        // A refinement only splits classes: the same count means nothing split.
        if refined_count == count {
            return Ok(class);
        }
        count = refined_count;
    }
}

/// Numbers equal keys alike, in order of first appearance.
fn numbered<K: Eq + std::hash::Hash>(keys: impl Iterator<Item = K>) -> Vec<usize> {
    let mut ids: HashMap<K, usize> = HashMap::new();
    keys.map(|key| {
        let next = ids.len();
        *ids.entry(key).or_insert(next)
    })
    .collect()
}

/// `value` as JSON text, each `$ref` written as the class of the definition it names (or
/// the location it names, for anything else).
fn canonical(
    value: &Value,
    file: &Location,
    index: &HashMap<&Location, usize>,
    class: &[usize],
    out: &mut String,
) -> Result<()> {
    match value {
        Value::Object(entries) => {
            let target = ref_of(value).map(|r| parse_ref(file, r)).transpose()?;
            out.push('{');
            for (key, child) in entries {
                write!(out, "{key:?}:").expect("writing to a String");
                match (&target, key.as_str()) {
                    (Some(target), "$ref") => match index.get(target) {
                        Some(&i) => write!(out, "#{}", class[i]),
                        None => write!(out, "@{:?}#{:?}", target.file, target.pointer),
                    }
                    .expect("writing to a String"),
                    _ => canonical(child, file, index, class, out)?,
                }
                out.push(',');
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for item in items {
                canonical(item, file, index, class, out)?;
                out.push(',');
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
    Ok(())
}
