//! Which letters a match of a singular rule can end with, so that each word is run only
//! through the rules that could match it: running all thirty regular expressions on every
//! word was most of the cost of finding a spec's resources.
//!
//! Every rule is anchored at the end of the word (`…$`), so a match that is not empty ends
//! with the word's last character. [`final_letters`] reads the little regular-expression
//! syntax the tables use (literals, `|`, `(…)`, `(?:…)`, `?`, `[…]`, `^`, `\b`) and gives
//! the letters a match can end with. Any other syntax, a class it does not list, a match
//! that may be empty, or a character outside ASCII gives `None`: the rule is then always
//! run. So a rule is skipped only when it cannot match.

use std::collections::BTreeSet;

/// The ASCII characters, in lower case, that a match of `pattern` (matched
/// case-insensitively, ending in `$`) can end with, as a bit set; `None` when any
/// character might.
pub(super) fn final_letters(pattern: &str) -> Option<u128> {
    let body = pattern.strip_suffix('$')?;
    let mut parser = Parser {
        chars: body.chars().collect(),
        at: 0,
    };
    let alternatives = parser.alternatives()?;
    if parser.at != parser.chars.len() {
        return None;
    }
    match ends(&alternatives)? {
        (_, true) => None,
        (letters, false) => letters
            .into_iter()
            .try_fold(0u128, |set, c| c.is_ascii().then(|| set | 1 << c as u32)),
    }
}

/// Whether a word ending in `last` may match a rule whose matches end with `letters`.
pub(super) fn may_end_with(letters: Option<u128>, last: char) -> bool {
    match letters {
        Some(set) if last.is_ascii() => set & 1 << last.to_ascii_lowercase() as u32 != 0,
        _ => true,
    }
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

/// The characters the matches of the alternatives can end with (`None`: any), and whether
/// a match can be empty.
fn ends(alternatives: &[Vec<Item>]) -> Option<(BTreeSet<char>, bool)> {
    let mut letters = BTreeSet::new();
    let mut empty = false;
    for sequence in alternatives {
        let (last, may_be_empty) = sequence_ends(sequence)?;
        letters.extend(last);
        empty |= may_be_empty;
    }
    Some((letters, empty))
}

/// The last item that must match a character ends the match; the optional ones after it
/// may end it too.
fn sequence_ends(items: &[Item]) -> Option<(BTreeSet<char>, bool)> {
    let mut letters = BTreeSet::new();
    for item in items.iter().rev() {
        let (last, may_be_empty) = match &item.atom {
            Atom::Char(chars) => (chars.clone()?, false),
            Atom::Assertion => (BTreeSet::new(), true),
            Atom::Group(group) => ends(group)?,
        };
        letters.extend(last);
        if !may_be_empty && !item.optional {
            return Some((letters, false));
        }
    }
    Some((letters, true))
}

#[cfg(test)]
mod tests {
    use super::{final_letters, may_end_with};

    fn letters(pattern: &str) -> Option<String> {
        let set = final_letters(pattern)?;
        Some(
            (0u8..128)
                .filter(|c| set & 1 << c != 0)
                .map(char::from)
                .collect(),
        )
    }

    #[test]
    fn the_last_required_character_and_the_optional_ones_after_it() {
        assert_eq!(letters("s$").as_deref(), Some("s"));
        assert_eq!(letters("(eau)x?$").as_deref(), Some("ux"));
        assert_eq!(letters("[^aeiou]ese$").as_deref(), Some("e"));
        assert_eq!(letters("(x|ch|[^aou]us)(?:es)?$").as_deref(), Some("hsx"));
        assert_eq!(letters(r"\b((?:tit)?m|l)ice$").as_deref(), Some("e"));
        assert_eq!(letters("(pe)(rson|ople)$").as_deref(), Some("en"));
        assert_eq!(letters("(alumn|vir)(?:us|i)$").as_deref(), Some("is"));
        assert_eq!(
            letters("(ar|(?:wo|[ae])l|[eo][ao])ves$").as_deref(),
            Some("s")
        );
        assert_eq!(letters("(M|N)$").as_deref(), Some("mn"));
    }

    #[test]
    fn anything_unsure_runs_the_rule() {
        for pattern in [
            "s", "s?$", "(s|^)$", "[^s]$", "[a-z]$", "s+$", "s*$", "a.$", r"\d$", "(?i)s$", "(s$",
            "é$",
        ] {
            assert_eq!(final_letters(pattern), None, "{pattern}");
        }
        let ends_in_s = final_letters("s$");
        assert!(may_end_with(ends_in_s, 's') && may_end_with(ends_in_s, 'S'));
        assert!(!may_end_with(ends_in_s, 'y'));
        assert!(may_end_with(ends_in_s, 'ſ'), "non-ASCII: left to the rule");
        assert!(may_end_with(None, 'y'));
    }
}
