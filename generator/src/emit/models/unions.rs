//! Discriminated unions: an enum with a variant per struct of the hierarchy, and one call
//! of `armgen_runtime::discriminated!` for serde (chosen by the discriminator's value, the
//! root for an unknown one) and `From` each struct.

use crate::emit::syntax;
use crate::emit::tokens::{ident, spec_doc as doc};
use crate::model::types::{TypeEntry, TypeSpace, Union};
use quote::quote;
use syn::Item;

pub fn render(types: &TypeSpace, entry: &TypeEntry, item: &Union) -> Vec<Item> {
    let mut attrs = doc(&entry.doc);
    if !entry.doc.trim().is_empty() {
        attrs.push(syntax::doc_text(""));
    }
    let name = ident(&entry.name);
    let root = types.get(item.root);
    let about = format!(
        " A `{}` or one of its subtypes, told apart by `{}`; a value of a type this version of the spec does not list is read as `{}`, keeping every member.",
        root.name, item.tag, root.name
    );
    attrs.push(syntax::doc_text(&about));
    attrs.push(syntax::list("derive", quote!(Debug, Clone, PartialEq)));
    attrs.push(syntax::list("allow", quote!(clippy::large_enum_variant)));
    let variants = item.variants.iter().map(|(wire, id)| {
        let variant = ident(&types.get(*id).name);
        let text = format!(" `{}` is `{wire}`.", item.tag);
        let ty = syntax::path_type(syntax::path_of(false, [variant.clone()], Vec::new()));
        syntax::variant(vec![syntax::doc_text(&text)], variant, Some(ty))
    });
    let arms = item.variants.iter().map(|(wire, id)| {
        let variant = ident(&types.get(*id).name);
        quote!(#variant = #wire)
    });
    let tag = &item.tag;
    let root_name = ident(&root.name);
    let root_wire = &item.variants[0].0;
    let serde = quote!(#name, #tag, #root_name = #root_wire { #(#arms),* });
    vec![
        syntax::enumeration(attrs, name, variants),
        syntax::macro_call("::armgen_runtime::discriminated", serde),
    ]
}
