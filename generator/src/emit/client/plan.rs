//! What the client emitter needs to know about each operation, worked out once from the
//! model: Rust names, argument types and the shape of the result.

use crate::emit::naming::{self, TypeNames};
use crate::error::Result;
use crate::model::{Api, Operation, Param};
use crate::resolve::{parse_ref, Location, Resolver};
use crate::swagger::{AdditionalProperties, Schema};
use heck::ToUpperCamelCase;
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;
use std::collections::HashMap;

/// The query parameter whose value is the spec's version rather than an argument.
pub const API_VERSION: &str = "api-version";

pub struct Plan<'a> {
    pub operations: Vec<OperationPlan<'a>>,
    /// Parameters the client holds (`subscriptionId`), in order of first use.
    pub client_params: Vec<Arg>,
    /// The type of the `default` responses' bodies, shared by every operation.
    pub error_body: TokenStream,
}

pub struct OperationPlan<'a> {
    pub operation: &'a Operation,
    /// The `api-version` query value the client sends itself: the spec's version, when
    /// the operation has a client-held `api-version` query parameter (a plain REST
    /// service has none, and its server may refuse unknown query parameters).
    pub api_version: Option<String>,
    /// The operationId's prefix in snake case, the module and accessor of the group.
    pub group: Option<String>,
    pub method: String,
    /// In the order of the request function's arguments: client-held, then required.
    pub params: Vec<Arg>,
    pub options: Vec<Arg>,
    pub result: Shape,
    /// Documented statuses with the type of their body, if any.
    pub statuses: Vec<(u16, Option<TokenStream>)>,
}

#[derive(Clone)]
pub struct Arg {
    pub param: Param,
    pub ident: Ident,
    pub kind: Kind,
}

#[derive(Clone)]
pub enum Kind {
    Str,
    Scalar(TokenStream),
    Array(TokenStream),
    Body(TokenStream),
}

impl Arg {
    pub fn client_held(&self) -> bool {
        self.param.client
    }

    /// The type as a function argument.
    pub fn borrowed(&self) -> TokenStream {
        match &self.kind {
            Kind::Str => quote!(&str),
            Kind::Scalar(ty) => ty.clone(),
            Kind::Array(ty) => quote!(&[#ty]),
            Kind::Body(ty) => quote!(&#ty),
        }
    }

    /// The type as a field.
    pub fn owned(&self) -> TokenStream {
        match &self.kind {
            Kind::Str => quote!(String),
            Kind::Scalar(ty) | Kind::Body(ty) => ty.clone(),
            Kind::Array(ty) => quote!(Vec<#ty>),
        }
    }
}

pub enum Shape {
    Unit,
    One(TokenStream),
    /// Some statuses have a body, others none.
    Optional(TokenStream),
    /// Statuses with different bodies: an enum per operation.
    Enum,
    /// `x-ms-pageable`: pages of items.
    Page {
        item: TokenStream,
        item_name: String,
        next_link_name: Option<String>,
    },
}

impl OperationPlan<'_> {
    pub fn rust_type(&self) -> TokenStream {
        match &self.result {
            Shape::Unit => quote!(()),
            Shape::One(ty) => ty.clone(),
            Shape::Optional(ty) => quote!(Option<#ty>),
            // Named through its group's module, where it is defined: the client's
            // methods use it from outside that module.
            Shape::Enum => self.item_path(&self.enum_ident()),
            Shape::Page { item, .. } => quote!(rt::Page<#item>),
        }
    }

    pub fn uses_models(&self) -> bool {
        let types = self
            .params
            .iter()
            .chain(&self.options)
            .map(Arg::owned)
            .chain([self.rust_type()]);
        types
            .chain(self.statuses.iter().filter_map(|(_, ty)| ty.clone()))
            .any(|ty| ty.to_string().contains("models"))
    }

    pub fn enum_ident(&self) -> Ident {
        ident(&format!("{}Response", self.stem().to_upper_camel_case()))
    }

    pub fn options_ident(&self) -> Ident {
        ident(&format!("{}Options", self.stem().to_upper_camel_case()))
    }

    pub fn request_fn(&self) -> Ident {
        ident(&format!("{}_request", self.stem()))
    }

    pub fn parse_fn(&self) -> Ident {
        ident(&format!("parse_{}", self.stem()))
    }

    /// The method name without `r#` or a keyword's `_`, to build other names on.
    fn stem(&self) -> &str {
        naming::unraw(&self.method).trim_end_matches('_')
    }

    /// The path to an item of the operation's group module, from the client module.
    pub fn item_path(&self, item: &Ident) -> TokenStream {
        match &self.group {
            Some(group) => {
                let group = ident(group);
                quote!(#group::#item)
            }
            None => quote!(#item),
        }
    }
}

/// Doc attributes, one per line so they print as `///` comments. Spec text only ever
/// becomes string literals, so it cannot inject code; the models' rules also keep it from
/// becoming a doctest of the generated crate (a fenced or indented block).
pub fn doc(text: &str) -> TokenStream {
    crate::emit::models::doc(text)
}

/// The identifier for a name made by [`naming`] or built on one (`r#type` is raw).
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// Names at the top of `client.rs` and crates its code names by path: a group module or
/// type called like one of them would clash with it or shadow it.
const CLIENT_ITEMS: &[&str] = &[
    "models",
    "rt",
    "http",
    "serde",
    "serde_json",
    "std",
    "core",
    "alloc",
    "examples",
    "Client",
    "Error",
    "ErrorBody",
    "Result",
];
/// `Client`'s own methods, which share a namespace with group accessors and ungrouped
/// operations.
const CLIENT_METHODS: &[&str] = &["new", "with_pipeline", "pipeline"];
/// Locals and fields of the generated functions that an argument must not shadow.
const LOCALS: &[&str] = &["r", "value", "options", "pipeline", "client"];

/// The module (and, camel-cased, type) of an operationId prefix: a snake_case name that
/// is neither a keyword nor one of [`CLIENT_ITEMS`], so any prefix gives a usable name.
fn group_module(prefix: &str) -> String {
    let snake = naming::snake_ident(prefix);
    let base = naming::unraw(&snake).trim_end_matches('_');
    let reserved = [base.to_owned(), base.to_upper_camel_case()]
        .iter()
        .any(|name| CLIENT_ITEMS.contains(&name.as_str()));
    match reserved || snake != base {
        true => format!("{base}_ops"),
        false => snake,
    }
}

pub fn plan(api: &Api) -> Result<Plan<'_>> {
    let resolver = api.resolver();
    let type_names = TypeNames::new(api);
    let mut operations = Vec::new();
    let mut client_params: Vec<Arg> = Vec::new();
    let mut error_bodies: Vec<String> = Vec::new();
    let mut error_body = quote!(serde_json::Value);
    // One client serves every spec, so an operationId may appear in only one of them.
    let mut seen: HashMap<&str, &Operation> = HashMap::new();
    let accessors: Vec<String> = api
        .operations()
        .filter_map(|(_, operation)| Some(group_module(operation.id.split_once('_')?.0)))
        .collect();
    let mut methods: HashMap<Option<String>, naming::Unique> = HashMap::new();
    for (spec, operation) in api.operations() {
        if let Some(first) = seen.insert(&operation.id, operation) {
            return Err(operation.location.error(format!(
                "operationId `{}` is also in {}; one client cannot hold both (generate each api-version on its own)",
                operation.id,
                first.location.file.display()
            )));
        }
        let (group, method) = match operation.id.split_once('_') {
            Some((group, method)) => (Some(group_module(group)), method),
            None => (None, operation.id.as_str()),
        };
        // Methods are unique within their group (or among Client's own methods), however
        // the operationIds differ (`Get` and `get`).
        let names = methods.entry(group.clone()).or_insert_with(|| {
            let mut names = naming::Unique::default();
            if group.is_none() {
                CLIENT_METHODS.iter().for_each(|n| names.reserve(n));
                accessors.iter().for_each(|n| names.reserve(n));
            }
            names
        });
        let method = names.take(naming::snake_ident(method));
        let mut params = Vec::new();
        let mut options = Vec::new();
        let mut api_version = None;
        for param in &operation.parameters {
            if param.client && param.param.name == API_VERSION && param.param.location == "query" {
                api_version = Some(spec.api_version().to_owned());
                continue;
            }
            let arg = arg(param, &params, &type_names)?;
            if param.client {
                if !client_params
                    .iter()
                    .any(|p| p.param.param.name == param.param.name)
                {
                    client_params.push(arg.clone());
                }
                params.push(arg);
            } else if param.param.required {
                params.push(arg);
            } else {
                options.push(arg);
            }
        }
        // Client-held parameters first, so the client passes them the same way everywhere.
        params.sort_by_key(|arg| !arg.client_held());
        let mut statuses = Vec::new();
        for (status, response) in &operation.responses {
            let ty = response.schema.as_ref().map(|s| schema_type(s, &type_names));
            match status.parse::<u16>() {
                Ok(code) => statuses.push((code, ty)),
                Err(_) if status == "default" => {
                    if let Some(ty) = ty {
                        error_bodies.push(ty.to_string());
                        error_body = ty;
                    }
                }
                Err(_) => {
                    return Err(operation
                        .location
                        .child("responses")
                        .child(status)
                        .error("a response status must be a number or `default`"))
                }
            }
        }
        let result = match &operation.pageable {
            Some(pageable) => {
                let item_name = pageable.item_name.clone().unwrap_or_else(|| "value".into());
                let page_schema = operation.responses.values().find_map(|r| r.schema.as_ref());
                let item = match page_schema {
                    Some(schema) => item_type(&resolver, &operation.location, schema, &item_name, &type_names)?,
                    None => quote!(serde_json::Value),
                };
                Shape::Page {
                    item,
                    item_name,
                    next_link_name: pageable.next_link_name.clone(),
                }
            }
            None => shape(&statuses),
        };
        operations.push(OperationPlan {
            operation,
            api_version,
            group,
            method,
            params,
            options,
            result,
            statuses,
        });
    }
    error_bodies.sort();
    error_bodies.dedup();
    if error_bodies.len() > 1 {
        error_body = quote!(serde_json::Value);
    }
    Ok(Plan {
        operations,
        client_params,
        error_body,
    })
}

fn shape(statuses: &[(u16, Option<TokenStream>)]) -> Shape {
    let mut types: Vec<String> = statuses
        .iter()
        .filter_map(|(_, ty)| ty.as_ref().map(|t| t.to_string()))
        .collect();
    types.sort();
    types.dedup();
    let first = statuses.iter().find_map(|(_, ty)| ty.clone());
    match (types.len(), first) {
        (0, _) | (_, None) => Shape::Unit,
        (1, Some(ty)) if statuses.iter().all(|(_, t)| t.is_some()) => Shape::One(ty),
        (1, Some(ty)) => Shape::Optional(ty),
        _ => Shape::Enum,
    }
}

fn arg(param: &Param, taken: &[Arg], type_names: &TypeNames) -> Result<Arg> {
    let p = &param.param;
    let name = p.client_name.as_deref().unwrap_or(&p.name);
    let mut names = naming::Unique::default();
    LOCALS.iter().for_each(|local| names.reserve(local));
    taken
        .iter()
        .for_each(|arg| names.reserve(&arg.ident.to_string()));
    let snake = names.take(naming::snake_ident(name));
    let kind = if p.location == "body" {
        Kind::Body(
            p.schema
                .as_ref()
                .map_or(quote!(serde_json::Value), |s| schema_type(s, type_names)),
        )
    } else {
        match p.type_.as_deref() {
            Some("array") => Kind::Array(p.items.as_deref().map_or(quote!(String), |s| schema_type(s, type_names))),
            Some("string") | Some("file") | None => Kind::Str,
            Some(other) => Kind::Scalar(primitive(other, p.format.as_deref())),
        }
    };
    if !["path", "query", "header", "body"].contains(&p.location.as_str()) {
        return Err(param.location.error(format!(
            "parameters in `{}` are not supported by the client",
            p.location
        )));
    }
    Ok(Arg {
        param: param.clone(),
        ident: ident(&snake),
        kind,
    })
}

fn primitive(ty: &str, format: Option<&str>) -> TokenStream {
    match (ty, format) {
        ("integer", Some("int64")) => quote!(i64),
        ("integer", _) => quote!(i32),
        ("number", Some("float")) => quote!(f32),
        ("number", _) => quote!(f64),
        ("boolean", _) => quote!(bool),
        ("string", _) => quote!(String),
        _ => quote!(serde_json::Value),
    }
}

/// The Rust type of a body schema, per the models' naming contract.
pub fn schema_type(schema: &Schema, type_names: &TypeNames) -> TokenStream {
    if let Some(reference) = &schema.reference {
        if let Some((_, name)) = reference
            .rsplit_once("/definitions/")
            .filter(|(_, name)| !name.contains('/'))
        {
            let name = ident(&type_names.get(name));
            return quote!(models::#name);
        }
        return quote!(serde_json::Value);
    }
    match schema.type_.as_deref() {
        Some("array") => {
            let item = schema
                .items
                .as_deref()
                .map_or(quote!(serde_json::Value), |s| schema_type(s, type_names));
            quote!(Vec<#item>)
        }
        Some("object") => match &schema.additional_properties {
            Some(AdditionalProperties::Schema(values)) if schema.properties.is_empty() => {
                let value = schema_type(values, type_names);
                quote!(std::collections::HashMap<String, #value>)
            }
            _ => quote!(serde_json::Value),
        },
        Some(other) => primitive(other, schema.format.as_deref()),
        None => quote!(serde_json::Value),
    }
}

/// The item type of a pageable list: the array property `item_name` of the page schema,
/// looked up through `$ref` and `allOf`.
fn item_type(
    resolver: &Resolver<'_>,
    at: &Location,
    schema: &Schema,
    item_name: &str,
    type_names: &TypeNames,
) -> Result<TokenStream> {
    let mut pending = vec![(at.clone(), schema.clone())];
    let mut seen = Vec::new();
    while let Some((at, schema)) = pending.pop() {
        if let Some(items) = schema
            .properties
            .get(item_name)
            .and_then(|p| p.items.as_deref())
        {
            return Ok(schema_type(items, type_names));
        }
        if let Some(reference) = &schema.reference {
            let target = parse_ref(&at, reference)?;
            if seen.contains(&target) {
                continue;
            }
            seen.push(target.clone());
            let (location, value) = resolver.resolve(&target)?;
            pending.push((
                location.clone(),
                crate::model::deserialize(&location, value)?,
            ));
        }
        pending.extend(schema.all_of.iter().map(|part| (at.clone(), part.clone())));
    }
    Ok(quote!(serde_json::Value))
}
