//! Formats example snippets exactly as Prettier 2.5.1 (`parser: "babel"`, default options)
//! does, without Node at run time.
//!
//! A resource page shows, per example, a call like
//! `provider.Group.makeType({ name, properties, dependencies })`. The docs emitter describes
//! it as a [`Snippet`]; [`Snippet::source`] is the unformatted JavaScript the original
//! toolchain fed to Prettier, and [`format_snippet`] is what Prettier printed for it. The
//! differential test `tests/prettier_oracle.rs` checks the two against real Prettier.
//!
//! Layers: [`ast`] (syntax tree and its source text), [`print`] (tree -> Prettier document),
//! [`doc`] (document IR and the width-80 printer), [`literal`] (strings, numbers, keys).

pub mod ast;
pub mod doc;
pub mod literal;
pub mod print;

use serde_json::Value;

use ast::{Access, Arrow, CallStatement, Expr, Key, Member, Object, Params, Property};
use literal::json_quote;

/// One example snippet of a resource page.
#[derive(Clone, Debug, PartialEq)]
pub struct Snippet {
    /// The provider group, e.g. `ContainerRegistry`.
    pub group: String,
    /// The resource type, e.g. `ConnectedRegistry`.
    pub type_name: String,
    /// The example's request body; `None` leaves out the `properties:` line.
    pub body: Option<Value>,
    /// Resources the example depends on; none leaves out the `dependencies:` line.
    pub dependencies: Vec<Dependency>,
}

/// Each dependency is written `<variable>: resources.<group>.<type_name>["my<type_name>"]`.
pub use crate::resources::Dependency;

fn member(dependency: &Dependency) -> Member {
    Member {
        root: "resources".to_string(),
        accesses: vec![
            Access::Dot(dependency.group.clone()),
            Access::Dot(dependency.type_name.clone()),
            Access::Index(format!("my{}", dependency.type_name)),
        ],
    }
}

impl Snippet {
    /// The unformatted source, byte for byte as the docs template writes it (its odd
    /// indentation included; only the line break after the outer `{` affects Prettier).
    pub fn source(&self) -> String {
        let mut lines = vec![
            format!("provider.{}.make{}({{", self.group, self.type_name),
            format!(
                "        name: {},",
                json_quote(&format!("my{}", self.type_name))
            ),
        ];
        if let Some(body) = &self.body {
            lines.push(format!(
                "        properties: () => ({}),",
                Expr::from_json(body).to_source()
            ));
        }
        if !self.dependencies.is_empty() {
            let deps: Vec<String> = self
                .dependencies
                .iter()
                .map(|dep| format!("{}: {}", dep.variable, member(dep).to_source()))
                .collect();
            lines.push(format!(
                "dependencies:({{resources}}) => ({{{}}})",
                deps.join(",")
            ));
        }
        lines.push("      })".to_string());
        lines.join("\n")
    }

    /// The syntax tree Babel parses from [`Snippet::source`].
    pub fn to_ast(&self) -> CallStatement {
        let mut properties = vec![Property {
            key: Key::Identifier("name".to_string()),
            value: Expr::String(format!("my{}", self.type_name)),
        }];
        if let Some(body) = &self.body {
            properties.push(Property {
                key: Key::Identifier("properties".to_string()),
                value: Expr::Arrow(Box::new(Arrow {
                    params: Params::None,
                    body: Expr::from_json(body),
                })),
            });
        }
        if !self.dependencies.is_empty() {
            let deps = self
                .dependencies
                .iter()
                .map(|dep| Property {
                    key: Key::Identifier(dep.variable.clone()),
                    value: Expr::Member(member(dep)),
                })
                .collect();
            properties.push(Property {
                key: Key::Identifier("dependencies".to_string()),
                value: Expr::Arrow(Box::new(Arrow {
                    params: Params::Destructured(vec!["resources".to_string()]),
                    body: Expr::Object(Object {
                        properties: deps,
                        expanded: false,
                    }),
                })),
            });
        }
        CallStatement {
            callee: vec![
                "provider".to_string(),
                self.group.clone(),
                format!("make{}", self.type_name),
            ],
            argument: Object {
                properties,
                expanded: true,
            },
        }
    }
}

/// The snippet as Prettier prints it; ends with `;\n`.
pub fn format_snippet(snippet: &Snippet) -> String {
    format(&snippet.to_ast())
}

/// Any call statement of the supported subset as Prettier prints it.
pub fn format(statement: &CallStatement) -> String {
    doc::print_doc(print::DocBuilder::default().program(statement))
}

#[cfg(test)]
mod tests;
