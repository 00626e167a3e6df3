//! Structs: one field per property, in spec order, then the map of undeclared members.
//!
//! Every struct is `#[non_exhaustive]`, so code outside the crate builds it through
//! `new` (the required, writable fields but constants) or `Default` (when there are
//! none) and then sets
//! fields: a spec version that adds an optional property breaks no user code. Builders
//! would say the same with a type and a method per field, which the models of a large spec
//! would pay for in compile time; public fields already are the setters.

use crate::emit::syntax;
use crate::emit::tokens::{ident, spec_doc as doc, ty, Site};
use crate::model::names::unraw;
use crate::model::types::{Details, Field, Struct, Type, TypeEntry, TypeSpace};
use proc_macro2::TokenStream;
use quote::quote;
use syn::Item;

/// Clippy's `too_many_arguments` limit, which a constructor may pass.
const CLIPPY_MAX_ARGUMENTS: usize = 7;

pub fn render(types: &TypeSpace, entry: &TypeEntry, item: &Struct) -> syn::Result<Vec<Item>> {
    let site = Site::Models {
        from: &entry.module,
    };
    let fields = item.fields.iter().map(|field| {
        let mut attrs = doc(&field.doc);
        if unraw(&field.ident) != field.json {
            let json = &field.json;
            attrs.push(syntax::list("serde", quote!(rename = #json)));
        }
        let field_ty = ty(types, &field.ty, site);
        // Read-only fields stay out of request bodies, which the runtime serializes in
        // its request mode; replies and other serializations keep them.
        let (optional, skip) = match (field.nullable, field.read_only) {
            (true, true) => (
                "::armgen_runtime::Nullable",
                "::armgen_runtime::skip_read_only",
            ),
            (true, false) => (
                "::armgen_runtime::Nullable",
                "::armgen_runtime::Nullable::is_absent",
            ),
            (false, _) => ("::std::option::Option", "::std::option::Option::is_none"),
        };
        let field_ty = if field.fixed.is_some() {
            // A value without its discriminator is of the type it is read as.
            let default = format!("{}::{}", entry.name, default_fn(&field.ident));
            attrs.push(syntax::list("serde", quote!(default = #default)));
            field_ty
        } else if constant(types, field) {
            attrs.push(syntax::list("serde", quote!(default)));
            field_ty
        } else if field.optional {
            let serde = quote!(default, skip_serializing_if = #skip);
            attrs.push(syntax::list("serde", serde));
            syntax::path_type(syntax::path(optional, vec![field_ty]))
        } else {
            field_ty
        };
        syntax::field(attrs, ident(&field.ident), field_ty)
    });
    let extras = item.extras.as_ref().map(|extras| {
        let map = ty(types, &Type::Map(Box::new(extras.value.clone())), site);
        let lines: &[&str] = match extras.declared {
            true => &[" Properties beyond the declared ones (`additionalProperties`)."],
            false => &[
                " Properties this version of the spec does not declare, kept as received and",
                " sent back, so that a value read, changed and written back loses nothing.",
            ],
        };
        let mut attrs: Vec<_> = lines.iter().map(|line| syntax::doc_text(line)).collect();
        attrs.push(syntax::list("serde", quote!(flatten)));
        syntax::field(attrs, ident(&extras.ident), map)
    });
    // `Default` only when an empty value is valid: no field is required but constants.
    let default = item
        .fields
        .iter()
        .all(|f| f.optional || constant(types, f))
        .then(|| quote!(Default,));
    let mut attrs = doc(&entry.doc);
    attrs.push(syntax::list(
        "derive",
        quote!(Debug, Clone, PartialEq, #default ::serde::Serialize, ::serde::Deserialize),
    ));
    attrs.push(syntax::marker("non_exhaustive"));
    let name = ident(&entry.name);
    let mut items = vec![syntax::structure(attrs, name, fields.chain(extras))];
    items.extend(constructor(types, entry, item)?);
    Ok(items)
}

/// `new`, taking the required, writable fields in spec order; a discriminator is set to
/// the type's value and every other field starts empty. Types without required fields
/// have `Default` instead; those whose only required field is a discriminator have both.
///
/// `new` is built; the rarer functions of discriminators and `Default` impls are parsed.
fn constructor(types: &TypeSpace, entry: &TypeEntry, item: &Struct) -> syn::Result<Vec<Item>> {
    let fixed = item.fields.iter().any(|f| f.fixed.is_some());
    let required = || item.required().filter(|field| !constant(types, field));
    if required().next().is_none() && !fixed {
        return Ok(Vec::new());
    }
    let site = Site::Models {
        from: &entry.module,
    };
    let params = required().map(|field| {
        let into = syntax::path("::std::convert::Into", vec![ty(types, &field.ty, site)]);
        syntax::impl_arg(ident(&field.ident), into)
    });
    let empty = || {
        let default = syntax::path("::std::default::Default::default", Vec::new());
        syntax::call(syntax::path_expr(default), [])
    };
    let values = item.fields.iter().map(|field| {
        let name = ident(&field.ident);
        let value = match (&field.fixed, field.optional) {
            (Some(_), _) => {
                let function = format!("Self::{}", default_fn(&field.ident));
                syntax::call(syntax::path_expr(syntax::path(&function, Vec::new())), [])
            }
            // Optional fields start empty, constants as their one value.
            (None, false) if !constant(types, field) => {
                let argument =
                    syntax::path_expr(syntax::path_of(false, [name.clone()], Vec::new()));
                syntax::method_call(argument, "into")
            }
            (None, _) => empty(),
        };
        (name, value)
    });
    let extras = item
        .extras
        .iter()
        .map(|extras| (ident(&extras.ident), empty()));
    let mut attrs = vec![syntax::doc_text(
        " A value with the required fields; every optional field is `None`.",
    )];
    if required().count() > CLIPPY_MAX_ARGUMENTS {
        attrs.push(syntax::list("allow", quote!(clippy::too_many_arguments)));
    }
    let own = || syntax::path_type(syntax::path("Self", Vec::new()));
    let body = syntax::struct_expr(syntax::path("Self", Vec::new()), values.chain(extras));
    let mut functions = vec![syntax::method(attrs, "new", params, own(), body)];
    let name = ident(&entry.name);
    for field in &item.fields {
        let Some(wire) = &field.fixed else {
            continue;
        };
        let function = ident(&default_fn(&field.ident));
        let value = discriminator(types, field, wire, site);
        let field_ty = ty(types, &field.ty, site);
        functions.push(syn::parse2(quote! {
            fn #function() -> #field_ty {
                #value
            }
        })?);
    }
    let self_ty = syntax::path_type(syntax::path_of(false, [name.clone()], Vec::new()));
    let mut items = vec![syntax::inherent_impl(self_ty, functions)];
    if required().next().is_none() {
        items.push(syn::parse2(quote! {
            impl ::std::default::Default for #name {
                fn default() -> Self {
                    Self::new()
                }
            }
        })?);
    }
    Ok(items)
}

/// The function giving a discriminator field its type's value.
fn default_fn(field: &str) -> String {
    format!("default_{}", unraw(field))
}

/// The discriminator value `wire` as the field's type: an enum's variant, or converted
/// from the text.
fn discriminator(types: &TypeSpace, field: &Field, wire: &str, site: Site<'_>) -> TokenStream {
    let field_ty = ty(types, &field.ty, site);
    if let Type::Named(id) = &field.ty {
        if let Details::Enum(e) = &types.get(*id).details {
            if let Some(variant) = e.variants.iter().find(|v| v.wire == wire) {
                let variant = ident(&variant.ident);
                return quote!(#field_ty::#variant);
            }
            // The type space refuses a closed enum lacking the value.
            if let Some(other) = &e.other {
                let other = ident(other);
                return quote!(#field_ty::#other(::std::string::String::from(#wire)));
            }
        }
    }
    quote!(<#field_ty as ::std::convert::From<&str>>::from(#wire))
}

/// Whether a field is a constant: required, no discriminator, and of a closed enum of one
/// value (AutoRest's rule). It is no argument of `new`, starts as that value, and reads
/// as it when a reply leaves it out.
fn constant(types: &TypeSpace, field: &Field) -> bool {
    let Type::Named(id) = &field.ty else {
        return false;
    };
    !field.optional
        && field.fixed.is_none()
        && matches!(&types.get(*id).details, Details::Enum(e) if e.other.is_none() && e.variants.len() == 1)
}
