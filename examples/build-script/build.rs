//! Generates the Container Registry models and client into `OUT_DIR`.

const SPEC: &str = "containerregistry/resource-manager/Microsoft.ContainerRegistry/preview/2021-08-01-preview/containerregistry.json";

fn main() {
    // Relative to this crate's folder, where cargo runs build scripts: the repository's
    // vendored specs, unless ARMGEN_SPEC_ROOT names a checkout of Azure/azure-rest-api-specs
    // (the command's rule, so the build follows the variable as `cargo run` does).
    println!("cargo:rerun-if-env-changed={}", armgen::spec_root::ENV);
    armgen::Generator::new("../../specs/azure-rest-api-specs/specification")
        .spec_root_overrides(None)
        .spec(SPEC)
        .models("models.rs")
        .client("client.rs")
        .build_script();
}
