//! Each rule of the Prettier port by name; every expected text was produced by Prettier
//! 2.5.1 itself (`parser: "babel"`) from the source shown or built alongside.

use serde_json::json;

use super::literal::{is_identifier_name, js_number, print_string, print_string_key, string_width};
use super::{format_snippet, Dependency, Snippet};

fn dep(var: &str, group: &str, type_name: &str) -> Dependency {
    Dependency {
        variable: var.to_string(),
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

/// Formats a snippet of group `G`, type `T` and no dependencies around `body`.
fn formatted(body: serde_json::Value) -> String {
    format_snippet(&snippet(Some(body), vec![]))
}

/// Wraps the expected `properties:` line(s) in the rest of the `G`/`T` snippet.
fn expected(properties: &str) -> String {
    format!("provider.G.makeT({{\n  name: \"myT\",\n{properties}\n}});\n")
}

#[test]
fn source_is_the_docs_template() {
    let s = snippet(
        Some(json!({"a": [1, "x"]})),
        vec![dep("rg", "Resources", "ResourceGroup"), dep("r", "G", "T")],
    );
    assert_eq!(
        s.source(),
        "provider.G.makeT({\n        name: \"myT\",\n        properties: () => ({\"a\":[1,\"x\"]}),\n\
         dependencies:({resources}) => ({rg: resources.Resources.ResourceGroup[\"myResourceGroup\"],\
         r: resources.G.T[\"myT\"]})\n      })"
    );
    assert_eq!(
        snippet(None, vec![]).source(),
        "provider.G.makeT({\n        name: \"myT\",\n      })"
    );
}

#[test]
fn expanded_source_object_stays_expanded_and_output_ends_with_semicolon_newline() {
    assert_eq!(
        format_snippet(&snippet(None, vec![])),
        expected("").replace("\n\n", "\n")
    );
}

#[test]
fn double_quotes_unless_more_doubles_and_quote_escapes_normalised() {
    let body = json!({"a": "say \"hi\"", "b": "it's", "c": "\"'\"", "d": "''\""});
    assert_eq!(
        formatted(body),
        expected(r#"  properties: () => ({ a: 'say "hi"', b: "it's", c: '"\'"', d: "''\"" }),"#)
    );
}

#[test]
fn json_escapes_are_kept_and_other_characters_verbatim() {
    let body = json!({"a": "line\nbreak\ttab\u{1}\u{1f}\u{7f}\u{2028}é\\"});
    assert_eq!(
        formatted(body),
        expected(
            "  properties: () => ({ a: \"line\\nbreak\\ttab\\u0001\\u001f\u{7f}\u{2028}é\\\\\" }),"
        )
    );
}

#[test]
fn keys_unquoted_one_by_one_when_identifier_or_simple_number_and_in_js_order() {
    let body = json!({
        "x-ms-enum": 1, "plain": 2, "1": 3, "01": 4, "1.5": 5, "1.50": 6, "": 7,
        "$x": 8, "_y": 9, "é": 10, "a b": 11, "it's": 12
    });
    let properties = r#"  properties: () => ({
    1: 3,
    "x-ms-enum": 1,
    plain: 2,
    "01": 4,
    1.5: 5,
    "1.50": 6,
    "": 7,
    $x: 8,
    _y: 9,
    é: 10,
    "a b": 11,
    "it's": 12,
  }),"#;
    assert_eq!(formatted(body), expected(properties));
}

#[test]
fn numbers_printed_as_javascript_then_prettier_print_them() {
    let body = json!({
        "a": 1e21, "b": 1.5e-7, "c": -0.5, "d": 0.000001, "e": 123456789012345680000.0,
        "f": 5e-324, "g": f64::MAX
    });
    let properties = r#"  properties: () => ({
    a: 1e21,
    b: 1.5e-7,
    c: -0.5,
    d: 0.000001,
    e: 123456789012345680000,
    f: 5e-324,
    g: 1.7976931348623157e308,
  }),"#;
    assert_eq!(formatted(body), expected(properties));
}

#[test]
fn fitting_objects_on_one_line_with_bracket_spacing_and_empty_containers() {
    let body = json!({"a": {"b": 1, "c": "d"}, "e": [], "f": {}});
    assert_eq!(
        formatted(body),
        expected(r#"  properties: () => ({ a: { b: 1, c: "d" }, e: [], f: {} }),"#)
    );
}

#[test]
fn broken_objects_one_property_per_line_with_es5_trailing_commas() {
    let body = json!({"sku": {"name": "Standard", "tier": "Standard", "capacity": 12345678, "family": "someFamilyName"}});
    let properties = r#"  properties: () => ({
    sku: {
      name: "Standard",
      tier: "Standard",
      capacity: 12345678,
      family: "someFamilyName",
    },
  }),"#;
    assert_eq!(formatted(body), expected(properties));
}

#[test]
fn arrays_break_one_element_per_line() {
    let body = json!([
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myGroup",
        "short"
    ]);
    let properties = r#"  properties: () => [
    "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myGroup",
    "short",
  ],"#;
    assert_eq!(formatted(body), expected(properties));
}

#[test]
fn number_arrays_are_filled() {
    let body = serde_json::Value::from((0..30).map(|i| i * 7).collect::<Vec<i64>>());
    let properties = r#"  properties: () => [
    0, 7, 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 91, 98, 105, 112, 119,
    126, 133, 140, 147, 154, 161, 168, 175, 182, 189, 196, 203,
  ],"#;
    assert_eq!(formatted(body), expected(properties));
}

#[test]
fn arrays_of_several_multi_entry_objects_always_break() {
    let properties = "  properties: () => [\n    { a: 1, b: 2 },\n    { a: 1, b: 2 },\n  ],";
    assert_eq!(
        formatted(json!([{"a": 1, "b": 2}, {"a": 1, "b": 2}])),
        expected(properties)
    );
}

#[test]
fn assignment_layouts_break_after_operator_short_key_fluid_and_never() {
    let body = json!({
        "description": "a string that is much too long to fit after its key on the same line as it",
        "abc": "a string that is much too long to fit after its key on the same line as it is",
        "aVeryLongPropertyNameThatTakesUpMostOfTheLineWidthAllByItselfRea": null,
        "aVeryLongPropertyNameThatTakesUpMostOfTheLineWidthAllByItselfRe": -12,
        "aVeryLongPropertyNameThatTakesUpMostOfTheLineWidthAllByItselfR": 12,
        "aVeryLongPropertyNameThatTakesUpMostOfTheLineWidthAllByItself": true
    });
    let properties = r#"  properties: () => ({
    description:
      "a string that is much too long to fit after its key on the same line as it",
    abc: "a string that is much too long to fit after its key on the same line as it is",
    aVeryLongPropertyNameThatTakesUpMostOfTheLineWidthAllByItselfRea: null,
    aVeryLongPropertyNameThatTakesUpMostOfTheLineWidthAllByItselfRe: -12,
    aVeryLongPropertyNameThatTakesUpMostOfTheLineWidthAllByItselfR: 12,
    aVeryLongPropertyNameThatTakesUpMostOfTheLineWidthAllByItself: true,
  }),"#;
    assert_eq!(formatted(body), expected(properties));
}

#[test]
fn fluid_values_break_after_colon_when_their_first_line_cannot_fit() {
    // Verified with Prettier: `key: null,` past column 80 moves `null` to the next line.
    let key = "k".repeat(76);
    let out = formatted(json!({ key.clone(): null }));
    assert_eq!(
        out,
        expected(&format!(
            "  properties: () => ({{\n    {key}:\n      null,\n  }}),"
        ))
    );
}

#[test]
fn scalar_bodies_follow_the_arrow() {
    assert_eq!(
        formatted(json!("just a string")),
        expected(r#"  properties: () => "just a string","#)
    );
}

#[test]
fn long_member_chains_break_inside_the_computed_index() {
    let s = snippet(
        None,
        vec![
            dep("rg", "Resources", "ResourceGroup"),
            dep(
                "privateEndpointConnection",
                "ContainerRegistry",
                "PrivateEndpointConnection",
            ),
        ],
    );
    let properties = r#"  dependencies: ({ resources }) => ({
    rg: resources.Resources.ResourceGroup["myResourceGroup"],
    privateEndpointConnection:
      resources.ContainerRegistry.PrivateEndpointConnection[
        "myPrivateEndpointConnection"
      ],
  }),"#;
    assert_eq!(format_snippet(&s), expected(properties));
}

#[test]
fn object_argument_is_hugged_unless_the_call_line_overflows() {
    let s = Snippet {
        group: "ContainerRegistryWithALongerGroupName".to_string(),
        type_name: "ScopeMapWithAnExtremelyLongTypeName".to_string(),
        body: Some(json!({})),
        dependencies: vec![],
    };
    let expected = "provider.ContainerRegistryWithALongerGroupName.makeScopeMapWithAnExtremelyLongTypeName(\n  {\n    \
                    name: \"myScopeMapWithAnExtremelyLongTypeName\",\n    properties: () => ({}),\n  }\n);\n";
    assert_eq!(format_snippet(&s), expected);
}

#[test]
fn javascript_number_to_string() {
    let cases = [
        (0.0, "0"),
        (-0.0, "0"),
        (42.0, "42"),
        (-1.5, "-1.5"),
        (0.1, "0.1"),
        (1e21, "1e+21"),
        (1e20, "100000000000000000000"),
        (1.5e-7, "1.5e-7"),
        (0.000001, "0.000001"),
        (123456789.125, "123456789.125"),
        (5e-324, "5e-324"),
    ];
    for (value, text) in cases {
        assert_eq!(js_number(value), text, "{value:e}");
    }
}

#[test]
fn string_keys_and_literals() {
    assert_eq!(print_string_key("x-ms-enum"), "\"x-ms-enum\"");
    assert_eq!(print_string_key("10"), "10");
    assert_eq!(
        print_string_key("999999999999999999999"),
        "\"999999999999999999999\""
    );
    assert_eq!(print_string_key("a\"b"), "'a\"b'");
    assert_eq!(print_string_key("tab\tkey"), "\"tab\\tkey\"");
    assert_eq!(print_string("it's \"x\""), "'it\\'s \"x\"'");
    assert!(is_identifier_name("naïve") && is_identifier_name("日本") && is_identifier_name("$_1"));
    assert!(!is_identifier_name("1a") && !is_identifier_name("😀") && !is_identifier_name("a-b"));
}

#[test]
fn display_width_counts_wide_zero_and_emoji() {
    assert_eq!(string_width("abc"), 3);
    assert_eq!(string_width("日本"), 4);
    assert_eq!(string_width("e\u{301}"), 1);
    assert_eq!(string_width("\u{85}x"), 1);
    assert_eq!(string_width("😀"), 2);
}
