//! Pages built from hostile example names, api-versions and spec paths: the docs site
//! reads pages as MDX, so spec text outside code must not open an element, a tag, an
//! expression or a link, yet read back as the spec wrote it.

mod support;

use armgen::Generator;
use std::fs;
use std::path::Path;

/// What MDX or Markdown would read as markup or an expression outside code.
const SIGNIFICANT: &[char] = &['<', '>', '{', '}', '[', ']'];

fn page(root: &Path, spec: &str) -> String {
    let generated = Generator::new(root)
        .spec(spec)
        .docs("docs")
        .generate()
        .unwrap();
    let (_, text) = generated
        .files
        .iter()
        .find(|(path, _)| path.ends_with("Gadget.md"))
        .expect("the Gadget page");
    text.to_owned()
}

/// `text` with its backslash escapes read, or `None` if some significant character is
/// not escaped.
fn unescape(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push(chars.next()?),
            c if SIGNIFICANT.contains(&c) => return None,
            c => out.push(c),
        }
    }
    Some(out)
}

#[test]
fn example_names_cannot_become_markup() {
    let root = support::workspace_root().join("specs/hostile/mdx");
    let spec: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(root.join("spec.json")).unwrap()).unwrap();
    let names: Vec<String> = spec["paths"]
        .as_object()
        .unwrap()
        .values()
        .filter_map(|item| item["put"]["x-ms-examples"].as_object())
        .flat_map(|examples| examples.keys().cloned())
        .collect();
    assert!(names.len() >= 5);
    let page = page(&root, "spec.json");
    let headings: Vec<&str> = page
        .lines()
        .filter_map(|line| line.strip_prefix("### "))
        .collect();
    assert_eq!(headings.len(), names.len(), "{page}");
    for (heading, name) in headings.iter().zip(&names) {
        assert_eq!(
            unescape(heading).as_deref(),
            Some(name.as_str()),
            "heading {heading:?}"
        );
    }
}

#[test]
fn the_api_version_stays_one_code_span() {
    let root = support::workspace_root().join("specs/hostile/mdx");
    let page = page(&root, "spec.json");
    let line = page
        .lines()
        .find(|line| line.starts_with("The resource version is "))
        .unwrap();
    let span = line
        .strip_prefix("The resource version is ")
        .and_then(|rest| rest.strip_suffix('.'))
        .unwrap();
    // A code span opened by a run of backticks longer than any inside it, per CommonMark.
    let fence: String = span.chars().take_while(|&c| c == '`').collect();
    let inner = span
        .strip_prefix(&format!("{fence} "))
        .and_then(|rest| rest.strip_suffix(&format!(" {fence}")))
        .unwrap_or_else(|| panic!("not one code span: {line}"));
    assert!(!inner.contains(&fence), "{line}");
    assert_eq!(inner, "2024-01-01`<img src=x onerror=alert(1)>{x}`");
}

#[test]
fn the_spec_path_cannot_end_its_link() {
    let dir = tempfile::tempdir().unwrap();
    let source = support::workspace_root().join("specs/hostile/mdx");
    let folder = dir.path().join("a b)<img src=x onerror=alert(1)>{x}");
    fs::create_dir_all(folder.join("examples")).unwrap();
    for file in ["spec.json", "examples/example.json"] {
        fs::copy(source.join(file), folder.join(file)).unwrap();
    }
    let page = page(dir.path(), "a b)<img src=x onerror=alert(1)>{x}/spec.json");
    let line = page.lines().find(|line| line.contains("[here](")).unwrap();
    let target = line.split("[here](").nth(1).unwrap();
    let url = target.strip_suffix(").").unwrap();
    assert!(
        !url.contains(|c: char| c.is_whitespace() || "()<>{}".contains(c)),
        "{line}"
    );
    assert!(
        url.ends_with("/a%20b%29%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E%7Bx%7D/spec.json"),
        "{url}"
    );
}
