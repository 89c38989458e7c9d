//! The one deterministic view of the graph that every exporter walks.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering as AtomicOrdering};

use super::log::MergeLog;
use super::{Edge, MergeRecord, Node};

/// Nodes sorted by id and edges sorted by (source, type, target).
///
/// Built once per export run; exporters only format what it yields, so all
/// formats list the same things in the same order.
#[derive(Debug)]
pub struct GraphView<'g> {
    nodes: Vec<&'g Node>,
    edges: Vec<&'g Edge>,
    merge_log: &'g MergeLog,
    /// Per edge, in `edges` order: see [`GraphView::evidence_texts`].
    evidence: Vec<OnceLock<EvidenceTexts>>,
    /// Bytes of evidence texts kept in `evidence` (or about to be).
    evidence_kept: AtomicUsize,
    /// Most bytes kept in `evidence`: [`EVIDENCE_KEPT`].
    evidence_budget: usize,
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
            evidence_kept: AtomicUsize::new(0),
            evidence_budget: EVIDENCE_KEPT,
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
    /// They are kept for the formats that follow while the view has kept
    /// less than [`EVIDENCE_KEPT`] bytes of them, and made afresh each
    /// time past that, so that the memory of an export stays bounded
    /// however many edges carry full evidence lists.
    ///
    /// # Panics
    /// If there is no edge number `i`.
    pub(crate) fn evidence_texts(
        &self,
        i: usize,
        make: impl FnOnce(&Edge) -> EvidenceTexts,
    ) -> Cow<'_, EvidenceTexts> {
        let slot = &self.evidence[i];
        if let Some(texts) = slot.get() {
            return Cow::Borrowed(texts);
        }
        let texts = make(self.edges[i]);
        let size = texts.text.len() + texts.json.as_ref().map_or(0, String::len);
        if self.evidence_kept.fetch_add(size, AtomicOrdering::Relaxed) + size > self.evidence_budget
        {
            return Cow::Owned(texts);
        }
        // Another thread may have kept the same texts first (equal ones).
        Cow::Borrowed(slot.get_or_init(|| texts))
    }

    /// The view with another budget for evidence texts (see
    /// [`GraphView::evidence_texts`]).
    #[cfg(test)]
    pub(crate) fn with_evidence_budget(mut self, bytes: usize) -> GraphView<'g> {
        self.evidence_budget = bytes;
        self
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

/// Most bytes of evidence texts a view keeps (see
/// [`GraphView::evidence_texts`]): those of a corpus like Reuters, whose
/// edges mostly carry one or two items, all fit.
pub(crate) const EVIDENCE_KEPT: usize = 8 << 20;

/// The order of edges in every output.
pub(crate) fn edge_order(a: &Edge, b: &Edge) -> Ordering {
    (&a.source, a.kind, &a.target).cmp(&(&b.source, b.kind, &b.target))
}
