//! `x-ms-parameter-grouping`: parameters that operations take together as one struct.

use super::{Arg, LOCALS};
use crate::model::names;
use crate::model::types::Type;

/// A struct of grouped parameters (`x-ms-parameter-grouping`).
#[derive(Debug)]
pub struct ParamGroup {
    pub type_name: String,
    /// The argument's name in the functions that take it.
    pub ident: String,
    /// Its fields: the spec's parameter name, the field's name, type and whether it is
    /// required (else an `Option`), and docs.
    pub fields: Vec<GroupField>,
}

#[derive(Debug)]
pub struct GroupField {
    pub name: String,
    pub ident: String,
    pub ty: Type,
    pub required: bool,
    pub description: Option<String>,
}

/// The group `arg` belongs to, made or found by its name (AutoRest's: the `name`, else
/// the operationId's words and the `postfix` or `Parameters`), and its field there.
pub(super) fn group_of_param(
    groups: &mut Vec<ParamGroup>,
    grouping: &crate::swagger::ParameterGrouping,
    operation_id: &str,
    arg: &Arg<'_>,
) -> (usize, String) {
    let name = match &grouping.name {
        Some(name) => names::camel(name, "Group"),
        None => format!(
            "{}{}",
            names::camel(operation_id, "Operation"),
            names::camel(
                grouping.postfix.as_deref().unwrap_or("Parameters"),
                "Parameters"
            )
        ),
    };
    let mut ident = names::snake_ident(&name);
    // The argument must not shadow a local of the generated functions.
    if LOCALS.contains(&names::unraw(&ident)) {
        ident = format!("{}_group", names::unraw(&ident));
    }
    let index = match groups.iter().position(|g| g.ident == ident) {
        Some(index) => index,
        None => {
            groups.push(ParamGroup {
                type_name: name.clone(),
                ident,
                fields: Vec::new(),
            });
            groups.len() - 1
        }
    };
    let group = &mut groups[index];
    let p = &arg.param.param;
    let field = match group.fields.iter().find(|f| f.name == p.name) {
        Some(field) => field.ident.clone(),
        None => {
            let mut ident = names::snake_ident(p.client_name.as_deref().unwrap_or(&p.name));
            // Two names alike in snake_case (`fooBar`, `foo_bar`) are two fields.
            while group.fields.iter().any(|field| field.ident == ident) {
                ident = format!("{}_", names::unraw(&ident));
            }
            group.fields.push(GroupField {
                name: p.name.clone(),
                ident: ident.clone(),
                ty: arg.ty.clone(),
                required: p.required,
                description: p.description.clone(),
            });
            ident
        }
    };
    (index, field)
}
