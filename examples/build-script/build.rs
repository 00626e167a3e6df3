//! Generates the Container Registry models and client into `OUT_DIR`.

use std::path::PathBuf;

const SPEC: &str = "containerregistry/resource-manager/Microsoft.ContainerRegistry/preview/2021-08-01-preview/containerregistry.json";

fn main() {
    // Relative to this crate's folder, where cargo runs build scripts: the checkout of
    // Azure/azure-rest-api-specs beside the repository, unless ARMGEN_SPEC_ROOT says
    // otherwise (an empty value counts as unset, as for the armgen command).
    println!("cargo:rerun-if-env-changed=ARMGEN_SPEC_ROOT");
    let spec_root = std::env::var_os("ARMGEN_SPEC_ROOT")
        .filter(|root| !root.is_empty())
        .map_or_else(
            || PathBuf::from("../../specs/azure-rest-api-specs/specification"),
            PathBuf::from,
        );
    armgen::Generator::new(spec_root)
        .spec(SPEC)
        .models("models.rs")
        .client("client.rs")
        .build_script();
}
