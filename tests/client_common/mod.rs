//! What the client tests share: the spec of `specs/armgen.toml` loaded through armgen,
//! and each operation's examples as raw JSON.
#![allow(dead_code)] // each test binary uses its own subset

use armgen::model::{Api, Operation};
use serde_json::Value;

#[path = "../support/mod.rs"]
pub mod support;

pub fn api() -> Api {
    let manifest = support::manifest();
    armgen::model::load(&manifest.spec_root, &manifest.specs).expect("the spec loads")
}

/// Every example of every operation: (operation, example name, example document).
pub fn examples(api: &Api) -> Vec<(&Operation, String, Value)> {
    let resolver = api.resolver();
    api.operations()
        .flat_map(|(_, operation)| {
            operation
                .examples
                .iter()
                .map(move |example| (operation, example))
        })
        .map(|(operation, example)| {
            let (_, value) = resolver
                .resolve(&example.location)
                .expect("the example loads");
            (operation, example.name.clone(), value.clone())
        })
        .collect()
}
