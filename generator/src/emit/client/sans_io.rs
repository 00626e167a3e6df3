//! Each operation's pure functions: arguments to a request, a response to a result.

use super::{ident, Writer};
use crate::emit::tokens::doc;
use crate::model::operations::{Arg, ClientOperation, Shape};
use crate::model::types::{StringFormat, Type, XmlKind, XmlNode};
use crate::model::{Media, Place, Segment, Status, API_VERSION};
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The options struct, the result enum (if any) and the two functions of one operation.
pub fn items(writer: &Writer<'_>, op: &ClientOperation<'_>) -> TokenStream {
    let mut items = TokenStream::new();
    if let Some(options) = &op.names.options {
        let name = ident(options);
        let docs = doc(&format!(
            "The optional parameters of [`{}`].",
            op.names.request_fn
        ));
        let fields = op.options.iter().map(|arg| {
            let (ident, ty) = (ident(&arg.ident), writer.ty(&arg.ty));
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
    items.extend(request_fn(writer, op));
    items.extend(parse_fn(writer, op));
    items
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
        .map(|arg| {
            let (ident, ty) = (ident(&arg.ident), writer.borrowed(arg));
            quote!(#ident: #ty)
        })
        .collect();
    if let Some(options) = &op.names.options {
        let options = ident(options);
        args.push(quote!(options: &#options));
    }
    let method = ident(operation.method.as_str());
    let mut steps = path_steps(op);
    for (name, value) in &operation.template.query {
        steps.push(quote!(r.query(#name, #value);));
    }
    if let Some(api_version) = &operation.api_version {
        steps.push(quote!(r.query(#API_VERSION, #api_version);));
    }
    if let Some(accept) = &operation.accept {
        steps.push(quote!(r.header("accept", #accept);));
    }
    for place in [Place::Query, Place::Header, Place::Body] {
        let xml = op.request_xml.as_ref();
        for arg in op.params.iter().filter(|arg| arg.param.place == place) {
            let value = ident(&arg.ident);
            steps.push(set(arg, quote!(#value), by_value(&arg.ty), xml));
        }
        for arg in op.options.iter().filter(|arg| arg.param.place == place) {
            let field = ident(&arg.ident);
            let set = set(arg, quote!(value), false, xml);
            steps.push(quote!(if let Some(value) = &options.#field { #set }));
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

/// The path template as literal pieces and encoded parameters.
fn path_steps(op: &ClientOperation<'_>) -> Vec<TokenStream> {
    op.operation
        .template
        .segments
        .iter()
        .map(|segment| match segment {
            Segment::Literal(literal) => quote!(r.path(#literal);),
            Segment::Param(name) => {
                // The model checked that each name is a required path parameter.
                let arg = op
                    .params
                    .iter()
                    .find(|arg| arg.param.place == Place::Path && arg.param.param.name == *name)
                    .expect("the path names a required path parameter");
                let value = ident(&arg.ident);
                let text = text(arg, quote!(#value), ",");
                if arg.param.param.skip_url_encoding {
                    quote!(r.raw_segment(#text);)
                } else {
                    quote!(r.segment(#text);)
                }
            }
        })
        .collect()
}

/// Whether a value of this type is passed by value, not by reference.
fn by_value(ty: &Type) -> bool {
    matches!(
        ty,
        Type::Bool | Type::I32 | Type::I64 | Type::F32 | Type::F64
    )
}

/// An expression for a parameter's text (`value` is the argument or the option's value).
fn text(arg: &Arg<'_>, value: TokenStream, separator: &str) -> TokenStream {
    match &arg.ty {
        Type::String(format) if *format != StringFormat::DateTime => value,
        Type::Vec(_) => {
            quote!(&#value.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(#separator))
        }
        _ => quote!(&#value.to_string()),
    }
}

/// Sets a query parameter, header or body (in XML when `xml` gives its form) from `value`.
fn set(arg: &Arg<'_>, value: TokenStream, owned: bool, xml: Option<&XmlNode>) -> TokenStream {
    let name = &arg.param.param.name;
    let borrowed = match owned {
        true => quote!(&#value),
        false => value.clone(),
    };
    match (arg.param.place, xml) {
        (Place::Body, Some(node)) => {
            let (root, namespace) = (&node.name, xml_namespace(node));
            return match &node.kind {
                XmlKind::List { item, .. } => {
                    quote!(r.xml(rt::xml::list_document(#root, #namespace, #item, #borrowed));)
                }
                _ => quote!(r.xml(rt::xml::to_document(#root, #namespace, #borrowed));),
            };
        }
        (Place::Body, None) if owned => return quote!(r.json(&#value);),
        (Place::Body, None) => return quote!(r.json(#value);),
        _ => {}
    }
    let Some(separator) = arg.param.collection_format.separator() else {
        return quote!(for v in #value.iter() { r.query(#name, &v.to_string()); });
    };
    let text = text(arg, value, separator);
    if arg.param.place == Place::Header {
        quote!(r.header(#name, #text);)
    } else {
        quote!(r.query(#name, #text);)
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
    match op.operation.reply_media {
        Media::Xml if writer.model.types.is_list(ty) => quote!(rt::response::xml_list),
        Media::Xml => quote!(rt::response::xml),
        Media::Json => quote!(rt::response::json),
    }
}

fn parse_fn(writer: &Writer<'_>, op: &ClientOperation<'_>) -> TokenStream {
    let name = ident(&op.names.parse_fn);
    let docs = doc(&format!(
        "Parses a reply to `{}`; a status it does not document is an [`Error::Service`] with the typed error body.",
        op.operation.id
    ));
    let ty = writer.result(op);
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
            (Shape::One(ty), _) => {
                let decode = decode(writer, op, ty);
                quote!(#decode(response))
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
        quote!(#code => #value,)
    });
    // An operation documenting no success status (only `default`) has no arm to match.
    let body = match op.statuses.is_empty() {
        true => quote!(Err(rt::response::unexpected(response))),
        false => quote! {
            match response.status().as_u16() {
                #(#arms)*
                _ => Err(rt::response::unexpected(response)),
            }
        },
    };
    quote! {
        #docs
        pub fn #name(response: rt::Response) -> Result<#ty> {
            #body
        }
    }
}
