//! Each operation's pure functions: arguments to a request, a response to a result.

use super::{ident, Writer};
use crate::emit::tokens::doc;
use crate::model::bodies::{self, Encoding, RequestBody};
use crate::model::operations::{Arg, ClientOperation, Shape};
use crate::model::types::{StringFormat, Type, XmlKind, XmlNode};
use crate::model::{Media, Place, Segment, Status, API_VERSION};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

/// The options struct, the result enum (if any) and the two functions of one operation.
pub fn items(writer: &Writer<'_>, op: &ClientOperation<'_>) -> TokenStream {
    let mut items = TokenStream::new();
    if let Some(options) = &op.names.options {
        let name = ident(options);
        let docs = doc(&format!(
            "The optional parameters of [`{}`].",
            op.names.request_fn
        ));
        let fields = op
            .options
            .iter()
            .filter(|arg| arg.group.is_none())
            .map(|arg| {
                let ident = ident(&arg.ident);
                let ty = writer
                    .body_enum(op, arg, false)
                    .unwrap_or_else(|| writer.ty(&arg.ty));
                let field_doc = doc(&param_doc(arg));
                quote!(#field_doc pub #ident: Option<#ty>,)
            });
        items.extend(quote! {
            #docs
            #[derive(Debug, Clone, Default, PartialEq)]
            pub struct #name { #(#fields)* }
        });
    }
    if let Some(response) = &op.names.response {
        let name = ident(response);
        let docs = doc(&format!("The documented replies of `{}`.", op.operation.id));
        let variants = op.statuses.iter().map(|(status, ty)| {
            let variant = ident(&format!("Status{status}"));
            match ty {
                Some(ty) => {
                    let ty = writer.ty(ty);
                    quote!(#variant(#ty),)
                }
                None => quote!(#variant,),
            }
        });
        items.extend(quote! {
            #docs
            #[derive(Debug, Clone, PartialEq)]
            #[cfg_attr(feature = "examples", derive(serde::Serialize), serde(untagged))]
            pub enum #name { #(#variants)* }
        });
    }
    items.extend(body_enum(writer, op));
    items.extend(headers_struct(writer, op));
    items.extend(error_enum(writer, op));
    items.extend(request_fn(writer, op));
    items.extend(parse_fn(writer, op));
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
            Encoding::Text => quote!(String),
            Encoding::Bytes => quote!(Vec<u8>),
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
    let result = writer.result_of(op, quote!(Self));
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

fn request_fn(writer: &Writer<'_>, op: &ClientOperation<'_>) -> TokenStream {
    let operation = op.operation;
    let name = ident(&op.names.request_fn);
    let docs = doc(&format!(
        "Builds the `{}` request: `{} {}`, relative to the endpoint.\n\n{}",
        operation.id,
        operation.method,
        operation.path,
        replies_doc(op)
    ));
    let mut args: Vec<TokenStream> = op
        .params
        .iter()
        .filter(|arg| arg.group.is_none())
        .map(|arg| {
            let (ident, ty) = (ident(&arg.ident), writer.arg_type(op, arg, false));
            quote!(#ident: #ty)
        })
        .collect();
    let param_groups = &writer.model.client.param_groups;
    for &group in &op.groups {
        let group = &param_groups[group];
        let (name, ty) = (ident(&group.ident), ident(&group.type_name));
        args.push(quote!(#name: &#ty));
    }
    if let Some(options) = &op.names.options {
        let options = ident(options);
        args.push(quote!(options: &#options));
    }
    let method = ident(operation.method.as_str());
    // The required members of groups, as locals like the other arguments.
    let mut steps: Vec<TokenStream> = op
        .params
        .iter()
        .filter_map(|arg| {
            let (group, field) = arg.group.as_ref()?;
            let (local, field) = (ident(&arg.ident), ident(field));
            let group = ident(&param_groups[*group].ident);
            Some(match by_value(&arg.ty) {
                true => quote!(let #local = #group.#field;),
                false => quote!(let #local = &#group.#field;),
            })
        })
        .collect();
    steps.extend(host_steps(op));
    steps.extend(path_steps(op));
    for (name, value) in &operation.template.query {
        steps.push(quote!(r.query(#name, #value);));
    }
    if let Some(api_version) = &operation.api_version {
        steps.push(quote!(r.query(#API_VERSION, #api_version);));
    }
    if let Some(accept) = &operation.accept {
        steps.push(quote!(r.header("accept", #accept);));
    }
    if let Some(RequestBody::Form { multipart }) = &op.body {
        let encoding = match multipart {
            true => quote!(Multipart),
            false => quote!(UrlEncoded),
        };
        steps.push(quote!(r.form(rt::FormEncoding::#encoding);));
    }
    for place in [Place::Query, Place::Header, Place::Body, Place::FormData] {
        let xml = op.request_xml.as_ref();
        for (param, value) in op.constants.iter().filter(|(p, _)| p.place == place) {
            let name = &param.param.name;
            steps.push(match place {
                Place::Header => quote!(r.header(#name, #value);),
                Place::FormData => quote!(r.form_text(#name, #value);),
                _ if param.param.skip_url_encoding => quote!(r.raw_query(#name, #value);),
                _ => quote!(r.query(#name, #value);),
            });
        }
        for arg in op.params.iter().filter(|arg| arg.param.place == place) {
            let value = ident(&arg.ident);
            let set = set(op, arg, quote!(#value), by_value(&arg.ty), xml);
            steps.push(match arg.param.param.required {
                true => set,
                // An optional client-held parameter, sent when the client has it.
                false => quote!(if let Some(#value) = #value { #set }),
            });
        }
        for arg in op.options.iter().filter(|arg| arg.param.place == place) {
            let holder = match &arg.group {
                Some((group, field)) => {
                    let (group, field) = (ident(&param_groups[*group].ident), ident(field));
                    quote!(#group.#field)
                }
                None => {
                    let field = ident(&arg.ident);
                    quote!(options.#field)
                }
            };
            let set = set(op, arg, quote!(value), false, xml);
            steps.push(quote!(if let Some(value) = &#holder { #set }));
        }
    }
    quote! {
        #docs
        pub fn #name(#(#args),*) -> Result<rt::Request, rt::RequestError> {
            let mut r = rt::RequestBuilder::new(http::Method::#method);
            #(#steps)*
            r.build()
        }
    }
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
fn host_steps(op: &ClientOperation<'_>) -> Vec<TokenStream> {
    match &op.operation.host {
        Some(host) => template_steps(op, &host.segments, TemplateCalls::HOST),
        None => Vec::new(),
    }
}

/// The path template as literal pieces and encoded parameters.
fn path_steps(op: &ClientOperation<'_>) -> Vec<TokenStream> {
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
) -> Vec<TokenStream> {
    let call = |name: &str, skip_url_encoding: bool| match skip_url_encoding {
        true => format_ident!("{}", calls.raw),
        false => format_ident!("{}", name),
    };
    segments
        .iter()
        .map(|segment| match segment {
            Segment::Literal(literal) => {
                let method = format_ident!("{}", calls.literal);
                quote!(r.#method(#literal);)
            }
            Segment::Param(name) => {
                let constant = op
                    .constants
                    .iter()
                    .find(|(p, _)| p.place == Place::Path && p.param.name == *name);
                if let Some((param, value)) = constant {
                    let method = call(calls.encoded, param.param.skip_url_encoding);
                    return quote!(r.#method(#value););
                }
                // The model checked that each name is a required path parameter.
                let arg = op
                    .params
                    .iter()
                    .find(|arg| arg.param.place == Place::Path && arg.param.param.name == *name)
                    .expect("the template names a required path parameter");
                let value = ident(&arg.ident);
                let text = text(arg, quote!(#value), ",");
                let method = call(calls.encoded, arg.param.param.skip_url_encoding);
                quote!(r.#method(#text);)
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
fn text(arg: &Arg<'_>, value: TokenStream, separator: &str) -> TokenStream {
    match &arg.ty {
        Type::String(StringFormat::Plain) => value,
        Type::Vec(item) => {
            let item = item_text(item);
            quote!(&#value.iter().map(#item).collect::<Vec<_>>().join(#separator))
        }
        _ => quote!(&#value.to_string()),
    }
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
    value: TokenStream,
    owned: bool,
    xml: Option<&XmlNode>,
) -> TokenStream {
    let name = &arg.param.param.name;
    let borrowed = match owned {
        true => quote!(&#value),
        false => value.clone(),
    };
    // A body the caller gives in a media type of their choice is its own enum.
    let chosen = matches!(op.body, Some(RequestBody::Choice(_)));
    match (arg.param.place, xml) {
        (Place::Body, Some(node)) if !chosen => {
            let (root, namespace) = (&node.name, xml_namespace(node));
            return match &node.kind {
                XmlKind::List { item, .. } => {
                    quote!(r.xml(rt::xml::list_document(#root, #namespace, #item, #borrowed));)
                }
                _ => quote!(r.xml(rt::xml::to_document(#root, #namespace, #borrowed));),
            };
        }
        (Place::Body, _) => return set_body(op, value, owned),
        _ => {}
    }
    if let Some(prefix) = &arg.param.param.header_collection_prefix {
        return quote!(for (key, v) in #value.iter() { r.header(&[#prefix, key].concat(), v); });
    }
    let form = arg.param.place == Place::FormData;
    // Only form fields are bytes (`type: file`): the model makes no other parameter so.
    match &arg.ty {
        Type::Binary => return quote!(r.form_file(#name, #value);),
        Type::Vec(item) if **item == Type::Binary => {
            return quote!(for v in #value.iter() { r.form_file(#name, v); })
        }
        _ => {}
    }
    let Some(separator) = arg.param.collection_format.separator() else {
        let item = match &arg.ty {
            Type::Vec(item) => item_text(item),
            _ => item_text(&arg.ty),
        };
        return match form {
            true => quote!(for v in #value.iter().map(#item) { r.form_text(#name, &v); }),
            false => quote!(for v in #value.iter().map(#item) { r.query(#name, &v); }),
        };
    };
    let text = text(arg, value, separator);
    match arg.param.place {
        Place::Header => quote!(r.header(#name, #text);),
        Place::FormData => quote!(r.form_text(#name, #text);),
        _ if arg.param.param.skip_url_encoding => quote!(r.raw_query(#name, #text);),
        _ => quote!(r.query(#name, #text);),
    }
}

/// Sets the body from `value`, in the media type the operation sends it as.
fn set_body(op: &ClientOperation<'_>, value: TokenStream, owned: bool) -> TokenStream {
    let value = match owned {
        true => quote!(&#value),
        false => value,
    };
    let one = |media_type: &str, encoding: Encoding, value: TokenStream| match encoding {
        Encoding::Json if media_type == "application/json" => quote!(r.json(#value);),
        Encoding::Json => quote!(r.json_as(#media_type, #value);),
        Encoding::Text => quote!(r.text(#media_type, #value);),
        Encoding::Bytes => quote!(r.bytes(#media_type, #value);),
        // Only a variant of a chosen media type: `set` writes an XML-only body as XML.
        Encoding::Xml => quote!(r.json(#value);),
    };
    match &op.body {
        Some(RequestBody::One {
            media_type,
            encoding,
        }) => one(media_type, *encoding, value),
        Some(RequestBody::Choice(choices)) => {
            let name = ident(op.names.body.as_deref().expect("a choice has an enum"));
            let arms = choices.iter().map(|choice| {
                let variant = ident(&choice.ident);
                let set = one(&choice.media_type, choice.encoding, quote!(v));
                quote!(#name::#variant(v) => { #set })
            });
            quote!(match #value { #(#arms)* })
        }
        // The model gives every operation with a body parameter a way to send it.
        Some(RequestBody::Form { .. }) | None => quote!(r.json(#value);),
    }
}

fn xml_namespace(node: &XmlNode) -> TokenStream {
    match &node.namespace {
        Some((attribute, uri)) => quote!(Some((#attribute, #uri))),
        None => quote!(None),
    }
}

/// The runtime function that reads a reply body of type `ty`.
fn decode(writer: &Writer<'_>, op: &ClientOperation<'_>, ty: &Type) -> TokenStream {
    match ty {
        Type::Binary => return quote!(rt::response::bytes),
        Type::String(StringFormat::Plain) if bodies::reply_is_text(&op.operation.produces) => {
            return quote!(rt::response::text)
        }
        _ => {}
    }
    match op.operation.reply_media {
        Media::Xml if writer.model.types.is_list(ty) => quote!(rt::response::xml_list),
        Media::Xml => quote!(rt::response::xml),
        Media::Json => quote!(rt::response::json),
    }
}

fn parse_fn(writer: &Writer<'_>, op: &ClientOperation<'_>) -> TokenStream {
    let name = ident(&op.names.parse_fn);
    let docs = doc(&format!(
        "Parses a reply to `{}`; a status it does not document is an [`Error::Service`] with the typed error body{}.",
        op.operation.id,
        match op.operation.long_running {
            Some(_) => ", but for a success: the operation's last reply, read as its result",
            None => "",
        }
    ));
    let result = writer.result_of(op, writer.result(op));
    let arms = op.statuses.iter().map(|(status, body)| {
        let code = Literal::u16_unsuffixed(*status);
        let value = match (&op.result, body) {
            (
                Shape::Page {
                    item_name,
                    next_link_name,
                    ..
                },
                Some(_),
            ) => {
                let next = match next_link_name {
                    Some(name) => quote!(Some(#name)),
                    None => quote!(None),
                };
                quote!(rt::response::page(response, #item_name, #next))
            }
            (Shape::Page { .. }, None) => quote!(Ok(rt::Page::default())),
            (Shape::Unit, _) => quote!(Ok(())),
            (Shape::Exists, _) => {
                let exists = *status != 404;
                quote!(Ok(#exists))
            }
            (Shape::One(ty), _) => {
                let decode = decode(writer, op, ty);
                quote!(#decode(response))
            }
            // A long-running operation's last reply may come without the body its
            // status documents (a `Location` answering a bare 200).
            (Shape::Optional(_), Some(_)) if op.operation.long_running.is_some() => {
                quote!(rt::response::optional_json(response))
            }
            (Shape::Optional(ty), Some(_)) => {
                let decode = decode(writer, op, ty);
                quote!(#decode(response).map(Some))
            }
            (Shape::Optional(_), None) => quote!(Ok(None)),
            (Shape::Enum, body) => {
                let variant = ident(&format!("Status{status}"));
                let path = ident(
                    op.names
                        .response
                        .as_deref()
                        .expect("an enum result has a name"),
                );
                match body {
                    Some(ty) => {
                        let decode = decode(writer, op, ty);
                        quote!(#decode(response).map(#path::#variant))
                    }
                    None => quote!(Ok(#path::#variant)),
                }
            }
        };
        // With headers, each success reads them too: only the headers, without a body.
        let value = match (&op.names.headers, &op.result) {
            (None, _) => value,
            (Some(headers), Shape::Unit) => {
                let headers = ident(headers);
                quote!(#headers::from_response(&response))
            }
            (Some(headers), _) => {
                let headers = ident(headers);
                quote!({
                    let headers = #headers::from_response(&response)?;
                    #value.map(|body| rt::WithHeaders { body, headers })
                })
            }
        };
        quote!(#code => #value,)
    });
    let final_arm = op
        .operation
        .long_running
        .is_some()
        .then(|| final_reply(op))
        .map(|value| quote!(_ if response.status().is_success() => #value,));
    // An operation documenting no success status (only `default`) has no arm to match.
    let body = match op.statuses.is_empty() && final_arm.is_none() {
        true => quote!(Err(rt::response::unexpected(response))),
        false => quote! {
            match response.status().as_u16() {
                #(#arms)*
                #final_arm
                _ => Err(rt::response::unexpected(response)),
            }
        },
    };
    quote! {
        #docs
        pub fn #name(response: rt::Response) -> #result {
            #body
        }
    }
}

/// How a long-running operation reads the reply that ends it when the spec does not
/// document its status (a poll's `200` after a documented `202`): as AutoRest does, as
/// the operation's result, its body parsed when it has one.
fn final_reply(op: &ClientOperation<'_>) -> TokenStream {
    match &op.result {
        Shape::Unit => quote!(Ok(())),
        Shape::Exists => quote!(Ok(true)),
        Shape::One(_) => quote!(rt::response::json(response)),
        Shape::Optional(_) => quote!(rt::response::optional_json(response)),
        Shape::Page {
            item_name,
            next_link_name,
            ..
        } => {
            let next = match next_link_name {
                Some(name) => quote!(Some(#name)),
                None => quote!(None),
            };
            quote!(rt::response::page(response, #item_name, #next))
        }
        Shape::Enum => {
            let path = ident(
                op.names
                    .response
                    .as_deref()
                    .expect("an enum result has a name"),
            );
            // The documented success the result most likely is: 200, else 201, else
            // the first with a body.
            let (status, _) = [200, 201]
                .iter()
                .find_map(|code| op.statuses.iter().find(|(s, ty)| s == code && ty.is_some()))
                .or_else(|| op.statuses.iter().find(|(_, ty)| ty.is_some()))
                .expect("an enum result has statuses with bodies");
            let variant = ident(&format!("Status{status}"));
            quote!(rt::response::json(response).map(#path::#variant))
        }
    }
}
