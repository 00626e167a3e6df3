//! Hostile specs (`specs/hostile/`, and deep ones built here): armgen must refuse them with
//! a clear error or generate code that parses, defines nothing the spec did not, and
//! keeps every page's code fences balanced; it never writes outside its output folder.

mod support;
#[path = "support/synthetic.rs"]
mod synthetic;

use armgen::resolve::{Dereferencer, Location};
use armgen::{Error, Generated, Generator};
use std::path::{Path, PathBuf};
use syn::visit::Visit;

fn hostile(case: &str) -> PathBuf {
    support::workspace_root().join("specs/hostile").join(case)
}

fn generate(root: &Path) -> Result<Generated, Error> {
    Generator::new(root)
        .spec("spec.json")
        .models("src/models.rs")
        .client("src/client.rs")
        .docs("docs")
        .generate()
}

/// A spec root holding `spec.json` with `text`.
fn spec_root(text: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spec.json"), text).unwrap();
    dir
}

fn swagger(definitions: &str) -> String {
    format!(
        r#"{{"swagger": "2.0", "info": {{"title": "t", "version": "1"}}, "paths": {{}}, "definitions": {{{definitions}}}}}"#
    )
}

/// `n` definitions, each holding the next: by a plain `$ref` or through a property.
fn chain(n: usize, through_property: bool) -> String {
    let links: Vec<String> = (0..n)
        .map(|i| match through_property {
            true => format!(
                r##""D{i}": {{"type": "object", "properties": {{"next": {{"$ref": "#/definitions/D{}"}}}}}}"##,
                i + 1
            ),
            false => format!(r##""D{i}": {{"$ref": "#/definitions/D{}"}}"##, i + 1),
        })
        .collect();
    swagger(&format!(
        r#"{}, "D{n}": {{"type": "object"}}"#,
        links.join(", ")
    ))
}

#[test]
fn ten_thousand_levels_of_raw_nesting_are_a_json_error_with_position() {
    let nested = format!("{}1{}", r#"{"a": "#.repeat(10_000), "}".repeat(10_000));
    let root = spec_root(&swagger(&format!(r#""D": {nested}"#)));
    let error = generate(root.path()).unwrap_err().to_string();
    assert!(
        error.contains("spec.json:1:")
            && error.contains("malformed JSON: recursion limit exceeded"),
        "{error}"
    );
}

#[test]
fn ten_thousand_chained_refs_are_refused() {
    let root = spec_root(&chain(10_000, false));
    let error = generate(root.path()).unwrap_err().to_string();
    assert!(
        error.contains("spec.json#/definitions/D0: a chain of $refs is too long"),
        "{error}"
    );
}

#[test]
fn ten_thousand_nested_definitions_stop_the_dereferencer_and_not_the_models() {
    let root = spec_root(&chain(10_000, true));
    let api = armgen::model::load(root.path(), &["spec.json".into()]).unwrap();
    let mut dereferencer = Dereferencer::new(api.resolver());
    let error = dereferencer
        .dereference(&Location::new("spec.json", "/definitions/D0"))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("the dereferenced schema nests deeper than 512 levels"),
        "{error}"
    );
    // The models follow the chain without recursion: 10,001 types, none boxed.
    let models = armgen::emit::models::emit(&armgen::model::Model::build(&api).unwrap()).unwrap();
    let file = syn::parse_file(&models).unwrap();
    assert!(items(&file).iter().any(|name| name == "D10000"));
    assert!(!models.contains("Box<"));
}

#[test]
fn a_ref_cycle_through_three_files_names_each_link() {
    let error = generate(&hostile("ref-cycle")).unwrap_err().to_string();
    assert!(
        error.contains(
            "a cycle of $refs never reaches a value: #/definitions/A -> b.json#/definitions/B -> c.json#/definitions/C -> #/definitions/A"
        ),
        "{error}"
    );
}

#[test]
fn a_self_referencing_body_is_circular_in_docs_and_boxed_in_models() {
    let generated = generate(&hostile("self-reference")).unwrap();
    let page = generated.files.get("docs/Trees/Node.md").unwrap();
    assert!(page.contains("<ref *1> {"), "{page}");
    assert!(page.contains("parent: [Circular *1]"), "{page}");
    assert!(page.contains("items: [Circular *1]"), "{page}");
    let models = generated.files.get("src/models.rs").unwrap();
    assert!(
        models.contains("pub parent: ::std::option::Option<::std::boxed::Box<Node>>"),
        "{models}"
    );
    check_outputs(&generated);
}

/// Twelve levels of definitions, each with ten properties naming the next level: the
/// schema block would hold 10^10 entries; the inspect budget keeps the page small.
#[test]
fn exponentially_shared_definitions_print_a_bounded_page() {
    let generated = generate(&hostile("shared-blowup")).unwrap();
    let page = generated.files.get("docs/Blowup/Node.md").unwrap();
    assert!(page.len() < 4 << 20, "{} bytes", page.len());
    assert!(page.contains("[Object]"));
    check_outputs(&generated);
}

#[test]
fn descriptions_cannot_break_out_of_code_or_pages() {
    let generated = generate(&hostile("breakout")).unwrap();
    check_outputs(&generated);
    let spec: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(hostile("breakout/spec.json")).unwrap())
            .unwrap();
    for (path, text) in generated.files.iter() {
        if path.extension().is_some_and(|e| e == "rs") {
            let names = items(&syn::parse_file(text).unwrap());
            assert!(
                !names.iter().any(|n| n.contains("evil")),
                "{path:?}: {names:?}"
            );
            // rustdoc would run a fenced or indented block as a doctest.
            for line in text.lines().map(str::trim_start) {
                assert!(
                    !line.starts_with("/// ```") && !line.starts_with("///     "),
                    "{line}"
                );
            }
        }
    }
    let models = generated.files.get("src/models.rs").unwrap();
    let definitions = spec["definitions"].as_object().unwrap();
    assert!(definitions
        .keys()
        .all(|d| models.contains(&format!("pub struct {d}"))));
    let page = generated.files.get("docs/Evil/Gadget.md").unwrap();
    assert!(page.contains("### Evil ``` ## injected\n"), "{page}");
}

/// `widget` and `Widget` would both be `Widget`: the later one in spec order is numbered,
/// and the client names it the same way (the hostile crate compiles both).
#[test]
fn definitions_differing_only_in_case_get_distinct_types() {
    let generated = generate(&hostile("case-twins")).unwrap();
    let models = generated.files.get("src/models.rs").unwrap();
    assert!(models.contains("pub struct Widget {"), "{models}");
    assert!(models.contains("pub struct Widget2 {"), "{models}");
    check_outputs(&generated);
}

#[test]
fn a_lone_surrogate_is_a_clear_json_error() {
    let error = generate(&hostile("lone-surrogate"))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("spec.json:3:34: malformed JSON")
            && error.contains("a lone surrogate is no text"),
        "{error}"
    );
}

/// The models and client of the hostile specs that generate, compiled by the
/// `hostile-crate` crate (a dev-dependency, so building the tests compiles them); its
/// `src/` is their expected output folder, checked like every golden case.
#[test]
fn hostile_names_compile() {
    let generated = Generator::new(hostile(""))
        .spec("names/spec.json")
        .spec("breakout/spec.json")
        .spec("self-reference/spec.json")
        .spec("case-twins/spec.json")
        .spec("bidi/spec.json")
        .models("models.rs")
        .client("client.rs")
        .generate()
        .unwrap();
    check_outputs(&generated);
    let expected = support::workspace_root().join("tests/hostile-crate/src");
    let differences = support::golden(&generated.files, &expected);
    assert!(
        differences.is_empty(),
        "rerun with UPDATE_EXPECT=1: {differences:?}"
    );
    // An operation declaring `api-version` itself sends it once, not as an argument.
    let request = hostile_crate::client::things::get_request("s", "g", "n").unwrap();
    assert_eq!(request.uri().query(), Some("api-version=2024-01-01"));
    // What the names became, run through the compiled types.
    let thing: hostile_crate::models::Thing = serde_json::from_value(serde_json::json!({
        "type": "t", "self": "s", "r#type": "raw", "123": "n", "🦀": "crab", "kind": "a b"
    }))
    .unwrap();
    assert_eq!(thing.r#type.as_deref(), Some("t"));
    assert_eq!(
        serde_json::to_value(&thing).unwrap()["🦀"],
        serde_json::json!("crab")
    );
    // Case twins are two types, each with its own fields.
    let mut lower = hostile_crate::models::Widget::default();
    lower.a = Some("x".into());
    let mut upper = hostile_crate::models::Widget2::default();
    upper.b = Some("y".into());
    assert_eq!(
        serde_json::to_value(&lower).unwrap(),
        serde_json::json!({ "a": "x" })
    );
    assert_eq!(
        serde_json::to_value(&upper).unwrap(),
        serde_json::json!({ "b": "y" })
    );
}

/// Operations and groups whose names the spec spells differently but that read alike in
/// Rust (issue 18, point 12): each case generates, and no scope defines a name twice or
/// shadows the prelude. They are golden cases (`tests/cases/collide-*`), so the
/// `golden-cases` crate compiles them.
#[test]
fn colliding_names_get_distinct_items() {
    let cases = [
        (
            "collide-methods",
            &[
                "get_bar",
                "get_bar_2",
                "get_bar2",
                "GetBarOptions",
                "GetBar2Options",
                "GetBar2Options2",
            ][..],
        ),
        (
            "collide-functions",
            &[
                "foo_request_request",
                "parse_foo_request",
                "parse_foo_request_2",
                "parse_parse_foo",
            ][..],
        ),
        (
            "collide-groups",
            &["foo_bar2", "foo_bar_2", "FooBar2", "FooBar22"][..],
        ),
        (
            "collide-prelude",
            &["StringOps", "OptionOps", "ResultOps", "VecOps"][..],
        ),
        ("collide-options", &["GetOptions", "GetOptions2"][..]),
    ];
    for (case, expected) in cases {
        let generated = Generator::new(support::workspace_root().join("tests/cases").join(case))
            .spec("spec.json")
            .models("models.rs")
            .client("client.rs")
            .generate()
            .unwrap_or_else(|e| panic!("{case}: {e}"));
        check_outputs(&generated);
        let client = syn::parse_file(generated.files.get("client.rs").unwrap()).unwrap();
        let names = items(&client);
        for name in expected {
            assert!(
                names.iter().any(|n| n == name),
                "{case}: no `{name}` in {names:?}"
            );
        }
        let twice = defined_twice(&client);
        assert!(twice.is_empty(), "{case}: defined twice: {twice:?}");
    }
}

/// Bidi controls ("Trojan Source", CVE-2021-42574) in descriptions, names, enum values
/// and paths: rustc denies them in comments and literals, so the emitted code holds none,
/// only their visible `\u{..}` escapes; `hostile_names_compile` compiles it.
#[test]
fn bidi_controls_never_reach_the_code() {
    let generated = Generator::new(hostile("bidi"))
        .spec("spec.json")
        .models("models.rs")
        .client("client.rs")
        .generate()
        .unwrap();
    check_outputs(&generated);
    let bidi = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    for (path, text) in generated.files.iter() {
        let line = text.lines().find(|line| line.contains(bidi));
        assert!(line.is_none(), "{path:?}: {line:?}");
    }
    let models = generated.files.get("models.rs").unwrap();
    assert!(models.contains(r"/// A source \u{202E}ecruos"), "{models}");
}

#[test]
fn five_hundred_definitions_and_operations_generate() {
    let root = tempfile::tempdir().unwrap();
    let spec = synthetic::write_spec(root.path(), 500);
    let generated = Generator::new(root.path())
        .spec(spec)
        .models("src/models.rs")
        .client("src/client.rs")
        .docs("docs")
        .generate()
        .unwrap();
    check_outputs(&generated);
    assert!(generated
        .files
        .get("src/models.rs")
        .unwrap()
        .contains(&format!("pub struct Thing{} ", 500 / 4 - 1)));
}

/// A GET operationId `../../../../tmp/Evils_Get` would name the page
/// `docs/Evil/../../../../tmp/Evil.md`: refused before anything is written.
#[test]
fn a_resource_name_with_dot_dot_is_refused() {
    let error = generate(&hostile("escape")).unwrap_err().to_string();
    assert!(
        error.contains("escape/spec.json#/paths/")
            && error.contains("`../../../../tmp/Evil` (from the GET operation's operationId or path) cannot name a docs page"),
        "{error}"
    );
}

#[test]
fn an_output_path_climbing_out_is_refused() {
    let root = hostile("self-reference");
    for path in ["../models.rs", "src/../../models.rs", "/tmp/models.rs"] {
        let error = Generator::new(&root)
            .spec("spec.json")
            .models(path)
            .generate()
            .unwrap_err()
            .to_string();
        assert!(
            error.ends_with("refusing to generate a file outside the output folder"),
            "{error}"
        );
    }
    let error = Generator::new(&root)
        .spec("spec.json")
        .docs("../docs")
        .generate()
        .unwrap_err();
    assert!(
        error.message.contains("outside the output folder"),
        "{error}"
    );
}

/// As root, permissions do not stop a write, so the unwritable places are made of a
/// regular file standing where a folder must be.
#[test]
fn an_unwritable_output_is_a_clear_error_and_leaves_files_untouched() {
    let generated = generate(&hostile("self-reference")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    // The output folder itself below a file.
    std::fs::write(dir.path().join("file"), "x").unwrap();
    let error = generated
        .files
        .write(&dir.path().join("file/out"))
        .unwrap_err();
    assert!(error.to_string().contains("cannot "), "{error}");
    // An output folder with an existing model file, and a file where docs/ must go: the
    // pages cannot be written, so the model file must not change either.
    let out = dir.path().join("out");
    std::fs::create_dir_all(out.join("src")).unwrap();
    std::fs::write(out.join("src/models.rs"), "old").unwrap();
    std::fs::write(out.join("docs"), "a file").unwrap();
    let error = generated.files.write(&out).unwrap_err().to_string();
    assert!(
        error.contains("docs") && error.contains("cannot create the folder"),
        "{error}"
    );
    assert_eq!(
        std::fs::read_to_string(out.join("src/models.rs")).unwrap(),
        "old"
    );
    let mut left: Vec<String> = walk(&out);
    left.sort();
    assert_eq!(left, ["docs", "src/models.rs"]);
}

fn walk(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            found.extend(walk(&path).into_iter().map(|p| format!("{name}/{p}")));
        } else {
            found.push(path.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    found
}

/// Every Rust output parses; every page keeps its code fences balanced.
fn check_outputs(generated: &Generated) {
    for (path, text) in generated.files.iter() {
        if path.extension().is_some_and(|e| e == "rs") {
            syn::parse_file(text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
        } else {
            let fences = text.lines().filter(|l| l.starts_with("```")).count();
            assert!(fences % 2 == 0, "{path:?} has {fences} fences:\n{text}");
        }
    }
}

/// The names of every item (and function) the file defines, at any depth.
fn items(file: &syn::File) -> Vec<String> {
    struct Names(Vec<String>);
    impl<'a> Visit<'a> for Names {
        fn visit_item_fn(&mut self, item: &'a syn::ItemFn) {
            self.0.push(item.sig.ident.to_string());
            syn::visit::visit_item_fn(self, item);
        }
        fn visit_impl_item_fn(&mut self, item: &'a syn::ImplItemFn) {
            self.0.push(item.sig.ident.to_string());
            syn::visit::visit_impl_item_fn(self, item);
        }
        fn visit_item_struct(&mut self, item: &'a syn::ItemStruct) {
            self.0.push(item.ident.to_string());
            syn::visit::visit_item_struct(self, item);
        }
        fn visit_item_enum(&mut self, item: &'a syn::ItemEnum) {
            self.0.push(item.ident.to_string());
            syn::visit::visit_item_enum(self, item);
        }
        fn visit_item_mod(&mut self, item: &'a syn::ItemMod) {
            self.0.push(item.ident.to_string());
            syn::visit::visit_item_mod(self, item);
        }
    }
    let mut names = Names(Vec::new());
    names.visit_file(file);
    names.0
}

/// Names a scope of `file` defines more than once: per module, its types and modules
/// (one namespace), its functions, and per `impl`, its methods; and type names that
/// shadow the prelude.
fn defined_twice(file: &syn::File) -> Vec<String> {
    use std::collections::HashSet;
    fn scope(path: &str, items: &[syn::Item], twice: &mut Vec<String>) {
        let (mut types, mut values) = (HashSet::new(), HashSet::new());
        for item in items {
            // The client's own `Result` alias is meant to stand in for std's.
            let shadows = |name: &str| ["String", "Option", "Result", "Vec", "Box"].contains(&name);
            let (name, is_type) = match item {
                syn::Item::Struct(s) => (s.ident.to_string(), true),
                syn::Item::Enum(e) => (e.ident.to_string(), true),
                syn::Item::Type(t) => {
                    if t.ident != "Result" && shadows(&t.ident.to_string()) {
                        twice.push(format!("{path}: {} shadows the prelude", t.ident));
                    }
                    (t.ident.to_string(), false)
                }
                syn::Item::Mod(m) => {
                    let inner = format!("{path}::{}", m.ident);
                    if let Some((_, items)) = &m.content {
                        scope(&inner, items, twice);
                    }
                    (m.ident.to_string(), true)
                }
                syn::Item::Fn(f) => (f.sig.ident.to_string(), false),
                syn::Item::Impl(i) => {
                    let mut methods = HashSet::new();
                    for item in &i.items {
                        if let syn::ImplItem::Fn(f) = item {
                            if !methods.insert(f.sig.ident.to_string()) {
                                twice.push(format!("{path}: method {}", f.sig.ident));
                            }
                        }
                    }
                    continue;
                }
                _ => continue,
            };
            if is_type && shadows(&name) {
                twice.push(format!("{path}: {name} shadows the prelude"));
            }
            let set = if is_type || matches!(item, syn::Item::Type(_)) {
                &mut types
            } else {
                &mut values
            };
            if !set.insert(name.clone()) {
                twice.push(format!("{path}: {name}"));
            }
        }
    }
    let mut twice = Vec::new();
    scope("client", &file.items, &mut twice);
    twice
}
