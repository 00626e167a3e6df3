//! Code emitted once per models module: the round-trip dispatch for tests. What every
//! models module shares (timestamps, enum conversions) is in `armgen-runtime` instead.

use crate::emit::syntax;
use crate::model::types::TypeSpace;
use quote::quote;
use syn::{Item, ItemFn, Stmt};

/// The test hook: the JSON of a definition's type after a trip through it and back to
/// text. It sits behind the generated crate's `roundtrip` feature so that users never
/// compile it, and is keyed by the spec's definition names so that a test can find the type
/// of any schema it reads from the spec without a hand-written list.
pub fn roundtrip(types: &TypeSpace) -> syn::Result<Item> {
    // A spec without definitions has nothing to dispatch to (and nothing to import).
    let body = match types.definitions().is_empty() {
        true => quote! {
            let _ = (definition, value);
            None
        },
        false => quote!(
            use ::armgen_runtime::examples::roundtrip_via as via;
        ),
    };
    let mut function: ItemFn = syn::parse2(quote! {
        #[doc = " Deserializes `value` as the type of `definition`, serializes it back to text and"]
        #[doc = " parses that; `None` when there is no such definition. For tests only."]
        #[cfg(feature = "roundtrip")]
        #[doc(hidden)]
        pub fn roundtrip(
            definition: &str,
            value: ::serde_json::Value,
        ) -> ::std::option::Option<::std::result::Result<::serde_json::Value, ::serde_json::Error>> {
            #body
        }
    })?;
    if !types.definitions().is_empty() {
        // `Some(match definition { "Name" => via::<Type>(value), .., _ => return None })`,
        // an arm per definition: built, not parsed.
        let arms = types.definitions().iter().map(|(definition, id)| {
            let ty = syntax::path_type(syntax::path(&types.get(*id).name, Vec::new()));
            let value = syntax::path_expr(syntax::path("value", Vec::new()));
            syntax::str_arm(
                definition,
                syntax::call(syntax::turbofish("via", ty), [value]),
            )
        });
        let otherwise = syn::parse2(quote!(_ => return None,))?;
        let definition = syntax::path_expr(syntax::path("definition", Vec::new()));
        let dispatch = syntax::match_expr(definition, arms.chain([otherwise]));
        let some = syntax::path_expr(syntax::path("Some", Vec::new()));
        let result = syntax::call(some, [dispatch]);
        function.block.stmts.push(Stmt::Expr(result, None));
    }
    Ok(Item::Fn(function))
}
