//! JSON with sharing and cycles: the shape a dereferenced spec has in JavaScript.
//!
//! `json-schema-ref-parser` replaces every `$ref` by the very object it points at, so one
//! schema can appear in many places and can contain itself. A `serde_json::Value` is a
//! tree and can express neither, so the resolver builds this arena instead: an object or
//! array is a node, and every place that refers to it holds its [`NodeId`]. Printers that
//! must mark circular references (the `util.inspect` port) detect them by identity.

use serde_json::Value;

/// Index of a node inside its [`Graph`]. Only a graph makes ids, so an id always names a
/// node of the graph that made it; handing it to another graph is a bug and may panic.
/// Input cannot cause that: the resolver keeps one graph per dereferencer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(u32);

/// One JSON value; containers hold their children by id.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    /// `null`, a boolean, a number or a string (never an array or object).
    Scalar(Value),
    Array(Vec<NodeId>),
    /// Entries in document order.
    Object(Vec<(String, NodeId)>),
}

#[derive(Debug, Clone, Default)]
pub struct Graph {
    nodes: Vec<Node>,
}

impl Graph {
    pub fn new() -> Self {
        Self::default()
    }

    /// Builds a graph holding a copy of `value` (a tree: no sharing, no cycles).
    pub fn from_value(value: &Value) -> (Self, NodeId) {
        let mut graph = Self::new();
        let root = graph.insert_value(value);
        (graph, root)
    }

    pub fn add(&mut self, node: Node) -> NodeId {
        // Unreachable in practice: the dereferencer makes a few nodes per JSON value of
        // the loaded files, and 2^32 of them would not fit in memory.
        let id = NodeId(u32::try_from(self.nodes.len()).expect("more than 2^32 JSON nodes"));
        self.nodes.push(node);
        id
    }

    /// Replaces a node; used to fill in a placeholder once its children exist, which is
    /// how a cycle gets closed.
    pub fn set(&mut self, id: NodeId, node: Node) {
        self.nodes[id.0 as usize] = node;
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.0 as usize]
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Copies a plain JSON value into the graph and returns its root.
    pub fn insert_value(&mut self, value: &Value) -> NodeId {
        match value {
            Value::Array(items) => {
                let children = items.iter().map(|item| self.insert_value(item)).collect();
                self.add(Node::Array(children))
            }
            Value::Object(entries) => {
                let children = entries
                    .iter()
                    .map(|(key, item)| (key.clone(), self.insert_value(item)))
                    .collect();
                self.add(Node::Object(children))
            }
            scalar => self.add(Node::Scalar(scalar.clone())),
        }
    }

    /// The tree below `id` as a plain JSON value, or `None` when it contains a cycle.
    /// Shared nodes are copied once per place they appear.
    pub fn to_value(&self, id: NodeId) -> Option<Value> {
        let mut path = Vec::new();
        self.to_value_inner(id, &mut path)
    }

    fn to_value_inner(&self, id: NodeId, path: &mut Vec<NodeId>) -> Option<Value> {
        if path.contains(&id) {
            return None;
        }
        path.push(id);
        let value = match self.node(id) {
            Node::Scalar(value) => Some(value.clone()),
            Node::Array(items) => items
                .iter()
                .map(|&item| self.to_value_inner(item, path))
                .collect::<Option<Vec<_>>>()
                .map(Value::Array),
            Node::Object(entries) => entries
                .iter()
                .map(|(key, item)| Some((key.clone(), self.to_value_inner(*item, path)?)))
                .collect::<Option<serde_json::Map<_, _>>>()
                .map(Value::Object),
        };
        path.pop();
        value
    }

    /// The member `key` of the object `id`, if `id` is an object that has it.
    pub fn get(&self, id: NodeId, key: &str) -> Option<NodeId> {
        match self.node(id) {
            Node::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| *v),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_tree_round_trips_through_the_graph() {
        let value = json!({"b": [1, {"c": null}], "a": "x"});
        let (graph, root) = Graph::from_value(&value);
        assert_eq!(graph.to_value(root), Some(value));
    }

    #[test]
    fn a_cycle_has_no_tree_form() {
        let mut graph = Graph::new();
        let root = graph.add(Node::Object(Vec::new()));
        graph.set(root, Node::Object(vec![("self".into(), root)]));
        assert_eq!(graph.to_value(root), None);
        assert_eq!(graph.get(root, "self"), Some(root));
    }
}
