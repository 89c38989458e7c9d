//! GraphML (`graph.graphml`) for NetworkX, igraph, Gephi and yEd.
//!
//! Keys come before `<graph>`, have descriptive ids (never `d0..dN`: Gephi
//! maps `d3`/`d7` to labels), `for="node"` or `for="edge"` and one of the
//! standard `attr.type`s, each attribute always with the same type. Lists of
//! names are joined with `;`; the evidence list and `amount_usd_alt` are
//! JSON text. Node `label` and integer `r`/`g`/`b` keys are what Gephi
//! turns into labels and colours. Each edge carries the graph's unique edge
//! id in its `id` data (not as the `<edge id>` attribute, which igraph then
//! cannot add next to the `id` attribute), so parallel edges of different
//! kinds stay apart.

use std::io::Write;

use super::xml::XmlOut;
use super::{Exporter, escape, fields, graphml_yed, style};
use crate::error::Result;
use crate::graph::{GraphView, Node};

/// Writes GraphML (`graph.graphml`).
#[derive(Clone, Debug, Default)]
pub struct GraphmlExporter {
    _private: (),
}

/// A GraphML key: (id, domain, attr.name, attr.type).
type Key = (&'static str, &'static str, &'static str, &'static str);

const NODE_KEYS: &[Key] = &[
    ("node_label", "node", "label", "string"),
    ("node_type", "node", "type", "string"),
    ("node_aliases", "node", "aliases", "string"),
    ("node_docs", "node", "docs", "string"),
    ("node_mentions", "node", "mentions", "long"),
    ("node_r", "node", "r", "int"),
    ("node_g", "node", "g", "int"),
    ("node_b", "node", "b", "int"),
];

const EDGE_KEYS: &[Key] = &[
    ("edge_id", "edge", "id", "string"),
    ("edge_label", "edge", "label", "string"),
    ("edge_type", "edge", "type", "string"),
    ("edge_status", "edge", "status", "string"),
    ("edge_amount_usd", "edge", "amount_usd", "double"),
    ("edge_amount_usd_alt", "edge", "amount_usd_alt", "string"),
    ("edge_stake_pct", "edge", "stake_pct", "double"),
    ("edge_confidence", "edge", "confidence", "double"),
    ("edge_support", "edge", "support", "long"),
    ("edge_evidence_count", "edge", "evidence_count", "long"),
    ("edge_docs", "edge", "docs", "string"),
    ("edge_evidence_text", "edge", "evidence_text", "string"),
    ("edge_evidence", "edge", "evidence", "string"),
    ("edge_r", "edge", "r", "int"),
    ("edge_g", "edge", "g", "int"),
    ("edge_b", "edge", "b", "int"),
];

impl Exporter for GraphmlExporter {
    fn files(&self) -> &'static [&'static str] {
        &["graph.graphml"]
    }

    fn write_file(&self, view: &GraphView<'_>, _file: usize, out: &mut dyn Write) -> Result<()> {
        write_graphml(view, out, false)
    }
}

/// Writes plain GraphML, or with `yed` also yEd's `y:` graphics.
pub(super) fn write_graphml(view: &GraphView<'_>, out: &mut dyn Write, yed: bool) -> Result<()> {
    let mut x = XmlOut::new(out)?;
    let mut root = vec![
        ("xmlns", "http://graphml.graphdrawing.org/xmlns"),
        ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
    ];
    if yed {
        root.push(("xmlns:y", graphml_yed::Y_NS));
        root.push((
            "xsi:schemaLocation",
            "http://graphml.graphdrawing.org/xmlns http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd",
        ));
    } else {
        root.push((
            "xsi:schemaLocation",
            "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
        ));
    }
    x.open("graphml", &root)?;
    for (id, domain, name, ty) in NODE_KEYS.iter().chain(EDGE_KEYS) {
        x.empty(
            "key",
            &[
                ("id", id),
                ("for", domain),
                ("attr.name", name),
                ("attr.type", ty),
            ],
        )?;
    }
    if yed {
        graphml_yed::write_keys(&mut x)?;
    }
    x.open("graph", &[("id", "kgraph"), ("edgedefault", "directed")])?;
    // Values made for one `<data>` at a time (numbers, joined lists).
    let mut value = String::new();
    for n in view.nodes() {
        write_node(&mut x, n, yed, &mut value)?;
    }
    for i in 0..view.edges().len() {
        write_edge(&mut x, view, i, yed, &mut value)?;
    }
    x.close("graph")?;
    x.close("graphml")?;
    x.finish()
}

/// The start tag of a `<data>` of a key: `<data key="node_label">`.
macro_rules! key {
    ($id:literal) => {
        concat!("<data key=\"", $id, "\">")
    };
}

/// `<data key="..">value</data>`, left out when the value is empty; `key`
/// is the start tag made by `key!`. Inlined, so that the fixed tags are
/// copied as constants.
#[inline(always)]
fn data(x: &mut XmlOut<'_>, key: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Ok(());
    }
    x.text_element_fixed(key, value, "</data>")
}

/// `<data>` with a value written into `value` by `make`.
fn data_with(
    x: &mut XmlOut<'_>,
    key: &str,
    value: &mut String,
    make: impl FnOnce(&mut String),
) -> Result<()> {
    value.clear();
    make(value);
    data(x, key, value)
}

/// `<data>` holding an integer.
fn data_uint(x: &mut XmlOut<'_>, key: &str, value: &mut String, n: u64) -> Result<()> {
    data_with(x, key, value, |v| escape::uint_into(v, n))
}

/// `<data>` holding a number, left out when absent or not finite.
fn data_number(x: &mut XmlOut<'_>, key: &str, value: &mut String, n: Option<f64>) -> Result<()> {
    data_with(x, key, value, |v| {
        if let Some(n) = n {
            escape::number_into(v, n);
        }
    })
}

/// The `r`, `g`, `b` data of a colour.
fn data_rgb(x: &mut XmlOut<'_>, keys: [&str; 3], value: &mut String, c: style::Rgb) -> Result<()> {
    data_uint(x, keys[0], value, c.0.into())?;
    data_uint(x, keys[1], value, c.1.into())?;
    data_uint(x, keys[2], value, c.2.into())
}

fn write_node(x: &mut XmlOut<'_>, n: &Node, yed: bool, value: &mut String) -> Result<()> {
    x.open("node", &[("id", &n.id)])?;
    data(x, key!("node_label"), &n.label)?;
    data(x, key!("node_type"), n.entity_type.as_str())?;
    data_with(x, key!("node_aliases"), value, |v| {
        escape::join_list_into(v, &n.aliases)
    })?;
    data_with(x, key!("node_docs"), value, |v| {
        escape::join_list_into(v, &n.docs)
    })?;
    data_uint(x, key!("node_mentions"), value, n.mentions as u64)?;
    let c = style::node_fill(n.entity_type);
    data_rgb(
        x,
        [key!("node_r"), key!("node_g"), key!("node_b")],
        value,
        c,
    )?;
    if yed {
        graphml_yed::write_node_graphics(x, n)?;
    }
    x.close("node")
}

fn write_edge(
    x: &mut XmlOut<'_>,
    view: &GraphView<'_>,
    i: usize,
    yed: bool,
    value: &mut String,
) -> Result<()> {
    let e = view.edges()[i];
    // The edge id is written as the `id` data (Gephi takes it as the edge
    // id, NetworkX and graphology as an attribute), not as the element's
    // `id`: with both, igraph warns that it cannot add its edge ids.
    x.open("edge", &[("source", &e.source), ("target", &e.target)])?;
    data(x, key!("edge_id"), &e.id)?;
    data(x, key!("edge_label"), fields::label(view, i))?;
    data(x, key!("edge_type"), e.kind.as_str())?;
    data(x, key!("edge_status"), fields::status(e))?;
    data_number(x, key!("edge_amount_usd"), value, e.amount_usd)?;
    data_with(x, key!("edge_amount_usd_alt"), value, |v| {
        fields::numbers_json_into(v, &e.amount_usd_alt)
    })?;
    data_number(x, key!("edge_stake_pct"), value, e.stake_pct)?;
    data_number(x, key!("edge_confidence"), value, Some(e.confidence))?;
    data_uint(x, key!("edge_support"), value, e.support as u64)?;
    data_uint(
        x,
        key!("edge_evidence_count"),
        value,
        e.evidence_count as u64,
    )?;
    data_with(x, key!("edge_docs"), value, |v| {
        escape::join_list_into(v, &fields::evidence_docs(e))
    })?;
    let evidence = fields::evidence(view, i);
    data(x, key!("edge_evidence_text"), &evidence.text)?;
    data(x, key!("edge_evidence"), evidence.json_of(e)?)?;
    let c = style::edge_look(e).colour;
    data_rgb(
        x,
        [key!("edge_r"), key!("edge_g"), key!("edge_b")],
        value,
        c,
    )?;
    if yed {
        graphml_yed::write_edge_graphics(x, e, fields::label(view, i))?;
    }
    x.close("edge")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_first_descriptive_and_typed() {
        let g = super::super::tiny_graph();
        let s = super::super::render_to_string(&GraphmlExporter::default(), &g, 0);
        let graph_at = s.find("<graph ").unwrap_or(0);
        assert!(s.rfind("<key ").unwrap_or(usize::MAX) < graph_at);
        assert!(s.contains(
            r#"<key id="edge_amount_usd" for="edge" attr.name="amount_usd" attr.type="double"/>"#
        ));
        assert!(
            s.contains(r#"<data key="node_label">node &quot;x&quot; \ &lt;&amp;&gt;</data>"#),
            "{s}"
        );
        assert!(s.contains(r#"<data key="node_r">255</data>"#));
        assert_eq!(s.matches("<edge ").count(), 2);
        assert!(s.contains("edgedefault=\"directed\""));
    }
}
