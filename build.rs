//! Embeds the sample corpus (`examples/corpus/*.txt`) in the binary.
//!
//! Writes `$OUT_DIR/sample_corpus.rs`: a `&[(&str, &str)]` of (file name,
//! text), sorted by file name, built from `include_str!` of each file, so
//! `kgraph build` with no input works from an installed binary too. The list
//! is generated rather than written by hand because the corpus grows.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::{env, fs};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=examples/corpus");

    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let corpus = manifest.join("examples").join("corpus");

    let mut files: Vec<(String, PathBuf)> = match fs::read_dir(&corpus) {
        Ok(entries) => entries
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.path())
            .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "txt"))
            .filter_map(|path| {
                let name = path.file_name()?.to_str()?.to_string();
                Some((name, path))
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();

    let mut code = String::from(
        "/// The embedded sample corpus: (file name, text), sorted by name.\n\
         pub(crate) static SAMPLE_CORPUS: &[(&str, &str)] = &[\n",
    );
    for (name, path) in &files {
        // `{:?}` gives valid Rust string literals for both the name and the path.
        let path = path.to_str().expect("corpus path is not UTF-8");
        writeln!(code, "    ({name:?}, include_str!({path:?})),").expect("write to String");
    }
    code.push_str("];\n");

    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR")).join("sample_corpus.rs");
    fs::write(&out, code).expect("write sample_corpus.rs");
}
