//! Cutting a readable picture out of a big graph.
//!
//! A real archive gives thousands of nodes, more than Graphviz can lay out
//! or a person can read. A [`GraphFilter`] keeps only some relation types,
//! edges stated often or confidently enough, and optionally the
//! neighbourhood of one entity; every format then shows the same cut.

use std::collections::{BTreeSet, VecDeque};

use super::{Edge, KnowledgeGraph, Node};
use crate::error::{Error, ErrorKind, Result};
use crate::kinds::RelationKind;

/// Which part of a graph to keep.
///
/// # Example
/// ```
/// use kgraph::{Document, GraphFilter, Pipeline, RelationKind};
/// let graph = Pipeline::builder().build()?.build(vec![Document::new(
///     "d",
///     "Halvard Systems Inc acquired Norrik Labs Inc. Dana Okafor, chief executive of Halvard Systems, approved it.",
/// )]);
/// let deals = graph.filter(&GraphFilter {
///     relations: vec![RelationKind::Acquired],
///     ..GraphFilter::default()
/// })?;
/// assert_eq!(deals.edge_count(), 1);
/// assert_eq!(deals.node_count(), 2);
/// # Ok::<(), kgraph::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GraphFilter {
    /// Keep only these relation types (empty: all).
    pub relations: Vec<RelationKind>,
    /// Keep only edges stated in at least this many documents.
    pub min_support: usize,
    /// Keep only edges with at least this confidence.
    pub min_confidence: f64,
    /// Keep only the neighbourhood of this entity (found by name or alias).
    pub focus: Option<String>,
    /// How many edges away from the focus to go (ignoring direction).
    pub hops: usize,
}

impl GraphFilter {
    /// Whether the filter keeps everything.
    pub fn is_empty(&self) -> bool {
        self.relations.is_empty()
            && self.min_support <= 1
            && self.min_confidence <= 0.0
            && self.focus.is_none()
    }

    fn keeps(&self, e: &Edge) -> bool {
        (self.relations.is_empty() || self.relations.contains(&e.kind))
            && e.support >= self.min_support
            && e.confidence >= self.min_confidence
    }
}

impl KnowledgeGraph {
    /// A new graph with only the part `filter` keeps. When the filter
    /// restricts edges, nodes left without an edge are dropped (the focus
    /// node always stays); the merge log keeps the surviving nodes' lines.
    ///
    /// # Errors
    /// Fails when the focus names no entity of the graph.
    pub fn filter(&self, filter: &GraphFilter) -> Result<KnowledgeGraph> {
        if filter.is_empty() {
            return Ok(self.clone());
        }
        let mut edges: Vec<&Edge> = self.edges().filter(|e| filter.keeps(e)).collect();
        let mut keep: BTreeSet<&str> = BTreeSet::new();
        if let Some(name) = &filter.focus {
            let focus = self.find(name).ok_or_else(|| {
                Error::new(
                    ErrorKind::Usage,
                    format!("--focus {name:?}: no entity of that name or alias"),
                )
            })?;
            // Breadth-first over kept edges, both directions.
            let mut seen: BTreeSet<&str> = BTreeSet::new();
            seen.insert(&focus.id);
            let mut queue = VecDeque::from([(focus.id.as_str(), 0usize)]);
            while let Some((id, depth)) = queue.pop_front() {
                if depth == filter.hops {
                    continue;
                }
                for e in &edges {
                    let other = if e.source == id {
                        e.target.as_str()
                    } else if e.target == id {
                        e.source.as_str()
                    } else {
                        continue;
                    };
                    if seen.insert(other) {
                        queue.push_back((other, depth + 1));
                    }
                }
            }
            edges.retain(|e| seen.contains(e.source.as_str()) && seen.contains(e.target.as_str()));
            keep.insert(&focus.id);
        }
        for e in &edges {
            keep.insert(&e.source);
            keep.insert(&e.target);
        }
        let nodes: Vec<Node> = self
            .nodes()
            .filter(|n| keep.contains(n.id.as_str()))
            .cloned()
            .collect();
        let edges: Vec<Edge> = edges.into_iter().cloned().collect();
        let log = self.merge_log.filtered(|node| keep.contains(node));
        Ok(KnowledgeGraph::from_parts(nodes, edges, log))
    }
}
