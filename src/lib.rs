//! kgraph turns news and business text into a knowledge graph.
#![deny(missing_docs)]

pub mod document;
pub mod error;
pub mod export;
pub mod extract;
pub mod facts;
pub mod graph;
pub mod kinds;
pub mod resolve;

pub use document::Document;
pub use error::{Error, ErrorKind, Result};
pub use facts::{DocFacts, EntityFact, Evidence, MentionFact, RelationFact};
pub use graph::{Edge, GraphBuilder, GraphView, KnowledgeGraph, MergeOptions, MergeRecord, Node};
pub use kinds::{EntityType, RelationKind, Status};
pub mod pipeline;
pub mod recognize;
pub mod relate;
pub use pipeline::{Pipeline, PipelineBuilder};
pub mod config;
pub mod input;
pub mod text;
