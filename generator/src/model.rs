//! Stage 3: the model that the emitters work from. [`load`] reads the spec files with
//! their operations, parameters and responses resolved and typed (`http`), keeping the
//! raw documents for examples and the dereferenced view; [`Model::build`] converts every
//! schema an output needs into the type space (`types`) and every operation into the
//! client's terms (`operations`), naming each item through the registry of its scope
//! (`names`). Whether a spec is accepted is decided here, whichever outputs are on.

pub mod bodies;
pub mod http;
pub mod names;
pub mod operations;
pub mod types;

use crate::error::{pointer_push, Error, Result};
use crate::load::Documents;
use crate::resolve::{check_refs, load_referenced, parse_ref, Location, Resolver};
use crate::swagger::{self, Schema, Spec};
use indexmap::IndexMap;
use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub use http::{CollectionFormat, Method, PathTemplate, Place, Segment, Status};
pub use operations::Client;
pub use types::TypeSpace;

/// The query parameter that carries the version of the API a request is written for.
pub const API_VERSION: &str = "api-version";

/// What every emitter works from: the loaded specs, every type they need, and the
/// operations as the client presents them. Building it is where a spec is accepted or
/// refused, whichever outputs are switched on.
#[derive(Debug)]
pub struct Model<'a> {
    pub api: &'a Api,
    pub types: TypeSpace,
    pub client: Client<'a>,
}

impl<'a> Model<'a> {
    pub fn build(api: &'a Api) -> Result<Self> {
        let mut converter = types::Converter::new(api)?;
        let client = operations::build(api, &mut converter)?;
        let mut types = converter.finish();
        for op in &client.operations {
            let refuse = |why: String| {
                let why = format!("an XML body cannot be written as Swagger says: {why}");
                op.operation.location.error(why)
            };
            if let Some(root) = &op.request_xml {
                types::check_xml_names(root).map_err(refuse)?;
            }
            let page = matches!(op.result, operations::Shape::Page { .. });
            if page && op.operation.reply_media == Media::Xml {
                return Err(op.operation.location.child("x-ms-pageable").error(
                    "x-ms-pageable lists whose pages are XML are not supported yet (pages are read as JSON)",
                ));
            }
            for body in op.xml_bodies() {
                types.mark_xml(body).map_err(refuse)?;
            }
        }
        Ok(Self { api, types, client })
    }
}

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
    pub method: Method,
    /// The path template as written, such as `/subscriptions/{subscriptionId}/...`.
    pub path: String,
    /// The path template parsed; each parameter it names is a required path parameter.
    pub template: PathTemplate,
    /// Where the operation object is, for messages and for dereferencing.
    pub location: Location,
    pub summary: Option<String>,
    pub description: Option<String>,
    /// Path-level parameters first, then the operation's own (which override a path-level
    /// parameter of the same name and location), each resolved.
    pub parameters: Vec<Param>,
    /// Status to response, `$ref`s resolved, in spec order.
    pub responses: IndexMap<Status, Response>,
    /// The `api-version` every request of this operation sends, if it declares an
    /// `api-version` query parameter ([`Param::is_api_version`]): the parameter's one
    /// `enum` value, else the spec's version. That parameter is never an argument, so the
    /// value is sent once.
    pub api_version: Option<String>,
    /// The `Accept` header every request of this operation sends, by AutoRest's rule: the
    /// media types the operation `produces` (its own, else the spec's, else
    /// `application/json`), joined by `, `, when a reply, `default` included, has a body;
    /// `None` when no reply has one.
    pub accept: Option<String>,
    /// The media types a request body may be sent as: the operation's `consumes`, else
    /// the spec's, each once, in spec order (empty when neither names any).
    pub consumes: Vec<String>,
    /// The media types of replies: the operation's `produces`, else the spec's.
    pub produces: Vec<String>,
    /// How the request body is written: by the media types the operation `consumes`.
    pub request_media: Media,
    /// How reply bodies are read: by the media types the operation `produces`.
    pub reply_media: Media,
    pub long_running: Option<LongRunning>,
    pub pageable: Option<swagger::Pageable>,
    pub examples: Vec<Example>,
    /// The spec's `x-ms-parameterized-host`, with its scheme: the endpoint every request
    /// goes to, whose parameters are among [`Operation::parameters`] (as path
    /// parameters). `None` sends requests to the client's endpoint.
    pub host: Option<PathTemplate>,
}

impl Operation {
    pub fn body(&self) -> Option<&Param> {
        self.parameters.iter().find(|p| p.place == Place::Body)
    }

    /// The location of the body parameter's schema, for the dereferenced view.
    pub fn body_schema_location(&self) -> Option<Location> {
        self.body()
            .filter(|p| p.param.schema.is_some())
            .map(|p| p.location.child("schema"))
    }
}

/// The format of a body, as far as armgen writes and reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Media {
    Json,
    Xml,
}

impl Media {
    /// XML when the media types name XML (`application/xml`, `text/xml`, `*+xml`) and
    /// no JSON; JSON otherwise, which is also what an empty list means. Where a spec
    /// offers both, JSON is chosen: every type has its JSON form, while XML needs the
    /// spec's `xml` names to be right.
    pub fn of(media_types: &[String]) -> Self {
        let essence = |t: &String| {
            let t = t.split(';').next().unwrap_or_default().trim();
            t.to_ascii_lowercase()
        };
        let types: Vec<String> = media_types.iter().map(essence).collect();
        let json = types
            .iter()
            .any(|t| t.ends_with("/json") || t.ends_with("+json"));
        let xml = types
            .iter()
            .any(|t| t.ends_with("/xml") || t.ends_with("+xml"));
        match xml && !json {
            true => Media::Xml,
            false => Media::Json,
        }
    }
}

#[derive(Debug, Clone)]
pub struct Response {
    pub schema: Option<Box<Schema>>,
    /// The headers the reply declares, by name as the spec writes it.
    pub headers: IndexMap<String, swagger::Header>,
    /// `x-ms-error-response`: the status is an error reply, not a success.
    pub error: bool,
    /// Where the resolved response object is.
    pub location: Location,
}

#[derive(Debug, Clone)]
pub struct Param {
    pub param: swagger::Parameter,
    /// Where the resolved parameter object is.
    pub location: Location,
    /// Where the value goes in the request.
    pub place: Place,
    pub collection_format: CollectionFormat,
    /// Supplied by the client rather than by each call: a global parameter without
    /// `x-ms-parameter-location: method`, as AutoRest treats them.
    pub client: bool,
}

impl Param {
    /// Whether this is the parameter that [`Operation::api_version`] fills in: the
    /// `api-version` query parameter, declared globally or by the operation. As AutoRest
    /// makes them, one marked `x-ms-api-version: false` or `x-ms-parameter-location:
    /// method` is an ordinary argument.
    pub fn is_api_version(&self) -> bool {
        self.place == Place::Query
            && self.param.name == API_VERSION
            && self.param.x_ms_api_version != Some(false)
            && self.param.x_ms_parameter_location.as_deref() != Some("method")
    }
}

impl Param {
    /// The value of a constant: a required parameter (not the body) whose `enum` lists one
    /// value, unless `x-ms-enum` says `modelAsString: true`. As AutoRest makes it, it is no
    /// argument: every request sends that value.
    pub fn constant(&self) -> Option<String> {
        let p = &self.param;
        let open = p.x_ms_enum.as_ref().is_some_and(|e| e.model_as_string);
        if !p.required || open || self.place == Place::Body || self.is_api_version() {
            return None;
        }
        match p.enum_values.as_deref()? {
            [Value::String(text)] => Some(text.clone()),
            [value @ (Value::Bool(_) | Value::Number(_))] => Some(value.to_string()),
            _ => None,
        }
    }
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
    load_limited(root, specs, crate::load::DEFAULT_MAX_FILE_SIZE)
}

/// [`load`], refusing files larger than `max_file_size` bytes.
pub fn load_limited(root: &Path, specs: &[PathBuf], max_file_size: u64) -> Result<Api> {
    let documents = Documents::new(root)?.with_max_file_size(max_file_size);
    let in_root = |error: Error| Error {
        file: error.file.map(|file| root.join(file)),
        ..error
    };
    let mut api = load_into(documents, specs).map_err(in_root)?;
    api.warnings = api.warnings.into_iter().map(in_root).collect();
    Ok(api)
}

fn load_into(mut documents: Documents, specs: &[PathBuf]) -> Result<Api> {
    let mut files: Vec<(PathBuf, Spec)> = Vec::new();
    let mut warnings = Vec::new();
    for path in spec_files(&documents, specs)? {
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
        .map(|(path, mut spec)| {
            let operations = operations(&resolver, &path, &spec, &mut HashMap::new())?;
            // Read once, into the operations: not held for the rest of the run (at 5,000
            // operations, 25 MB of typed paths).
            spec.paths = IndexMap::new();
            spec.x_ms_paths = IndexMap::new();
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

/// The spec files that `specs` name, relative to the root, each once, in the order given:
/// a folder (an api-version folder such as `.../stable/2022-10-01`) stands for its
/// `*.json` files in name order, without its subfolders (`examples/`).
fn spec_files(documents: &Documents, specs: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for given in specs {
        let path = documents
            .relative(given)
            .ok_or_else(|| Error::in_file(given, "the spec path leads outside the spec root"))?;
        let on_disk = documents.root().join(&path);
        if !on_disk.is_dir() {
            files.push(path);
            continue;
        }
        let listing =
            std::fs::read_dir(&on_disk).map_err(|e| Error::io(&path, "list the folder", &e))?;
        let mut inside = Vec::new();
        for entry in listing {
            let entry = entry.map_err(|e| Error::io(&path, "list the folder", &e))?;
            let name = PathBuf::from(entry.file_name());
            let is_json = name.extension().is_some_and(|ext| ext == "json");
            if is_json && entry.path().is_file() {
                inside.push(path.join(name));
            }
        }
        if inside.is_empty() {
            return Err(Error::in_file(
                &path,
                "the folder holds no `.json` spec file",
            ));
        }
        inside.sort();
        files.extend(inside);
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|file| seen.insert(file.clone()));
    Ok(files)
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
    // Tracking the path costs a third of the time; it is needed only for the message.
    if let Ok(typed) = T::deserialize(value) {
        return Ok(typed);
    }
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
    let host = host(resolver, file, spec)?;
    let paths = spec.paths.iter().map(|(key, item)| ("/paths", key, item));
    let x_ms_paths = spec
        .x_ms_paths
        .iter()
        .map(|(key, item)| ("/x-ms-paths", key, item));
    for (member, key, item) in paths.chain(x_ms_paths) {
        let item_location = Location::new(file, pointer_push(member, key));
        // What follows `?` in an `x-ms-paths` key only makes the key unique.
        let path = key
            .split_once('?')
            .map_or(key.as_str(), |(path, _)| path)
            .to_owned();
        let path = &path;
        let shared = params(
            resolver,
            &item_location.child("parameters"),
            &item.parameters,
        )?;
        for (key, operation) in item.operations() {
            let method = Method::ALL
                .into_iter()
                .find(|method| method.key() == key)
                .expect("path items only hold the methods of Method::ALL");
            let location = item_location.child(key);
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
                    !own.iter()
                        .any(|o| o.param.name == p.param.name && o.place == p.place)
                })
                .cloned()
                .collect();
            parameters.extend(own);
            if let Some((_, host_params, first)) = &host {
                match first {
                    true => parameters.splice(0..0, host_params.iter().cloned()),
                    false => parameters.splice(parameters.len().., host_params.iter().cloned()),
                };
            }
            let mut template = PathTemplate::parse(path, &location)?;
            template.query.retain(|(name, _)| {
                !parameters
                    .iter()
                    .any(|p| p.place == Place::Query && p.param.name == *name)
            });
            for name in template.params() {
                if !parameters
                    .iter()
                    .any(|p| p.place == Place::Path && p.param.required && p.param.name == name)
                {
                    return Err(location.error(format!(
                        "the path names `{{{name}}}` but no required path parameter has that name"
                    )));
                }
            }
            let api_version = parameters.iter().find(|p| p.is_api_version()).map(|p| {
                match p.param.enum_values.as_deref() {
                    Some([Value::String(only)]) => only.clone(),
                    _ => spec.info.version.clone(),
                }
            });
            let responses =
                responses(resolver, &location.child("responses"), &operation.responses)?;
            let produces = media_types(operation.produces.as_deref().unwrap_or(&spec.produces));
            let accept = responses
                .values()
                .any(|response| response.schema.is_some())
                .then(|| accept(&produces));
            let consumes = media_types(operation.consumes.as_deref().unwrap_or(&spec.consumes));
            operations.push(Operation {
                id,
                method,
                path: path.clone(),
                template,
                api_version,
                accept,
                request_media: Media::of(&consumes),
                reply_media: Media::of(&produces),
                consumes,
                produces,
                summary: operation.summary.clone(),
                description: operation.description.clone(),
                parameters,
                responses,
                long_running: match operation.long_running {
                    true => Some(LongRunning {
                        final_state_via: final_state_via(&location, operation)?,
                    }),
                    false => None,
                },
                pageable: operation.pageable.clone(),
                examples: examples(&location.child("x-ms-examples"), &operation.examples)?,
                host: host.as_ref().map(|(template, _, _)| template.clone()),
                location,
            });
        }
    }
    Ok(operations)
}

/// `final-state-via`, when it is one the runtime's poller follows. `operation-location`
/// (the result behind an `Operation-Location` header) is refused rather than polled as
/// something else.
fn final_state_via(location: &Location, operation: &swagger::Operation) -> Result<Option<String>> {
    let Some(via) = operation
        .long_running_options
        .as_ref()
        .and_then(|o| o.final_state_via.as_deref())
    else {
        return Ok(None);
    };
    match via {
        "azure-async-operation" | "location" | "original-uri" => Ok(Some(via.to_owned())),
        _ => Err(location
            .child("x-ms-long-running-operation-options")
            .child("final-state-via")
            .error(format!(
                "`final-state-via: {via}` is not supported: armgen follows `azure-async-operation`, `location` and `original-uri`"
            ))),
    }
}

/// The spec's `x-ms-parameterized-host`: its template (with the scheme prefix), its
/// parameters (client-held when global, as AutoRest has them; each a required path
/// parameter the template names), and whether they come first among an operation's.
fn host(
    resolver: &Resolver<'_>,
    file: &Path,
    spec: &Spec,
) -> Result<Option<(PathTemplate, Vec<Param>, bool)>> {
    let Some(host) = &spec.parameterized_host else {
        return Ok(None);
    };
    let at = Location::new(file, "/x-ms-parameterized-host");
    let text = match host.use_scheme_prefix {
        // AutoRest's default scheme where the spec names none.
        true => format!(
            "{}://{}",
            spec.schemes.first().map_or("http", String::as_str),
            host.host_template
        ),
        false => host.host_template.clone(),
    };
    let template = PathTemplate::parse(&text, &at.child("hostTemplate"))?;
    let params = params(resolver, &at.child("parameters"), &host.parameters)?;
    for name in template.params() {
        if !params
            .iter()
            .any(|p| p.place == Place::Path && p.param.required && p.param.name == name)
        {
            return Err(at.child("hostTemplate").error(format!(
                "the host template names `{{{name}}}` but no required path parameter of the host has that name"
            )));
        }
    }
    let first = host.position_in_operation.as_deref() == Some("first");
    Ok(Some((template, params, first)))
}

/// Each media type once, trimmed, in spec order.
fn media_types(listed: &[String]) -> Vec<String> {
    let mut types: Vec<String> = Vec::new();
    for media_type in listed.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        if !types.iter().any(|t| t == media_type) {
            types.push(media_type.to_owned());
        }
    }
    types
}

/// The `Accept` value for replies in `produces`; JSON when the spec names none, as
/// Swagger's consumers assume.
fn accept(produces: &[String]) -> String {
    match produces.is_empty() {
        true => "application/json".to_owned(),
        false => produces.join(", "),
    }
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
            let (param, location, client) = match &param.reference {
                None => (param.clone(), here, false),
                Some(reference) => {
                    let (location, value) = resolver.follow_ref(&here, reference)?;
                    let param: swagger::Parameter = deserialize(&location, value)?;
                    let client = location.pointer.starts_with("/parameters/")
                        && param.x_ms_parameter_location.as_deref() != Some("method");
                    (param, location, client)
                }
            };
            let place = Place::parse(&param.location, &location)?;
            if param.header_collection_prefix.is_some() && place != Place::Header {
                return Err(location
                    .child("x-ms-header-collection-prefix")
                    .error("`x-ms-header-collection-prefix` is only for header parameters"));
            }
            let collection_format =
                CollectionFormat::parse(param.collection_format.as_deref(), place, &location)?;
            Ok(Param {
                param,
                location,
                place,
                collection_format,
                client,
            })
        })
        .collect()
}

fn responses(
    resolver: &Resolver<'_>,
    at: &Location,
    responses: &IndexMap<String, swagger::Response>,
) -> Result<IndexMap<Status, Response>> {
    responses
        .iter()
        .map(|(key, response)| {
            let here = at.child(key);
            let status = Status::parse(key, &here)?;
            let (response, location) = match &response.reference {
                None => (response.clone(), here),
                Some(reference) => {
                    let (location, value) = resolver.follow_ref(&here, reference)?;
                    (deserialize(&location, value)?, location)
                }
            };
            Ok((
                status,
                Response {
                    schema: response.schema,
                    headers: response.headers,
                    error: response.x_ms_error_response,
                    location,
                },
            ))
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

#[cfg(test)]
mod media_tests {
    use super::Media;

    #[test]
    fn xml_only_when_no_json_is_offered() {
        let of =
            |types: &[&str]| Media::of(&types.iter().map(|t| t.to_string()).collect::<Vec<_>>());
        assert_eq!(of(&["application/xml"]), Media::Xml);
        assert_eq!(
            of(&["text/xml; charset=utf-8", "application/atom+xml"]),
            Media::Xml
        );
        assert_eq!(of(&["application/xml", "application/json"]), Media::Json);
        assert_eq!(of(&[]), Media::Json);
        assert_eq!(of(&["application/octet-stream"]), Media::Json);
    }
}
