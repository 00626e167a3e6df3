//! Each rule of the Prettier port by name; every expected text was produced by Prettier
//! 2.5.1 itself (`parser: "babel"`) from the source shown or built alongside.

use serde_json::json;

use super::ast::{Arrow, CallStatement, Expr, Key, Object, Params, Property};
use super::literal::{is_identifier_name, js_number, print_string, print_string_key, string_width};
use super::{format, format_snippet, Dependency, Snippet};

fn dep(var: &str, group: &str, type_name: &str) -> Dependency {
    Dependency {
        var: var.to_string(),
        group: group.to_string(),
        type_name: type_name.to_string(),
    }
}

fn snippet(body: Option<serde_json::Value>, dependencies: Vec<Dependency>) -> Snippet {
    Snippet {
        group: "G".to_string(),
        type_name: "T".to_string(),
        body,
        dependencies,
    }
}

/// The `properties: () => (...)` body of a formatted snippet, dedented to column 0.
fn body_of(value: serde_json::Value) -> String {
    let out = format_snippet(&snippet(Some(value), vec![]));
    let inner = out
        .strip_prefix("provider.G.makeT({\n  name: \"myT\",\n  properties: () => (")
        .and_then(|s| s.strip_suffix("),\n});\n"))
        .unwrap_or_else(|| panic!("unexpected snippet shape:\n{out}"));
    inner.replace("\n  ", "\n")
}

#[test]
fn golden_connected_registry_create() {
    let snippet = Snippet {
        group: "ContainerRegistry".to_string(),
        type_name: "ConnectedRegistry".to_string(),
        body: Some(json!({
            "properties": {
                "mode": "ReadWrite",
                "parent": {
                    "syncProperties": {
                        "tokenId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myResourceGroup/providers/Microsoft.ContainerRegistry/registries/myRegistry/tokens/syncToken",
                        "schedule": "0 9 * * *",
                        "messageTtl": "P2D",
                        "syncWindow": "PT3H"
                    }
                },
                "clientTokenIds": [
                    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myResourceGroup/providers/Microsoft.ContainerRegistry/registries/myRegistry/tokens/client1Token"
                ],
                "notificationsList": ["hello-world:*:*", "sample/repo/*:1.0:*"]
            }
        })),
        dependencies: vec![
            dep("resourceGroup", "Resources", "ResourceGroup"),
            dep("registry", "ContainerRegistry", "Registry"),
        ],
    };
    let expected = r#"provider.ContainerRegistry.makeConnectedRegistry({
  name: "myConnectedRegistry",
  properties: () => ({
    properties: {
      mode: "ReadWrite",
      parent: {
        syncProperties: {
          tokenId:
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myResourceGroup/providers/Microsoft.ContainerRegistry/registries/myRegistry/tokens/syncToken",
          schedule: "0 9 * * *",
          messageTtl: "P2D",
          syncWindow: "PT3H",
        },
      },
      clientTokenIds: [
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myResourceGroup/providers/Microsoft.ContainerRegistry/registries/myRegistry/tokens/client1Token",
      ],
      notificationsList: ["hello-world:*:*", "sample/repo/*:1.0:*"],
    },
  }),
  dependencies: ({ resources }) => ({
    resourceGroup: resources.Resources.ResourceGroup["myResourceGroup"],
    registry: resources.ContainerRegistry.Registry["myRegistry"],
  }),
});
"#;
    assert_eq!(format_snippet(&snippet), expected);
}
