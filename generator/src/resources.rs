//! The ARM resources of the loaded specs and the dependencies between them, by the rules
//! the reference documentation pages were made with.
//!
//! A resource is a path with a `get` and a `put` or `delete`; its names come from the GET
//! operationId; its dependencies (what must exist before it) come from the resource
//! group parameter, from keys of its PUT body that look like references to other
//! resources, and from parent resources named in its path.

use crate::error::{Error, Result};
use crate::json_graph::{Graph, Node, NodeId};
use crate::model::{Api, Example, Method, Operation, Place, SpecFile, Status};
use crate::plural::singular;
use crate::resolve::{Dereferencer, Location};
use heck::ToLowerCamelCase;
use indexmap::IndexMap;
use std::collections::HashMap;
use std::path::Path;

/// A key in the body walk deeper than this is not looked at: a guard against schemas
/// that nest through `properties` without end.
const MAX_TRAIL: usize = 64;
/// How many objects the walk for reference keys may enter. Definitions shared by
/// identity are entered once per path to them, and the number of paths grows
/// exponentially with the levels of a schema whose members all name the next level
/// (10! through ten levels of ten keys); real bodies need a few hundred.
const MAX_VISITS: usize = 100_000;

#[derive(Debug, Clone)]
pub struct Resource<'a> {
    /// The provider namespace without `Microsoft.`, such as `ContainerRegistry`.
    pub group: String,
    pub type_name: String,
    /// The singular of the GET operationId's first part.
    pub parent_name: String,
    /// The name of the folder holding the spec file.
    pub api_version: String,
    pub spec: &'a SpecFile,
    pub get: &'a Operation,
    pub put: Option<&'a Operation>,
    pub delete: Option<&'a Operation>,
    /// `type_name` in lower case, which the body-key rules compare with.
    lower_type_name: String,
}

/// What must exist before a resource: a variable name and the resource it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependency {
    pub variable: String,
    pub group: String,
    pub type_name: String,
}

/// What the docs read of the specs besides the model: schemas in their dereferenced view
/// (one graph, in which a schema referenced from several places is one node) and the
/// example documents.
#[derive(Debug)]
pub struct Schemas<'d> {
    api: &'d Api,
    dereferencer: Dereferencer<'d>,
}

impl<'d> Schemas<'d> {
    pub fn new(api: &'d Api) -> Self {
        Self {
            api,
            dereferencer: Dereferencer::new(api.resolver()),
        }
    }

    pub fn graph(&self) -> &Graph {
        self.dereferencer.graph()
    }

    /// The dereferenced schema of the operation's body parameter, if it has one.
    pub fn body(&mut self, operation: &Operation) -> Result<Option<NodeId>> {
        operation
            .body_schema_location()
            .map(|location| self.dereference(&location))
            .transpose()
    }

    /// The whole document of an example.
    pub fn example(&self, example: &Example) -> Result<&'d serde_json::Value> {
        self.api
            .resolver()
            .lookup(&example.location, &example.location)
    }

    fn dereference(&mut self, location: &Location) -> Result<NodeId> {
        self.dereferencer.dereference(location)
    }
}

/// Every resource of `api`; where several spec files define one, the latest api-version.
pub fn find(api: &Api) -> Vec<Resource<'_>> {
    let mut found: IndexMap<(String, String), Resource<'_>> = IndexMap::new();
    for spec in &api.specs {
        // The first operation of each path and method, so that pairing each GET with its
        // PUT and DELETE does not scan every operation again (quadratic on big specs).
        let mut by_path: HashMap<(&str, Method), &Operation> = HashMap::new();
        for op in &spec.operations {
            by_path.entry((op.path.as_str(), op.method)).or_insert(op);
        }
        for get in spec.operations.iter().filter(|op| op.method == Method::Get) {
            let on_path = |method| by_path.get(&(get.path.as_str(), method)).copied();
            let (put, delete) = (on_path(Method::Put), on_path(Method::Delete));
            if put.is_none() && delete.is_none() {
                continue;
            }
            let (group, api_version) = group_and_version(spec, get);
            // A path below no provider namespace (`/bool/true` of a plain REST service)
            // is no ARM resource: it gets no page.
            if group.is_empty() {
                continue;
            }
            let (parent_name, type_name) = names(&get.id);
            let resource = Resource {
                group,
                lower_type_name: type_name.to_lowercase(),
                type_name,
                parent_name,
                api_version,
                spec,
                get,
                put,
                delete,
            };
            let key = (resource.group.clone(), resource.type_name.clone());
            let newer = |old: &Resource<'_>| {
                format!("{}-x", resource.api_version) > format!("{}-x", old.api_version)
            };
            if found.get(&key).is_none_or(newer) {
                found.insert(key, resource);
            }
        }
    }
    found.into_values().collect()
}

/// `(parentName, type)` from a GET operationId such as `ConnectedRegistries_Get`.
fn names(operation_id: &str) -> (String, String) {
    let first = operation_id.split('_').next().unwrap_or(operation_id);
    let last = operation_id.rsplit('_').next().unwrap_or(operation_id);
    let parent_name = singular(first);
    let sub_name = last.replacen("Get", "", 1);
    let type_name = if !sub_name.is_empty() && sub_name.contains(&parent_name) {
        sub_name
    } else {
        format!("{parent_name}{sub_name}")
    };
    (parent_name, type_name)
}

/// The group (provider folder without `Microsoft.`) and api-version (version folder) of
/// a spec laid out as in azure-rest-api-specs, `<provider>/<stable|preview>/<version>/<file>.json`.
/// A spec kept elsewhere falls back to the provider namespace of the resource's path and
/// the spec's `info.version`, so that any spec gets pages.
fn group_and_version(spec: &SpecFile, get: &Operation) -> (String, String) {
    let folders: Vec<String> = spec
        .path
        .parent()
        .into_iter()
        .flat_map(|p| p.iter())
        .map(|c| c.to_string_lossy().into_owned())
        .collect();
    let (provider, version) = match folders.as_slice() {
        [.., provider, stability, version] if stability == "stable" || stability == "preview" => {
            (provider.clone(), version.clone())
        }
        _ => {
            let mut segments = get.path.split('/');
            let namespace = segments
                .by_ref()
                .skip_while(|s| !s.eq_ignore_ascii_case("providers"))
                .nth(1);
            (
                namespace.unwrap_or_default().to_owned(),
                spec.api_version().to_owned(),
            )
        }
    };
    (
        provider
            .strip_prefix("Microsoft.")
            .unwrap_or(&provider)
            .to_owned(),
        version,
    )
}

impl Resource<'_> {
    /// The path whose segments locate parents: the PUT's, else the DELETE's.
    fn write_path(&self) -> &str {
        self.put
            .or(self.delete)
            .map_or(self.get.path.as_str(), |op| op.path.as_str())
    }
}

/// The dependencies of `resource`, in order: `{...fromResourceGroup, ...fromBody, ...fromPath}`
/// with JavaScript object semantics (a variable set again keeps its first position).
pub fn dependencies<'r, 'a>(
    resource: &Resource<'_>,
    all: &'r [Resource<'a>],
    named: &mut NamedBy<'r, 'a>,
    schemas: &mut Schemas<'_>,
) -> Result<Vec<Dependency>> {
    let mut dependencies: IndexMap<String, (String, String)> = IndexMap::new();
    let required_param = |name: &str| {
        resource
            .get
            .parameters
            .iter()
            .any(|p| p.param.required && p.param.name == name)
    };
    if required_param("resourceGroupName") {
        dependencies.insert(
            "resourceGroup".into(),
            ("Resources".into(), "ResourceGroup".into()),
        );
    }
    if let Some(body) = resource.put.and_then(Operation::body_schema_location) {
        let root = schemas.dereference(&body)?;
        let mut keys = Vec::new();
        let mut visits = 0;
        collect_reference_keys(
            schemas.graph(),
            root,
            &mut Vec::new(),
            &mut keys,
            &mut visits,
        );
        for key in keys {
            if let Some(target) = named.resource(key, resource, all) {
                dependencies.insert(
                    target.type_name.to_lower_camel_case(),
                    (target.group.clone(), target.type_name.clone()),
                );
            }
        }
    }
    for (variable, parent) in parents(resource, all) {
        dependencies.insert(variable, (parent.group.clone(), parent.type_name.clone()));
    }
    Ok(dependencies
        .into_iter()
        .map(|(variable, (group, type_name))| Dependency {
            variable,
            group,
            type_name,
        })
        .collect())
}

/// Keys of the body schema that look like references to other resources: an object whose
/// `properties` has an `id`, or a key ending in `Id`. Every key of every object is
/// visited in document order, except a key (other than `properties`) already on the
/// trail above it; arrays are not entered.
fn collect_reference_keys<'g>(
    graph: &'g Graph,
    node: NodeId,
    trail: &mut Vec<&'g str>,
    keys: &mut Vec<&'g str>,
    visits: &mut usize,
) {
    let Node::Object(entries) = graph.node(node) else {
        return;
    };
    *visits += 1;
    if trail.len() > MAX_TRAIL || *visits > MAX_VISITS {
        return;
    }
    for (key, value) in entries {
        let key = key.as_str();
        if key != "properties" && trail.contains(&key) {
            continue;
        }
        let has_id = graph
            .get(*value, "properties")
            .is_some_and(|props| graph.get(props, "id").is_some());
        if has_id || ends_with_id(key) {
            keys.push(key);
        } else if matches!(graph.node(*value), Node::Object(_)) {
            trail.push(key);
            collect_reference_keys(graph, *value, trail, keys, visits);
            trail.pop();
        }
    }
}

/// Whether the key, in lower case, ends with `id`. Only `I`/`i` and `D`/`d` lower-case to
/// those letters (no other character's lower case ends with them), so the last two bytes
/// decide, without lower-casing the key.
fn ends_with_id(key: &str) -> bool {
    key.len() >= 2 && key.as_bytes()[key.len() - 2..].eq_ignore_ascii_case(b"id")
}

/// The resources that body keys name, by the four rules of [`NamedBy::resource`]. Each
/// rule compares a key's name with every resource of its group (or of all), and bodies of
/// a big spec repeat the same few keys (`id`, `linkedThingId`), so the resources each
/// rule finds for a name are looked for once per name and group, not once per key of each
/// body: per key, that scan made the docs quadratic in the number of resources.
#[derive(Default)]
pub struct NamedBy<'r, 'a> {
    found: HashMap<(String, String), Candidates<'r, 'a>>,
}

/// For one name and group, the resources each rule matches, in spec order, before the
/// resource asking is left out.
struct Candidates<'r, 'a> {
    /// Of the group, whose type name ends the name.
    ending: Vec<&'r Resource<'a>>,
    /// Of the group, whose type name is in the name.
    inside: Vec<&'r Resource<'a>>,
    /// Of the group, whose type name holds the name.
    holding: Vec<&'r Resource<'a>>,
    /// Of any group, whose type name is the name.
    equal: Vec<&'r Resource<'a>>,
}

impl<'r, 'a> NamedBy<'r, 'a> {
    /// The resource a body key such as `scopeMapId` refers to, if any: among the other
    /// resources (another type name) of the group, the first whose type name ends the
    /// key's name, else the only one whose type name is in it, else the only one whose
    /// type name holds it; else the first of any group whose type name is the name.
    pub fn resource(
        &mut self,
        key: &str,
        resource: &Resource<'_>,
        all: &'r [Resource<'a>],
    ) -> Option<&'r Resource<'a>> {
        let key = key.strip_suffix("Id").unwrap_or(key);
        let key = match key.len().checked_sub("resource".len()) {
            Some(cut)
                if key.is_char_boundary(cut) && key[cut..].eq_ignore_ascii_case("resource") =>
            {
                &key[..cut]
            }
            _ => key,
        };
        if key.is_empty() {
            return None;
        }
        let name = key.to_lowercase();
        let candidates = self
            .found
            .entry((resource.group.clone(), name))
            .or_insert_with_key(|(group, name)| Candidates::of(group, name, all));
        let other = |r: &&&'r Resource<'a>| r.type_name != resource.type_name;
        let only = |matches: &[&'r Resource<'a>]| {
            let mut others = matches.iter().filter(other);
            match (others.next(), others.next()) {
                (Some(only), None) => Some(*only),
                _ => None,
            }
        };
        candidates
            .ending
            .iter()
            .find(other)
            .copied()
            .or_else(|| only(&candidates.inside))
            .or_else(|| only(&candidates.holding))
            .or_else(|| candidates.equal.iter().find(other).copied())
    }
}

impl<'r, 'a> Candidates<'r, 'a> {
    fn of(group: &str, name: &str, all: &'r [Resource<'a>]) -> Self {
        let mut candidates = Candidates {
            ending: Vec::new(),
            inside: Vec::new(),
            holding: Vec::new(),
            equal: Vec::new(),
        };
        for r in all {
            let type_name = r.lower_type_name.as_str();
            if r.group == group {
                if name.ends_with(type_name) {
                    candidates.ending.push(r);
                }
                if name.contains(type_name) {
                    candidates.inside.push(r);
                }
                if type_name.contains(name) {
                    candidates.holding.push(r);
                }
            }
            if type_name == name {
                candidates.equal.push(r);
            }
        }
        candidates
    }
}

/// Parents named by path parameters: each required path parameter of the GET (other than
/// the subscription and resource group) that is not the resource's own name.
fn parents<'r, 'a>(
    resource: &Resource<'_>,
    all: &'r [Resource<'a>],
) -> Vec<(String, &'r Resource<'a>)> {
    let own_segment = resource.get.path.rsplit('/').next().unwrap_or_default();
    let segments: Vec<&str> = resource.write_path().split('/').collect();
    resource
        .get
        .parameters
        .iter()
        .filter(|p| p.place == Place::Path)
        .map(|p| &p.param)
        .filter(|p| p.required && p.name != "resourceGroupName" && p.name != "subscriptionId")
        .filter(|p| !own_segment.contains(&format!("{{{}}}", p.name)))
        .filter_map(|p| {
            let placeholder = format!("{{{}}}", p.name);
            let index = segments
                .iter()
                .position(|segment| segment.contains(&placeholder))?;
            let prefix = segments[..=index].join("/");
            let parent = all.iter().find(|r| r.get.path == prefix).or_else(|| {
                let collection = singular(segments.get(index.checked_sub(1)?)?);
                all.iter().find(|r| r.parent_name.contains(&collection))
            })?;
            Some((p.name.replacen("Name", "", 1), parent))
        })
        .collect()
}

/// Whether the resource gets a page: at least one dependency, and at least as many as
/// its list operation has required path parameters besides the subscription.
pub fn has_page<'a>(
    resource: &Resource<'a>,
    dependencies: &[Dependency],
    lists: &mut Lists<'a>,
    schemas: &mut Schemas<'_>,
) -> Result<bool> {
    let list = lists.find(resource, schemas)?.unwrap_or(resource.get);
    let needed = list
        .parameters
        .iter()
        .filter(|p| p.param.required && p.place == Place::Path && p.param.name != "subscriptionId")
        .count();
    Ok(!dependencies.is_empty() && dependencies.len() >= needed)
}

/// What the four list rules look for in each spec's GET operations, gathered once: asked
/// per resource, scanning every GET (and dereferencing its reply) each time made big
/// specs quadratic.
#[derive(Default)]
pub struct Lists<'a> {
    specs: HashMap<&'a Path, SpecLists<'a>>,
}

struct SpecLists<'a> {
    /// GETs at `/subscriptions/{subscriptionId}/providers/<namespace>/<type>`, with their
    /// path in lower case.
    subscription_wide: Vec<(&'a Operation, String)>,
    /// The first GET of each operationId and of each path.
    by_id: HashMap<&'a str, &'a Operation>,
    by_path: HashMap<&'a str, &'a Operation>,
    /// The description of the items each GET's reply lists, built when a resource first
    /// needs it (it dereferences every reply).
    items: Option<ItemDescriptions<'a>>,
}

/// Per description, the first GET whose reply lists items so described; and the first
/// GET whose reply could not be dereferenced, as the rule stops there.
struct ItemDescriptions<'a> {
    first: HashMap<String, (usize, &'a Operation)>,
    error: Option<(usize, Error)>,
}

impl<'a> Lists<'a> {
    /// The operation that lists resources of this type, first found by the four rules.
    fn find(
        &mut self,
        resource: &Resource<'a>,
        schemas: &mut Schemas<'_>,
    ) -> Result<Option<&'a Operation>> {
        let spec = resource.spec;
        let lists = self
            .specs
            .entry(&spec.path)
            .or_insert_with(|| SpecLists::new(spec));
        let plural = format!("{}s", resource.type_name).to_lowercase();
        if let Some((op, _)) = lists
            .subscription_wide
            .iter()
            .find(|(_, path)| path.contains(&plural))
        {
            return Ok(Some(op));
        }
        let list_id = resource.get.id.replacen("Get", "List", 1);
        if let Some(by_id) = lists.by_id.get(list_id.as_str()) {
            return Ok(Some(by_id));
        }
        if let Some(description) = ok_description(resource.get, schemas)? {
            if lists.items.is_none() {
                lists.items = Some(ItemDescriptions::new(spec, schemas));
            }
            let items = lists.items.as_ref().expect("just built");
            let found = items.first.get(&description);
            match (&items.error, found) {
                (Some((at, error)), found) if found.is_none_or(|(index, _)| index > at) => {
                    return Err(error.clone())
                }
                (_, Some((_, op))) => return Ok(Some(op)),
                _ => {}
            }
        }
        let parent_path = match resource.get.path.rsplit_once('/') {
            Some((parent, last)) if last.starts_with('{') && last.ends_with('}') => Some(parent),
            _ => None,
        };
        Ok(parent_path.and_then(|parent| lists.by_path.get(parent).copied()))
    }
}

impl<'a> SpecLists<'a> {
    fn new(spec: &'a SpecFile) -> Self {
        let mut lists = SpecLists {
            subscription_wide: Vec::new(),
            by_id: HashMap::new(),
            by_path: HashMap::new(),
            items: None,
        };
        for op in gets(spec) {
            let segments: Vec<&str> = op.path.split('/').collect();
            if matches!(
                segments.as_slice(),
                ["", "subscriptions", "{subscriptionId}", "providers", _, _]
            ) {
                lists.subscription_wide.push((op, op.path.to_lowercase()));
            }
            lists.by_id.entry(&op.id).or_insert(op);
            lists.by_path.entry(&op.path).or_insert(op);
        }
        lists
    }
}

impl<'a> ItemDescriptions<'a> {
    fn new(spec: &'a SpecFile, schemas: &mut Schemas<'_>) -> Self {
        let mut items = ItemDescriptions {
            first: HashMap::new(),
            error: None,
        };
        for (index, op) in gets(spec).enumerate() {
            let schema = match ok_schema(op, schemas) {
                Ok(Some(schema)) => schema,
                Ok(None) => continue,
                Err(error) => {
                    items.error = Some((index, error));
                    break;
                }
            };
            let graph = schemas.graph();
            let description = ["properties", "value", "items", "description"]
                .iter()
                .try_fold(schema, |node, key| graph.get(node, key))
                .and_then(|node| match graph.node(node) {
                    Node::Scalar(serde_json::Value::String(text)) => Some(text.clone()),
                    _ => None,
                });
            if let Some(description) = description {
                items.first.entry(description).or_insert((index, op));
            }
        }
        items
    }
}

fn gets(spec: &SpecFile) -> impl Iterator<Item = &Operation> {
    spec.operations.iter().filter(|op| op.method == Method::Get)
}

/// The dereferenced schema of an operation's 200 response.
fn ok_schema(operation: &Operation, schemas: &mut Schemas<'_>) -> Result<Option<NodeId>> {
    match operation.responses.get(&Status::Code(200)) {
        Some(ok) if ok.schema.is_some() => {
            schemas.dereference(&ok.location.child("schema")).map(Some)
        }
        _ => Ok(None),
    }
}

fn ok_description(operation: &Operation, schemas: &mut Schemas<'_>) -> Result<Option<String>> {
    let Some(schema) = ok_schema(operation, schemas)? else {
        return Ok(None);
    };
    let graph = schemas.graph();
    Ok(graph
        .get(schema, "description")
        .and_then(|node| match graph.node(node) {
            Node::Scalar(serde_json::Value::String(text)) => Some(text.clone()),
            _ => None,
        }))
}

#[cfg(test)]
mod tests {
    use super::names;

    #[test]
    fn type_names_come_from_the_get_operation_id() {
        assert_eq!(
            names("ConnectedRegistries_Get"),
            ("ConnectedRegistry".into(), "ConnectedRegistry".into())
        );
        assert_eq!(
            names("Registries_GetPrivateLinkResource"),
            ("Registry".into(), "RegistryPrivateLinkResource".into())
        );
        assert_eq!(
            names("Registries_GetRegistryUsage"),
            ("Registry".into(), "RegistryUsage".into())
        );
    }
}
