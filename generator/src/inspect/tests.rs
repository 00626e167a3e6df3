//! One test per `util.inspect` rule the port reproduces. Every expected text was printed
//! by Node 20.20.2: `node -p "util.inspect(JSON.parse(process.argv[1]), { depth })" '<json>'`
//! unless a comment shows another script.

use serde_json::{json, Value};

use super::{inspect, inspect_graph, InspectOptions};
use crate::json_graph::{Graph, Node};

fn at_depth(depth: usize) -> InspectOptions {
    InspectOptions {
        depth,
        ..InspectOptions::default()
    }
}

fn inspect_json(text: &str, depth: usize) -> String {
    let value: Value = serde_json::from_str(text).expect("test input is JSON");
    inspect(&value, &at_depth(depth))
}

#[test]
fn depth_limit_prints_object_placeholder() {
    assert_eq!(
        inspect_json(r#"{"a":{"b":{"c":{"d":1},"e":[1],"f":{},"g":[]}}}"#, 2),
        "{ a: { b: { c: [Object], e: [Array], f: {}, g: [] } } }"
    );
}

#[test]
fn compact_three_joins_short_innermost_objects() {
    assert_eq!(
        inspect_json(r#"{"a":{"b":{"c":1}},"d":[1,2]}"#, 2),
        "{ a: { b: { c: 1 } }, d: [ 1, 2 ] }"
    );
}

#[test]
fn compact_three_keeps_a_fourth_level_out_of_the_line() {
    assert_eq!(
        inspect_json(r#"{"a":{"b":{"c":{"d":1}}}}"#, 10),
        "{\n  a: { b: { c: { d: 1 } } }\n}"
    );
}

#[test]
fn compact_three_counts_from_the_container_entered_last() {
    // Node measures nesting from the last container it entered, not the deepest one.
    assert_eq!(
        inspect_json(r#"{"a":{"b":{"c":{"d":1}}},"e":{"f":1}}"#, 10),
        "{ a: { b: { c: { d: 1 } } }, e: { f: 1 } }"
    );
}

#[test]
fn break_length_eighty_puts_entries_on_their_own_lines() {
    assert_eq!(
        inspect_json(
            r#"{"description":"The properties of the connected registry parent.","type":"object"}"#,
            2
        ),
        "{\n  description: 'The properties of the connected registry parent.',\n  type: 'object'\n}"
    );
    assert_eq!(
        inspect_json(
            r#"{"enum":["User","Application","ManagedIdentity","Key"],
                "x-ms-enum":{"name":"createdByType","modelAsString":true}}"#,
            2
        ),
        "{\n  enum: [ 'User', 'Application', 'ManagedIdentity', 'Key' ],\n  \
         'x-ms-enum': { name: 'createdByType', modelAsString: true }\n}"
    );
}

#[test]
fn arrays_over_six_short_entries_are_grouped_in_columns() {
    // Numbers are padded on the left, everything else on the right.
    assert_eq!(
        inspect_json("[1,22,333,4444,5,66,777,8888,9,10]", 2),
        "[\n  1, 22, 333, 4444,\n  5, 66, 777, 8888,\n  9, 10\n]"
    );
    assert_eq!(
        inspect_json(
            r#"["a","bb","ccc","dddd","e","ff","ggg","hhhh","i","jj"]"#,
            2
        ),
        "[\n  'a',    'bb',   'ccc',\n  'dddd', 'e',    'ff',\n  'ggg',  'hhhh', 'i',\n  'jj'\n]"
    );
}

#[test]
fn arrays_of_six_entries_are_not_grouped() {
    assert_eq!(
        inspect_json(r#"["a","bb","ccc","dddd","e","ff"]"#, 2),
        "[ 'a', 'bb', 'ccc', 'dddd', 'e', 'ff' ]"
    );
}

#[test]
fn items_beyond_one_hundred_print_a_more_items_marker() {
    let digits: Vec<u32> = (0..103).map(|i| i % 10).collect();
    let row = |from: usize| -> String {
        let row: Vec<String> = (from..from + 12).map(|i| (i % 10).to_string()).collect();
        format!("  {},\n", row.join(", "))
    };
    let rows: String = (0..8).map(|r| row(r * 12)).collect();
    assert_eq!(
        inspect(&json!(digits), &at_depth(2)),
        format!("[\n{rows}  6, 7, 8, 9,\n  ... 3 more items\n]")
    );
}

#[test]
fn keys_are_unquoted_only_when_identifiers() {
    assert_eq!(
        inspect_json(
            r#"{"id":1,"_x9":2,"x-ms-enum":3,"$ref":4,"":5,"it's":6,"__proto__":7,"9a":8}"#,
            2
        ),
        "{\n  id: 1,\n  _x9: 2,\n  'x-ms-enum': 3,\n  '$ref': 4,\n  '': 5,\n  \"it's\": 6,\n  \
         ['__proto__']: 7,\n  '9a': 8\n}"
    );
}

#[test]
fn array_index_keys_come_first_in_ascending_order() {
    assert_eq!(
        inspect_json(r#"{"b":1,"10":2,"2":3,"01":4,"4294967295":5,"a":6}"#, 2),
        "{ '2': 3, '10': 2, b: 1, '01': 4, '4294967295': 5, a: 6 }"
    );
}

#[test]
fn strings_switch_quotes_when_they_hold_single_quotes() {
    assert_eq!(
        inspect_json(
            r#"["plain","it's","it's \"x\"","it's \"x\" `y`","${a} it's \"x\" `y`"]"#,
            2
        ),
        r#"[ 'plain', "it's", `it's "x"`, 'it\'s "x" `y`', '${a} it\'s "x" `y`' ]"#
    );
}

#[test]
fn control_characters_and_backslashes_are_escaped() {
    assert_eq!(
        inspect_json(
            r#""tab\t nl\n cr\r nul\u0000 esc\u001b del\u007f c1\u0085 bs\\ vt\u000b""#,
            2
        ),
        r"'tab\t nl\n cr\r nul\x00 esc\x1B del\x7F c1\x85 bs\\ vt\x0B'"
    );
}

#[test]
fn long_strings_split_only_after_line_breaks() {
    let text = "first line of a fairly long description\nsecond line of the same description\n";
    assert_eq!(
        inspect(&json!({ "text": text }), &at_depth(2)),
        "{\n  text: 'first line of a fairly long description\\n' +\n    \
         'second line of the same description\\n'\n}"
    );
    let long = "x".repeat(100);
    assert_eq!(
        inspect(&json!({ "text": long }), &at_depth(2)),
        format!("{{\n  text: '{long}'\n}}")
    );
}

#[test]
fn strings_beyond_ten_thousand_units_are_cut_even_inside_a_surrogate_pair() {
    // node -p "util.inspect('a'.repeat(9999) + '\u{1F600}').slice(-30)"
    let text = "a".repeat(9_999) + "😀";
    let printed = inspect(&json!(text), &at_depth(2));
    assert!(
        printed.ends_with("aaa\\ud83d'... 1 more character"),
        "{}",
        &printed[printed.len() - 30..]
    );
}

#[test]
fn numbers_print_as_javascript_prints_them() {
    assert_eq!(
        inspect_json(
            "[-0, 1e21, 1e-7, 0.1, 5e-324, 9007199254740993, 18446744073709551615, -1.5]",
            2
        ),
        "[\n  -0,\n  1e+21,\n  1e-7,\n  0.1,\n  5e-324,\n  9007199254740992,\n  \
         18446744073709552000,\n  -1.5\n]"
    );
}

#[test]
fn circular_references_are_marked_and_numbered_in_discovery_order() {
    // const self = { name: 'x' }; self.me = self; util.inspect(self)
    let mut graph = Graph::new();
    let root = graph.add(Node::Object(Vec::new()));
    let name = graph.insert_value(&json!("x"));
    graph.set(
        root,
        Node::Object(vec![("name".into(), name), ("me".into(), root)]),
    );
    assert_eq!(
        inspect_graph(&graph, root, &InspectOptions::default()),
        "<ref *1> { name: 'x', me: [Circular *1] }"
    );

    // const a = {}; const b = [a]; a.b = b; a.a = a; b.push(b); util.inspect({ root: a })
    let mut graph = Graph::new();
    let a = graph.add(Node::Object(Vec::new()));
    let b = graph.add(Node::Array(Vec::new()));
    graph.set(a, Node::Object(vec![("b".into(), b), ("a".into(), a)]));
    graph.set(b, Node::Array(vec![a, b]));
    let root = graph.add(Node::Object(vec![("root".into(), a)]));
    assert_eq!(
        inspect_graph(&graph, root, &InspectOptions::default()),
        "{\n  root: <ref *1> {\n    b: <ref *2> [ [Circular *1], [Circular *2] ],\n    \
         a: [Circular *1]\n  }\n}"
    );
}

#[test]
fn shared_nodes_without_cycles_print_in_full_each_time() {
    // const leaf = { x: 1 }; util.inspect({ p: leaf, q: [leaf, leaf] })
    let mut graph = Graph::new();
    let leaf = graph.insert_value(&json!({ "x": 1 }));
    let list = graph.add(Node::Array(vec![leaf, leaf]));
    let root = graph.add(Node::Object(vec![("p".into(), leaf), ("q".into(), list)]));
    assert_eq!(
        inspect_graph(&graph, root, &InspectOptions::default()),
        "{ p: { x: 1 }, q: [ { x: 1 }, { x: 1 } ] }"
    );
}

/// Ten levels of ten members sharing one node per level: 10^10 leaves unbounded. Once
/// one indentation has printed more than the budget, containers print as `[Object]`.
#[test]
fn the_budget_bounds_exponential_sharing() {
    let mut graph = Graph::new();
    let mut level = graph.add(Node::Scalar(Value::from(1)));
    for _ in 0..10 {
        let members = (0..10).map(|i| (format!("k{i}"), level)).collect();
        level = graph.add(Node::Object(members));
    }
    let options = InspectOptions {
        depth: usize::MAX,
        budget: 10_000,
        ..InspectOptions::default()
    };
    let text = inspect_graph(&graph, level, &options);
    assert!(text.len() < 200_000, "{}", text.len());
    assert!(text.contains("k9: [Object]"), "{text}");
}
