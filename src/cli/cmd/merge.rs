//! `kgraph merge`: fact files from `kgraph extract` in, the graph out.
//!
//! The merge is commutative and associative, so any sharding of a corpus,
//! extracted anywhere and merged here, gives the bytes a single `kgraph
//! build` gives. A document id seen twice is merged once (the first is
//! kept, with a warning), as `build` does with duplicate ids.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use kgraph::DocFacts;

use crate::cli::Status;
use crate::cli::args::MergeArgs;
use crate::cli::engine::Engine;
use crate::cli::output;
use crate::cli::report::Reporter;

/// Runs `kgraph merge`.
pub fn run(args: MergeArgs) -> Result<Status> {
    let plan = output::plan(&args.output)?;
    let no_rules: &[PathBuf] = &[];
    let engine = Engine::with_rules(no_rules, None, Some(args.output.max_evidence))?;
    let reporter = Reporter::new(args.quiet, false);
    let mut builder = engine.pipeline().graph_builder();
    let mut seen: HashMap<String, (PathBuf, usize)> = HashMap::new();
    let mut stdin_used = false;
    for path in &args.facts {
        let reader: Box<dyn BufRead> = if path.as_os_str() == "-" {
            if stdin_used {
                continue;
            }
            stdin_used = true;
            Box::new(io::stdin().lock())
        } else {
            let file = File::open(path)
                .with_context(|| format!("cannot open fact file {}", path.display()))?;
            Box::new(BufReader::with_capacity(1 << 16, file))
        };
        read_facts(path, reader, |line, facts| {
            if let Some((first, first_line)) = seen.get(&facts.doc) {
                reporter.warning(&format!(
                    "{}:{line}: duplicate document id {:?}, keeping the one from {}:{first_line}",
                    display(path),
                    facts.doc,
                    display(first),
                ));
                return;
            }
            seen.insert(facts.doc.clone(), (path.clone(), line));
            reporter.document(0);
            builder.add(facts);
        })?;
    }
    if builder.document_count() == 0 {
        reporter.finish(Some(0), Some(0));
        bail!("the fact files hold no document; nothing written");
    }
    let graph = engine.finish(builder);
    let graph = output::filtered(graph, &args.output)?;
    output::write(&plan, &graph, engine.pool())?;
    Ok(reporter.finish(Some(graph.node_count()), Some(graph.edge_count())))
}

fn display(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

/// Reads one fact file: a [`DocFacts`] per line, blank lines ignored.
fn read_facts(
    path: &Path,
    mut reader: impl BufRead,
    mut each: impl FnMut(usize, DocFacts),
) -> Result<()> {
    let mut line = String::new();
    let mut number = 0;
    loop {
        line.clear();
        number += 1;
        let n = reader
            .read_line(&mut line)
            .with_context(|| format!("cannot read fact file {}:{number}", display(path)))?;
        if n == 0 {
            return Ok(());
        }
        if line.trim().is_empty() {
            continue;
        }
        let facts: DocFacts = serde_json::from_str(&line).with_context(|| {
            format!(
                "{}:{number}: not a fact line from `kgraph extract`",
                display(path)
            )
        })?;
        each(number, facts);
    }
}
