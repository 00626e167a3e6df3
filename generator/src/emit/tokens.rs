//! Token helpers shared by the emitters of Rust: identifiers, doc comments, types.

use super::syntax;
use crate::model::types::{Type, TypeEntry, TypeSpace};
use proc_macro2::{Ident, Span};

/// An identifier as the naming functions write it (`r#type` is a raw identifier).
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// `#[doc]` attributes for the generator's own Markdown, whose intra-doc links stay links.
pub use super::rustdoc::{doc, doc_attrs};

/// `#[doc]` attributes for spec text, which displays as written (see [`super::rustdoc`]).
pub fn spec_doc(text: &str) -> Vec<syn::Attribute> {
    doc_attrs(&super::rustdoc::spec_text(text))
}

/// Where a type is written, which decides how it is spelled.
#[derive(Debug, Clone, Copy)]
pub enum Site<'a> {
    /// In the models file, in the module `from` (a path below the models root): std
    /// types by absolute path, since a model may be called `String`; models by relative
    /// path, so the file can be `include!`d anywhere.
    Models { from: &'a [String] },
    /// In the client, where `models` and `rt` are in scope and no item is called like a
    /// prelude type.
    Client,
}

/// `ty` as written at `site`.
pub fn ty(types: &TypeSpace, ty: &Type, site: Site<'_>) -> syn::Type {
    let models = matches!(site, Site::Models { .. });
    // The spelling of a std or dependency path in the models and in the client.
    let spelled = |in_models: &str, in_client: &str, args: Vec<syn::Type>| {
        let spelling = if models { in_models } else { in_client };
        syntax::path_type(syntax::path(spelling, args))
    };
    let inner = |inner: &Type| vec![self::ty(types, inner, site)];
    match ty {
        Type::Bool => spelled("bool", "bool", vec![]),
        Type::I32 => spelled("i32", "i32", vec![]),
        Type::I64 => spelled("i64", "i64", vec![]),
        Type::F32 => spelled("f32", "f32", vec![]),
        Type::F64 => spelled("f64", "f64", vec![]),
        Type::UnixTime => spelled("::armgen_runtime::UnixTime", "rt::UnixTime", vec![]),
        Type::String(format) => match format.runtime_type() {
            Some(name) => {
                let root = if models { "::armgen_runtime" } else { "rt" };
                syntax::path_type(syntax::path(&format!("{root}::{name}"), vec![]))
            }
            None => spelled("::std::string::String", "String", vec![]),
        },
        Type::Json => spelled("::serde_json::Value", "serde_json::Value", vec![]),
        Type::JsonObject => {
            let (key, value) = (
                spelled("::std::string::String", "String", vec![]),
                spelled("::serde_json::Value", "serde_json::Value", vec![]),
            );
            spelled("::serde_json::Map", "serde_json::Map", vec![key, value])
        }
        Type::Named(id) => syntax::path_type(path(types.get(*id), site)),
        Type::Vec(item) => spelled("::std::vec::Vec", "Vec", inner(item)),
        Type::Map(value) => {
            let key = spelled("::std::string::String", "String", vec![]);
            let args = vec![key, self::ty(types, value, site)];
            spelled(
                "::std::collections::BTreeMap",
                "std::collections::BTreeMap",
                args,
            )
        }
        Type::Boxed(boxed) => spelled("::std::boxed::Box", "Box", inner(boxed)),
        Type::Binary => {
            let byte = spelled("u8", "u8", vec![]);
            spelled("::std::vec::Vec", "Vec", vec![byte])
        }
        Type::Nullable(value) => spelled("::std::option::Option", "Option", inner(value)),
    }
}

/// The path to a model: from module `from` up to the models root and down, or from the
/// client through its `models` import.
fn path(target: &TypeEntry, site: Site<'_>) -> syn::Path {
    let (up, ups) = match site {
        Site::Models { from } => ("super", from.len()),
        Site::Client => ("models", 1),
    };
    let names = std::iter::repeat_n(up, ups)
        .chain(target.module.iter().map(String::as_str))
        .chain([target.name.as_str()])
        .map(ident);
    syntax::path_of(false, names, Vec::new())
}
