//! The hidden `examples` dispatch: from an operationId and an example's JSON parameters
//! to the operation's typed request function, and from a reply to its typed result as
//! JSON. It lets tests check every operation against the spec's examples without a
//! hand-written list of 59 calls, and is compiled only with the `examples` feature.

use super::Writer;
use crate::emit::format::{Holed, Kind, Piece};
use crate::model::bodies::{Encoding, RequestBody};
use crate::model::operations::{Arg, ClientOperation, Shape};
use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

pub fn module<'a>(writer: &'a Writer<'a>) -> Piece<'a> {
    let operations = &writer.model.client.operations;
    let ids = operations.iter().map(|op| &op.operation.id);
    let requests = operations.iter().map(move |op| request_arm(writer, op));
    let replies = operations.iter().map(move |op| {
        let id = &op.operation.id;
        let parse = writer.item_path(op, &op.names.parse_fn);
        let convert = match (&op.result, &op.names.headers) {
            (Shape::Page { .. }, _) => quote!(|page| json(page.items)),
            (_, None) => quote!(json),
            (Shape::Unit, Some(_)) => quote!(|_| json(())),
            (_, Some(_)) => quote!(|reply| json(reply.body)),
        };
        // An operation's own error enum is no body of the client's error.
        let erase = op
            .names
            .error
            .as_ref()
            .map(|_| quote!(.map_err(|error| error.map_body(|_| None))));
        quote!(#id => #parse(response) #erase .map(#convert),)
    });
    // Only what some operation uses, so a spec with few operations gives no warnings.
    let mut helpers = Vec::new();
    let unset = |arg: &Arg<'_>| arg.param.client && !arg.param.param.required;
    let groups = &writer.model.client.param_groups;
    let fields = |op: &ClientOperation<'_>| {
        op.groups
            .iter()
            .flat_map(|&group| &groups[group].fields)
            .collect::<Vec<_>>()
    };
    if operations.iter().any(|op| {
        op.params.iter().any(|a| !unset(a) && a.group.is_none())
            || fields(op).iter().any(|f| f.required)
    }) {
        helpers.push(quote!(arg));
    }
    if operations.iter().any(|op| {
        op.options.iter().any(|a| a.group.is_none())
            || op.params.iter().any(unset)
            || fields(op).iter().any(|f| !f.required)
    }) {
        helpers.push(quote!(optional));
    }
    let arguments = match helpers.is_empty() {
        true => quote!(let _ = parameters;),
        false => quote!(use rt::examples::{#(#helpers),*}; let p = parameters;),
    };
    let unknown = quote!(Err(format!("no operation `{operation_id}`")));
    // The two functions' `match`es have an arm per operation: they come a batch at a time.
    let build_request = |body: TokenStream| {
        quote! {
            /// Calls the operation's request function with arguments taken from an
            /// example's `parameters` by spec name.
            pub fn build_request(operation_id: &str, parameters: &serde_json::Value) -> Result<rt::Request, String> {
                #body
            }
        }
    };
    let parse_response = |body: TokenStream| {
        quote! {
            /// Calls the operation's parser; the typed result comes back as JSON (a
            /// list's page as its items, no body as `null`).
            pub fn parse_response(operation_id: &str, response: rt::Response) -> Result<Option<serde_json::Value>> {
                #body
            }
        }
    };
    let functions: [Piece<'a>; 2] = match operations.is_empty() {
        true => [
            build_request(quote!(let _ = parameters; #unknown)).into(),
            parse_response(quote!(let _ = (operation_id, response); Ok(None))).into(),
        ],
        false => [
            Holed::new(move |arms| {
                let arms = &arms[0];
                build_request(quote! {
                    #arguments
                    match operation_id {
                        #arms
                        _ => #unknown,
                    }
                })
            })
            .hole(Kind::Arms, requests)
            .into(),
            Holed::new(move |arms| {
                let arms = &arms[0];
                parse_response(quote! {
                    use rt::examples::json;
                    Ok(Some(match operation_id {
                        #arms
                        _ => return Ok(None),
                    }?))
                })
            })
            .hole(Kind::Arms, replies)
            .into(),
        ],
    };
    let head = quote! {
        use super::*;

        /// Every operationId, in spec order.
        pub const OPERATIONS: &[&str] = &[#(#ids),*];
    };
    Holed::new(|items| {
        let items = &items[0];
        quote! {
            #[cfg(feature = "examples")]
            #[doc(hidden)]
            pub mod examples {
                #items
            }
        }
    })
    .hole(
        Kind::Items,
        std::iter::once(Piece::from(head)).chain(functions),
    )
    .into()
}

fn request_arm(writer: &Writer<'_>, op: &ClientOperation<'_>) -> TokenStream {
    let id = &op.operation.id;
    let function = writer.item_path(op, &op.names.request_fn);
    let mut values: Vec<TokenStream> = op
        .params
        .iter()
        .filter(|arg| arg.group.is_none())
        .map(|arg| value(writer, op, arg, true))
        .collect();
    for &group in &op.groups {
        let group = &writer.model.client.param_groups[group];
        let ty = super::ident(&group.type_name);
        let fields = group.fields.iter().map(|field| {
            let (ident, name, ty) = (
                super::ident(&field.ident),
                &field.name,
                writer.ty(&field.ty),
            );
            match field.required {
                true => quote!(#ident: arg::<#ty>(p, #name)?),
                false => quote!(#ident: optional::<#ty>(p, #name)?),
            }
        });
        values.push(quote!(&#ty { #(#fields),* }));
    }
    if let Some(options) = &op.names.options {
        let options = writer.item_path(op, options);
        let fields = op
            .options
            .iter()
            .filter(|arg| arg.group.is_none())
            .map(|arg| {
                let field = super::ident(&arg.ident);
                let value = value(writer, op, arg, false);
                quote!(#field: #value)
            });
        values.push(quote!(&#options { #(#fields),* }));
    }
    quote!(#id => #function(#(#values),*).map_err(|e| e.to_string()),)
}

fn value(
    writer: &Writer<'_>,
    op: &ClientOperation<'_>,
    arg: &Arg<'_>,
    required: bool,
) -> TokenStream {
    let name = &arg.param.param.name;
    if let Some((body, variant, ty)) = choice(writer, op, arg) {
        return match required {
            true => quote!(&#body::#variant(arg::<#ty>(p, #name)?)),
            false => quote!(optional::<#ty>(p, #name)?.map(#body::#variant)),
        };
    }
    let ty = writer.ty(&arg.ty);
    if arg.param.client && !arg.param.param.required {
        return writer.borrow_optional(arg, quote!(optional::<#ty>(p, #name)?));
    }
    if !required {
        return quote!(optional::<#ty>(p, #name)?);
    }
    match super::sans_io::by_value(&arg.ty) {
        true => quote!(arg::<#ty>(p, #name)?),
        false => quote!(&arg::<#ty>(p, #name)?),
    }
}

/// For a body whose caller chooses the media type: the enum, and the variant an example's
/// value goes in (JSON if the operation takes it, else the first) with that variant's type.
fn choice(
    writer: &Writer<'_>,
    op: &ClientOperation<'_>,
    arg: &Arg<'_>,
) -> Option<(TokenStream, TokenStream, TokenStream)> {
    let body = writer.body_enum(op, arg, true)?;
    let Some(RequestBody::Choice(choices)) = &op.body else {
        return None;
    };
    let choice = choices
        .iter()
        .find(|c| c.encoding == Encoding::Json)
        .or(choices.first())?;
    let ty = match choice.encoding {
        Encoding::Json | Encoding::Xml => writer.ty(&arg.ty).to_token_stream(),
        Encoding::Text => quote!(String),
        Encoding::Bytes => quote!(Vec<u8>),
    };
    let variant = super::ident(&choice.ident);
    Some((body.to_token_stream(), quote!(#variant), ty))
}
