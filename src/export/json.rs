//! NetworkX node-link JSON (`graph.json`), the reference format.
//!
//! Its field names are the contract every other format follows (and the
//! scorer reads): a field named like one of these holds the same value in
//! every export. Evidence sentence text is written with white space folded.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use super::Exporter;
use super::fields;
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

/// A JSON key as written: the name in quotes. Every key so written is a
/// plain ASCII name, which JSON writes as it is, so it skips serde_json's
/// escaping (which would scan it again at every object); values are
/// serialised by serde_json.
macro_rules! key {
    ($name:literal) => {
        concat!("\"", $name, "\"")
    };
}
pub(super) use key;

/// The pretty formatter every value of the document is written with.
type Pretty = PrettyFormatter<'static>;

fn io_error(e: io::Error) -> serde_json::Error {
    serde_json::Error::io(e)
}

/// Serialises `value` where `f` stands (with a copy of it: a value leaves
/// the formatter's depth as it found it).
fn value<W: Write, F: Formatter + Clone>(
    w: &mut W,
    f: &F,
    value: &(impl Serialize + ?Sized),
) -> serde_json::Result<()> {
    value.serialize(&mut serde_json::Serializer::with_formatter(w, f.clone()))
}

/// An object written a member at a time through a serde_json formatter, as
/// serde_json writes a struct: keys made by `key!`, values serialised at
/// the object's depth.
pub(super) struct Object<'a, W, F> {
    w: &'a mut W,
    f: &'a mut F,
    first: bool,
}

impl<'a, W: Write, F: Formatter + Clone> Object<'a, W, F> {
    /// Opens the object (`{`).
    pub(super) fn begin(w: &'a mut W, f: &'a mut F) -> serde_json::Result<Object<'a, W, F>> {
        f.begin_object(w).map_err(io_error)?;
        Ok(Object { w, f, first: true })
    }

    /// A member with its key written by `write_key` and its value by
    /// `write`, each with the formatter at its place.
    fn member(
        &mut self,
        write_key: impl FnOnce(&mut W, &mut F) -> serde_json::Result<()>,
        write: impl FnOnce(&mut W, &mut F) -> serde_json::Result<()>,
    ) -> serde_json::Result<()> {
        self.f
            .begin_object_key(self.w, self.first)
            .map_err(io_error)?;
        self.first = false;
        write_key(self.w, self.f)?;
        self.f.end_object_key(self.w).map_err(io_error)?;
        self.f.begin_object_value(self.w).map_err(io_error)?;
        write(self.w, self.f)?;
        self.f.end_object_value(self.w).map_err(io_error)
    }

    /// A member `key` (made by `key!`), its value written by `write` with
    /// the formatter at the value's place.
    pub(super) fn entry(
        &mut self,
        key: &str,
        write: impl FnOnce(&mut W, &mut F) -> serde_json::Result<()>,
    ) -> serde_json::Result<()> {
        self.member(|w, _| w.write_all(key.as_bytes()).map_err(io_error), write)
    }

    /// A member `key` (made by `key!`) holding `v`.
    pub(super) fn field(
        &mut self,
        key: &str,
        v: &(impl Serialize + ?Sized),
    ) -> serde_json::Result<()> {
        self.entry(key, |w, f| value(w, f, v))
    }

    /// A member named by any text `name` (escaped by serde_json) holding
    /// `v`.
    pub(super) fn named(
        &mut self,
        name: &str,
        v: &(impl Serialize + ?Sized),
    ) -> serde_json::Result<()> {
        self.member(|w, f| value(w, f, name), |w, f| value(w, f, v))
    }

    /// Closes the object.
    pub(super) fn end(self) -> serde_json::Result<()> {
        self.f.end_object(self.w).map_err(io_error)
    }
}

/// An array of `items`, each written by `item` with the formatter at the
/// item's place.
pub(super) fn array<W: Write, F: Formatter, T>(
    w: &mut W,
    f: &mut F,
    items: impl IntoIterator<Item = T>,
    mut item: impl FnMut(&mut W, &mut F, T) -> serde_json::Result<()>,
) -> serde_json::Result<()> {
    f.begin_array(w).map_err(io_error)?;
    for (i, x) in items.into_iter().enumerate() {
        f.begin_array_value(w, i == 0).map_err(io_error)?;
        item(w, f, x)?;
        f.end_array_value(w).map_err(io_error)?;
    }
    f.end_array(w).map_err(io_error)
}

/// The nodes: `{"id", "label", "type", "aliases", "docs", "mentions"}` each.
fn write_nodes<W: Write>(w: &mut W, f: &mut Pretty, nodes: &[&Node]) -> serde_json::Result<()> {
    array(w, f, nodes, |w, f, n| {
        let mut o = Object::begin(w, f)?;
        o.field(key!("id"), &n.id)?;
        o.field(key!("label"), &n.label)?;
        o.field(key!("type"), n.entity_type.as_str())?;
        o.field(key!("aliases"), &n.aliases)?;
        o.field(key!("docs"), &n.docs)?;
        o.field(key!("mentions"), &n.mentions)?;
        o.end()
    })
}

/// The edges; `key` numbers parallel edges between the same two nodes
/// (NetworkX's multigraph key).
fn write_edges<W: Write>(w: &mut W, f: &mut Pretty, edges: &[&Edge]) -> serde_json::Result<()> {
    let mut keys: HashMap<(&str, &str), usize> = HashMap::default();
    array(w, f, edges, |w, f, e| {
        let slot = keys.entry((&e.source, &e.target)).or_insert(0);
        let key = *slot;
        *slot += 1;
        let mut o = Object::begin(w, f)?;
        o.field(key!("source"), &e.source)?;
        o.field(key!("target"), &e.target)?;
        o.field(key!("key"), &key)?;
        o.field(key!("id"), &e.id)?;
        o.field(key!("type"), e.kind.as_str())?;
        o.field(key!("status"), &e.status.map(|s| s.as_str()))?;
        o.field(key!("amount_usd"), &e.amount_usd)?;
        o.field(key!("amount_usd_alt"), &e.amount_usd_alt)?;
        o.field(key!("stake_pct"), &e.stake_pct)?;
        o.field(key!("confidence"), &e.confidence)?;
        o.field(key!("support"), &e.support)?;
        o.field(key!("evidence_count"), &e.evidence_count)?;
        o.entry(key!("evidence"), |w, f| {
            fields::write_evidence_list(w, f, &e.evidence)
        })?;
        o.end()
    })
}

/// Most bytes of edge text kept to be written again under `links`; a
/// longer edge list is serialised a second time instead, so that the
/// memory of a large export stays bounded.
const EDGES_KEPT: usize = 8 << 20;

/// Writes the document. The edge list stands under both `edges` and
/// `links`, at the same depth: its text, as written under `edges`, is kept
/// (up to `keep` bytes) and written again.
fn write_document<W: Write>(mut w: W, view: &GraphView<'_>, keep: usize) -> serde_json::Result<W> {
    let graph = GraphAttrs {
        name: "kgraph",
        node_count: view.nodes().len(),
        edge_count: view.edges().len(),
    };
    let mut f = PrettyFormatter::new();
    let mut doc = Object::begin(&mut w, &mut f)?;
    doc.field(key!("directed"), &true)?;
    doc.field(key!("multigraph"), &true)?;
    doc.field(key!("graph"), &graph)?;
    doc.entry(key!("nodes"), |w, f| write_nodes(w, f, view.nodes()))?;
    let mut kept = Some(Vec::new());
    doc.entry(key!("edges"), |w, f| {
        let mut tee = Tee {
            w,
            copy: &mut kept,
            keep,
        };
        write_edges(&mut tee, f, view.edges())
    })?;
    doc.entry(key!("links"), |w, f| match &kept {
        Some(text) => w.write_all(text).map_err(io_error),
        None => write_edges(w, f, view.edges()),
    })?;
    doc.end()?;
    Ok(w)
}

/// A writer that passes everything on and keeps a copy, until the copy
/// would pass `keep` bytes (then it drops it).
struct Tee<'a, W> {
    w: &'a mut W,
    copy: &'a mut Option<Vec<u8>>,
    keep: usize,
}

impl<W: Write> Write for Tee<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    #[inline]
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.w.write_all(buf)?;
        if let Some(copy) = self.copy {
            if copy.len() + buf.len() <= self.keep {
                copy.extend_from_slice(buf);
            } else {
                *self.copy = None;
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.w.flush()
    }
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
        let mut out =
            write_document(Indents(super::chunked(out)), view, EDGES_KEPT).map_err(err)?;
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
    // evidence was borrowed (evidence cloned, its text folded) and before
    // objects were written a member at a time (structs derived with serde),
    // with the edge list serialised twice from one vector.

    #[derive(Serialize)]
    struct WireNode<'a> {
        id: &'a str,
        label: &'a str,
        #[serde(rename = "type")]
        entity_type: &'a str,
        aliases: &'a [String],
        docs: Vec<String>,
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
        evidence: Cow<'a, [Evidence]>,
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
                docs: n.docs.to_vec(),
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
                evidence: folded_evidence(e),
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
        // An edge list too long to keep is serialised again, to the same
        // bytes.
        for g in [super::super::tiny_graph(), super::super::awkward_graph()] {
            let view = g.view();
            let text = |keep| {
                let out = write_document(Vec::new(), &view, keep).unwrap_or_default();
                String::from_utf8(out).unwrap_or_default()
            };
            assert!(text(EDGES_KEPT).contains("\"links\""));
            assert_eq!(text(0), text(EDGES_KEPT));
            assert_eq!(text(10), text(EDGES_KEPT));
        }
        let empty = crate::GraphBuilder::new(crate::MergeOptions::default()).finish();
        let s = super::super::render_to_string(&JsonExporter::default(), &empty, 0);
        assert_eq!(s, reference(&empty.view()));
    }
}
