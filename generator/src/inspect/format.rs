//! Walking a JSON graph the way Node's `formatValue` / `formatRaw` / `formatProperty` do.

use std::collections::HashMap;

use indexmap::IndexMap;
use serde_json::Value;

use super::layout::{reduce_to_single_string, utf16_len, Frame};
use super::number::format_number;
use super::string::{format_key, format_string};
use super::InspectOptions;
use crate::json_graph::{Graph, Node, NodeId};

/// The state Node keeps in its `ctx` while printing one value.
pub(super) struct Printer<'a> {
    graph: &'a Graph,
    options: &'a InspectOptions,
    /// Column of the value being printed (`ctx.indentationLvl`).
    indentation: usize,
    /// Nesting of the container entered last (`ctx.currentDepth`); deliberately never
    /// reset on the way back up, because Node's compact rule depends on exactly that.
    current_depth: usize,
    /// Containers on the path from the root, to spot circular references (`ctx.seen`).
    seen: Vec<NodeId>,
    /// Targets of circular references with their numbers, in order of discovery.
    circular: HashMap<NodeId, usize>,
    /// Characters printed so far per indentation (`ctx.budget`), indexed by indentation.
    budget: Vec<usize>,
    /// Set once a budget runs out (Node's `ctx.depth = -1`): every container still to
    /// come prints as `[Object]` / `[Array]`, which bounds the output of a value whose
    /// shared parts would otherwise expand exponentially.
    exhausted: bool,
}

impl<'a> Printer<'a> {
    pub(super) fn new(graph: &'a Graph, options: &'a InspectOptions) -> Self {
        Self {
            graph,
            options,
            indentation: 0,
            current_depth: 0,
            seen: Vec::new(),
            circular: HashMap::new(),
            budget: Vec::new(),
            exhausted: false,
        }
    }

    /// `recurse_times` is how many containers enclose `id`.
    pub(super) fn format_value(&mut self, id: NodeId, recurse_times: usize) -> String {
        let graph = self.graph;
        let entries = match graph.node(id) {
            Node::Scalar(value) => return self.format_scalar(value, recurse_times),
            Node::Array(items) if items.is_empty() => return "[]".to_owned(),
            Node::Object(members) if members.is_empty() => return "{}".to_owned(),
            Node::Array(items) => Entries::Array(items),
            Node::Object(members) => Entries::Object(members),
        };
        let is_array = matches!(entries, Entries::Array(_));
        if self.seen.contains(&id) {
            let next = self.circular.len() + 1;
            let index = *self.circular.entry(id).or_insert(next);
            return format!("[Circular *{index}]");
        }
        if self.exhausted || recurse_times > self.options.depth {
            return if is_array { "[Array]" } else { "[Object]" }.to_owned();
        }
        let depth = recurse_times + 1;
        self.seen.push(id);
        self.current_depth = depth;
        let (output, array_of_numbers, has_more_items) = match entries {
            Entries::Array(items) => self.format_array(items, depth),
            Entries::Object(members) => (self.format_object(members, depth), None, false),
        };
        let base = self
            .circular
            .get(&id)
            .map(|index| format!("<ref *{index}>"))
            .unwrap_or_default();
        self.seen.pop();
        let (open, close) = if is_array { ("[", "]") } else { ("{", "}") };
        let frame = Frame {
            indentation: self.indentation,
            depth,
            innermost_depth: self.current_depth,
            base: &base,
            open,
            close,
            array_of_numbers,
            has_more_items,
        };
        let text = reduce_to_single_string(self.options, &frame, output);
        // Node counts UTF-16 code units.
        if self.budget.len() <= self.indentation {
            self.budget.resize(self.indentation + 1, 0);
        }
        let spent = &mut self.budget[self.indentation];
        *spent += utf16_len(&text);
        if *spent > self.options.budget {
            self.exhausted = true;
        }
        text
    }

    fn format_scalar(&self, value: &Value, recurse_times: usize) -> String {
        match value {
            Value::Null => "null".to_owned(),
            Value::Bool(flag) => flag.to_string(),
            Value::Number(number) => format_number(number),
            Value::String(text) => format_string(text, self.options, self.indentation),
            // `Node::Scalar` never holds a container by contract; should one slip in,
            // print it as the tree it is, at the same place, rather than fail.
            Value::Array(_) | Value::Object(_) => {
                let (graph, root) = Graph::from_value(value);
                let mut printer = Printer::new(&graph, self.options);
                printer.indentation = self.indentation;
                printer.format_value(root, recurse_times)
            }
        }
    }

    /// The printed items (at most `max_array_length`, then `... N more items`), whether
    /// the printed part holds only numbers, and whether the marker was added.
    fn format_array(
        &mut self,
        items: &[NodeId],
        depth: usize,
    ) -> (Vec<String>, Option<bool>, bool) {
        let shown = items.len().min(self.options.max_array_length);
        let mut output: Vec<String> = items[..shown]
            .iter()
            .map(|&item| self.format_child(item, depth))
            .collect();
        let remaining = items.len() - shown;
        if remaining > 0 {
            let plural = if remaining > 1 { "s" } else { "" };
            output.push(format!("... {remaining} more item{plural}"));
        }
        // Node looks at as many items as there are output entries, marker included.
        let numbers = items
            .iter()
            .take(output.len())
            .all(|&item| matches!(self.graph.node(item), Node::Scalar(Value::Number(_))));
        (output, Some(numbers), remaining > 0)
    }

    fn format_object(&mut self, members: &[(String, NodeId)], depth: usize) -> Vec<String> {
        own_property_order(members)
            .into_iter()
            .map(|(key, value)| {
                let key = format_key(key);
                let value = self.format_child(value, depth);
                let mut entry = String::with_capacity(key.len() + 2 + value.len());
                entry.push_str(&key);
                entry.push_str(": ");
                entry.push_str(&value);
                entry
            })
            .collect()
    }

    /// An entry's value, printed two columns further in than its container.
    fn format_child(&mut self, id: NodeId, depth: usize) -> String {
        self.indentation += 2;
        let text = self.format_value(id, depth);
        self.indentation -= 2;
        text
    }
}

/// The children of a non-empty container.
enum Entries<'g> {
    Array(&'g [NodeId]),
    Object(&'g [(String, NodeId)]),
}

/// The members in JavaScript's own-property order: array-index keys (`"0"` to
/// `"4294967294"`, no leading zeros) ascending, then the other keys in insertion order.
/// A repeated key keeps its first position and its last value, as in `JSON.parse`.
fn own_property_order(members: &[(String, NodeId)]) -> Vec<(&str, NodeId)> {
    let in_order = members.iter().map(|(key, value)| (key.as_str(), *value));
    // Most objects have neither kind of key, and their order is the document's.
    if members.iter().all(|(key, _)| array_index(key).is_none()) && !has_duplicate_keys(members) {
        return in_order.collect();
    }
    let mut unique: IndexMap<&str, NodeId> = IndexMap::with_capacity(members.len());
    for (key, value) in in_order {
        unique.insert(key, value);
    }
    let mut ordered: Vec<(&str, NodeId)> = unique.into_iter().collect();
    // A stable sort keeps insertion order among the non-index keys.
    ordered.sort_by_key(|(key, _)| array_index(key).map_or((1, 0), |index| (0, index)));
    ordered
}

fn has_duplicate_keys(members: &[(String, NodeId)]) -> bool {
    let mut keys: Vec<&str> = members.iter().map(|(key, _)| key.as_str()).collect();
    keys.sort_unstable();
    keys.windows(2).any(|pair| pair[0] == pair[1])
}

/// The key as an array index, if JavaScript treats it as one.
fn array_index(key: &str) -> Option<u32> {
    let canonical =
        key == "0" || (!key.starts_with('0') && key.bytes().all(|b| b.is_ascii_digit()));
    if key.is_empty() || !canonical {
        return None;
    }
    key.parse::<u32>().ok().filter(|&index| index != u32::MAX)
}
