//! Column widths, as Node's `getStringWidth` measures them when grouping array entries.

use super::width_table::WIDTHS;

/// The number of terminal columns `text` takes, the way Node 20 (with ICU) counts them:
/// printable ASCII is one column, control characters none, and every other code point
/// what ICU's East Asian Width and general category say (wide CJK and emoji two,
/// combining marks none).
///
/// Node NFC-normalises the text before measuring; this sums per code point instead, which
/// agrees except for sequences that compose into a character of another width (Hangul
/// jamo, for instance).
pub(super) fn string_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    let code = u32::from(c);
    if code < 0x20 {
        return 0;
    }
    if code < 0x7F {
        return 1;
    }
    match WIDTHS.binary_search_by(|&(first, last, _)| {
        if last < code {
            std::cmp::Ordering::Less
        } else if first > code {
            std::cmp::Ordering::Greater
        } else {
            std::cmp::Ordering::Equal
        }
    }) {
        Ok(index) => usize::from(WIDTHS[index].2),
        Err(_) => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::string_width;

    #[test]
    fn width_counts_wide_and_zero_width_characters_like_node() {
        // node --expose-internals -e "console.log(require('internal/util/inspect')
        //   .getStringWidth('中a😀é\u0301\n'))"  prints 6
        assert_eq!(string_width("中a😀e\u{301}\n"), 6);
    }
}
