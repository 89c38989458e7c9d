//! NetworkX node-link JSON (`graph.json`), the reference format.
//!
//! Its field names are the contract every other format follows (and the
//! scorer reads): a field named like one of these holds the same value in
//! every export. Evidence sentence text is written with white space folded.

use std::io::Write;

use serde::{Serialize, Serializer};

use super::Exporter;
use super::fields::WireEvidenceList;
use crate::error::{Error, ErrorKind, Result};
use crate::graph::{Edge, GraphView, Node};
use crate::hash::HashMap;

/// Writes NetworkX node-link JSON: `directed` and `multigraph` true, edges
/// under both `edges` (NetworkX >= 3.4) and `links` (older releases).
#[derive(Clone, Debug, Default)]
pub struct JsonExporter {
    _private: (),
}

/// The whole document; the same edges are written under `edges` and `links`.
#[derive(Serialize)]
struct Wire<'a> {
    directed: bool,
    multigraph: bool,
    graph: GraphAttrs,
    nodes: Nodes<'a>,
    edges: Edges<'a>,
    links: Edges<'a>,
}

#[derive(Serialize)]
struct GraphAttrs {
    name: &'static str,
    node_count: usize,
    edge_count: usize,
}

/// The nodes, serialised as a sequence of [`WireNode`].
#[derive(Clone, Copy)]
struct Nodes<'a>(&'a [&'a Node]);

impl Serialize for Nodes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|n| WireNode {
            id: &n.id,
            label: &n.label,
            entity_type: n.entity_type.as_str(),
            aliases: &n.aliases,
            docs: &n.docs,
            mentions: n.mentions,
        }))
    }
}

#[derive(Serialize)]
struct WireNode<'a> {
    id: &'a str,
    label: &'a str,
    #[serde(rename = "type")]
    entity_type: &'a str,
    aliases: &'a [String],
    docs: &'a [String],
    mentions: usize,
}

/// The edges, serialised as a sequence of [`WireEdge`]; `key` numbers
/// parallel edges between the same two nodes (NetworkX's multigraph key).
#[derive(Clone, Copy)]
struct Edges<'a>(&'a [&'a Edge]);

impl Serialize for Edges<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut keys: HashMap<(&str, &str), usize> = HashMap::default();
        s.collect_seq(self.0.iter().map(|e| {
            let slot = keys.entry((&e.source, &e.target)).or_insert(0);
            let key = *slot;
            *slot += 1;
            WireEdge::new(e, key, WireEvidenceList(&e.evidence))
        }))
    }
}

/// One edge object; `E` is the evidence list (generic so that the tests can
/// serialise a reference made another way).
#[derive(Serialize)]
struct WireEdge<'a, E = WireEvidenceList<'a>> {
    source: &'a str,
    target: &'a str,
    key: usize,
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    status: Option<&'a str>,
    amount_usd: Option<f64>,
    amount_usd_alt: &'a [f64],
    stake_pct: Option<f64>,
    confidence: f64,
    support: usize,
    evidence_count: usize,
    evidence: E,
}

impl<'a, E> WireEdge<'a, E> {
    /// The wire form of `e`, the `key`-th edge between its two nodes.
    fn new(e: &'a Edge, key: usize, evidence: E) -> WireEdge<'a, E> {
        WireEdge {
            source: &e.source,
            target: &e.target,
            key,
            id: &e.id,
            kind: e.kind.as_str(),
            status: e.status.map(|s| s.as_str()),
            amount_usd: e.amount_usd,
            amount_usd_alt: &e.amount_usd_alt,
            stake_pct: e.stake_pct,
            confidence: e.confidence,
            support: e.support,
            evidence_count: e.evidence_count,
            evidence,
        }
    }
}

impl Exporter for JsonExporter {
    fn files(&self) -> &'static [&'static str] {
        &["graph.json"]
    }

    fn write_file(&self, view: &GraphView<'_>, _file: usize, out: &mut dyn Write) -> Result<()> {
        let err = |e: serde_json::Error| Error::new(ErrorKind::Export, format!("graph.json: {e}"));
        let wire = Wire {
            directed: true,
            multigraph: true,
            graph: GraphAttrs {
                name: "kgraph",
                node_count: view.nodes().len(),
                edge_count: view.edges().len(),
            },
            nodes: Nodes(view.nodes()),
            edges: Edges(view.edges()),
            links: Edges(view.edges()),
        };
        let mut out = super::chunked(out);
        serde_json::to_writer_pretty(&mut out, &wire).map_err(err)?;
        out.write_all(b"\n")?;
        out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::*;
    use crate::facts::Evidence;

    // The reference the bytes must equal: what this file wrote before
    // evidence was borrowed (evidence cloned, its text folded), with the
    // edge list serialised twice from one vector.

    #[derive(Serialize)]
    struct Wire<'a> {
        directed: bool,
        multigraph: bool,
        graph: GraphAttrs,
        nodes: Vec<WireNode<'a>>,
        edges: &'a [WireEdge<'a, Cow<'a, [Evidence]>>],
        links: &'a [WireEdge<'a, Cow<'a, [Evidence]>>],
    }

    /// The edge's evidence with sentence text white-space folded, as
    /// graph.json was first written.
    fn folded_evidence(e: &Edge) -> Cow<'_, [Evidence]> {
        let mut evidence = e.evidence.clone();
        for ev in &mut evidence {
            ev.text = super::super::escape::fold_ws(&ev.text).into_owned();
        }
        Cow::Owned(evidence)
    }

    fn reference(view: &GraphView<'_>) -> String {
        let nodes = view
            .nodes()
            .iter()
            .map(|n| WireNode {
                id: &n.id,
                label: &n.label,
                entity_type: n.entity_type.as_str(),
                aliases: &n.aliases,
                docs: &n.docs,
                mentions: n.mentions,
            })
            .collect();
        let mut edges = Vec::new();
        let mut keys: std::collections::HashMap<(&str, &str), usize> =
            std::collections::HashMap::new();
        for e in view.edges() {
            let slot = keys.entry((&e.source, &e.target)).or_insert(0);
            let key = *slot;
            *slot += 1;
            edges.push(WireEdge::new(e, key, folded_evidence(e)));
        }
        let wire = Wire {
            directed: true,
            multigraph: true,
            graph: GraphAttrs {
                name: "kgraph",
                node_count: view.nodes().len(),
                edge_count: view.edges().len(),
            },
            nodes,
            edges: &edges,
            links: &edges,
        };
        let mut s = serde_json::to_string_pretty(&wire).unwrap_or_default();
        s.push('\n');
        s
    }

    #[test]
    fn same_bytes_as_serde_json() {
        for g in [super::super::tiny_graph(), super::super::awkward_graph()] {
            let s = super::super::render_to_string(&JsonExporter::default(), &g, 0);
            assert_eq!(s, reference(&g.view()));
        }
        let empty = crate::GraphBuilder::new(crate::MergeOptions::default()).finish();
        let s = super::super::render_to_string(&JsonExporter::default(), &empty, 0);
        assert_eq!(s, reference(&empty.view()));
    }
}
