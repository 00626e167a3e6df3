//! `x-ms-pageable`'s `operationName`: the operation whose request fetches a list's next
//! pages, and where its arguments come from.

use super::{Arg, ClientOperation};
use crate::error::Result;
use crate::model::types::Type;

/// How a list's next pages are requested through another operation (AutoRest's rule):
/// its arguments are the list's own of the same name, and the next link fills the one
/// the list does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NextOperation {
    /// Index into [`Client::operations`](super::Client::operations).
    pub operation: usize,
    /// For each of the next operation's `params`, in order.
    pub args: Vec<NextArg>,
    /// For each of the next operation's `options`: the list's option of that name.
    pub options: Vec<Option<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NextArg {
    /// The next link.
    Link,
    /// The list's own argument: an index into its `params`.
    Param(usize),
    /// A parameter the client holds.
    Client,
    /// A member of a parameter group, which the list passes on whole.
    Grouped,
}

/// The next operation of the list `operations[index]`, named `name`; `None` when that
/// is the list itself (its next pages are GETs of the link, as without the name).
pub(super) fn next_operation(
    operations: &[ClientOperation<'_>],
    index: usize,
    name: &str,
) -> Result<Option<NextOperation>> {
    let list = &operations[index];
    let at = list
        .operation
        .location
        .child("x-ms-pageable")
        .child("operationName");
    let Some(next_index) = operations.iter().position(|op| op.operation.id == name) else {
        return Err(at.error(format!("no operation has the operationId `{name}`")));
    };
    if next_index == index {
        return Ok(None);
    }
    let next = &operations[next_index];
    let same = |a: &Arg<'_>, b: &Arg<'_>| {
        a.param.param.name == b.param.param.name && a.param.place == b.param.place
    };
    let mut args = Vec::new();
    let mut link = false;
    for arg in &next.params {
        if arg.param.client {
            args.push(NextArg::Client);
            continue;
        }
        if let Some((group, _)) = &arg.group {
            if !list.groups.contains(group) {
                return Err(at.error(format!(
                    "`{name}` takes the parameter group of `{}`, which the list does not",
                    arg.param.param.name
                )));
            }
            args.push(NextArg::Grouped);
            continue;
        }
        match list.params.iter().position(|own| same(own, arg)) {
            Some(own) if list.params[own].ty == arg.ty => args.push(NextArg::Param(own)),
            Some(_) => {
                return Err(at.error(format!(
                    "`{}` is of another type in `{name}` than in the list",
                    arg.param.param.name
                )))
            }
            None if !link && matches!(arg.ty, Type::String(_)) => {
                link = true;
                args.push(NextArg::Link);
            }
            None => {
                return Err(at.error(format!(
                    "`{name}` takes `{}`, which the list has not (only one argument, the next link, may be its own)",
                    arg.param.param.name
                )))
            }
        }
    }
    for arg in next.options.iter().filter(|arg| arg.group.is_some()) {
        if !list
            .groups
            .contains(&arg.group.as_ref().expect("filtered").0)
        {
            return Err(at.error(format!(
                "`{name}` takes the parameter group of `{}`, which the list does not",
                arg.param.param.name
            )));
        }
    }
    let options = next
        .options
        .iter()
        .map(|arg| {
            list.options
                .iter()
                .position(|own| same(own, arg) && own.ty == arg.ty)
        })
        .collect();
    Ok(Some(NextOperation {
        operation: next_index,
        args,
        options,
    }))
}
