//! The async client: a `Client` holding the pipeline and the client-held parameters,
//! one accessor per operation group, and one method per operation calling the
//! operation's sans-IO functions.

use super::plan::{doc, ident, OperationPlan, Plan, Shape};
use heck::ToUpperCamelCase;
use proc_macro2::TokenStream;
use quote::quote;

pub fn client(plan: &Plan<'_>) -> TokenStream {
    let fields = plan.client_params.iter().map(|arg| {
        let (ident, ty) = (&arg.ident, arg.owned());
        quote!(#ident: #ty,)
    });
    let args: Vec<TokenStream> = plan
        .client_params
        .iter()
        .map(|arg| {
            let (ident, ty) = (&arg.ident, arg.owned());
            quote!(#ident: #ty)
        })
        .collect();
    let names: Vec<_> = plan.client_params.iter().map(|arg| &arg.ident).collect();
    let groups: indexmap::IndexSet<&str> = plan
        .operations
        .iter()
        .filter_map(|op| op.group.as_deref())
        .collect();
    let accessors = groups.iter().map(|group| {
        let (accessor, ty) = (ident(group), ident(&group.to_upper_camel_case()));
        let docs = doc(&format!(
            "The `{}_*` operations.",
            group.to_upper_camel_case()
        ));
        quote!(#docs pub fn #accessor(&self) -> #ty<'_> { #ty { client: self } })
    });
    let ungrouped = plan
        .operations
        .iter()
        .filter(|op| op.group.is_none())
        .map(method);
    let group_items = groups.iter().map(|group| {
        let ty = ident(&group.to_upper_camel_case());
        let docs = doc(&format!(
            "The `{}_*` operations, from [`Client::{}`].",
            group.to_upper_camel_case(),
            group
        ));
        let methods = plan
            .operations
            .iter()
            .filter(|op| op.group.as_deref() == Some(group))
            .map(method);
        quote! {
            #docs
            #[cfg(feature = "client")]
            #[derive(Debug, Clone, Copy)]
            pub struct #ty<'a> { client: &'a Client }
            #[cfg(feature = "client")]
            impl #ty<'_> { #(#methods)* }
        }
    });
    quote! {
        /// The async client: sends each operation's request through a [`rt::Pipeline`]
        /// (authentication, timeouts, retries) and parses the reply.
        #[cfg(feature = "client")]
        #[derive(Debug, Clone)]
        pub struct Client { pipeline: rt::Pipeline, #(#fields)* }

        #[cfg(feature = "client")]
        impl Client {
            /// A client over reqwest, sending to `https://management.azure.com`.
            #[cfg(feature = "reqwest")]
            pub fn new(credential: std::sync::Arc<dyn rt::TokenCredential>, #(#args),*) -> Self {
                Self::with_pipeline(rt::Pipeline::with_reqwest(credential, rt::ClientOptions::default()), #(#names),*)
            }

            /// A client over any pipeline: another transport, endpoint, timeout or retry policy.
            pub fn with_pipeline(pipeline: rt::Pipeline, #(#args),*) -> Self {
                Self { pipeline, #(#names),* }
            }

            pub fn pipeline(&self) -> &rt::Pipeline {
                &self.pipeline
            }

            #(#accessors)*
            #(#ungrouped)*
        }

        #(#group_items)*
    }
}

fn method(plan: &OperationPlan<'_>) -> TokenStream {
    let op = plan.operation;
    let name = ident(&plan.method);
    let text = crate::emit::rustdoc::spec_text(
        op.description
            .as_deref()
            .or(op.summary.as_deref())
            .unwrap_or(&op.id),
    );
    let request_fn = plan.item_path(&plan.request_fn());
    let parse_fn = plan.item_path(&plan.parse_fn());
    let docs = doc(&format!(
        "{text}\n\n`{}` ([`{}`], [`{}`]).",
        op.id,
        request_fn.to_string().replace(' ', ""),
        parse_fn.to_string().replace(' ', "")
    ));
    let client = if plan.group.is_some() {
        quote!(self.client)
    } else {
        quote!(self)
    };
    let mut args = Vec::new();
    let mut values = Vec::new();
    for arg in &plan.params {
        let ident = &arg.ident;
        if arg.client_held() {
            values.push(quote!(&#client.#ident));
        } else {
            let ty = arg.borrowed();
            args.push(quote!(#ident: #ty));
            values.push(quote!(#ident));
        }
    }
    if !plan.options.is_empty() {
        let options = plan.item_path(&plan.options_ident());
        args.push(quote!(options: #options));
        values.push(quote!(&options));
    }
    let request = quote!(#request_fn(#(#values),*));
    let error_body = quote!(ErrorBody);
    if let Shape::Page { item, .. } = &plan.result {
        return quote! {
            #docs
            pub fn #name(&self, #(#args),*) -> rt::Pager<#item, #error_body> {
                rt::Pager::new(#client.pipeline.clone(), #request, #parse_fn)
            }
        };
    }
    let ty = plan.rust_type();
    if let Some(long_running) = &op.long_running {
        let final_state = match long_running.final_state_via.as_deref() {
            Some("azure-async-operation") => quote!(AzureAsyncOperation),
            Some("location") => quote!(Location),
            Some("original-uri") => quote!(OriginalUri),
            _ => quote!(Default),
        };
        return quote! {
            #docs
            pub fn #name(&self, #(#args),*) -> rt::Poller<#ty, #error_body> {
                rt::Poller::new(#client.pipeline.clone(), #request, rt::FinalState::#final_state, #parse_fn)
            }
        };
    }
    quote! {
        #docs
        pub async fn #name(&self, #(#args),*) -> Result<#ty> {
            #client.pipeline.execute(#request, #parse_fn).await
        }
    }
}
