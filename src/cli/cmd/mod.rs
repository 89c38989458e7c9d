//! One module per subcommand, each with a `run` function.

pub mod build;
pub mod entities;
pub mod extract;
pub mod merge;
pub mod relations;
pub mod stats;

use anyhow::{Result, bail};
use kgraph::KnowledgeGraph;

use super::args::QueryArgs;
use super::engine::Engine;
use super::inputs;
use super::report::Reporter;

/// Builds the graph of the inputs for the read-only subcommands
/// (`entities`, `relations`, `stats`); also returns the document count and
/// the reporter, whose `finish` the caller calls after printing.
fn query_graph(args: &QueryArgs) -> Result<(KnowledgeGraph, usize, Reporter)> {
    let engine = Engine::new(&args.input, None)?;
    let reporter = Reporter::new(args.report.quiet, args.report.strict);
    let docs = inputs::documents(&args.input, &reporter);
    let (graph, count) = engine.build_graph(docs, &reporter)?;
    if count == 0 {
        reporter.finish(Some(0), Some(0));
        bail!("no documents were read");
    }
    Ok((graph, count, reporter))
}
