//! From the emitters' tokens or syntax trees to formatted Rust: syn parses the tokens,
//! prettyplease prints.
//!
//! Doc comments skip that round trip. Spelled as string literals they would be escaped
//! by `quote`, unescaped by syn and printed back by prettyplease, a tenth of a run's
//! instructions for text that only passes through. [`doc_value`] keeps each line aside and
//! puts a short placeholder in the tokens; prettyplease prints it as `///` followed by the
//! placeholder, and [`file`] puts the line back. The layout is the same: prettyplease
//! prints any one-line doc that does not start with `/` as `///`, text and a hard break,
//! and the break before a doc comment is always in a consistent box that the hard break
//! has broken already, so the length of the text decides nothing. Where the placeholder
//! is not printed that way (inside a macro call, whose tokens prettyplease prints as
//! written), the real lines go back into the tokens and the file is formatted again.

use proc_macro2::{Group, Literal, TokenStream, TokenTree};
use quote::ToTokens;
use std::cell::RefCell;
use syn::parse::{ParseStream, Parser};

mod holes;

pub use holes::{Holed, Kind, Piece};

/// Starts a placeholder: a control character, which [`super::rustdoc::doc`] never lets
/// into a doc line.
const MARK: char = '\u{1}';

thread_local! {
    /// The doc lines of the tokens this thread is emitting, by placeholder number. The
    /// emitters build and format their items on one thread; [`file`] and [`items`] take
    /// them all.
    static LINES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };

    /// Items and impl members built as syntax trees, by placeholder number, until the
    /// tokens standing for them are parsed (see [`tree`] and [`member`]).
    static TREES: RefCell<Vec<Option<syn::Result<Parked>>>> = const { RefCell::new(Vec::new()) };
}

/// A syntax tree waiting for its placeholder to be parsed (boxed: the two differ in size).
enum Parked {
    Item(Box<syn::Item>),
    Member(Box<syn::ImplItem>),
}

/// Names the placeholder item of a [`tree`]; no generated item is named so.
const TREE: &str = "__armgen_tree_";

/// Tokens standing for `item`, a syntax tree, among the token pieces of a [`file`] (as a
/// member of a [`Holed`] item, say): a placeholder item that the tree replaces once the
/// tokens around it are parsed, so the tree itself never goes through tokens. An error
/// building it is the file's error.
pub fn tree(item: syn::Result<syn::Item>) -> TokenStream {
    park(item.map(|item| Parked::Item(Box::new(item))))
}

/// As [`tree`], for `member` of an impl block: the placeholder is an associated const.
pub fn member(member: syn::Result<syn::ImplItem>) -> TokenStream {
    park(member.map(|member| Parked::Member(Box::new(member))))
}

fn park(tree: syn::Result<Parked>) -> TokenStream {
    let index = TREES.with(|trees| {
        let mut trees = trees.borrow_mut();
        trees.push(Some(tree));
        trees.len() - 1
    });
    let name = proc_macro2::Ident::new(&format!("{TREE}{index}"), proc_macro2::Span::call_site());
    quote::quote!(const #name: () = ();)
}

/// The tree parked for the placeholder const named `name`, if it is one; an error if its
/// tree is gone (printed already, or its file formatted).
fn unpark(name: &proc_macro2::Ident) -> Option<syn::Result<Parked>> {
    let text = name.to_string();
    let index = text.strip_prefix(TREE)?;
    let tree = index
        .parse::<usize>()
        .ok()
        .and_then(|index| TREES.with(|trees| trees.borrow_mut().get_mut(index)?.take()));
    Some(tree.unwrap_or_else(|| Err(syn::Error::new(name.span(), format!("tree {text} is gone")))))
}

/// The tree parked for the placeholder const named `name`, taken out by `kind` (`None`
/// when the tree is of the other kind: an error, it is not where its kind goes).
fn unpark_as<T>(
    name: &proc_macro2::Ident,
    kind: impl FnOnce(Parked) -> Option<T>,
) -> syn::Result<Option<T>> {
    match unpark(name).transpose()? {
        None => Ok(None),
        Some(tree) => kind(tree).map(Some).ok_or_else(|| {
            syn::Error::new(
                name.span(),
                format!("tree {name} is not where its kind goes"),
            )
        }),
    }
}

/// `items` (and the items of their modules and the members of their impl blocks) with
/// each [`tree`] and [`member`] placeholder replaced by its tree.
fn splice(items: &mut [syn::Item]) -> syn::Result<()> {
    for item in items {
        match item {
            syn::Item::Const(constant) => {
                let tree = unpark_as(&constant.ident, |tree| match tree {
                    Parked::Item(tree) => Some(*tree),
                    Parked::Member(_) => None,
                })?;
                if let Some(tree) = tree {
                    *item = tree;
                }
            }
            syn::Item::Impl(block) => {
                for member in &mut block.items {
                    let syn::ImplItem::Const(constant) = member else {
                        continue;
                    };
                    let tree = unpark_as(&constant.ident, |tree| match tree {
                        Parked::Member(tree) => Some(*tree),
                        Parked::Item(_) => None,
                    })?;
                    if let Some(tree) = tree {
                        *member = tree;
                    }
                }
            }
            syn::Item::Mod(syn::ItemMod {
                content: Some((_, inner)),
                ..
            }) => splice(inner)?,
            _ => {}
        }
    }
    Ok(())
}

/// The value of a `#[doc = ...]` attribute holding `line`: a placeholder, or `line`
/// itself where prettyplease would not print it as it is after `///` (a line break, a
/// leading `/`, trailing spaces) or it holds a [`MARK`].
pub fn doc_value(line: String) -> String {
    if line.contains(['\n', MARK]) || line.starts_with('/') || line.ends_with(' ') {
        return line;
    }
    let index = LINES.with(|lines| {
        let mut lines = lines.borrow_mut();
        lines.push(line);
        lines.len() - 1
    });
    format!("{MARK}{index}")
}

/// How many items are parsed and printed at a time; a few dozen make the cost of a new
/// printer per batch disappear.
const BATCH: usize = 64;

/// The formatted source of a file made of `pieces`, each a run of items or one item whose
/// long member lists come a batch at a time ([`Holed`]), taken one at a time.
///
/// The emitters hand over a file in pieces (a module, the client's methods) built as they
/// are asked for, so that the tokens of the whole file are never held at once, and each
/// piece is parsed and printed a batch of items at a time, so that only one batch's
/// syntax trees are: at 5,000 operations, every copy of the whole file as tokens or as a
/// tree took a hundred megabytes or more. prettyplease prints a file's items one after the
/// other at the margin, each ending in a hard break, so the file is the concatenation of
/// its items printed apart.
pub fn file<'a, P: Into<Piece<'a>>>(pieces: impl IntoIterator<Item = P>) -> syn::Result<String> {
    let text = print_pieces(pieces.into_iter().map(Into::into));
    // The placeholders of this file are all printed: their lines and trees are no longer
    // needed.
    LINES.with(|lines| std::mem::take(&mut *lines.borrow_mut()));
    TREES.with(|trees| std::mem::take(&mut *trees.borrow_mut()));
    text
}

/// The formatted source of a file of `items` built as syntax trees (see
/// [`super::syntax`]): as [`file`], without the parse.
pub fn items(items: impl IntoIterator<Item = syn::Result<syn::Item>>) -> syn::Result<String> {
    let mut text = String::new();
    let mut items = items.into_iter().peekable();
    let mut printed = Ok(());
    while items.peek().is_some() && printed.is_ok() {
        printed = items
            .by_ref()
            .take(BATCH)
            .collect::<syn::Result<_>>()
            .and_then(|items| {
                print_file(syn::File {
                    shebang: None,
                    frontmatter: None,
                    attrs: Vec::new(),
                    items,
                })
            })
            .map(|batch| text.push_str(&batch));
    }
    // As in `file`: the placeholders of this file are all printed.
    LINES.with(|lines| std::mem::take(&mut *lines.borrow_mut()));
    printed.map(|()| text)
}

fn print_pieces<'a>(pieces: impl Iterator<Item = Piece<'a>>) -> syn::Result<String> {
    let mut text = String::new();
    // A piece is often one item: pieces too are taken a batch at a time.
    holes::batched(pieces, |run| match run {
        Ok(batch) => {
            text.push_str(&print_batches.parse2(batch)?);
            Ok(())
        }
        Err(big) => big.print(&|tokens| tokens, None, 0, &mut text),
    })?;
    Ok(text)
}

/// The formatted source of a run of items, [`BATCH`] at a time.
fn print_batches(input: ParseStream<'_>) -> syn::Result<String> {
    let mut text = String::new();
    let mut attrs = input.call(syn::Attribute::parse_inner)?;
    loop {
        let mut items = Vec::new();
        while items.len() < BATCH && !input.is_empty() {
            items.push(input.parse()?);
        }
        if items.is_empty() && attrs.is_empty() {
            return Ok(text);
        }
        splice(&mut items)?;
        text.push_str(&print_file(syn::File {
            shebang: None,
            frontmatter: None,
            attrs: std::mem::take(&mut attrs),
            items,
        })?);
    }
}

/// The formatted source of the items `tokens`.
fn print(tokens: TokenStream) -> syn::Result<String> {
    let mut file: syn::File = syn::parse2(tokens)?;
    splice(&mut file.items)?;
    print_file(file)
}

/// `file` printed, with its doc lines put in.
fn print_file(file: syn::File) -> syn::Result<String> {
    let printed = prettyplease::unparse(&file);
    match LINES.with(|lines| fill_in(&printed, &lines.borrow())) {
        Some(filled) => Ok(filled),
        None => {
            let restored = LINES.with(|lines| restore(file.into_token_stream(), &lines.borrow()));
            Ok(prettyplease::unparse(&syn::parse2(restored?)?))
        }
    }
}

/// `text` with each `///` placeholder line replaced by its doc line, or `None` if a
/// placeholder is anywhere else (or unknown).
fn fill_in(text: &str, lines: &[String]) -> Option<String> {
    if text.contains("\\u{1}") {
        // Escaped as a literal: printed inside tokens that prettyplease does not parse.
        return None;
    }
    let mut out = String::with_capacity(text.len() + lines.iter().map(String::len).sum::<usize>());
    let mut rest = text;
    while let Some(at) = rest.find(MARK) {
        let (before, after) = rest.split_at(at);
        if !before.ends_with("///") {
            return None;
        }
        let after = &after[MARK.len_utf8()..];
        let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if !after[digits..].starts_with('\n') {
            return None;
        }
        out.push_str(before);
        out.push_str(lines.get(after[..digits].parse::<usize>().ok()?)?);
        rest = &after[digits..];
    }
    out.push_str(rest);
    Some(out)
}

/// `tokens` with every placeholder literal replaced by the literal of its doc line; an
/// error if a placeholder's line is gone (tokens kept past the formatting of their file).
fn restore(tokens: TokenStream, lines: &[String]) -> syn::Result<TokenStream> {
    tokens
        .into_iter()
        .map(|token| match token {
            TokenTree::Group(group) => {
                let mut restored = Group::new(group.delimiter(), restore(group.stream(), lines)?);
                restored.set_span(group.span());
                Ok(TokenTree::Group(restored))
            }
            TokenTree::Literal(literal) => {
                let repr = literal.to_string();
                let Some(placeholder) = repr.strip_prefix("\"\\u{1}") else {
                    return Ok(TokenTree::Literal(literal));
                };
                let line = placeholder
                    .strip_suffix('"')
                    .and_then(|index| lines.get(index.parse::<usize>().ok()?))
                    .ok_or_else(|| {
                        syn::Error::new(literal.span(), format!("doc line {repr} is gone"))
                    })?;
                Ok(TokenTree::Literal(Literal::string(line)))
            }
            other => Ok(other),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use quote::quote;

    /// The formatting of the same tokens with the doc lines as literals, as syn and
    /// prettyplease alone print them.
    fn reference(tokens: TokenStream) -> String {
        let lines = LINES.with(|lines| lines.borrow().clone());
        prettyplease::unparse(&syn::parse2(restore(tokens, &lines).unwrap()).unwrap())
    }

    fn items() -> TokenStream {
        let docs = super::super::rustdoc::doc("A long first line of prose that goes on and on past the margin of one hundred columns.\n\nSecond `line`, with \"quotes\", \\ and ünïcödé.");
        let short = super::super::rustdoc::doc("Short.");
        quote! {
            #docs
            #[derive(Debug)]
            pub struct A {
                #short
                #[serde(rename = "a")]
                pub a: Option<String>,
                #[serde(rename = "b")]
                #docs
                pub b: i32,
            }
            #short
            pub enum E { #docs V, #short W(String) }
            #docs
            pub mod m {
                #short
                pub fn f(x: i32) -> i32 { #short let y = x; match y { #short 1 => 2, _ => 3 } }
            }
        }
    }

    #[test]
    fn docs_print_as_prettyplease_prints_them() {
        // More items than a batch, in pieces of four items: the batches printed apart are
        // the file printed whole.
        let pieces: Vec<TokenStream> = (0..BATCH / 2).map(|_| items()).collect();
        let tokens: TokenStream = pieces.iter().cloned().collect();
        let expected = reference(tokens.clone());
        assert!(expected.contains("/// Second `line`, with \"quotes\", \\ and ünïcödé."));
        let lines = LINES.with(|lines| lines.borrow().clone());
        let printed = prettyplease::unparse(&syn::parse2(tokens).unwrap());
        assert_eq!(
            fill_in(&printed, &lines).as_ref(),
            Some(&expected),
            "filled in"
        );
        assert_eq!(file(pieces).unwrap(), expected);
    }

    #[test]
    fn docs_in_macro_calls_go_back_into_the_tokens() {
        let items = items();
        let docs = super::super::rustdoc::doc("In a macro.");
        let tokens = quote! {
            #items
            macro_rules! m { () => { #docs struct B; } }
            wire!(#docs X);
        };
        let expected = reference(tokens.clone());
        assert!(expected.contains("#[doc = \" In a macro.\"]"), "{expected}");
        assert_eq!(file([tokens]).unwrap(), expected);
    }

    #[test]
    fn placeholders_print_in_place_outside_macros() {
        let docs = super::super::rustdoc::doc("Text.");
        let text = prettyplease::unparse(&syn::parse2(quote!(#docs struct A;)).unwrap());
        let lines = LINES.with(|lines| std::mem::take(&mut *lines.borrow_mut()));
        assert_eq!(fill_in(&text, &lines).unwrap(), "/// Text.\nstruct A;\n");
        assert_eq!(
            fill_in("/// \u{1}9\n", &lines),
            None,
            "an unknown placeholder"
        );
        assert_eq!(
            fill_in("#[doc = \"\\u{1}0\"]\n", &lines),
            None,
            "an escaped one"
        );
    }

    #[test]
    fn trees_print_in_place_of_their_placeholders() {
        let item = |i: usize| {
            let (name, docs) = (
                quote::format_ident!("f_{i}"),
                super::super::rustdoc::doc("F."),
            );
            quote!(#docs pub fn #name(x: &str) -> i32 { match x { "a" => 1, _ => 2 } })
        };
        // A module of more members than a batch, a tree for every other one, between
        // items of which one is a tree.
        let members = (0..BATCH + 5).map(|i| match i % 2 {
            0 => tree(syn::parse2(item(i))),
            _ => item(i),
        });
        let module = Holed::new(|fills| {
            let items = &fills[0];
            quote!(pub mod m { #items })
        })
        .hole(Kind::Items, members);
        let pieces = [
            tree(syn::parse2(item(0))).into(),
            module.into(),
            item(1).into(),
        ];
        let members: TokenStream = (0..BATCH + 5).map(item).collect();
        let (first, last) = (item(0), item(1));
        let expected = reference(quote!(#first pub mod m { #members } #last));
        assert_eq!(file::<Piece<'_>>(pieces).unwrap(), expected);
        let method = quote!(
            #[doc = "M."]
            pub fn m(&self) -> i32 {
                1
            }
        );
        let impl_block = Holed::new(|fills| {
            let members = &fills[0];
            quote!(impl A { #members })
        })
        .hole(
            Kind::Items,
            (0..BATCH + 3).map(|i| match i % 2 {
                0 => member(syn::parse2(method.clone())),
                _ => method.clone(),
            }),
        );
        let methods: TokenStream = (0..BATCH + 3).map(|_| method.clone()).collect();
        let expected = reference(quote!(impl A { #methods }));
        assert_eq!(file([impl_block]).unwrap(), expected, "impl members");
        let misplaced = member(syn::parse2(method.clone()));
        assert!(file([misplaced]).is_err(), "a member is not an item");
        let broken = tree(syn::parse2(quote!(fn)));
        assert!(file([broken]).is_err(), "a tree's error is the file's");
    }

    #[test]
    fn syntax_trees_print_as_their_tokens() {
        let docs = super::super::rustdoc::doc("In a macro.");
        let pieces = (0..BATCH / 2).map(|_| items());
        let tokens: TokenStream = pieces.chain([quote!(wire!(#docs X);)]).collect();
        let expected = reference(tokens.clone());
        let trees = syn::parse2::<syn::File>(tokens).unwrap().items;
        assert_eq!(super::items(trees.into_iter().map(Ok)).unwrap(), expected);
    }
}
