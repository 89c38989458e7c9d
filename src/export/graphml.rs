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
    for n in view.nodes() {
        write_node(&mut x, n, yed)?;
    }
    for i in 0..view.edges().len() {
        write_edge(&mut x, view, i, yed)?;
    }
    x.close("graph")?;
    x.close("graphml")?;
    x.finish()
}

fn data(x: &mut XmlOut<'_>, key: &str, value: &str) -> Result<()> {
    if value.is_empty() {
        return Ok(());
    }
    x.text_element("data", &[("key", key)], value)
}

fn write_node(x: &mut XmlOut<'_>, n: &Node, yed: bool) -> Result<()> {
    x.open("node", &[("id", &n.id)])?;
    data(x, "node_label", &n.label)?;
    data(x, "node_type", n.entity_type.as_str())?;
    data(x, "node_aliases", &escape::join_list(&n.aliases))?;
    data(x, "node_docs", &escape::join_list(&n.docs))?;
    data(x, "node_mentions", &n.mentions.to_string())?;
    let c = style::node_fill(n.entity_type);
    data(x, "node_r", &c.0.to_string())?;
    data(x, "node_g", &c.1.to_string())?;
    data(x, "node_b", &c.2.to_string())?;
    if yed {
        graphml_yed::write_node_graphics(x, n)?;
    }
    x.close("node")
}

fn write_edge(x: &mut XmlOut<'_>, view: &GraphView<'_>, i: usize, yed: bool) -> Result<()> {
    let e = view.edges()[i];
    // The edge id is written as the `id` data (Gephi takes it as the edge
    // id, NetworkX and graphology as an attribute), not as the element's
    // `id`: with both, igraph warns that it cannot add its edge ids.
    x.open("edge", &[("source", &e.source), ("target", &e.target)])?;
    data(x, "edge_id", &e.id)?;
    data(x, "edge_label", &style::edge_label(e))?;
    data(x, "edge_type", e.kind.as_str())?;
    data(x, "edge_status", fields::status(e))?;
    data(x, "edge_amount_usd", &fields::opt_number(e.amount_usd))?;
    data(
        x,
        "edge_amount_usd_alt",
        &fields::numbers_json(&e.amount_usd_alt),
    )?;
    data(x, "edge_stake_pct", &fields::opt_number(e.stake_pct))?;
    data(
        x,
        "edge_confidence",
        &fields::opt_number(Some(e.confidence)),
    )?;
    data(x, "edge_support", &e.support.to_string())?;
    data(x, "edge_evidence_count", &e.evidence_count.to_string())?;
    data(
        x,
        "edge_docs",
        &escape::join_list(&fields::evidence_docs(e)),
    )?;
    data(x, "edge_evidence_text", fields::evidence_text(view, i))?;
    data(x, "edge_evidence", fields::evidence_json(view, i)?)?;
    let c = style::edge_look(e).colour;
    data(x, "edge_r", &c.0.to_string())?;
    data(x, "edge_g", &c.1.to_string())?;
    data(x, "edge_b", &c.2.to_string())?;
    if yed {
        graphml_yed::write_edge_graphics(x, e)?;
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
