//! `kgraph extract`: per-document facts as JSON lines on stdout.
//!
//! This is the map step of a sharded build: nothing but fact lines goes to
//! stdout, one [`kgraph::DocFacts`] per document in input order. A run that
//! reads no document prints nothing and succeeds, so an empty partition of
//! a batch job is not a failure.

use std::io::Write;

use anyhow::{Context, Result};

use crate::cli::Status;
use crate::cli::args::ExtractArgs;
use crate::cli::engine::Engine;
use crate::cli::inputs;
use crate::cli::output;
use crate::cli::report::Reporter;

/// Runs `kgraph extract`.
pub fn run(args: ExtractArgs) -> Result<Status> {
    let engine = Engine::new(&args.input, None)?;
    let reporter = Reporter::new(args.report.quiet, args.report.strict);
    let docs = inputs::documents(&args.input, &reporter);
    let mut out = output::stdout();
    engine.extract_each(docs, &reporter, |facts| {
        serde_json::to_writer(&mut out, &facts)
            .with_context(|| format!("cannot write the facts of {}", facts.doc))?;
        out.write_all(b"\n").context("cannot write to stdout")
    })?;
    out.flush().context("cannot write to stdout")?;
    Ok(reporter.finish(None, None))
}
