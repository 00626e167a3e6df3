//! Syntax trees of free functions and the statements and expressions in their bodies.

use super::{path, path_expr, Ident};
use proc_macro2::Span;
use syn::{
    Arm, Attribute, Block, Expr, ExprAwait, ExprField, ExprIf, ExprLet, ExprLit, ExprMethodCall,
    ExprReference, ExprTuple, FnArg, FnModifiers, ItemFn, Lit, LitBool, LitInt, LitStr, Local,
    LocalInit, LocalModifiers, Member, Pat, PatGuard, PatIdent, PatTupleStruct, PatType, PatWild,
    Receiver, ReceiverKind, Stmt, Type, TypeReference, TypeSlice, TypeTuple, Visibility,
};

/// `pub fn name(inputs) -> output { stmts }`.
pub fn function(
    attrs: Vec<Attribute>,
    name: Ident,
    inputs: impl IntoIterator<Item = FnArg>,
    output: Type,
    stmts: Vec<Stmt>,
) -> syn::Item {
    syn::Item::Fn(ItemFn {
        attrs,
        vis: Visibility::Public(Default::default()),
        modifiers: FnModifiers::default(),
        sig: super::signature(name, inputs, output),
        block: Box::new(block(stmts)),
    })
}

/// `pub fn name(&self, inputs) -> output { body }` in an impl, `async` when `asyncness`.
pub fn self_method(
    attrs: Vec<Attribute>,
    asyncness: bool,
    name: Ident,
    inputs: impl IntoIterator<Item = FnArg>,
    output: Type,
    body: Expr,
) -> syn::ImplItem {
    let mut sig = super::signature(name, std::iter::once(by_ref_self()).chain(inputs), output);
    sig.asyncness = asyncness.then(Default::default);
    syn::ImplItem::Fn(syn::ImplItemFn {
        attrs,
        vis: Visibility::Public(Default::default()),
        modifiers: FnModifiers::default(),
        sig,
        block: block(vec![Stmt::Expr(body, None)]),
    })
}

/// `&self`.
fn by_ref_self() -> FnArg {
    FnArg::Receiver(Receiver {
        attrs: Vec::new(),
        mutability: None,
        self_token: Default::default(),
        kind: ReceiverKind::Reference(Default::default(), None, None),
    })
}

/// `base.await`.
pub fn await_expr(base: Expr) -> Expr {
    Expr::Await(ExprAwait {
        attrs: Vec::new(),
        base: Box::new(base),
        dot_token: Default::default(),
        await_token: Default::default(),
    })
}

fn block(stmts: Vec<Stmt>) -> Block {
    Block {
        brace_token: Default::default(),
        stmts,
    }
}

fn binding(name: Ident, mutable: bool) -> Pat {
    Pat::Ident(PatIdent {
        attrs: Vec::new(),
        by_ref: None,
        mutability: mutable.then(Default::default),
        ident: name,
        subpat: None,
    })
}

/// `name: ty`, an argument of a function.
pub fn arg(name: Ident, ty: Type) -> FnArg {
    FnArg::Typed(PatType {
        attrs: Vec::new(),
        pat: Box::new(binding(name, false)),
        colon_token: Default::default(),
        ty: Box::new(ty),
    })
}

/// `&ty`.
pub fn ref_type(ty: Type) -> Type {
    Type::Reference(TypeReference {
        attrs: Vec::new(),
        and_token: Default::default(),
        lifetime: None,
        mutability: None,
        elem: Box::new(ty),
    })
}

/// `[elem]`.
pub fn slice_type(elem: Type) -> Type {
    Type::Slice(TypeSlice {
        attrs: Vec::new(),
        bracket_token: Default::default(),
        elem: Box::new(elem),
    })
}

/// `()`.
pub fn unit_type() -> Type {
    Type::Tuple(TypeTuple {
        attrs: Vec::new(),
        paren_token: Default::default(),
        elems: Default::default(),
    })
}

/// `let mut name = value;`.
pub fn let_mut(name: Ident, value: Expr) -> Stmt {
    Stmt::Local(Local {
        attrs: Vec::new(),
        let_token: Default::default(),
        modifiers: LocalModifiers::default(),
        pat: binding(name, true),
        init: Some(LocalInit {
            eq_token: Default::default(),
            expr: Box::new(value),
            diverge: None,
        }),
        semi_token: Default::default(),
    })
}

/// `expr;`.
pub fn semi(expr: Expr) -> Stmt {
    Stmt::Expr(expr, Some(Default::default()))
}

/// The expression naming a local or an item, `name`.
pub fn name(name: &str) -> Expr {
    path_expr(path(name, Vec::new()))
}

/// `"text"`.
pub fn str_lit(text: &str) -> Expr {
    lit(Lit::Str(LitStr::new(text, Span::call_site())))
}

/// `true` or `false`.
pub fn bool_lit(value: bool) -> Expr {
    lit(Lit::Bool(LitBool::new(value, Span::call_site())))
}

fn lit(lit: Lit) -> Expr {
    Expr::Lit(ExprLit {
        attrs: Vec::new(),
        lit,
    })
}

/// `()`.
pub fn unit() -> Expr {
    Expr::Tuple(ExprTuple {
        attrs: Vec::new(),
        paren_token: Default::default(),
        elems: Default::default(),
    })
}

/// `&expr`.
pub fn reference(expr: Expr) -> Expr {
    Expr::Reference(ExprReference {
        attrs: Vec::new(),
        and_token: Default::default(),
        mutability: None,
        expr: Box::new(expr),
    })
}

/// `base.field`.
pub fn field_access(base: Expr, field: Ident) -> Expr {
    Expr::Field(ExprField {
        attrs: Vec::new(),
        base: Box::new(base),
        dot_token: Default::default(),
        member: Member::Named(field),
    })
}

/// `receiver.method(args)`.
pub fn method_call_with(
    receiver: Expr,
    method: Ident,
    args: impl IntoIterator<Item = Expr>,
) -> Expr {
    Expr::MethodCall(ExprMethodCall {
        attrs: Vec::new(),
        receiver: Box::new(receiver),
        dot_token: Default::default(),
        method,
        turbofish: None,
        paren_token: Default::default(),
        args: args.into_iter().collect(),
    })
}

/// `if let Some(name) = value { stmts }`.
pub fn if_some(name: Ident, value: Expr, stmts: Vec<Stmt>) -> Stmt {
    let pat = Pat::TupleStruct(PatTupleStruct {
        attrs: Vec::new(),
        qself: None,
        path: path("Some", Vec::new()),
        paren_token: Default::default(),
        elems: [binding(name, false)].into_iter().collect(),
    });
    let cond = Expr::Let(ExprLet {
        attrs: Vec::new(),
        let_token: Default::default(),
        pat: Box::new(pat),
        eq_token: Default::default(),
        expr: Box::new(value),
    });
    let expr = Expr::If(ExprIf {
        attrs: Vec::new(),
        if_token: Default::default(),
        cond: Box::new(cond),
        then_branch: block(stmts),
        else_branch: None,
    });
    Stmt::Expr(expr, None)
}

/// `code => body,`.
pub fn int_arm(code: u16, body: Expr) -> Arm {
    let pat = Pat::Lit(ExprLit {
        attrs: Vec::new(),
        lit: Lit::Int(LitInt::new(&code.to_string(), Span::call_site())),
    });
    arm(pat, None, body)
}

/// `_ => body,` or, with a guard, `_ if guard => body,`.
pub fn wild_arm(guard: Option<Expr>, body: Expr) -> Arm {
    let pat = Pat::Wild(PatWild {
        attrs: Vec::new(),
        underscore_token: Default::default(),
    });
    arm(pat, guard, body)
}

fn arm(pat: Pat, guard: Option<Expr>, body: Expr) -> Arm {
    let pat = match guard {
        Some(guard) => Pat::Guard(PatGuard {
            attrs: Vec::new(),
            pat: Box::new(pat),
            if_token: Default::default(),
            guard: Box::new(guard),
        }),
        None => pat,
    };
    Arm {
        attrs: Vec::new(),
        pat,
        fat_arrow_token: Default::default(),
        body: Box::new(body),
        comma: Some(Default::default()),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{call, match_expr, method_call, path_type};
    use super::*;
    use crate::emit::tokens::ident;
    use quote::quote;

    #[test]
    fn functions_are_the_trees_syn_parses() {
        let ty = |spelled: &str| path_type(path(spelled, Vec::new()));
        let r = || name("r");
        let builder = call(name("rt::RequestBuilder::new"), [name("http::Method::GET")]);
        let to_string = method_call(name("id"), "to_string");
        let option = field_access(name("options"), ident("r#type"));
        let stmts = vec![
            let_mut(ident("r"), builder),
            semi(method_call_with(r(), ident("path"), [str_lit("/a\"b")])),
            semi(method_call_with(
                r(),
                ident("segment"),
                [reference(to_string)],
            )),
            if_some(
                ident("value"),
                reference(option),
                vec![semi(method_call_with(
                    r(),
                    ident("query"),
                    [str_lit("type"), name("value")],
                ))],
            ),
            Stmt::Expr(method_call(r(), "build"), None),
        ];
        let inputs = [arg(ident("id"), ty("i32")), arg(ident("options"), ty("O"))];
        let built = function(Vec::new(), ident("f"), inputs, ty("R"), stmts);
        let expected: syn::Item = syn::parse2(quote! {
            pub fn f(id: i32, options: O) -> R {
                let mut r = rt::RequestBuilder::new(http::Method::GET);
                r.path("/a\"b");
                r.segment(&id.to_string());
                if let Some(value) = &options.r#type { r.query("type", value); }
                r.build()
            }
        })
        .unwrap();
        assert_eq!(built, expected);
    }

    #[test]
    fn methods_are_the_trees_syn_parses() {
        let ty = |spelled: &str| path_type(path(spelled, Vec::new()));
        let client = field_access(name("self"), ident("client"));
        let pipeline = field_access(client.clone(), ident("pipeline"));
        let request = call(
            name("g::req"),
            [reference(field_access(client, ident("a"))), name("b")],
        );
        let execute = method_call_with(pipeline, ident("execute"), [request, name("g::parse")]);
        let inputs = [arg(ident("b"), ty("i32"))];
        let docs = vec![super::super::doc("Doc.")];
        let built = self_method(docs, true, ident("m"), inputs, ty("R"), await_expr(execute));
        let expected: syn::ImplItem = syn::parse2(quote! {
            #[doc = "Doc."]
            pub async fn m(&self, b: i32) -> R {
                self.client.pipeline.execute(g::req(&self.client.a, b), g::parse).await
            }
        })
        .unwrap();
        assert_eq!(built, expected);
        let poll = call(name("rt::Poller::new"), [method_call(name("x"), "clone")]);
        let built = self_method(Vec::new(), false, ident("p"), [], ty("P"), poll);
        let expected: syn::ImplItem = syn::parse2(quote!(
            pub fn p(&self) -> P {
                rt::Poller::new(x.clone())
            }
        ))
        .unwrap();
        assert_eq!(built, expected);
    }

    #[test]
    fn matches_are_the_trees_syn_parses() {
        let status = method_call(method_call(name("response"), "status"), "as_u16");
        let arms = [
            int_arm(200, call(name("Ok"), [unit()])),
            int_arm(404, call(name("Ok"), [bool_lit(false)])),
            wild_arm(
                Some(method_call(
                    method_call(name("response"), "status"),
                    "is_success",
                )),
                call(name("Ok"), [bool_lit(true)]),
            ),
            wild_arm(None, call(name("Err"), [name("response")])),
        ];
        let built = match_expr(status, arms);
        let expected: Expr = syn::parse2(quote! {
            match response.status().as_u16() {
                200 => Ok(()),
                404 => Ok(false),
                _ if response.status().is_success() => Ok(true),
                _ => Err(response),
            }
        })
        .unwrap();
        assert_eq!(built, expected);
    }
}
