//! GEXF 1.3 (`graph.gexf`), Gephi's native format.
//!
//! Directed (`defaultedgetype="directed"`: GEXF's default is undirected),
//! typed attributes declared per class, node `label` as GEXF's own label,
//! `viz:color` by entity type, and each edge's `kind` set to its relation
//! so Gephi keeps parallel edges of different kinds apart; the relation is
//! also the `type` attribute, as in `graph.json`. Edge `weight` is the
//! number of supporting documents.

use std::io::Write;

use super::xml::XmlOut;
use super::{Exporter, escape, fields, style};
use crate::error::Result;
use crate::graph::{GraphView, Node};

/// Writes GEXF 1.3 (`graph.gexf`).
#[derive(Clone, Debug, Default)]
pub struct GexfExporter {
    _private: (),
}

/// A GEXF attribute: (id = title, type).
type Attr = (&'static str, &'static str);

const NODE_ATTRS: &[Attr] = &[
    ("type", "string"),
    ("aliases", "string"),
    ("docs", "string"),
    ("mentions", "long"),
];

const EDGE_ATTRS: &[Attr] = &[
    ("type", "string"),
    ("status", "string"),
    ("amount_usd", "double"),
    ("amount_usd_alt", "string"),
    ("stake_pct", "double"),
    ("confidence", "double"),
    ("support", "long"),
    ("evidence_count", "long"),
    ("docs", "string"),
    ("evidence_text", "string"),
    ("evidence", "string"),
];

impl Exporter for GexfExporter {
    fn files(&self) -> &'static [&'static str] {
        &["graph.gexf"]
    }

    fn write_file(&self, view: &GraphView<'_>, _file: usize, out: &mut dyn Write) -> Result<()> {
        let mut x = XmlOut::new(out)?;
        x.open(
            "gexf",
            &[
                ("xmlns", "http://gexf.net/1.3"),
                ("xmlns:viz", "http://gexf.net/1.3/viz"),
                ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
                (
                    "xsi:schemaLocation",
                    "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
                ),
                ("version", "1.3"),
            ],
        )?;
        x.open("meta", &[])?;
        x.text_element("creator", &[], "kgraph")?;
        x.text_element(
            "description",
            &[],
            "Knowledge graph: canonical entities and typed, evidenced relations",
        )?;
        x.close("meta")?;
        x.open(
            "graph",
            &[("mode", "static"), ("defaultedgetype", "directed")],
        )?;
        for (class, attrs) in [("node", NODE_ATTRS), ("edge", EDGE_ATTRS)] {
            x.open("attributes", &[("class", class)])?;
            for (id, ty) in attrs {
                x.empty("attribute", &[("id", id), ("title", id), ("type", ty)])?;
            }
            x.close("attributes")?;
        }
        x.open("nodes", &[])?;
        for n in view.nodes() {
            write_node(&mut x, n)?;
        }
        x.close("nodes")?;
        x.open("edges", &[])?;
        for i in 0..view.edges().len() {
            write_edge(&mut x, view, i)?;
        }
        x.close("edges")?;
        x.close("graph")?;
        x.close("gexf")?;
        x.finish()
    }
}

fn attvalues(x: &mut XmlOut<'_>, values: &[(&str, &str)]) -> Result<()> {
    if values.iter().all(|(_, v)| v.is_empty()) {
        return Ok(());
    }
    x.open("attvalues", &[])?;
    for (id, v) in values {
        if !v.is_empty() {
            x.empty("attvalue", &[("for", id), ("value", v)])?;
        }
    }
    x.close("attvalues")
}

/// `<viz:color r=".." g=".." b=".."/>`, with `a` when given.
fn viz_color(x: &mut XmlOut<'_>, c: style::Rgb, a: Option<&str>) -> Result<()> {
    let (r, g, b) = (c.0.to_string(), c.1.to_string(), c.2.to_string());
    let mut attrs = vec![("r", r.as_str()), ("g", g.as_str()), ("b", b.as_str())];
    if let Some(a) = a {
        attrs.push(("a", a));
    }
    x.empty("viz:color", &attrs)
}

fn write_node(x: &mut XmlOut<'_>, n: &Node) -> Result<()> {
    x.open("node", &[("id", &n.id), ("label", &n.label)])?;
    attvalues(
        x,
        &[
            ("type", n.entity_type.as_str()),
            ("aliases", &escape::join_list(&n.aliases)),
            ("docs", &escape::join_list(&n.docs)),
            ("mentions", &n.mentions.to_string()),
        ],
    )?;
    viz_color(x, style::node_fill(n.entity_type), None)?;
    x.close("node")
}

fn write_edge(x: &mut XmlOut<'_>, view: &GraphView<'_>, i: usize) -> Result<()> {
    let e = view.edges()[i];
    let label = style::edge_label(e);
    let weight = fields::opt_number(Some(e.support as f64));
    x.open(
        "edge",
        &[
            ("id", &e.id),
            ("source", &e.source),
            ("target", &e.target),
            ("kind", e.kind.as_str()),
            ("label", &label),
            ("weight", &weight),
        ],
    )?;
    attvalues(
        x,
        &[
            ("type", e.kind.as_str()),
            ("status", fields::status(e)),
            ("amount_usd", &fields::opt_number(e.amount_usd)),
            ("amount_usd_alt", &fields::numbers_json(&e.amount_usd_alt)),
            ("stake_pct", &fields::opt_number(e.stake_pct)),
            ("confidence", &fields::opt_number(Some(e.confidence))),
            ("support", &e.support.to_string()),
            ("evidence_count", &e.evidence_count.to_string()),
            ("docs", &escape::join_list(&fields::evidence_docs(e))),
            ("evidence_text", fields::evidence_text(view, i)),
            ("evidence", fields::evidence_json(view, i)?),
        ],
    )?;
    let look = style::edge_look(e);
    viz_color(x, look.colour, look.faded.then_some("0.4"))?;
    x.close("edge")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directed_with_kinds_and_colours() {
        let g = super::super::tiny_graph();
        let s = super::super::render_to_string(&GexfExporter::default(), &g, 0);
        assert!(s.contains(r#"xmlns="http://gexf.net/1.3""#) && s.contains(r#"version="1.3""#));
        assert!(s.contains(r#"defaultedgetype="directed""#));
        assert!(s.contains(r#"kind="invests_in""#) && s.contains(r#"kind="leads""#));
        assert!(s.contains(r#"<viz:color r="207" g="226" b="255"/>"#));
        assert!(s.contains(r#"<attvalue for="amount_usd" value="14300000000"/>"#));
    }
}
