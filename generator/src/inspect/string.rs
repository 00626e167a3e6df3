//! Strings and property names the way `util.inspect` quotes and escapes them.
//!
//! JavaScript strings are UTF-16, and Node measures and cuts them in code units: cutting
//! a long string at `maxStringLength` can split a surrogate pair, and the lone half must
//! then print as `\ud83d` like Node prints it. A Rust string holds no lone surrogate, so
//! the cut is the whole characters before it plus, at most, that one high half.

use std::borrow::Cow;

use super::layout::utf16_len;
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
    let mut kept = text;
    let mut lone = None;
    let mut trailer = String::new();
    let mut length = utf16_len(text);
    if length > options.max_string_length {
        let remaining = length - options.max_string_length;
        (kept, lone) = cut(text, options.max_string_length);
        length = options.max_string_length;
        let plural = if remaining > 1 { "s" } else { "" };
        trailer = format!("... {remaining} more character{plural}");
    }
    // Node compares the length against `breakLength - indentationLvl - 4`, which may be
    // negative; a 16-unit floor keeps short strings whole.
    let room = options.break_length as i64 - indentation as i64 - 4;
    let mut quoted = if length > 16 && length as i64 > room {
        let separator = [" +\n", &" ".repeat(indentation + 2)].concat();
        // JavaScript's `split(/(?<=\n)/)`: pieces ending after each `\n`.
        let mut pieces: Vec<(&str, Option<u16>)> = kept
            .split_inclusive('\n')
            .map(|piece| (piece, None))
            .collect();
        if let Some(unit) = lone {
            match pieces.last_mut() {
                Some((piece, tail)) if !piece.ends_with('\n') => *tail = Some(unit),
                _ => pieces.push(("", Some(unit))),
            }
        }
        pieces
            .into_iter()
            .map(|(piece, tail)| quote(piece, tail))
            .collect::<Vec<_>>()
            .join(&separator)
    } else {
        quote(kept, lone)
    };
    quoted.push_str(&trailer);
    quoted
}

/// The first `max` UTF-16 code units of `text`: its whole characters that fit, and the
/// high half of the surrogate pair the cut splits, if it splits one.
fn cut(text: &str, max: usize) -> (&str, Option<u16>) {
    let mut units = 0;
    for (at, c) in text.char_indices() {
        let width = c.len_utf16();
        if units + width > max {
            let lone = (units < max).then(|| {
                let mut pair = [0; 2];
                c.encode_utf16(&mut pair)[0]
            });
            return (&text[..at], lone);
        }
        units += width;
    }
    (text, None)
}

/// A property name: bare when it is an identifier of ASCII letters, digits and `_`,
/// `['__proto__']` for that one name (an own property JSON.parse created), quoted otherwise.
pub(super) fn format_key(key: &str) -> Cow<'_, str> {
    if key == "__proto__" {
        return Cow::Borrowed("['__proto__']");
    }
    let mut bytes = key.bytes();
    let identifier = bytes
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic() || first == b'_')
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_');
    if identifier {
        Cow::Borrowed(key)
    } else {
        Cow::Owned(quote(key, None))
    }
}

/// Quotes and escapes a string (followed by a lone high surrogate `lone`, if any): single
/// quotes, or double quotes when it holds a single quote, or backticks when it holds both
/// (and no `${`), else single quotes with `\'`.
fn quote(text: &str, lone: Option<u16>) -> String {
    let quote = if !text.contains('\'') {
        Quote::Single
    } else if !text.contains('"') {
        Quote::Double
    } else if !text.contains('`') && !text.contains("${") {
        Quote::Backtick
    } else {
        Quote::Single
    };
    let mark = match quote {
        Quote::Single => '\'',
        Quote::Double => '"',
        Quote::Backtick => '`',
    };
    let mut out = String::with_capacity(text.len() + 2);
    out.push(mark);
    escape_into(text, quote == Quote::Single, &mut out);
    if let Some(unit) = lone {
        out.push_str(&format!("\\u{unit:x}"));
    }
    out.push(mark);
    out
}

/// Appends `text` with Node's escapes: C0 and C1 controls, DEL, the backslash, and the
/// single quote when it is the delimiter.
fn escape_into(text: &str, escape_single_quote: bool, out: &mut String) {
    // Most text is printable ASCII without quote or backslash: copied as a whole.
    let plain_byte = |b: u8| (0x20..0x7f).contains(&b) && b != b'\\' && b != b'\'';
    if text.bytes().all(plain_byte) {
        out.push_str(text);
        return;
    }
    let mut plain = 0;
    for (at, c) in text.char_indices() {
        let escaped: Cow<'_, str> = match c {
            '\u{8}' => "\\b".into(),
            '\t' => "\\t".into(),
            '\n' => "\\n".into(),
            '\u{c}' => "\\f".into(),
            '\r' => "\\r".into(),
            '\\' => "\\\\".into(),
            '\'' if escape_single_quote => "\\'".into(),
            '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' => format!("\\x{:02X}", u32::from(c)).into(),
            _ => continue,
        };
        out.push_str(&text[plain..at]);
        out.push_str(&escaped);
        plain = at + c.len_utf8();
    }
    out.push_str(&text[plain..]);
}
