//! Each operation's pure functions: arguments to a request, a response to a result.

use super::{ident, Writer};
use crate::emit::syntax::{self, str_lit};
use crate::emit::tokens::doc;
use crate::emit::tokens::doc_attrs;
use crate::model::bodies::{self, Encoding, RequestBody};
use crate::model::operations::{Arg, ClientOperation, Shape};
use crate::model::types::{StringFormat, Type, XmlKind, XmlNode};
use crate::model::{Media, Place, Segment, Status, API_VERSION};
use proc_macro2::{Literal, TokenStream};
use quote::{quote, ToTokens};
use syn::{Expr, Stmt};

/// The options struct, the result enum (if any) and the two functions of one operation.
pub fn items(writer: &Writer<'_>, op: &ClientOperation<'_>) -> TokenStream {
    let mut items = TokenStream::new();
    if let Some(options) = &op.names.options {
        let mut attrs = doc_attrs(&format!(
            "The optional parameters of [`{}`].",
            op.names.request_fn
        ));
        attrs.push(syntax::list(
            "derive",
            quote!(Debug, Clone, Default, PartialEq),
        ));
        let fields = op
            .options
            .iter()
            .filter(|arg| arg.group.is_none())
            .map(|arg| {
                let ty = writer
                    .body_enum(op, arg, false)
                    .unwrap_or_else(|| writer.ty(&arg.ty));
                let ty = syntax::path_type(syntax::path("Option", vec![ty]));
                syntax::field(doc_attrs(&param_doc(arg)), ident(&arg.ident), ty)
            });
        let options = syntax::structure(attrs, ident(options), fields);
        items.extend(crate::emit::format::tree(Ok(options)));
    }
    if let Some(response) = &op.names.response {
        let mut attrs = doc_attrs(&format!("The documented replies of `{}`.", op.operation.id));
        attrs.push(syntax::list("derive", quote!(Debug, Clone, PartialEq)));
        attrs.push(syntax::list(
            "cfg_attr",
            quote!(
                feature = "examples",
                derive(serde::Serialize),
                serde(untagged)
            ),
        ));
        let variants = op.statuses.iter().map(|(status, ty)| {
            let ty = ty.as_ref().map(|ty| writer.ty(ty));
            syntax::variant(Vec::new(), ident(&format!("Status{status}")), ty)
        });
        let response = syntax::enumeration(attrs, ident(response), variants);
        items.extend(crate::emit::format::tree(Ok(response)));
    }
    items.extend(body_enum(writer, op));
    items.extend(headers_struct(writer, op));
    items.extend(error_enum(writer, op));
    items.extend(crate::emit::format::tree(request_fn(writer, op)));
    items.extend(crate::emit::format::tree(parse_fn(writer, op)));
    items
}

/// The enum of an operation's body when the caller chooses its media type: a variant per
/// media type, holding what is sent as that type.
fn body_enum(writer: &Writer<'_>, op: &ClientOperation<'_>) -> TokenStream {
    let (Some(name), Some(RequestBody::Choice(choices))) = (&op.names.body, &op.body) else {
        return TokenStream::new();
    };
    let Some(arg) = op
        .params
        .iter()
        .chain(&op.options)
        .find(|arg| arg.param.place == Place::Body)
    else {
        return TokenStream::new();
    };
    let name = ident(name);
    let docs = doc(&format!(
        "The body of [`{}`], in one of the media types the operation consumes.",
        op.names.request_fn
    ));
    let variants = choices.iter().map(|choice| {
        let variant = ident(&choice.ident);
        let ty = match choice.encoding {
            Encoding::Json | Encoding::Xml => writer.ty(&arg.ty),
            Encoding::Text => named_type("String"),
            Encoding::Bytes => syntax::path_type(syntax::path("Vec", vec![named_type("u8")])),
        };
        let docs = doc(&format!(
            "Sent as `{}`{}.",
            choice.media_type,
            match choice.encoding {
                Encoding::Json => ", serialized as JSON",
                Encoding::Xml => ", serialized as JSON (armgen does not write XML yet)",
                Encoding::Text => ", as text",
                Encoding::Bytes => ", as these bytes",
            }
        ));
        quote!(#docs #variant(#ty),)
    });
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name { #(#variants)* }
    }
}

/// The struct of the headers the replies declare, and how a reply fills it.
fn headers_struct(writer: &Writer<'_>, op: &ClientOperation<'_>) -> TokenStream {
    let Some(name) = &op.names.headers else {
        return TokenStream::new();
    };
    let name = ident(name);
    let docs = doc(&format!(
        "The headers the replies to `{}` declare; `None` where a reply lacks one.",
        op.operation.id
    ));
    let fields = op.headers.iter().map(|header| {
        let (field, ty) = (ident(&header.ident), writer.ty(&header.ty));
        let text = match &header.description {
            Some(text) => format!(
                "`{}`: {}",
                header.name,
                crate::emit::rustdoc::spec_text(text)
            ),
            None => format!("`{}`.", header.name),
        };
        let field_doc = doc(&text);
        quote!(#field_doc pub #field: Option<#ty>,)
    });
    let reads = op.headers.iter().map(|header| {
        let (field, wire) = (ident(&header.ident), &header.name);
        match &header.prefix {
            Some(prefix) => quote!(#field: rt::response::header_collection(response, #prefix)?,),
            None => quote!(#field: rt::response::header(response, #wire)?,),
        }
    });
    let result = writer.result_of(op, named_type("Self"));
    quote! {
        #docs
        #[derive(Debug, Clone, Default, PartialEq)]
        pub struct #name { #(#fields)* }

        impl #name {
            /// Reads the declared headers of a reply; a value not of its type is an
            /// [`Error::Decode`](rt::Error::Decode).
            pub fn from_response(response: &rt::Response) -> #result {
                Ok(Self { #(#reads)* })
            }
        }
    }
}

/// The enum of an operation's error models by status (`x-ms-error-response`), and how an
/// error reply is read as one.
fn error_enum(writer: &Writer<'_>, op: &ClientOperation<'_>) -> TokenStream {
    let (Some(name), Some(errors)) = (&op.names.error, &op.errors) else {
        return TokenStream::new();
    };
    let name = ident(name);
    let docs = doc(&format!(
        "The error replies of `{}`, by status; any other status has the `default` reply's body.",
        op.operation.id
    ));
    let mut variants = Vec::new();
    let mut arms = Vec::new();
    for (status, ty) in &errors.statuses {
        let variant = ident(&format!("Status{status}"));
        let code = Literal::u16_unsuffixed(*status);
        match ty {
            Some(ty) => {
                let ty = writer.ty(ty);
                variants.push(quote!(#variant(#ty),));
                arms.push(quote!(#code => rt::response::error_body(body).map(Self::#variant),));
            }
            None => {
                variants.push(quote!(#variant,));
                arms.push(quote!(#code => Some(Self::#variant),));
            }
        }
    }
    let default = writer.ty(&errors.default);
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #(#variants)*
            /// Any other status.
            Default(#default),
        }

        impl rt::ErrorModel for #name {
            fn from_reply(status: http::StatusCode, body: &[u8]) -> Option<Self> {
                match status.as_u16() {
                    #(#arms)*
                    _ => rt::response::error_body(body).map(Self::Default),
                }
            }
        }
    }
}

fn param_doc(arg: &Arg<'_>) -> String {
    let p = &arg.param.param;
    p.description
        .as_deref()
        .map_or_else(|| format!("`{}`", p.name), crate::emit::rustdoc::spec_text)
}

fn request_fn(writer: &Writer<'_>, op: &ClientOperation<'_>) -> syn::Result<syn::Item> {
    let operation = op.operation;
    let attrs = doc_attrs(&format!(
        "Builds the `{}` request: `{} {}`, relative to the endpoint.\n\n{}",
        operation.id,
        operation.method,
        operation.path,
        replies_doc(op)
    ));
    let mut args = Vec::new();
    for arg in op.params.iter().filter(|arg| arg.group.is_none()) {
        let ty = writer.arg_type(op, arg, false);
        args.push(syntax::arg(ident(&arg.ident), ty));
    }
    let param_groups = &writer.model.client.param_groups;
    for &group in &op.groups {
        let group = &param_groups[group];
        let ty = syntax::ref_type(named_type(&group.type_name));
        args.push(syntax::arg(ident(&group.ident), ty));
    }
    if let Some(options) = &op.names.options {
        let ty = syntax::ref_type(named_type(options));
        args.push(syntax::arg(ident("options"), ty));
    }
    let method = syntax::name(&format!("http::Method::{}", operation.method.as_str()));
    let new = syntax::call(syntax::name("rt::RequestBuilder::new"), [method]);
    let mut steps = vec![syntax::let_mut(ident("r"), new)];
    // The required members of groups, as locals like the other arguments.
    for arg in &op.params {
        let Some((group, field)) = &arg.group else {
            continue;
        };
        let (local, field) = (ident(&arg.ident), ident(field));
        let group = ident(&param_groups[*group].ident);
        steps.push(syn::parse2(match by_value(&arg.ty) {
            true => quote!(let #local = #group.#field;),
            false => quote!(let #local = &#group.#field;),
        })?);
    }
    steps.extend(host_steps(op)?);
    steps.extend(path_steps(op)?);
    for (name, value) in &operation.template.query {
        steps.push(r_call("query", [str_lit(name), str_lit(value)]));
    }
    if let Some(api_version) = &operation.api_version {
        steps.push(r_call(
            "query",
            [str_lit(API_VERSION), str_lit(api_version)],
        ));
    }
    if let Some(accept) = &operation.accept {
        steps.push(r_call("header", [str_lit("accept"), str_lit(accept)]));
    }
    if let Some(RequestBody::Form { multipart }) = &op.body {
        let encoding = match multipart {
            true => "rt::FormEncoding::Multipart",
            false => "rt::FormEncoding::UrlEncoded",
        };
        steps.push(r_call("form", [syntax::name(encoding)]));
    }
    for place in [Place::Query, Place::Header, Place::Body, Place::FormData] {
        let xml = op.request_xml.as_ref();
        for (param, value) in op.constants.iter().filter(|(p, _)| p.place == place) {
            let method = match place {
                Place::Header => "header",
                Place::FormData => "form_text",
                _ if param.param.skip_url_encoding => "raw_query",
                _ => "query",
            };
            steps.push(r_call(method, [str_lit(&param.param.name), str_lit(value)]));
        }
        for arg in op.params.iter().filter(|arg| arg.param.place == place) {
            let value = syntax::name(&arg.ident);
            let set = set(op, arg, value.clone(), by_value(&arg.ty), xml)?;
            steps.push(match arg.param.param.required {
                true => set,
                // An optional client-held parameter, sent when the client has it.
                false => syntax::if_some(ident(&arg.ident), value, vec![set]),
            });
        }
        for arg in op.options.iter().filter(|arg| arg.param.place == place) {
            let holder = match &arg.group {
                Some((group, field)) => {
                    syntax::field_access(syntax::name(&param_groups[*group].ident), ident(field))
                }
                None => syntax::field_access(syntax::name("options"), ident(&arg.ident)),
            };
            let set = set(op, arg, syntax::name("value"), false, xml)?;
            steps.push(syntax::if_some(
                ident("value"),
                syntax::reference(holder),
                vec![set],
            ));
        }
    }
    steps.push(Stmt::Expr(
        syntax::method_call(syntax::name("r"), "build"),
        None,
    ));
    let output = syntax::path(
        "Result",
        vec![named_type("rt::Request"), named_type("rt::RequestError")],
    );
    let name = ident(&op.names.request_fn);
    Ok(syntax::function(
        attrs,
        name,
        args,
        syntax::path_type(output),
        steps,
    ))
}

/// The type named `spelled`.
fn named_type(spelled: &str) -> syn::Type {
    syntax::path_type(syntax::path(spelled, Vec::new()))
}

/// `r.method(args);`, a step of a request function.
fn r_call(method: &str, args: impl IntoIterator<Item = Expr>) -> Stmt {
    syntax::semi(syntax::method_call_with(
        syntax::name("r"),
        ident(method),
        args,
    ))
}

/// What the request accepts: the `Accept` header, and which statuses come with a body.
fn replies_doc(op: &ClientOperation<'_>) -> String {
    let list = |with_body: bool| {
        let codes: Vec<String> = op
            .statuses
            .iter()
            .filter(|(_, ty)| ty.is_some() == with_body)
            .map(|(code, _)| code.to_string())
            .collect();
        codes.join(", ")
    };
    let mut text = match &op.operation.accept {
        Some(accept) => format!(
            "Sends the header `Accept`: {}.",
            crate::emit::rustdoc::spec_text(accept)
        ),
        None => "Sends no `Accept` header: no reply has a body.".to_owned(),
    };
    for (with_body, label) in [(true, "with a body"), (false, "without a body")] {
        let codes = list(with_body);
        if !codes.is_empty() {
            text.push_str(&format!(" Replies {label}: {codes}."));
        }
    }
    let error_body = op
        .operation
        .responses
        .get(&Status::Default)
        .is_some_and(|response| response.schema.is_some());
    text.push_str(match error_body {
        true => " Any other status is an error, with the `default` reply's body.",
        false => " Any other status is an error.",
    });
    text
}

/// The endpoint of an operation under `x-ms-parameterized-host`, from its template.
fn host_steps(op: &ClientOperation<'_>) -> syn::Result<Vec<Stmt>> {
    match &op.operation.host {
        Some(host) => template_steps(op, &host.segments, TemplateCalls::HOST),
        None => Ok(Vec::new()),
    }
}

/// The path template as literal pieces and encoded parameters.
fn path_steps(op: &ClientOperation<'_>) -> syn::Result<Vec<Stmt>> {
    template_steps(op, &op.operation.template.segments, TemplateCalls::PATH)
}

/// The `RequestBuilder` methods a template's pieces go through.
struct TemplateCalls {
    literal: &'static str,
    encoded: &'static str,
    /// For a parameter with `x-ms-skip-url-encoding`.
    raw: &'static str,
}

impl TemplateCalls {
    const HOST: Self = Self {
        literal: "endpoint",
        encoded: "endpoint_segment",
        raw: "endpoint",
    };
    const PATH: Self = Self {
        literal: "path",
        encoded: "segment",
        raw: "raw_segment",
    };
}

/// A template's literal pieces and its parameters (constants, or the arguments naming
/// them), each encoded unless it has `x-ms-skip-url-encoding`.
fn template_steps(
    op: &ClientOperation<'_>,
    segments: &[Segment],
    calls: TemplateCalls,
) -> syn::Result<Vec<Stmt>> {
    let call = |name: &'static str, skip_url_encoding: bool| match skip_url_encoding {
        true => calls.raw,
        false => name,
    };
    segments
        .iter()
        .map(|segment| match segment {
            Segment::Literal(literal) => Ok(r_call(calls.literal, [str_lit(literal)])),
            Segment::Param(name) => {
                let constant = op
                    .constants
                    .iter()
                    .find(|(p, _)| p.place == Place::Path && p.param.name == *name);
                if let Some((param, value)) = constant {
                    let method = call(calls.encoded, param.param.skip_url_encoding);
                    return Ok(r_call(method, [str_lit(value)]));
                }
                // The model checked that each name is a required path parameter.
                let arg = op
                    .params
                    .iter()
                    .find(|arg| arg.param.place == Place::Path && arg.param.param.name == *name)
                    .expect("the template names a required path parameter");
                let text = text(arg, syntax::name(&arg.ident), ",")?;
                let method = call(calls.encoded, arg.param.param.skip_url_encoding);
                Ok(r_call(method, [text]))
            }
        })
        .collect()
}

/// Whether a value of this type is passed by value, not by reference.
pub(super) fn by_value(ty: &Type) -> bool {
    matches!(
        ty,
        Type::Bool | Type::I32 | Type::I64 | Type::UnixTime | Type::F32 | Type::F64
    )
}

/// An expression for a parameter's text (`value` is the argument or the option's value).
fn text(arg: &Arg<'_>, value: Expr, separator: &str) -> syn::Result<Expr> {
    Ok(match &arg.ty {
        Type::String(StringFormat::Plain) => value,
        Type::Vec(item) => {
            let item = item_text(item);
            syn::parse2(quote!(&#value.iter().map(#item).collect::<Vec<_>>().join(#separator)))?
        }
        _ => syntax::reference(syntax::method_call(value, "to_string")),
    })
}

/// A closure from an array parameter's item to its text: an `x-nullable` item that is
/// `None` is empty text, as AutoRest's clients send it.
fn item_text(item: &Type) -> TokenStream {
    match item {
        Type::Nullable(_) => quote!(|v| v.as_ref().map(ToString::to_string).unwrap_or_default()),
        _ => quote!(|v| v.to_string()),
    }
}

/// Sets a query parameter, header, body (in XML when `xml` gives its form) or form field
/// from `value`.
fn set(
    op: &ClientOperation<'_>,
    arg: &Arg<'_>,
    value: Expr,
    owned: bool,
    xml: Option<&XmlNode>,
) -> syn::Result<Stmt> {
    let name = &arg.param.param.name;
    // A body the caller gives in a media type of their choice is its own enum.
    let chosen = matches!(op.body, Some(RequestBody::Choice(_)));
    match (arg.param.place, xml) {
        (Place::Body, Some(node)) if !chosen => {
            let borrowed = match owned {
                true => quote!(&#value),
                false => value.to_token_stream(),
            };
            let (root, namespace) = (&node.name, xml_namespace(node));
            return syn::parse2(match &node.kind {
                XmlKind::List { item, .. } => {
                    quote!(r.xml(rt::xml::list_document(#root, #namespace, #item, #borrowed));)
                }
                _ => quote!(r.xml(rt::xml::to_document(#root, #namespace, #borrowed));),
            });
        }
        (Place::Body, _) => return set_body(op, value, owned),
        _ => {}
    }
    if let Some(prefix) = &arg.param.param.header_collection_prefix {
        return syn::parse2(
            quote!(for (key, v) in #value.iter() { r.header(&[#prefix, key].concat(), v); }),
        );
    }
    let form = arg.param.place == Place::FormData;
    // Only form fields are bytes (`type: file`): the model makes no other parameter so.
    match &arg.ty {
        Type::Binary => return Ok(r_call("form_file", [str_lit(name), value])),
        Type::Vec(item) if **item == Type::Binary => {
            return syn::parse2(quote!(for v in #value.iter() { r.form_file(#name, v); }))
        }
        _ => {}
    }
    let Some(separator) = arg.param.collection_format.separator() else {
        let item = match &arg.ty {
            Type::Vec(item) => item_text(item),
            _ => item_text(&arg.ty),
        };
        return syn::parse2(match form {
            true => quote!(for v in #value.iter().map(#item) { r.form_text(#name, &v); }),
            false => quote!(for v in #value.iter().map(#item) { r.query(#name, &v); }),
        });
    };
    let text = text(arg, value, separator)?;
    let method = match arg.param.place {
        Place::Header => "header",
        Place::FormData => "form_text",
        _ if arg.param.param.skip_url_encoding => "raw_query",
        _ => "query",
    };
    Ok(r_call(method, [str_lit(name), text]))
}

/// Sets the body from `value`, in the media type the operation sends it as.
fn set_body(op: &ClientOperation<'_>, value: Expr, owned: bool) -> syn::Result<Stmt> {
    let value = match owned {
        true => syntax::reference(value),
        false => value,
    };
    let one = |media_type: &str, encoding: Encoding, value: Expr| match encoding {
        Encoding::Json if media_type == "application/json" => r_call("json", [value]),
        Encoding::Json => r_call("json_as", [str_lit(media_type), value]),
        Encoding::Text => r_call("text", [str_lit(media_type), value]),
        Encoding::Bytes => r_call("bytes", [str_lit(media_type), value]),
        // Only a variant of a chosen media type: `set` writes an XML-only body as XML.
        Encoding::Xml => r_call("json", [value]),
    };
    Ok(match &op.body {
        Some(RequestBody::One {
            media_type,
            encoding,
        }) => one(media_type, *encoding, value),
        Some(RequestBody::Choice(choices)) => {
            let name = ident(op.names.body.as_deref().expect("a choice has an enum"));
            let arms = choices.iter().map(|choice| {
                let variant = ident(&choice.ident);
                let set = one(&choice.media_type, choice.encoding, syntax::name("v"));
                quote!(#name::#variant(v) => { #set })
            });
            syn::parse2(quote!(match #value { #(#arms)* }))?
        }
        // The model gives every operation with a body parameter a way to send it.
        Some(RequestBody::Form { .. }) | None => r_call("json", [value]),
    })
}

fn xml_namespace(node: &XmlNode) -> TokenStream {
    match &node.namespace {
        Some((attribute, uri)) => quote!(Some((#attribute, #uri))),
        None => quote!(None),
    }
}

/// The runtime function that reads a reply body of type `ty`.
fn decode(writer: &Writer<'_>, op: &ClientOperation<'_>, ty: &Type) -> Expr {
    let function = match ty {
        Type::Binary => "rt::response::bytes",
        Type::String(StringFormat::Plain) if bodies::reply_is_text(&op.operation.produces) => {
            "rt::response::text"
        }
        _ => match op.operation.reply_media {
            Media::Xml if writer.model.types.is_list(ty) => "rt::response::xml_list",
            Media::Xml => "rt::response::xml",
            Media::Json => "rt::response::json",
        },
    };
    syntax::name(function)
}

/// `function(response)`.
fn of_response(function: Expr) -> Expr {
    syntax::call(function, [syntax::name("response")])
}

/// `Ok(value)`.
fn ok(value: Expr) -> Expr {
    syntax::call(syntax::name("Ok"), [value])
}

/// `rt::response::page(response, "item", next)`: a page of items named `item_name`, the
/// link to the next page named `next_link_name` if there is one.
fn page(item_name: &str, next_link_name: Option<&str>) -> Expr {
    let next = match next_link_name {
        Some(name) => syntax::call(syntax::name("Some"), [str_lit(name)]),
        None => syntax::name("None"),
    };
    let args = [syntax::name("response"), str_lit(item_name), next];
    syntax::call(syntax::name("rt::response::page"), args)
}

/// `value.map(function)`.
fn map(value: Expr, function: Expr) -> Expr {
    syntax::method_call_with(value, ident("map"), [function])
}

fn parse_fn(writer: &Writer<'_>, op: &ClientOperation<'_>) -> syn::Result<syn::Item> {
    let attrs = doc_attrs(&format!(
        "Parses a reply to `{}`; a status it does not document is an [`Error::Service`] with the typed error body{}.",
        op.operation.id,
        match op.operation.long_running {
            Some(_) => ", but for a success: the operation's last reply, read as its result",
            None => "",
        }
    ));
    let result = writer.result_of(op, writer.result(op));
    let mut arms = Vec::new();
    for (status, body) in &op.statuses {
        let value = match (&op.result, body) {
            (
                Shape::Page {
                    item_name,
                    next_link_name,
                    ..
                },
                Some(_),
            ) => page(item_name, next_link_name.as_deref()),
            (Shape::Page { .. }, None) => ok(syntax::call(syntax::name("rt::Page::default"), [])),
            (Shape::Unit, _) => ok(syntax::unit()),
            (Shape::Exists, _) => ok(syntax::bool_lit(*status != 404)),
            (Shape::One(ty), _) => of_response(decode(writer, op, ty)),
            // A long-running operation's last reply may come without the body its
            // status documents (a `Location` answering a bare 200).
            (Shape::Optional(_), Some(_)) if op.operation.long_running.is_some() => {
                of_response(syntax::name("rt::response::optional_json"))
            }
            (Shape::Optional(ty), Some(_)) => {
                map(of_response(decode(writer, op, ty)), syntax::name("Some"))
            }
            (Shape::Optional(_), None) => ok(syntax::name("None")),
            (Shape::Enum, body) => {
                let response = op
                    .names
                    .response
                    .as_deref()
                    .expect("an enum result has a name");
                let variant = syntax::name(&format!("{response}::Status{status}"));
                match body {
                    Some(ty) => map(of_response(decode(writer, op, ty)), variant),
                    None => ok(variant),
                }
            }
        };
        // With headers, each success reads them too: only the headers, without a body.
        let value = match (&op.names.headers, &op.result) {
            (None, _) => value,
            (Some(headers), Shape::Unit) => syntax::call(
                syntax::name(&format!("{headers}::from_response")),
                [syntax::reference(syntax::name("response"))],
            ),
            (Some(headers), _) => {
                let headers = ident(headers);
                syn::parse2(quote!({
                    let headers = #headers::from_response(&response)?;
                    #value.map(|body| rt::WithHeaders { body, headers })
                }))?
            }
        };
        arms.push(syntax::int_arm(*status, value));
    }
    if op.operation.long_running.is_some() {
        let status = syntax::method_call(syntax::name("response"), "status");
        let guard = syntax::method_call(status, "is_success");
        arms.push(syntax::wild_arm(Some(guard), final_reply(op)));
    }
    let unexpected = syntax::call(
        syntax::name("Err"),
        [of_response(syntax::name("rt::response::unexpected"))],
    );
    // An operation documenting no success status (only `default`) has no arm to match.
    let body = match arms.is_empty() {
        true => unexpected,
        false => {
            arms.push(syntax::wild_arm(None, unexpected));
            let status = syntax::method_call(syntax::name("response"), "status");
            syntax::match_expr(syntax::method_call(status, "as_u16"), arms)
        }
    };
    let response = syntax::arg(ident("response"), named_type("rt::Response"));
    Ok(syntax::function(
        attrs,
        ident(&op.names.parse_fn),
        [response],
        result,
        vec![Stmt::Expr(body, None)],
    ))
}

/// How a long-running operation reads the reply that ends it when the spec does not
/// document its status (a poll's `200` after a documented `202`): as AutoRest does, as
/// the operation's result, its body parsed when it has one.
fn final_reply(op: &ClientOperation<'_>) -> Expr {
    match &op.result {
        Shape::Unit => ok(syntax::unit()),
        Shape::Exists => ok(syntax::bool_lit(true)),
        Shape::One(_) => of_response(syntax::name("rt::response::json")),
        Shape::Optional(_) => of_response(syntax::name("rt::response::optional_json")),
        Shape::Page {
            item_name,
            next_link_name,
            ..
        } => page(item_name, next_link_name.as_deref()),
        Shape::Enum => {
            let response = op
                .names
                .response
                .as_deref()
                .expect("an enum result has a name");
            // The documented success the result most likely is: 200, else 201, else
            // the first with a body.
            let (status, _) = [200, 201]
                .iter()
                .find_map(|code| op.statuses.iter().find(|(s, ty)| s == code && ty.is_some()))
                .or_else(|| op.statuses.iter().find(|(_, ty)| ty.is_some()))
                .expect("an enum result has statuses with bodies");
            let variant = syntax::name(&format!("{response}::Status{status}"));
            map(of_response(syntax::name("rt::response::json")), variant)
        }
    }
}
