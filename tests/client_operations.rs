//! Every operationId of the spec has its method on the generated client: found by
//! reading `generated/src/client.rs` with syn, not through the generated code itself.

mod client_common;

use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::{BTreeMap, BTreeSet};

#[test]
fn every_operation_has_a_method() {
    let path = client_common::support::workspace_root().join("generated/src/client.rs");
    let source = std::fs::read_to_string(&path).expect("client.rs reads");
    let file = syn::parse_file(&source).expect("client.rs parses");
    let mut methods: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for item in &file.items {
        let syn::Item::Impl(block) = item else {
            continue;
        };
        let syn::Type::Path(ty) = &*block.self_ty else {
            continue;
        };
        let Some(name) = ty.path.segments.last() else {
            continue;
        };
        let functions = block.items.iter().filter_map(|item| match item {
            syn::ImplItem::Fn(f) if matches!(f.vis, syn::Visibility::Public(_)) => {
                Some(f.sig.ident.to_string())
            }
            _ => None,
        });
        methods
            .entry(name.ident.to_string())
            .or_default()
            .extend(functions);
    }
    let api = client_common::api();
    let ids: Vec<String> = api.operations().map(|(_, op)| op.id.clone()).collect();
    let missing: Vec<&String> = ids
        .iter()
        .filter(|id| {
            let (owner, method) = match id.split_once('_') {
                Some((group, method)) => (group.to_upper_camel_case(), method.to_snake_case()),
                None => ("Client".to_owned(), id.to_snake_case()),
            };
            let accessor = owner.to_snake_case();
            let reachable =
                owner == "Client" || methods.get("Client").is_some_and(|m| m.contains(&accessor));
            !(reachable && methods.get(&owner).is_some_and(|m| m.contains(&method)))
        })
        .collect();
    println!(
        "{} of {} operations have a client method",
        ids.len() - missing.len(),
        ids.len()
    );
    assert!(
        missing.is_empty(),
        "operations without a method: {missing:?}"
    );
    let generated: usize = methods
        .iter()
        .filter(|(owner, _)| *owner != "Client")
        .map(|(_, m)| m.len())
        .sum();
    assert_eq!(generated, ids.len(), "methods that match no operation");
}
