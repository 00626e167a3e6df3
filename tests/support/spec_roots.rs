//! Spec roots of several files for tests: a case's `specification/` folder copied into a
//! temporary folder with the vendored common-types v1 and v2 beside it, so the case's
//! `$ref`s reach them by the paths real specs use
//! (`../../../../../common-types/resource-management/v2/types.json`) without a copy of
//! them in the repository.

use std::path::Path;

/// A temporary spec root holding `specification` and the common-types v1 and v2 of
/// `vendored` (the `specification` folder of the vendored azure-rest-api-specs).
pub fn with_common_types(specification: &Path, vendored: &Path) -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    copy_tree(specification, root.path());
    let common = "common-types/resource-management";
    for version in ["v1", "v2"] {
        let from = vendored.join(common).join(version);
        copy_tree(&from, &root.path().join(common).join(version));
    }
    root
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
