//! `kgraph relations`: the edges of the inputs' graph as a table.

use anyhow::Result;

use crate::cli::Status;
use crate::cli::args::QueryArgs;
use crate::cli::table::{Table, money, percent};

/// Runs `kgraph relations`: one row per edge, sorted by (source, type,
/// target), with labels rather than ids.
pub fn run(args: QueryArgs) -> Result<Status> {
    let (graph, _, reporter) = super::query_graph(&args)?;
    let label = |id: &str| {
        graph
            .node(id)
            .map_or_else(|| id.to_string(), |n| n.label.clone())
    };
    let mut table = Table::new(
        &[
            "SOURCE", "TYPE", "TARGET", "STATUS", "AMOUNT", "STAKE", "SUPPORT",
        ],
        &["AMOUNT", "STAKE", "SUPPORT"],
    );
    for edge in graph.edges() {
        table.row(vec![
            label(&edge.source),
            edge.kind.to_string(),
            label(&edge.target),
            edge.status
                .map_or_else(|| "-".to_string(), |s| s.to_string()),
            edge.amount_usd.map_or_else(|| "-".to_string(), money),
            edge.stake_pct.map_or_else(|| "-".to_string(), percent),
            edge.support.to_string(),
        ]);
    }
    table.print()?;
    Ok(reporter.finish(Some(graph.node_count()), Some(graph.edge_count())))
}
