//! Syntax trees of generated items, built directly for prettyplease to print.
//!
//! Writing an item as tokens only for syn to parse them back into this tree was half of
//! a run's instructions (issue 19). Each builder makes the tree syn's parser makes of the
//! same source (the tests compare them), so the printed output does not change. Where
//! syn keeps tokens as they are (an attribute's arguments, a macro call's input) they
//! are still written with `quote!`: nothing parses them.

use proc_macro2::{Span, TokenStream};
use syn::punctuated::{Pair, Punctuated};
use syn::{
    AngleBracketedGenericArguments, Arm, AttrStyle, Attribute, Block, Expr, ExprCall, ExprLit,
    ExprMatch, ExprMethodCall, ExprPath, ExprStruct, Field, FieldModifiers, FieldValue, Fields,
    FieldsNamed, FieldsUnnamed, FnArg, FnModifiers, GenericArgument, Ident, ImplItem, ImplItemFn,
    ImplModifiers, Item, ItemEnum, ItemImpl, ItemMacro, ItemMod, ItemStruct, ItemType, Lit, LitStr,
    Macro, MacroDelimiter, Member, Meta, MetaList, MetaNameValue, Pat, PatIdent, PatType, Path,
    PathArguments, PathSegment, ReturnType, Safety, Signature, Stmt, TraitBound,
    TraitBoundModifiers, Type, TypeImplTrait, TypeModifiers, TypeParamBound, TypePath, Variant,
    Visibility, WhereClausePlacement,
};

mod body;

pub use body::*;

/// The path `spelled` (`::std::vec::Vec`, `rt::UnixTime`), with `args` as the generic
/// arguments of its last segment.
pub fn path(spelled: &str, args: Vec<Type>) -> Path {
    let (global, rest) = match spelled.strip_prefix("::") {
        Some(rest) => (true, rest),
        None => (false, spelled),
    };
    let names = rest.split("::").map(super::tokens::ident);
    path_of(global, names, args)
}

/// The path through `names`, from the crate root when `global`, with `args` as the
/// generic arguments of the last name.
pub fn path_of(global: bool, names: impl IntoIterator<Item = Ident>, args: Vec<Type>) -> Path {
    let mut segments: Punctuated<PathSegment, syn::Token![::]> =
        names.into_iter().map(PathSegment::from).collect();
    if !args.is_empty() {
        if let Some(last) = segments.last_mut() {
            last.arguments = PathArguments::AngleBracketed(AngleBracketedGenericArguments {
                colon2_token: None,
                lt_token: Default::default(),
                args: args.into_iter().map(GenericArgument::Type).collect(),
                gt_token: Default::default(),
            });
        }
    }
    Path {
        leading_colon: global.then(Default::default),
        segments,
    }
}

/// The type named by `path`.
pub fn path_type(path: Path) -> Type {
    Type::Path(TypePath {
        attrs: Vec::new(),
        qself: None,
        path,
    })
}

fn attribute(meta: Meta) -> Attribute {
    Attribute {
        pound_token: Default::default(),
        style: AttrStyle::Outer,
        bracket_token: Default::default(),
        meta,
    }
}

/// The path of one word, as attributes are named.
fn word(name: &str) -> Path {
    Path::from(Ident::new(name, Span::call_site()))
}

/// `#[name]`.
pub fn marker(name: &str) -> Attribute {
    attribute(Meta::Path(word(name)))
}

/// `#[name(arguments)]`: syn keeps the arguments as tokens.
pub fn list(name: &str, arguments: TokenStream) -> Attribute {
    attribute(Meta::List(MetaList {
        path: word(name),
        delimiter: MacroDelimiter::Paren(Default::default()),
        tokens: arguments,
    }))
}

/// `#[doc = value]` (see [`super::rustdoc::doc_attrs`]).
pub fn doc(value: &str) -> Attribute {
    attribute(Meta::NameValue(MetaNameValue {
        path: word("doc"),
        eq_token: Default::default(),
        value: Expr::Lit(ExprLit {
            attrs: Vec::new(),
            lit: Lit::Str(LitStr::new(value, Span::call_site())),
        }),
    }))
}

/// `#[doc = "line"]`: a line of the generator's own, written as it is (with the space
/// that starts a `///` line).
pub fn doc_text(line: &str) -> Attribute {
    doc(&super::format::doc_value(line.to_owned()))
}

/// `pub name: ty`.
pub fn field(attrs: Vec<Attribute>, name: Ident, ty: Type) -> Field {
    Field {
        attrs,
        vis: Visibility::Public(Default::default()),
        modifiers: FieldModifiers::default(),
        ident: Some(name),
        colon_token: Some(Default::default()),
        ty,
        default: None,
    }
}

/// `pub struct name { fields, }`.
pub fn structure(
    attrs: Vec<Attribute>,
    name: Ident,
    fields: impl IntoIterator<Item = Field>,
) -> Item {
    Item::Struct(ItemStruct {
        attrs,
        vis: Visibility::Public(Default::default()),
        struct_token: Default::default(),
        ident: name,
        generics: Default::default(),
        fields: Fields::Named(FieldsNamed {
            brace_token: Default::default(),
            named: terminated(fields),
        }),
        semi_token: None,
    })
}

/// `name` or, with a field, `name(ty)`: a variant of an enum.
pub fn variant(attrs: Vec<Attribute>, name: Ident, field: Option<Type>) -> Variant {
    let fields = match field {
        Some(ty) => Fields::Unnamed(FieldsUnnamed {
            paren_token: Default::default(),
            unnamed: Punctuated::from_iter([Field {
                attrs: Vec::new(),
                vis: Visibility::Inherited,
                modifiers: FieldModifiers::default(),
                ident: None,
                colon_token: None,
                ty,
                default: None,
            }]),
        }),
        None => Fields::Unit,
    };
    Variant {
        attrs,
        ident: name,
        fields,
        discriminant: None,
    }
}

/// `pub enum name { variants, }`.
pub fn enumeration(
    attrs: Vec<Attribute>,
    name: Ident,
    variants: impl IntoIterator<Item = Variant>,
) -> Item {
    Item::Enum(ItemEnum {
        attrs,
        vis: Visibility::Public(Default::default()),
        enum_token: Default::default(),
        ident: name,
        generics: Default::default(),
        brace_token: Default::default(),
        variants: terminated(variants),
    })
}

/// `pub type name = ty;`.
pub fn alias(attrs: Vec<Attribute>, name: Ident, ty: Type) -> Item {
    Item::Type(ItemType {
        attrs,
        vis: Visibility::Public(Default::default()),
        modifiers: TypeModifiers::default(),
        type_token: Default::default(),
        ident: name,
        generics: Default::default(),
        eq_token: Default::default(),
        ty: Box::new(ty),
        semi_token: Default::default(),
        where_clause_placement: WhereClausePlacement::Early,
    })
}

/// `pub mod name { items }`.
pub fn module(name: Ident, items: Vec<Item>) -> Item {
    Item::Mod(ItemMod {
        attrs: Vec::new(),
        vis: Visibility::Public(Default::default()),
        unsafety: None,
        mod_token: Default::default(),
        ident: name,
        content: Some((Default::default(), items)),
        semi: None,
    })
}

/// `path!(input);`: syn keeps the input as tokens.
pub fn macro_call(path: &str, input: TokenStream) -> Item {
    Item::Macro(ItemMacro {
        attrs: Vec::new(),
        ident: None,
        mac: Macro {
            path: self::path(path, Vec::new()),
            bang_token: Default::default(),
            delimiter: MacroDelimiter::Paren(Default::default()),
            tokens: input,
        },
        semi_token: Some(Default::default()),
    })
}

/// The expression naming `path`.
pub fn path_expr(path: Path) -> Expr {
    Expr::Path(ExprPath {
        attrs: Vec::new(),
        qself: None,
        path,
    })
}

/// `function(args)`.
pub fn call(function: Expr, args: impl IntoIterator<Item = Expr>) -> Expr {
    Expr::Call(ExprCall {
        attrs: Vec::new(),
        func: Box::new(function),
        paren_token: Default::default(),
        args: args.into_iter().collect(),
    })
}

/// `name::<ty>`, a function of one type argument.
pub fn turbofish(name: &str, ty: Type) -> Expr {
    let mut path = path_of(false, [super::tokens::ident(name)], vec![ty]);
    if let Some(PathArguments::AngleBracketed(args)) =
        path.segments.last_mut().map(|s| &mut s.arguments)
    {
        args.colon2_token = Some(Default::default());
    }
    path_expr(path)
}

/// `match scrutinee { arms }`.
pub fn match_expr(scrutinee: Expr, arms: impl IntoIterator<Item = Arm>) -> Expr {
    Expr::Match(ExprMatch {
        attrs: Vec::new(),
        match_token: Default::default(),
        expr: Box::new(scrutinee),
        brace_token: Default::default(),
        arms: arms.into_iter().collect(),
    })
}

/// `"text" => body,`.
pub fn str_arm(text: &str, body: Expr) -> Arm {
    Arm {
        attrs: Vec::new(),
        pat: Pat::Lit(ExprLit {
            attrs: Vec::new(),
            lit: Lit::Str(LitStr::new(text, Span::call_site())),
        }),
        fat_arrow_token: Default::default(),
        body: Box::new(body),
        comma: Some(Default::default()),
    }
}

/// `receiver.method()`.
pub fn method_call(receiver: Expr, method: &str) -> Expr {
    Expr::MethodCall(ExprMethodCall {
        attrs: Vec::new(),
        receiver: Box::new(receiver),
        dot_token: Default::default(),
        method: super::tokens::ident(method),
        turbofish: None,
        paren_token: Default::default(),
        args: Punctuated::new(),
    })
}

/// `path { name: value, }` for each field.
pub fn struct_expr(path: Path, fields: impl IntoIterator<Item = (Ident, Expr)>) -> Expr {
    let fields = fields.into_iter().map(|(name, expr)| FieldValue {
        attrs: Vec::new(),
        member: Member::Named(name),
        colon_token: Some(Default::default()),
        expr,
    });
    Expr::Struct(ExprStruct {
        attrs: Vec::new(),
        qself: None,
        path,
        brace_token: Default::default(),
        fields: terminated(fields),
        dot2_token: None,
        rest: None,
    })
}

/// `name: impl bound` (`bound` a trait's path), an argument of a function.
pub fn impl_arg(name: Ident, bound: Path) -> FnArg {
    let bound = TypeParamBound::Trait(TraitBound {
        paren_token: None,
        lifetimes: None,
        modifiers: TraitBoundModifiers::default(),
        maybe: None,
        path: bound,
    });
    FnArg::Typed(PatType {
        attrs: Vec::new(),
        pat: Box::new(Pat::Ident(PatIdent {
            attrs: Vec::new(),
            by_ref: None,
            mutability: None,
            ident: name,
            subpat: None,
        })),
        colon_token: Default::default(),
        ty: Box::new(Type::ImplTrait(TypeImplTrait {
            attrs: Vec::new(),
            impl_token: Default::default(),
            bounds: Punctuated::from_iter([bound]),
        })),
    })
}

/// `pub fn name(inputs) -> output { body }`, in an impl.
pub fn method(
    attrs: Vec<Attribute>,
    name: &str,
    inputs: impl IntoIterator<Item = FnArg>,
    output: Type,
    body: Expr,
) -> ImplItem {
    ImplItem::Fn(ImplItemFn {
        attrs,
        vis: Visibility::Public(Default::default()),
        modifiers: FnModifiers::default(),
        sig: signature(super::tokens::ident(name), inputs, output),
        block: Block {
            brace_token: Default::default(),
            stmts: vec![Stmt::Expr(body, None)],
        },
    })
}

/// `fn name(inputs) -> output`, as every generated function and method is signed.
pub fn signature(name: Ident, inputs: impl IntoIterator<Item = FnArg>, output: Type) -> Signature {
    Signature {
        constness: None,
        asyncness: None,
        safety: Safety::Default,
        abi: None,
        fn_token: Default::default(),
        ident: name,
        generics: Default::default(),
        paren_token: Default::default(),
        inputs: inputs.into_iter().collect(),
        variadic: None,
        output: ReturnType::Type(Default::default(), Box::new(output)),
    }
}

/// `impl self_ty { items }`.
pub fn inherent_impl(self_ty: Type, items: Vec<ImplItem>) -> Item {
    Item::Impl(ItemImpl {
        attrs: Vec::new(),
        modifiers: ImplModifiers::default(),
        unsafety: None,
        impl_token: Default::default(),
        generics: Default::default(),
        trait_: None,
        self_ty: Box::new(self_ty),
        brace_token: Default::default(),
        items,
    })
}

/// A list with a comma after every element, as the emitters write their fields and
/// variants.
fn terminated<T, P: Default>(elements: impl IntoIterator<Item = T>) -> Punctuated<T, P> {
    elements
        .into_iter()
        .map(|element| Pair::Punctuated(element, P::default()))
        .collect()
}

/// The items `tokens` spell. For function bodies: small next to the items around them,
/// they would take many more builders.
pub fn parse_items(tokens: TokenStream) -> syn::Result<Vec<Item>> {
    syn::parse2::<syn::File>(tokens).map(|file| file.items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::emit::tokens::ident;
    use quote::quote;

    fn parsed(tokens: TokenStream) -> Item {
        syn::parse2(tokens).unwrap()
    }

    fn ty(spelled: &str, args: Vec<Type>) -> Type {
        path_type(path(spelled, args))
    }

    #[test]
    fn structs_are_the_trees_syn_parses() {
        let string = || ty("::std::string::String", Vec::new());
        let map = ty(
            "::std::collections::BTreeMap",
            vec![string(), ty("::serde_json::Value", Vec::new())],
        );
        let relative = path_type(path_of(
            false,
            ["super", "super", "r#type", "Thing"].map(ident),
            Vec::new(),
        ));
        let fields = [
            field(vec![doc(" A name.")], ident("name"), string()),
            field(
                vec![
                    list("serde", quote!(rename = "type")),
                    list(
                        "serde",
                        quote!(
                            default,
                            skip_serializing_if = "::std::option::Option::is_none"
                        ),
                    ),
                ],
                ident("r#type"),
                ty("::std::option::Option", vec![relative]),
            ),
            field(vec![list("serde", quote!(flatten))], ident("other"), map),
        ];
        let attrs = vec![
            doc(" Two"),
            doc(""),
            list("derive", quote!(Debug, Clone, ::serde::Serialize)),
            marker("non_exhaustive"),
        ];
        let built = structure(attrs, ident("Named"), fields);
        let expected = parsed(quote! {
            #[doc = " Two"]
            #[doc = ""]
            #[derive(Debug, Clone, ::serde::Serialize)]
            #[non_exhaustive]
            pub struct Named {
                #[doc = " A name."]
                pub name: ::std::string::String,
                #[serde(rename = "type")]
                #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
                pub r#type: ::std::option::Option<super::super::r#type::Thing>,
                #[serde(flatten)]
                pub other: ::std::collections::BTreeMap<::std::string::String, ::serde_json::Value>,
            }
        });
        assert_eq!(built, expected);
        assert_eq!(
            structure(Vec::new(), ident("Empty"), []),
            parsed(quote!(
                pub struct Empty {}
            ))
        );
    }

    #[test]
    fn enums_and_other_items_are_the_trees_syn_parses() {
        let variants = [
            variant(vec![doc(" One."), marker("default")], ident("One"), None),
            variant(
                Vec::new(),
                ident("Other"),
                Some(ty("::std::string::String", Vec::new())),
            ),
            variant(Vec::new(), ident("Cat"), Some(ty("Cat", Vec::new()))),
        ];
        let built = enumeration(
            vec![list("allow", quote!(clippy::large_enum_variant))],
            ident("Kind"),
            variants,
        );
        let expected = parsed(quote! {
            #[allow(clippy::large_enum_variant)]
            pub enum Kind {
                #[doc = " One."]
                #[default]
                One,
                Other(::std::string::String),
                Cat(Cat),
            }
        });
        assert_eq!(built, expected);

        let alias = alias(
            vec![doc(" A list.")],
            ident("List"),
            ty("::std::vec::Vec", vec![ty("u8", Vec::new())]),
        );
        assert_eq!(
            alias,
            parsed(quote!(
                #[doc = " A list."]
                pub type List = ::std::vec::Vec<u8>;
            ))
        );

        let call = macro_call(
            "::armgen_runtime::wire_enum",
            quote!(Kind open Other { One = "one" }),
        );
        let expected =
            parsed(quote!(::armgen_runtime::wire_enum!(Kind open Other { One = "one" });));
        assert_eq!(call, expected);

        let module = module(ident("m"), vec![call]);
        let expected = parsed(quote!(
            pub mod m {
                ::armgen_runtime::wire_enum!(Kind open Other { One = "one" });
            }
        ));
        assert_eq!(module, expected);
    }

    #[test]
    fn expressions_are_the_trees_syn_parses() {
        let value = path_expr(path("value", Vec::new()));
        let arm = str_arm("a\"b", call(turbofish("via", ty("A", Vec::new())), [value]));
        let otherwise = syn::parse2(quote!(_ => return None,)).unwrap();
        let built = match_expr(path_expr(path("x", Vec::new())), [arm, otherwise]);
        let expected: Expr = syn::parse2(quote!(match x {
            "a\"b" => via::<A>(value),
            _ => return None,
        }))
        .unwrap();
        assert_eq!(built, expected);
    }

    #[test]
    fn impls_are_the_trees_syn_parses() {
        let string = || ty("::std::string::String", Vec::new());
        let into = path("::std::convert::Into", vec![string()]);
        let args = [
            impl_arg(ident("a"), into.clone()),
            impl_arg(ident("r#b"), into),
        ];
        let a = method_call(path_expr(path("a", Vec::new())), "into");
        let empty = call(
            path_expr(path("::std::default::Default::default", Vec::new())),
            [],
        );
        let body = struct_expr(
            path("Self", Vec::new()),
            [(ident("a"), a), (ident("c"), empty)],
        );
        let attrs = vec![
            doc(" New."),
            list("allow", quote!(clippy::too_many_arguments)),
        ];
        let new = method(attrs, "new", args, ty("Self", Vec::new()), body);
        let built = inherent_impl(ty("super::X", Vec::new()), vec![new]);
        let expected = parsed(quote! {
            impl super::X {
                #[doc = " New."]
                #[allow(clippy::too_many_arguments)]
                pub fn new(
                    a: impl ::std::convert::Into<::std::string::String>,
                    r#b: impl ::std::convert::Into<::std::string::String>
                ) -> Self {
                    Self { a: a.into(), c: ::std::default::Default::default(), }
                }
            }
        });
        assert_eq!(built, expected);
    }

    #[test]
    fn doc_placeholders_are_the_literals_syn_parses() {
        let line = crate::emit::format::doc_value(" Text.".to_owned());
        assert!(line.starts_with('\u{1}'), "a placeholder");
        let built = structure(vec![doc(&line)], ident("A"), []);
        assert_eq!(built, parsed(quote!(#[doc = #line] pub struct A {})));
        // Lines prettyplease prints otherwise stay as they are.
        for line in ["/ Slash.", "Two\nlines.", "Space. "] {
            let built = structure(vec![doc_text(line)], ident("A"), []);
            assert_eq!(built, parsed(quote!(#[doc = #line] pub struct A {})));
        }
    }
}
