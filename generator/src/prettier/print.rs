//! AST -> document, building the same docs Prettier 2.5.1's estree printer builds for
//! these node types (`printCallExpression`/`printMemberChain`, `printCallArguments`,
//! `printObject`, `printArray`, `printAssignment`, `printArrowFunction`,
//! `printMemberExpression`), so the shared printing pass lays them out identically.

use super::ast::{Access, Arrow, CallStatement, Expr, Key, Member, Object, Params, Property};
use super::doc::{
    concat, conditional_group, fill, group, group_with, hardline, if_break, indent,
    indent_if_break, line, shared, softline, text, will_break, Doc, GroupId,
};
use super::literal::{js_number, print_number, print_string, print_string_key, string_width};

/// Prettier's `tabWidth`, which also decides what counts as a short object key.
const TAB_WIDTH: usize = 2;

/// Builds docs, handing out group ids.
#[derive(Default)]
pub struct DocBuilder {
    next_id: GroupId,
}

impl DocBuilder {
    fn new_id(&mut self) -> GroupId {
        self.next_id += 1;
        self.next_id
    }

    /// The whole program: the statement, `;` and the final newline.
    pub fn program(&mut self, statement: &CallStatement) -> Doc {
        concat(vec![self.call(statement), text(";"), hardline()])
    }

    /// A call on a dotted path. With at least one dot it is a member chain of two groups
    /// (`provider.Group` and `.makeType(...)`), which Prettier prints as one plain group.
    fn call(&mut self, call: &CallStatement) -> Doc {
        let callee = text(call.callee.join("."));
        let arguments = self.call_arguments(&call.argument);
        if call.callee.len() > 1 {
            group(concat(vec![callee, arguments]))
        } else {
            concat(vec![callee, arguments])
        }
    }

    /// A sole object argument is hugged when it has properties: `f({` ... `})`, falling back
    /// to breaking the parentheses when even `f({` does not fit.
    fn call_arguments(&mut self, argument: &Object) -> Doc {
        let printed = self.object(argument);
        if argument.properties.is_empty() {
            // `{}` cannot be hugged; it is a plain argument list (never broken in practice).
            return group(concat(vec![
                text("("),
                indent(concat(vec![softline(), printed])),
                softline(),
                text(")"),
            ]));
        }
        // The object stands in all three alternatives: shared, not copied three times.
        let printed = shared(printed);
        let all_broken_out = group_with(
            concat(vec![
                text("("),
                indent(concat(vec![line(), printed.clone()])),
                line(),
                text(")"),
            ]),
            true,
            None,
        );
        let hugged = concat(vec![text("("), printed.clone(), text(")")]);
        let hugged_broken = concat(vec![
            text("("),
            group_with(printed.clone(), true, None),
            text(")"),
        ]);
        let break_parent = if will_break(&printed) {
            Doc::BreakParent
        } else {
            text("")
        };
        concat(vec![
            break_parent,
            conditional_group(vec![hugged, hugged_broken, all_broken_out]),
        ])
    }

    fn expr(&mut self, expr: &Expr) -> Doc {
        match expr {
            Expr::String(s) => text(print_string(s)),
            Expr::Number(n) if *n < 0.0 => text(format!("-{}", print_number(&js_number(-n)))),
            Expr::Number(n) => text(print_number(&js_number(*n))),
            Expr::Boolean(b) => text(b.to_string()),
            Expr::Null => text("null"),
            Expr::Array(items) => self.array(items),
            Expr::Object(object) => self.object(object),
            Expr::Member(member) => member_expression(member),
            Expr::Arrow(arrow) => self.arrow(arrow),
        }
    }

    /// `{ a: 1 }`, broken one property per line when it does not fit or its source was
    /// written expanded; `es5` trailing comma when broken.
    fn object(&mut self, object: &Object) -> Doc {
        if object.properties.is_empty() {
            return text("{}");
        }
        let mut props = vec![line()];
        for (i, property) in object.properties.iter().enumerate() {
            if i > 0 {
                props.extend([text(","), line()]);
            }
            props.push(group(self.property(property)));
        }
        group_with(
            concat(vec![
                text("{"),
                indent(concat(props)),
                if_break(text(","), text(""), None),
                line(),
                text("}"),
            ]),
            object.expanded,
            None,
        )
    }

    /// `key: value` with the layout Prettier's `chooseLayout` picks for object properties.
    fn property(&mut self, property: &Property) -> Doc {
        let key = match &property.key {
            Key::Identifier(name) => name.clone(),
            Key::String(s) => print_string_key(s),
        };
        // Wrapping after very short keys gains little, so Prettier never does it.
        let has_short_key = string_width(&key) < TAB_WIDTH + 3;
        let value = self.expr(&property.value);
        let key = group(text(key));
        match layout(&property.value, has_short_key) {
            Layout::BreakAfterOperator => group(concat(vec![
                key,
                text(":"),
                group(indent(concat(vec![line(), value]))),
            ])),
            Layout::NeverBreakAfterOperator => {
                group(concat(vec![key, text(":"), text(" "), value]))
            }
            Layout::Fluid => {
                let id = self.new_id();
                group(concat(vec![
                    key,
                    text(":"),
                    group_with(indent(line()), false, Some(id)),
                    indent_if_break(value, id),
                ]))
            }
        }
    }

    /// `[a, b]`, one element per line when broken; numbers are filled instead. Arrays of
    /// several objects (or arrays) with more than one entry each always break.
    fn array(&mut self, items: &[Expr]) -> Doc {
        if items.is_empty() {
            return text("[]");
        }
        let id = self.new_id();
        let concise = items.len() > 1 && items.iter().all(|item| matches!(item, Expr::Number(_)));
        let body = if concise {
            let mut parts = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let last = i + 1 == items.len();
                let comma = if last {
                    if_break(text(","), text(""), Some(id))
                } else {
                    text(",")
                };
                parts.push(concat(vec![self.expr(item), comma]));
                if !last {
                    parts.push(line());
                }
            }
            fill(parts)
        } else {
            let mut parts = Vec::new();
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    parts.extend([text(","), line()]);
                }
                parts.push(group(self.expr(item)));
            }
            parts.push(if_break(text(","), text(""), None));
            concat(parts)
        };
        group_with(
            concat(vec![
                text("["),
                indent(concat(vec![softline(), body])),
                softline(),
                text("]"),
            ]),
            should_break_array(items),
            Some(id),
        )
    }

    /// `() => body` / `({ a }) => body`; object and array bodies stay on the arrow's line.
    fn arrow(&mut self, arrow: &Arrow) -> Doc {
        let signature = group(params(&arrow.params));
        match &arrow.body {
            Expr::Object(object) => {
                let body = concat(vec![text("("), self.object(object), text(")")]);
                group(concat(vec![signature, text(" =>"), text(" "), body]))
            }
            body @ (Expr::Array(_) | Expr::Arrow(_)) => {
                let body = self.expr(body);
                group(concat(vec![signature, text(" =>"), text(" "), body]))
            }
            body => {
                let body = self.expr(body);
                group(concat(vec![
                    signature,
                    text(" =>"),
                    group(indent(concat(vec![line(), body]))),
                ]))
            }
        }
    }
}

/// Prettier's assignment layouts that occur for object properties.
enum Layout {
    /// `key:` then the value indented on the next line when it does not fit.
    BreakAfterOperator,
    /// The value always starts on the key's line.
    NeverBreakAfterOperator,
    /// Break after `:` only when the value's first line cannot fit there.
    Fluid,
}

/// `chooseLayout` for a property value: strings and poorly breakable member chains break
/// after the colon (unless the key is short); plain numbers and booleans never do; the
/// rest (objects, arrays, arrows, `null`, negative numbers) is fluid.
fn layout(value: &Expr, has_short_key: bool) -> Layout {
    match value {
        Expr::String(_) | Expr::Member(_) if !has_short_key => Layout::BreakAfterOperator,
        _ if has_short_key => Layout::NeverBreakAfterOperator,
        Expr::Boolean(_) => Layout::NeverBreakAfterOperator,
        // A negative number is a unary expression, which Prettier does not exempt.
        Expr::Number(n) if *n >= 0.0 => Layout::NeverBreakAfterOperator,
        _ => Layout::Fluid,
    }
}

/// Every element an object (or every one an array) with more than one entry.
fn should_break_array(items: &[Expr]) -> bool {
    let entries = |item: &Expr| match item {
        Expr::Object(object) => Some((0, object.properties.len())),
        Expr::Array(items) => Some((1, items.len())),
        _ => None,
    };
    let Some((kind, _)) = items.first().and_then(entries) else {
        return false;
    };
    items.len() > 1
        && items
            .iter()
            .all(|item| matches!(entries(item), Some((k, n)) if k == kind && n > 1))
}

/// The parameter list; a destructured object is hugged by the parentheses.
fn params(params: &Params) -> Doc {
    match params {
        Params::None => text("()"),
        Params::Destructured(names) if names.is_empty() => text("({})"),
        Params::Destructured(names) => {
            let mut props = vec![line()];
            for (i, name) in names.iter().enumerate() {
                if i > 0 {
                    props.extend([text(","), line()]);
                }
                props.push(group(text(name.clone())));
            }
            concat(vec![
                text("({"),
                indent(concat(props)),
                if_break(text(","), text(""), None),
                line(),
                text("})"),
            ])
        }
    }
}

/// `a.b.c["d"]`: each dotted access may break before its dot (except in a lone `a.b`),
/// a string index breaks inside its brackets.
fn member_expression(member: &Member) -> Doc {
    let mut parts = vec![text(member.root.clone())];
    let lone = member.accesses.len() == 1;
    for access in &member.accesses {
        parts.push(match access {
            Access::Dot(name) if lone => text(format!(".{name}")),
            Access::Dot(name) => group(indent(concat(vec![softline(), text(format!(".{name}"))]))),
            Access::Index(value) => group(concat(vec![
                text("["),
                indent(concat(vec![softline(), text(print_string(value))])),
                softline(),
                text("]"),
            ])),
        });
    }
    concat(parts)
}
