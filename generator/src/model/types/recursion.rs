//! Recursive types: a struct holding itself by value, directly or through other structs
//! or unions, would have no size, so the fields on such cycles are boxed.

use super::{Details, Type, TypeSpace};

/// Boxes every field on a cycle of structs holding each other by value, so that every type
/// has a finite size. A union holds its structs by value; every cycle through one passes
/// a struct's field too, which is boxed. Boxing all of a cycle's links rather than one keeps the choice
/// independent of definition order, at the price of a box more than strictly needed.
pub fn box_cycles(space: &mut TypeSpace) {
    let by_value: Vec<bool> = space
        .entries
        .iter()
        .map(|entry| matches!(entry.details, Details::Struct(_) | Details::Union(_)))
        .collect();
    let direct = |ty: &Type| match ty {
        Type::Named(target) if by_value[target.0] => Some(target.0),
        _ => None,
    };
    let edges: Vec<Vec<usize>> = space
        .entries
        .iter()
        .map(|entry| match &entry.details {
            Details::Struct(s) => s.fields.iter().filter_map(|f| direct(&f.ty)).collect(),
            Details::Union(u) => u.variants.iter().map(|(_, id)| id.0).collect(),
            _ => Vec::new(),
        })
        .collect();
    // A field's target reaches back to its owner exactly when both are in one strongly
    // connected component: one linear pass, where asking per field is quadratic.
    let component = components(&edges);
    for (owner, entry) in space.entries.iter_mut().enumerate() {
        if let Details::Struct(s) = &mut entry.details {
            for field in &mut s.fields {
                if direct(&field.ty).is_some_and(|target| component[target] == component[owner]) {
                    let ty = std::mem::replace(&mut field.ty, Type::Json);
                    field.ty = Type::Boxed(Box::new(ty));
                }
            }
        }
    }
}

/// The strongly connected component of each node (Kosaraju, without recursion so that a
/// chain of thousands of types cannot exhaust the stack).
fn components(edges: &[Vec<usize>]) -> Vec<usize> {
    let count = edges.len();
    // Nodes in order of finishing a depth-first search.
    let mut finished = Vec::with_capacity(count);
    let mut visited = vec![false; count];
    for start in 0..count {
        if visited[start] {
            continue;
        }
        visited[start] = true;
        let mut stack = vec![(start, 0)];
        while let Some((node, next)) = stack.pop() {
            match edges[node].get(next) {
                Some(&child) => {
                    stack.push((node, next + 1));
                    if !visited[child] {
                        visited[child] = true;
                        stack.push((child, 0));
                    }
                }
                None => finished.push(node),
            }
        }
    }
    let mut reversed = vec![Vec::new(); count];
    for (from, targets) in edges.iter().enumerate() {
        for &to in targets {
            reversed[to].push(from);
        }
    }
    let mut component = vec![usize::MAX; count];
    for (id, &root) in finished.iter().rev().enumerate() {
        if component[root] != usize::MAX {
            continue;
        }
        component[root] = id;
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            for &from in &reversed[node] {
                if component[from] == usize::MAX {
                    component[from] = id;
                    stack.push(from);
                }
            }
        }
    }
    component
}
