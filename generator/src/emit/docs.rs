//! The docs emitter: one Markdown page per ARM resource, `<Group>/<Type>.md`, in the
//! format of the reference pages. The page skeleton is the askama template
//! `templates/resource.md`; the example blocks come from the Prettier port and the
//! schema block from the `util.inspect` port.
//!
//! The docs folder is also a Docusaurus docs folder as it stands: each group folder gets
//! its sidebar label in `_category_.json`, and each type that a page links to as a
//! dependency but that has no page (such as `Resources/ResourceGroup`, which no ARM spec
//! of a provider defines) gets a short page from `templates/linked.md`, so that no link
//! of a page dangles.

use crate::error::{Error, Result};
use crate::inspect::{inspect, inspect_graph, InspectOptions};
use crate::model::Model;
use crate::output::slash_path;
use crate::prettier::{format_snippet, Snippet};
use crate::resources::{self, Dependency, Resource, Schemas};
use askama::Template;
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::PathBuf;

/// How deep the schema block prints, as the reference pages do.
const SCHEMA_DEPTH: usize = 10;
/// The schema block's output budget. Definitions shared by identity expand once per
/// place they appear, so ten levels of ten properties naming the next level would print
/// 10^10 entries; Node stops such a walk only after 2^27 characters per indentation,
/// which makes pages of hundreds of megabytes. Real schemas print a few kilobytes, so
/// they stay byte-identical to Node.
const SCHEMA_BUDGET: usize = 1 << 20;

#[derive(Template)]
#[template(path = "resource.md", escape = "none")]
struct Page<'a> {
    type_name: &'a str,
    group: &'a str,
    examples: Vec<ExampleBlock>,
    dependencies: &'a [Dependency],
    schema: String,
    /// The api-version as an inline code span.
    api_version: String,
    /// The spec's path below `specification/`, as a URL path.
    spec_path: String,
}

/// The page of a type that pages link to but that has no page of its own.
#[derive(Template)]
#[template(path = "linked.md", escape = "none")]
struct LinkedPage<'a> {
    type_name: &'a str,
    group: &'a str,
    /// Whether the loaded specs define the type (it then only lacks a page).
    in_spec: bool,
}

struct ExampleBlock {
    name: String,
    code: String,
}

/// Each file's path (relative to the docs folder) and text: the resource pages, the
/// pages of linked types without one, and a `_category_.json` per group folder.
pub fn emit(model: &Model<'_>) -> Result<Vec<(PathBuf, String)>> {
    let api = model.api;
    let all = resources::find(api);
    for resource in &all {
        for name in [&resource.group, &resource.type_name] {
            if !is_page_name(name) {
                return Err(resource.get.location.error(format!(
                    "`{name}` (from the GET operation's operationId or path) cannot name a docs page: \
                     only letters, digits, `_`, `-` and `.` (not leading) are allowed"
                )));
            }
        }
    }
    let mut schemas = Schemas::new(api);
    let mut files = Vec::new();
    // (group, type) of every page, and of every type a page links to.
    let mut paged = BTreeSet::new();
    let mut linked = BTreeSet::new();
    let mut lists = resources::Lists::default();
    let mut named = resources::NamedBy::default();
    for resource in &all {
        let dependencies = resources::dependencies(resource, &all, &mut named, &mut schemas)?;
        if !resources::has_page(resource, &dependencies, &mut lists, &mut schemas)? {
            continue;
        }
        let text = page(resource, &dependencies, &mut schemas)?;
        files.push((page_path(&resource.group, &resource.type_name), text));
        paged.insert((resource.group.clone(), resource.type_name.clone()));
        linked.extend(dependencies.into_iter().map(|d| (d.group, d.type_name)));
    }
    for (group, type_name) in linked.difference(&paged) {
        let in_spec = all
            .iter()
            .any(|r| r.group == *group && r.type_name == *type_name);
        let text = LinkedPage {
            type_name,
            group,
            in_spec,
        }
        .render()
        .map_err(|e| {
            Error::new(format!(
                "cannot render the page of {group}/{type_name}: {e}"
            ))
        })?;
        files.push((page_path(group, type_name), text));
    }
    files.extend(categories(
        paged.union(&linked).map(|(group, _)| group.as_str()),
    ));
    Ok(files)
}

/// Where the page of a type lives; pages link to each other by this path.
fn page_path(group: &str, type_name: &str) -> PathBuf {
    PathBuf::from(group).join(format!("{type_name}.md"))
}

/// A Docusaurus `_category_.json` per group folder: the group's name as the sidebar
/// label, and an index page listing the folder's pages, so a group is a page too.
fn categories<'a>(groups: impl Iterator<Item = &'a str>) -> Vec<(PathBuf, String)> {
    let groups: BTreeSet<&str> = groups.collect();
    groups
        .into_iter()
        .map(|group| {
            let category =
                json!({ "label": group, "link": { "type": "generated-index", "title": group } });
            (
                PathBuf::from(group).join("_category_.json"),
                format!("{category:#}\n"),
            )
        })
        .collect()
}

fn page(
    resource: &Resource<'_>,
    dependencies: &[Dependency],
    schemas: &mut Schemas<'_>,
) -> Result<String> {
    let options = InspectOptions {
        depth: SCHEMA_DEPTH,
        budget: SCHEMA_BUDGET,
        ..InspectOptions::default()
    };
    let body = match resource.put {
        Some(put) => schemas.body(put)?,
        None => None,
    };
    let schema = match body {
        Some(root) => inspect_graph(schemas.graph(), root, &options),
        None => inspect(&Value::String(String::new()), &options),
    };
    let examples = resource
        .put
        .map(|put| put.examples.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|example| {
            let document = schemas.example(example)?;
            let snippet = Snippet {
                group: resource.group.clone(),
                type_name: resource.type_name.clone(),
                body: example_body(document),
                dependencies: dependencies.to_vec(),
            };
            Ok(ExampleBlock {
                name: mdx_text(&one_line(&example.name)),
                code: format_snippet(&snippet),
            })
        })
        .collect::<Result<_>>()?;
    Page {
        type_name: &resource.type_name,
        group: &resource.group,
        examples,
        dependencies,
        schema,
        api_version: code_span(&one_line(&resource.api_version)),
        spec_path: url_path(&slash_path(&resource.spec.path)),
    }
    .render()
    .map_err(|e| {
        Error::in_file(
            &resource.spec.path,
            format!("cannot render the page of {}: {e}", resource.type_name),
        )
    })
}

/// Whether `name` can be a file or folder name of a page and sit on one Markdown line:
/// a group or type name becomes `<docs>/<Group>/<Type>.md` and the page's title, so
/// `/`, `..` or a line break would move the page or break its front matter.
fn is_page_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

/// Spec text for one line of a page (a heading): control characters, line breaks above
/// all, become spaces, so the text cannot start a line of its own such as a code fence.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Spec text for the running text of a page, which the docs site reads as MDX: `<`
/// would open a JSX element or HTML tag, `{` an expression, `[` a link, and a
/// backslash could undo these escapes; each is escaped with a backslash, which CommonMark
/// and MDX both read as the character itself. Nothing else changes, so pages of real
/// specs keep the reference's bytes.
fn mdx_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '<' | '>' | '{' | '}' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Spec text as an inline code span, whose content MDX reads as plain text: a run of
/// backticks inside is fenced by a longer run (CommonMark), never ending the span early.
fn code_span(text: &str) -> String {
    let longest = text
        .split(|c| c != '`')
        .map(str::len)
        .max()
        .unwrap_or_default();
    if longest == 0 {
        return format!("`{text}`");
    }
    let fence = "`".repeat(longest + 1);
    format!("{fence} {text} {fence}")
}

/// A relative path for a URL: anything but unreserved characters and `/` is
/// percent-encoded, so the path cannot end the Markdown link it sits in.
fn url_path(path: &str) -> String {
    const PATH: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'_')
        .remove(b'.')
        .remove(b'~')
        .remove(b'/');
    percent_encoding::utf8_percent_encode(path, PATH).to_string()
}

/// The request body an example shows: the first parameter value that is a non-empty
/// object or array.
fn example_body(example: &Value) -> Option<Value> {
    let parameters = example.get("parameters")?.as_object()?;
    let first = parameters
        .values()
        .find(|value| value.is_object() || value.is_array())?;
    let empty = match first {
        Value::Object(entries) => entries.is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    };
    (!empty).then(|| first.clone())
}
