//! Differential test of armgen's `util.inspect` port against Node itself.
//!
//! Every case is printed by `armgen::inspect` and by `tools/oracle/inspect.js` (one Node
//! process for the whole corpus) and the texts must be identical. The corpus: every
//! definition of the Container Registry 2021-08-01-preview spec at depths 2, 4 and 10,
//! raw and dereferenced by armgen's resolver (as the docs print them), every PUT body
//! schema dereferenced, every example file of that version, seeded random JSON values,
//! and hand-built circular graphs. Add values through [`tree_cases`].
//!
//! Needs `node` and `npm ci --prefix tools/oracle`; it fails, never skips, without them.

#[path = "support/mod.rs"]
mod support;

use std::collections::HashMap;
use std::path::Path;
use std::rc::Rc;

use armgen::inspect::{inspect, inspect_graph, InspectOptions};
use armgen::json_graph::{Graph, Node, NodeId};
use serde_json::{json, Map, Number, Value};
use support::{first_difference, run_oracle, Rng};

/// One input printed by both sides.
struct Case {
    label: String,
    depth: usize,
    input: Input,
}

enum Input {
    Tree(Value),
    Graph(Rc<Graph>, NodeId),
}

impl Case {
    /// The line the oracle reads (see `tools/oracle/inspect.js`).
    fn oracle_line(&self) -> String {
        let line = match &self.input {
            Input::Tree(value) => json!({ "value": value, "depth": self.depth }),
            Input::Graph(graph, root) => {
                let (nodes, root) = encode_graph(graph, *root);
                json!({ "graph": nodes, "root": root, "depth": self.depth })
            }
        };
        line.to_string()
    }

    fn rust_output(&self) -> String {
        let options = InspectOptions {
            depth: self.depth,
            ..InspectOptions::default()
        };
        match &self.input {
            Input::Tree(value) => inspect(value, &options),
            Input::Graph(graph, root) => inspect_graph(graph, *root, &options),
        }
    }
}

/// Cases for plain values, each printed at every depth in `depths`.
fn tree_cases(
    prefix: &str,
    values: impl IntoIterator<Item = (String, Value)>,
    depths: &[usize],
) -> Vec<Case> {
    values
        .into_iter()
        .flat_map(|(name, value)| {
            depths.iter().map(move |&depth| Case {
                label: format!("{prefix} {name} at depth {depth}"),
                depth,
                input: Input::Tree(value.clone()),
            })
        })
        .collect()
}

/// The graph's reachable nodes in the oracle's encoding, numbered in discovery order.
fn encode_graph(graph: &Graph, root: NodeId) -> (Vec<Value>, usize) {
    fn visit(
        graph: &Graph,
        id: NodeId,
        index: &mut HashMap<NodeId, usize>,
        nodes: &mut Vec<Value>,
    ) -> usize {
        if let Some(&known) = index.get(&id) {
            return known;
        }
        let own = nodes.len();
        index.insert(id, own);
        nodes.push(Value::Null);
        let encoded = match graph.node(id) {
            Node::Scalar(value) => json!({ "scalar": value }),
            Node::Array(items) => {
                let items: Vec<usize> = items
                    .iter()
                    .map(|&item| visit(graph, item, index, nodes))
                    .collect();
                json!({ "array": items })
            }
            Node::Object(members) => {
                let members: Vec<Value> = members
                    .iter()
                    .map(|(key, item)| json!([key, visit(graph, *item, index, nodes)]))
                    .collect();
                json!({ "object": members })
            }
        };
        nodes[own] = encoded;
        own
    }
    let mut nodes = Vec::new();
    let root = visit(graph, root, &mut HashMap::new(), &mut nodes);
    (nodes, root)
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

fn spec_cases() -> Vec<Case> {
    let folder = support::spec_folder();
    let spec = read_json(&folder.join("containerregistry.json"));
    let definitions = spec["definitions"].as_object().cloned().unwrap_or_default();
    assert!(!definitions.is_empty(), "the spec has no definitions");
    let mut cases = tree_cases("definition", definitions, &[2, 4, 10]);

    let mut examples: Vec<_> = std::fs::read_dir(folder.join("examples"))
        .expect("the spec's examples folder")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    examples.sort();
    assert!(!examples.is_empty(), "the spec has no examples");
    let examples = examples.iter().map(|path| {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        (name, read_json(path))
    });
    cases.extend(tree_cases("example", examples, &[2, 10]));
    cases
}

/// Every definition and every PUT body schema, dereferenced the way the docs print them:
/// shared nodes and cycles included.
fn dereferenced_cases() -> Vec<Case> {
    let manifest = support::manifest();
    let api = armgen::model::load(&manifest.spec_root, &manifest.specs).expect("the spec loads");
    let mut dereferencer = armgen::resolve::Dereferencer::new(api.resolver());
    let mut roots = Vec::new();
    for spec in &api.specs {
        for name in spec.spec.definitions.keys() {
            let root = dereferencer
                .dereference(&spec.definition(name))
                .expect("a definition dereferences");
            roots.push((format!("dereferenced definition {name}"), root));
        }
        let puts = spec
            .operations
            .iter()
            .filter(|op| op.method == armgen::model::Method::Put);
        for (op, body) in puts.filter_map(|op| Some((op, op.body_schema_location()?))) {
            let root = dereferencer
                .dereference(&body)
                .expect("a body dereferences");
            roots.push((format!("dereferenced PUT body of {}", op.id), root));
        }
    }
    assert!(!roots.is_empty(), "the spec has nothing to dereference");
    let graph = Rc::new(dereferencer.graph().clone());
    roots
        .into_iter()
        .flat_map(|(label, root)| {
            [2, 4, 10].map(|depth| Case {
                label: format!("{label} at depth {depth}"),
                depth,
                input: Input::Graph(Rc::clone(&graph), root),
            })
        })
        .collect()
}

/// Seeded random values aimed at every layout rule.
struct ValueGen {
    rng: Rng,
    /// Values still allowed in the current document, so that wide and deep containers
    /// combined stay at a size that prints quickly.
    budget: usize,
}

impl ValueGen {
    fn value(&mut self, depth_left: usize) -> Value {
        self.budget = self.budget.saturating_sub(1);
        let kind = if depth_left == 0 || self.budget == 0 {
            self.rng.below(4)
        } else {
            self.rng.below(7)
        };
        match kind {
            0 => Value::Null,
            1 => Value::Bool(self.rng.chance(50)),
            2 => self.number(),
            3 => Value::String(self.string()),
            4 | 5 => self.object(depth_left - 1),
            _ => self.array(depth_left - 1),
        }
    }

    fn number(&mut self) -> Value {
        const SPECIAL: &[&str] = &[
            "0",
            "-0",
            "-0.0",
            "1e21",
            "1e20",
            "1e-7",
            "1e-6",
            "0.1",
            "5e-324",
            "9007199254740993",
            "18446744073709551615",
            "-9223372036854775808",
            "123456789012345678901234",
            "1.7976931348623157e308",
            "-1.5",
            "0.000001234",
            "123e-20",
            "2.5e-7",
            "100",
            "-42",
            "3.14159",
            "1e300",
            "4.35",
            "0.3",
        ];
        let text = match self.rng.below(5) {
            0 => (*self.rng.pick(SPECIAL)).to_owned(),
            1 => (self.rng.below(2000) as i64 - 1000).to_string(),
            2 => format!("{}.{}", self.rng.below(100_000), self.rng.below(1000)),
            3 => self.rng.next_u64().to_string(),
            _ => {
                // Any finite double, from its bits.
                let value = f64::from_bits(self.rng.next_u64());
                if value.is_finite() {
                    format!("{value:e}")
                } else {
                    "7".to_owned()
                }
            }
        };
        serde_json::from_str::<Number>(&text)
            .map(Value::Number)
            .unwrap_or(Value::Null)
    }

    fn string(&mut self) -> String {
        const PIECES: &[&str] = &[
            "a",
            "b",
            "Z",
            "_",
            "x",
            " ",
            "9",
            "'",
            "\"",
            "`",
            "${",
            "$",
            "\\",
            "\n",
            "\r",
            "\t",
            "\u{0}",
            "\u{b}",
            "\u{1b}",
            "\u{1f}",
            "\u{7f}",
            "\u{85}",
            "\u{9f}",
            "\u{a0}",
            "é",
            "e\u{301}",
            "中文",
            "😀",
            "\u{200d}",
            "\u{feff}",
            "ｗ",
            "word",
            "hello world",
            "-",
            "/",
            "{",
            "}",
        ];
        let length = match self.rng.below(10) {
            0 => 0,
            1..=5 => self.rng.below(8),
            6..=8 => self.rng.below(40),
            _ => 30 + self.rng.below(150),
        };
        let mut text: String = (0..length).map(|_| *self.rng.pick(PIECES)).collect();
        if self.rng.below(1000) < 3 {
            // Past `maxStringLength`, cut inside a surrogate pair or not.
            let cut = 9_999 + self.rng.below(2);
            text = "s".repeat(cut) + "😀" + &text;
        }
        text
    }

    fn key(&mut self) -> String {
        const KEYS: &[&str] = &[
            "",
            "id",
            "name",
            "_private",
            "camelCase",
            "x-ms-enum",
            "$ref",
            "__proto__",
            "0",
            "1",
            "7",
            "01",
            "4294967294",
            "4294967295",
            "a b",
            "it's",
            "say \"hi\"",
            "both '\"`",
            "中",
            "k\n",
            "a1",
            "1a",
        ];
        if self.rng.chance(60) {
            (*self.rng.pick(KEYS)).to_owned()
        } else {
            self.string()
        }
    }

    fn object(&mut self, depth_left: usize) -> Value {
        let width = match self.rng.below(10) {
            0 => 0,
            1..=6 => self.rng.below(5),
            _ => self.rng.below(30),
        };
        let members: Map<String, Value> = (0..width)
            .map(|_| (self.key(), self.value(depth_left)))
            .collect();
        Value::Object(members)
    }

    fn array(&mut self, depth_left: usize) -> Value {
        let length = match self.rng.below(10) {
            0 => 0,
            1..=4 => self.rng.below(8),
            5..=7 => self.rng.below(30),
            _ => self.rng.below(131),
        };
        // Homogeneous arrays exercise column grouping; mixed ones its refusals.
        let style = self.rng.below(5);
        let items = (0..length)
            .map(|_| match style {
                0 => {
                    let digits = 1 + self.rng.below(20);
                    Value::Number(Number::from(self.rng.below(1 << digits) as u64))
                }
                1 => self.number(),
                2 => Value::String(
                    (0..self.rng.below(9))
                        .map(|_| *self.rng.pick(&["a", "bc", "'", "é", "中"]))
                        .collect(),
                ),
                _ => self.value(depth_left),
            })
            .collect();
        Value::Array(items)
    }
}

fn random_cases(count: usize) -> Vec<Case> {
    let mut generator = ValueGen {
        rng: Rng::new(0x1A5E_C7ED),
        budget: 0,
    };
    (0..count)
        .map(|index| {
            let nesting = generator.rng.below(9);
            generator.budget = 400;
            let value = generator.value(nesting);
            let depth = *generator.rng.pick(&[0, 1, 2, 2, 3, 4, 10]);
            Case {
                label: format!("random value #{index}"),
                depth,
                input: Input::Tree(value),
            }
        })
        .collect()
}

/// Arrays of numbers whose shortest digits are hard to get right: doubles with a
/// fraction of an ulp of a quarter or so (exact ties between two shortest candidates),
/// 17-digit decimals, and integers around 2^53 and 2^64.
fn number_cases() -> Vec<Case> {
    let mut rng = Rng::new(0x0B5E_55ED);
    (0..20)
        .map(|index| {
            let numbers: Vec<Value> = (0..100)
                .map(|_| {
                    let text = match rng.below(4) {
                        0 => {
                            let whole = (1u64 << 49) + rng.next_u64() % (1u64 << 53);
                            let fraction = *rng.pick(&["25", "75", "5", "125", "375", "0625"]);
                            format!("{whole}.{fraction}")
                        }
                        1 => format!(
                            "0.{:017}e{}",
                            rng.next_u64() % 100_000_000_000_000_000,
                            rng.below(60) as i64 - 30
                        ),
                        2 => ((1u64 << 53) + rng.next_u64() % 4096).to_string(),
                        _ => (u64::MAX - rng.next_u64() % 4096).to_string(),
                    };
                    serde_json::from_str(&text).unwrap_or(Value::Null)
                })
                .collect();
            Case {
                label: format!("tie-prone numbers #{index}"),
                depth: 2,
                input: Input::Tree(Value::Array(numbers)),
            }
        })
        .collect()
}

/// Hand-built shared and circular structures, as a dereferenced spec has them.
fn graph_cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let mut add = |label: &str, graph: Graph, root: NodeId, depth: usize| {
        cases.push(Case {
            label: label.to_owned(),
            depth,
            input: Input::Graph(Rc::new(graph), root),
        });
    };

    // An object that contains itself.
    let mut graph = Graph::new();
    let root = graph.add(Node::Object(Vec::new()));
    let name = graph.insert_value(&json!("self"));
    graph.set(
        root,
        Node::Object(vec![("name".into(), name), ("me".into(), root)]),
    );
    add("self-referencing object", graph, root, 10);

    // A schema whose property refers back to it, plus a shared non-circular node.
    let mut graph = Graph::new();
    let shared = graph.insert_value(&json!({ "type": "string", "enum": ["A", "B"] }));
    let schema = graph.add(Node::Object(Vec::new()));
    let items = graph.add(Node::Array(vec![schema, shared]));
    let properties = graph.add(Node::Object(vec![
        ("children".into(), items),
        ("kind".into(), shared),
        ("parent".into(), schema),
    ]));
    let kind = graph.insert_value(&json!("object"));
    graph.set(
        schema,
        Node::Object(vec![
            ("type".into(), kind),
            ("properties".into(), properties),
        ]),
    );
    for depth in [1, 2, 10] {
        add("recursive schema", graph.clone(), schema, depth);
    }

    // Two separate cycles, numbered in order of discovery, and one inside an array.
    let mut graph = Graph::new();
    let first = graph.add(Node::Object(Vec::new()));
    let second = graph.add(Node::Array(Vec::new()));
    let third = graph.add(Node::Object(Vec::new()));
    graph.set(
        third,
        Node::Object(vec![("up".into(), second), ("loop".into(), third)]),
    );
    graph.set(second, Node::Array(vec![third, second, first]));
    let root = graph.add(Node::Object(vec![
        ("b".into(), second),
        ("a".into(), first),
        ("again".into(), second),
    ]));
    graph.set(
        first,
        Node::Object(vec![("back".into(), first), ("other".into(), second)]),
    );
    for depth in [0, 2, 10] {
        add("nested cycles", graph.clone(), root, depth);
    }

    // A node shared by many parents without any cycle prints in full each time.
    let mut graph = Graph::new();
    let leaf = graph.insert_value(&json!({ "description": "shared", "readOnly": true }));
    let list = graph.add(Node::Array(vec![leaf; 8]));
    let root = graph.add(Node::Object(vec![
        ("one".into(), leaf),
        ("many".into(), list),
    ]));
    add("shared leaf", graph, root, 10);
    cases
}

#[test]
fn inspect_matches_node_util_inspect() {
    let mut cases = spec_cases();
    cases.extend(dereferenced_cases());
    cases.extend(random_cases(3000));
    cases.extend(number_cases());
    cases.extend(graph_cases());

    let inputs: Vec<String> = cases.iter().map(Case::oracle_line).collect();
    let expected = run_oracle("inspect.js", &inputs);
    let total = cases.len();
    let mut identical = 0;
    let mut first_mismatch = None;
    for ((case, expected), input) in cases.iter().zip(&expected).zip(&inputs) {
        let actual = case.rust_output();
        if &actual == expected {
            identical += 1;
        } else if first_mismatch.is_none() {
            let input: String = input.chars().take(2000).collect();
            first_mismatch = Some(format!(
                "{}\ninput: {input}\n{}",
                case.label,
                first_difference(expected, &actual)
            ));
        }
    }
    println!("{identical} of {total} inspect cases identical");
    assert_corpus_covers_every_rule(&expected);
    if let Some(mismatch) = first_mismatch {
        panic!("{identical} of {total} inspect cases identical; first mismatch: {mismatch}");
    }
}

/// Fails when the corpus stops exercising a rule (say after a generator change), since
/// identical output on a corpus that never hits a rule proves nothing about it.
fn assert_corpus_covers_every_rule(outputs: &[String]) {
    const MARKERS: &[(&str, &str)] = &[
        ("depth limit, objects", "[Object]"),
        ("depth limit, arrays", "[Array]"),
        ("items beyond maxArrayLength", "more items"),
        ("strings beyond maxStringLength", "more characters"),
        ("lone surrogate escape", "\\ud83d"),
        ("string split after line breaks", "' +\n"),
        ("aligned columns", ",  "),
        ("double-quoted string", ": \""),
        ("backtick-quoted string", ": `"),
        ("escaped single quote", "\\'"),
        ("control character escape", "\\x1B"),
        ("quoted key", "'x-ms-enum': "),
        ("__proto__ key", "['__proto__']: "),
        ("exponent notation", "e+21"),
        ("negative zero", "-0"),
        ("circular target", "<ref *2>"),
        ("circular back edge", "[Circular *1]"),
    ];
    for (rule, marker) in MARKERS {
        let hits = outputs
            .iter()
            .filter(|output| output.contains(marker))
            .count();
        assert!(hits > 0, "no case exercises {rule} (`{marker}`)");
    }
}
