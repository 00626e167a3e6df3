//! The singular port against the npm package `pluralize` itself, on every word of the
//! spec (operationId parts, path segments, descriptions) and their naive plurals.

mod support;

use armgen::plural::singular;
use std::collections::BTreeSet;

#[test]
fn singulars_match_pluralize() {
    let manifest = support::manifest();
    let spec = manifest.spec_root.join(&manifest.specs[0]);
    let text = std::fs::read_to_string(&spec).expect("the reference spec is readable");
    let mut words: BTreeSet<String> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect();
    let plurals: Vec<String> = words
        .iter()
        .flat_map(|w| [format!("{w}s"), format!("{w}es"), w.to_uppercase()])
        .collect();
    words.extend(plurals);
    let words: Vec<String> = words.into_iter().collect();
    let inputs: Vec<String> = words
        .iter()
        .map(|w| serde_json::to_string(w).unwrap())
        .collect();
    let expected = support::run_oracle("pluralize.js", &inputs);
    let mismatches: Vec<String> = words
        .iter()
        .zip(&expected)
        .filter(|(word, expected)| singular(word) != **expected)
        .map(|(word, expected)| {
            format!(
                "{word}: pluralize says {expected}, armgen says {}",
                singular(word)
            )
        })
        .collect();
    let identical = words.len() - mismatches.len();
    println!("{identical} of {} singulars identical", words.len());
    assert!(
        mismatches.is_empty(),
        "{identical} of {} singulars identical; first mismatches:\n{}",
        words.len(),
        mismatches[..mismatches.len().min(20)].join("\n")
    );
}
