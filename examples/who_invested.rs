//! # Who invested in X? Querying the graph
//!
//! Builds the graph of the bundled sample corpus (`examples/corpus/`) and
//! answers "who invested in Scale AI?" through the typed query API: `find`
//! resolves a name through aliases, `in_edges` lists incoming edges, and
//! each edge carries its amount, status and evidence.
//!
//! Run with `cargo run --example who_invested -- [NAME]`.

use kgraph::{Document, Pipeline, RelationKind};

fn main() {
    if let Err(err) = try_main() {
        eprintln!("error: {err}");
        std::process::exit(1);
    }
}

fn try_main() -> Result<(), Box<dyn std::error::Error>> {
    let name = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "Scale AI".to_string());

    // # Step 1: load the sample corpus from disk.
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus");
    let mut docs = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(&corpus)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        let id = path
            .file_name()
            .map(|f| f.to_string_lossy().to_string())
            .unwrap_or_default();
        docs.push(Document::new(id, std::fs::read_to_string(&path)?));
    }

    // # Step 2: build the graph.
    let graph = Pipeline::builder().build()?.build(docs);

    // # Step 3: find the company by any of its names.
    let Some(target) = graph.find(&name) else {
        return Err(format!("no entity named {name:?}").into());
    };
    println!("Investors in {} ({}):", target.label, target.id);

    // # Step 4: incoming invests_in edges, with facts and evidence.
    for edge in graph.in_edges(&target.id) {
        if edge.kind != RelationKind::InvestsIn {
            continue;
        }
        let investor = graph
            .node(&edge.source)
            .map_or(edge.source.as_str(), |n| n.label.as_str());
        let amount = edge
            .amount_usd
            .map_or("amount not stated".to_string(), |a| {
                format!("${:.1} billion", a / 1e9)
            });
        let status = edge
            .status
            .map_or("asserted".to_string(), |s| s.to_string());
        println!(
            "- {investor}: {amount}, {status}, stated in {} document(s)",
            edge.support
        );
        for ev in &edge.evidence {
            println!("    {} #{}: {}", ev.doc, ev.sentence, ev.text);
        }
        if !edge.amount_usd_alt.is_empty() {
            println!("    other amounts reported: {:?}", edge.amount_usd_alt);
        }
    }
    Ok(())
}
