//! A port of Node 20's `util.inspect` for JSON values.
//!
//! The JavaScript docs emitter printed each resource's schema with
//! `util.inspect(schema, { depth: 10 })`; this reproduces that text byte for byte
//! without Node. Only what JSON can
//! hold is covered (plain objects, arrays, strings, numbers, booleans, `null`), plus the
//! sharing and cycles of a dereferenced spec through [`inspect_graph`]. Colours, getters,
//! sorting and `compact: true` are not supported. Node's output budget is, with its
//! size an option. Differential tests against Node live in `tests/inspect_oracle.rs`.
//!
//! The layout rules follow `lib/internal/util/inspect.js`: see [`layout`] for line
//! joining and array grouping, [`string`] for quoting, [`number`] for numbers.

mod format;
mod layout;
mod number;
mod string;
mod width;
mod width_table;

#[cfg(test)]
mod tests;

use serde_json::Value;

use crate::json_graph::{Graph, NodeId};

/// The `util.inspect` options that matter for JSON values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InspectOptions {
    /// Containers nested deeper than this print as `[Object]` / `[Array]`
    /// (`usize::MAX` for Node's `depth: Infinity`).
    pub depth: usize,
    /// Lines longer than this are broken (Node's `breakLength`).
    pub break_length: usize,
    /// How many innermost levels may be joined on one line (Node's numeric `compact`;
    /// 0 behaves like `compact: false`).
    pub compact: usize,
    /// Array items printed before `... N more items`.
    pub max_array_length: usize,
    /// String code units printed before `... N more characters`.
    pub max_string_length: usize,
    /// Once the containers printed at one indentation add up to more code units than
    /// this, every container still to come prints as `[Object]` / `[Array]` (Node's
    /// fixed 2^27).
    pub budget: usize,
}

impl Default for InspectOptions {
    /// Node's defaults: `{ depth: 2, breakLength: 80, compact: 3, maxArrayLength: 100,
    /// maxStringLength: 10000 }` and Node's output budget.
    fn default() -> Self {
        Self {
            depth: 2,
            break_length: 80,
            compact: 3,
            max_array_length: 100,
            max_string_length: 10_000,
            budget: 1 << 27,
        }
    }
}

/// `util.inspect(value, options)` for a value as `JSON.parse` would have built it.
pub fn inspect(value: &Value, options: &InspectOptions) -> String {
    let (graph, root) = Graph::from_value(value);
    inspect_graph(&graph, root, options)
}

/// `util.inspect` of the value rooted at `root`, where nodes shared by identity stand for
/// the same JavaScript object: a node reached again inside itself prints as
/// `[Circular *N]` and its first appearance gets a `<ref *N>` prefix.
pub fn inspect_graph(graph: &Graph, root: NodeId, options: &InspectOptions) -> String {
    format::Printer::new(graph, options).format_value(root, 0)
}
