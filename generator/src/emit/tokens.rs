//! Token helpers shared by the emitters of Rust: identifiers, doc comments, types.

use crate::model::types::{Type, TypeEntry, TypeSpace};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// An identifier as the naming functions write it (`r#type` is a raw identifier).
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// `#[doc]` attributes for the generator's own Markdown, whose intra-doc links stay links.
pub use super::rustdoc::doc;

/// `#[doc]` attributes for spec text, which displays as written (see [`super::rustdoc`]).
pub fn spec_doc(text: &str) -> TokenStream {
    doc(&super::rustdoc::spec_text(text))
}

/// Where a type is written, which decides how it is spelled.
#[derive(Debug, Clone, Copy)]
pub enum Site<'a> {
    /// In the models file, in the module `from` (a path below the models root): std
    /// types by absolute path, since a model may be called `String`; models by relative
    /// path, so the file can be `include!`d anywhere.
    Models { from: &'a [String] },
    /// In the client, where `models` and `rt` are in scope and no item is called like a
    /// prelude type.
    Client,
}

/// The tokens of `ty` written at `site`.
pub fn ty(types: &TypeSpace, ty: &Type, site: Site<'_>) -> TokenStream {
    let models = matches!(site, Site::Models { .. });
    let inner = |inner: &Type| self::ty(types, inner, site);
    match ty {
        Type::Bool => quote!(bool),
        Type::I32 => quote!(i32),
        Type::I64 => quote!(i64),
        Type::F32 => quote!(f32),
        Type::F64 => quote!(f64),
        Type::UnixTime if models => quote!(::armgen_runtime::UnixTime),
        Type::UnixTime => quote!(rt::UnixTime),
        Type::String(format) => match (format.runtime_type(), models) {
            (Some(name), true) => {
                let name = ident(name);
                quote!(::armgen_runtime::#name)
            }
            (Some(name), false) => {
                let name = ident(name);
                quote!(rt::#name)
            }
            (None, true) => quote!(::std::string::String),
            (None, false) => quote!(String),
        },
        Type::Json if models => quote!(::serde_json::Value),
        Type::Json => quote!(serde_json::Value),
        Type::JsonObject if models => {
            quote!(::serde_json::Map<::std::string::String, ::serde_json::Value>)
        }
        Type::JsonObject => quote!(serde_json::Map<String, serde_json::Value>),
        Type::Named(id) => path(types.get(*id), site),
        Type::Vec(item) if models => {
            let item = inner(item);
            quote!(::std::vec::Vec<#item>)
        }
        Type::Vec(item) => {
            let item = inner(item);
            quote!(Vec<#item>)
        }
        Type::Map(value) if models => {
            let value = inner(value);
            quote!(::std::collections::BTreeMap<::std::string::String, #value>)
        }
        Type::Map(value) => {
            let value = inner(value);
            quote!(std::collections::BTreeMap<String, #value>)
        }
        Type::Boxed(boxed) if models => {
            let boxed = inner(boxed);
            quote!(::std::boxed::Box<#boxed>)
        }
        Type::Boxed(boxed) => {
            let boxed = inner(boxed);
            quote!(Box<#boxed>)
        }
        Type::Binary if models => quote!(::std::vec::Vec<u8>),
        Type::Binary => quote!(Vec<u8>),
        Type::Nullable(value) if models => {
            let value = inner(value);
            quote!(::std::option::Option<#value>)
        }
        Type::Nullable(value) => {
            let value = inner(value);
            quote!(Option<#value>)
        }
    }
}

/// The path to a model: from module `from` up to the models root and down, or from the
/// client through its `models` import.
fn path(target: &TypeEntry, site: Site<'_>) -> TokenStream {
    let ups = match site {
        Site::Models { from } => from.iter().map(|_| quote!(super::)).collect(),
        Site::Client => vec![quote!(models::)],
    };
    let downs = target.module.iter().map(|m| {
        let m = ident(m);
        quote!(#m::)
    });
    let name = ident(&target.name);
    quote!(#(#ups)* #(#downs)* #name)
}
