//! NetworkX node-link JSON (`graph.json`), the reference format.
//!
//! Its field names are the contract every other format follows (and the
//! scorer reads): a field named like one of these holds the same value in
//! every export. Evidence sentence text is written with white space folded.

use std::io::Write;

use super::Exporter;
use super::json_out::JsonOut;
use crate::error::Result;
use crate::graph::{Edge, GraphView, Node};
use crate::hash::HashMap;

/// Writes NetworkX node-link JSON: `directed` and `multigraph` true, edges
/// under both `edges` (NetworkX >= 3.4) and `links` (older releases).
#[derive(Clone, Debug, Default)]
pub struct JsonExporter {
    _private: (),
}

/// Text is passed on to the output once this much is pending.
const CHUNK: usize = 1 << 16;

/// One node object, as serde_json's pretty printer writes it at depth 2.
fn node(j: &mut JsonOut, n: &Node) {
    j.begin_object();
    j.key_str("id", &n.id);
    j.key_str("label", &n.label);
    j.key_str("type", n.entity_type.as_str());
    j.name("aliases");
    j.strs(&n.aliases);
    j.name("docs");
    j.strs(&n.docs);
    j.key_uint("mentions", n.mentions);
    j.end_object();
}

/// One edge object; `key` numbers parallel edges between the same two
/// nodes (NetworkX's multigraph key).
fn edge(j: &mut JsonOut, e: &Edge, key: usize) {
    j.begin_object();
    j.key_str("source", &e.source);
    j.key_str("target", &e.target);
    j.key_uint("key", key);
    j.key_str("id", &e.id);
    j.key_str("type", e.kind.as_str());
    j.name("status");
    match e.status {
        Some(s) => j.str(s.as_str()),
        None => j.null(),
    }
    j.name("amount_usd");
    match e.amount_usd {
        Some(a) => j.f64(a),
        None => j.null(),
    }
    j.name("amount_usd_alt");
    j.f64s(&e.amount_usd_alt);
    j.name("stake_pct");
    match e.stake_pct {
        Some(p) => j.f64(p),
        None => j.null(),
    }
    j.key_f64("confidence", e.confidence);
    j.key_uint("support", e.support);
    j.key_uint("evidence_count", e.evidence_count);
    j.name("evidence");
    j.evidence_list(&e.evidence);
    j.end_object();
}

impl Exporter for JsonExporter {
    fn files(&self) -> &'static [&'static str] {
        &["graph.json"]
    }

    fn write_file(&self, view: &GraphView<'_>, _file: usize, out: &mut dyn Write) -> Result<()> {
        let mut j = JsonOut::pretty();
        j.begin_object();
        j.name("directed");
        j.bool(true);
        j.name("multigraph");
        j.bool(true);
        j.name("graph");
        j.begin_object();
        j.key_str("name", "kgraph");
        j.key_uint("node_count", view.nodes().len());
        j.key_uint("edge_count", view.edges().len());
        j.end_object();
        j.name("nodes");
        j.begin_array();
        for n in view.nodes() {
            j.element();
            node(&mut j, n);
            if j.buf().len() >= CHUNK {
                out.write_all(j.buf().as_bytes())?;
                j.buf().clear();
            }
        }
        j.end_array();
        j.name("edges");
        // The edge list is written twice, under `edges` and under `links`,
        // at the same depth: the same bytes, so it is made once.
        let start = j.buf().len();
        let mut keys: HashMap<(&str, &str), usize> = HashMap::default();
        j.begin_array();
        for e in view.edges() {
            let slot = keys.entry((&e.source, &e.target)).or_insert(0);
            let key = *slot;
            *slot += 1;
            j.element();
            edge(&mut j, e, key);
        }
        j.end_array();
        let edges = j.buf().split_off(start);
        j.buf().push_str(&edges);
        j.name("links");
        j.buf().push_str(&edges);
        j.end_object();
        j.buf().push('\n');
        out.write_all(j.buf().as_bytes())?;
        out.flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::Evidence;
    use serde::Serialize;

    // What this file wrote through serde_json before it wrote JSON itself:
    // the reference the hand-written bytes must equal.

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
                evidence: super::super::fields::evidence(e),
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
