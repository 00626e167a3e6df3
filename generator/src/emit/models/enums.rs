//! Enums: the type with its variants, and one call of `armgen_runtime::wire_enum!` for
//! the string conversions and serde impls.

use crate::emit::tokens::{ident, spec_doc as doc};
use crate::model::types::{Enum, TypeEntry};
use proc_macro2::TokenStream;
use quote::quote;

pub fn render(entry: &TypeEntry, item: &Enum) -> TokenStream {
    let docs = doc(&entry.doc);
    let name = ident(&entry.name);
    // A closed enum of one value is a constant: that value is its default.
    let constant = item.other.is_none() && item.variants.len() == 1;
    let variants = item.variants.iter().map(|variant| {
        let wire = format!("`{}` on the wire.", variant.wire.replace('`', "\\`"));
        let text = if variant.doc.trim().is_empty() {
            wire
        } else {
            format!("{}\n\n{wire}", variant.doc)
        };
        let docs = doc(&text);
        let name = ident(&variant.ident);
        let default = constant.then(|| quote!(#[default]));
        quote!(#docs #default #name,)
    });
    let arms = item.variants.iter().map(|variant| {
        let name = ident(&variant.ident);
        let wire = &variant.wire;
        quote!(#name = #wire)
    });
    let (other_variant, kind) = match &item.other {
        Some(other) => {
            let other = ident(other);
            (
                Some(quote! {
                    #[doc = " A value this version of the spec does not list, kept as sent."]
                    #other(::std::string::String),
                }),
                quote!(open #other),
            )
        }
        None => (None, quote!(closed)),
    };
    let default = constant.then(|| quote!(Default,));
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, Eq, Hash, #default)]
        pub enum #name {
            #(#variants)*
            #other_variant
        }
        ::armgen_runtime::wire_enum!(#name #kind { #(#arms),* });
    }
}
