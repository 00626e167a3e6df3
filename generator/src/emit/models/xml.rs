//! The XML form of the types that travel in XML bodies: for a struct, an
//! `armgen_runtime::xml::XmlValue` impl reading and writing each field under the name
//! the type space resolved; for an enum, `armgen_runtime::xml_text!`. Only types that
//! an XML body reaches get them, so JSON-only models are unchanged.

use crate::emit::syntax;
use crate::emit::tokens::ident;
use crate::model::types::{Struct, TypeEntry, XmlKind, XmlNode};
use proc_macro2::TokenStream;
use quote::quote;
use syn::Item;

pub fn render_enum(entry: &TypeEntry) -> Item {
    let name = ident(&entry.name);
    syntax::macro_call("::armgen_runtime::xml_text", quote!(#name))
}

/// The struct's `XmlValue` impl, as tokens: its bodies are parsed (see
/// [`syntax::parse_items`]).
pub fn render_struct(entry: &TypeEntry, item: &Struct) -> TokenStream {
    let name = ident(&entry.name);
    // Documents are read by local names (see `armgen_runtime::xml`), written with prefixes.
    let reads = item.fields.iter().map(|field| {
        let ident = ident(&field.ident);
        let xml_name = local(&field.xml.name);
        let read = match &field.xml.kind {
            XmlKind::Attribute if field.optional => quote!(x::attribute(element, #xml_name)?),
            XmlKind::Attribute => quote!(x::required_attribute(element, #xml_name)?),
            XmlKind::Text if field.optional => {
                quote!(::std::option::Option::Some(x::text(element)?))
            }
            XmlKind::Text => quote!(x::text(element)?),
            XmlKind::Element if field.optional => quote!(x::element(element, #xml_name)?),
            XmlKind::Element => quote!(x::required(element, #xml_name)?),
            XmlKind::List { wrapped, item } => {
                let (wrapper, item) = (wrapper(*wrapped, xml_name), local(item));
                let list = quote!(x::list(element, #wrapper, #item)?);
                match field.optional {
                    true => list,
                    false => quote!(#list.unwrap_or_default()),
                }
            }
        };
        match field.nullable {
            true => quote!(#ident: #read.into(),),
            false => quote!(#ident: #read,),
        }
    });
    let extras_read = item.extras.as_ref().map(|extras| {
        let ident = ident(&extras.ident);
        let known = item
            .fields
            .iter()
            .filter_map(|field| match &field.xml.kind {
                XmlKind::Element => Some(local(&field.xml.name)),
                XmlKind::List { wrapped: true, .. } => Some(local(&field.xml.name)),
                XmlKind::List { item, .. } => Some(local(item)),
                XmlKind::Attribute | XmlKind::Text => None,
            });
        quote!(#ident: x::others(element, &[#(#known),*])?,)
    });
    // Request bodies leave read-only fields out, as their JSON does.
    let written = || item.fields.iter().filter(|field| !field.read_only);
    let attributes = written()
        .filter(|field| field.xml.kind == XmlKind::Attribute)
        .map(|field| {
            let ident = ident(&field.ident);
            let xml_name = &field.xml.name;
            let write = quote!(writer.attribute(#xml_name, &x::Text::to_text(value)););
            present(field.optional, ident, write)
        });
    let contents = written()
        .filter(|field| field.xml.kind != XmlKind::Attribute)
        .map(|field| {
            let ident = ident(&field.ident);
            let xml_name = &field.xml.name;
            let declare = declare(&field.xml);
            let write = match &field.xml.kind {
                XmlKind::Text => quote!(writer.text(&x::Text::to_text(value));),
                XmlKind::List { wrapped, item } => {
                    let wrapper = wrapper(*wrapped, xml_name);
                    quote!(#declare x::write_list(writer, #wrapper, #item, value);)
                }
                _ => quote!(#declare x::XmlValue::write(value, #xml_name, writer);),
            };
            present(field.optional, ident, write)
        });
    let extras_write = item.extras.as_ref().map(|extras| {
        let ident = ident(&extras.ident);
        quote!(x::write_others(writer, &self.#ident);)
    });
    if item.fields.is_empty() && item.extras.is_none() {
        return quote! {
            impl ::armgen_runtime::xml::XmlValue for #name {
                fn read(
                    _: &::armgen_runtime::xml::Element,
                ) -> ::std::result::Result<Self, ::armgen_runtime::xml::XmlError> {
                    ::std::result::Result::Ok(Self {})
                }

                fn write(&self, name: &str, writer: &mut ::armgen_runtime::xml::Writer) {
                    ::armgen_runtime::xml::write_text(writer, name, "");
                }
            }
        };
    }
    quote! {
        impl ::armgen_runtime::xml::XmlValue for #name {
            fn read(
                element: &::armgen_runtime::xml::Element,
            ) -> ::std::result::Result<Self, ::armgen_runtime::xml::XmlError> {
                use ::armgen_runtime::xml as x;
                ::std::result::Result::Ok(Self { #(#reads)* #extras_read })
            }

            fn write(&self, name: &str, writer: &mut ::armgen_runtime::xml::Writer) {
                use ::armgen_runtime::xml as x;
                writer.open(name);
                #(#attributes)*
                writer.content();
                #(#contents)*
                #extras_write
                writer.close(name);
            }
        }
    }
}

/// Runs `write` with `value` bound to the field, when it has one.
fn present(optional: bool, field: proc_macro2::Ident, write: TokenStream) -> TokenStream {
    match optional {
        // `as_ref` reaches a `Nullable`'s `Option` too.
        true => quote!(if let ::std::option::Option::Some(value) = self.#field.as_ref() { #write }),
        false => quote!({ let value = &self.#field; #write }),
    }
}

fn wrapper(wrapped: bool, name: &str) -> TokenStream {
    match wrapped {
        true => quote!(::std::option::Option::Some(#name)),
        false => quote!(::std::option::Option::None),
    }
}

/// The namespace declaration the next element carries, if any.
fn declare(node: &XmlNode) -> TokenStream {
    match &node.namespace {
        Some((attribute, uri)) => quote!(writer.declare(#attribute, #uri);),
        None => quote!(),
    }
}

fn local(name: &str) -> &str {
    name.rsplit_once(':').map_or(name, |(_, local)| local)
}
