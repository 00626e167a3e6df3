//! Benchmarks of every stage on the real spec and of the whole pipeline on synthetic
//! specs of growing size. `cargo bench -p armgen`; results are recorded in BENCHMARKS.md.

#[path = "../../tests/support/synthetic.rs"]
mod synthetic;

use armgen::{emit, model, Generator};
use divan::{black_box, Bencher};
use std::path::PathBuf;

// The allocator of the `armgen` command, so that these figures are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

#[path = "../../tests/support/mod.rs"]
mod support;

#[divan::bench]
fn load_and_resolve(bencher: Bencher) {
    let manifest = support::manifest();
    bencher.bench(|| model::load(&manifest.spec_root, &manifest.specs).unwrap());
}

/// The model stage: the type space and the client's operations.
#[divan::bench]
fn model(bencher: Bencher) {
    let manifest = support::manifest();
    let api = model::load(&manifest.spec_root, &manifest.specs).unwrap();
    bencher.bench(|| model::Model::build(&api).unwrap().types.iter().count());
}

#[divan::bench(args = ["models", "client", "docs"])]
fn emitter(bencher: Bencher, which: &str) {
    let manifest = support::manifest();
    let api = model::load(&manifest.spec_root, &manifest.specs).unwrap();
    let model = model::Model::build(&api).unwrap();
    bencher.bench(|| match which {
        "models" => black_box(emit::models::emit(&model).unwrap()).len(),
        "client" => black_box(emit::client::emit(&model).unwrap()).len(),
        _ => black_box(emit::docs::emit(&model).unwrap()).len(),
    });
}

/// What `armgen --check` does in-process: load, resolve, every emitter, and the
/// comparison with the committed outputs.
#[divan::bench]
fn whole_pipeline(bencher: Bencher) {
    let manifest = support::manifest();
    let generator = Generator::from_manifest(&manifest);
    bencher.bench(|| {
        let generated = generator.generate().unwrap();
        assert!(generated
            .files
            .check(&manifest.output.dir)
            .unwrap()
            .is_fresh());
    });
}

#[divan::bench(args = [500, 1000, 5000], sample_count = 10)]
fn synthetic(bencher: Bencher, size: usize) {
    let root = tempfile::tempdir().unwrap();
    let spec: PathBuf = synthetic::write_spec(root.path(), size);
    let generator = Generator::new(root.path())
        .spec(spec)
        .models("models.rs")
        .client("client.rs")
        .docs("docs");
    bencher.bench(|| generator.generate().unwrap());
}
