//! The AutoRest test server's scenarios, driven through the clients armgen generated
//! from its specs (`src/lib.rs`): each test calls the generated client, never hand-built
//! HTTP, and asserts the reply. The server answers a request it did not expect with an
//! error, so a wrong request fails the test too.
//!
//! The server (`tools/testserver`) is started on a free loopback port by the first test
//! that needs it and stops when this process ends; `ARMGEN_TESTSERVER_URL` points the
//! tests at a server already running instead (`scripts/testserver-coverage` does, to
//! read the coverage report afterwards).
//!
//! A scenario the client gets wrong is an `#[ignore]`d test saying why, until fixed.

mod acceptance {
    pub mod server;

    mod additional_properties;
    mod azure_special_properties;
    mod body_array;
    mod body_boolean;
    mod body_complex;
    mod body_dictionary;
    mod body_integer;
    mod body_number;
    mod body_string;
    mod body_text_formats;
    mod complex_hierarchies;
    mod enums;
    mod header;
    mod http_infrastructure;
    mod http_responses;
    mod lro;
    mod model_flattening;
    mod multiple_inheritance;
    mod paging;
    mod url;

    mod any_type;
    mod body_file;
    mod body_formdata;
    mod constants;
    mod media_types;
    mod required_optional;
    mod reserved_words;
    mod xms_error_responses;

    mod error_replies;
    mod lro_custom_header;
    mod security;
    mod subscription_id_api_version;
    mod url_multi_collection_format;
    mod custom_base_url;
    mod azure_parameter_grouping;
    mod xml_service;
}
