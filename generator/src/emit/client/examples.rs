//! The hidden `examples` dispatch: from an operationId and an example's JSON parameters
//! to the operation's typed request function, and from a reply to its typed result as
//! JSON. It lets tests check every operation against the spec's examples without a
//! hand-written list of 59 calls, and is compiled only with the `examples` feature.

use super::plan::{Arg, OperationPlan, Plan, Shape};
use proc_macro2::TokenStream;
use quote::quote;

pub fn module(plan: &Plan<'_>) -> TokenStream {
    let ids = plan.operations.iter().map(|op| &op.operation.id);
    // Only the helpers some arm calls, or the import is unused.
    let required = plan.operations.iter().any(|op| !op.params.is_empty());
    let optional = plan.operations.iter().any(|op| !op.options.is_empty());
    let helpers = match (required, optional) {
        (true, true) => quote!(use rt::examples::{arg, optional}; let p = parameters;),
        (true, false) => quote!(use rt::examples::arg; let p = parameters;),
        (false, true) => quote!(use rt::examples::optional; let p = parameters;),
        (false, false) => quote!(let _ = parameters;),
    };
    let requests = plan.operations.iter().map(request_arm);
    let request_body = match plan.operations.is_empty() {
        true => quote!(Err(format!("no operation `{operation_id}`"))),
        false => quote! {
            match operation_id {
                #(#requests)*
                _ => Err(format!("no operation `{operation_id}`")),
            }
        },
    };
    let replies = plan.operations.iter().map(|op| {
        let id = &op.operation.id;
        let parse = op.item_path(&op.parse_fn());
        let convert = match op.result {
            Shape::Page { .. } => quote!(|page| json(page.items)),
            _ => quote!(json),
        };
        quote!(#id => #parse(response).map(#convert),)
    });
    // With no operation there is nothing to convert (nor to import).
    let parse_body = match plan.operations.is_empty() {
        true => quote! {
            let _ = (operation_id, response);
            Ok(None)
        },
        false => quote! {
            use rt::examples::json;
            Ok(Some(match operation_id {
                #(#replies)*
                _ => return Ok(None),
            }?))
        },
    };
    quote! {
        #[cfg(feature = "examples")]
        #[doc(hidden)]
        pub mod examples {
            use super::*;

            /// Every operationId, in spec order.
            pub const OPERATIONS: &[&str] = &[#(#ids),*];

            /// Calls the operation's request function with arguments taken from an
            /// example's `parameters` by spec name.
            pub fn build_request(operation_id: &str, parameters: &serde_json::Value) -> Result<rt::Request, String> {
                #helpers
                #request_body
            }

            /// Calls the operation's parser; the typed result comes back as JSON (a
            /// list's page as its items, no body as `null`).
            pub fn parse_response(operation_id: &str, response: rt::Response) -> Result<Option<serde_json::Value>> {
                #parse_body
            }
        }
    }
}

fn request_arm(op: &OperationPlan<'_>) -> TokenStream {
    let id = &op.operation.id;
    let function = op.item_path(&op.request_fn());
    let mut values: Vec<TokenStream> = op.params.iter().map(|arg| value(arg, true)).collect();
    if !op.options.is_empty() {
        let options = op.item_path(&op.options_ident());
        let fields = op.options.iter().map(|arg| {
            let field = &arg.ident;
            let value = value(arg, false);
            quote!(#field: #value)
        });
        values.push(quote!(&#options { #(#fields),* }));
    }
    quote!(#id => #function(#(#values),*).map_err(|e| e.to_string()),)
}

fn value(arg: &Arg, required: bool) -> TokenStream {
    let (name, ty) = (&arg.param.param.name, arg.owned());
    if !required {
        return quote!(optional::<#ty>(p, #name)?);
    }
    match arg.kind {
        super::plan::Kind::Scalar(_) => quote!(arg::<#ty>(p, #name)?),
        _ => quote!(&arg::<#ty>(p, #name)?),
    }
}
