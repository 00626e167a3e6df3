//! Generates the models and client of each test-server spec in `SPECS` into `OUT_DIR`
//! (`<module>/models.rs`, `<module>/client.rs`), installing the pinned test server
//! package (`tools/testserver`, `npm ci`) when it is missing.

use std::path::Path;
use std::process::Command;

/// The specs whose clients the acceptance tests drive, and their modules in `src/lib.rs`.
const SPECS: &[(&str, &str)] = &[
    ("additionalProperties.json", "additional_properties"),
    ("azure-special-properties.json", "azure_special_properties"),
    ("body-array.json", "body_array"),
    ("body-boolean.json", "body_boolean"),
    ("body-byte.json", "body_byte"),
    ("body-complex.json", "body_complex"),
    ("body-date.json", "body_date"),
    ("body-datetime.json", "body_datetime"),
    ("body-datetime-rfc1123.json", "body_datetime_rfc1123"),
    ("body-dictionary.json", "body_dictionary"),
    ("body-duration.json", "body_duration"),
    ("body-integer.json", "body_integer"),
    ("body-number.json", "body_number"),
    ("body-string.json", "body_string"),
    ("body-time.json", "body_time"),
    ("extensible-enums-swagger.json", "extensible_enums"),
    ("header.json", "header"),
    ("httpInfrastructure.json", "http_infrastructure"),
    ("lro.json", "lro"),
    ("model-flattening.json", "model_flattening"),
    ("multiple-inheritance.json", "multiple_inheritance"),
    ("non-string-enum.json", "non_string_enum"),
    ("paging.json", "paging"),
    ("url.json", "url"),
    ("any-type.json", "any_type"),
    ("body-binary.json", "body_binary"),
    ("body-file.json", "body_file"),
    ("body-formdata.json", "body_formdata"),
    ("body-formdata-urlencoded.json", "body_formdata_urlencoded"),
    ("client-enum.json", "client_enum"),
    ("constants.json", "constants"),
    ("media_types.json", "media_types"),
    ("object-type.json", "object_type"),
    ("required-optional.json", "required_optional"),
    ("reserved-words.json", "reserved_words"),
    ("validation.json", "validation"),
    ("xms-error-responses.json", "xms_error_responses"),
    ("incorrect-error-response.json", "incorrect_error_response"),
    ("error-with-secrets.json", "error_with_secrets"),
    ("security-key.json", "security_key"),
    ("security-aad.json", "security_aad"),
    (
        "subscriptionId-apiVersion.json",
        "subscription_id_api_version",
    ),
    (
        "url-multi-collectionFormat.json",
        "url_multi_collection_format",
    ),
    ("custom-baseUrl.json", "custom_base_url"),
    (
        "custom-baseUrl-more-options.json",
        "custom_base_url_more_options",
    ),
    ("custom-baseUrl-paging.json", "custom_base_url_paging"),
    ("parameterized-endpoint.json", "parameterized_endpoint"),
    (
        "lro-parameterized-endpoints.json",
        "lro_parameterized_endpoints",
    ),
    ("azure-parameter-grouping.json", "azure_parameter_grouping"),
    ("xml-service.json", "xml_service"),
];

fn main() {
    let tools = Path::new("../../tools/testserver");
    let package = tools.join("node_modules/@microsoft.azure/autorest.testserver");
    if !package.join("package.json").exists() {
        let status = Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(tools)
            .status()
            .unwrap_or_else(|e| panic!("cannot run `npm ci` in tools/testserver: {e}"));
        assert!(
            status.success(),
            "`npm ci` in tools/testserver failed: {status}"
        );
    }
    println!("cargo:rerun-if-changed=../../tools/testserver/package-lock.json");
    let out_dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("run by cargo"));
    let mut stdout = std::io::stdout().lock();
    for (spec, module) in SPECS {
        // A folder each: armgen owns the files it lists in its output folder, so two
        // runs into one folder would remove each other's.
        let generated = armgen::Generator::new(package.join("swagger"))
            .spec(spec)
            .models("models.rs")
            .client("client.rs")
            .generate_for_cargo(&out_dir.join(module), &mut stdout);
        if let Err(error) = generated {
            println!("cargo:warning=armgen: error: {error}");
            std::process::exit(1);
        }
    }
}
