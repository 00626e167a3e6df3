//! The clients armgen generates from the AutoRest test server's specs (generated into
//! `OUT_DIR` by `build.rs`), one module per spec; `tests/` drives them through the
//! server's scenarios.

macro_rules! spec {
    ($module:ident, $folder:literal) => {
        pub mod $module {
            #[allow(clippy::enum_variant_names)]
            pub mod models {
                include!(concat!(env!("OUT_DIR"), "/", $folder, "/models.rs"));
            }
            #[allow(clippy::too_many_arguments)]
            pub mod client {
                include!(concat!(env!("OUT_DIR"), "/", $folder, "/client.rs"));
            }
        }
    };
}

spec!(additional_properties, "additional_properties");
spec!(azure_special_properties, "azure_special_properties");
spec!(body_array, "body_array");
spec!(body_boolean, "body_boolean");
spec!(body_byte, "body_byte");
spec!(body_complex, "body_complex");
spec!(body_date, "body_date");
spec!(body_datetime, "body_datetime");
spec!(body_datetime_rfc1123, "body_datetime_rfc1123");
spec!(body_dictionary, "body_dictionary");
spec!(body_duration, "body_duration");
spec!(body_integer, "body_integer");
spec!(body_number, "body_number");
spec!(body_string, "body_string");
spec!(body_time, "body_time");
spec!(extensible_enums, "extensible_enums");
spec!(header, "header");
spec!(http_infrastructure, "http_infrastructure");
spec!(lro, "lro");
spec!(model_flattening, "model_flattening");
spec!(multiple_inheritance, "multiple_inheritance");
spec!(non_string_enum, "non_string_enum");
spec!(paging, "paging");
spec!(url, "url");
spec!(any_type, "any_type");
spec!(body_binary, "body_binary");
spec!(body_file, "body_file");
spec!(body_formdata, "body_formdata");
spec!(body_formdata_urlencoded, "body_formdata_urlencoded");
spec!(client_enum, "client_enum");
spec!(constants, "constants");
spec!(media_types, "media_types");
spec!(object_type, "object_type");
spec!(required_optional, "required_optional");
spec!(reserved_words, "reserved_words");
spec!(validation, "validation");
spec!(xms_error_responses, "xms_error_responses");
spec!(incorrect_error_response, "incorrect_error_response");
spec!(error_with_secrets, "error_with_secrets");
spec!(security_key, "security_key");
spec!(security_aad, "security_aad");
spec!(subscription_id_api_version, "subscription_id_api_version");
spec!(url_multi_collection_format, "url_multi_collection_format");
spec!(custom_base_url, "custom_base_url");
spec!(custom_base_url_more_options, "custom_base_url_more_options");
spec!(custom_base_url_paging, "custom_base_url_paging");
spec!(parameterized_endpoint, "parameterized_endpoint");
spec!(lro_parameterized_endpoints, "lro_parameterized_endpoints");
spec!(azure_parameter_grouping, "azure_parameter_grouping");
spec!(xml_service, "xml_service");
