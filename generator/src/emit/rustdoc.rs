//! Doc comments of the generated code. Spec text is plain prose that happens to be read
//! as Markdown by rustdoc: `P[n]Y[n]M` would be intra-doc links, `<string>` an HTML tag,
//! a bare URL a `rustdoc::bare_urls` warning. [`spec_text`] makes such text display as
//! written; [`doc`] turns Markdown (the generator's own, or escaped spec text) into doc
//! attributes that neither rustc nor rustdoc refuses.

use proc_macro2::TokenStream;
use quote::quote;
use std::borrow::Cow;

/// Characters that change the direction of the text that follows: rustc denies them in
/// comments and literals (`text_direction_codepoint_in_comment`), as they can make code
/// read differently from how it compiles. The first nine are the ones rustc names; the
/// marks after them are invisible too and as misleading.
const BIDI: &[char] = &[
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
];

/// `#[doc]` attributes for Markdown, one per line so that they print as `///` comments.
pub fn doc(markdown: &str) -> TokenStream {
    let lines = lines(markdown);
    quote! { #(#[doc = #lines])* }
}

/// [`doc`]'s attributes as syntax trees.
pub fn doc_attrs(markdown: &str) -> Vec<syn::Attribute> {
    lines(markdown)
        .iter()
        .map(|line| super::syntax::doc(line))
        .collect()
}

/// The values of the doc attributes of `markdown` (see [`super::format::doc_value`]),
/// none if it has no text.
///
/// They become string literals, so nothing in them can end the attribute; what
/// remains is Markdown that rustdoc would misread: indented or fenced blocks would become
/// doctests of the generated crate, so indentation goes and fences are escaped. Control
/// characters become spaces (a bare carriage return is not allowed in a `///` comment)
/// and bidi controls become their `\u{..}` escapes, visible and inert.
fn lines(markdown: &str) -> Vec<String> {
    let lines: Vec<String> = markdown
        .trim()
        .lines()
        .map(|line| {
            // Most lines are printable ASCII, with nothing to replace.
            let clean = match line.bytes().all(|b| (b' '..=b'~').contains(&b)) {
                true => Cow::Borrowed(line),
                false => Cow::Owned(visible(line)),
            };
            let line = clean.trim();
            let mut out = String::with_capacity(line.len() + 1);
            if !line.is_empty() {
                out.push(' ');
            }
            if line.contains("```") || line.contains("~~~") {
                out.push_str(&line.replace("```", "\\`\\`\\`").replace("~~~", "\\~\\~\\~"));
            } else {
                out.push_str(line);
            }
            out
        })
        .collect();
    if lines.iter().all(String::is_empty) {
        return Vec::new();
    }
    lines.into_iter().map(super::format::doc_value).collect()
}

/// `line` with control characters as spaces and bidi controls as their escapes.
fn visible(line: &str) -> String {
    let mut clean = String::with_capacity(line.len());
    for c in line.chars() {
        if BIDI.contains(&c) {
            clean.push_str(&format!("\\u{{{:04X}}}", u32::from(c)));
        } else if c.is_control() {
            clean.push(' ');
        } else {
            clean.push(c);
        }
    }
    clean
}

/// Spec text as Markdown that displays it as written: brackets and `<` are escaped (no
/// intra-doc link, no HTML tag), backslashes too (so none escapes what follows), and
/// bare `http(s)://` URLs become autolinks. Code spans, autolinks and inline links to a
/// URL that the spec wrote on purpose are kept as they are.
pub fn spec_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        // Text up to the next character that may start a construct or needs escaping
        // stays as it is.
        let plain = rest
            .find(['`', '<', '[', ']', '\\', 'h'])
            .unwrap_or(rest.len());
        if plain > 0 {
            out.push_str(&rest[..plain]);
            rest = &rest[plain..];
            continue;
        }
        let len = match construct(rest, ends_in_word(&out)) {
            Some((len, markdown)) => {
                out.push_str(&markdown);
                len
            }
            None => {
                if matches!(c, '[' | ']' | '<' | '\\') {
                    out.push('\\');
                }
                out.push(c);
                c.len_utf8()
            }
        };
        rest = &rest[len..];
    }
    out
}

/// The Markdown construct `rest` starts with, kept as written (its length in `rest`, its
/// Markdown): a code span (or a run of backticks that closes none, literal text), an
/// autolink, an inline link to a URL, or a bare URL made an autolink.
fn construct(rest: &str, in_word: bool) -> Option<(usize, String)> {
    let kept = |text: &str| (text.len(), text.to_owned());
    match rest.chars().next()? {
        '`' => Some(kept(code_span(rest).unwrap_or_else(|| {
            let run = rest.len() - rest.trim_start_matches('`').len();
            &rest[..run]
        }))),
        '<' => autolink(rest).map(kept),
        '[' => inline_link(rest).map(|(label, url)| {
            let len = label.len() + url.len() + "[](".len() + ")".len();
            (len, format!("[{}]({url})", spec_text(label)))
        }),
        'h' if !in_word => bare_url(rest).map(|url| (url.len(), format!("<{url}>"))),
        _ => None,
    }
}

/// Whether the text so far ends in a letter or digit, so that an `http` here is inside
/// a word rather than the start of a URL.
fn ends_in_word(out: &str) -> bool {
    out.chars().next_back().is_some_and(char::is_alphanumeric)
}

/// A code span: a run of backticks up to the next run of the same length.
fn code_span(rest: &str) -> Option<&str> {
    let run = rest.len() - rest.trim_start_matches('`').len();
    let mut at = run;
    while let Some(found) = rest[at..].find('`') {
        let start = at + found;
        let len = rest[start..].len() - rest[start..].trim_start_matches('`').len();
        if len == run {
            return Some(&rest[..start + len]);
        }
        at = start + len;
    }
    None
}

/// `<http://...>` as written in the spec, already an autolink.
fn autolink(rest: &str) -> Option<&str> {
    let url = bare_url(rest.strip_prefix('<')?)?;
    rest[1 + url.len()..]
        .starts_with('>')
        .then(|| &rest[..url.len() + 2])
}

/// `[label](http://...)`: a link the spec made on purpose.
fn inline_link(rest: &str) -> Option<(&str, &str)> {
    let close = rest.find(']')?;
    let label = &rest[1..close];
    if label.contains(['[', '\n']) {
        return None;
    }
    let target = rest[close + 1..].strip_prefix('(')?;
    let url = bare_url(target)?;
    target[url.len()..].starts_with(')').then_some((label, url))
}

/// An `http://` or `https://` URL: up to a space, a quote or an angle bracket, less the
/// punctuation that ends a sentence, and less a `)` that closes no `(` of the URL.
fn bare_url(rest: &str) -> Option<&str> {
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|scheme| rest.starts_with(scheme))?;
    let end = rest
        .find(|c: char| c.is_whitespace() || c.is_control() || "\"'<>`[]\\".contains(c))
        .unwrap_or(rest.len());
    let mut url = &rest[..end];
    loop {
        let trimmed = url.trim_end_matches(['.', ',', ';', ':', '!', '?']);
        let trimmed = match trimmed.strip_suffix(')') {
            Some(inner) if inner.matches('(').count() < trimmed.matches(')').count() => inner,
            _ => trimmed,
        };
        if trimmed.len() == url.len() {
            break;
        }
        url = trimmed;
    }
    (url.len() > scheme.len()).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spec_text_displays_as_written() {
        for (text, markdown) in [
            (
                "format P[n]Y[n]M[n]DT[n]H[n]M[n]S as per ISO8601.",
                r"format P\[n\]Y\[n\]M\[n\]DT\[n\]H\[n\]M\[n\]S as per ISO8601.",
            ),
            ("repo[:tag]", r"repo\[:tag\]"),
            ("a Dictionary<string> here", r"a Dictionary\<string> here"),
            (r"a \[ b \d", r"a \\\[ b \\d"),
            (
                "ref: https://docs.microsoft.com/a#b-c.",
                "ref: <https://docs.microsoft.com/a#b-c>.",
            ),
            (
                r#"'Blob': "https://a.blob.core.windows.net/c""#,
                r#"'Blob': "<https://a.blob.core.windows.net/c>""#,
            ),
            (
                "(see https://en.wikipedia.org/wiki/A_(b))",
                "(see <https://en.wikipedia.org/wiki/A_(b)>)",
            ),
            ("`P[n]` and `<x>`", "`P[n]` and `<x>`"),
            ("an `unclosed [x]", r"an `unclosed \[x\]"),
            ("<https://a.b/c> kept", "<https://a.b/c> kept"),
            (
                "[the docs](https://a.b/c) kept",
                "[the docs](https://a.b/c) kept",
            ),
            ("[a<b>](https://a.b/c)", r"[a\<b>](https://a.b/c)"),
            ("[x](relative) escaped", r"\[x\](relative) escaped"),
            (
                "xhttps://a.b and https:// alone",
                r"xhttps://a.b and https:// alone",
            ),
        ] {
            assert_eq!(spec_text(text), markdown, "{text}");
        }
    }

    #[test]
    fn bidi_controls_become_visible_escapes() {
        let docs = doc("a\u{202E}b\u{2066}c\u{200F}d");
        let text = crate::emit::format::file([quote!(#docs pub struct A;)]).unwrap();
        assert!(!text.contains('\u{202E}'));
        assert!(text.contains(r"/// a\u{202E}b\u{2066}c\u{200F}d"), "{text}");
    }
}
