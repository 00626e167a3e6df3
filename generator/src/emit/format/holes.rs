//! Items too big to hold whole, printed a batch of members at a time.
//!
//! At 5,000 operations the client's `impl Client` and its examples' `match` hold thousands
//! of members: as one item, its tokens and syntax tree were each held whole (a hundred
//! megabytes). A [`Holed`] item is its tokens with holes where its long member lists go
//! (the members of a `mod` or an `impl`, the arms of a `match`); the members come one at
//! a time and may themselves be holed items.
//!
//! The text is the same as the item printed whole. prettyplease prints every member of
//! such a list after a hard break at the list's indentation and ends it with a hard break,
//! so a member's text depends on its own tokens and that indentation alone, and the boxes
//! around the list, which its hard breaks break, print alike whatever it holds as long as
//! it holds something. So the item is printed once with one marker member in each hole
//! (its skeleton), each batch of members is printed in the same item between two markers
//! and cut out between the marker lines, and the batches replace the markers' lines.

use super::{print, BATCH};
use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

/// A piece of a file for [`super::file`]: a run of items, or one holed item.
pub enum Piece<'a> {
    Items(TokenStream),
    Holed(Holed<'a>),
}

impl<'a> Piece<'a> {
    /// The piece's tokens, if it is small enough to print with its neighbours.
    fn small(self) -> Result<TokenStream, Holed<'a>> {
        match self {
            Piece::Items(tokens) => Ok(tokens),
            Piece::Holed(holed) => holed.small(),
        }
    }
}

/// Hands `pieces` to `print` in order: a batch of up to [`BATCH`] small ones at a time as
/// `Ok`, each big one alone as `Err`.
pub(super) fn batched<'a>(
    pieces: impl IntoIterator<Item = Piece<'a>>,
    mut print: impl FnMut(Result<TokenStream, Holed<'a>>) -> syn::Result<()>,
) -> syn::Result<()> {
    let mut batch = TokenStream::new();
    let mut count = 0;
    for piece in pieces {
        match piece.small() {
            Ok(tokens) => {
                batch.extend(tokens);
                count += 1;
                if count == BATCH {
                    print(Ok(std::mem::take(&mut batch)))?;
                    count = 0;
                }
            }
            Err(big) => {
                if count > 0 {
                    print(Ok(std::mem::take(&mut batch)))?;
                    count = 0;
                }
                print(Err(big))?;
            }
        }
    }
    if count > 0 {
        print(Ok(batch))?;
    }
    Ok(())
}

impl From<TokenStream> for Piece<'_> {
    fn from(tokens: TokenStream) -> Self {
        Piece::Items(tokens)
    }
}

impl<'a> From<Holed<'a>> for Piece<'a> {
    fn from(holed: Holed<'a>) -> Self {
        Piece::Holed(holed)
    }
}

/// What a hole holds, as a member prettyplease prints on a line of its own.
#[derive(Clone, Copy)]
pub enum Kind {
    /// Items of a `mod` or an `impl`.
    Items,
    /// Arms of a `match`.
    Arms,
}

/// Makes an item's tokens from the tokens to put in each of its holes, in their order.
type Item<'a> = Box<dyn Fn(&[TokenStream]) -> TokenStream + 'a>;

/// An item (or a member of one) whose member lists are handed over one member at a time.
pub struct Holed<'a> {
    item: Item<'a>,
    holes: Vec<Hole<'a>>,
}

struct Hole<'a> {
    kind: Kind,
    /// Members taken from `rest` to see whether the list is short.
    taken: Vec<Piece<'a>>,
    rest: Box<dyn Iterator<Item = Piece<'a>> + 'a>,
}

impl<'a> Holed<'a> {
    /// `item` makes the item's tokens from the tokens of its holes, added with [`Holed::hole`].
    pub fn new(item: impl Fn(&[TokenStream]) -> TokenStream + 'a) -> Self {
        Holed {
            item: Box::new(item),
            holes: Vec::new(),
        }
    }

    /// Adds a hole of `kind`, filled with `members`, each taken when it is printed.
    pub fn hole<P: Into<Piece<'a>> + 'a>(
        mut self,
        kind: Kind,
        members: impl IntoIterator<Item = P> + 'a,
    ) -> Self {
        self.holes.push(Hole {
            kind,
            taken: Vec::new(),
            rest: Box::new(members.into_iter().map(Into::into).fuse()),
        });
        self
    }

    /// The item's tokens when every hole holds at most a batch of members, none of which
    /// is big: printed with its neighbours, as if it had no holes.
    pub(super) fn small(mut self) -> Result<TokenStream, Self> {
        for hole in &mut self.holes {
            if !hole.take_small() {
                return Err(self);
            }
        }
        let fills: Vec<TokenStream> = self
            .holes
            .iter_mut()
            .map(|hole| {
                std::mem::take(&mut hole.taken)
                    .into_iter()
                    .map(|member| match member {
                        Piece::Items(tokens) => tokens,
                        Piece::Holed(_) => unreachable!("take_small leaves no holed member"),
                    })
                    .collect()
            })
            .collect();
        Ok((self.item)(&fills))
    }

    /// Appends the item's text, printed inside `within` (the outer items, with this item
    /// between two `marker` members; the identity at the top of a file).
    pub(super) fn print(
        self,
        within: &dyn Fn(TokenStream) -> TokenStream,
        marker: Option<&Marker>,
        depth: usize,
        out: &mut String,
    ) -> syn::Result<()> {
        let Holed { item, mut holes } = self;
        let markers: Vec<Marker> = holes
            .iter()
            .enumerate()
            .map(|(index, hole)| Marker::new(hole.kind, depth, index))
            .collect();
        // An empty hole stays empty: a marker there would print an empty list as a full one.
        let stand_ins: Vec<TokenStream> = markers
            .iter()
            .zip(&mut holes)
            .map(|(marker, hole)| match hole.is_empty() {
                true => TokenStream::new(),
                false => marker.tokens.clone(),
            })
            .collect();
        let printed = print(within(item(&stand_ins)))?;
        let skeleton = match marker {
            Some(marker) => marker.between(&printed)?,
            None => &printed,
        };
        // The holes in the order their markers are printed.
        let mut places = markers
            .iter()
            .zip(holes)
            .filter(|(marker, _)| !stand_ins[marker.index].is_empty())
            .map(|(marker, hole)| Ok((marker.line(skeleton)?, marker, hole)))
            .collect::<syn::Result<Vec<_>>>()?;
        places.sort_by_key(|(line, ..)| line.start);
        let mut done = 0;
        for (line, marker, hole) in places {
            out.push_str(&skeleton[done..line.start]);
            done = line.end;
            // The item with `members` in this hole between two markers, inside `within`.
            let filled = |members: TokenStream| {
                let mut fills = stand_ins.clone();
                let stand_in = &marker.tokens;
                fills[marker.index] = quote!(#stand_in #members #stand_in);
                within(item(&fills))
            };
            hole.print(&filled, marker, depth, out)?;
        }
        out.push_str(&skeleton[done..]);
        Ok(())
    }
}

impl<'a> Hole<'a> {
    fn is_empty(&mut self) -> bool {
        if self.taken.is_empty() {
            self.taken.extend(self.rest.next());
        }
        self.taken.is_empty()
    }

    /// Takes members until there are more than a batch or one is big; true if they are
    /// all taken and small.
    fn take_small(&mut self) -> bool {
        while self.taken.len() <= BATCH {
            let Some(member) = self.rest.next() else {
                return true;
            };
            match member.small() {
                Ok(tokens) => self.taken.push(Piece::Items(tokens)),
                Err(big) => {
                    self.taken.push(Piece::Holed(big));
                    return false;
                }
            }
        }
        false
    }

    /// Appends the members' text: a batch of small members at a time, each big one alone.
    fn print(
        self,
        filled: &dyn Fn(TokenStream) -> TokenStream,
        marker: &Marker,
        depth: usize,
        out: &mut String,
    ) -> syn::Result<()> {
        batched(self.taken.into_iter().chain(self.rest), |run| match run {
            Ok(batch) => {
                out.push_str(marker.between(&print(filled(batch))?)?);
                Ok(())
            }
            Err(big) => big.print(filled, Some(marker), depth + 1, out),
        })
    }
}

/// A member standing in for a hole's members, or around a batch of them, that prints as
/// one line no generated code has.
pub(super) struct Marker {
    index: usize,
    tokens: TokenStream,
    /// The marker's line, without its indentation.
    text: String,
}

impl Marker {
    fn new(kind: Kind, depth: usize, index: usize) -> Self {
        let name = format!("__armgen_hole_{depth}_{index}");
        let ident = Ident::new(&name, Span::call_site());
        let (tokens, text) = match kind {
            Kind::Items => (
                quote!(const #ident: () = ();),
                format!("const {name}: () = ();"),
            ),
            Kind::Arms => (quote!(#ident => {}), format!("{name} => {{}}")),
        };
        Marker {
            index,
            tokens,
            text,
        }
    }

    /// The byte ranges of the lines of `text` that are this marker, newline included.
    fn lines(&self, text: &str) -> Vec<std::ops::Range<usize>> {
        text.match_indices(&self.text)
            .filter_map(|(at, _)| {
                let start = text[..at].rfind('\n').map_or(0, |newline| newline + 1);
                let end = at + self.text.len();
                let alone =
                    text[start..at].bytes().all(|b| b == b' ') && text[end..].starts_with('\n');
                alone.then_some(start..end + 1)
            })
            .collect()
    }

    /// The one line of `text` that is this marker.
    fn line(&self, text: &str) -> syn::Result<std::ops::Range<usize>> {
        match self.lines(text).as_slice() {
            [line] => Ok(line.clone()),
            _ => Err(self.lost()),
        }
    }

    /// The text between the two lines of `text` that are this marker.
    fn between<'t>(&self, text: &'t str) -> syn::Result<&'t str> {
        match self.lines(text).as_slice() {
            [first, last] => Ok(&text[first.end..last.start]),
            _ => Err(self.lost()),
        }
    }

    fn lost(&self) -> syn::Error {
        syn::Error::new(
            Span::call_site(),
            format!("`{}` is not printed as one line of its own", self.text),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::{file, restore, LINES};
    use super::*;
    use crate::emit::rustdoc::doc;
    use quote::format_ident;
    use std::rc::Rc;

    type Shared = Rc<dyn Fn(&[TokenStream]) -> TokenStream>;

    /// An item and its members, given both whole and in holes.
    enum Tree {
        Leaf(TokenStream),
        Node(Shared, Vec<(Kind, Vec<Tree>)>),
    }

    impl Tree {
        fn node(item: impl Fn(&[TokenStream]) -> TokenStream + 'static) -> Self {
            Tree::Node(Rc::new(item), Vec::new())
        }

        fn hole(mut self, kind: Kind, members: impl IntoIterator<Item = Tree>) -> Self {
            if let Tree::Node(_, holes) = &mut self {
                holes.push((kind, members.into_iter().collect()));
            }
            self
        }

        fn whole(&self) -> TokenStream {
            match self {
                Tree::Leaf(tokens) => tokens.clone(),
                Tree::Node(item, holes) => {
                    let fills: Vec<TokenStream> = holes
                        .iter()
                        .map(|(_, members)| members.iter().map(Tree::whole).collect())
                        .collect();
                    item(&fills)
                }
            }
        }

        fn piece(self) -> Piece<'static> {
            match self {
                Tree::Leaf(tokens) => tokens.into(),
                Tree::Node(item, holes) => holes
                    .into_iter()
                    .fold(
                        Holed::new(move |fills| item(fills)),
                        |holed, (kind, members)| {
                            holed.hole(kind, members.into_iter().map(Tree::piece))
                        },
                    )
                    .into(),
            }
        }
    }

    fn function(i: usize) -> Tree {
        let name = format_ident!("f_{i}");
        let docs = doc(&format!(
            "Function {i}: {}\n\nA `second` line, \"quoted\".",
            "words that go on ".repeat(i % 9)
        ));
        let args = (0..i % 11).map(|j| format_ident!("argument_number_{j}"));
        Tree::Leaf(quote! {
            #docs
            #[cfg(feature = "f")]
            pub fn #name(#(#args: Option<Vec<i32>>),*) -> i32 { let y = 1; y }
        })
    }

    fn arm(i: usize) -> Tree {
        let id = format!("Group{}_Operation{i}", i % 7);
        let args =
            (0..i % 6).map(|j| quote!(&arg::<Option<String>>(p, "parameter_name")?.value_of(#j)));
        let attrs = i.is_multiple_of(5).then(|| quote!(#[cfg(feature = "arm")]));
        Tree::Leaf(
            quote!(#attrs #id => group::request_function(#(#args),*).map_err(|e| e.to_string()),),
        )
    }

    fn functions(range: std::ops::Range<usize>) -> impl Iterator<Item = Tree> {
        range.map(function)
    }

    /// A module of many members, among them a module, an `impl`, a `match` and an item
    /// with an empty hole, each long enough to come in batches, and a short one.
    fn tree() -> Tree {
        let inner = Tree::node(|f| {
            let (docs, items) = (doc("Inner."), &f[0]);
            quote!(#docs #[cfg(test)] pub mod inner { use super::*; #items })
        })
        .hole(Kind::Items, functions(0..150));
        let methods = Tree::node(|f| {
            let methods = &f[0];
            quote!(#[cfg(feature = "client")] impl S<'_> { pub const N: usize = 1; #methods })
        })
        .hole(Kind::Items, functions(0..130));
        let dispatch = Tree::node(|f| {
            let arms = &f[0];
            quote! {
                pub fn dispatch(operation_id: &str, p: &Value) -> Result<Request, String> {
                    use rt::examples::arg;
                    match operation_id { #arms _ => Err(format!("no operation `{operation_id}`")), }
                }
            }
        })
        .hole(Kind::Arms, (0..300).map(arm));
        let empty = Tree::node(|f| {
            let (items, methods) = (&f[0], &f[1]);
            quote!(pub mod two { #items pub struct Mid; impl Mid { #methods } })
        })
        .hole(Kind::Items, functions(0..70))
        .hole(Kind::Items, []);
        let short = Tree::node(|f| {
            let arms = &f[0];
            quote!(fn short(x: &str) -> i32 { match x { #arms _ => 0, } })
        })
        .hole(Kind::Arms, (0..3).map(arm));
        let members = functions(0..70)
            .chain([inner, methods])
            .chain(functions(70..100))
            .chain([dispatch, empty, short])
            .chain(functions(100..180));
        Tree::node(|f| {
            let (docs, items) = (doc("Outer, hidden."), &f[0]);
            quote!(#docs #[cfg(feature = "examples")] #[doc(hidden)] pub mod outer { use super::*; #items })
        })
        .hole(Kind::Items, members)
    }

    #[test]
    fn holed_items_print_as_printed_whole() {
        let tree = tree();
        let whole = tree.whole();
        let lines = LINES.with(|lines| lines.borrow().clone());
        let expected =
            prettyplease::unparse(&syn::parse2(restore(whole, &lines).unwrap()).unwrap());
        assert!(
            expected.contains("            \"Group6_Operation13\" => {\n"),
            "some arms wrap"
        );
        assert!(expected.contains("    pub mod two {\n"));
        let before = Tree::Leaf(quote!(
            pub struct Before;
        ));
        let pieces = [
            before.piece(),
            tree.piece(),
            Tree::Leaf(quote!(
                struct After;
            ))
            .piece(),
        ];
        assert_eq!(
            file(pieces).unwrap(),
            format!("pub struct Before;\n{expected}struct After;\n")
        );
    }

    #[test]
    fn short_holed_items_print_with_their_neighbours() {
        let short = |members| {
            let tree = Tree::node(|f| {
                let items = &f[0];
                quote!(pub mod m { #items })
            })
            .hole(Kind::Items, functions(0..members));
            let Piece::Holed(holed) = tree.piece() else {
                unreachable!("a node")
            };
            holed.small().is_ok()
        };
        assert!(short(BATCH), "a batch of members");
        assert!(!short(BATCH + 1), "more");
    }
}
