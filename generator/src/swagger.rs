//! The typed Swagger 2.0 model: the subset of the format, with Azure's `x-ms-*`
//! extensions, that armgen reads. It is deserialized from the raw document (which stays
//! available beside it for the dereferenced view and for examples); references stay
//! unresolved here (`reference` fields), and the resolver follows them on demand.
//!
//! Unknown keys are ignored, so specs using more of Swagger than armgen needs still load.

use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::Value;

#[derive(Debug, Clone, Deserialize)]
pub struct Spec {
    #[serde(default)]
    pub info: Info,
    /// Emptied, like `x_ms_paths`, once loading has made them the spec's operations
    /// (`model::SpecFile::operations`).
    #[serde(default)]
    pub paths: IndexMap<String, PathItem>,
    /// `x-ms-paths`: more paths, whose keys may end in a query string that only tells
    /// them apart from `paths` (`/list?next`).
    #[serde(rename = "x-ms-paths", default)]
    pub x_ms_paths: IndexMap<String, PathItem>,
    /// The definitions' names. The model reads each schema from the spec's JSON, as it
    /// reads every schema a `$ref` reaches: typed here too, they were a second copy of
    /// half the spec held for the whole run.
    #[serde(default)]
    pub definitions: IndexMap<String, serde::de::IgnoredAny>,
    #[serde(default)]
    pub parameters: IndexMap<String, Parameter>,
    /// The media types of replies, unless an operation names its own.
    #[serde(default)]
    pub produces: Vec<String>,
    /// The media types of request bodies, unless an operation names its own.
    #[serde(default)]
    pub consumes: Vec<String>,
    /// How callers authenticate, by scheme name.
    #[serde(rename = "securityDefinitions", default)]
    pub security_definitions: IndexMap<String, SecurityScheme>,
    /// The schemes every operation requires (any one of the objects), with their scopes.
    #[serde(default)]
    pub security: Vec<IndexMap<String, Vec<String>>>,
    #[serde(default)]
    pub schemes: Vec<String>,
    #[serde(rename = "x-ms-parameterized-host")]
    pub parameterized_host: Option<ParameterizedHost>,
}

/// A `securityDefinitions` entry.
#[derive(Debug, Clone, Deserialize)]
pub struct SecurityScheme {
    /// `apiKey`, `oauth2` or `basic`.
    #[serde(rename = "type")]
    pub type_: String,
    /// The header or query parameter of an `apiKey`.
    pub name: Option<String>,
    /// `header` or `query`, for an `apiKey`.
    #[serde(rename = "in")]
    pub location: Option<String>,
}

/// `x-ms-parameterized-host`: the endpoint as a template whose parameters the client or
/// each call supplies.
#[derive(Debug, Clone, Deserialize)]
pub struct ParameterizedHost {
    #[serde(rename = "hostTemplate")]
    pub host_template: String,
    /// Whether the template is prefixed with the spec's scheme and `://`.
    #[serde(rename = "useSchemePrefix", default = "yes")]
    pub use_scheme_prefix: bool,
    /// `first` or `last`: where the method's host parameters go among its arguments.
    #[serde(rename = "positionInOperation")]
    pub position_in_operation: Option<String>,
    #[serde(default)]
    pub parameters: Vec<Parameter>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Info {
    #[serde(default)]
    pub version: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct PathItem {
    pub get: Option<Operation>,
    pub put: Option<Operation>,
    pub post: Option<Operation>,
    pub delete: Option<Operation>,
    pub options: Option<Operation>,
    pub head: Option<Operation>,
    pub patch: Option<Operation>,
    #[serde(default)]
    pub parameters: Vec<Parameter>,
}

impl PathItem {
    /// The operations with their lower-case method names, in a fixed order.
    pub fn operations(&self) -> impl Iterator<Item = (&'static str, &Operation)> {
        [
            ("get", &self.get),
            ("put", &self.put),
            ("post", &self.post),
            ("delete", &self.delete),
            ("options", &self.options),
            ("head", &self.head),
            ("patch", &self.patch),
        ]
        .into_iter()
        .filter_map(|(method, operation)| Some((method, operation.as_ref()?)))
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Operation {
    #[serde(rename = "operationId")]
    pub operation_id: Option<String>,
    pub summary: Option<String>,
    pub description: Option<String>,
    #[serde(default)]
    pub parameters: Vec<Parameter>,
    #[serde(default)]
    pub responses: IndexMap<String, Response>,
    /// Replaces the spec's `produces` for this operation.
    pub produces: Option<Vec<String>>,
    /// Replaces the spec's `consumes` for this operation.
    pub consumes: Option<Vec<String>>,
    #[serde(rename = "x-ms-long-running-operation", default)]
    pub long_running: bool,
    #[serde(rename = "x-ms-long-running-operation-options")]
    pub long_running_options: Option<LongRunningOptions>,
    #[serde(rename = "x-ms-pageable")]
    pub pageable: Option<Pageable>,
    /// Example name to a `{"$ref": "./examples/X.json"}` object.
    #[serde(rename = "x-ms-examples", default)]
    pub examples: IndexMap<String, Reference>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Reference {
    #[serde(rename = "$ref")]
    pub reference: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LongRunningOptions {
    /// `azure-async-operation`, `location` or `original-uri`.
    #[serde(rename = "final-state-via")]
    pub final_state_via: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Pageable {
    /// `None` (JSON `null`) when the list comes in one page.
    #[serde(rename = "nextLinkName")]
    pub next_link_name: Option<String>,
    #[serde(rename = "itemName")]
    pub item_name: Option<String>,
    /// The operation that fetches the next pages, when not a GET of the next link.
    #[serde(rename = "operationName")]
    pub operation_name: Option<String>,
}

/// A parameter, or a `$ref` to one of the spec's global `parameters`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Parameter {
    #[serde(rename = "$ref")]
    pub reference: Option<String>,
    #[serde(default)]
    pub name: String,
    /// `path`, `query`, `header`, `body` or `formData`.
    #[serde(rename = "in", default)]
    pub location: String,
    pub description: Option<String>,
    #[serde(default)]
    pub required: bool,
    /// The body's schema (only for `in: body`). Boxed, as most parameters have none: a
    /// `Schema` is 500 bytes, and each operation holds its parameters resolved.
    pub schema: Option<Box<Schema>>,
    #[serde(rename = "type")]
    pub type_: Option<String>,
    pub format: Option<String>,
    pub items: Option<Box<Schema>>,
    #[serde(rename = "enum")]
    pub enum_values: Option<Vec<Value>>,
    #[serde(rename = "x-ms-enum")]
    pub x_ms_enum: Option<XmsEnum>,
    #[serde(rename = "collectionFormat")]
    pub collection_format: Option<String>,
    /// `client` or `method`: whether the client or each call supplies the value.
    #[serde(rename = "x-ms-parameter-location")]
    pub x_ms_parameter_location: Option<String>,
    #[serde(rename = "x-ms-skip-url-encoding", default)]
    pub skip_url_encoding: bool,
    /// `false` says a query parameter named `api-version` is not the API's version.
    #[serde(rename = "x-ms-api-version")]
    pub x_ms_api_version: Option<bool>,
    #[serde(rename = "x-ms-client-name")]
    pub client_name: Option<String>,
    #[serde(rename = "x-ms-parameter-grouping")]
    pub grouping: Option<ParameterGrouping>,
    /// A header parameter that is a map, each entry sent as the header `prefix` + key.
    #[serde(rename = "x-ms-header-collection-prefix")]
    pub header_collection_prefix: Option<String>,
}

/// `x-ms-parameter-grouping`: the parameter is a field of a struct the method takes.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ParameterGrouping {
    /// The group's name; without one, the operation's name and `postfix` make it.
    pub name: Option<String>,
    /// Replaces `Parameters` at the end of the name made from the operation's.
    pub postfix: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Response {
    #[serde(rename = "$ref")]
    pub reference: Option<String>,
    /// Boxed like [`Parameter::schema`]: many replies have none.
    pub schema: Option<Box<Schema>>,
    /// The headers the reply carries, by name.
    #[serde(default)]
    pub headers: IndexMap<String, Header>,
    /// Marks a documented status as an error reply, not a success.
    #[serde(rename = "x-ms-error-response", default)]
    pub x_ms_error_response: bool,
}

/// A response header: a scalar (or an array of them) as a non-body parameter is.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Header {
    pub description: Option<String>,
    #[serde(rename = "type")]
    pub type_: Option<String>,
    pub format: Option<String>,
    pub items: Option<Box<Schema>>,
    #[serde(rename = "enum")]
    pub enum_values: Option<Vec<Value>>,
    #[serde(rename = "x-ms-enum")]
    pub x_ms_enum: Option<XmsEnum>,
    /// The name of the header's field in code.
    #[serde(rename = "x-ms-client-name")]
    pub client_name: Option<String>,
    /// The header is a map of every header whose name starts with the prefix.
    #[serde(rename = "x-ms-header-collection-prefix")]
    pub header_collection_prefix: Option<String>,
}

/// A JSON schema as Swagger 2.0 restricts it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Schema {
    #[serde(rename = "$ref")]
    pub reference: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    #[serde(rename = "type")]
    pub type_: Option<String>,
    pub format: Option<String>,
    #[serde(default)]
    pub properties: IndexMap<String, Schema>,
    #[serde(default)]
    pub required: Vec<String>,
    pub items: Option<Box<Schema>>,
    #[serde(rename = "additionalProperties")]
    pub additional_properties: Option<AdditionalProperties>,
    #[serde(rename = "allOf", default)]
    pub all_of: Vec<Schema>,
    #[serde(rename = "enum")]
    pub enum_values: Option<Vec<Value>>,
    #[serde(rename = "x-ms-enum")]
    pub x_ms_enum: Option<XmsEnum>,
    #[serde(rename = "readOnly", default)]
    pub read_only: bool,
    /// The property whose value names a value's type in this hierarchy.
    pub discriminator: Option<String>,
    /// This definition's value of the discriminator (its name when absent).
    #[serde(rename = "x-ms-discriminator-value")]
    pub x_ms_discriminator_value: Option<String>,
    /// `x-nullable: true`: JSON `null` is a value of the schema.
    #[serde(rename = "x-nullable", default)]
    pub x_nullable: bool,
    pub xml: Option<Xml>,
    /// The name a property goes by in code; the JSON keeps its own.
    #[serde(rename = "x-ms-client-name")]
    pub client_name: Option<String>,
}

/// The `xml` object: how a schema's value is written in XML bodies.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Xml {
    pub name: Option<String>,
    pub namespace: Option<String>,
    pub prefix: Option<String>,
    #[serde(default)]
    pub attribute: bool,
    #[serde(default)]
    pub wrapped: bool,
    /// The value is the text of its parent element.
    #[serde(rename = "x-ms-text", default)]
    pub text: bool,
}

/// `additionalProperties`: `true`/`false` or the schema of the extra values.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum AdditionalProperties {
    Allowed(bool),
    Schema(Box<Schema>),
}

#[derive(Debug, Clone, Deserialize)]
pub struct XmsEnum {
    pub name: Option<String>,
    #[serde(rename = "modelAsString", default)]
    pub model_as_string: bool,
    #[serde(default)]
    pub values: Vec<XmsEnumValue>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct XmsEnumValue {
    pub value: Value,
    pub description: Option<String>,
    pub name: Option<String>,
}
