//! `kgraph entities`: the nodes of the inputs' graph as a table.

use anyhow::Result;

use crate::cli::Status;
use crate::cli::args::QueryArgs;
use crate::cli::table::{Table, truncate};

/// Runs `kgraph entities`: one row per node, sorted by id.
pub fn run(args: QueryArgs) -> Result<Status> {
    let (graph, _, reporter) = super::query_graph(&args)?;
    let mut table = Table::new(&["ID", "TYPE", "LABEL", "DOCS", "ALIASES"], &["DOCS"]);
    for node in graph.nodes() {
        table.row(vec![
            node.id.clone(),
            node.entity_type.to_string(),
            node.label.clone(),
            node.docs.len().to_string(),
            truncate(&node.aliases.join(", "), 80),
        ]);
    }
    table.print()?;
    Ok(reporter.finish(Some(graph.node_count()), Some(graph.edge_count())))
}
