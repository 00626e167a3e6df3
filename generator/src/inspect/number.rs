//! JavaScript's `Number.prototype.toString()` for the numbers of a JSON document.
//!
//! `JSON.parse` turns every JSON number into an IEEE-754 double, so serde_json's three
//! number kinds all map to `f64` here: `u64` and `i64` integers are rounded to the nearest
//! double (`u64::MAX` becomes 18446744073709552000 and 2^53 + 1 becomes 2^53, as in
//! JavaScript), and floats are already doubles (`float_roundtrip` parses them exactly as
//! `JSON.parse` does). `-0` in a document parses to a negative-zero `f64` in both.

use serde_json::Number;

/// The number as `util.inspect` prints it: JavaScript's `String(n)`, except that negative
/// zero keeps its sign.
pub(super) fn format_number(number: &Number) -> String {
    // `as_f64` only fails with serde_json's arbitrary-precision numbers, which parse to
    // the same double through `str::parse`.
    let value = number
        .as_f64()
        .or_else(|| number.to_string().parse().ok())
        .unwrap_or(f64::NAN);
    if value == 0.0 && value.is_sign_negative() {
        return "-0".to_owned();
    }
    // Below 2^53 every integer is a double of its own, so its digits are the shortest that
    // read back, and JavaScript writes them positionally: no digit search needed.
    const EXACT: f64 = (1u64 << 53) as f64;
    if value.fract() == 0.0 && value.abs() <= EXACT {
        return (value as i64).to_string();
    }
    js_number_to_string(value)
}

/// The shortest decimal digits that read back as `value` (positive, finite) and the
/// exponent of the first digit, as ECMAScript picks them: the closest such digits, and
/// the even ones of two equally close.
fn shortest_digits(value: f64) -> (String, i64) {
    // Rust's `{:e}` yields the shortest round-trip digits, as `d.ddde-7`, but settles an
    // exact tie between two candidates upwards.
    let (digits, exponent) = split_scientific(&format!("{value:e}"));
    // A tie means the exact value has one digit more, a 5. 767 significant digits is
    // the most a double can have, so this expansion is exact.
    let (exact, exact_exponent) = split_scientific(&format!("{value:.767e}"));
    let (kept, rest) = exact.split_at(digits.len().min(exact.len()));
    let rest = rest.trim_end_matches('0');
    let lower_is_even = kept
        .bytes()
        .last()
        .is_some_and(|digit| (digit - b'0').is_multiple_of(2));
    if rest == "5" && lower_is_even {
        (kept.to_owned(), exact_exponent)
    } else {
        (digits, exponent)
    }
}

/// Digits and exponent of Rust's `d.ddde-7` notation.
fn split_scientific(text: &str) -> (String, i64) {
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let digits = mantissa.chars().filter(|c| *c != '.').collect();
    (digits, exponent.parse().unwrap_or(0))
}

/// ECMAScript `Number::toString(x)` (radix 10): the shortest digits that round-trip,
/// written positionally while the decimal exponent is in `-7 < e < 21` and in exponent
/// form (`1e+21`, `1.5e-7`) otherwise.
pub(super) fn js_number_to_string(value: f64) -> String {
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.is_infinite() {
        return if value > 0.0 { "Infinity" } else { "-Infinity" }.to_owned();
    }
    if value == 0.0 {
        return "0".to_owned();
    }
    let sign = if value < 0.0 { "-" } else { "" };
    let (digits, exponent) = shortest_digits(value.abs());
    // `point` is where the decimal point goes relative to the digits (ECMAScript's `n`).
    let point = exponent + 1;
    let count = digits.len() as i64;
    let body = if count <= point && point <= 21 {
        format!("{digits}{}", "0".repeat((point - count) as usize))
    } else if 0 < point && point <= 21 {
        let (whole, fraction) = digits.split_at(point as usize);
        format!("{whole}.{fraction}")
    } else if -6 < point && point <= 0 {
        format!("0.{}{digits}", "0".repeat((-point) as usize))
    } else {
        let exponent_sign = if exponent < 0 { '-' } else { '+' };
        let (first, rest) = digits.split_at(1);
        let fraction = if rest.is_empty() {
            String::new()
        } else {
            format!(".{rest}")
        };
        format!("{first}{fraction}e{exponent_sign}{}", exponent.abs())
    };
    format!("{sign}{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn js(text: &str) -> String {
        let number: Number = serde_json::from_str(text).expect("a JSON number");
        format_number(&number)
    }

    #[test]
    fn number_to_string_follows_ecmascript() {
        // node -p "[-0, 1e21, 1e-7, 0.1, 5e-324, 2**53+1, 18446744073709551615,
        //   123456789012345680000, 0.000001, -1.5e-7, 1.7976931348623157e308,
        //   -9223372036854775808, 100, 1.50, 990396856404734.25].map(String)"
        let cases = [
            ("-0", "-0"),
            ("1e21", "1e+21"),
            ("1e-7", "1e-7"),
            ("0.1", "0.1"),
            ("5e-324", "5e-324"),
            ("9007199254740993", "9007199254740992"),
            ("18446744073709551615", "18446744073709552000"),
            ("123456789012345678901", "123456789012345680000"),
            ("0.000001", "0.000001"),
            ("-1.5e-7", "-1.5e-7"),
            ("1.7976931348623157e308", "1.7976931348623157e+308"),
            ("-9223372036854775808", "-9223372036854776000"),
            ("100", "100"),
            ("1.50", "1.5"),
            // Exactly between ...4.2 and ...4.3: ECMAScript takes the even digit.
            ("990396856404734.25", "990396856404734.2"),
        ];
        for (input, expected) in cases {
            assert_eq!(js(input), expected, "for {input}");
        }
    }
}
