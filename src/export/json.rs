//! NetworkX node-link JSON (`graph.json`), the reference format.
//!
//! Its field names are the contract every other format follows (and the
//! scorer reads): a field named like one of these holds the same value in
//! every export. Evidence sentence text is written with white space folded.

use std::io::Write;

use serde::Serialize;

use super::Exporter;
use super::chunked;
use crate::error::{Error, ErrorKind, Result};
use crate::facts::Evidence;
use crate::graph::GraphView;

/// Writes NetworkX node-link JSON: `directed` and `multigraph` true, edges
/// under both `edges` (NetworkX >= 3.4) and `links` (older releases).
#[derive(Clone, Debug, Default)]
pub struct JsonExporter {
    _private: (),
}

#[derive(Serialize)]
struct Wire<'a> {
    directed: bool,
    multigraph: bool,
    graph: GraphAttrs,
    nodes: Vec<WireNode<'a>>,
    edges: &'a [WireEdge<'a>],
    links: &'a [WireEdge<'a>],
}

#[derive(Serialize)]
struct GraphAttrs {
    name: &'static str,
    node_count: usize,
    edge_count: usize,
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

#[derive(Serialize)]
struct WireEdge<'a> {
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
    evidence: std::borrow::Cow<'a, [Evidence]>,
}

impl Exporter for JsonExporter {
    fn files(&self) -> &'static [&'static str] {
        &["graph.json"]
    }

    fn write_file(&self, view: &GraphView<'_>, _file: usize, out: &mut dyn Write) -> Result<()> {
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
        let mut edges = Vec::with_capacity(view.edges().len());
        let mut keys: std::collections::HashMap<(&str, &str), usize> =
            std::collections::HashMap::new();
        for e in view.edges() {
            let slot = keys.entry((&e.source, &e.target)).or_insert(0);
            let key = *slot;
            *slot += 1;
            edges.push(WireEdge {
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
                evidence: super::fields::evidence(e),
            });
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
        let mut w = chunked(out);
        serde_json::to_writer_pretty(&mut w, &wire)
            .map_err(|e| Error::new(ErrorKind::Export, format!("graph.json: {e}")))?;
        w.write_all(b"\n")?;
        w.flush()?;
        Ok(())
    }
}
