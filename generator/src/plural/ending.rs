//! How a match of a singular rule can end, so that each word is run only through the
//! rules that could match it: running all thirty regular expressions on every word was
//! most of the cost of finding a spec's resources.
//!
//! Every rule is anchored at the end of the word (`…$`), so a match ends the word.
//! [`endings`] reads the little regular-expression syntax the tables use (literals, `|`,
//! `(…)`, `(?:…)`, `?`, `[…]`, `^`, `\b`) and gives the last two characters a match can
//! have (all of it when it is shorter). Any other syntax, a match that may be empty, a
//! character outside ASCII or too many endings give `None`: the rule is then always run.
//! So a rule is skipped only when it cannot match.

use std::collections::BTreeSet;

/// How many characters at the end of a match are compared with the word's.
const TAIL: usize = 2;
/// Beyond this many endings a rule is just run: the check would cost more than it saves.
const MAX_ENDINGS: usize = 64;

/// The last characters of a match, in lower case (`None`: any character), at most
/// [`TAIL`] of them; fewer only when the whole match is shorter. A value, not a vector:
/// reading the tables makes many of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Ending {
    len: usize,
    chars: [Option<char>; TAIL],
}

impl Ending {
    const EMPTY: Ending = Ending {
        len: 0,
        chars: [None; TAIL],
    };

    fn of(c: Option<char>) -> Ending {
        let mut chars = [None; TAIL];
        chars[0] = c;
        Ending { len: 1, chars }
    }

    fn chars(&self) -> &[Option<char>] {
        &self.chars[..self.len]
    }

    /// The last [`TAIL`] characters of `self` followed by `after`.
    fn then(&self, after: &Ending) -> Ending {
        let mut joined = [None; 2 * TAIL];
        joined[..self.len].copy_from_slice(self.chars());
        joined[self.len..self.len + after.len].copy_from_slice(after.chars());
        let len = self.len + after.len;
        let kept = len.min(TAIL);
        let mut chars = [None; TAIL];
        chars[..kept].copy_from_slice(&joined[len - kept..len]);
        Ending { len: kept, chars }
    }
}

/// The endings a match of `pattern` (matched case-insensitively, ending in `$`) can have;
/// `None` when the pattern could match any word ending.
pub(super) fn endings(pattern: &str) -> Option<Vec<Ending>> {
    let body = pattern.strip_suffix('$')?;
    let mut parser = Parser {
        chars: body.chars().collect(),
        at: 0,
    };
    let alternatives = parser.alternatives()?;
    if parser.at != parser.chars.len() {
        return None;
    }
    let endings = alternatives_endings(&alternatives)?;
    let known = endings
        .iter()
        .all(|ending| ending.len > 0 && ending.chars().iter().flatten().all(char::is_ascii));
    known.then_some(endings)
}

/// Whether `word` may match a rule whose matches end with one of `endings`.
pub(super) fn may_match(endings: Option<&[Ending]>, word: &str) -> bool {
    let Some(endings) = endings else {
        return true;
    };
    endings.iter().any(|ending| {
        let mut chars = word.chars().rev();
        ending
            .chars()
            .iter()
            .rev()
            .all(|expected| match (expected, chars.next()) {
                (_, None) => false,
                (None, Some(_)) => true,
                // regex-lite folds ASCII case only; other characters are left to the rule.
                (Some(expected), Some(actual)) => {
                    !actual.is_ascii() || actual.to_ascii_lowercase() == *expected
                }
            })
    })
}

/// One element of a sequence, and whether a `?` makes it optional.
struct Item {
    atom: Atom,
    optional: bool,
}

enum Atom {
    /// One character out of these, in lower case (`None`: of a class not listed, `[^aou]`).
    Char(Option<BTreeSet<char>>),
    /// `^` or `\b`, which match no character.
    Assertion,
    Group(Vec<Vec<Item>>),
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        Some(c)
    }

    fn alternatives(&mut self) -> Option<Vec<Vec<Item>>> {
        let mut alternatives = vec![self.sequence()?];
        while self.peek() == Some('|') {
            self.at += 1;
            alternatives.push(self.sequence()?);
        }
        Some(alternatives)
    }

    fn sequence(&mut self) -> Option<Vec<Item>> {
        let mut items = Vec::new();
        while let Some(c) = self.peek() {
            if c == '|' || c == ')' {
                break;
            }
            let atom = self.atom()?;
            let optional = self.peek() == Some('?');
            if optional {
                self.at += 1;
            }
            items.push(Item { atom, optional });
        }
        Some(items)
    }

    fn atom(&mut self) -> Option<Atom> {
        match self.next()? {
            '(' => {
                if self.peek() == Some('?') {
                    self.at += 1;
                    (self.next()? == ':').then_some(())?;
                }
                let group = self.alternatives()?;
                (self.next()? == ')').then_some(Atom::Group(group))
            }
            '[' => self.class(),
            '^' => Some(Atom::Assertion),
            '\\' => (self.next()? == 'b').then_some(Atom::Assertion),
            c if c.is_alphanumeric() => {
                Some(Atom::Char(Some(BTreeSet::from([c.to_ascii_lowercase()]))))
            }
            // Repetition, wildcards, other escapes: outside what this reads.
            _ => None,
        }
    }

    /// A class after its `[`; ranges are only read inside negated classes, whose members
    /// do not matter.
    fn class(&mut self) -> Option<Atom> {
        let negated = self.peek() == Some('^');
        if negated {
            self.at += 1;
        }
        let mut members = BTreeSet::new();
        loop {
            match self.next()? {
                ']' => break,
                '\\' | '[' => return None,
                '-' if !negated => return None,
                c => {
                    members.insert(c.to_ascii_lowercase());
                }
            }
        }
        Some(Atom::Char((!negated).then_some(members)))
    }
}

fn alternatives_endings(alternatives: &[Vec<Item>]) -> Option<Vec<Ending>> {
    let mut endings = Vec::new();
    for sequence in alternatives {
        endings.extend(sequence_endings(sequence)?);
    }
    endings.sort_unstable();
    endings.dedup();
    Some(endings)
}

/// The endings of a sequence: the last [`TAIL`] characters of each ending of the items
/// so far followed by each ending of the next item.
fn sequence_endings(items: &[Item]) -> Option<Vec<Ending>> {
    let mut endings = vec![Ending::EMPTY];
    for item in items {
        let mut next: Vec<Ending> = match &item.atom {
            Atom::Char(Some(chars)) => chars.iter().map(|&c| Ending::of(Some(c))).collect(),
            Atom::Char(None) => vec![Ending::of(None)],
            Atom::Assertion => vec![Ending::EMPTY],
            Atom::Group(group) => alternatives_endings(group)?,
        };
        if item.optional {
            next.push(Ending::EMPTY);
        }
        endings = endings
            .iter()
            .flat_map(|before| next.iter().map(|after| before.then(after)))
            .collect();
        endings.sort_unstable();
        endings.dedup();
        if endings.len() > MAX_ENDINGS {
            return None;
        }
    }
    Some(endings)
}

#[cfg(test)]
mod tests {
    use super::{endings, may_match};

    /// The endings as text, `.` for any character, sorted.
    fn shown(pattern: &str) -> Option<Vec<String>> {
        let mut shown: Vec<String> = endings(pattern)?
            .iter()
            .map(|ending| ending.chars().iter().map(|c| c.unwrap_or('.')).collect())
            .collect();
        shown.sort();
        Some(shown)
    }

    #[test]
    fn the_last_two_characters_a_match_can_have() {
        let cases: [(&str, &[&str]); 9] = [
            ("s$", &["s"]),
            ("(eau)x?$", &["au", "ux"]),
            ("[^aeiou]ese$", &["se"]),
            ("(x|ch|[^aou]us)(?:es)?$", &["ch", "es", "us", "x"]),
            (r"\b((?:tit)?m|l)ice$", &["ce"]),
            ("(pe)(rson|ople)$", &["le", "on"]),
            ("(alumn|vir)(?:us|i)$", &["ni", "ri", "us"]),
            ("([^aou]s|^x)$", &[".s", "x"]),
            ("(M|N)$", &["m", "n"]),
        ];
        for (pattern, expected) in cases {
            let expected: Vec<String> = expected.iter().map(|e| e.to_string()).collect();
            assert_eq!(shown(pattern), Some(expected), "{pattern}");
        }
    }

    #[test]
    fn anything_unsure_runs_the_rule() {
        for pattern in [
            "s",
            "s?$",
            "(s|^)$",
            "[a-z]$",
            "s+$",
            "s*$",
            "a.$",
            r"\d$",
            "(?i)s$",
            "(s$",
            "é$",
            "[abcdefghij][abcdefghij]$",
        ] {
            assert_eq!(endings(pattern), None, "{pattern}");
        }
        let ends_in_s = endings("s$");
        assert!(may_match(ends_in_s.as_deref(), "Tokens"));
        assert!(!may_match(ends_in_s.as_deref(), "Registry"));
        assert!(
            may_match(ends_in_s.as_deref(), "wordſ"),
            "non-ASCII: left to the rule"
        );
        let ies = endings("ies$");
        assert!(may_match(ies.as_deref(), "PoliciES"));
        assert!(!may_match(ies.as_deref(), "Webhooks"));
        assert!(
            !may_match(endings("ab$").as_deref(), "b"),
            "shorter than the ending"
        );
        assert!(may_match(None, "anything"));
    }
}
