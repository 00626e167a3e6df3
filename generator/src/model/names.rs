//! Rust names for spec names, decided in the model stage so that every output uses the
//! same ones.
//!
//! Spec names are free text (`@odata.type`, `$filter`, `2019-01-01`, `*`, emoji), so every
//! function here returns a valid Rust identifier for any input. Every generated name is
//! then taken from the [`Registry`] of its scope (a module's type or value namespace, an
//! impl's methods, a struct's fields, a function's arguments), which makes distinct
//! names of distinct inputs, deterministically: in the order the spec lists them.

use foldhash::HashSet;

/// The Rust type name of the definition `definition`. Names of the prelude take a `Type`
/// suffix: a definition `Option` must not shadow the `Option` the generated code uses.
pub fn type_name(definition: &str) -> String {
    let name = camel(definition, "Type");
    match PRELUDE.contains(&name.as_str()) {
        true => format!("{name}Type"),
        false => name,
    }
}

/// The types, traits and variants of Rust's prelude.
pub const PRELUDE: &[&str] = &[
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
    let mut snake = String::with_capacity(name.len() + 4);
    for word in words(name) {
        if !snake.is_empty() {
            snake.push('_');
        }
        snake.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    }
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
    let mut camel = String::with_capacity(name.len());
    for word in words(name) {
        let (first, rest) = word.split_at(1);
        camel.push_str(&first.to_ascii_uppercase());
        camel.extend(rest.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    }
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

/// The names taken in one scope. It hands out identifiers, appending `_2`, `_3`... (`2`,
/// `3` for camel case) to repeats, so that distinct spec names never share a Rust name.
#[derive(Debug, Default, Clone)]
pub struct Registry {
    used: HashSet<String>,
}

impl Registry {
    /// A registry where `names` are already taken (by the generated code itself).
    pub fn with_reserved<'n>(names: impl IntoIterator<Item = &'n str>) -> Self {
        let mut registry = Self::default();
        names.into_iter().for_each(|name| registry.reserve(name));
        registry
    }

    pub fn reserve(&mut self, ident: &str) {
        self.used.insert(unraw(ident).to_owned());
    }

    pub fn is_taken(&self, ident: &str) -> bool {
        self.used.contains(unraw(ident))
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

/// The words of `name` as heck's snake and camel cases split them, once everything but
/// ASCII letters and digits is a word break (so that no character Rust identifiers
/// reject is kept). Within a run of letters and digits a word ends before an upper-case
/// letter that follows a lower-case one (digits in between keep the case before them),
/// and before the last upper-case letter of an upper-case run followed by a lower-case
/// one (`HTTPServer` is `HTTP`, `Server`). Done on bytes, not through heck, which writes
/// each character through a formatter: naming was a third of the model stage.
fn words(name: &str) -> Vec<&str> {
    #[derive(Clone, Copy, PartialEq)]
    enum Case {
        None,
        Lower,
        Upper,
    }
    let mut words = Vec::new();
    for run in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        let bytes = run.as_bytes();
        let (mut start, mut case) = (0, Case::None);
        for (i, pair) in bytes.windows(2).enumerate() {
            let (c, next) = (pair[0], pair[1]);
            let with_c = match c {
                b'a'..=b'z' => Case::Lower,
                b'A'..=b'Z' => Case::Upper,
                _ => case,
            };
            if with_c == Case::Lower && next.is_ascii_uppercase() {
                words.push(&run[start..=i]);
                (start, case) = (i + 1, Case::None);
            } else if case == Case::Upper && c.is_ascii_uppercase() && next.is_ascii_lowercase() {
                words.push(&run[start..i]);
                (start, case) = (i, Case::None);
            } else {
                case = with_c;
            }
        }
        if start < run.len() {
            words.push(&run[start..]);
        }
    }
    words
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
        _ if KEYWORDS.binary_search(&ident.as_str()).is_ok() => format!("r#{ident}"),
        _ => ident,
    }
}

/// Strict and reserved keywords of every edition up to 2024, sorted (searched in halves).
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

    /// Every string of up to 7 characters over a letter of each case, a digit, a separator
    /// and a non-ASCII letter: the words split as heck splits them (of the text with
    /// everything but ASCII letters and digits made a space, as names were before).
    #[test]
    fn words_are_split_as_heck_splits_them() {
        use heck::{ToSnakeCase, ToUpperCamelCase};
        let alphabet = ['a', 'B', '1', '-', 'é'];
        let mut name = Vec::new();
        let mut checked = 0;
        loop {
            let text: String = name.iter().map(|&i| alphabet[i]).collect();
            let ascii: String = text
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
                .collect();
            let words = words(&text);
            assert_eq!(
                words.join("_").to_ascii_lowercase(),
                ascii.to_snake_case(),
                "{text:?}"
            );
            let camel: String = words
                .iter()
                .map(|w| w[..1].to_ascii_uppercase() + &w[1..].to_ascii_lowercase())
                .collect();
            assert_eq!(camel, ascii.to_upper_camel_case(), "{text:?}");
            checked += 1;
            // The next string, counting in base `alphabet.len()`.
            match name.iter().rposition(|&i| i + 1 < alphabet.len()) {
                Some(at) => {
                    name[at] += 1;
                    name[at + 1..].iter_mut().for_each(|i| *i = 0);
                }
                None if name.len() < 7 => name = vec![0; name.len() + 1],
                None => break,
            }
        }
        assert_eq!(checked, (0..=7).map(|n| 5usize.pow(n)).sum::<usize>());
    }

    #[test]
    fn keywords_are_sorted() {
        assert!(KEYWORDS.windows(2).all(|pair| pair[0] < pair[1]));
    }

    #[test]
    fn repeats_get_suffixes() {
        let mut unique = Registry::default();
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
