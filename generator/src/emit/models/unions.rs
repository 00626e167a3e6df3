//! Discriminated unions: an enum with a variant per struct of the hierarchy, and one call
//! of `armgen_runtime::discriminated!` for serde (chosen by the discriminator's value, the
//! root for an unknown one) and `From` each struct.

use crate::emit::tokens::{ident, spec_doc as doc};
use crate::model::types::{TypeEntry, TypeSpace, Union};
use proc_macro2::TokenStream;
use quote::quote;

pub fn render(types: &TypeSpace, entry: &TypeEntry, item: &Union) -> TokenStream {
    let docs = doc(&entry.doc);
    let gap = (!entry.doc.trim().is_empty()).then(|| quote!(#[doc = ""]));
    let name = ident(&entry.name);
    let root = types.get(item.root);
    let about = format!(
        " A `{}` or one of its subtypes, told apart by `{}`; a value of a type this version of the spec does not list is read as `{}`, keeping every member.",
        root.name, item.tag, root.name
    );
    let variants = item.variants.iter().map(|(wire, id)| {
        let variant = ident(&types.get(*id).name);
        let text = format!(" `{}` is `{wire}`.", item.tag);
        quote!(#[doc = #text] #variant(#variant),)
    });
    let arms = item.variants.iter().map(|(wire, id)| {
        let variant = ident(&types.get(*id).name);
        quote!(#variant = #wire)
    });
    let tag = &item.tag;
    let root_name = ident(&root.name);
    let root_wire = &item.variants[0].0;
    quote! {
        #docs
        #gap
        #[doc = #about]
        #[derive(Debug, Clone, PartialEq)]
        #[allow(clippy::large_enum_variant)]
        pub enum #name {
            #(#variants)*
        }
        ::armgen_runtime::discriminated!(#name, #tag, #root_name = #root_wire { #(#arms),* });
    }
}
