//! Literal text: how the snippet source spells strings and numbers (as JavaScript's
//! `JSON.stringify` does) and how Prettier 2.5.1 re-prints them (`printString`,
//! `printNumber`, property-key unquoting and `getStringWidth`).

use std::fmt::Write;

/// A string as `JSON.stringify` writes it: double quotes, `\"`, `\\`, the short escapes
/// and `\u00xx` for the remaining control characters; everything else verbatim.
pub fn json_quote(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c < ' ' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A string literal as Prettier prints it, given the literal's source (`json_quote`):
/// double quotes unless the content holds more double than single quotes, and only the
/// quotes that must be escaped escaped (`getPreferredQuote` + `makeString`).
pub fn print_string(value: &str) -> String {
    let raw = json_quote(value);
    let content = &raw[1..raw.len() - 1];
    let doubles = content.matches('"').count();
    let singles = content.matches('\'').count();
    let (quote, other) = if doubles > singles {
        ('\'', '"')
    } else {
        ('"', '\'')
    };
    let mut out = String::with_capacity(raw.len());
    out.push(quote);
    let mut chars = content.chars();
    while let Some(c) = chars.next() {
        match c {
            // `JSON.stringify` only writes escapes Prettier keeps, except `\"`, which is
            // unnecessary inside single quotes.
            '\\' => match chars.next() {
                Some(escaped) if escaped == other => out.push(escaped),
                Some(escaped) => {
                    out.push('\\');
                    out.push(escaped);
                }
                None => out.push('\\'),
            },
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// A number as JavaScript's `Number.prototype.toString` writes it (which is also what
/// `JSON.stringify` writes): the shortest round-tripping digits, plain notation for
/// magnitudes in `[1e-6, 1e21)`, exponent notation (`1.5e+21`, `1e-7`) otherwise.
pub fn js_number(value: f64) -> String {
    if value == 0.0 || !value.is_finite() {
        // JSON has no NaN/Infinity (serde_json never yields them); -0 prints as "0".
        return "0".to_string();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    // `{:e}` gives the shortest round-tripping digits: "1.2345e-7".
    let sci = format!("{:e}", value.abs());
    let (mantissa, exponent) = sci.split_once('e').unwrap_or((&sci, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let k = digits.len() as i64;
    // The value is 0.DIGITS × 10^n.
    let n = exponent + 1;
    let body = if k <= n && n <= 21 {
        format!("{digits}{}", "0".repeat((n - k) as usize))
    } else if 0 < n && n <= 21 {
        format!("{}.{}", &digits[..n as usize], &digits[n as usize..])
    } else if -6 < n && n <= 0 {
        format!("0.{}{digits}", "0".repeat((-n) as usize))
    } else {
        let fraction = if k > 1 {
            format!(".{}", &digits[1..])
        } else {
            String::new()
        };
        let e = n - 1;
        format!(
            "{}{fraction}e{}{}",
            &digits[..1],
            if e < 0 { '-' } else { '+' },
            e.abs()
        )
    };
    format!("{sign}{body}")
}

/// A numeric literal as Prettier prints it from its source text (`printNumber`). The source
/// is always `js_number` output, already lowercase and free of redundant zeros and dots, so
/// of Prettier's normalisations only dropping the `+` of the exponent applies.
pub fn print_number(raw: &str) -> String {
    raw.replacen("e+", "e", 1)
}

/// How Prettier prints an object key written as a string literal with `quoteProps:
/// "as-needed"`: unquoted when its source has no escapes and it is an identifier name or a
/// simple number that reads back the same (`isStringPropSafeToUnquote`), each key on its own.
pub fn print_string_key(value: &str) -> String {
    let has_escapes = json_quote(value).len() != value.len() + 2;
    if !has_escapes && (is_identifier_name(value) || is_canonical_simple_number(value)) {
        // A simple number key goes through `printNumber`, which leaves canonical text as is.
        value.to_string()
    } else {
        print_string(value)
    }
}

/// `123` or `2.5` (no sign, exponent or separators) that `String(Number(s))` reproduces.
fn is_canonical_simple_number(s: &str) -> bool {
    let simple = match s.split_once('.') {
        Some((int, frac)) => is_digits(int) && is_digits(frac),
        None => is_digits(s),
    };
    simple && s.parse::<f64>().map(js_number).as_deref() == Ok(s)
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Babel's `isIdentifierName`: an identifier start followed by identifier parts, keywords
/// included. Non-ASCII characters are classified with Unicode's XID properties through the
/// Rust lexer of `proc-macro2` (already a dependency); JavaScript uses the ID properties,
/// which differ only for a few compatibility characters that NFKC would change.
pub fn is_identifier_name(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let start_ok = match first {
        '$' | '_' => true,
        c if c.is_ascii() => c.is_ascii_alphabetic(),
        c => is_rust_identifier(&c.to_string()),
    };
    start_ok
        && chars.all(|c| match c {
            '$' | '_' | '\u{200c}' | '\u{200d}' => true,
            c if c.is_ascii() => c.is_ascii_alphanumeric(),
            c => is_rust_identifier(&format!("a{c}")),
        })
}

fn is_rust_identifier(s: &str) -> bool {
    let Ok(tokens) = s.parse::<proc_macro2::TokenStream>() else {
        return false;
    };
    let mut trees = tokens.into_iter();
    matches!(
        (trees.next(), trees.next()),
        (Some(proc_macro2::TokenTree::Ident(ident)), None) if ident == s
    )
}

/// Display width of printed text as Prettier measures it (`getStringWidth`): control and
/// combining characters take no room, East Asian wide characters and emoji take two.
/// Emoji are recognised by their main blocks rather than Prettier's full `emoji-regex`,
/// and ANSI escape sequences (never produced from JSON text) are not stripped.
pub fn string_width(s: &str) -> usize {
    if s.bytes().all(|b| (0x20..=0x7f).contains(&b)) {
        return s.len();
    }
    s.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    let code = c as u32;
    match code {
        0..=0x1f | 0x7f..=0x9f | 0x300..=0x36f => 0,
        0x1f300..=0x1f64f | 0x1f680..=0x1f6ff | 0x1f900..=0x1f9ff => 2,
        _ if is_fullwidth(code) => 2,
        _ => 1,
    }
}

/// `is-fullwidth-code-point` as bundled with Prettier 2.5.1.
fn is_fullwidth(code: u32) -> bool {
    code >= 0x1100
        && (code <= 0x115f
            || code == 0x2329
            || code == 0x232a
            || (0x2e80..=0x3247).contains(&code) && code != 0x303f
            || (0x3250..=0x4dbf).contains(&code)
            || (0x4e00..=0xa4c6).contains(&code)
            || (0xa960..=0xa97c).contains(&code)
            || (0xac00..=0xd7a3).contains(&code)
            || (0xf900..=0xfaff).contains(&code)
            || (0xfe10..=0xfe19).contains(&code)
            || (0xfe30..=0xfe6b).contains(&code)
            || (0xff01..=0xff60).contains(&code)
            || (0xffe0..=0xffe6).contains(&code)
            || (0x1b000..=0x1b001).contains(&code)
            || (0x1f200..=0x1f251).contains(&code)
            || (0x20000..=0x3fffd).contains(&code))
}
