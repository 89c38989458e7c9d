//! The whole pipeline on arbitrary bytes: lossy UTF-8 decoding, then
//! `Pipeline::extract` and `Pipeline::build` must not panic.
#![no_main]

use std::sync::OnceLock;

use kgraph::{Document, Pipeline};
use libfuzzer_sys::fuzz_target;

fn pipeline() -> &'static Pipeline {
    static P: OnceLock<Pipeline> = OnceLock::new();
    P.get_or_init(|| {
        Pipeline::builder()
            .threads(1)
            .build()
            .unwrap_or_else(|e| panic!("default pipeline: {e}"))
    })
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let doc = Document::new("fuzz.txt", text.as_ref());
    let p = pipeline();
    let facts = p.extract(&doc);
    let graph = p.build(vec![doc]);
    // Sanity: every edge points at nodes of the graph.
    for e in graph.edges() {
        assert!(
            graph.node(&e.source).is_some(),
            "dangling source {}",
            e.source
        );
        assert!(
            graph.node(&e.target).is_some(),
            "dangling target {}",
            e.target
        );
    }
    let _ = facts;
});
