//! The HTTP side of an operation as typed values, parsed once when the spec loads: its
//! method, where each parameter goes, how arrays are joined, the documented statuses and
//! the path template. Emitters match on these; no one compares their spelling.

use crate::error::Result;
use crate::resolve::Location;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    Get,
    Put,
    Post,
    Delete,
    Options,
    Head,
    Patch,
}

impl Method {
    /// In the order a path item's operations are read.
    pub const ALL: [Method; 7] = [
        Method::Get,
        Method::Put,
        Method::Post,
        Method::Delete,
        Method::Options,
        Method::Head,
        Method::Patch,
    ];

    /// As Swagger spells it (lower case), which is also the path item's key.
    pub fn key(self) -> &'static str {
        match self {
            Method::Get => "get",
            Method::Put => "put",
            Method::Post => "post",
            Method::Delete => "delete",
            Method::Options => "options",
            Method::Head => "head",
            Method::Patch => "patch",
        }
    }

    /// As HTTP spells it, which is also the name of `http::Method`'s constant.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Options => "OPTIONS",
            Method::Head => "HEAD",
            Method::Patch => "PATCH",
        }
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a parameter goes (Swagger's `in`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Place {
    Path,
    Query,
    Header,
    Body,
    FormData,
}

impl Place {
    pub fn parse(text: &str, at: &Location) -> Result<Self> {
        Ok(match text {
            "path" => Place::Path,
            "query" => Place::Query,
            "header" => Place::Header,
            "body" => Place::Body,
            "formData" => Place::FormData,
            other => {
                return Err(at.child("in").error(format!(
                "`in: {other}` is no parameter location: expected path, query, header, body or formData"
            )))
            }
        })
    }
}

/// How the items of an array parameter are sent (Swagger's `collectionFormat`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CollectionFormat {
    #[default]
    Csv,
    Ssv,
    Tsv,
    Pipes,
    /// One `name=value` pair per item (query and formData only).
    Multi,
}

impl CollectionFormat {
    pub fn parse(text: Option<&str>, place: Place, at: &Location) -> Result<Self> {
        Ok(match text {
            None | Some("csv") => CollectionFormat::Csv,
            Some("ssv") => CollectionFormat::Ssv,
            Some("tsv") => CollectionFormat::Tsv,
            Some("pipes") => CollectionFormat::Pipes,
            Some("multi") if matches!(place, Place::Query | Place::FormData) => {
                CollectionFormat::Multi
            }
            Some(other) => {
                return Err(at.child("collectionFormat").error(format!(
                    "`collectionFormat: {other}` is not allowed here: expected csv, ssv, tsv, pipes, or multi (query and formData only)"
                )))
            }
        })
    }

    /// What joins the items into one value; `None` for `multi`, which repeats the name.
    pub fn separator(self) -> Option<&'static str> {
        match self {
            CollectionFormat::Csv => Some(","),
            CollectionFormat::Ssv => Some(" "),
            CollectionFormat::Tsv => Some("\t"),
            CollectionFormat::Pipes => Some("|"),
            CollectionFormat::Multi => None,
        }
    }
}

/// A key of an operation's `responses`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    Code(u16),
    Default,
}

impl Status {
    pub fn parse(text: &str, at: &Location) -> Result<Self> {
        match text {
            "default" => Ok(Status::Default),
            code => code
                .parse::<u16>()
                .ok()
                .filter(|code| (100..=599).contains(code))
                .map(Status::Code)
                .ok_or_else(|| {
                    at.error(
                        "a response status must be an HTTP status code (100 to 599) or `default`",
                    )
                }),
        }
    }
}

/// A path template such as `/registries/{registryName}`, split into literal text and
/// parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathTemplate {
    pub segments: Vec<Segment>,
    /// Query parameters written into the path after `?` (`/?comp=list`, as Azure
    /// Storage's specs write fixed ones), as name and value, in order; the model drops
    /// those the operation also declares, whose value the declaration gives.
    pub query: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Literal(String),
    /// The name between the braces, a path parameter's `name`.
    Param(String),
}

impl PathTemplate {
    /// Parses `text`, written at `at`; an unclosed or empty `{}` is an error.
    pub fn parse(text: &str, at: &Location) -> Result<Self> {
        let (text, query) = text.split_once('?').unwrap_or((text, ""));
        let query = query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                (name.to_owned(), value.to_owned())
            })
            .collect();
        let mut segments = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find('{') {
            let end = rest[start..]
                .find('}')
                .map(|end| start + end)
                .ok_or_else(|| at.error("the path template has an unclosed `{`"))?;
            let (literal, name) = (&rest[..start], &rest[start + 1..end]);
            if name.is_empty() || name.contains('{') {
                return Err(at.error(format!(
                    "the path template holds `{{{name}}}`, which names no parameter"
                )));
            }
            if !literal.is_empty() {
                segments.push(Segment::Literal(literal.to_owned()));
            }
            segments.push(Segment::Param(name.to_owned()));
            rest = &rest[end + 1..];
        }
        if rest.contains('}') {
            return Err(at.error("the path template has a `}` without its `{`"));
        }
        if !rest.is_empty() {
            segments.push(Segment::Literal(rest.to_owned()));
        }
        Ok(Self { segments, query })
    }

    pub fn params(&self) -> impl Iterator<Item = &str> {
        self.segments.iter().filter_map(|segment| match segment {
            Segment::Param(name) => Some(name.as_str()),
            Segment::Literal(_) => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_split_into_literals_and_parameters() {
        let at = Location::new("spec.json", "/paths/x");
        let template = PathTemplate::parse("/a/{b}/c{d}", &at).unwrap();
        assert_eq!(
            template.segments,
            [
                Segment::Literal("/a/".into()),
                Segment::Param("b".into()),
                Segment::Literal("/c".into()),
                Segment::Param("d".into()),
            ]
        );
        let with_query = PathTemplate::parse("/x/{y}?comp=list&flag", &at).unwrap();
        assert_eq!(with_query.segments.len(), 2);
        assert_eq!(
            with_query.query,
            [
                ("comp".into(), "list".into()),
                ("flag".into(), String::new())
            ]
        );
        for bad in ["/a/{b", "/a/{}", "/a/b}", "/{a{b}}"] {
            assert!(PathTemplate::parse(bad, &at).is_err(), "{bad}");
        }
    }

    #[test]
    fn statuses_are_codes_or_default() {
        let at = Location::new("spec.json", "/paths/x");
        assert_eq!(Status::parse("204", &at).unwrap(), Status::Code(204));
        assert_eq!(Status::parse("default", &at).unwrap(), Status::Default);
        for bad in ["2XX", "99", "600", "ok"] {
            assert!(Status::parse(bad, &at).is_err(), "{bad}");
        }
    }
}
