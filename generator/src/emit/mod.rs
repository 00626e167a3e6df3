//! Stage 4: one emitter per output, each a pure function of the [`Model`](crate::model::Model).
//! Emitters read nothing but the model: what a schema or an operation means is decided
//! there, once, and here it is only written out.

pub mod client;
pub mod docs;
mod format;
pub mod models;
mod rustdoc;
mod syntax;
mod tokens;

#[cfg(test)]
mod tests {
    /// The stages before the model (files, `$ref`s, raw Swagger) are the model's business:
    /// no emitter names them.
    #[test]
    fn emitters_read_only_the_model() {
        let mut pending = vec![std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/emit")];
        let mut files = 0;
        while let Some(path) = pending.pop() {
            if path.is_dir() {
                pending.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            // Unit tests may load specs to feed an emitter.
            let text = text.split("#[cfg(test)]").next().unwrap_or_default();
            // A path through the stage (`resolve::Location`), or the stage in a group of
            // imports (`use crate::{load, model}`).
            let groups = text
                .split("crate::{")
                .skip(1)
                .map(|g| &g[..g.find('}').unwrap_or(g.len())]);
            let grouped: Vec<&str> = groups.flat_map(|g| g.split(',').map(str::trim)).collect();
            for stage in ["resolve", "load", "swagger"] {
                let named = text.contains(&format!("{stage}::")) || grouped.contains(&stage);
                assert!(!named, "{} names the stage `{stage}`", path.display());
            }
            files += 1;
        }
        assert!(files > 5, "found the emitters' files");
    }
}
