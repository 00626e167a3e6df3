//! The operations as the client presents them, decided once: the group and Rust names of
//! each operation, its arguments with their types from the type space, and the shape of
//! its result. Every name is taken from the registry of the scope it lives in, so names
//! that the spec spells differently but that read alike in Rust (`Foo_GetBar`,
//! `Foo_Get_Bar`) still become distinct items.

use super::bodies::{self, Encoding, RequestBody};
use super::names::{self, Registry, PRELUDE};
use super::types::{nullable, Converter, Owner, StringFormat, Type, XmlNode};
use super::{Api, Media, Method, Operation, Param, Place, Status};
use crate::error::Result;
use crate::resolve::Location;
use crate::swagger::Schema;
use heck::ToUpperCamelCase;

mod grouping;
mod next;

use grouping::group_of_param;
pub use grouping::ParamGroup;
use next::next_operation;
pub use next::{NextArg, NextOperation};

/// Names at the top of `client.rs` and in its group modules, and crates its code names
/// by path: a module or type called like one of them would clash with it or shadow it.
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
const LOCALS: &[&str] = &[
    "r",
    "value",
    "options",
    "pipeline",
    "client",
    "link",
    "next_options",
];

/// The client: its groups and operations, and what every operation shares.
#[derive(Debug)]
pub struct Client<'a> {
    pub groups: Vec<Group>,
    pub operations: Vec<ClientOperation<'a>>,
    /// Parameters the client holds (`subscriptionId`), in order of first use.
    pub client_params: Vec<Arg<'a>>,
    /// The body of `default` replies, when every operation documents the same one.
    pub error_body: Option<Type>,
    /// Whether any type of the client is one of the models.
    pub uses_models: bool,
    pub authentication: Authentication,
    /// The structs of `x-ms-parameter-grouping`, at the top of the client (operations
    /// of several groups may share one).
    pub param_groups: Vec<ParamGroup>,
}

/// How the client authenticates, from the spec's `security`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Authentication {
    /// None declared: a bearer token for Azure Resource Manager, the runtime's default.
    Arm,
    /// OAuth 2 (Azure Active Directory): a bearer token for this scope.
    Bearer { scope: String },
    /// An `apiKey` in this header.
    Key { header: String },
}

/// The operations sharing an operationId prefix (`Registries_*`).
#[derive(Debug)]
pub struct Group {
    /// The module of the group's sans-IO functions, which is also its accessor on `Client`
    /// unless `Client` already has a method of that name.
    pub module: String,
    pub accessor: String,
    /// The struct whose methods are the group's operations.
    pub type_name: String,
    /// How the docs name the group: the module in UpperCamelCase.
    pub title: String,
}

#[derive(Debug)]
pub struct ClientOperation<'a> {
    pub operation: &'a Operation,
    /// Index into [`Client::groups`]; `None` for an operationId without `_`, whose
    /// items sit at the top of the client.
    pub group: Option<usize>,
    pub names: OperationNames,
    /// In the order of the request function's arguments: client-held, then required.
    pub params: Vec<Arg<'a>>,
    pub options: Vec<Arg<'a>>,
    /// Parameters every request sends with one value ([`Param::constant`]), with its text.
    pub constants: Vec<(&'a Param, String)>,
    /// How the body or the `formData` fields go out, if the operation has any.
    pub body: Option<RequestBody>,
    pub result: Shape,
    /// Documented success statuses with the type of their body, if any.
    pub statuses: Vec<(u16, Option<Type>)>,
    /// The headers the success replies declare, returned with the body; none for paged
    /// and long-running operations, whose headers are the runtime's to follow.
    pub headers: Vec<ResponseHeader>,
    /// The error replies documented by status (`x-ms-error-response`), when the operation
    /// has its own error model (an enum per operation).
    pub errors: Option<ErrorStatuses>,
    /// The parameter groups the operation takes, indexes into [`Client::param_groups`],
    /// in order of first use; their members are among `params` and `options` with
    /// [`Arg::group`] set.
    pub groups: Vec<usize>,
    /// `x-ms-pageable`'s `operationName`: the operation whose request fetches the next
    /// pages.
    pub next: Option<NextOperation>,
    /// The XML form of the request body, when the operation consumes XML.
    pub request_xml: Option<XmlNode>,
}

/// A header a reply declares, as the caller gets it.
#[derive(Debug, Clone)]
pub struct ResponseHeader {
    /// As the spec writes it (HTTP compares names without case).
    pub name: String,
    /// `x-ms-header-collection-prefix`: the field is a map of every header whose name
    /// starts with it, by the rest of the name.
    pub prefix: Option<String>,
    pub ident: String,
    pub ty: Type,
    pub description: Option<String>,
}

/// An operation's error replies: by status, and the `default` one.
#[derive(Debug, Clone)]
pub struct ErrorStatuses {
    pub statuses: Vec<(u16, Option<Type>)>,
    /// The body of any other status: the `default` reply's schema, else any JSON.
    pub default: Type,
}

impl ClientOperation<'_> {
    /// The types of the bodies that travel in XML: the request's and the replies'.
    pub fn xml_bodies(&self) -> Vec<&Type> {
        let mut bodies = Vec::new();
        if self.request_xml.is_some() {
            let args = self.params.iter().chain(&self.options);
            bodies.extend(args.filter(|a| a.param.place == Place::Body).map(|a| &a.ty));
        }
        if self.operation.reply_media == Media::Xml {
            bodies.extend(self.statuses.iter().filter_map(|(_, ty)| ty.as_ref()));
        }
        bodies
    }
}

/// The Rust names of one operation's items.
#[derive(Debug)]
pub struct OperationNames {
    /// The method on the group's struct (or on `Client`).
    pub method: String,
    pub request_fn: String,
    pub parse_fn: String,
    /// The struct of optional parameters, if there are any.
    pub options: Option<String>,
    /// The enum of results, for [`Shape::Enum`].
    pub response: Option<String>,
    /// The enum of media types the body can be sent as, for [`RequestBody::Choice`].
    pub body: Option<String>,
    /// The struct of response headers, when the replies declare some.
    pub headers: Option<String>,
    /// The enum of error models, for [`ClientOperation::errors`].
    pub error: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Arg<'a> {
    pub param: &'a Param,
    pub ident: String,
    pub ty: Type,
    /// The parameter group holding it (an index into [`Client::param_groups`]) and its
    /// field there.
    pub group: Option<(usize, String)>,
}

impl Arg<'_> {
    /// Whether the caller must give it: the client holds it, or it is required.
    pub fn required(&self) -> bool {
        self.param.client || self.param.param.required
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    Unit,
    One(Type),
    /// Some statuses have a body, others none.
    Optional(Type),
    /// Statuses with different bodies: an enum per operation.
    Enum,
    /// A `HEAD` documenting a 2xx and 404, neither with a body: `true` for a 2xx, `false`
    /// for 404.
    Exists,
    /// `x-ms-pageable`: pages of items.
    Page {
        item: Type,
        item_name: String,
        next_link_name: Option<String>,
    },
}

/// Registries of one module of the client.
#[derive(Default)]
struct Scope {
    types: Registry,
    functions: Registry,
    /// The methods of the group's struct (or of `Client`).
    methods: Registry,
}

impl Scope {
    fn module() -> Self {
        Self {
            types: Registry::with_reserved(CLIENT_ITEMS.iter().chain(PRELUDE).copied()),
            ..Self::default()
        }
    }
}

pub(super) fn build<'a>(api: &'a Api, types: &mut Converter<'_>) -> Result<Client<'a>> {
    let mut top = Scope::module();
    top.methods = Registry::with_reserved(CLIENT_METHODS.iter().copied());
    let mut groups: Vec<Group> = Vec::new();
    let mut scopes: Vec<Scope> = Vec::new();
    // Prefixes spelled alike but for case (`HttpSuccess_Head200`, `httpSuccess_Post204`)
    // are one group, as AutoRest makes them: keyed by the module name they give.
    let mut group_of: indexmap::IndexMap<String, usize> = indexmap::IndexMap::new();
    // Groups first, in the order met: their accessors come before ungrouped methods.
    for (_, operation) in api.operations() {
        if let Some((prefix, _)) = operation.id.split_once('_') {
            let key = group_module(prefix);
            if group_of.contains_key(&key) {
                continue;
            }
            let module = top.types.take(key.clone());
            let title = module.to_upper_camel_case();
            group_of.insert(key, groups.len());
            groups.push(Group {
                accessor: top.methods.take(module.clone()),
                type_name: top.types.take(title.clone()),
                title,
                module,
            });
            scopes.push(Scope::module());
        }
    }
    let mut operations = Vec::new();
    let mut param_groups: Vec<ParamGroup> = Vec::new();
    let mut client_params: Vec<Arg<'a>> = Vec::new();
    let mut error_bodies: Vec<Type> = Vec::new();
    for (_, operation) in api.operations() {
        let (group, method) = match operation.id.split_once('_') {
            Some((prefix, method)) => (Some(group_of[&group_module(prefix)]), method),
            None => (None, operation.id.as_str()),
        };
        let scope = match group {
            Some(index) => &mut scopes[index],
            None => &mut top,
        };
        let method = scope.methods.take(names::snake_ident(method));
        let hint = names::camel(&operation.id, "Operation");
        let mut idents = Registry::with_reserved(LOCALS.iter().copied());
        let mut groups = Vec::new();
        let mut params = Vec::new();
        let mut options = Vec::new();
        let mut constants = Vec::new();
        let body = request_body(operation)?;
        for param in operation.parameters.iter().filter(|p| !p.is_api_version()) {
            if let Some(value) = param.constant() {
                constants.push((param, value));
                continue;
            }
            let name = param
                .param
                .client_name
                .as_deref()
                .unwrap_or(&param.param.name);
            let mut arg = Arg {
                param,
                ident: idents.take(names::snake_ident(name)),
                ty: param_type(param, body.as_ref(), &hint, types)?,
                group: None,
            };
            if let Some(grouping) = param.param.grouping.as_ref().filter(|_| !param.client) {
                let group = group_of_param(&mut param_groups, grouping, &operation.id, &arg);
                if !groups.contains(&group.0) {
                    groups.push(group.0);
                }
                arg.group = Some(group);
            }
            if param.client {
                // The client holds one value, of the type its first operation gives it
                // (files of one API may disagree: `subscriptionId` is text in ARM's
                // common-types v1 and a uuid in v2).
                match client_params
                    .iter()
                    .find(|p| p.param.param.name == param.param.name)
                {
                    Some(held) => arg.ty = held.ty.clone(),
                    None => client_params.push(arg.clone()),
                }
                params.push(arg);
            } else if param.param.required {
                params.push(arg);
            } else {
                options.push(arg);
            }
        }
        // Client-held parameters first, so the client passes them the same way everywhere.
        params.sort_by_key(|arg| !arg.param.client);
        let request_xml = match (operation.request_media, operation.body()) {
            (Media::Xml, Some(body)) => match &body.param.schema {
                Some(schema) => Some(types.xml_node(
                    schema,
                    &body.location.child("schema"),
                    &body.param.name,
                    true,
                )?),
                None => None,
            },
            _ => None,
        };
        let mut statuses = Vec::new();
        let mut error_statuses = Vec::new();
        let mut default_error = None;
        let mut first_body = None;
        for (status, response) in &operation.responses {
            let ty = match &response.schema {
                Some(schema) if bodies::is_binary(schema) => Some(Type::Binary),
                Some(schema) => {
                    let owner = Owner::top(format!("{hint}Response"));
                    let schema = &reply_schema(schema);
                    let ty = types.ty(schema, &response.location.child("schema"), &owner)?;
                    // A body that may be `null` is `None` to the caller, as AutoRest makes
                    // a response nullable exactly when its schema is.
                    Some(nullable(schema, ty))
                }
                None => None,
            };
            match status {
                Status::Code(code) if response.error => error_statuses.push((*code, ty)),
                Status::Code(code) => {
                    if first_body.is_none() {
                        first_body = ty.clone();
                    }
                    statuses.push((*code, ty));
                }
                Status::Default => default_error = ty,
            }
        }
        // Paged and long-running operations go through the runtime's pager and poller,
        // which read errors as one model: their error statuses are errors of that model.
        let plain = operation.pageable.is_none() && operation.long_running.is_none();
        let errors = (plain && !error_statuses.is_empty()).then(|| ErrorStatuses {
            statuses: error_statuses,
            default: default_error.clone().unwrap_or(Type::Json),
        });
        if let Some(ty) = default_error.filter(|ty| errors.is_none() && !error_bodies.contains(ty))
        {
            error_bodies.push(ty);
        }
        let headers = match plain {
            true => response_headers(operation, &hint, types)?,
            false => Vec::new(),
        };
        let result = match &operation.pageable {
            Some(pageable) => {
                let item_name = pageable.item_name.clone().unwrap_or_else(|| "value".into());
                let item = first_body
                    .and_then(|page| types.field_type(&page, &item_name))
                    .and_then(|field| match field {
                        Type::Vec(item) => Some(*item),
                        _ => None,
                    })
                    .unwrap_or(Type::Json);
                Shape::Page {
                    item,
                    item_name,
                    next_link_name: pageable.next_link_name.clone(),
                }
            }
            // The reply that ends a POST or DELETE may have no body (a `204` from its
            // `Location`) whatever the spec documents for the first reply.
            None => match (shape(&statuses), operation.method) {
                (Shape::One(ty), Method::Post | Method::Delete)
                    if operation.long_running.is_some() =>
                {
                    Shape::Optional(ty)
                }
                // ARM's existence checks (`CheckExistence`: 204 or 404): the caller gets
                // which one, as AutoRest's `head-as-boolean` does.
                (Shape::Unit, Method::Head)
                    if operation.long_running.is_none()
                        && statuses.iter().any(|(code, _)| *code == 404)
                        && statuses.iter().any(|(code, _)| (200..300).contains(code)) =>
                {
                    Shape::Exists
                }
                (shape, _) => shape,
            },
        };
        let stem = names::unraw(&method).trim_end_matches('_').to_owned();
        let camel_stem = stem.to_upper_camel_case();
        let names = OperationNames {
            options: options
                .iter()
                .any(|arg| arg.group.is_none())
                .then(|| scope.types.take(format!("{camel_stem}Options"))),
            response: (result == Shape::Enum)
                .then(|| scope.types.take(format!("{camel_stem}Response"))),
            body: matches!(body, Some(RequestBody::Choice(_)))
                .then(|| scope.types.take(format!("{camel_stem}Body"))),
            headers: (!headers.is_empty())
                .then(|| scope.types.take(format!("{camel_stem}Headers"))),
            error: errors
                .as_ref()
                .map(|_| scope.types.take(format!("{camel_stem}Error"))),
            request_fn: scope.functions.take(format!("{stem}_request")),
            parse_fn: scope.functions.take(format!("parse_{stem}")),
            method,
        };
        operations.push(ClientOperation {
            operation,
            group,
            names,
            params,
            options,
            constants,
            body,
            result,
            statuses,
            headers,
            errors,
            groups,
            next: None,
            request_xml,
        });
    }
    // Named once every operation's items are: they share the top of the client.
    for group in &mut param_groups {
        group.type_name = top.types.take(std::mem::take(&mut group.type_name));
    }
    for index in 0..operations.len() {
        let Some(name) = operations[index]
            .operation
            .pageable
            .as_ref()
            .and_then(|p| p.operation_name.as_deref())
        else {
            continue;
        };
        operations[index].next = next_operation(&operations, index, name)?;
    }
    let error_body = match error_bodies.as_slice() {
        [one] => Some(one.clone()),
        // Several bodies: only JSON is common to them all.
        _ => None,
    };
    let uses_models = error_body.as_ref().is_some_and(Type::names_entry)
        || operations.iter().any(|op| {
            let args = op.params.iter().chain(&op.options).map(|arg| &arg.ty);
            let results = op.statuses.iter().filter_map(|(_, ty)| ty.as_ref());
            let page = match &op.result {
                Shape::Page { item, .. } => Some(item),
                _ => None,
            };
            let headers = op.headers.iter().map(|header| &header.ty);
            let errors = op.errors.iter().flat_map(|errors| {
                let statuses = errors.statuses.iter().filter_map(|(_, ty)| ty.as_ref());
                statuses.chain(Some(&errors.default))
            });
            args.chain(results)
                .chain(page)
                .chain(headers)
                .chain(errors)
                .any(Type::names_entry)
        });
    Ok(Client {
        groups,
        operations,
        client_params,
        error_body,
        uses_models,
        authentication: authentication(api),
        param_groups,
    })
}

/// The first scheme the first spec declaring `security` requires: a key in a header, or
/// an OAuth 2 scope that is a resource's URI. Any other (basic, a key in the query) is
/// left to the caller's pipeline, with ARM's default.
fn authentication(api: &Api) -> Authentication {
    let Some(spec) = api.specs.iter().find(|spec| !spec.spec.security.is_empty()) else {
        return Authentication::Arm;
    };
    let required = spec.spec.security.iter().flat_map(|option| option.iter());
    for (name, scopes) in required {
        let Some(scheme) = spec.spec.security_definitions.get(name) else {
            continue;
        };
        match (
            scheme.type_.as_str(),
            scheme.location.as_deref(),
            &scheme.name,
        ) {
            ("apiKey", Some("header"), Some(header)) => {
                return Authentication::Key {
                    header: header.clone(),
                }
            }
            // Only a resource's scope (`https://x/.default`): ARM specs name the delegated
            // permission `user_impersonation`, for which ARM's own scope is right.
            ("oauth2", _, _) => {
                if let Some(scope) = scopes.iter().find(|scope| scope.contains("://")) {
                    return Authentication::Bearer {
                        scope: scope.clone(),
                    };
                }
            }
            _ => {}
        }
    }
    Authentication::Arm
}

/// The module name of an operationId prefix: its snake_case, or with `_ops` where that
/// would be a keyword or name something the client's code uses.
fn group_module(prefix: &str) -> String {
    let snake = names::snake_ident(prefix);
    let base = names::unraw(&snake).trim_end_matches('_');
    let reserved = [base.to_owned(), base.to_upper_camel_case()]
        .iter()
        .any(|name| CLIENT_ITEMS.contains(&name.as_str()) || PRELUDE.contains(&name.as_str()));
    match reserved || snake != base {
        true => format!("{base}_ops"),
        false => snake,
    }
}

/// The headers the success replies declare, each name once (HTTP compares them without
/// case), typed as a header parameter would be.
fn response_headers(
    operation: &Operation,
    hint: &str,
    types: &mut Converter<'_>,
) -> Result<Vec<ResponseHeader>> {
    let mut idents = Registry::default();
    let mut headers: Vec<ResponseHeader> = Vec::new();
    let success = operation
        .responses
        .iter()
        .filter(|(status, response)| matches!(status, Status::Code(_)) && !response.error);
    for (_, response) in success {
        for (name, header) in &response.headers {
            if headers.iter().any(|h| h.name.eq_ignore_ascii_case(name)) {
                continue;
            }
            let at = response.location.child("headers").child(name);
            let owner = Owner::top(format!("{hint}{}", names::camel(name, "Header")));
            let ty = match header.header_collection_prefix {
                Some(_) => header_collection(),
                None => scalar_type(
                    scalar_schema(
                        header.type_.as_deref(),
                        header.format.clone(),
                        header.items.clone(),
                        header.enum_values.clone(),
                        header.x_ms_enum.clone(),
                        header.description.clone(),
                    ),
                    "a response header",
                    &at,
                    &owner,
                    types,
                )?,
            };
            headers.push(ResponseHeader {
                prefix: header.header_collection_prefix.clone(),
                name: name.clone(),
                ident: idents.take(names::snake_ident(
                    header.client_name.as_deref().unwrap_or(name),
                )),
                ty,
                description: header.description.clone(),
            });
        }
    }
    Ok(headers)
}

/// How the operation's body or `formData` fields go out; `None` when it has neither.
fn request_body(operation: &super::Operation) -> Result<Option<RequestBody>> {
    let fields = || {
        operation
            .parameters
            .iter()
            .filter(|p| p.place == Place::FormData)
    };
    let form = fields().next();
    Ok(match (operation.body(), form) {
        (Some(body), Some(_)) => {
            return Err(body
                .location
                .error("an operation cannot have both a body parameter and formData parameters"))
        }
        (Some(body), None) => {
            let binary = body.param.schema.as_deref().is_some_and(bodies::is_binary);
            Some(bodies::request_body(&operation.consumes, binary))
        }
        (None, Some(_)) => {
            let has_file = fields().any(|p| file_field(p).is_some());
            Some(bodies::form(&operation.consumes, has_file))
        }
        (None, None) => None,
    })
}

/// The type of a `formData` field that holds files: `type: file`, or an array of them.
fn file_field(param: &Param) -> Option<Type> {
    let p = &param.param;
    let is_file = |schema_type: Option<&str>| schema_type == Some("file");
    let items = p.items.as_ref().and_then(|items| items.type_.as_deref());
    match (param.place, p.type_.as_deref()) {
        (Place::FormData, ty) if is_file(ty) => Some(Type::Binary),
        (Place::FormData, Some("array")) if is_file(items) => {
            Some(Type::Vec(Box::new(Type::Binary)))
        }
        _ => None,
    }
}

/// The type of a parameter's value: its schema for a body (bytes or text where that is
/// how the body goes), else the parameter itself read as a schema (a string when it has
/// no type, as Swagger's default; bytes for a `type: file` form field).
fn param_type(
    param: &Param,
    body: Option<&RequestBody>,
    hint: &str,
    types: &mut Converter<'_>,
) -> Result<Type> {
    let p = &param.param;
    let owner = Owner::top(format!("{hint}{}", names::camel(&p.name, "Param")));
    if param.place == Place::Body {
        let encoding = match body {
            Some(RequestBody::One { encoding, .. }) => Some(*encoding),
            _ => None,
        };
        return match (&p.schema, encoding) {
            (_, Some(Encoding::Bytes)) => Ok(Type::Binary),
            (_, Some(Encoding::Text)) => Ok(Type::String(StringFormat::Plain)),
            (Some(schema), _) => types.ty(schema, &param.location.child("schema"), &owner),
            (None, _) => Ok(Type::Json),
        };
    }
    if let Some(ty) = file_field(param) {
        return Ok(ty);
    }
    if p.header_collection_prefix.is_some() {
        return Ok(header_collection());
    }
    let schema = scalar_schema(
        p.type_.as_deref(),
        p.format.clone(),
        p.items.clone(),
        p.enum_values.clone(),
        p.x_ms_enum.clone(),
        p.description.clone(),
    );
    let what = format!("a {} parameter", place_name(param.place));
    scalar_type(schema, &what, &param.location, &owner, types)
}

/// The type of an `x-ms-header-collection-prefix` parameter or response header: text by
/// the rest of each header's name.
fn header_collection() -> Type {
    Type::Map(Box::new(Type::String(StringFormat::Plain)))
}

/// A parameter or header read as a schema: a string when it has no type, as Swagger's
/// default.
fn scalar_schema(
    type_: Option<&str>,
    format: Option<String>,
    items: Option<Box<Schema>>,
    enum_values: Option<Vec<serde_json::Value>>,
    x_ms_enum: Option<crate::swagger::XmsEnum>,
    description: Option<String>,
) -> Schema {
    Schema {
        type_: Some(type_.unwrap_or("string").to_owned()),
        format,
        items,
        enum_values,
        x_ms_enum,
        description,
        ..Schema::default()
    }
}

/// The type of a value sent or read as text (`what`, at `at`): a scalar or an array of
/// scalars.
fn scalar_type(
    schema: Schema,
    what: &str,
    at: &Location,
    owner: &Owner,
    types: &mut Converter<'_>,
) -> Result<Type> {
    let scalar = ["string", "integer", "number", "boolean", "array"];
    if let Some(other) = schema.type_.as_deref().filter(|t| !scalar.contains(t)) {
        return Err(at.child("type").error(format!(
            "{what} cannot be of type `{other}`: only string, number, integer, boolean and array are"
        )));
    }
    let ty = types.ty(&schema, at, owner)?;
    match &ty {
        Type::Vec(item)
            if matches!(
                **item,
                Type::Vec(_) | Type::Map(_) | Type::Json | Type::JsonObject
            ) =>
        {
            Err(at.child("items").error(
                "the items of an array parameter must be strings, numbers, integers or booleans",
            ))
        }
        _ => Ok(ty),
    }
}

/// A reply's schema as the client reads it: a constant (a closed enum of one value) is
/// its value's type, as AutoRest's modeler types replies, so that a reply is read as the
/// type it is (a date, a timestamp) rather than refused for differing from the constant.
fn reply_schema(schema: &Schema) -> std::borrow::Cow<'_, Schema> {
    let one_value = schema.enum_values.as_ref().is_some_and(|v| v.len() == 1);
    let closed = schema
        .x_ms_enum
        .as_ref()
        .is_some_and(|e| !e.model_as_string);
    match one_value && closed {
        true => std::borrow::Cow::Owned(Schema {
            enum_values: None,
            x_ms_enum: None,
            ..schema.clone()
        }),
        false => std::borrow::Cow::Borrowed(schema),
    }
}

fn place_name(place: Place) -> &'static str {
    match place {
        Place::Path => "path",
        Place::Query => "query",
        Place::Header => "header",
        Place::Body => "body",
        Place::FormData => "formData",
    }
}

fn shape(statuses: &[(u16, Option<Type>)]) -> Shape {
    let mut types: Vec<&Type> = Vec::new();
    for ty in statuses.iter().filter_map(|(_, ty)| ty.as_ref()) {
        if !types.contains(&ty) {
            types.push(ty);
        }
    }
    match types.as_slice() {
        [] => Shape::Unit,
        // A nullable body already says "none": a status without one reads as `None`.
        [one] if statuses.iter().all(|(_, t)| t.is_some()) || matches!(one, Type::Nullable(_)) => {
            Shape::One((*one).clone())
        }
        [one] => Shape::Optional((*one).clone()),
        _ => Shape::Enum,
    }
}
