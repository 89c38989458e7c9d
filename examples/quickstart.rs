//! # Quickstart: three sentences in, typed edges out
//!
//! Builds a pipeline with the built-in gazetteer and rules, runs it over one
//! short document and prints every edge with its status, amount and the
//! sentence that states it.
//!
//! Run with `cargo run --example quickstart`.

use kgraph::{Document, Pipeline};

fn main() {
    if let Err(err) = try_main() {
        eprintln!("error: {err}");
        std::process::exit(1);
    }
}

fn try_main() -> Result<(), kgraph::Error> {
    // # Step 1: a pipeline, configured once and frozen.
    let pipeline = Pipeline::builder().build()?;

    // # Step 2: a document. Its id names it in the evidence of every edge.
    let doc = Document::new(
        "quickstart.txt",
        "Meta Platforms, Inc. agreed to invest $14.3 billion in Scale AI for a 49% stake. \
         Alexandr Wang, the chief executive of Scale AI, will join Meta. \
         Meta bought WhatsApp for $19 billion in 2014.",
    );

    // # Step 3: extract and merge into a graph.
    let graph = pipeline.build(vec![doc]);
    println!(
        "{} entities, {} edges",
        graph.node_count(),
        graph.edge_count()
    );

    // # Step 4: print each edge with its facts and evidence.
    for edge in graph.edges() {
        let label = |id: &str| graph.node(id).map_or(id.to_string(), |n| n.label.clone());
        let status = edge
            .status
            .map_or("asserted".to_string(), |s| s.to_string());
        let amount = edge
            .amount_usd
            .map_or(String::new(), |a| format!(" ${:.1}B", a / 1e9));
        println!(
            "{} -{}-> {} [{}{}]",
            label(&edge.source),
            edge.kind,
            label(&edge.target),
            status,
            amount
        );
        if let Some(ev) = edge.evidence.first() {
            println!(
                "    because: {} ({} sentence {})",
                ev.text, ev.doc, ev.sentence
            );
        }
    }
    Ok(())
}
