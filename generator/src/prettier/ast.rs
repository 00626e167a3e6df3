//! The tiny JavaScript syntax tree of example snippets, and its unformatted source text.

use serde_json::Value;

use super::literal::{js_number, json_quote};

/// An expression statement calling a dotted function path with one object literal:
/// `provider.Group.makeType({ ... });`.
#[derive(Clone, Debug, PartialEq)]
pub struct CallStatement {
    /// The callee's dotted path, e.g. `["provider", "ContainerRegistry", "makeRegistry"]`.
    pub callee: Vec<String>,
    pub argument: Object,
}

/// The expressions a snippet is made of.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    String(String),
    /// Printed as JavaScript prints numbers; a negative one is a unary minus in the source.
    Number(f64),
    Boolean(bool),
    Null,
    Array(Vec<Expr>),
    Object(Object),
    Member(Member),
    Arrow(Box<Arrow>),
}

/// An object literal.
#[derive(Clone, Debug, PartialEq)]
pub struct Object {
    pub properties: Vec<Property>,
    /// Whether the source has a line break after `{`, which makes Prettier keep it expanded.
    pub expanded: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Property {
    pub key: Key,
    pub value: Expr,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Key {
    /// Written bare in the source (must be a valid identifier name).
    Identifier(String),
    /// Written as a string literal in the source, as `JSON.stringify` writes keys.
    String(String),
}

/// A member chain from an identifier: `resources.ContainerRegistry.Registry["myRegistry"]`.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    pub root: String,
    pub accesses: Vec<Access>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Access {
    /// `.name`
    Dot(String),
    /// `["value"]`
    Index(String),
}

/// An arrow function with an expression body. A body that is itself an arrow (an arrow
/// chain, which Prettier lays out specially) is outside the supported subset.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    pub params: Params,
    pub body: Expr,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Params {
    /// `()`
    None,
    /// `({ a, b })`: one destructured object parameter.
    Destructured(Vec<String>),
}

impl Expr {
    /// The expression for a JSON value, keys as string literals, as `JSON.stringify` spells it.
    pub fn from_json(value: &Value) -> Expr {
        match value {
            Value::Null => Expr::Null,
            Value::Bool(b) => Expr::Boolean(*b),
            // JavaScript reads every JSON number as a double.
            Value::Number(n) => Expr::Number(n.as_f64().unwrap_or(0.0)),
            Value::String(s) => Expr::String(s.clone()),
            Value::Array(items) => Expr::Array(items.iter().map(Expr::from_json).collect()),
            Value::Object(map) => Expr::Object(Object {
                properties: map
                    .iter()
                    .map(|(k, v)| Property {
                        key: Key::String(k.clone()),
                        value: Expr::from_json(v),
                    })
                    .collect(),
                expanded: false,
            }),
        }
    }

    /// Compact source text; for JSON-made expressions exactly what `JSON.stringify` writes.
    pub fn to_source(&self) -> String {
        match self {
            Expr::String(s) => json_quote(s),
            Expr::Number(n) => js_number(*n),
            Expr::Boolean(b) => b.to_string(),
            Expr::Null => "null".to_string(),
            Expr::Array(items) => {
                let items: Vec<String> = items.iter().map(Expr::to_source).collect();
                format!("[{}]", items.join(","))
            }
            Expr::Object(object) => object.to_source(),
            Expr::Member(member) => member.to_source(),
            Expr::Arrow(arrow) => arrow.to_source(),
        }
    }
}

impl Object {
    pub fn to_source(&self) -> String {
        let properties: Vec<String> = self.properties.iter().map(Property::to_source).collect();
        if self.expanded {
            format!("{{\n{}\n}}", properties.join(",\n"))
        } else {
            format!("{{{}}}", properties.join(","))
        }
    }
}

impl Property {
    pub fn to_source(&self) -> String {
        let key = match &self.key {
            Key::Identifier(name) => name.clone(),
            Key::String(s) => json_quote(s),
        };
        format!("{key}:{}", self.value.to_source())
    }
}

impl Member {
    pub fn to_source(&self) -> String {
        let mut out = self.root.clone();
        for access in &self.accesses {
            match access {
                Access::Dot(name) => {
                    out.push('.');
                    out.push_str(name);
                }
                Access::Index(value) => {
                    out.push('[');
                    out.push_str(&json_quote(value));
                    out.push(']');
                }
            }
        }
        out
    }
}

impl Arrow {
    pub fn to_source(&self) -> String {
        let params = self.params.to_source();
        match &self.body {
            // Parenthesised, or the braces would open a block.
            Expr::Object(object) => format!("{params} => ({})", object.to_source()),
            body => format!("{params} => {}", body.to_source()),
        }
    }
}

impl Params {
    pub fn to_source(&self) -> String {
        match self {
            Params::None => "()".to_string(),
            Params::Destructured(names) => format!("({{{}}})", names.join(",")),
        }
    }
}

impl CallStatement {
    pub fn to_source(&self) -> String {
        format!(
            "{}({});\n",
            self.callee.join("."),
            self.argument.to_source()
        )
    }
}
