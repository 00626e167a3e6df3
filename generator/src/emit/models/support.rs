//! Code emitted once per models module: the round-trip dispatch for tests. What every
//! models module shares (timestamps, enum conversions) is in `armgen-runtime` instead.

use crate::emit::tokens::ident;
use crate::model::types::TypeSpace;
use quote::quote;
use syn::Item;

/// The test hook: the JSON of a definition's type after a trip through it and back to
/// text. It sits behind the generated crate's `roundtrip` feature so that users never
/// compile it, and is keyed by the spec's definition names so that a test can find the type
/// of any schema it reads from the spec without a hand-written list.
pub fn roundtrip(types: &TypeSpace) -> syn::Result<Item> {
    let arms = types.definitions().iter().map(|(definition, id)| {
        let name = ident(&types.get(*id).name);
        quote!(#definition => via::<#name>(value),)
    });
    // A spec without definitions has nothing to dispatch to (and nothing to import).
    let body = match types.definitions().is_empty() {
        true => quote! {
            let _ = (definition, value);
            None
        },
        false => quote! {
            use ::armgen_runtime::examples::roundtrip_via as via;
            Some(match definition {
                #(#arms)*
                _ => return None,
            })
        },
    };
    syn::parse2(quote! {
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
    })
}
