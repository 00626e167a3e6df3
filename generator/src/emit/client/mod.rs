//! The client emitter: per operation, a sans-IO request function and response parser
//! (in a module per operationId prefix), and an async method on the client that sends
//! one and applies the other. Paging, long-running operations, retries and errors live
//! in `armgen-runtime`, so the generated code is only these thin functions. Names, types
//! and result shapes come from the model (`model::operations`); this is only how they
//! are written.

mod examples;
mod methods;
mod sans_io;

use super::format::{Holed, Kind, Piece};
use super::syntax;
use super::tokens::{doc, ident, Site};
use crate::error::{Error, Result};
use crate::model::operations::{Arg, ClientOperation};
use crate::model::types::{StringFormat, Type};
use crate::model::Model;
use proc_macro2::TokenStream;
use quote::quote;
use std::collections::HashMap;

/// The `client.rs` source for every operation of the model.
pub fn emit(model: &Model<'_>) -> Result<String> {
    let client = &model.client;
    // One client serves every spec, so an operationId may appear in only one of them:
    // a limit of this output (the docs take several api-versions of one operation).
    let mut seen = HashMap::new();
    for op in &client.operations {
        let operation = op.operation;
        if let Some(first) = seen.insert(&operation.id, operation) {
            return Err(operation.location.error(format!(
                "operationId `{}` is also in {}; one client cannot hold both (generate each api-version on its own)",
                operation.id,
                first.location.file.display()
            )));
        }
    }
    let writer = Writer { model };
    let error_body = match &client.error_body {
        Some(ty) => writer.ty(ty),
        None => named("serde_json::Value"),
    };
    // Keyed, not searched: big specs have as many groups as resource types. The items
    // are built when the formatter takes their module.
    let mut groups: indexmap::IndexMap<Option<usize>, Vec<&ClientOperation<'_>>> =
        indexmap::IndexMap::new();
    for op in &client.operations {
        groups.entry(op.group).or_default().push(op);
    }
    let writer = &writer;
    let modules = groups.into_iter().flat_map(move |(group, ops)| {
        let items = ops.into_iter().map(move |op| sans_io::items(writer, op));
        let Some(group) = group else {
            return items.map(Piece::from).collect::<Vec<_>>();
        };
        let group = &client.groups[group];
        let name = ident(&group.module);
        let docs = doc(&format!(
            "Requests and replies of the `{}_*` operations, without I/O.",
            group.title
        ));
        let module = Holed::new(move |fills| {
            let items = &fills[0];
            quote! {
                #docs
                pub mod #name {
                    use super::*;
                    #items
                }
            }
        });
        vec![module.hole(Kind::Items, items).into()]
    });
    let models = if client.uses_models {
        // `super`, not `crate`: the models may be a sibling module anywhere in the crate,
        // as when a build script's output is `include!`d.
        quote!(
            use super::models;
        )
    } else {
        quote!()
    };
    let param_groups = client.param_groups.iter().map(|group| {
        let name = ident(&group.type_name);
        let fields = group.fields.iter().map(|field| {
            let (field_ident, ty) = (ident(&field.ident), writer.ty(&field.ty));
            let docs = doc(&field.description.as_deref().map_or_else(
                || format!("`{}`", field.name),
                crate::emit::rustdoc::spec_text,
            ));
            match field.required {
                true => quote!(#docs pub #field_ident: #ty,),
                false => quote!(#docs pub #field_ident: Option<#ty>,),
            }
        });
        // Only a group of optional members has a value to start from.
        let default = match group.fields.iter().all(|field| !field.required) {
            true => quote!(Default,),
            false => quote!(),
        };
        quote! {
            /// Parameters the operations that take it group together (`x-ms-parameter-grouping`).
            #[derive(Debug, Clone, #default PartialEq)]
            pub struct #name { #(#fields)* }
        }
    });
    let header = quote! {
        #models
        use armgen_runtime as rt;

        /// The body of the service's error replies.
        pub type ErrorBody = #error_body;
        /// The error of every operation.
        pub type Error = rt::Error<ErrorBody>;
        pub type Result<T, E = Error> = std::result::Result<T, E>;
    };
    // In pieces, each module built when the formatter takes it (see `format::file`).
    let examples = std::iter::once_with(|| examples::module(writer));
    let param_groups = quote!(#(#param_groups)*);
    let pieces = std::iter::once(Piece::from(header))
        .chain(methods::client(writer))
        .chain([Piece::from(param_groups)])
        .chain(modules)
        .chain(examples);
    let mut text = super::format::file(pieces).map_err(|e| {
        Error::new(format!(
            "the generated client does not parse (a bug in armgen): {e}"
        ))
    })?;
    // No inner attributes or inner docs: they would make the file unusable with
    // `include!` from a build script. The includer's `mod` carries docs and lint levels.
    // Put in front rather than formatted with the text: no second copy of a file that is
    // megabytes long at scale.
    text.insert_str(0, "// The client, generated by armgen: do not edit.\n");
    Ok(text)
}

/// Writes the model's types and names as client code.
struct Writer<'m> {
    model: &'m Model<'m>,
}

impl Writer<'_> {
    fn ty(&self, ty: &Type) -> syn::Type {
        super::tokens::ty(&self.model.types, ty, Site::Client)
    }

    /// An argument's type as a function takes it: text and lists borrowed as slices,
    /// numbers and booleans by value, anything else by reference.
    fn borrowed(&self, arg: &Arg<'_>) -> syn::Type {
        match &arg.ty {
            Type::String(StringFormat::Plain) => syntax::ref_type(named("str")),
            Type::Vec(item) => syntax::ref_type(syntax::slice_type(self.ty(item))),
            Type::Binary => syntax::ref_type(syntax::slice_type(named("u8"))),
            ty if sans_io::by_value(ty) => self.ty(ty),
            other => syntax::ref_type(self.ty(other)),
        }
    }

    /// The type of `arg` as the function takes it, written in the operation's module or,
    /// `from_client`, in the client's: the body enum of an operation whose caller chooses
    /// the media type, else [`Writer::argument`].
    fn arg_type(&self, op: &ClientOperation<'_>, arg: &Arg<'_>, from_client: bool) -> syn::Type {
        match self.body_enum(op, arg, from_client) {
            Some(name) => syntax::ref_type(name),
            None => self.argument(arg),
        }
    }

    /// The enum a body argument is passed as, when the caller chooses its media type.
    fn body_enum(
        &self,
        op: &ClientOperation<'_>,
        arg: &Arg<'_>,
        from_client: bool,
    ) -> Option<syn::Type> {
        let name = op
            .names
            .body
            .as_deref()
            .filter(|_| arg.param.place == crate::model::Place::Body)?;
        Some(match from_client {
            true => syntax::path_type(self.item_path(op, name)),
            false => named(name),
        })
    }

    /// A client-held parameter's type in the client: optional ones may be unset.
    fn held(&self, arg: &Arg<'_>) -> syn::Type {
        let ty = self.ty(&arg.ty);
        match arg.param.param.required {
            true => ty,
            false => generic("Option", vec![ty]),
        }
    }

    /// An argument's type as the request function takes it: [`Writer::borrowed`], in an
    /// `Option` for an optional client-held parameter.
    fn argument(&self, arg: &Arg<'_>) -> syn::Type {
        let ty = self.borrowed(arg);
        match arg.param.client && !arg.param.param.required {
            true => generic("Option", vec![ty]),
            false => ty,
        }
    }

    /// `owned` (an `Option` of the parameter's type) as [`Writer::argument`] takes it.
    fn borrow_optional(&self, arg: &Arg<'_>, owned: TokenStream) -> TokenStream {
        match self.optional_borrow(arg) {
            Some(borrow) => {
                let borrow = ident(borrow);
                quote!(#owned.#borrow())
            }
            None => owned,
        }
    }

    /// The method [`Writer::borrow_optional`] calls, if any.
    fn optional_borrow(&self, arg: &Arg<'_>) -> Option<&'static str> {
        match &arg.ty {
            Type::String(StringFormat::Plain) | Type::Vec(_) => Some("as_deref"),
            ty if sans_io::by_value(ty) => None,
            _ => Some("as_ref"),
        }
    }

    /// The result type of an operation's parser: its body, with the declared headers when
    /// the replies have some (only the headers when they have no body).
    fn result(&self, op: &ClientOperation<'_>) -> syn::Type {
        use crate::model::operations::Shape;
        let Some(headers) = &op.names.headers else {
            return self.body(op);
        };
        let headers = syntax::path_type(self.item_path(op, headers));
        match op.result {
            Shape::Unit => headers,
            _ => generic("rt::WithHeaders", vec![self.body(op), headers]),
        }
    }

    /// The result type `Result<#ty, E>` of an operation: with its own error enum, or the
    /// client's `Error` (the alias's default).
    fn result_of(&self, op: &ClientOperation<'_>, ty: syn::Type) -> syn::Type {
        match &op.names.error {
            Some(error) => {
                let error = syntax::path_type(self.item_path(op, error));
                generic("Result", vec![ty, generic("rt::Error", vec![error])])
            }
            None => generic("Result", vec![ty]),
        }
    }

    /// The type of an operation's reply body.
    fn body(&self, op: &ClientOperation<'_>) -> syn::Type {
        use crate::model::operations::Shape;
        match &op.result {
            Shape::Unit => syntax::unit_type(),
            Shape::Exists => named("bool"),
            Shape::One(ty) => self.ty(ty),
            Shape::Optional(ty) => generic("Option", vec![self.ty(ty)]),
            // Named through its group's module, where it is defined: the client's methods
            // use it from outside that module (the module itself imports its siblings).
            Shape::Enum => syntax::path_type(
                self.item_path(
                    op,
                    op.names
                        .response
                        .as_deref()
                        .expect("an enum result has a name"),
                ),
            ),
            Shape::Page { item, .. } => generic("rt::Page", vec![self.ty(item)]),
        }
    }

    /// The path to an item of the operation's group module, from the client module.
    fn item_path(&self, op: &ClientOperation<'_>, item: &str) -> syn::Path {
        let group = op
            .group
            .map(|group| ident(&self.model.client.groups[group].module));
        syntax::path_of(false, group.into_iter().chain([ident(item)]), Vec::new())
    }
}

/// The type named `spelled` (a path).
fn named(spelled: &str) -> syn::Type {
    generic(spelled, Vec::new())
}

/// The type `spelled<args>`.
fn generic(spelled: &str, args: Vec<syn::Type>) -> syn::Type {
    syntax::path_type(syntax::path(spelled, args))
}
