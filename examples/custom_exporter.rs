//! # A custom exporter: Mermaid flowcharts
//!
//! Implements the `Exporter` trait for a format kgraph does not ship,
//! Mermaid (`graph LR` flowcharts, rendered by GitHub and many wikis). An
//! exporter only formats: it walks the same sorted `GraphView` as the
//! built-in ones, so its output is deterministic too.
//!
//! Run with `cargo run --example custom_exporter`.

use std::io::Write;

use kgraph::export::Exporter;
use kgraph::{Document, GraphView, Pipeline};

/// Writes a Mermaid flowchart.
struct Mermaid;

impl Mermaid {
    /// Mermaid node ids must be simple: use the node's position.
    fn escape(label: &str) -> String {
        label.replace('"', "#quot;")
    }
}

impl Exporter for Mermaid {
    fn files(&self) -> &'static [&'static str] {
        &["graph.mmd"]
    }

    fn write_file(
        &self,
        view: &GraphView<'_>,
        _file: usize,
        out: &mut dyn Write,
    ) -> kgraph::Result<()> {
        // # Step 1: one line per node, ids by position in the sorted view.
        writeln!(out, "graph LR")?;
        let mut index = std::collections::HashMap::new();
        for (i, node) in view.nodes().iter().enumerate() {
            index.insert(node.id.as_str(), i);
            writeln!(out, "    n{i}[\"{}\"]", Self::escape(&node.label))?;
        }
        // # Step 2: one line per edge, labelled with the relation in words.
        for edge in view.edges() {
            let (Some(s), Some(t)) = (
                index.get(edge.source.as_str()),
                index.get(edge.target.as_str()),
            ) else {
                continue;
            };
            writeln!(out, "    n{s} -->|{}| n{t}", edge.kind.words())?;
        }
        Ok(())
    }
}

fn main() {
    if let Err(err) = try_main() {
        eprintln!("error: {err}");
        std::process::exit(1);
    }
}

fn try_main() -> Result<(), kgraph::Error> {
    // # Step 3: build a graph and write it with the new exporter.
    let graph = Pipeline::builder().build()?.build(vec![Document::new(
        "m.txt",
        "Halvard Systems Inc acquired Norrik Labs Inc. Dana Okafor, chief executive of Halvard Systems, said the deal closed.",
    )]);
    let mut out = Vec::new();
    Mermaid.write_file(&graph.view(), 0, &mut out)?;
    print!("{}", String::from_utf8_lossy(&out));
    Ok(())
}
