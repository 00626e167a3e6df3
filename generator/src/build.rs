//! Running armgen from a crate's `build.rs`, so that the models and the client are
//! generated into `OUT_DIR` at build time instead of being committed.
//!
//! The build script names the spec root (relative paths are relative to the crate's
//! folder, where cargo runs build scripts), the spec files and the outputs (relative to
//! `OUT_DIR`), then calls [`Generator::build_script`]:
//!
//! ```no_run
//! // build.rs; with `armgen` in [build-dependencies].
//! fn main() {
//!     armgen::Generator::new("../azure-rest-api-specs/specification")
//!         .spec("containerregistry/resource-manager/Microsoft.ContainerRegistry/preview/2021-08-01-preview/containerregistry.json")
//!         .models("models.rs")
//!         .client("client.rs")
//!         .build_script();
//! }
//! ```
//!
//! The crate includes the outputs as two sibling modules. The client names the models
//! `super::models`, so the models' module must be called `models` and sit beside the
//! client's (at the crate root or nested anywhere):
//!
//! ```ignore
//! // src/lib.rs
//! #[allow(clippy::enum_variant_names)] // variants come from the spec's values
//! pub mod models {
//!     include!(concat!(env!("OUT_DIR"), "/models.rs"));
//! }
//! #[allow(clippy::too_many_arguments)] // one argument per required parameter
//! pub mod client {
//!     include!(concat!(env!("OUT_DIR"), "/client.rs"));
//! }
//! ```
//!
//! The crate needs the dependencies of the emitted code: `serde` (with `derive`),
//! `serde_json` and `armgen-runtime` (timestamps, enum conversions) for the models, plus
//! `http` for the client. With `armgen-runtime`'s default features
//! off, only the sans-IO functions (`<group>::<method>_request`, `parse_<method>`) are
//! compiled. The async `Client` is compiled when the including crate has a feature
//! `client` (enabling `armgen-runtime/client`), and `Client::new` over reqwest when it
//! has a feature `reqwest` (enabling `armgen-runtime/reqwest`): the emitted code tests
//! the features of the crate it is compiled in.

// The example above is a whole `build.rs`: its `fn main` is the point.
#![allow(clippy::needless_doctest_main)]

use crate::{Error, Generated, Generator, Result};
use std::io::Write;
use std::path::Path;

/// The cargo features the emitted code tests with `cfg(feature = ..)`. Declared to rustc's
/// `check-cfg`, so a crate that leaves some undeclared gets no `unexpected_cfgs` warnings.
pub const FEATURES: &[&str] = &["client", "reqwest", "examples", "roundtrip"];

impl Generator {
    /// Generates into `OUT_DIR` and tells cargo to rerun only when a file read changes.
    ///
    /// On an error (a bad spec, a missing file, `OUT_DIR` unset), prints the message
    /// the `armgen` command would print, naming the file and the JSON pointer, as
    /// `cargo:warning=` lines and on stderr, then exits with code 1: the build fails
    /// without a panic. Use [`Generator::generate_for_cargo`] to handle the error
    /// yourself.
    pub fn build_script(&self) {
        let out_dir = std::env::var_os("OUT_DIR").ok_or_else(|| {
            Error::new("OUT_DIR is not set: build_script() is for build scripts run by cargo")
        });
        let mut stdout = std::io::stdout().lock();
        let result = out_dir.and_then(|dir| self.generate_for_cargo(dir.as_ref(), &mut stdout));
        if let Err(error) = result {
            let message = format!("armgen: error: {error}");
            for line in message.lines() {
                // Nothing to do if stdout is closed: the exit code still fails the build.
                let _ = writeln!(stdout, "cargo:warning={line}");
            }
            eprintln!("{message}");
            std::process::exit(1);
        }
    }

    /// What [`Generator::build_script`] does, returning the error instead of exiting:
    /// generates, writes the outputs into `out_dir` (all-or-nothing, leaving unchanged
    /// files untouched), then prints to `cargo` one `cargo:rerun-if-changed=` line per
    /// file read (every spec, every `$ref`erenced file, every example) and the
    /// `cargo:rustc-check-cfg=` line declaring [`FEATURES`].
    ///
    /// Because it prints `rerun-if-changed` lines, cargo reruns the build script only
    /// when one of those files changes (or the build script itself), not on every change
    /// in the package.
    pub fn generate_for_cargo(&self, out_dir: &Path, cargo: &mut dyn Write) -> Result<Generated> {
        let generated = self.generate()?;
        generated.files.write(out_dir)?;
        let lost = |e: std::io::Error| Error::new(format!("cannot write to cargo: {e}"));
        for warning in &generated.warnings {
            writeln!(cargo, "cargo:warning=armgen: warning: {warning}").map_err(lost)?;
        }
        for input in &generated.inputs {
            writeln!(cargo, "cargo:rerun-if-changed={}", input.display()).map_err(lost)?;
        }
        let values: Vec<String> = FEATURES.iter().map(|f| format!("{f:?}")).collect();
        writeln!(
            cargo,
            "cargo:rustc-check-cfg=cfg(feature, values({}))",
            values.join(", ")
        )
        .map_err(lost)?;
        Ok(generated)
    }
}
