//! The sample corpus (`examples/corpus/*.txt`), embedded at compile time by
//! `build.rs` so that an installed `kgraph build` has it too.

use kgraph::Document;

include!(concat!(env!("OUT_DIR"), "/sample_corpus.rs"));

/// The sample documents, sorted by file name; each id is the file name.
pub fn documents() -> impl Iterator<Item = Document> {
    SAMPLE_CORPUS
        .iter()
        .map(|(name, text)| Document::new(*name, *text))
}
