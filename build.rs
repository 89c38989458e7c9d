//! Embeds the sample corpus (`examples/corpus/*.txt`) and the quantity
//! automata in the binary.
//!
//! Writes `$OUT_DIR/sample_corpus.rs`: a `&[(&str, &str)]` of (file name,
//! text), sorted by file name, built from `include_str!` of each file, so
//! `kgraph build` with no input works from an installed binary too. The list
//! is generated rather than written by hand because the corpus grows.
//!
//! Writes the DFAs of the quantity patterns (`src/text/quantity/`), so the
//! crate deserializes them instead of compiling the patterns at run time.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

// Some items are for the crate only (the word lists its readers take).
#[allow(dead_code)]
#[path = "src/text/quantity/patterns.rs"]
mod patterns;

#[path = "src/text/quantity/automata.rs"]
mod automata;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=examples/corpus");
    println!("cargo:rerun-if-changed=src/text/quantity/patterns.rs");
    println!("cargo:rerun-if-changed=src/text/quantity/automata.rs");

    let out_dir = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    write_quantity_automata(&out_dir);

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

    fs::write(out_dir.join("sample_corpus.rs"), code).expect("write sample_corpus.rs");
}

/// Writes each DFA of [`automata::DFAS`] to its file in `out_dir`, in the
/// byte order of the target, and [`automata::lead_max_len`] as a Rust
/// expression.
fn write_quantity_automata(out_dir: &Path) {
    let big_endian = env::var("CARGO_CFG_TARGET_ENDIAN").expect("CARGO_CFG_TARGET_ENDIAN") == "big";
    for (file, pattern) in automata::DFAS {
        let dfa = automata::dfa(&pattern());
        let (bytes, pad) = if big_endian {
            dfa.to_bytes_big_endian()
        } else {
            dfa.to_bytes_little_endian()
        };
        fs::write(out_dir.join(file), &bytes[pad..]).expect("write quantity DFA");
    }
    // Without a bound every position before a figure is searched.
    let max_len = automata::lead_max_len().map_or("usize::MAX".to_string(), |n| n.to_string());
    fs::write(out_dir.join("prefix_lead_max_len.rs"), max_len).expect("write lead bound");
}
