//! The pipeline: configuration frozen at build time, a pure per-document
//! extraction step, and the deterministic merge.

use std::path::Path;

use rayon::prelude::*;

use crate::config::Rules;
use crate::document::Document;
use crate::error::Result;
use crate::extract::Extractor;
use crate::facts::DocFacts;
use crate::graph::{GraphBuilder, KnowledgeGraph, MergeOptions};

/// Builds a [`Pipeline`].
#[derive(Debug, Default)]
pub struct PipelineBuilder {
    threads: Option<usize>,
    merge: MergeOptions,
    rules: Vec<(std::path::PathBuf, String)>,
    loaded: Vec<Rules>,
}

impl PipelineBuilder {
    /// Loads a rules file (TOML; see the README for the format).
    ///
    /// # Errors
    /// Fails when the file cannot be read or is malformed; the error names
    /// the file and line.
    pub fn rules_file(mut self, path: impl AsRef<Path>) -> Result<PipelineBuilder> {
        self.loaded.push(Rules::load(path)?);
        Ok(self)
    }

    /// Adds rules given as TOML text (`origin` names them in errors; they
    /// are parsed by [`PipelineBuilder::build`]).
    pub fn rules_str(mut self, origin: &str, toml: &str) -> PipelineBuilder {
        self.rules.push((origin.into(), toml.to_string()));
        self
    }

    /// Number of worker threads for [`Pipeline::build`] (default: all cores).
    pub fn threads(mut self, n: usize) -> PipelineBuilder {
        self.threads = Some(n.max(1));
        self
    }

    /// Most evidence items kept per edge.
    pub fn max_evidence(mut self, n: usize) -> PipelineBuilder {
        self.merge.max_evidence = n.max(1);
        self
    }

    /// Builds the pipeline.
    ///
    /// # Errors
    /// Fails when a rules file is malformed (naming the file and line).
    pub fn build(self) -> Result<Pipeline> {
        let pool = match self.threads {
            Some(n) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| crate::Error::new(crate::ErrorKind::Usage, e.to_string()))?,
            ),
            None => None,
        };
        let mut rules = Rules::default();
        for r in self.loaded {
            rules.merge(r);
        }
        for (origin, text) in &self.rules {
            rules.merge(Rules::from_toml_str(origin, text)?);
        }
        Ok(Pipeline {
            pool,
            merge: self.merge,
            extractor: Extractor::new(&rules),
        })
    }
}

/// The extraction pipeline.
#[derive(Debug)]
pub struct Pipeline {
    pool: Option<rayon::ThreadPool>,
    merge: MergeOptions,
    extractor: Extractor,
}

impl Pipeline {
    /// Starts building a pipeline.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// Extracts the facts of one document. Pure: the same document always
    /// gives the same facts.
    pub fn extract(&self, doc: &Document) -> DocFacts {
        self.extractor.extract(doc)
    }

    /// A graph builder with this pipeline's merge options.
    pub fn graph_builder(&self) -> GraphBuilder {
        GraphBuilder::new(self.merge.clone())
    }

    /// Extracts every document and merges the facts, in parallel on this
    /// pipeline's threads ([`PipelineBuilder::threads`]) or else on rayon's
    /// global pool.
    pub fn build(&self, docs: impl IntoIterator<Item = Document>) -> KnowledgeGraph {
        let docs: Vec<Document> = docs.into_iter().collect();
        let run = || docs.par_iter().map(|d| self.extract(d)).collect::<Vec<_>>();
        let facts = match &self.pool {
            Some(pool) => pool.install(run),
            None => run(),
        };
        let mut builder = self.graph_builder();
        for f in facts {
            builder.add(f);
        }
        // The merge's last steps on the same threads as the extraction.
        match &self.pool {
            Some(pool) => pool.install(|| builder.finish()),
            None => rayon::scope(|_| builder.finish()),
        }
    }
}
