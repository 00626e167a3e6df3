//! How a request body travels and how a reply's body is read, from the media types an
//! operation consumes and produces (AutoRest's rules): JSON, text, bytes as they are, or
//! a form of `formData` fields.

use super::names::{camel, Registry};
use crate::swagger::Schema;

/// How a value is written into a body or read from one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Serialized as JSON: the argument's type.
    Json,
    /// UTF-8 text: a `String`.
    Text,
    /// The bytes as they are: a `Vec<u8>`.
    Bytes,
    /// XML (`application/xml`, `text/xml`, `+xml`): the argument's type, as JSON bodies.
    Xml,
}

/// How an operation sends its body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestBody {
    /// In one media type.
    One {
        media_type: String,
        encoding: Encoding,
    },
    /// In the media type the caller chooses: the body argument is an enum with a variant
    /// per media type.
    Choice(Vec<MediaChoice>),
    /// `formData` parameters, as `multipart/form-data` when the operation consumes it,
    /// else URL-encoded.
    Form { multipart: bool },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MediaChoice {
    /// The enum variant.
    pub ident: String,
    pub media_type: String,
    pub encoding: Encoding,
}

/// Whether a media type is JSON: `application/json`, `text/json`, or any `+json` type.
pub fn is_json(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or_default().trim();
    let essence = essence.to_ascii_lowercase();
    essence == "application/json" || essence == "text/json" || essence.ends_with("+json")
}

/// Whether a media type is XML: `application/xml`, `text/xml`, or any `+xml` type.
pub fn is_xml(media_type: &str) -> bool {
    let essence = media_type.split(';').next().unwrap_or_default().trim();
    let essence = essence.to_ascii_lowercase();
    essence.ends_with("/xml") || essence.ends_with("+xml")
}

fn is_text(media_type: &str) -> bool {
    media_type.to_ascii_lowercase().starts_with("text/")
}

fn is_form(media_type: &str) -> bool {
    let lower = media_type.to_ascii_lowercase();
    lower.starts_with("multipart/form-data")
        || lower.starts_with("application/x-www-form-urlencoded")
}

/// Whether a schema is a stream of bytes rather than a JSON value: `type: file`, or
/// `format: binary` or `format: file` (AutoRest reads all three as a stream).
pub fn is_binary(schema: &Schema) -> bool {
    schema.type_.as_deref() == Some("file")
        || matches!(schema.format.as_deref(), Some("binary" | "file"))
}

/// How a body goes out, given the media types the operation `consumes` and whether the
/// body's schema is binary. JSON types stand for each other: the first one listed is
/// sent (ARM specs list `application/json` and `text/json` for one JSON body); so do XML
/// types, and where both are offered JSON is chosen, since every type has a JSON form.
pub fn request_body(consumes: &[String], binary: bool) -> RequestBody {
    let encoding = |media_type: &str| match () {
        _ if binary => Encoding::Bytes,
        _ if is_json(media_type) => Encoding::Json,
        _ if is_xml(media_type) => Encoding::Xml,
        _ if is_text(media_type) => Encoding::Text,
        _ => Encoding::Bytes,
    };
    let offers_json = consumes.iter().any(|t| is_json(t));
    let mut listed: Vec<&str> = Vec::new();
    for media_type in consumes.iter().map(String::as_str) {
        let json_again = is_json(media_type) && listed.iter().any(|t| is_json(t));
        let xml_again = is_xml(media_type) && (offers_json || listed.iter().any(|t| is_xml(t)));
        if !json_again && !xml_again && !is_form(media_type) {
            listed.push(media_type);
        }
    }
    match listed.as_slice() {
        [] => RequestBody::One {
            media_type: "application/json".to_owned(),
            encoding: encoding("application/json"),
        },
        [one] => RequestBody::One {
            media_type: (*one).to_owned(),
            encoding: encoding(one),
        },
        several => {
            let mut idents = Registry::default();
            RequestBody::Choice(
                several
                    .iter()
                    .map(|media_type| MediaChoice {
                        ident: idents.take(camel(media_type, "Media")),
                        media_type: (*media_type).to_owned(),
                        encoding: encoding(media_type),
                    })
                    .collect(),
            )
        }
    }
}

/// The form of an operation with `formData` parameters: multipart when it consumes
/// `multipart/form-data` or has a file field, which a URL-encoded form cannot carry.
pub fn form(consumes: &[String], has_file: bool) -> RequestBody {
    RequestBody::Form {
        multipart: has_file
            || consumes
                .iter()
                .any(|t| t.to_ascii_lowercase().starts_with("multipart/form-data")),
    }
}

/// How a reply's body of a string type is read: as text when the operation produces no
/// JSON media type (`text/plain`), else as a JSON string.
pub fn reply_is_text(produces: &[String]) -> bool {
    !produces.is_empty() && !produces.iter().any(|t| is_json(t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn types(list: &[&str]) -> Vec<String> {
        list.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn json_types_stand_for_each_other() {
        assert_eq!(
            request_body(&types(&["application/json", "text/json"]), false),
            RequestBody::One {
                media_type: "application/json".into(),
                encoding: Encoding::Json
            }
        );
        assert_eq!(
            request_body(&types(&["application/merge-patch+json"]), false),
            RequestBody::One {
                media_type: "application/merge-patch+json".into(),
                encoding: Encoding::Json
            }
        );
        assert_eq!(
            request_body(&[], true),
            RequestBody::One {
                media_type: "application/json".into(),
                encoding: Encoding::Bytes
            }
        );
    }

    #[test]
    fn several_kinds_make_a_choice() {
        let RequestBody::Choice(choices) = request_body(
            &types(&[
                "application/pdf",
                "application/json",
                "text/plain; charset=UTF-8",
            ]),
            false,
        ) else {
            panic!()
        };
        let got: Vec<(&str, Encoding)> = choices
            .iter()
            .map(|c| (c.ident.as_str(), c.encoding))
            .collect();
        assert_eq!(
            got,
            [
                ("ApplicationPdf", Encoding::Bytes),
                ("ApplicationJson", Encoding::Json),
                ("TextPlainCharsetUtf8", Encoding::Text)
            ]
        );
        assert_eq!(
            form(
                &types(&["multipart/form-data", "application/octet-stream"]),
                false
            ),
            RequestBody::Form { multipart: true }
        );
        assert_eq!(
            form(&types(&["application/x-www-form-urlencoded"]), false),
            RequestBody::Form { multipart: false }
        );
        assert_eq!(
            form(&types(&["application/x-www-form-urlencoded"]), true),
            RequestBody::Form { multipart: true }
        );
        assert_eq!(
            request_body(&types(&["text/xml", "application/xml"]), false),
            RequestBody::One {
                media_type: "text/xml".into(),
                encoding: Encoding::Xml
            }
        );
        assert_eq!(
            request_body(&types(&["application/xml", "application/json"]), false),
            RequestBody::One {
                media_type: "application/json".into(),
                encoding: Encoding::Json
            }
        );
        assert!(reply_is_text(&types(&["text/plain"])));
        assert!(!reply_is_text(&types(&["text/plain", "application/json"])));
    }
}
