//! kgraph turns news and business text into a knowledge graph: canonical
//! people and organisations as nodes, and typed, directed, evidenced edges
//! between them (`invests_in`, `acquired`, `leads`, `founded`, `works_for`,
//! `subsidiary_of`, `partners_with`, `competes_with`).
//!
//! It is rule-based and deterministic: a gazetteer, name patterns, trigger
//! lexicons and argument patterns, all data, no model. The same documents
//! give the same bytes in every export, in any order and on any number of
//! threads, and every edge carries the sentence and rule that produced it.
//!
//! # Overview
//!
//! - [`Document`]: one input text with a stable id ([`input`] reads files,
//!   folders, stdin and JSON-lines corpora).
//! - [`Pipeline`] (built with [`Pipeline::builder`]): the frozen
//!   configuration. [`Pipeline::extract`] is the pure per-document step, and
//!   [`Pipeline::build`] extracts many documents in parallel and merges them.
//! - [`DocFacts`]: what one document states; the seam between extraction
//!   and the merge (`kgraph extract` / `kgraph merge`).
//! - [`GraphBuilder`]: the deterministic merge into a [`KnowledgeGraph`],
//!   which answers typed queries ([`KnowledgeGraph::find`],
//!   [`KnowledgeGraph::edges_of_kind`], [`KnowledgeGraph::in_edges`], ...).
//! - [`export`]: one exporter per format behind the
//!   [`Exporter`](export::Exporter) trait, all walking one sorted
//!   [`GraphView`].
//! - [`EntityType`], [`RelationKind`] and [`Status`]: closed vocabularies
//!   with one name table each.
//!
//! # Pipeline
//!
//! ```text
//! Document -> text (tokens, sentences) -> recognize (mentions)
//!          -> resolve (entities) -> relate (edges + status, amount, stake)
//!          -> DocFacts -> GraphBuilder -> KnowledgeGraph -> GraphView -> exporters
//! ```
//!
//! # Example
//!
//! ```
//! use kgraph::{Document, Pipeline, RelationKind, Status};
//!
//! let pipeline = Pipeline::builder().build()?;
//! let graph = pipeline.build(vec![Document::new(
//!     "a.txt",
//!     "Halvard Systems Inc said it agreed to acquire Norrik Labs Inc for $240 million.",
//! )]);
//! let edge = graph.edges_of_kind(RelationKind::Acquired).next().unwrap();
//! assert_eq!(graph.node(&edge.source).unwrap().label, "Halvard Systems");
//! assert_eq!(edge.status, Some(Status::Announced));
//! assert_eq!(edge.amount_usd, Some(240e6));
//! # Ok::<(), kgraph::Error>(())
//! ```
//!
//! # Crate features
//!
//! - `cli` (default): the `kgraph` binary (clap, anyhow, indicatif). The
//!   library itself never depends on them.
#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod document;
pub mod error;
pub mod export;
pub mod extract;
pub mod facts;
pub mod graph;
mod hash;
pub mod kinds;
pub mod resolve;
mod strings;
#[cfg(test)]
mod test_rng;

pub use document::{Document, Meta};
pub use error::{Error, ErrorKind, Result};
pub use facts::{DocFacts, EntityFact, Evidence, MentionFact, RelationFact};
pub use graph::{
    DocIds, Edge, GraphBuilder, GraphFilter, GraphView, KnowledgeGraph, MergeOptions, MergeRecord,
    Node,
};
pub use kinds::{EntityType, RelationKind, Status};
pub mod pipeline;
pub mod recognize;
pub mod relate;
pub use pipeline::{Pipeline, PipelineBuilder};
pub mod config;
pub mod input;
pub mod text;

/// The README's Rust examples run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
