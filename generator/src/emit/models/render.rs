//! Token helpers shared by the item renderers: identifiers, doc comments, type paths.

use super::types::{Ty, TypeRef};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// An identifier as the naming functions write it (`r#type` is a raw identifier).
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// `#[doc]` attributes for spec text (and the generator's code spans added to it).
pub fn doc(text: &str) -> TokenStream {
    crate::emit::rustdoc::doc(&crate::emit::rustdoc::spec_text(text))
}

/// The type `ty` as written in module `from` (a path below the models root).
pub fn ty(ty: &Ty, from: &[String]) -> TokenStream {
    match ty {
        Ty::Bool => quote!(bool),
        Ty::I32 => quote!(i32),
        Ty::I64 => quote!(i64),
        Ty::F32 => quote!(f32),
        Ty::F64 => quote!(f64),
        Ty::String => quote!(::std::string::String),
        Ty::Timestamp => quote!(::armgen_runtime::Timestamp),
        Ty::Json => quote!(::serde_json::Value),
        Ty::JsonObject => quote!(::serde_json::Map<::std::string::String, ::serde_json::Value>),
        Ty::Named(target) => path(target, from),
        Ty::Vec(item) => {
            let item = self::ty(item, from);
            quote!(::std::vec::Vec<#item>)
        }
        Ty::Map(value) => {
            let value = self::ty(value, from);
            quote!(::std::collections::BTreeMap<::std::string::String, #value>)
        }
        Ty::Boxed(inner) => {
            let inner = self::ty(inner, from);
            quote!(::std::boxed::Box<#inner>)
        }
    }
}

/// A relative path from module `from` to `target`: up to the models root, then down.
pub fn path(target: &TypeRef, from: &[String]) -> TokenStream {
    let ups = from.iter().map(|_| quote!(super::));
    let downs = target.module.iter().map(|m| {
        let m = ident(m);
        quote!(#m::)
    });
    let name = ident(&target.name);
    quote!(#(#ups)* #(#downs)* #name)
}
