//! Stage 3: the model that the emitters work from: spec files with their operations,
//! parameters and responses resolved, and the raw documents kept for examples and for
//! the dereferenced view.

use crate::error::{pointer_push, Error, Result};
use crate::load::Documents;
use crate::resolve::{check_refs, load_referenced, parse_ref, Location, Resolver};
use crate::swagger::{self, Spec};
use indexmap::IndexMap;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Everything loaded from the spec root for one run.
#[derive(Debug)]
pub struct Api {
    pub documents: Documents,
    pub specs: Vec<SpecFile>,
    /// What was left out while loading (an example file that cannot be read).
    pub warnings: Vec<Error>,
}

impl Api {
    pub fn resolver(&self) -> Resolver<'_> {
        Resolver::new(&self.documents)
    }

    pub fn operations(&self) -> impl Iterator<Item = (&SpecFile, &Operation)> {
        self.specs
            .iter()
            .flat_map(|spec| spec.operations.iter().map(move |op| (spec, op)))
    }
}

/// One input spec file.
#[derive(Debug)]
pub struct SpecFile {
    /// Relative to the spec root, with `/` separators on every platform.
    pub path: PathBuf,
    pub spec: Spec,
    pub operations: Vec<Operation>,
}

impl SpecFile {
    /// The location of a definition, for the resolver.
    pub fn definition(&self, name: &str) -> Location {
        Location::new(&self.path, pointer_push("/definitions", name))
    }

    /// The `api-version` the spec describes.
    pub fn api_version(&self) -> &str {
        &self.spec.info.version
    }
}

#[derive(Debug, Clone)]
pub struct Operation {
    pub id: String,
    /// Lower-case HTTP method.
    pub method: &'static str,
    /// The path template, such as `/subscriptions/{subscriptionId}/...`.
    pub path: String,
    /// Where the operation object is, for messages and for dereferencing.
    pub location: Location,
    pub summary: Option<String>,
    pub description: Option<String>,
    /// Path-level parameters first, then the operation's own (which override a path-level
    /// parameter of the same name and location), each resolved.
    pub parameters: Vec<Param>,
    /// Status code (or `default`) to response, `$ref`s resolved.
    pub responses: IndexMap<String, swagger::Response>,
    pub long_running: Option<LongRunning>,
    pub pageable: Option<swagger::Pageable>,
    pub examples: Vec<Example>,
}

impl Operation {
    pub fn body(&self) -> Option<&Param> {
        self.parameters.iter().find(|p| p.param.location == "body")
    }

    /// The location of the body parameter's schema, for the dereferenced view.
    pub fn body_schema_location(&self) -> Option<Location> {
        self.body()
            .filter(|p| p.param.schema.is_some())
            .map(|p| p.location.child("schema"))
    }
}

#[derive(Debug, Clone)]
pub struct Param {
    pub param: swagger::Parameter,
    /// Where the resolved parameter object is.
    pub location: Location,
    /// Supplied by the client rather than by each call: a global parameter without
    /// `x-ms-parameter-location: method`, as AutoRest treats them.
    pub client: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LongRunning {
    pub final_state_via: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Example {
    pub name: String,
    /// The example document (the whole file).
    pub location: Location,
}

/// Loads the given spec files (relative to `root`) and everything they reference.
/// Errors name files as the user can open them: below `root`.
pub fn load(root: &Path, specs: &[PathBuf]) -> Result<Api> {
    let documents = Documents::new(root)?;
    let in_root = |error: Error| Error {
        file: error.file.map(|file| root.join(file)),
        ..error
    };
    let mut api = load_into(documents, specs).map_err(in_root)?;
    api.warnings = api.warnings.into_iter().map(in_root).collect();
    Ok(api)
}

fn load_into(mut documents: Documents, specs: &[PathBuf]) -> Result<Api> {
    let mut files = Vec::new();
    let mut warnings = Vec::new();
    for relative in specs {
        let path = crate::load::normalize(relative)
            .ok_or_else(|| Error::in_file(relative, "the spec path leads outside the spec root"))?;
        check_version(&path, documents.load(&path)?)?;
        // Before the spec is read as Swagger: loading leaves out unreadable examples.
        load_referenced(&mut documents, &path, &mut warnings)?;
        let value = documents.get(&path).expect("loaded above");
        let spec: Spec = deserialize(&Location::new(&path, ""), value)?;
        files.push((path, spec));
    }
    check_refs(&documents)?;
    let resolver = Resolver::new(&documents);
    // operationIds are unique within a spec; several versions of one API repeat them,
    // which the emitters that merge specs check for themselves.
    let specs = files
        .into_iter()
        .map(|(path, spec)| {
            let operations = operations(&resolver, &path, &spec, &mut HashMap::new())?;
            Ok(SpecFile {
                path,
                spec,
                operations,
            })
        })
        .collect::<Result<_>>()?;
    Ok(Api {
        documents,
        specs,
        warnings,
    })
}

fn check_version(file: &Path, value: &Value) -> Result<()> {
    match (value.get("swagger"), value.get("openapi")) {
        (Some(Value::String(version)), _) if version == "2.0" => Ok(()),
        (Some(found), _) => Err(Error::at(
            file,
            "/swagger",
            format!("not a Swagger 2.0 document: `swagger` is {found}, expected \"2.0\""),
        )),
        (None, Some(found)) => Err(Error::at(
            file,
            "/openapi",
            format!("not a Swagger 2.0 document: found OpenAPI {found}; armgen reads Swagger 2.0"),
        )),
        (None, None) => Err(Error::at(
            file,
            "",
            "not a Swagger 2.0 document: there is no `swagger: \"2.0\"` member",
        )),
    }
}

/// Deserializes a typed value found at `at`; a mismatch names the JSON pointer of the
/// culprit.
pub fn deserialize<'d, T: serde::Deserialize<'d>>(at: &Location, value: &'d Value) -> Result<T> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let pointer = e
            .path()
            .iter()
            .fold(at.pointer.clone(), |pointer, segment| {
                use serde_path_to_error::Segment;
                match segment {
                    Segment::Seq { index } => pointer_push(&pointer, &index.to_string()),
                    Segment::Map { key } | Segment::Enum { variant: key } => {
                        pointer_push(&pointer, key)
                    }
                    Segment::Unknown => pointer_push(&pointer, "?"),
                }
            });
        Error::at(&at.file, pointer, e.into_inner().to_string())
    })
}

/// The operations of one spec; `seen` collects their operationIds to refuse duplicates.
fn operations(
    resolver: &Resolver<'_>,
    file: &Path,
    spec: &Spec,
    seen: &mut HashMap<String, Location>,
) -> Result<Vec<Operation>> {
    let mut operations = Vec::new();
    for (path, item) in &spec.paths {
        let item_location = Location::new(file, pointer_push("/paths", path));
        let shared = params(
            resolver,
            &item_location.child("parameters"),
            &item.parameters,
        )?;
        for (method, operation) in item.operations() {
            let location = item_location.child(method);
            let id = operation
                .operation_id
                .clone()
                .ok_or_else(|| location.error("the operation has no operationId"))?;
            if let Some(first) = seen.insert(id.clone(), location.clone()) {
                return Err(location.error(format!(
                    "operationId `{id}` is used twice (first at #{})",
                    first.pointer
                )));
            }
            let own = params(
                resolver,
                &location.child("parameters"),
                &operation.parameters,
            )?;
            let mut parameters: Vec<Param> = shared
                .iter()
                .filter(|p| {
                    !own.iter().any(|o| {
                        o.param.name == p.param.name && o.param.location == p.param.location
                    })
                })
                .cloned()
                .collect();
            parameters.extend(own);
            operations.push(Operation {
                id,
                method,
                path: path.clone(),
                summary: operation.summary.clone(),
                description: operation.description.clone(),
                parameters,
                responses: responses(resolver, &location.child("responses"), &operation.responses)?,
                long_running: operation.long_running.then(|| LongRunning {
                    final_state_via: operation
                        .long_running_options
                        .as_ref()
                        .and_then(|o| o.final_state_via.clone()),
                }),
                pageable: operation.pageable.clone(),
                examples: examples(&location.child("x-ms-examples"), &operation.examples)?,
                location,
            });
        }
    }
    Ok(operations)
}

fn params(
    resolver: &Resolver<'_>,
    at: &Location,
    list: &[swagger::Parameter],
) -> Result<Vec<Param>> {
    list.iter()
        .enumerate()
        .map(|(index, param)| {
            let here = at.child(&index.to_string());
            let Some(reference) = &param.reference else {
                return Ok(Param {
                    param: param.clone(),
                    location: here,
                    client: false,
                });
            };
            let (location, value) = resolver.follow_ref(&here, reference)?;
            let param: swagger::Parameter = deserialize(&location, value)?;
            let client = location.pointer.starts_with("/parameters/")
                && param.x_ms_parameter_location.as_deref() != Some("method");
            Ok(Param {
                param,
                location,
                client,
            })
        })
        .collect()
}

fn responses(
    resolver: &Resolver<'_>,
    at: &Location,
    responses: &IndexMap<String, swagger::Response>,
) -> Result<IndexMap<String, swagger::Response>> {
    responses
        .iter()
        .map(|(status, response)| {
            let Some(reference) = &response.reference else {
                return Ok((status.clone(), response.clone()));
            };
            let here = at.child(status);
            let (location, value) = resolver.follow_ref(&here, reference)?;
            Ok((status.clone(), deserialize(&location, value)?))
        })
        .collect()
}

fn examples(
    at: &Location,
    examples: &IndexMap<String, swagger::Reference>,
) -> Result<Vec<Example>> {
    examples
        .iter()
        .map(|(name, reference)| {
            let location = parse_ref(&at.child(name), &reference.reference)?;
            Ok(Example {
                name: name.clone(),
                location,
            })
        })
        .collect()
}
