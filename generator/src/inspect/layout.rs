//! Laying out the entries of one object or array: on one line, one per line, or (arrays)
//! in aligned columns. Mirrors `reduceToSingleString`, `isBelowBreakLength` and
//! `groupArrayElements` of Node 20's `lib/internal/util/inspect.js`.

use super::width::string_width;
use super::InspectOptions;

/// Where the container being laid out sits, and what it is.
pub(super) struct Frame<'a> {
    /// Column of the container's first line (Node's `ctx.indentationLvl`).
    pub indentation: usize,
    /// Nesting of this container (Node's `recurseTimes` after the increment).
    pub depth: usize,
    /// Nesting of the container entered last while printing the entries
    /// (Node's `ctx.currentDepth`); equal to `depth` for an innermost container.
    pub innermost_depth: usize,
    /// `<ref *N>` when the container is the target of a circular reference, else empty.
    pub base: &'a str,
    pub open: &'a str,
    pub close: &'a str,
    /// For arrays: whether each printed item is a number (padding then goes left).
    /// `None` for objects, which are never grouped.
    pub array_of_numbers: Option<bool>,
    /// Whether the last entry is the `... N more items` marker.
    pub has_more_items: bool,
}

/// Joins the printed entries into the container's text.
pub(super) fn reduce_to_single_string(
    options: &InspectOptions,
    frame: &Frame<'_>,
    mut output: Vec<String>,
) -> String {
    if options.compact >= 1 {
        let entries = output.len();
        if let Some(numbers) = frame.array_of_numbers {
            if entries > 6 {
                output = group_array_elements(options, frame, output, numbers);
            }
        }
        // Only the `compact` innermost levels may share a line, and never once grouped.
        if frame.innermost_depth.saturating_sub(frame.depth) < options.compact
            && entries == output.len()
        {
            // Node starts from 10 plus the fixed parts so nested entries keep some room.
            let start = output.len()
                + frame.indentation
                + utf16_len(frame.open)
                + utf16_len(frame.base)
                + 10;
            if is_below_break_length(options, &output, start, frame.base)
                && !output.iter().any(|entry| entry.contains('\n'))
            {
                return join(frame, &output, ", ", " ", " ");
            }
        }
    }
    // Concatenated rather than `format!`ed: this runs for every broken container.
    let indentation = ["\n", &" ".repeat(frame.indentation)].concat();
    join(
        frame,
        &output,
        &[",", &indentation, "  "].concat(),
        &[&indentation, "  "].concat(),
        &indentation,
    )
}

/// `<base> <open><after_open><entries joined by separator><before_close><close>`, where the
/// base and its space are left out when there is no base.
fn join(
    frame: &Frame<'_>,
    output: &[String],
    separator: &str,
    after_open: &str,
    before_close: &str,
) -> String {
    let entries: usize = output.iter().map(String::len).sum();
    let mut text = String::with_capacity(
        frame.base.len()
            + 1
            + frame.open.len()
            + after_open.len()
            + entries
            + separator.len() * output.len().saturating_sub(1)
            + before_close.len()
            + frame.close.len(),
    );
    if !frame.base.is_empty() {
        text.push_str(frame.base);
        text.push(' ');
    }
    text.push_str(frame.open);
    text.push_str(after_open);
    for (index, entry) in output.iter().enumerate() {
        if index > 0 {
            text.push_str(separator);
        }
        text.push_str(entry);
    }
    text.push_str(before_close);
    text.push_str(frame.close);
    text
}

/// Whether the entries fit on one line of `break_length` columns, counting a separator
/// per entry and the `start` overhead; lengths are UTF-16 code units, as in Node.
fn is_below_break_length(
    options: &InspectOptions,
    output: &[String],
    start: usize,
    base: &str,
) -> bool {
    let mut total = output.len() + start;
    if total + output.len() > options.break_length {
        return false;
    }
    for entry in output {
        // An entry has at most three UTF-8 bytes per UTF-16 unit: a long one surely does
        // not fit, and need not be measured (its text can be a whole subtree).
        if total + entry.len() / 3 > options.break_length {
            return false;
        }
        total += utf16_len(entry);
        if total > options.break_length {
            return false;
        }
    }
    !base.contains('\n')
}

/// Arranges more than six array entries in aligned columns when they are short and of
/// similar width; returns the entries unchanged otherwise.
fn group_array_elements(
    options: &InspectOptions,
    frame: &Frame<'_>,
    output: Vec<String>,
    array_of_numbers: bool,
) -> Vec<String> {
    // The `... N more items` marker is kept out of the columns and appended at the end.
    let data_count = output.len() - usize::from(frame.has_more_items);
    // One column for the comma and one for the space between entries.
    const SEPARATOR_SPACE: usize = 2;
    let widths: Vec<usize> = output[..data_count]
        .iter()
        .map(|entry| string_width(entry))
        .collect();
    let total_length: usize = widths.iter().map(|width| width + SEPARATOR_SPACE).sum();
    let max_length = widths.iter().copied().max().unwrap_or(0);
    let actual_max = max_length + SEPARATOR_SPACE;
    // At least three entries must fit side by side, and one long entry among short ones
    // (longer than a fifth of all together) would leave too much blank space.
    let fits_three = actual_max * 3 + frame.indentation < options.break_length;
    if !(fits_three && (total_length as f64 / actual_max as f64 > 5.0 || max_length <= 6)) {
        return output;
    }
    // Node aims for a roughly square block, characters being ~2.5 times as high as wide,
    // with a bias towards more columns for short entries.
    const APPROX_CHAR_HEIGHTS: f64 = 2.5;
    let average_bias = (actual_max as f64 - total_length as f64 / output.len() as f64).sqrt();
    let biased_max = (actual_max as f64 - 3.0 - average_bias).max(1.0);
    let square = ((APPROX_CHAR_HEIGHTS * biased_max * data_count as f64).sqrt() / biased_max)
        .round() as usize;
    let columns = square
        .min(options.break_length.saturating_sub(frame.indentation) / actual_max)
        .min(options.compact.saturating_mul(4))
        .min(15);
    if columns <= 1 {
        return output;
    }
    let column_widths: Vec<usize> = (0..columns)
        .map(|column| {
            let widest = widths.iter().skip(column).step_by(columns).max();
            widest.copied().unwrap_or(0) + SEPARATOR_SPACE
        })
        .collect();
    let mut grouped = Vec::with_capacity(data_count.div_ceil(columns) + 1);
    for row_start in (0..data_count).step_by(columns) {
        let row_end = (row_start + columns).min(data_count);
        let mut line = String::new();
        for index in row_start..row_end {
            let column_width = column_widths[index - row_start];
            let last = index + 1 == row_end;
            // Padding fills the column to its widest entry plus the separator; the last
            // entry of a row has no separator, and only numbers are padded on the left.
            let separator = if last { "" } else { ", " };
            let used = widths[index] + separator.len();
            let fill_width = column_width - SEPARATOR_SPACE + separator.len();
            let padding = " ".repeat(fill_width.saturating_sub(used));
            if array_of_numbers {
                line.push_str(&padding);
                line.push_str(&output[index]);
                line.push_str(separator);
            } else {
                line.push_str(&output[index]);
                line.push_str(separator);
                if !last {
                    line.push_str(&padding);
                }
            }
        }
        grouped.push(line);
    }
    if frame.has_more_items {
        grouped.extend(output.last().cloned());
    }
    grouped
}

/// Length in UTF-16 code units, the unit of JavaScript's `String.length`: one per UTF-8
/// lead byte, plus one for each four-byte sequence (a surrogate pair). Counted over bytes,
/// which is several times faster than decoding, and ASCII (nearly all text) a word at a time.
pub(super) fn utf16_len(text: &str) -> usize {
    if text.is_ascii() {
        return text.len();
    }
    text.bytes()
        .map(|byte| usize::from(byte & 0xC0 != 0x80) + usize::from(byte >= 0xF0))
        .sum()
}
