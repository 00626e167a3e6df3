//! The resource rules of the docs on a small hand-written spec (`specs/edge/resources`):
//! which resources get a page, their dependencies, and which api-version wins.

mod support;

use armgen::Generator;

const PREVIEW: &str =
    "widgets/resource-manager/Microsoft.Widgets/preview/2021-01-01-preview/widgets.json";
const STABLE: &str = "widgets/resource-manager/Microsoft.Widgets/stable/2021-01-01/widgets.json";

fn pages(specs: &[&str]) -> Vec<(String, String)> {
    let mut generator =
        Generator::new(support::workspace_root().join("specs/edge/resources")).docs("docs");
    for spec in specs {
        generator = generator.spec(*spec);
    }
    let generated = generator.generate().expect("the edge spec generates");
    generated
        .files
        .iter()
        .map(|(path, text)| (armgen::output::slash_path(path), text.to_owned()))
        .collect()
}

/// The resource page of Widget, the only resource with one.
fn widget_page(specs: &[&str]) -> String {
    let pages = pages(specs);
    let widget = pages
        .iter()
        .find(|(path, _)| path == "docs/Widgets/Widget.md");
    widget.expect("Widget has a page").1.clone()
}

#[test]
fn only_resources_with_enough_dependencies_get_a_page() {
    let pages = pages(&[STABLE]);
    let resource_pages: Vec<&str> = pages
        .iter()
        .filter(|(_, text)| text.contains("## Swagger Schema"))
        .map(|(path, _)| path.as_str())
        .collect();
    // Gadget has two dependencies but its GET needs three path parameters; Gizmo has none.
    assert_eq!(resource_pages, ["docs/Widgets/Widget.md"]);
    // Linked types without a page get a short one, so that no link dangles.
    let names: Vec<&str> = pages.iter().map(|(path, _)| path.as_str()).collect();
    assert_eq!(
        names,
        [
            "docs/Resources/ResourceGroup.md",
            "docs/Resources/_category_.json",
            "docs/Widgets/Gadget.md",
            "docs/Widgets/Widget.md",
            "docs/Widgets/_category_.json"
        ]
    );
}

#[test]
fn dependencies_come_from_resource_group_body_keys_and_parents() {
    let page = &widget_page(&[STABLE]);
    let dependencies = page
        .split("## Dependencies\n")
        .nth(1)
        .unwrap()
        .split("## ")
        .next()
        .unwrap();
    assert_eq!(
        dependencies,
        "- [ResourceGroup](../Resources/ResourceGroup.md)\n- [Gadget](../Widgets/Gadget.md)\n"
    );
    assert!(
        page.contains(
            "    resourceGroup: resources.Resources.ResourceGroup[\"myResourceGroup\"],\n"
        ),
        "{page}"
    );
    assert!(
        page.contains("    gadget: resources.Widgets.Gadget[\"myGadget\"],\n"),
        "{page}"
    );
}

#[test]
fn the_latest_api_version_wins_whatever_the_order() {
    for order in [[PREVIEW, STABLE], [STABLE, PREVIEW]] {
        let page = &widget_page(&order);
        assert!(
            page.contains("The resource version is `2021-01-01`.\n"),
            "{page}"
        );
        assert!(page.contains("description: 'A widget.'"), "{page}");
    }
}

#[test]
fn a_self_referencing_body_prints_as_a_circular_object() {
    let page = &widget_page(&[STABLE]);
    assert!(
        page.contains("<ref *1> {\n  description: 'A widget.',"),
        "{page}"
    );
    assert!(page.contains("parent: [Circular *1]"), "{page}");
}

#[test]
fn one_client_refuses_two_versions_of_an_operation() {
    let root = support::workspace_root().join("specs/edge/resources");
    let error = Generator::new(&root)
        .spec(PREVIEW)
        .spec(STABLE)
        .client("client.rs")
        .generate()
        .unwrap_err();
    assert_eq!(error.file, Some(root.join(STABLE)));
    assert!(
        error.message.starts_with(&format!(
            "operationId `Widgets_Get` is also in {PREVIEW}; one client cannot hold both"
        )),
        "{error}"
    );
}
