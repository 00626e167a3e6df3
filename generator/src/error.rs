//! The one error type of armgen: a message plus where in the input it applies.
//!
//! Every failure caused by input (a spec, a manifest, an output folder) names the file
//! and, when it is inside a JSON document, the JSON pointer, so that a user can go
//! straight to the culprit. Panics are reserved for bugs in armgen itself.

use std::fmt;
use std::path::{Path, PathBuf};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    pub file: Option<PathBuf>,
    /// A JSON pointer (RFC 6901) into `file`, `""` meaning the whole document.
    pub pointer: Option<String>,
    /// One-based line and column, for syntax errors.
    pub position: Option<(usize, usize)>,
    pub message: String,
}

impl Error {
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            file: None,
            pointer: None,
            position: None,
            message: message.into(),
        }
    }

    pub fn in_file(file: impl AsRef<Path>, message: impl Into<String>) -> Self {
        Self {
            file: Some(file.as_ref().to_path_buf()),
            ..Self::new(message)
        }
    }

    pub fn at(
        file: impl AsRef<Path>,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            pointer: Some(pointer.into()),
            ..Self::in_file(file, message)
        }
    }

    pub fn io(file: impl AsRef<Path>, action: &str, error: &std::io::Error) -> Self {
        Self::in_file(file, format!("cannot {action}: {error}"))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}", file.display())?;
            if let Some((line, column)) = self.position {
                write!(f, ":{line}:{column}")?;
            }
            if let Some(pointer) = &self.pointer {
                write!(f, "#{pointer}")?;
            }
            write!(f, ": ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Appends one reference token to a JSON pointer, escaping `~` and `/` (RFC 6901).
pub fn pointer_push(pointer: &str, token: &str) -> String {
    // Called for every JSON value the loader and the dereferencer visit: one allocation.
    let mut out = String::with_capacity(pointer.len() + 1 + token.len());
    out.push_str(pointer);
    push_token(&mut out, token);
    out
}

/// Appends `/token`, escaped, to a JSON pointer.
pub fn push_token(pointer: &mut String, token: &str) {
    pointer.push('/');
    if !token.contains(['~', '/']) {
        pointer.push_str(token);
        return;
    }
    for c in token.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_file_position_and_pointer() {
        let mut error = Error::at("a/spec.json", "/paths/~1x", "expected an object");
        assert_eq!(
            error.to_string(),
            "a/spec.json#/paths/~1x: expected an object"
        );
        error.position = Some((3, 7));
        assert_eq!(
            error.to_string(),
            "a/spec.json:3:7#/paths/~1x: expected an object"
        );
    }

    #[test]
    fn pointer_tokens_are_escaped() {
        assert_eq!(pointer_push("/paths", "/a~b"), "/paths/~1a~0b");
    }
}
