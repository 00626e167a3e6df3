//! The typed string formats of Swagger (`date-time`, `date`, `time`, `duration`,
//! `date-time-rfc1123`, `byte`, `base64url`, `uuid`) and `unixtime` integers.
//!
//! Each string format is a [`Formatted`] value: the parsed value together with the text
//! it was read from. A value read from a reply is sent back exactly as received, so a
//! read-modify-write loses nothing (services write forms no formatter reproduces:
//! `+00:00`, seven fractional digits, `P5DT1H0M0S`, upper-case UUIDs); a value built in
//! code is written in the format's canonical form. Text that is not of the format is
//! refused when read, so a reply that breaks its schema is a decode error, not a value
//! that fails later. Equality and hashing compare the values, not the texts.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;
use time::format_description::well_known::Rfc3339 as Rfc3339Text;
use time::{Month, OffsetDateTime, PrimitiveDateTime, UtcOffset};

/// A string format: how its text is parsed and how a value is written.
pub trait Format {
    /// The format as errors name it (`an RFC 3339 date-time`).
    const DESCRIPTION: &'static str;
    type Value: Clone + fmt::Debug + Eq + Hash;
    /// The value of `text`, or `None` if `text` is not of the format.
    fn parse(text: &str) -> Option<Self::Value>;
    /// The canonical text of `value`, or `None` if the format cannot write it.
    fn format(value: &Self::Value) -> Option<String>;
}

/// A value of the format `F` with its wire text.
pub struct Formatted<F: Format> {
    text: String,
    value: F::Value,
}

/// Text that is not of its format, or a value its format cannot write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub description: &'static str,
    pub text: String,
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not {}", self.text, self.description)
    }
}

impl std::error::Error for FormatError {}

impl<F: Format> Formatted<F> {
    /// `value`, written in the format's canonical form.
    pub fn new(value: F::Value) -> Result<Self, FormatError> {
        match F::format(&value) {
            Some(text) => Ok(Self { text, value }),
            None => Err(FormatError {
                description: F::DESCRIPTION,
                text: format!("{value:?}"),
            }),
        }
    }

    pub fn value(&self) -> &F::Value {
        &self.value
    }

    pub fn into_value(self) -> F::Value {
        self.value
    }

    /// The text, as received or as formatted.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl<F: Format> FromStr for Formatted<F> {
    type Err = FormatError;

    fn from_str(text: &str) -> Result<Self, FormatError> {
        match F::parse(text) {
            Some(value) => Ok(Self {
                text: text.to_owned(),
                value,
            }),
            None => Err(FormatError {
                description: F::DESCRIPTION,
                text: text.to_owned(),
            }),
        }
    }
}

impl<F: Format> Clone for Formatted<F> {
    fn clone(&self) -> Self {
        Self {
            text: self.text.clone(),
            value: self.value.clone(),
        }
    }
}

impl<F: Format> fmt::Debug for Formatted<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.text, f)
    }
}

impl<F: Format> fmt::Display for Formatted<F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl<F: Format> PartialEq for Formatted<F> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
    }
}

impl<F: Format> Eq for Formatted<F> {}

impl<F: Format> Hash for Formatted<F> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

impl<F: Format> serde::Serialize for Formatted<F> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de, F: Format> serde::Deserialize<'de> for Formatted<F> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// `format: date-time`, RFC 3339.
pub type Timestamp = Formatted<format::Rfc3339>;
/// `format: date-time-rfc1123`, as HTTP dates are written.
pub type Rfc1123Timestamp = Formatted<format::Rfc1123>;
/// `format: date`, an RFC 3339 full-date.
pub type Date = Formatted<format::FullDate>;
/// `format: time`, an RFC 3339 partial-time.
pub type Time = Formatted<format::PartialTime>;
/// `format: duration`, ISO 8601.
pub type Duration = Formatted<format::Iso8601Duration>;
/// `format: byte`, base64.
pub type Bytes = Formatted<format::Base64>;
/// `format: base64url`, unpadded base64 of the URL-safe alphabet.
pub type Base64Url = Formatted<format::Base64Url>;
/// `format: uuid`.
pub type Uuid = Formatted<format::Uuid>;

impl Timestamp {
    pub fn instant(&self) -> OffsetDateTime {
        self.value
    }
}

impl TryFrom<OffsetDateTime> for Timestamp {
    type Error = FormatError;

    fn try_from(instant: OffsetDateTime) -> Result<Self, FormatError> {
        Self::new(instant)
    }
}

impl Bytes {
    pub fn as_bytes(&self) -> &[u8] {
        &self.value
    }
}

impl Base64Url {
    pub fn as_bytes(&self) -> &[u8] {
        &self.value
    }
}

impl From<&[u8]> for Bytes {
    fn from(bytes: &[u8]) -> Self {
        Self::new(bytes.to_vec()).expect("base64 writes any bytes")
    }
}

impl From<&[u8]> for Base64Url {
    fn from(bytes: &[u8]) -> Self {
        Self::new(bytes.to_vec()).expect("base64url writes any bytes")
    }
}

impl From<std::time::Duration> for Duration {
    fn from(duration: std::time::Duration) -> Self {
        let value = format::IsoDuration::from(duration);
        Self::new(value).expect("ISO 8601 writes any duration")
    }
}

/// `format: unixtime`: an integer of seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct UnixTime(OffsetDateTime);

impl UnixTime {
    /// The instant `seconds` after the epoch, if it is within years -9999 to 9999.
    pub fn from_seconds(seconds: i64) -> Result<Self, FormatError> {
        OffsetDateTime::from_unix_timestamp(seconds)
            .map(Self)
            .map_err(|_| FormatError {
                description: "a unixtime within years -9999 to 9999",
                text: seconds.to_string(),
            })
    }

    /// `instant`, to the second (a unixtime has no fraction).
    pub fn new(instant: OffsetDateTime) -> Self {
        Self::from_seconds(instant.unix_timestamp()).expect("an instant's own seconds are in range")
    }

    pub fn seconds(&self) -> i64 {
        self.0.unix_timestamp()
    }

    pub fn instant(&self) -> OffsetDateTime {
        self.0
    }
}

impl fmt::Display for UnixTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.seconds())
    }
}

impl serde::Serialize for UnixTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(self.seconds())
    }
}

impl<'de> serde::Deserialize<'de> for UnixTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let seconds = i64::deserialize(deserializer)?;
        Self::from_seconds(seconds).map_err(serde::de::Error::custom)
    }
}

/// The formats themselves, and the values of those without a type elsewhere.
pub mod format {
    use super::*;

    /// RFC 3339 (`2019-03-15T18:05:00.1234567+00:00`), case-insensitive. A text without
    /// an offset is read as UTC, as AutoRest's clients read it. The instant must have a
    /// UTC form RFC 3339 can write (years 0000 to 9999): `9999-12-31T23:59:59-14:00` is
    /// refused.
    #[derive(Debug)]
    pub enum Rfc3339 {}

    impl Format for Rfc3339 {
        const DESCRIPTION: &'static str = "an RFC 3339 date-time within years 0000 to 9999 UTC";
        type Value = OffsetDateTime;

        fn parse(text: &str) -> Option<OffsetDateTime> {
            let instant = OffsetDateTime::parse(text, &Rfc3339Text)
                .or_else(|_| OffsetDateTime::parse(&format!("{text}Z"), &Rfc3339Text))
                .ok()?;
            in_years(instant)
        }

        fn format(value: &OffsetDateTime) -> Option<String> {
            in_years(*value)?.format(&Rfc3339Text).ok()
        }
    }

    fn in_years(instant: OffsetDateTime) -> Option<OffsetDateTime> {
        let utc = instant.checked_to_offset(UtcOffset::UTC)?;
        (0..=9999).contains(&utc.year()).then_some(instant)
    }

    /// RFC 1123 as HTTP writes it (`Fri, 31 Dec 9999 23:59:59 GMT`), case-insensitive,
    /// with a day of one or two digits and a four-digit year.
    #[derive(Debug)]
    pub enum Rfc1123 {}

    const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];

    impl Format for Rfc1123 {
        const DESCRIPTION: &'static str = "an RFC 1123 date-time";
        type Value = OffsetDateTime;

        fn parse(text: &str) -> Option<OffsetDateTime> {
            let (weekday, rest) = text.split_once(", ")?;
            WEEKDAYS
                .iter()
                .find(|name| name.eq_ignore_ascii_case(weekday))?;
            let parts: Vec<&str> = rest.split(' ').collect();
            let [day, month, year, clock, zone] = parts.as_slice() else {
                return None;
            };
            if !zone.eq_ignore_ascii_case("GMT") || !(1..=2).contains(&day.len()) {
                return None;
            }
            let month = MONTHS
                .iter()
                .position(|name| name.eq_ignore_ascii_case(month))?;
            let month = Month::try_from(u8::try_from(month + 1).ok()?).ok()?;
            let date = time::Date::from_calendar_date(
                digits(year, 4)? as i32,
                month,
                digits(day, day.len())? as u8,
            )
            .ok()?;
            let time = clock_time(clock)?;
            (time.nanosecond() == 0).then(|| PrimitiveDateTime::new(date, time).assume_utc())
        }

        fn format(value: &OffsetDateTime) -> Option<String> {
            let utc = value.checked_to_offset(UtcOffset::UTC)?;
            if !(0..=9999).contains(&utc.year()) {
                return None;
            }
            let weekday = WEEKDAYS[usize::from(utc.weekday().number_days_from_monday())];
            let month = MONTHS[usize::from(u8::from(utc.month()) - 1)];
            Some(format!(
                "{weekday}, {:02} {month} {:04} {:02}:{:02}:{:02} GMT",
                utc.day(),
                utc.year(),
                utc.hour(),
                utc.minute(),
                utc.second()
            ))
        }
    }

    /// The number of `text`, which must be exactly `len` ASCII digits.
    fn digits(text: &str, len: usize) -> Option<u32> {
        (text.len() == len && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse().ok())
            .flatten()
    }

    /// `HH:MM:SS` with an optional fraction of up to nine digits.
    fn clock_time(text: &str) -> Option<time::Time> {
        let (whole, fraction) = match text.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (text, None),
        };
        let mut parts = whole.split(':');
        let hour = digits(parts.next()?, 2)?;
        let minute = digits(parts.next()?, 2)?;
        let second = digits(parts.next()?, 2)?;
        if parts.next().is_some() {
            return None;
        }
        let nanos = match fraction {
            Some(fraction) => nanos(fraction)?,
            None => 0,
        };
        time::Time::from_hms_nano(hour as u8, minute as u8, second as u8, nanos).ok()
    }

    /// A decimal fraction of a second of 1 to 9 digits, in nanoseconds.
    fn nanos(fraction: &str) -> Option<u32> {
        if !(1..=9).contains(&fraction.len()) || !fraction.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(fraction.parse::<u32>().ok()? * 10u32.pow(9 - fraction.len() as u32))
    }

    /// `.fff` of `nanos` without trailing zeros, or nothing for a whole second.
    fn fraction(nanos: u32) -> String {
        if nanos == 0 {
            return String::new();
        }
        let digits = format!(".{nanos:09}");
        digits.trim_end_matches('0').to_owned()
    }

    /// An RFC 3339 full-date, `YYYY-MM-DD`.
    #[derive(Debug)]
    pub enum FullDate {}

    impl Format for FullDate {
        const DESCRIPTION: &'static str = "a date (YYYY-MM-DD)";
        type Value = time::Date;

        fn parse(text: &str) -> Option<time::Date> {
            let mut parts = text.split('-');
            let year = digits(parts.next()?, 4)?;
            let month = Month::try_from(digits(parts.next()?, 2)? as u8).ok()?;
            let day = digits(parts.next()?, 2)?;
            if parts.next().is_some() {
                return None;
            }
            time::Date::from_calendar_date(year as i32, month, day as u8).ok()
        }

        fn format(value: &time::Date) -> Option<String> {
            (0..=9999).contains(&value.year()).then(|| {
                format!(
                    "{:04}-{:02}-{:02}",
                    value.year(),
                    u8::from(value.month()),
                    value.day()
                )
            })
        }
    }

    /// An RFC 3339 partial-time, `HH:MM:SS` with an optional fraction.
    #[derive(Debug)]
    pub enum PartialTime {}

    impl Format for PartialTime {
        const DESCRIPTION: &'static str = "a time (HH:MM:SS)";
        type Value = time::Time;

        fn parse(text: &str) -> Option<time::Time> {
            clock_time(text)
        }

        fn format(value: &time::Time) -> Option<String> {
            Some(format!(
                "{:02}:{:02}:{:02}{}",
                value.hour(),
                value.minute(),
                value.second(),
                fraction(value.nanosecond())
            ))
        }
    }

    /// An ISO 8601 duration (`P3Y6M4DT12H30M5S`, `P2W`, `-PT1.5S`).
    #[derive(Debug)]
    pub enum Iso8601Duration {}

    /// The value of an ISO 8601 duration. Years and months have no fixed length, so they
    /// are kept apart; weeks count as seven days; hours, minutes and seconds are one
    /// count of seconds, so `PT1H0M0S` and `PT60M` are equal.
    #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
    pub struct IsoDuration {
        pub negative: bool,
        pub years: u64,
        pub months: u64,
        pub days: u64,
        pub seconds: u64,
        pub nanos: u32,
    }

    impl From<std::time::Duration> for IsoDuration {
        /// Whole days of 24 hours, then hours, minutes and seconds.
        fn from(duration: std::time::Duration) -> Self {
            let secs = duration.as_secs();
            Self {
                days: secs / 86_400,
                seconds: secs % 86_400,
                nanos: duration.subsec_nanos(),
                ..Self::default()
            }
        }
    }

    impl IsoDuration {
        /// The length, taking a day as 24 hours; `None` if negative or with years or
        /// months, which have no fixed length.
        pub fn to_std(&self) -> Option<std::time::Duration> {
            if self.negative || self.years != 0 || self.months != 0 {
                return None;
            }
            let seconds = self.days.checked_mul(86_400)?.checked_add(self.seconds)?;
            Some(std::time::Duration::new(seconds, self.nanos))
        }
    }

    impl Format for Iso8601Duration {
        const DESCRIPTION: &'static str = "an ISO 8601 duration";
        type Value = IsoDuration;

        fn parse(text: &str) -> Option<IsoDuration> {
            let (negative, text) = match text.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, text),
            };
            let text = text.strip_prefix('P')?;
            let (date, clock) = match text.split_once('T') {
                Some((date, clock)) if !clock.is_empty() => (date, Some(clock)),
                Some(_) => return None,
                None => (text, None),
            };
            if date.is_empty() && clock.is_none() {
                return None;
            }
            let mut value = IsoDuration {
                negative,
                ..IsoDuration::default()
            };
            for (number, unit) in components(date)? {
                let number = whole(number)?;
                match unit {
                    'Y' => value.years = number,
                    'M' => value.months = number,
                    'W' => value.days = value.days.checked_add(number.checked_mul(7)?)?,
                    'D' => value.days = value.days.checked_add(number)?,
                    _ => return None,
                }
            }
            let mut seconds: u64 = 0;
            for (number, unit) in components(clock.unwrap_or_default())? {
                let scale = match unit {
                    'H' => 3600,
                    'M' => 60,
                    'S' => 1,
                    _ => return None,
                };
                let (whole_part, fraction) = match number.split_once('.') {
                    Some((whole_part, fraction)) if unit == 'S' => (whole_part, Some(fraction)),
                    Some(_) => return None,
                    None => (number, None),
                };
                seconds = seconds.checked_add(whole(whole_part)?.checked_mul(scale)?)?;
                if let Some(fraction) = fraction {
                    // Digits past nanoseconds are dropped from the value (the text keeps
                    // them).
                    let kept = &fraction[..fraction.len().min(9)];
                    if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
                        return None;
                    }
                    value.nanos = nanos(kept)?;
                }
            }
            value.seconds = seconds;
            Some(value)
        }

        fn format(value: &IsoDuration) -> Option<String> {
            let mut text = String::from(if value.negative { "-P" } else { "P" });
            for (number, unit) in [(value.years, 'Y'), (value.months, 'M'), (value.days, 'D')] {
                if number != 0 {
                    text.push_str(&format!("{number}{unit}"));
                }
            }
            let (hours, minutes, seconds) = (
                value.seconds / 3600,
                value.seconds % 3600 / 60,
                value.seconds % 60,
            );
            let mut clock = String::new();
            for (number, unit) in [(hours, 'H'), (minutes, 'M')] {
                if number != 0 {
                    clock.push_str(&format!("{number}{unit}"));
                }
            }
            if seconds != 0 || value.nanos != 0 {
                clock.push_str(&format!("{seconds}{}S", fraction(value.nanos)));
            }
            if !clock.is_empty() {
                text.push('T');
                text.push_str(&clock);
            } else if text.ends_with('P') {
                text.push_str("T0S");
            }
            Some(text)
        }
    }

    /// `12Y3M` as `[("12", 'Y'), ("3", 'M')]`; `None` if a number has no unit.
    fn components(text: &str) -> Option<Vec<(&str, char)>> {
        let mut out = Vec::new();
        let mut start = 0;
        for (index, c) in text.char_indices() {
            if c.is_ascii_alphabetic() {
                if index == start {
                    return None;
                }
                out.push((&text[start..index], c));
                start = index + 1;
            }
        }
        (start == text.len()).then_some(out)
    }

    fn whole(text: &str) -> Option<u64> {
        if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        text.parse().ok()
    }

    const STANDARD: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const URL_SAFE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    /// Base64 of the standard alphabet, `=` padding optional when read, written padded.
    #[derive(Debug)]
    pub enum Base64 {}

    impl Format for Base64 {
        const DESCRIPTION: &'static str = "base64";
        type Value = Vec<u8>;

        fn parse(text: &str) -> Option<Vec<u8>> {
            decode(text, STANDARD)
        }

        fn format(value: &Vec<u8>) -> Option<String> {
            Some(encode(value, STANDARD, true))
        }
    }

    /// Base64 of the URL-safe alphabet, written without padding.
    #[derive(Debug)]
    pub enum Base64Url {}

    impl Format for Base64Url {
        const DESCRIPTION: &'static str = "base64url";
        type Value = Vec<u8>;

        fn parse(text: &str) -> Option<Vec<u8>> {
            decode(text, URL_SAFE)
        }

        fn format(value: &Vec<u8>) -> Option<String> {
            Some(encode(value, URL_SAFE, false))
        }
    }

    fn encode(bytes: &[u8], alphabet: &[u8; 64], pad: bool) -> String {
        let mut text = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let mut group = [0u8; 3];
            group[..chunk.len()].copy_from_slice(chunk);
            let bits = u32::from_be_bytes([0, group[0], group[1], group[2]]);
            for index in 0..=chunk.len() {
                let sextet = (bits >> (18 - 6 * index)) & 0x3f;
                text.push(char::from(alphabet[sextet as usize]));
            }
            if pad {
                for _ in chunk.len()..3 {
                    text.push('=');
                }
            }
        }
        text
    }

    /// The bytes of `text`; trailing bits that are not zero are refused, so each value
    /// has one text (besides padding).
    fn decode(text: &str, alphabet: &[u8; 64]) -> Option<Vec<u8>> {
        let unpadded = text.trim_end_matches('=');
        let padding = text.len() - unpadded.len();
        if padding > 2 || (padding > 0 && !text.len().is_multiple_of(4)) || unpadded.len() % 4 == 1
        {
            return None;
        }
        let mut bytes = Vec::with_capacity(unpadded.len() * 3 / 4);
        let (mut bits, mut count) = (0u32, 0u32);
        for byte in unpadded.bytes() {
            let sextet = alphabet.iter().position(|&c| c == byte)? as u32;
            bits = (bits << 6) | sextet;
            count += 6;
            if count >= 8 {
                count -= 8;
                bytes.push((bits >> count) as u8);
                bits &= (1 << count) - 1;
            }
        }
        (bits == 0).then_some(bytes)
    }

    /// A UUID, `8-4-4-4-12` hexadecimal digits of either case.
    #[derive(Debug)]
    pub enum Uuid {}

    impl Format for Uuid {
        const DESCRIPTION: &'static str = "a UUID";
        type Value = [u8; 16];

        fn parse(text: &str) -> Option<[u8; 16]> {
            let groups: Vec<&str> = text.split('-').collect();
            let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
            if lengths != [8, 4, 4, 4, 12] {
                return None;
            }
            let hex: String = groups.concat();
            let mut value = [0u8; 16];
            for (index, byte) in value.iter_mut().enumerate() {
                let pair = hex.get(2 * index..2 * index + 2)?;
                if !pair.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                *byte = u8::from_str_radix(pair, 16).ok()?;
            }
            Some(value)
        }

        fn format(value: &[u8; 16]) -> Option<String> {
            let hex: String = value.iter().map(|b| format!("{b:02x}")).collect();
            Some(format!(
                "{}-{}-{}-{}-{}",
                &hex[..8],
                &hex[8..12],
                &hex[12..16],
                &hex[16..20],
                &hex[20..]
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::format::IsoDuration;
    use super::*;

    #[test]
    fn timestamps_are_sent_back_as_received() {
        let text = "\"2019-03-15T18:05:00.1234567+00:00\"";
        let stamp: Timestamp = serde_json::from_str(text).unwrap();
        assert_eq!(serde_json::to_string(&stamp).unwrap(), text);
        let same: Timestamp = "2019-03-15T18:05:00.1234567Z".parse().unwrap();
        assert_eq!(stamp, same);
        let no_offset: Timestamp = "0001-01-01T00:00:00".parse().unwrap();
        assert_eq!(no_offset, "0001-01-01T00:00:00Z".parse().unwrap());
        // What is refused when read cannot be written either.
        let past = time::macros::datetime!(9999-12-31 23:59:59.999 -14:00);
        assert!(Timestamp::try_from(past).is_err());
        for bad in [
            "9999-12-31T23:59:59.999-14:00",
            "0000-00-00T00:00:00.000+00:00",
            "201O-18-90D00:89:56.9AX",
            "2020-01-01T00:00:00+01:00Z",
        ] {
            assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
        }
    }

    #[test]
    fn rfc1123_dates_read_either_case_and_write_http_dates() {
        let max: Rfc1123Timestamp = "fri, 31 dec 9999 23:59:59 gmt".parse().unwrap();
        assert_eq!(max, "Fri, 31 Dec 9999 23:59:59 GMT".parse().unwrap());
        let built = Rfc1123Timestamp::new(max.value().to_owned()).unwrap();
        assert_eq!(built.as_str(), "Fri, 31 Dec 9999 23:59:59 GMT");
        for bad in [
            "Tue, 01 Dec 2000 00:00:0A ABC",
            "Sat, 1 Jan 10000 00:00:00 GMT",
            "Tue, 00 Jan 0000 00:00:00 GMT",
        ] {
            assert!(bad.parse::<Rfc1123Timestamp>().is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_and_times() {
        let date: Date = "1492-10-12".parse().unwrap();
        assert_eq!(Date::new(*date.value()).unwrap().as_str(), "1492-10-12");
        for bad in ["201O-18-90", "10000000000-12-31", "0000-00-00", "date"] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        let time: Time = "11:34:56".parse().unwrap();
        assert_eq!(Time::new(*time.value()).unwrap().as_str(), "11:34:56");
        assert!("25:00:00".parse::<Time>().is_err());
    }

    #[test]
    fn durations_compare_by_length_and_write_canonically() {
        let long: Duration = "P5DT1H0M0S".parse().unwrap();
        assert_eq!(long.as_str(), "P5DT1H0M0S");
        let short = Duration::from(std::time::Duration::from_secs(5 * 86_400 + 3600));
        assert_eq!(short.as_str(), "P5DT1H");
        assert_eq!(long, short);
        let precise: Duration = "P123DT22H14M12.011S".parse().unwrap();
        assert_eq!(
            Duration::new(*precise.value()).unwrap().as_str(),
            "P123DT22H14M12.011S"
        );
        let calendar: Duration = "P3Y6M4DT12H30M5S".parse().unwrap();
        assert_eq!(calendar.value().to_std(), None);
        assert_eq!(
            calendar.value(),
            &IsoDuration {
                years: 3,
                months: 6,
                days: 4,
                seconds: 12 * 3600 + 30 * 60 + 5,
                ..IsoDuration::default()
            }
        );
        for bad in ["123ABC", "P", "PT", "P1H", "PT1.5H", "P1DT"] {
            assert!(bad.parse::<Duration>().is_err(), "{bad}");
        }
    }

    #[test]
    fn base64_in_both_alphabets() {
        let bytes: Bytes = "//79/Pv6+fj39g==".parse().unwrap();
        assert_eq!(
            bytes.as_bytes(),
            [255, 254, 253, 252, 251, 250, 249, 248, 247, 246]
        );
        assert_eq!(Bytes::from(bytes.as_bytes()).as_str(), "//79/Pv6+fj39g==");
        let url: Base64Url = "YSBzdHJpbmcgdGhhdCBnZXRzIGVuY29kZWQgd2l0aCBiYXNlNjR1cmw"
            .parse()
            .unwrap();
        assert_eq!(
            url.as_bytes(),
            b"a string that gets encoded with base64url".as_slice()
        );
        assert_eq!(
            Base64Url::from(url.as_bytes()).as_str(),
            "YSBzdHJpbmcgdGhhdCBnZXRzIGVuY29kZWQgd2l0aCBiYXNlNjR1cmw"
        );
        assert_eq!("".parse::<Bytes>().unwrap().as_bytes(), b"");
        for bad in ["::::SWAGGER::::", "A", "AB=", "AB==="] {
            assert!(bad.parse::<Bytes>().is_err(), "{bad}");
        }
    }

    #[test]
    fn uuids_compare_regardless_of_case() {
        let lower: Uuid = "6dcc7237-45fe-45c4-8a6b-3a8a3f625652".parse().unwrap();
        let upper: Uuid = "6DCC7237-45FE-45C4-8A6B-3A8A3F625652".parse().unwrap();
        assert_eq!(lower, upper);
        assert_eq!(upper.as_str(), "6DCC7237-45FE-45C4-8A6B-3A8A3F625652");
        assert_eq!(Uuid::new(*upper.value()).unwrap(), lower);
        assert!("foo".parse::<Uuid>().is_err());
    }

    #[test]
    fn unix_times_are_integers() {
        let time: UnixTime = serde_json::from_str("1460505600").unwrap();
        assert_eq!(time.instant().year(), 2016);
        assert_eq!(serde_json::to_string(&time).unwrap(), "1460505600");
        assert!(serde_json::from_str::<UnixTime>("\"123jkl\"").is_err());
    }
}
