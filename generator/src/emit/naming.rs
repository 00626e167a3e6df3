//! Rust names for spec names, shared by the emitters so that the client refers to the
//! models by the names the models emitter gives them.
//!
//! Spec names are free text (`@odata.type`, `$filter`, `2019-01-01`, `*`, emoji), so every
//! function here returns a valid Rust identifier for any input; callers that need distinct
//! names for distinct inputs run the results through [`Unique`].

use crate::model::Api;
use heck::{ToSnakeCase, ToUpperCamelCase};
use std::collections::{HashMap, HashSet};

/// The Rust type name of the definition `definition`. Names of the prelude take a `Type`
/// suffix: a definition `Option` must not shadow the `Option` the generated code uses.
pub fn type_name(definition: &str) -> String {
    let name = camel(definition, "Type");
    match PRELUDE.contains(&name.as_str()) {
        true => format!("{name}Type"),
        false => name,
    }
}

/// The type name of every definition of the input specs, decided once for all emitters
/// so the client names the models as the models emitter does: [`type_name`] of the
/// definition, numbered when an earlier definition (in spec order) already has that
/// name, as `widget` and `Widget` would.
#[derive(Debug, Clone, Default)]
pub struct TypeNames(HashMap<String, String>);

impl TypeNames {
    pub fn new(api: &Api) -> Self {
        let mut taken = Unique::default();
        let mut names = HashMap::new();
        for spec in &api.specs {
            for definition in spec.spec.definitions.keys() {
                if !names.contains_key(definition) {
                    names.insert(definition.clone(), taken.take(type_name(definition)));
                }
            }
        }
        Self(names)
    }

    /// The type of `definition`; one outside the input specs (in a file they refer to)
    /// keeps its plain [`type_name`].
    pub fn get(&self, definition: &str) -> String {
        self.0.get(definition).cloned().unwrap_or_else(|| type_name(definition))
    }
}

/// The types, traits and variants of Rust's prelude.
const PRELUDE: &[&str] = &[
    "AsMut",
    "AsRef",
    "Box",
    "Clone",
    "Copy",
    "Default",
    "Drop",
    "Eq",
    "Err",
    "Extend",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "Into",
    "IntoIterator",
    "Iterator",
    "None",
    "Ok",
    "Option",
    "Ord",
    "PartialEq",
    "PartialOrd",
    "Result",
    "Send",
    "Sized",
    "Some",
    "String",
    "Sync",
    "ToOwned",
    "ToString",
    "TryFrom",
    "TryInto",
    "Unpin",
    "Vec",
];

/// A snake_case identifier (field or module) for `name`, written as Rust source: keywords
/// become raw identifiers (`r#type`), or take a `_` suffix where Rust allows no raw form.
pub fn snake_ident(name: &str) -> String {
    let snake = ascii_words(name).to_snake_case();
    let snake = if snake.is_empty() {
        "field".to_owned()
    } else {
        snake
    };
    let snake = if snake.starts_with(|c: char| c.is_ascii_digit()) {
        format!("n{snake}")
    } else {
        snake
    };
    escape_keyword(snake)
}

/// An UpperCamelCase identifier (type or variant) for `name`; `fallback` stands in when
/// `name` has no letter or digit to build on.
pub fn camel(name: &str, fallback: &str) -> String {
    let camel = ascii_words(name).to_upper_camel_case();
    let camel = if camel.is_empty() {
        symbol_words(name).unwrap_or_else(|| fallback.to_owned())
    } else {
        camel
    };
    let camel = if camel.starts_with(|c: char| c.is_ascii_digit()) {
        format!("V{camel}")
    } else {
        camel
    };
    escape_keyword(camel)
}

/// The identifier without its `r#` prefix: the name serde sees for a field.
pub fn unraw(ident: &str) -> &str {
    ident.strip_prefix("r#").unwrap_or(ident)
}

/// Hands out identifiers, appending `_2`, `_3`... (`2`, `3` for camel case) to repeats, so
/// that distinct spec names never share a Rust name.
#[derive(Debug, Default)]
pub struct Unique {
    used: HashSet<String>,
}

impl Unique {
    pub fn reserve(&mut self, ident: &str) {
        self.used.insert(unraw(ident).to_owned());
    }

    pub fn take(&mut self, ident: String) -> String {
        if self.used.insert(unraw(&ident).to_owned()) {
            return ident;
        }
        let separator = if ident.starts_with(|c: char| c.is_ascii_uppercase()) {
            ""
        } else {
            "_"
        };
        // `self_` continues as `self_2`, not `self__2`, which lints as no snake case.
        let base = unraw(&ident).trim_end_matches('_').to_owned();
        (2..)
            .map(|n| format!("{base}{separator}{n}"))
            .find(|candidate| self.used.insert(candidate.clone()))
            .expect("an unbounded range always yields a free name")
    }
}

/// `name` with everything but ASCII letters and digits turned into word breaks, so that
/// heck never keeps a character that Rust identifiers reject.
fn ascii_words(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect()
}

/// Words for a name made of punctuation only (`*`, `+`), so that such enum values still
/// read as what they are.
fn symbol_words(name: &str) -> Option<String> {
    if name.is_empty() {
        return Some("Empty".to_owned());
    }
    name.chars()
        .map(|c| {
            Some(match c {
                '*' => "Asterisk",
                '+' => "Plus",
                '-' => "Minus",
                '.' => "Dot",
                '/' => "Slash",
                '@' => "At",
                '#' => "Hash",
                '$' => "Dollar",
                '%' => "Percent",
                '&' => "And",
                '=' => "Equals",
                '!' => "Bang",
                '?' => "Question",
                '~' => "Tilde",
                '_' => "Underscore",
                ' ' => "Space",
                _ => return None,
            })
        })
        .collect()
}

/// Keywords that cannot be raw identifiers take a `_` suffix; the rest become raw.
fn escape_keyword(ident: String) -> String {
    match ident.as_str() {
        "self" | "super" | "crate" | "Self" | "_" => format!("{ident}_"),
        _ if KEYWORDS.contains(&ident.as_str()) => format!("r#{ident}"),
        _ => ident,
    }
}

/// Strict and reserved keywords of every edition up to 2024.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_for_awkward_names() {
        assert_eq!(type_name("ConnectedRegistry"), "ConnectedRegistry");
        assert_eq!(type_name("Self"), "Self_");
        assert_eq!(type_name("Option"), "OptionType");
        assert_eq!(type_name("option"), "OptionType");
        assert_eq!(snake_ident("type"), "r#type");
        assert_eq!(snake_ident("self"), "self_");
        assert_eq!(snake_ident("@odata.type"), "odata_type");
        assert_eq!(snake_ident("$filter"), "filter");
        assert_eq!(snake_ident("2fa"), "n2fa");
        assert_eq!(snake_ident("🦀"), "field");
        assert_eq!(snake_ident("_"), "field");
        assert_eq!(camel("Standard_LRS", "Value"), "StandardLrs");
        assert_eq!(camel("2019-01-01", "Value"), "V20190101");
        assert_eq!(camel("*", "Value"), "Asterisk");
        assert_eq!(camel("", "Value"), "Empty");
        assert_eq!(camel("🦀", "Value"), "Value");
    }

    #[test]
    fn repeats_get_suffixes() {
        let mut unique = Unique::default();
        assert_eq!(unique.take("foo_bar".into()), "foo_bar");
        assert_eq!(unique.take("foo_bar".into()), "foo_bar_2");
        assert_eq!(unique.take("Standard".into()), "Standard");
        assert_eq!(unique.take("Standard".into()), "Standard2");
        assert_eq!(unique.take("r#type".into()), "r#type");
        assert_eq!(unique.take("r#type".into()), "type_2");
        assert_eq!(unique.take("self_".into()), "self_");
        assert_eq!(unique.take("self_".into()), "self_2");
    }
}
