//! Where the spec root is: one rule for the command, build scripts, tests and benches.

use std::fmt;
use std::path::{Path, PathBuf};

/// The environment variable that overrides a manifest's or a build script's spec root.
pub const ENV: &str = "ARMGEN_SPEC_ROOT";

/// Who chose the spec root, so that an error about it can say what to change.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Origin {
    /// The program calling the library (`Generator::new`), such as a build script.
    #[default]
    Caller,
    /// The command's `--spec-root` flag.
    Flag,
    /// The `ARMGEN_SPEC_ROOT` environment variable.
    Env,
    /// The `spec_root` of the manifest at this path.
    Manifest(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Caller => f.write_str("given to armgen::Generator::new"),
            Origin::Flag => f.write_str("set by --spec-root"),
            Origin::Env => write!(f, "set by {ENV}"),
            Origin::Manifest(path) => write!(
                f,
                "set by spec_root in {}, which --spec-root DIR or {ENV} override,",
                path.display()
            ),
        }
    }
}

/// `flag`, else a non-empty `ARMGEN_SPEC_ROOT`, else `current`. An empty variable counts
/// as unset, as shells make unsetting awkward.
pub fn choose(flag: Option<&Path>, current: (PathBuf, Origin)) -> (PathBuf, Origin) {
    if let Some(flag) = flag {
        return (flag.to_path_buf(), Origin::Flag);
    }
    match std::env::var_os(ENV).filter(|root| !root.is_empty()) {
        Some(root) => (PathBuf::from(root), Origin::Env),
        None => current,
    }
}

/// `path` with `.` and `folder/..` folded away, so printed paths read
/// `generated/src/client.rs`, not `specs/../generated/src/client.rs`. A `folder` that is a
/// symlink stays (its `..` is the parent of the link's target), as does a leading `..`.
pub fn tidy(path: &Path) -> PathBuf {
    use std::path::Component;
    let mut tidy = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(tidy.components().next_back(), Some(Component::Normal(_)))
                    && !tidy.is_symlink() =>
            {
                tidy.pop();
            }
            other => tidy.push(other),
        }
    }
    if tidy.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        tidy
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tidy_folds_what_needs_no_file_system() {
        for (path, tidied) in [
            (
                "specs/../generated/src/client.rs",
                "generated/src/client.rs",
            ),
            ("./specs/./armgen.toml", "specs/armgen.toml"),
            ("../x/../y", "../y"),
            ("../../a", "../../a"),
            ("/a/b/../c", "/a/c"),
            ("a/..", "."),
        ] {
            assert_eq!(tidy(Path::new(path)), Path::new(tidied), "{path}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn tidy_keeps_the_parent_of_a_symlink() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("real/inner")).unwrap();
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(dir.path().join("real/inner"), &link).unwrap();
        let through_link = link.join("../x");
        assert_eq!(tidy(&through_link), through_link);
    }
}
