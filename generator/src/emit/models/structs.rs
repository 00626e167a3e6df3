//! Structs: one field per property, in spec order.

use crate::emit::tokens::{ident, spec_doc as doc, ty, Site};
use crate::model::names::unraw;
use crate::model::types::{Struct, Type, TypeEntry, TypeSpace};
use proc_macro2::TokenStream;
use quote::quote;

pub fn render(types: &TypeSpace, entry: &TypeEntry, item: &Struct) -> TokenStream {
    let docs = doc(&entry.doc);
    let name = ident(&entry.name);
    let site = Site::Models {
        from: &entry.module,
    };
    let fields = item.fields.iter().map(|field| {
        let docs = doc(&field.doc);
        let name = ident(&field.ident);
        let rename = (unraw(&field.ident) != field.json).then(|| {
            let json = &field.json;
            quote!(#[serde(rename = #json)])
        });
        let field_ty = ty(types, &field.ty, site);
        if field.optional {
            quote! {
                #docs
                #rename
                #[serde(default, skip_serializing_if = "Option::is_none")]
                pub #name: ::std::option::Option<#field_ty>,
            }
        } else {
            quote! {
                #docs
                #rename
                pub #name: #field_ty,
            }
        }
    });
    let extras = item.extras.as_ref().map(|(field, value)| {
        let name = ident(field);
        let map = ty(types, &Type::Map(Box::new(value.clone())), site);
        quote! {
            #[doc = " Properties beyond the declared ones (`additionalProperties`)."]
            #[serde(flatten)]
            pub #name: #map,
        }
    });
    // `Default` only when an empty value is valid: no field is required.
    let default = item
        .fields
        .iter()
        .all(|f| f.optional)
        .then(|| quote!(Default,));
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, #default ::serde::Serialize, ::serde::Deserialize)]
        pub struct #name {
            #(#fields)*
            #extras
        }
    }
}
