//! Prettier's document IR and its line-fitting printer.
//!
//! This follows the algorithm of Prettier 2.5.1's `src/document/doc-printer.js`
//! (`printDocToString`, `fits`) and `doc-utils.js` (`propagateBreaks`, `willBreak`)
//! closely, because the exact output depends on its quirks: the "rest commands" that
//! `fits` keeps measuring in their own mode, and the group-mode table that `fits` itself
//! updates. Only the commands the snippet printer emits exist here (no `align`,
//! `line-suffix`, `trim`, `label` or cursors; labels carry no layout).

use std::borrow::Cow;
use std::collections::HashMap;
use std::rc::Rc;

use super::literal::string_width;

/// The line width Prettier fills by default.
pub const PRINT_WIDTH: usize = 80;
/// Spaces per indentation level (Prettier's default `tabWidth`).
const TAB_WIDTH: usize = 2;

/// Names a group so `if_break` / `indent_if_break` can follow its mode.
pub type GroupId = usize;

/// A document: text plus layout choices the printer resolves against the line width.
#[derive(Clone, Debug, PartialEq)]
pub enum Doc {
    /// Literal text; the fixed punctuation is borrowed, not allocated per use.
    Text(Cow<'static, str>),
    Concat(Vec<Doc>),
    Indent(Box<Doc>),
    Group(Group),
    /// Alternating content and separator docs, filled greedily line by line.
    Fill(Vec<Doc>),
    IfBreak {
        break_contents: Box<Doc>,
        flat_contents: Box<Doc>,
        group_id: Option<GroupId>,
    },
    IndentIfBreak {
        contents: Box<Doc>,
        group_id: GroupId,
    },
    Line(LineKind),
    /// Forces every enclosing group (up to a conditional group) to break.
    BreakParent,
    /// A doc that stands in several places, such as an argument in each alternative of a
    /// conditional group, held once (Prettier shares the very object too). Its breaks are
    /// propagated before it is shared; `breaks` is whether it breaks its enclosing group.
    Shared {
        doc: Rc<Doc>,
        breaks: bool,
    },
}

/// `line` prints a space when flat, `softline` nothing, `hardline` always breaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    Normal,
    Soft,
    Hard,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    pub contents: Box<Doc>,
    pub should_break: bool,
    pub id: Option<GroupId>,
    /// Non-empty for a conditional group: the alternatives, least expanded first.
    pub expanded_states: Vec<Doc>,
}

pub fn text(s: impl Into<Cow<'static, str>>) -> Doc {
    Doc::Text(s.into())
}

/// `doc` made cheap to use in several places: copies of the result share it.
pub fn shared(mut doc: Doc) -> Doc {
    let breaks = propagate_breaks(&mut doc);
    Doc::Shared {
        doc: Rc::new(doc),
        breaks,
    }
}

pub fn concat(parts: Vec<Doc>) -> Doc {
    Doc::Concat(parts)
}

pub fn indent(contents: Doc) -> Doc {
    Doc::Indent(Box::new(contents))
}

pub fn group(contents: Doc) -> Doc {
    group_with(contents, false, None)
}

pub fn group_with(contents: Doc, should_break: bool, id: Option<GroupId>) -> Doc {
    Doc::Group(Group {
        contents: Box::new(contents),
        should_break,
        id,
        expanded_states: Vec::new(),
    })
}

/// Tries each state in turn and takes the first that fits (Prettier's `conditionalGroup`).
pub fn conditional_group(states: Vec<Doc>) -> Doc {
    let first = states.first().cloned().unwrap_or_else(|| text(""));
    Doc::Group(Group {
        contents: Box::new(first),
        should_break: false,
        id: None,
        expanded_states: states,
    })
}

pub fn fill(parts: Vec<Doc>) -> Doc {
    Doc::Fill(parts)
}

pub fn if_break(break_contents: Doc, flat_contents: Doc, group_id: Option<GroupId>) -> Doc {
    Doc::IfBreak {
        break_contents: Box::new(break_contents),
        flat_contents: Box::new(flat_contents),
        group_id,
    }
}

pub fn indent_if_break(contents: Doc, group_id: GroupId) -> Doc {
    Doc::IndentIfBreak {
        contents: Box::new(contents),
        group_id,
    }
}

pub fn line() -> Doc {
    Doc::Line(LineKind::Normal)
}

pub fn softline() -> Doc {
    Doc::Line(LineKind::Soft)
}

pub fn hardline() -> Doc {
    concat(vec![Doc::Line(LineKind::Hard), Doc::BreakParent])
}

/// Whether the doc certainly breaks: a broken group, a hard line or a break-parent inside
/// (Prettier's `willBreak`, which looks at a conditional group's first state only).
pub fn will_break(doc: &Doc) -> bool {
    match doc {
        Doc::Text(_) | Doc::Line(LineKind::Normal | LineKind::Soft) => false,
        Doc::Line(LineKind::Hard) | Doc::BreakParent => true,
        Doc::Group(g) => g.should_break || will_break(&g.contents),
        Doc::Concat(parts) | Doc::Fill(parts) => parts.iter().any(will_break),
        Doc::Indent(contents) | Doc::IndentIfBreak { contents, .. } => will_break(contents),
        Doc::Shared { doc, .. } => will_break(doc),
        Doc::IfBreak {
            break_contents,
            flat_contents,
            ..
        } => will_break(break_contents) || will_break(flat_contents),
    }
}

/// Marks every group holding a break-parent or a broken group as broken, except that
/// conditional groups stop the propagation (Prettier's `propagateBreaks`). Returns whether
/// `doc` breaks its enclosing group.
pub fn propagate_breaks(doc: &mut Doc) -> bool {
    match doc {
        Doc::Text(_) | Doc::Line(_) => false,
        Doc::BreakParent => true,
        // Propagated when it was made shared.
        Doc::Shared { breaks, .. } => *breaks,
        Doc::Group(g) => {
            if g.expanded_states.is_empty() {
                if propagate_breaks(&mut g.contents) {
                    g.should_break = true;
                }
            } else {
                // Prettier shares the first state with `contents`; both copies get the
                // same treatment here, and none of them breaks the conditional group.
                propagate_breaks(&mut g.contents);
                for state in &mut g.expanded_states {
                    propagate_breaks(state);
                }
            }
            g.should_break
        }
        Doc::Concat(parts) | Doc::Fill(parts) => {
            // Every part must be visited (no short-circuit): each may hold groups to mark.
            let mut broken = false;
            for part in parts {
                broken |= propagate_breaks(part);
            }
            broken
        }
        Doc::Indent(contents) | Doc::IndentIfBreak { contents, .. } => propagate_breaks(contents),
        Doc::IfBreak {
            break_contents,
            flat_contents,
            ..
        } => {
            let broken = propagate_breaks(break_contents);
            propagate_breaks(flat_contents) || broken
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    Break,
    Flat,
}

/// What a command prints: a doc, or the not yet printed tail of a fill.
#[derive(Clone, Copy)]
enum Item<'a> {
    Doc(&'a Doc),
    FillRest(&'a [Doc]),
}

#[derive(Clone, Copy)]
struct Cmd<'a> {
    /// Indentation in levels.
    indent: usize,
    mode: Mode,
    item: Item<'a>,
}

impl<'a> Cmd<'a> {
    fn new(indent: usize, mode: Mode, doc: &'a Doc) -> Self {
        Self {
            indent,
            mode,
            item: Item::Doc(doc),
        }
    }
}

/// Prints `doc` at [`PRINT_WIDTH`], after propagating breaks.
pub fn print_doc(mut doc: Doc) -> String {
    propagate_breaks(&mut doc);
    Printer::default().print(&doc)
}

#[derive(Default)]
struct Printer {
    /// The mode each named group was printed in; `fits` writes to it as well.
    group_modes: HashMap<GroupId, Mode>,
}

impl Printer {
    fn print(&mut self, doc: &Doc) -> String {
        let mut out = String::new();
        let mut pos = 0usize;
        let mut should_remeasure = false;
        let mut cmds = vec![Cmd::new(0, Mode::Break, doc)];
        while let Some(cmd) = cmds.pop() {
            let doc = match cmd.item {
                Item::Doc(doc) => doc,
                Item::FillRest(parts) => {
                    self.print_fill(cmd, parts, pos, &mut cmds);
                    continue;
                }
            };
            match doc {
                Doc::Text(s) => {
                    out.push_str(s);
                    pos += string_width(s);
                }
                Doc::Concat(parts) => {
                    cmds.extend(
                        parts
                            .iter()
                            .rev()
                            .map(|p| Cmd::new(cmd.indent, cmd.mode, p)),
                    );
                }
                Doc::Indent(contents) => cmds.push(Cmd::new(cmd.indent + 1, cmd.mode, contents)),
                Doc::Shared { doc, .. } => cmds.push(Cmd::new(cmd.indent, cmd.mode, doc)),
                Doc::Group(g) => {
                    self.print_group(cmd, g, pos, should_remeasure, &mut cmds);
                    should_remeasure = false;
                }
                Doc::Fill(parts) => self.print_fill(cmd, parts, pos, &mut cmds),
                Doc::IfBreak { .. } | Doc::IndentIfBreak { .. } => {
                    if let Some(next) = self.resolve_if_break(cmd, doc) {
                        cmds.push(next);
                    }
                }
                Doc::Line(kind) => {
                    if cmd.mode == Mode::Flat {
                        match kind {
                            LineKind::Normal => {
                                out.push(' ');
                                pos += 1;
                                continue;
                            }
                            LineKind::Soft => continue,
                            // A hard line inside a flat group: the measurement that made the
                            // group flat was wrong, so the next group must measure again.
                            LineKind::Hard => should_remeasure = true,
                        }
                    }
                    let trimmed = out.trim_end_matches([' ', '\t']).len();
                    out.truncate(trimmed);
                    out.push('\n');
                    pos = cmd.indent * TAB_WIDTH;
                    out.push_str(&" ".repeat(pos));
                }
                Doc::BreakParent => {}
            }
        }
        out
    }

    fn print_group<'a>(
        &mut self,
        cmd: Cmd<'a>,
        g: &'a Group,
        pos: usize,
        should_remeasure: bool,
        cmds: &mut Vec<Cmd<'a>>,
    ) {
        let rem = PRINT_WIDTH as isize - pos as isize;
        if cmd.mode == Mode::Flat && !should_remeasure {
            let mode = if g.should_break {
                Mode::Break
            } else {
                Mode::Flat
            };
            cmds.push(Cmd::new(cmd.indent, mode, &g.contents));
        } else {
            let flat = Cmd::new(cmd.indent, Mode::Flat, &g.contents);
            if !g.should_break && self.fits(flat, cmds, rem, false) {
                cmds.push(flat);
            } else if let Some(most_expanded) = g.expanded_states.last() {
                let most_expanded = Cmd::new(cmd.indent, Mode::Break, most_expanded);
                let fitting = if g.should_break {
                    None
                } else {
                    g.expanded_states[1..]
                        .iter()
                        .map(|state| Cmd::new(cmd.indent, Mode::Flat, state))
                        .find(|&state| self.fits(state, cmds, rem, false))
                };
                cmds.push(fitting.unwrap_or(most_expanded));
            } else {
                cmds.push(Cmd::new(cmd.indent, Mode::Break, &g.contents));
            }
        }
        if let (Some(id), Some(last)) = (g.id, cmds.last()) {
            self.group_modes.insert(id, last.mode);
        }
    }

    /// Puts as much of a fill on each line as fits, pair by pair.
    fn print_fill<'a>(
        &mut self,
        cmd: Cmd<'a>,
        parts: &'a [Doc],
        pos: usize,
        cmds: &mut Vec<Cmd<'a>>,
    ) {
        let rem = PRINT_WIDTH as isize - pos as isize;
        let Some(content) = parts.first() else { return };
        let content_flat = Cmd::new(cmd.indent, Mode::Flat, content);
        let content_break = Cmd::new(cmd.indent, Mode::Break, content);
        let content_fits = self.fits(content_flat, &[], rem, true);
        let Some(whitespace) = parts.get(1) else {
            cmds.push(if content_fits {
                content_flat
            } else {
                content_break
            });
            return;
        };
        let whitespace_flat = Cmd::new(cmd.indent, Mode::Flat, whitespace);
        let whitespace_break = Cmd::new(cmd.indent, Mode::Break, whitespace);
        let Some(second) = parts.get(2) else {
            if content_fits {
                cmds.extend([whitespace_flat, content_flat]);
            } else {
                cmds.extend([whitespace_break, content_break]);
            }
            return;
        };
        let rest = Cmd {
            item: Item::FillRest(&parts[2..]),
            ..cmd
        };
        // Prettier measures `[content, whitespace, second]` flat: the three in a row.
        let pair = [
            Cmd::new(cmd.indent, Mode::Flat, second),
            whitespace_flat,
            content_flat,
        ];
        let pair_fits = self.fits_all(&pair, rem);
        if pair_fits {
            cmds.extend([rest, whitespace_flat, content_flat]);
        } else if content_fits {
            cmds.extend([rest, whitespace_break, content_flat]);
        } else {
            cmds.extend([rest, whitespace_break, content_break]);
        }
    }

    /// The command an `if_break` / `indent_if_break` stands for in the current mode, if any.
    fn resolve_if_break<'a>(&self, cmd: Cmd<'a>, doc: &'a Doc) -> Option<Cmd<'a>> {
        let mode_of = |id: &Option<GroupId>| match id {
            Some(id) => self.group_modes.get(id).copied(),
            None => Some(cmd.mode),
        };
        match doc {
            Doc::IfBreak {
                break_contents,
                flat_contents,
                group_id,
            } => match mode_of(group_id)? {
                Mode::Break => Some(Cmd::new(cmd.indent, cmd.mode, break_contents)),
                Mode::Flat => Some(Cmd::new(cmd.indent, cmd.mode, flat_contents)),
            },
            Doc::IndentIfBreak { contents, group_id } => match mode_of(&Some(*group_id))? {
                Mode::Break => Some(Cmd::new(cmd.indent + 1, cmd.mode, contents)),
                Mode::Flat => Some(Cmd::new(cmd.indent, cmd.mode, contents)),
            },
            _ => None,
        }
    }

    /// Whether `next` fits in `width` columns, then the rest commands up to their first
    /// possible line break (measured in their own modes).
    fn fits<'a>(
        &mut self,
        next: Cmd<'a>,
        rest: &[Cmd<'a>],
        width: isize,
        must_be_flat: bool,
    ) -> bool {
        self.measure(vec![next], rest, width, must_be_flat)
    }

    /// `fits` for several commands printed in a row (given in stack order), with no rest.
    fn fits_all<'a>(&mut self, stack: &[Cmd<'a>], width: isize) -> bool {
        self.measure(stack.to_vec(), &[], width, true)
    }

    fn measure<'a>(
        &mut self,
        mut cmds: Vec<Cmd<'a>>,
        rest: &[Cmd<'a>],
        mut width: isize,
        must_be_flat: bool,
    ) -> bool {
        let mut rest_idx = rest.len();
        while width >= 0 {
            let Some(cmd) = cmds.pop() else {
                if rest_idx == 0 {
                    return true;
                }
                rest_idx -= 1;
                cmds.push(rest[rest_idx]);
                continue;
            };
            let doc = match cmd.item {
                Item::Doc(doc) => doc,
                Item::FillRest(parts) => {
                    cmds.extend(
                        parts
                            .iter()
                            .rev()
                            .map(|p| Cmd::new(cmd.indent, cmd.mode, p)),
                    );
                    continue;
                }
            };
            match doc {
                Doc::Text(s) => width -= string_width(s) as isize,
                Doc::Concat(parts) | Doc::Fill(parts) => {
                    cmds.extend(
                        parts
                            .iter()
                            .rev()
                            .map(|p| Cmd::new(cmd.indent, cmd.mode, p)),
                    );
                }
                Doc::Indent(contents) => cmds.push(Cmd::new(cmd.indent + 1, cmd.mode, contents)),
                Doc::Shared { doc, .. } => cmds.push(Cmd::new(cmd.indent, cmd.mode, doc)),
                Doc::Group(g) => {
                    if must_be_flat && g.should_break {
                        return false;
                    }
                    let mode = if g.should_break {
                        Mode::Break
                    } else {
                        cmd.mode
                    };
                    // The most expanded state takes the least room on the current line.
                    let contents = match g.expanded_states.last() {
                        Some(last) if mode == Mode::Break => last,
                        _ => &g.contents,
                    };
                    cmds.push(Cmd::new(cmd.indent, mode, contents));
                    if let Some(id) = g.id {
                        self.group_modes.insert(id, mode);
                    }
                }
                Doc::IfBreak { .. } | Doc::IndentIfBreak { .. } => {
                    if let Some(next) = self.resolve_if_break(cmd, doc) {
                        cmds.push(next);
                    }
                }
                Doc::Line(kind) => match (cmd.mode, kind) {
                    (Mode::Flat, LineKind::Normal) => width -= 1,
                    (Mode::Flat, LineKind::Soft) => {}
                    _ => return true,
                },
                Doc::BreakParent => {}
            }
        }
        false
    }
}
