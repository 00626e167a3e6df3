//! English singulars by the rules of the npm package `pluralize` (8.0.0), which the
//! reference pages used to name resources (`Registries` -> `Registry`). Only the
//! singular direction is ported. The rule tables are that package's data; matching
//! follows its algorithm: exceptions first, then the rules from the last added to the
//! first, the first that matches replacing its match with the case of the text it
//! replaces.

mod ending;

use ending::{endings, may_match, Ending};
use regex_lite::{Captures, Regex};
use std::collections::HashMap;
use std::sync::OnceLock;

/// Irregular pairs, singular then plural.
const IRREGULAR: &[(&str, &str)] = &[
    ("I", "we"),
    ("me", "us"),
    ("he", "they"),
    ("she", "they"),
    ("them", "them"),
    ("myself", "ourselves"),
    ("yourself", "yourselves"),
    ("itself", "themselves"),
    ("herself", "themselves"),
    ("himself", "themselves"),
    ("themself", "themselves"),
    ("is", "are"),
    ("was", "were"),
    ("has", "have"),
    ("this", "these"),
    ("that", "those"),
    ("echo", "echoes"),
    ("dingo", "dingoes"),
    ("volcano", "volcanoes"),
    ("tornado", "tornadoes"),
    ("torpedo", "torpedoes"),
    ("genus", "genera"),
    ("viscus", "viscera"),
    ("stigma", "stigmata"),
    ("stoma", "stomata"),
    ("dogma", "dogmata"),
    ("lemma", "lemmata"),
    ("schema", "schemata"),
    ("anathema", "anathemata"),
    ("ox", "oxen"),
    ("axe", "axes"),
    ("die", "dice"),
    ("yes", "yeses"),
    ("foot", "feet"),
    ("eave", "eaves"),
    ("goose", "geese"),
    ("tooth", "teeth"),
    ("quiz", "quizzes"),
    ("human", "humans"),
    ("proof", "proofs"),
    ("carve", "carves"),
    ("valve", "valves"),
    ("looey", "looies"),
    ("thief", "thieves"),
    ("groove", "grooves"),
    ("pickaxe", "pickaxes"),
    ("passerby", "passersby"),
];

/// Singular rules in the order the package adds them (tried last first).
const SINGULAR_RULES: &[(&str, &str)] = &[
    (r"s$", ""),
    (r"(ss)$", "$1"),
    (
        r"(wi|kni|(?:after|half|high|low|mid|non|night|[^0-9A-Za-z_]|^)li)ves$",
        "$1fe",
    ),
    (r"(ar|(?:wo|[ae])l|[eo][ao])ves$", "$1f"),
    (r"ies$", "y"),
    (
        r"\b([pl]|zomb|(?:neck|cross)?t|coll|faer|food|gen|goon|group|lass|talk|goal|cut)ies$",
        "$1ie",
    ),
    (r"\b(mon|smil)ies$", "$1ey"),
    (r"\b((?:tit)?m|l)ice$", "$1ouse"),
    (r"(seraph|cherub)im$", "$1"),
    (
        r"(x|ch|ss|sh|zz|tto|go|cho|alias|[^aou]us|t[lm]as|gas|(?:her|at|gr)o|[aeiou]ris)(?:es)?$",
        "$1",
    ),
    (
        r"(analy|diagno|parenthe|progno|synop|the|empha|cri|ne)(?:sis|ses)$",
        "$1sis",
    ),
    (r"(movie|twelve|abuse|e[mn]u)s$", "$1"),
    (r"(test)(?:is|es)$", "$1is"),
    (
        r"(alumn|syllab|vir|radi|nucle|fung|cact|stimul|termin|bacill|foc|uter|loc|strat)(?:us|i)$",
        "$1us",
    ),
    (
        r"(agend|addend|millenni|dat|extrem|bacteri|desiderat|strat|candelabr|errat|ov|symposi|curricul|quor)a$",
        "$1um",
    ),
    (
        r"(apheli|hyperbat|periheli|asyndet|noumen|phenomen|criteri|organ|prolegomen|hedr|automat)a$",
        "$1on",
    ),
    (r"(alumn|alg|vertebr)ae$", "$1a"),
    (r"(cod|mur|sil|vert|ind)ices$", "$1ex"),
    (r"(matr|append)ices$", "$1ix"),
    (r"(pe)(rson|ople)$", "$1rson"),
    (r"(child)ren$", "$1"),
    (r"(eau)x?$", "$1"),
    (r"men$", "man"),
];

/// Words that have no other number.
const UNCOUNTABLE_WORDS: &[&str] = &[
    "adulthood",
    "advice",
    "agenda",
    "aid",
    "aircraft",
    "alcohol",
    "ammo",
    "analytics",
    "anime",
    "athletics",
    "audio",
    "bison",
    "blood",
    "bream",
    "buffalo",
    "butter",
    "carp",
    "cash",
    "chassis",
    "chess",
    "clothing",
    "cod",
    "commerce",
    "cooperation",
    "corps",
    "debris",
    "diabetes",
    "digestion",
    "elk",
    "energy",
    "equipment",
    "excretion",
    "expertise",
    "firmware",
    "flounder",
    "fun",
    "gallows",
    "garbage",
    "graffiti",
    "hardware",
    "headquarters",
    "health",
    "herpes",
    "highjinks",
    "homework",
    "housework",
    "information",
    "jeans",
    "justice",
    "kudos",
    "labour",
    "literature",
    "machinery",
    "mackerel",
    "mail",
    "media",
    "mews",
    "moose",
    "music",
    "mud",
    "manga",
    "news",
    "only",
    "personnel",
    "pike",
    "plankton",
    "pliers",
    "police",
    "pollution",
    "premises",
    "rain",
    "research",
    "rice",
    "salmon",
    "scissors",
    "series",
    "sewage",
    "shambles",
    "shrimp",
    "software",
    "species",
    "staff",
    "swine",
    "tennis",
    "traffic",
    "transportation",
    "trout",
    "tuna",
    "wealth",
    "welfare",
    "whiting",
    "wildebeest",
    "wildlife",
    "you",
];

/// Uncountable patterns; the package adds them as rules that keep the word, after all
/// other rules, so they are tried first.
const UNCOUNTABLE_PATTERNS: &[&str] = &[
    r"pok[eé]mon$",
    r"[^aeiou]ese$",
    r"deer$",
    r"fish$",
    r"measles$",
    r"o[iu]s$",
    r"pox$",
    r"sheep$",
];

struct Rules {
    /// Tried in this order (already reversed from the order of addition).
    rules: Vec<Rule>,
    plural_to_singular: HashMap<String, String>,
    singulars: HashMap<String, ()>,
    uncountable: HashMap<&'static str, ()>,
}

struct Rule {
    pattern: &'static str,
    /// Compiled when a word first needs it: most words rule most patterns out by their
    /// last two letters, so a run compiles only a few of them.
    regex: OnceLock<Regex>,
    replacement: &'static str,
    /// How a match can end (see [`endings`]); `None`: the rule runs on every word.
    endings: Option<Vec<Ending>>,
}

impl Rule {
    fn new(pattern: &'static str, replacement: &'static str) -> Self {
        Rule {
            pattern,
            regex: OnceLock::new(),
            replacement,
            endings: endings(pattern),
        }
    }

    fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            Regex::new(&format!("(?i){}", self.pattern))
                .expect("the rule tables are valid patterns")
        })
    }
}

fn rules() -> &'static Rules {
    static RULES: OnceLock<Rules> = OnceLock::new();
    RULES.get_or_init(|| {
        let keep_word = UNCOUNTABLE_PATTERNS
            .iter()
            .map(|pattern| Rule::new(pattern, "$0"));
        let singular = SINGULAR_RULES
            .iter()
            .map(|(pattern, replacement)| Rule::new(pattern, replacement));
        Rules {
            rules: singular
                .chain(keep_word)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect(),
            plural_to_singular: IRREGULAR
                .iter()
                .map(|(single, plural)| (plural.to_lowercase(), single.to_lowercase()))
                .collect(),
            singulars: IRREGULAR
                .iter()
                .map(|(single, _)| (single.to_lowercase(), ()))
                .collect(),
            uncountable: UNCOUNTABLE_WORDS.iter().map(|word| (*word, ())).collect(),
        }
    })
}

/// The singular of `word`, as `pluralize.singular(word)` gives it.
pub fn singular(word: &str) -> String {
    let rules = rules();
    let token = word.to_lowercase();
    if rules.singulars.contains_key(&token) {
        return restore_case(word, &token);
    }
    if let Some(single) = rules.plural_to_singular.get(&token) {
        return restore_case(word, single);
    }
    if token.is_empty() || rules.uncountable.contains_key(token.as_str()) {
        return word.to_owned();
    }
    let Some(rule) = rules
        .rules
        .iter()
        .find(|rule| may_match(rule.endings.as_deref(), word) && rule.regex().is_match(word))
    else {
        return word.to_owned();
    };
    let Some(captures) = rule.regex().captures(word) else {
        return word.to_owned();
    };
    let replacement = rule.replacement;
    let whole = captures.get(0).map_or(0..0, |m| m.range());
    let result = interpolate(replacement, &captures);
    // An empty match takes the case of the character before it.
    let model = if whole.is_empty() {
        word[..whole.start]
            .chars()
            .last()
            .map(String::from)
            .unwrap_or_default()
    } else {
        word[whole.clone()].to_owned()
    };
    format!(
        "{}{}{}",
        &word[..whole.start],
        restore_case(&model, &result),
        &word[whole.end..]
    )
}

/// `$0`..`$99` replaced by the groups they name (an unmatched group gives nothing).
fn interpolate(template: &str, captures: &Captures<'_>) -> String {
    let mut out = String::new();
    let mut rest = template;
    while let Some(dollar) = rest.find('$') {
        out.push_str(&rest[..dollar]);
        let digits: String = rest[dollar + 1..]
            .chars()
            .take(2)
            .take_while(char::is_ascii_digit)
            .collect();
        if digits.is_empty() {
            out.push('$');
            rest = &rest[dollar + 1..];
            continue;
        }
        let group = digits.parse::<usize>().unwrap_or(usize::MAX);
        out.push_str(captures.get(group).map_or("", |m| m.as_str()));
        rest = &rest[dollar + 1 + digits.len()..];
    }
    out.push_str(rest);
    out
}

/// Gives `token` the case pattern of `word`: exact, lower, upper or title case.
fn restore_case(word: &str, token: &str) -> String {
    if word == token {
        return token.to_owned();
    }
    if word == word.to_lowercase() {
        return token.to_lowercase();
    }
    if word == word.to_uppercase() {
        return token.to_uppercase();
    }
    let first_is_upper = word
        .chars()
        .next()
        .is_some_and(|c| c.to_uppercase().eq(std::iter::once(c)));
    if first_is_upper {
        let mut chars = token.chars();
        return chars
            .next()
            .map(|first| {
                first
                    .to_uppercase()
                    .chain(chars.flat_map(char::to_lowercase))
                    .collect()
            })
            .unwrap_or_default();
    }
    token.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::{may_match, rules, singular, IRREGULAR};

    #[test]
    fn the_ending_filter_skips_only_rules_that_cannot_match() {
        let endings = [
            "", "s", "es", "ies", "ves", "ice", "im", "a", "ae", "i", "us", "ex", "ix", "ren",
            "men", "x", "u", "fe", "o", "E",
        ];
        for (_, plural) in IRREGULAR {
            for ending in endings {
                let word = format!("{plural}{ending}");
                for rule in &rules().rules {
                    assert!(
                        !rule.regex().is_match(&word) || may_match(rule.endings.as_deref(), &word),
                        "{} matches {word}",
                        rule.pattern
                    );
                }
            }
        }
    }

    #[test]
    fn every_rule_knows_how_its_matches_end() {
        // Else the rule runs on every word: correct, but the filter would be lost unseen.
        // Each pattern is compiled here too, as the rules compile only when first needed.
        for rule in &rules().rules {
            rule.regex();
            assert!(rule.endings.is_some(), "{}", rule.pattern);
        }
    }

    #[test]
    fn resource_collections_become_singular() {
        assert_eq!(singular("Registries"), "Registry");
        assert_eq!(
            singular("PrivateEndpointConnections"),
            "PrivateEndpointConnection"
        );
        assert_eq!(singular("ConnectedRegistries"), "ConnectedRegistry");
        assert_eq!(singular("registries"), "registry");
    }

    #[test]
    fn exceptions_come_before_rules() {
        assert_eq!(singular("Schemata"), "Schema");
        assert_eq!(singular("news"), "news");
        assert_eq!(singular("Addresses"), "Address");
        assert_eq!(singular("Policies"), "Policy");
        assert_eq!(singular("Sheep"), "Sheep");
    }
}
