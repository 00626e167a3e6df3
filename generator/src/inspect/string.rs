//! Strings and property names the way `util.inspect` quotes and escapes them.
//!
//! JavaScript strings are UTF-16, and Node measures and cuts them in code units, so this
//! module works on `u16` units: cutting a long string at `maxStringLength` can split a
//! surrogate pair, and the lone half must then print as `\ud83d` like Node prints it.

use super::InspectOptions;

/// The quote Node picks for a string: single quotes unless the text holds one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Quote {
    Single,
    Double,
    Backtick,
}

/// A string value: escaped and quoted, cut at `max_string_length` code units, and split
/// after each line break into `'…\n' +` pieces when it is longer than the rest of the line
/// (`indentation` is the column of the value).
pub(super) fn format_string(text: &str, options: &InspectOptions, indentation: usize) -> String {
    let mut units: Vec<u16> = text.encode_utf16().collect();
    let mut trailer = String::new();
    if units.len() > options.max_string_length {
        let remaining = units.len() - options.max_string_length;
        units.truncate(options.max_string_length);
        let plural = if remaining > 1 { "s" } else { "" };
        trailer = format!("... {remaining} more character{plural}");
    }
    // Node compares the length against `breakLength - indentationLvl - 4`, which may be
    // negative; a 16-unit floor keeps short strings whole.
    let room = options.break_length as i64 - indentation as i64 - 4;
    let quoted = if units.len() > 16 && units.len() as i64 > room {
        let separator = format!(" +\n{}", " ".repeat(indentation + 2));
        split_after_newlines(&units)
            .map(quote)
            .collect::<Vec<_>>()
            .join(&separator)
    } else {
        quote(&units)
    };
    quoted + &trailer
}

/// Pieces of `units`, each ending after a `\n` (the last one possibly not), never empty:
/// what JavaScript's `split(/(?<=\n)/)` yields for a non-empty string.
fn split_after_newlines(units: &[u16]) -> impl Iterator<Item = &[u16]> {
    units.split_inclusive(|&unit| unit == u16::from(b'\n'))
}

/// A property name: bare when it is an identifier of ASCII letters, digits and `_`,
/// `['__proto__']` for that one name (an own property JSON.parse created), quoted otherwise.
pub(super) fn format_key(key: &str) -> String {
    if key == "__proto__" {
        return "['__proto__']".to_owned();
    }
    let mut chars = key.chars();
    let identifier = chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if identifier {
        key.to_owned()
    } else {
        quote(&key.encode_utf16().collect::<Vec<_>>())
    }
}

/// Quotes and escapes a string: single quotes, or double quotes when it holds a single
/// quote, or backticks when it holds both (and no `${`), else single quotes with `\'`.
fn quote(units: &[u16]) -> String {
    let has = |needle: &str| {
        let needle: Vec<u16> = needle.encode_utf16().collect();
        units.windows(needle.len()).any(|window| window == needle)
    };
    let quote = if !has("'") {
        Quote::Single
    } else if !has("\"") {
        Quote::Double
    } else if !has("`") && !has("${") {
        Quote::Backtick
    } else {
        Quote::Single
    };
    let mark = match quote {
        Quote::Single => '\'',
        Quote::Double => '"',
        Quote::Backtick => '`',
    };
    let mut out = String::with_capacity(units.len() + 2);
    out.push(mark);
    escape_into(units, quote == Quote::Single, &mut out);
    out.push(mark);
    out
}

/// Appends `units` with Node's escapes: C0 and C1 controls, DEL, the backslash, the single
/// quote when it is the delimiter, and lone surrogates (`\ud800`).
fn escape_into(units: &[u16], escape_single_quote: bool, out: &mut String) {
    for piece in char::decode_utf16(units.iter().copied()) {
        match piece {
            Ok(c) => match c {
                '\u{8}' => out.push_str("\\b"),
                '\t' => out.push_str("\\t"),
                '\n' => out.push_str("\\n"),
                '\u{c}' => out.push_str("\\f"),
                '\r' => out.push_str("\\r"),
                '\\' => out.push_str("\\\\"),
                '\'' if escape_single_quote => out.push_str("\\'"),
                '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' => {
                    out.push_str(&format!("\\x{:02X}", u32::from(c)));
                }
                _ => out.push(c),
            },
            Err(lone) => out.push_str(&format!("\\u{:x}", lone.unpaired_surrogate())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lone_surrogate_prints_as_a_lowercase_unicode_escape() {
        // node -p "util.inspect('a\ud83d')"  prints 'a\ud83d'
        assert_eq!(quote(&[0x61, 0xD83D]), "'a\\ud83d'");
    }
}
