//! NetworkX node-link JSON (`graph.json`), the reference format.
//!
//! Its field names are the contract every other format follows (and the
//! scorer reads): a field named like one of these holds the same value in
//! every export. Evidence sentence text is written with white space folded.

use std::io::{self, Write};

use serde::{Serialize, Serializer};
use serde_json::ser::{Formatter, PrettyFormatter};

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

/// A pretty formatter one level into the top-level object: what writes a
/// value of the document as it stands there.
fn inner_formatter() -> PrettyFormatter<'static> {
    let mut formatter = PrettyFormatter::new();
    // Only the indentation changes; nothing is written (and a sink cannot
    // fail).
    let _ = formatter.begin_object(&mut io::sink());
    formatter
}

/// Writes `value` as a value of the top-level object.
fn value<W: Write>(w: &mut W, value: &impl Serialize) -> serde_json::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(
        w,
        inner_formatter(),
    ))
}

/// The top-level object, written an entry at a time through serde_json's
/// pretty formatter, so that one value's text can stand under two keys.
struct TopLevel<W> {
    w: W,
    formatter: PrettyFormatter<'static>,
    first: bool,
}

impl<W: Write> TopLevel<W> {
    /// Opens the object (`{`).
    fn begin(mut w: W) -> io::Result<TopLevel<W>> {
        let mut formatter = PrettyFormatter::new();
        formatter.begin_object(&mut w)?;
        Ok(TopLevel {
            w,
            formatter,
            first: true,
        })
    }

    /// An entry `key`, its value written by `write` (see [`value`]).
    fn entry(
        &mut self,
        key: &str,
        write: impl FnOnce(&mut W) -> serde_json::Result<()>,
    ) -> serde_json::Result<()> {
        let io = serde_json::Error::io;
        self.formatter
            .begin_object_key(&mut self.w, self.first)
            .map_err(io)?;
        self.first = false;
        key.serialize(&mut serde_json::Serializer::new(&mut self.w))?;
        self.formatter.end_object_key(&mut self.w).map_err(io)?;
        self.formatter.begin_object_value(&mut self.w).map_err(io)?;
        write(&mut self.w)?;
        self.formatter.end_object_value(&mut self.w).map_err(io)
    }

    /// Closes the object and gives the writer back.
    fn end(mut self) -> io::Result<W> {
        self.formatter.end_object(&mut self.w)?;
        Ok(self.w)
    }
}

/// Writes the document. The edge list stands under both `edges` and
/// `links`, at the same depth, so it is serialised once and its text
/// written twice.
fn write_document<W: Write>(w: W, view: &GraphView<'_>) -> serde_json::Result<W> {
    let mut edges = Indents(Vec::new());
    value(&mut edges, &Edges(view.edges()))?;
    let edges = edges.0;
    let graph = GraphAttrs {
        name: "kgraph",
        node_count: view.nodes().len(),
        edge_count: view.edges().len(),
    };
    let raw = |w: &mut W| w.write_all(&edges).map_err(serde_json::Error::io);
    let mut doc = TopLevel::begin(w).map_err(serde_json::Error::io)?;
    doc.entry("directed", |w| value(w, &true))?;
    doc.entry("multigraph", |w| value(w, &true))?;
    doc.entry("graph", |w| value(w, &graph))?;
    doc.entry("nodes", |w| value(w, &Nodes(view.nodes())))?;
    doc.entry("edges", raw)?;
    doc.entry("links", raw)?;
    doc.end().map_err(serde_json::Error::io)
}

/// A writer that passes two-byte writes on with their length known:
/// serde_json's pretty formatter writes its indentation two spaces at a
/// time, which a buffer then appends without a call to copy them.
struct Indents<W>(W);

impl<W: Write> Write for Indents<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    #[inline]
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match *buf {
            [a, b] => self.0.write_all(&[a, b]),
            _ => self.0.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

impl Exporter for JsonExporter {
    fn files(&self) -> &'static [&'static str] {
        &["graph.json"]
    }

    fn write_file(&self, view: &GraphView<'_>, _file: usize, out: &mut dyn Write) -> Result<()> {
        let err = |e: serde_json::Error| Error::new(ErrorKind::Export, format!("graph.json: {e}"));
        let mut out = write_document(Indents(super::chunked(out)), view).map_err(err)?;
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
