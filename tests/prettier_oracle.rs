//! Differential test: armgen's Prettier port against Prettier 2.5.1 itself.
//!
//! Every snippet is built once as a `Snippet`; its unformatted source goes to the Node oracle
//! (`tools/oracle/prettier.js`, one process for all cases) and the same snippet is formatted
//! in Rust. The texts must be identical. Cases: every example file of the Container Registry
//! spec with realistic dependency lists, plus thousands of seeded random bodies.

mod support;

use std::path::{Path, PathBuf};

use armgen::prettier::{format_snippet, Dependency, Snippet};
use serde_json::{Map, Number, Value};
use support::{first_difference, run_oracle, Rng};

/// Random cases on top of the spec examples.
const RANDOM_CASES: usize = 3000;

fn dep(var: &str, group: &str, type_name: &str) -> Dependency {
    Dependency {
        variable: var.to_string(),
        group: group.to_string(),
        type_name: type_name.to_string(),
    }
}

/// Realistic dependency lists: none, one, two, three, with names short and long enough to
/// break the member chain inside its brackets.
fn dependency_variants() -> Vec<Vec<Dependency>> {
    vec![
        vec![],
        vec![dep("resourceGroup", "Resources", "ResourceGroup")],
        vec![
            dep("resourceGroup", "Resources", "ResourceGroup"),
            dep("registry", "ContainerRegistry", "Registry"),
        ],
        vec![
            dep("resourceGroup", "Resources", "ResourceGroup"),
            dep("registry", "ContainerRegistry", "Registry"),
            dep(
                "privateEndpointConnection",
                "ContainerRegistry",
                "PrivateEndpointConnection",
            ),
        ],
        vec![
            dep("rg", "Resources", "ResourceGroup"),
            dep("vault", "KeyVault", "Vault"),
        ],
        vec![dep(
            "scopeMap",
            "ContainerRegistryWithAVeryLongGroupName",
            "ScopeMapWithAnExtremelyLongTypeNameToo",
        )],
    ]
}

fn spec_examples() -> Vec<PathBuf> {
    let root = support::spec_folder();
    let mut found = Vec::new();
    collect_examples(&root, &mut found);
    assert!(
        !found.is_empty(),
        "no example files under {}",
        root.display()
    );
    found.sort();
    found
}

fn collect_examples(dir: &Path, found: &mut Vec<PathBuf>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            collect_examples(&path, found);
        } else if path.extension().is_some_and(|e| e == "json")
            && path.components().any(|c| c.as_os_str() == "examples")
        {
            found.push(path);
        }
    }
}

/// The first parameter value that is an object or an array, as the docs emitter picks it.
fn example_body(path: &Path) -> Option<Value> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let example: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    example
        .get("parameters")?
        .as_object()?
        .values()
        .find(|v| v.is_object() || v.is_array())
        .cloned()
}

fn spec_cases() -> Vec<Snippet> {
    let variants = dependency_variants();
    let types = [
        "Registry",
        "ConnectedRegistry",
        "PrivateEndpointConnection",
        "Webhook",
    ];
    let mut cases = Vec::new();
    for (i, path) in spec_examples().iter().enumerate() {
        let body = example_body(path);
        // Each example once with a rotating variant, and once with no dependencies at all.
        for deps in [variants[i % variants.len()].clone(), vec![]] {
            cases.push(Snippet {
                group: "ContainerRegistry".to_string(),
                type_name: types[i % types.len()].to_string(),
                body: body.clone(),
                dependencies: deps,
            });
        }
    }
    cases
}

const WORDS: &[&str] = &[
    "a",
    "id",
    "name",
    "location",
    "eastus",
    "Standard_LRS",
    "ReadWrite",
    "Enabled",
    "P2D",
    "0 9 * * *",
    "hello-world:*:*",
    "x",
    "",
    "true",
    "null",
    "42",
];

const KEYS: &[&str] = &[
    "a",
    "id",
    "tags",
    "sku",
    "name",
    "location",
    "properties",
    "provisioningState",
    "x-ms-enum",
    "a b",
    "1",
    "01",
    "1.5",
    "1.50",
    "10",
    "999999999999999999999",
    "",
    "$x",
    "_y",
    "é",
    "日本",
    "naïve",
    "a\"b",
    "it's",
    "with\\slash",
    "tab\tkey",
    "😀",
    "aVeryLongPropertyNameThatTakesUpMostOfTheLineWidthAllByItselfReally",
    "someMediumLengthPropertyName",
    "abc",
    "abcd",
    "abcde",
    "class",
    "\u{2028}",
];

const TYPE_NAMES: &[&str] = &[
    "Registry",
    "Webhook",
    "PrivateEndpointConnection",
    "ScopeMapWithAnExtremelyLongTypeNameThatPushesTheCallOverTheLimit",
];

fn random_string(rng: &mut Rng) -> String {
    const PIECES: &[&str] = &[
        "abc",
        "Hello",
        " ",
        "'",
        "\"",
        "\\",
        "\n",
        "\t",
        "\r",
        "\u{1}",
        "\u{1f}",
        "\u{7f}",
        "\u{85}",
        "é",
        "日本語",
        "😀",
        "e\u{301}",
        "\u{2028}",
        "\u{2029}",
        "/subscriptions/",
        "${x}",
        "`",
        "0000-0000",
        "Microsoft.ContainerRegistry/registries",
    ];
    match rng.below(10) {
        0..=3 => rng.pick(WORDS).to_string(),
        4..=5 => {
            // Long enough to push a property past the line width.
            let len = 40 + rng.below(100);
            (0..len)
                .map(|i| (b'a' + ((i * 7 + len) % 26) as u8) as char)
                .collect()
        }
        _ => (0..1 + rng.below(8)).map(|_| *rng.pick(PIECES)).collect(),
    }
}

fn random_number(rng: &mut Rng) -> Value {
    let n: f64 = match rng.below(12) {
        0 => rng.below(10) as f64,
        1 => rng.below(1_000_000) as f64,
        2 => -(rng.below(1000) as f64),
        3 => rng.below(100_000) as f64 / 100.0,
        4 => -(rng.below(100_000) as f64) / 1000.0,
        5 => 1e21,
        6 => 1.5e-7,
        7 => 123_456_789_012_345_680_000.0,
        8 => f64::MAX,
        9 => 5e-324,
        10 => -1.25e30,
        _ => 0.000_001,
    };
    if n.fract() == 0.0 && n.abs() < 1e15 {
        Value::Number(Number::from(n as i64))
    } else {
        Number::from_f64(n).map_or(Value::Null, Value::Number)
    }
}

/// A short object or array of one to three scalars: arrays of several of these (each with
/// more than one entry) always break, even when they would fit.
fn small_container(rng: &mut Rng, as_array: bool) -> Value {
    let len = 1 + rng.below(3);
    if as_array {
        Value::Array(
            (0..len)
                .map(|_| Value::Number(Number::from(rng.below(100))))
                .collect(),
        )
    } else {
        let keys = ["a", "b", "name", "id"];
        Value::Object(
            (0..len)
                .map(|i| (keys[i].to_string(), Value::Bool(rng.chance(50))))
                .collect(),
        )
    }
}

fn random_value(rng: &mut Rng, depth: usize) -> Value {
    let choice = if depth >= 4 {
        rng.below(5)
    } else {
        rng.below(10)
    };
    match choice {
        0 | 1 => Value::String(random_string(rng)),
        2 => random_number(rng),
        3 => Value::Bool(rng.chance(50)),
        4 => Value::Null,
        5 | 6 => random_object(rng, depth + 1),
        7 => {
            // Number arrays are filled rather than broken one per line.
            let len = rng.below(40);
            Value::Array((0..len).map(|_| random_number(rng)).collect())
        }
        8 => {
            let as_array = rng.chance(30);
            let mixed = rng.chance(20);
            let len = 1 + rng.below(3);
            Value::Array(
                (0..len)
                    .map(|i| small_container(rng, as_array != (mixed && i == 1)))
                    .collect(),
            )
        }
        _ => {
            let len = rng.below(5);
            Value::Array((0..len).map(|_| random_value(rng, depth + 1)).collect())
        }
    }
}

fn random_object(rng: &mut Rng, depth: usize) -> Value {
    let len = if rng.chance(10) { 0 } else { 1 + rng.below(5) };
    let mut map = Map::new();
    for _ in 0..len {
        let key = if rng.chance(60) {
            rng.pick(KEYS).to_string()
        } else {
            random_string(rng)
        };
        map.insert(key, random_value(rng, depth));
    }
    Value::Object(map)
}

fn random_cases() -> Vec<Snippet> {
    let mut rng = Rng::new(0x5eed_0251);
    let variants = dependency_variants();
    (0..RANDOM_CASES)
        .map(|_| {
            let body = match rng.below(10) {
                0 => None,
                1 => Some(random_value(&mut rng, 0)),
                _ => Some(random_object(&mut rng, 0)),
            };
            Snippet {
                group: if rng.chance(20) {
                    "ContainerRegistryWithALongerGroupName"
                } else {
                    "ContainerRegistry"
                }
                .to_string(),
                type_name: rng.pick(TYPE_NAMES).to_string(),
                body,
                dependencies: rng.pick(&variants).clone(),
            }
        })
        .collect()
}

#[test]
fn prettier_port_matches_prettier() {
    let cases: Vec<Snippet> = spec_cases().into_iter().chain(random_cases()).collect();
    let inputs: Vec<String> = cases
        .iter()
        .map(|case| serde_json::to_string(&case.source()).expect("a string encodes"))
        .collect();
    let expected = run_oracle("prettier.js", &inputs);
    let mut mismatches = cases
        .iter()
        .zip(&expected)
        .filter(|(case, expected)| format_snippet(case) != **expected);
    let first = mismatches.next();
    let failures = first.is_some() as usize + mismatches.count();
    let identical = cases.len() - failures;
    let summary = format!("{identical} of {} prettier cases identical", cases.len());
    println!("{summary}");
    if let Some((case, expected)) = first {
        panic!(
            "{summary}\nsource:\n{}\n{}",
            case.source(),
            first_difference(expected, &format_snippet(case))
        );
    }
}
