//! `formData` bodies: `application/x-www-form-urlencoded` and `multipart/form-data`,
//! encoded in memory like the rest of a request, so they stay sans-IO.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// What the HTML form encoding leaves as is (WHATWG URL, application/x-www-form-urlencoded
/// serializer); a space becomes `+`.
const FORM: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'*')
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b' ');

/// How the fields of a form are sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormEncoding {
    UrlEncoded,
    Multipart,
}

/// One field of a form: text, or a file's bytes (multipart only).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Part {
    Text(String),
    File(Vec<u8>),
}

#[derive(Debug, Clone)]
pub(crate) struct Form {
    pub encoding: FormEncoding,
    pub fields: Vec<(String, Part)>,
}

impl Form {
    /// The body and its content type; a file in a URL-encoded form is an error.
    pub fn encode(&self) -> Result<(String, Vec<u8>), String> {
        match self.encoding {
            FormEncoding::UrlEncoded => self.url_encoded(),
            FormEncoding::Multipart => Ok(self.multipart()),
        }
    }

    fn url_encoded(&self) -> Result<(String, Vec<u8>), String> {
        let encode = |text: &str| {
            utf8_percent_encode(text, FORM)
                .to_string()
                .replace(' ', "+")
        };
        let mut body = String::new();
        for (name, part) in &self.fields {
            let Part::Text(value) = part else {
                return Err(format!(
                    "the file `{name}` cannot be sent in a URL-encoded form"
                ));
            };
            if !body.is_empty() {
                body.push('&');
            }
            body.push_str(&encode(name));
            body.push('=');
            body.push_str(&encode(value));
        }
        Ok((
            "application/x-www-form-urlencoded".to_owned(),
            body.into_bytes(),
        ))
    }

    /// RFC 7578: one part per field, files as `application/octet-stream` named after
    /// their field. The boundary is the first of a fixed series that no part contains,
    /// so the same form always encodes the same way.
    fn multipart(&self) -> (String, Vec<u8>) {
        let boundary = (0u32..)
            .map(|n| format!("armgen-form-boundary-{n}"))
            .find(|boundary| {
                self.fields.iter().all(|(_, part)| {
                    let bytes = match part {
                        Part::Text(text) => text.as_bytes(),
                        Part::File(bytes) => bytes,
                    };
                    !contains(bytes, boundary.as_bytes())
                })
            })
            .expect("a finite form leaves some boundary free");
        let mut body = Vec::new();
        for (name, part) in &self.fields {
            // Quotes and line breaks would end the header: RFC 7578 section 2 escapes them.
            let name = name
                .replace('"', "%22")
                .replace('\r', "%0D")
                .replace('\n', "%0A");
            body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
            match part {
                Part::Text(text) => {
                    body.extend_from_slice(
                        format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n")
                            .as_bytes(),
                    );
                    body.extend_from_slice(text.as_bytes());
                }
                Part::File(bytes) => {
                    body.extend_from_slice(
                        format!(
                            "Content-Disposition: form-data; name=\"{name}\"; filename=\"{name}\"\r\n\
                             Content-Type: application/octet-stream\r\n\r\n"
                        )
                        .as_bytes(),
                    );
                    body.extend_from_slice(bytes);
                }
            }
            body.extend_from_slice(b"\r\n");
        }
        body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
        (format!("multipart/form-data; boundary={boundary}"), body)
    }
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(encoding: FormEncoding, fields: &[(&str, Part)]) -> Form {
        Form {
            encoding,
            fields: fields
                .iter()
                .map(|(name, part)| (name.to_string(), part.clone()))
                .collect(),
        }
    }

    #[test]
    fn url_encoded_fields_escape_separators() {
        let (content_type, body) = form(
            FormEncoding::UrlEncoded,
            &[
                ("a b", Part::Text("x&y=z+1".into())),
                ("c", Part::Text("é*".into())),
            ],
        )
        .encode()
        .unwrap();
        assert_eq!(content_type, "application/x-www-form-urlencoded");
        assert_eq!(
            String::from_utf8(body).unwrap(),
            "a+b=x%26y%3Dz%2B1&c=%C3%A9*"
        );
        let file = form(FormEncoding::UrlEncoded, &[("f", Part::File(vec![1]))]);
        assert!(file.encode().is_err());
    }

    #[test]
    fn multipart_boundaries_avoid_the_content() {
        let (content_type, body) = form(
            FormEncoding::Multipart,
            &[
                ("name", Part::Text("armgen-form-boundary-0".into())),
                ("file", Part::File(b"\x00\xffdata".to_vec())),
            ],
        )
        .encode()
        .unwrap();
        assert_eq!(
            content_type,
            "multipart/form-data; boundary=armgen-form-boundary-1"
        );
        let mut expected = b"--armgen-form-boundary-1\r\n\
            Content-Disposition: form-data; name=\"name\"\r\n\r\n\
            armgen-form-boundary-0\r\n\
            --armgen-form-boundary-1\r\n\
            Content-Disposition: form-data; name=\"file\"; filename=\"file\"\r\n\
            Content-Type: application/octet-stream\r\n\r\n"
            .to_vec();
        expected.extend_from_slice(b"\x00\xffdata\r\n--armgen-form-boundary-1--\r\n");
        assert_eq!(body, expected);
    }
}
