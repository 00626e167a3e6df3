//! Enums: the type with its variants, and one call of `armgen_runtime::wire_enum!` for
//! the string conversions and serde impls.

use crate::emit::syntax;
use crate::emit::tokens::{ident, spec_doc as doc};
use crate::model::types::{Enum, TypeEntry};
use quote::quote;
use syn::Item;

pub fn render(entry: &TypeEntry, item: &Enum) -> Vec<Item> {
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
        let mut attrs = doc(&text);
        if constant {
            attrs.push(syntax::marker("default"));
        }
        syntax::variant(attrs, ident(&variant.ident), None)
    });
    let arms = item.variants.iter().map(|variant| {
        let name = ident(&variant.ident);
        let wire = &variant.wire;
        quote!(#name = #wire)
    });
    let (other_variant, kind) = match &item.other {
        Some(other) => {
            let other = ident(other);
            let about = " A value this version of the spec does not list, kept as sent.";
            let string = syntax::path_type(syntax::path("::std::string::String", Vec::new()));
            let attrs = vec![syntax::doc_text(about)];
            (
                Some(syntax::variant(attrs, other.clone(), Some(string))),
                quote!(open #other),
            )
        }
        None => (None, quote!(closed)),
    };
    let default = constant.then(|| quote!(Default,));
    let mut attrs = doc(&entry.doc);
    attrs.push(syntax::list(
        "derive",
        quote!(Debug, Clone, PartialEq, Eq, Hash, #default),
    ));
    let conversions = quote!(#name #kind { #(#arms),* });
    vec![
        syntax::enumeration(attrs, name, variants.chain(other_variant)),
        syntax::macro_call("::armgen_runtime::wire_enum", conversions),
    ]
}
