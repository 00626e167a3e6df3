//! Each operation's pure functions: arguments to a request, a response to a result.

use super::plan::{doc, ident, Arg, Kind, OperationPlan, Shape, API_VERSION};
use crate::error::Result;
use proc_macro2::{Literal, TokenStream};
use quote::quote;

/// The options struct, the result enum (if any) and the two functions of one operation.
pub fn items(plan: &OperationPlan<'_>) -> Result<TokenStream> {
    let mut items = TokenStream::new();
    if !plan.options.is_empty() {
        let name = plan.options_ident();
        let docs = doc(&format!(
            "The optional parameters of [`{}`].",
            plan.request_fn()
        ));
        let fields = plan.options.iter().map(|arg| {
            let (ident, ty) = (&arg.ident, arg.owned());
            let field_doc = doc(&param_doc(arg));
            quote!(#field_doc pub #ident: Option<#ty>,)
        });
        items.extend(quote! {
            #docs
            #[derive(Debug, Clone, Default, PartialEq)]
            pub struct #name { #(#fields)* }
        });
    }
    if let Shape::Enum = plan.result {
        let name = plan.enum_ident();
        let docs = doc(&format!(
            "The documented replies of `{}`.",
            plan.operation.id
        ));
        let variants = plan.statuses.iter().map(|(status, ty)| {
            let variant = ident(&format!("Status{status}"));
            match ty {
                Some(ty) => quote!(#variant(#ty),),
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
    items.extend(request_fn(plan)?);
    items.extend(parse_fn(plan));
    Ok(items)
}

fn param_doc(arg: &Arg) -> String {
    let p = &arg.param.param;
    p.description
        .clone()
        .unwrap_or_else(|| format!("`{}`", p.name))
}

fn request_fn(plan: &OperationPlan<'_>) -> Result<TokenStream> {
    let op = plan.operation;
    let name = plan.request_fn();
    let docs = doc(&format!(
        "Builds the `{}` request: `{} {}`, relative to the endpoint.",
        op.id,
        op.method.to_uppercase(),
        op.path
    ));
    let mut args: Vec<TokenStream> = plan
        .params
        .iter()
        .map(|arg| {
            let (ident, ty) = (&arg.ident, arg.borrowed());
            quote!(#ident: #ty)
        })
        .collect();
    if !plan.options.is_empty() {
        let options = plan.options_ident();
        args.push(quote!(options: &#options));
    }
    let method = ident(&op.method.to_uppercase());
    let mut steps = path_steps(plan)?;
    if let Some(api_version) = &plan.api_version {
        steps.push(quote!(r.query(#API_VERSION, #api_version);));
    }
    for location in ["query", "header", "body"] {
        for arg in plan
            .params
            .iter()
            .filter(|arg| arg.param.param.location == location)
        {
            let value = &arg.ident;
            steps.push(set(arg, quote!(#value)));
        }
        for arg in plan
            .options
            .iter()
            .filter(|arg| arg.param.param.location == location)
        {
            let field = &arg.ident;
            let set = set(arg, quote!(value));
            steps.push(quote!(if let Some(value) = &options.#field { #set }));
        }
    }
    Ok(quote! {
        #docs
        pub fn #name(#(#args),*) -> Result<rt::Request, rt::RequestError> {
            let mut r = rt::RequestBuilder::new(http::Method::#method);
            #(#steps)*
            r.build()
        }
    })
}

/// The path template as literal pieces and encoded parameters.
fn path_steps(plan: &OperationPlan<'_>) -> Result<Vec<TokenStream>> {
    let op = plan.operation;
    let mut steps = Vec::new();
    let mut rest = op.path.as_str();
    while let Some(start) = rest.find('{') {
        let end = rest[start..]
            .find('}')
            .map(|end| start + end)
            .ok_or_else(|| op.location.error("the path template has an unclosed `{`"))?;
        let (literal, name) = (&rest[..start], &rest[start + 1..end]);
        if !literal.is_empty() {
            steps.push(quote!(r.path(#literal);));
        }
        let arg = plan
            .params
            .iter()
            .find(|arg| arg.param.param.location == "path" && arg.param.param.name == name)
            .ok_or_else(|| {
                op.location.error(format!(
                    "the path names `{{{name}}}` but no required path parameter has that name"
                ))
            })?;
        let value = &arg.ident;
        let text = text(arg, quote!(#value), ",");
        steps.push(if arg.param.param.skip_url_encoding {
            quote!(r.raw_segment(#text);)
        } else {
            quote!(r.segment(#text);)
        });
        rest = &rest[end + 1..];
    }
    if !rest.is_empty() {
        steps.push(quote!(r.path(#rest);));
    }
    Ok(steps)
}

/// An expression for a parameter's text (`value` is the argument or the option's value).
fn text(arg: &Arg, value: TokenStream, separator: &str) -> TokenStream {
    match arg.kind {
        Kind::Str => value,
        Kind::Scalar(_) => quote!(&#value.to_string()),
        Kind::Array(_) => {
            quote!(&#value.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(#separator))
        }
        Kind::Body(_) => value,
    }
}

/// Sets a query parameter, header or body from `value`.
fn set(arg: &Arg, value: TokenStream) -> TokenStream {
    let p = &arg.param.param;
    let name = &p.name;
    if p.location == "body" {
        return quote!(r.json(#value););
    }
    let separator = match p.collection_format.as_deref() {
        Some("ssv") => " ",
        Some("tsv") => "\t",
        Some("pipes") => "|",
        Some("multi") if p.location == "query" => {
            return quote!(for v in #value.iter() { r.query(#name, &v.to_string()); });
        }
        _ => ",",
    };
    let text = text(arg, value, separator);
    if p.location == "header" {
        quote!(r.header(#name, #text);)
    } else {
        quote!(r.query(#name, #text);)
    }
}

fn parse_fn(plan: &OperationPlan<'_>) -> TokenStream {
    let name = plan.parse_fn();
    let docs = doc(&format!(
        "Parses a reply to `{}`; a status it does not document is an [`Error::Service`] with the typed error body.",
        plan.operation.id
    ));
    let ty = plan.rust_type();
    let arms = plan.statuses.iter().map(|(status, body)| {
        let code = Literal::u16_unsuffixed(*status);
        let value = match (&plan.result, body) {
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
            (Shape::One(_), _) => quote!(rt::response::json(response)),
            (Shape::Optional(_), Some(_)) => quote!(rt::response::json(response).map(Some)),
            (Shape::Optional(_), None) => quote!(Ok(None)),
            (Shape::Enum, body) => {
                let variant = ident(&format!("Status{status}"));
                let path = plan.enum_ident();
                match body {
                    Some(_) => quote!(rt::response::json(response).map(#path::#variant)),
                    None => quote!(Ok(#path::#variant)),
                }
            }
        };
        quote!(#code => #value,)
    });
    // An operation documenting no success status (only `default`) has no arm to match.
    let body = match plan.statuses.is_empty() {
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
