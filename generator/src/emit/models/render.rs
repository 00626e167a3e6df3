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

/// `#[doc]` attributes for spec text. `quote` escapes the string, so nothing in it can end
/// the attribute; what remains is Markdown that rustdoc would misread: indented or fenced
/// blocks would become doctests of the generated crate, so indentation goes and fences are
/// escaped. Control characters become spaces: a bare carriage return is not allowed in a
/// `///` comment, which is how the attribute prints.
pub fn doc(text: &str) -> TokenStream {
    let lines: Vec<String> = text
        .trim()
        .lines()
        .map(|line| {
            let line: String = line
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            let line = line
                .trim()
                .replace("```", "\\`\\`\\`")
                .replace("~~~", "\\~\\~\\~");
            if line.is_empty() {
                line
            } else {
                format!(" {line}")
            }
        })
        .collect();
    if lines.iter().all(String::is_empty) {
        return TokenStream::new();
    }
    quote! { #(#[doc = #lines])* }
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
