//! The one deterministic view of the graph that every exporter walks.

use std::cmp::Ordering;
use std::sync::OnceLock;

use super::log::MergeLog;
use super::{Edge, MergeRecord, Node};

/// Nodes sorted by id and edges sorted by (source, type, target).
///
/// Built once per export run; exporters only format what it yields, so all
/// formats list the same things in the same order.
#[derive(Clone, Debug)]
pub struct GraphView<'g> {
    nodes: Vec<&'g Node>,
    edges: Vec<&'g Edge>,
    merge_log: &'g MergeLog,
    /// Per edge, in `edges` order: see [`GraphView::evidence_texts`].
    evidence: Vec<OnceLock<EvidenceTexts>>,
    /// Per edge, in `edges` order: see [`GraphView::edge_label`].
    labels: Vec<OnceLock<String>>,
}

/// Texts made from an edge's evidence that several formats write the same
/// way (the exporters decide how); made once per view, by the first format
/// that needs them, so formats written together share the work.
#[derive(Clone, Debug)]
pub(crate) struct EvidenceTexts {
    /// The evidence list as JSON text, or why it could not be serialised.
    pub(crate) json: Result<String, String>,
    /// The evidence sentences as one readable text.
    pub(crate) text: String,
}

impl<'g> GraphView<'g> {
    pub(crate) fn new(
        mut nodes: Vec<&'g Node>,
        mut edges: Vec<&'g Edge>,
        merge_log: &'g MergeLog,
    ) -> GraphView<'g> {
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        edges.sort_by(|a, b| edge_order(a, b));
        let evidence = edges.iter().map(|_| OnceLock::new()).collect();
        let labels = edges.iter().map(|_| OnceLock::new()).collect();
        GraphView {
            nodes,
            edges,
            merge_log,
            evidence,
            labels,
        }
    }

    /// The merge log, sorted by (node, doc, sentence, start); see
    /// [`KnowledgeGraph::merge_log`](super::KnowledgeGraph::merge_log).
    pub fn merge_log(&self) -> &[MergeRecord] {
        self.merge_log.records()
    }

    /// The merge log by number, its lines in the order of
    /// [`GraphView::merge_log`] (no [`MergeRecord`]s made).
    pub(crate) fn merge_lines(&self) -> &'g MergeLog {
        self.merge_log
    }

    /// Nodes, sorted by id.
    pub fn nodes(&self) -> &[&'g Node] {
        &self.nodes
    }

    /// Edges, sorted by (source, type, target).
    pub fn edges(&self) -> &[&'g Edge] {
        &self.edges
    }

    /// The evidence texts of edge number `i` (in [`GraphView::edges`]
    /// order), made by `make` on first use.
    ///
    /// # Panics
    /// If there is no edge number `i`.
    pub(crate) fn evidence_texts(
        &self,
        i: usize,
        make: impl FnOnce(&Edge) -> EvidenceTexts,
    ) -> &EvidenceTexts {
        self.evidence[i].get_or_init(|| make(self.edges[i]))
    }

    /// The label of edge number `i` (in [`GraphView::edges`] order), made
    /// by `make` on first use, so that the formats that write it share it.
    ///
    /// # Panics
    /// If there is no edge number `i`.
    pub(crate) fn edge_label(&self, i: usize, make: impl FnOnce(&Edge) -> String) -> &str {
        self.labels[i].get_or_init(|| make(self.edges[i]))
    }
}

/// The order of edges in every output.
pub(crate) fn edge_order(a: &Edge, b: &Edge) -> Ordering {
    (&a.source, a.kind, &a.target).cmp(&(&b.source, b.kind, &b.target))
}
