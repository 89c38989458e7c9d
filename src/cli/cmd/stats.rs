//! `kgraph stats`: counts of documents, nodes by type and edges by type.

use anyhow::Result;
use kgraph::{EntityType, RelationKind};

use crate::cli::Status;
use crate::cli::args::QueryArgs;
use crate::cli::table::Table;

/// Runs `kgraph stats`: every node type and relation kind is listed, with
/// zero counts too, so the output has the same shape for every input.
pub fn run(args: QueryArgs) -> Result<Status> {
    let (graph, documents, reporter) = super::query_graph(&args)?;
    let mut table = Table::headless(2, &[1]);
    table.row(vec!["documents".into(), documents.to_string()]);
    table.row(vec!["nodes".into(), graph.node_count().to_string()]);
    for &t in EntityType::ALL.iter().filter(|t| t.is_node()) {
        let n = graph.nodes_of_type(t).count();
        table.row(vec![format!("  {t}"), n.to_string()]);
    }
    table.row(vec!["edges".into(), graph.edge_count().to_string()]);
    for &k in RelationKind::ALL {
        let n = graph.edges_of_kind(k).count();
        table.row(vec![format!("  {k}"), n.to_string()]);
    }
    table.print()?;
    Ok(reporter.finish(Some(graph.node_count()), Some(graph.edge_count())))
}
