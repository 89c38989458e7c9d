//! The one deterministic view of the graph that every exporter walks.

use std::cmp::Ordering;

use super::{Edge, MergeRecord, Node};

/// Nodes sorted by id and edges sorted by (source, type, target).
///
/// Built once per export run; exporters only format what it yields, so all
/// formats list the same things in the same order.
#[derive(Clone, Debug)]
pub struct GraphView<'g> {
    nodes: Vec<&'g Node>,
    edges: Vec<&'g Edge>,
    merge_log: &'g [MergeRecord],
}

impl<'g> GraphView<'g> {
    pub(crate) fn new(
        mut nodes: Vec<&'g Node>,
        mut edges: Vec<&'g Edge>,
        merge_log: &'g [MergeRecord],
    ) -> GraphView<'g> {
        nodes.sort_by(|a, b| a.id.cmp(&b.id));
        edges.sort_by(|a, b| edge_order(a, b));
        GraphView {
            nodes,
            edges,
            merge_log,
        }
    }

    /// The merge log, sorted by (node, doc, sentence, start).
    pub fn merge_log(&self) -> &[MergeRecord] {
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
}

/// The order of edges in every output.
pub(crate) fn edge_order(a: &Edge, b: &Edge) -> Ordering {
    (&a.source, a.kind, &a.target).cmp(&(&b.source, b.kind, &b.target))
}
