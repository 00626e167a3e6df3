//! The async client: a `Client` holding the pipeline and the client-held parameters,
//! one accessor per operation group, and one method per operation calling the
//! operation's sans-IO functions.

use super::sans_io::by_value;
use super::{ident, Writer};
use crate::emit::format::{Holed, Kind, Piece};
use crate::emit::syntax;
use crate::emit::tokens::doc;
use crate::model::operations::{Authentication, ClientOperation, NextArg, Shape};
use proc_macro2::TokenStream;
use quote::{quote, ToTokens};

/// The client's items, in pieces: its methods are built as the formatter takes them (see
/// [`crate::emit::format::Holed`]).
pub fn client<'a>(writer: &'a Writer<'a>) -> impl Iterator<Item = Piece<'a>> + 'a {
    let client = &writer.model.client;
    let args: Vec<TokenStream> = client
        .client_params
        .iter()
        .map(|arg| {
            let (ident, ty) = (ident(&arg.ident), writer.held(arg));
            quote!(#ident: #ty)
        })
        .collect();
    let fields = args.iter().map(|arg| quote!(#arg,));
    let names: Vec<_> = client
        .client_params
        .iter()
        .map(|arg| ident(&arg.ident))
        .collect();
    // Groups without operations left (all refused) would have no items to name.
    let used: Vec<usize> = {
        let mut used: Vec<usize> = client.operations.iter().filter_map(|op| op.group).collect();
        used.sort_unstable();
        used.dedup();
        used
    };
    let accessors = used.clone().into_iter().map(|index| {
        let group = &client.groups[index];
        let (accessor, ty) = (ident(&group.accessor), ident(&group.type_name));
        let docs = doc(&format!("The `{}_*` operations.", group.title));
        quote!(#docs pub fn #accessor(&self) -> #ty<'_> { #ty { client: self } })
    });
    let (authentication, credential, pipeline) = authentication(&client.authentication);
    let method = move |op| method(writer, op);
    let ungrouped = client
        .operations
        .iter()
        .filter(|op| op.group.is_none())
        .map(method);
    let group_items = used.into_iter().flat_map(move |index| {
        let group = &client.groups[index];
        let ty = ident(&group.type_name);
        let docs = doc(&format!(
            "The `{}_*` operations, from [`Client::{}`].",
            group.title, group.accessor
        ));
        let methods = client
            .operations
            .iter()
            .filter(move |op| op.group == Some(index))
            .map(method);
        let holder = ty.clone();
        let impl_block = Holed::new(move |fills| {
            let methods = &fills[0];
            quote! {
                #[cfg(feature = "client")]
                impl #holder<'_> { #methods }
            }
        });
        [
            Piece::from(quote! {
                #docs
                #[cfg(feature = "client")]
                #[derive(Debug, Clone, Copy)]
                pub struct #ty<'a> { client: &'a Client }
            }),
            impl_block.hole(Kind::Items, methods).into(),
        ]
    });
    let new_doc = match client.operations.iter().any(|op| op.operation.host.is_some()) {
        true => " A client over reqwest, sending to the endpoint its host parameters make (`x-ms-parameterized-host`).",
        false => " A client over reqwest, sending to `https://management.azure.com`.",
    };
    let head = quote! {
        /// The async client: sends each operation's request through a [`rt::Pipeline`]
        /// (authentication, timeouts, retries) and parses the reply.
        #[cfg(feature = "client")]
        #[derive(Debug, Clone)]
        pub struct Client { pipeline: rt::Pipeline, #(#fields)* }

        #authentication
    };
    let impl_block = Holed::new(move |fills| {
        let methods = &fills[0];
        quote! {
            #[cfg(feature = "client")]
            impl Client {
                #[doc = #new_doc]
                #[cfg(feature = "reqwest")]
                pub fn new(#credential, #(#args),*) -> Self {
                    Self::with_pipeline(rt::Pipeline::with_reqwest(#pipeline), #(#names),*)
                }

                /// A client over any pipeline: another transport, endpoint, timeout or retry policy.
                pub fn with_pipeline(pipeline: rt::Pipeline, #(#args),*) -> Self {
                    Self { pipeline, #(#names),* }
                }

                pub fn pipeline(&self) -> &rt::Pipeline {
                    &self.pipeline
                }

                #methods
            }
        }
    });
    let impl_block = impl_block.hole(Kind::Items, accessors.chain(ungrouped));
    [Piece::from(head), impl_block.into()]
        .into_iter()
        .chain(group_items)
}

/// The items the spec's security scheme adds, the credential `Client::new` takes, and the
/// arguments of its pipeline.
fn authentication(authentication: &Authentication) -> (TokenStream, TokenStream, TokenStream) {
    let token = quote!(credential: std::sync::Arc<dyn rt::TokenCredential>);
    match authentication {
        Authentication::Arm => (
            quote!(),
            token,
            quote!(credential, rt::ClientOptions::default()),
        ),
        Authentication::Bearer { scope } => (
            quote! {
                /// The OAuth 2 scope of the service's tokens (its `securityDefinitions`).
                pub const SCOPE: &str = #scope;
            },
            token,
            quote!(
                credential,
                rt::ClientOptions {
                    scope: SCOPE.into(),
                    ..rt::ClientOptions::default()
                }
            ),
        ),
        Authentication::Key { header } => (
            quote! {
                /// The header carrying the service's key (its `securityDefinitions`).
                pub const KEY_HEADER: &str = #header;
            },
            quote!(key: rt::KeyCredential),
            quote!(
                rt::Authentication::key(KEY_HEADER, key),
                rt::ClientOptions::default()
            ),
        ),
    }
}

/// The method calling `plan`'s sans-IO functions: a placeholder for its syntax tree, or
/// tokens for a list's (whose closures are left to syn).
fn method(writer: &Writer<'_>, plan: &ClientOperation<'_>) -> TokenStream {
    let op = plan.operation;
    let name = ident(&plan.names.method);
    let text = crate::emit::rustdoc::spec_text(
        op.description
            .as_deref()
            .or(op.summary.as_deref())
            .unwrap_or(&op.id),
    );
    let request_fn = writer.item_path(plan, &plan.names.request_fn);
    let parse_fn = writer.item_path(plan, &plan.names.parse_fn);
    let docs = format!(
        "{text}\n\n`{}` ([`{}`], [`{}`]).",
        op.id,
        request_fn.to_token_stream().to_string().replace(' ', ""),
        parse_fn.to_token_stream().to_string().replace(' ', "")
    );
    let client = match plan.group.is_some() {
        true => syntax::field_access(syntax::name("self"), ident("client")),
        false => syntax::name("self"),
    };
    let mut args = Vec::new();
    let mut values = Vec::new();
    for arg in plan.params.iter().filter(|arg| arg.group.is_none()) {
        let ident = ident(&arg.ident);
        if arg.param.client && !arg.param.param.required {
            let held = syntax::field_access(client.clone(), ident);
            values.push(match writer.optional_borrow(arg) {
                Some(borrow) => syntax::method_call(held, borrow),
                None => held,
            });
        } else if arg.param.client && super::sans_io::by_value(&arg.ty) {
            values.push(syntax::field_access(client.clone(), ident));
        } else if arg.param.client {
            values.push(syntax::reference(syntax::field_access(
                client.clone(),
                ident,
            )));
        } else {
            let ty = writer.arg_type(plan, arg, true);
            args.push(syntax::arg(ident.clone(), ty));
            values.push(syntax::path_expr(ident.into()));
        }
    }
    for &group in &plan.groups {
        let group = &writer.model.client.param_groups[group];
        let (name, ty) = (ident(&group.ident), ident(&group.type_name));
        args.push(syntax::arg(name.clone(), syntax::path_type(ty.into())));
        values.push(syntax::reference(syntax::path_expr(name.into())));
    }
    if let Some(options) = &plan.names.options {
        let options = writer.item_path(plan, options);
        args.push(syntax::arg(ident("options"), syntax::path_type(options)));
        values.push(syntax::reference(syntax::name("options")));
    }
    let request = syntax::call(syntax::path_expr(request_fn), values);
    let pipeline = || {
        syntax::method_call(
            syntax::field_access(client.clone(), ident("pipeline")),
            "clone",
        )
    };
    if let Shape::Page { item, .. } = &plan.result {
        let docs = doc(&docs);
        let item = writer.ty(item);
        let client = client.to_token_stream();
        let (next, with_next) = next_request(writer, plan, &client);
        let error_body = quote!(ErrorBody);
        if op.long_running.is_some() {
            // The operation's result is the first page.
            let final_state = ident(final_state(op));
            return quote! {
                #docs
                pub async fn #name(&self, #(#args),*) -> Result<rt::Pager<#item, #error_body>> {
                    #next
                    let first = rt::Poller::new(#client.pipeline.clone(), #request, rt::FinalState::#final_state, #parse_fn).await?;
                    Ok(rt::Pager::from_first_page(#client.pipeline.clone(), first, #parse_fn) #with_next)
                }
            };
        }
        return quote! {
            #docs
            pub fn #name(&self, #(#args),*) -> rt::Pager<#item, #error_body> {
                #next
                rt::Pager::new(#client.pipeline.clone(), #request, #parse_fn)
                    #with_next
            }
        };
    }
    let docs = crate::emit::rustdoc::doc_attrs(&docs);
    let ty = writer.result(plan);
    let parse_fn = syntax::path_expr(parse_fn);
    let method = if op.long_running.is_some() {
        let final_state = syntax::path_expr(syntax::path(
            &format!("rt::FinalState::{}", final_state(op)),
            Vec::new(),
        ));
        let poller = syntax::path_type(syntax::path(
            "rt::Poller",
            vec![ty, syntax::path_type(syntax::path("ErrorBody", Vec::new()))],
        ));
        let body = syntax::call(
            syntax::name("rt::Poller::new"),
            [pipeline(), request, final_state, parse_fn],
        );
        syntax::self_method(docs, false, name, args, poller, body)
    } else {
        let result = writer.result_of(plan, ty);
        let pipeline = syntax::field_access(client, ident("pipeline"));
        let execute = syntax::method_call_with(pipeline, ident("execute"), [request, parse_fn]);
        syntax::self_method(docs, true, name, args, result, syntax::await_expr(execute))
    };
    crate::emit::format::member(Ok(method))
}

/// For a list whose next pages come from another operation (`operationName`): the
/// statements building the closure `next` from the list's arguments (owned copies), and
/// the call handing it to the pager.
fn next_request(
    writer: &Writer<'_>,
    plan: &ClientOperation<'_>,
    client: &TokenStream,
) -> (TokenStream, TokenStream) {
    let Some(next) = &plan.next else {
        return (quote!(), quote!());
    };
    let next_op = &writer.model.client.operations[next.operation];
    let mut captures = Vec::new();
    let mut values = Vec::new();
    for (arg, source) in next_op.params.iter().zip(&next.args) {
        let name = ident(&arg.ident);
        match source {
            NextArg::Grouped => {}
            NextArg::Link => values.push(quote!(link)),
            NextArg::Client => {
                captures.push(quote!(let #name = #client.#name.clone();));
                values.push(match arg.param.param.required {
                    true => quote!(&#name),
                    false => writer.borrow_optional(arg, quote!(#name)),
                });
            }
            NextArg::Param(own) => {
                let own = ident(&plan.params[*own].ident);
                if by_value(&arg.ty) {
                    // Copied into the `move` closure as it is.
                    if name != own {
                        captures.push(quote!(let #name = #own;));
                    }
                    values.push(quote!(#name));
                } else {
                    captures.push(quote!(let #name = #own.to_owned();));
                    values.push(quote!(&#name));
                }
            }
        }
    }
    for &group in &next_op.groups {
        let group = ident(&writer.model.client.param_groups[group].ident);
        captures.push(quote!(let #group = #group.clone();));
        values.push(quote!(&#group));
    }
    if let Some(options) = &next_op.names.options {
        let options = writer.item_path(next_op, options);
        let grouped = next_op.options.iter().map(|arg| arg.group.is_none());
        let own = next
            .options
            .iter()
            .zip(grouped)
            .filter(|(_, ungrouped)| *ungrouped);
        let args = next_op.options.iter().filter(|arg| arg.group.is_none());
        let fields = args.zip(own.map(|(own, _)| own)).map(|(arg, own)| {
            let field = ident(&arg.ident);
            match own {
                Some(own) => {
                    let own = ident(&plan.options[*own].ident);
                    quote!(#field: options.#own.clone(),)
                }
                None => quote!(#field: None,),
            }
        });
        captures.push(quote!(let next_options = #options { #(#fields)* };));
        values.push(quote!(&next_options));
    }
    let request_fn = writer.item_path(next_op, &next_op.names.request_fn);
    // A next operation without a parameter for the link is requested as it is.
    let link = match next.args.contains(&NextArg::Link) {
        true => quote!(link),
        false => quote!(_link),
    };
    (
        quote! {
            let next = {
                #(#captures)*
                move |#link: &str| #request_fn(#(#values),*)
            };
        },
        quote!(.with_next_request(next)),
    )
}

/// The `rt::FinalState` variant of a long-running operation's `final-state-via`.
fn final_state(op: &crate::model::Operation) -> &'static str {
    let via = op
        .long_running
        .as_ref()
        .and_then(|lro| lro.final_state_via.as_deref());
    match via {
        Some("azure-async-operation") => "AzureAsyncOperation",
        Some("location") => "Location",
        Some("original-uri") => "OriginalUri",
        _ => "Default",
    }
}
