//! The docs folder as a Docusaurus docs folder: no page links to a page that is not
//! generated, and every group folder has its sidebar data. This is what the site build
//! (`docs-site/`, `onBrokenLinks: 'throw'`) would catch, without Node.

mod support;

use armgen::{Generator, Manifest};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

#[test]
fn every_page_link_and_group_folder_resolves() {
    let root = support::workspace_root();
    let manifest = Manifest::read(&root.join("specs/armgen.toml")).expect("the manifest reads");
    let mut generator = Generator::from_manifest(&manifest);
    generator.models = None;
    generator.client = None;
    let generated = generator.generate().expect("the spec generates");
    let docs = manifest
        .output
        .docs
        .expect("the manifest has a docs output");

    let files: BTreeSet<PathBuf> = generated
        .files
        .iter()
        .map(|(path, _)| {
            path.strip_prefix(&docs)
                .expect("docs stay in their folder")
                .to_path_buf()
        })
        .collect();
    let mut links = 0;
    for (path, text) in generated
        .files
        .iter()
        .filter(|(path, _)| path.extension().is_some_and(|e| e == "md"))
    {
        let folder = path
            .strip_prefix(&docs)
            .unwrap()
            .parent()
            .expect("a page lives in a group folder");
        for target in relative_links(text) {
            let resolved = normalize(&folder.join(target));
            assert!(
                files.contains(&resolved),
                "{} links to {target}, which is not generated",
                path.display()
            );
            links += 1;
        }
    }
    assert!(links > 0, "the pages link to their dependencies");

    let groups: BTreeSet<&Path> = files.iter().filter_map(|path| path.parent()).collect();
    for group in groups {
        assert!(
            files.contains(&group.join("_category_.json")),
            "the group folder {} has no _category_.json",
            group.display()
        );
    }
}

/// The targets of the Markdown links `](../<Group>/<Type>.md)` in a page.
fn relative_links(text: &str) -> Vec<&str> {
    text.split("](")
        .skip(1)
        .filter_map(|rest| rest.split_once(')'))
        .map(|(target, _)| target)
        .filter(|t| t.starts_with("../"))
        .collect()
}

/// Resolves `..` against the folders before it, as a browser resolves a relative link.
fn normalize(path: &Path) -> PathBuf {
    let mut parts = Vec::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    parts.iter().collect()
}
