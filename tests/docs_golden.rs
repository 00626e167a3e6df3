//! The resource pages against the reference page, byte for byte.

mod support;

use armgen::Generator;
use std::path::Path;

#[test]
fn connected_registry_page_equals_the_reference_byte_for_byte() {
    let root = support::workspace_root();
    let manifest = support::manifest();
    let mut generator = Generator::from_manifest(&manifest);
    generator.models = None;
    generator.client = None;
    let generated = generator.generate().expect("the spec generates");
    let docs = manifest
        .output
        .docs
        .expect("the manifest has a docs output");
    let page = generated
        .files
        .get(docs.join("ContainerRegistry/ConnectedRegistry.md"))
        .expect("a page is generated for ConnectedRegistry");
    let reference_path = root.join("tests/reference/ConnectedRegistry.md");
    let reference =
        std::fs::read_to_string(&reference_path).expect("the reference page is readable");
    assert!(
        page == reference,
        "{}",
        support::first_difference(&reference, page)
    );

    let pages: Vec<&Path> = generated.files.iter().map(|(path, _)| path).collect();
    println!("{} pages generated: {pages:?}", pages.len());
    // Besides pages, the docs folder holds the Docusaurus sidebar data of each group folder.
    let page_or_category = |path: &Path| {
        path.extension().is_some_and(|e| e == "md")
            || path.file_name().is_some_and(|n| n == "_category_.json")
    };
    assert!(pages
        .iter()
        .all(|path| path.starts_with(&docs) && page_or_category(path)));
}
