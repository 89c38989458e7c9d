//! The extraction engine the subcommands share: a pipeline, a thread pool,
//! and streaming, batched, parallel extraction.
//!
//! Documents are read lazily on the calling thread, a batch at a time, while
//! the previous batch is extracted in parallel on the pool and the facts of
//! the one before are handed on; each batch is dropped once its facts are
//! out. Facts reach the sink in input order, so
//! `kgraph extract` prints them in a stable order and the memory held is a
//! couple of batches of text plus the facts.

use std::path::Path;
use std::sync::mpsc;

use anyhow::{Context, Result};
use kgraph::{DocFacts, Document, GraphBuilder, KnowledgeGraph, Pipeline};
use rayon::prelude::*;

use super::args::InputArgs;
use super::report::Reporter;

/// Most documents in one batch.
const BATCH_DOCS: usize = 256;
/// Most bytes of text in one batch (a batch holds at least one document).
const BATCH_BYTES: usize = 1 << 20;

/// A configured pipeline and its worker threads.
#[derive(Debug)]
pub struct Engine {
    pipeline: Pipeline,
    pool: rayon::ThreadPool,
}

/// A library error with the file it concerns named once: the library's own
/// message already names its file where it has one.
pub fn lib_error(err: kgraph::Error, what: impl FnOnce() -> String) -> anyhow::Error {
    if err.path().is_some() {
        anyhow::Error::new(err)
    } else {
        anyhow::Error::new(err).context(what())
    }
}

impl Engine {
    /// Loads the rules files and starts the thread pool.
    ///
    /// # Errors
    /// Fails when a rules file cannot be read or is malformed (naming the
    /// file and line).
    pub fn new(input: &InputArgs, max_evidence: Option<u32>) -> Result<Engine> {
        Engine::with_rules(&input.rules, input.threads, max_evidence)
    }

    /// An engine from its parts (`kgraph merge` has no rules).
    pub fn with_rules(
        rules: &[impl AsRef<Path>],
        threads: Option<u16>,
        max_evidence: Option<u32>,
    ) -> Result<Engine> {
        let mut builder = Pipeline::builder();
        for path in rules {
            let path = path.as_ref();
            builder = builder.rules_file(path).map_err(|e| {
                lib_error(e, || format!("cannot load rules file {}", path.display()))
            })?;
        }
        if let Some(n) = max_evidence {
            builder = builder.max_evidence(n as usize);
        }
        let pipeline = builder
            .build()
            .map_err(|e| lib_error(e, || "bad rules".into()))?;
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.map_or(0, usize::from))
            .thread_name(|i| format!("kgraph-{i}"))
            .build()
            .context("cannot start worker threads")?;
        Ok(Engine { pipeline, pool })
    }

    /// The worker threads.
    pub fn pool(&self) -> &rayon::ThreadPool {
        &self.pool
    }

    /// The pipeline.
    pub fn pipeline(&self) -> &Pipeline {
        &self.pipeline
    }

    /// Extracts every document, in parallel, and hands the facts to `sink`
    /// in input order.
    ///
    /// # Errors
    /// Fails when `sink` fails.
    pub fn extract_each(
        &self,
        docs: impl Iterator<Item = Document>,
        reporter: &Reporter,
        mut sink: impl FnMut(DocFacts) -> Result<()>,
    ) -> Result<()> {
        let mut docs = docs;
        let pipeline = &self.pipeline;
        let pool = &self.pool;
        std::thread::scope(|scope| {
            // Three stages overlap: while the pool extracts batch N, this
            // thread reads batch N+1 and hands the facts of batch N-1 to
            // `sink`, so reading and merging cost no extraction time. One
            // feeder thread hands the batches to the pool for the whole run.
            let (to_pool, batches) = mpsc::sync_channel::<Vec<Document>>(1);
            let (to_sink, extracted) = mpsc::sync_channel(1);
            let feeder = scope.spawn(move || {
                for batch in batches {
                    let facts: Vec<(DocFacts, usize)> = pool.install(|| {
                        batch
                            .par_iter()
                            .map(|doc| (pipeline.extract(doc), doc.text().len()))
                            .collect()
                    });
                    if to_sink.send(facts).is_err() {
                        break; // the run failed: nothing reads on
                    }
                }
            });
            let mut more = true;
            let mut in_flight = 0;
            'run: loop {
                // Two batches with the pool: one being extracted, the next waiting.
                while more && in_flight < 2 {
                    let batch = next_batch(&mut docs);
                    more = !batch.is_empty();
                    if more {
                        if to_pool.send(batch).is_err() {
                            break 'run; // the feeder panicked
                        }
                        in_flight += 1;
                    }
                }
                if in_flight == 0 {
                    break;
                }
                let Ok(done) = extracted.recv() else {
                    break; // the feeder panicked
                };
                in_flight -= 1;
                for (facts, bytes) in done {
                    reporter.document(bytes);
                    // Caps hit and similar: say so, naming the document.
                    for note in &facts.notes {
                        reporter.warning(&format!("{}: {note}", facts.doc));
                    }
                    sink(facts)?;
                }
            }
            drop(to_pool);
            match feeder.join() {
                Ok(()) => Ok(()),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    }

    /// Extracts every document and merges the facts into a graph; also
    /// returns the number of distinct documents.
    pub fn build_graph(
        &self,
        docs: impl Iterator<Item = Document>,
        reporter: &Reporter,
    ) -> Result<(KnowledgeGraph, usize)> {
        let mut builder = self.pipeline.graph_builder();
        self.extract_each(docs, reporter, |facts| {
            builder.add(facts);
            Ok(())
        })?;
        let count = builder.document_count();
        Ok((self.finish(builder), count))
    }

    /// Finishes a merge: on the pool when it has several threads; on this
    /// thread when it has one, as the builder's memory was allocated here
    /// and is then freed where it can be used again at once.
    pub fn finish(&self, builder: GraphBuilder) -> KnowledgeGraph {
        if self.pool.current_num_threads() > 1 {
            self.pool.install(|| builder.finish())
        } else {
            builder.finish()
        }
    }
}

fn next_batch(docs: &mut impl Iterator<Item = Document>) -> Vec<Document> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    while batch.len() < BATCH_DOCS && bytes < BATCH_BYTES {
        let Some(doc) = docs.next() else { break };
        bytes += doc.text().len();
        batch.push(doc);
    }
    batch
}
