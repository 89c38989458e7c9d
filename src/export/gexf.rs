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
        // Attribute values of one node or edge, one after the other.
        let mut values = String::new();
        x.open("nodes", &[])?;
        for n in view.nodes() {
            write_node(&mut x, n, &mut values)?;
        }
        x.close("nodes")?;
        x.open("edges", &[])?;
        for i in 0..view.edges().len() {
            write_edge(&mut x, view, i, &mut values)?;
        }
        x.close("edges")?;
        x.close("graph")?;
        x.close("gexf")?;
        x.finish()
    }
}

/// An `<attvalue>` of an attribute up to its value:
/// `<attvalue for="type" value="`.
macro_rules! att {
    ($id:literal) => {
        concat!("<attvalue for=\"", $id, "\" value=\"")
    };
}

/// `<attvalues>` with one `<attvalue>` per non-empty value; each value
/// comes with its element up to the value, made by `att!`.
fn attvalues(x: &mut XmlOut<'_>, values: &[(&str, &str)]) -> Result<()> {
    if values.iter().all(|(_, v)| v.is_empty()) {
        return Ok(());
    }
    x.open("attvalues", &[])?;
    for (head, v) in values {
        if !v.is_empty() {
            x.attr_element_fixed(head, v, "\"/>")?;
        }
    }
    x.close("attvalues")
}

/// `<viz:color r=".." g=".." b=".."/>`, with `a` when given. The tag is
/// made in `values`: numbers need no escaping.
fn viz_color(
    x: &mut XmlOut<'_>,
    values: &mut String,
    c: style::Rgb,
    a: Option<&str>,
) -> Result<()> {
    values.clear();
    values.push_str("viz:color");
    for (name, v) in [(" r=\"", c.0), ("\" g=\"", c.1), ("\" b=\"", c.2)] {
        values.push_str(name);
        escape::uint_into(values, v.into());
    }
    values.push('"');
    match a {
        Some(a) => x.empty_fixed(values, &[("a", a)]),
        None => x.empty_fixed(values, &[]),
    }
}

/// Appends what `make` writes to `values` and returns where it ends.
fn push(values: &mut String, make: impl FnOnce(&mut String)) -> usize {
    make(values);
    values.len()
}

fn write_node(x: &mut XmlOut<'_>, n: &Node, values: &mut String) -> Result<()> {
    x.open("node", &[("id", &n.id), ("label", &n.label)])?;
    values.clear();
    let aliases = push(values, |v| escape::join_list_into(v, &n.aliases));
    let docs = push(values, |v| escape::join_list_into(v, &n.docs));
    let mentions = push(values, |v| escape::uint_into(v, n.mentions as u64));
    attvalues(
        x,
        &[
            (att!("type"), n.entity_type.as_str()),
            (att!("aliases"), &values[..aliases]),
            (att!("docs"), &values[aliases..docs]),
            (att!("mentions"), &values[docs..mentions]),
        ],
    )?;
    viz_color(x, values, style::node_fill(n.entity_type), None)?;
    x.close("node")
}

fn write_edge(
    x: &mut XmlOut<'_>,
    view: &GraphView<'_>,
    i: usize,
    values: &mut String,
) -> Result<()> {
    let e = view.edges()[i];
    let label = fields::label(view, i);
    values.clear();
    let number = |v: &mut String, n: Option<f64>| {
        if let Some(n) = n {
            escape::number_into(v, n);
        }
    };
    let weight = push(values, |v| number(v, Some(e.support as f64)));
    x.open(
        "edge",
        &[
            ("id", &e.id),
            ("source", &e.source),
            ("target", &e.target),
            ("kind", e.kind.as_str()),
            ("label", label),
            ("weight", &values[..weight]),
        ],
    )?;
    values.clear();
    let amount = push(values, |v| number(v, e.amount_usd));
    let alt = push(values, |v| fields::numbers_json_into(v, &e.amount_usd_alt));
    let stake = push(values, |v| number(v, e.stake_pct));
    let confidence = push(values, |v| number(v, Some(e.confidence)));
    let support = push(values, |v| escape::uint_into(v, e.support as u64));
    let count = push(values, |v| escape::uint_into(v, e.evidence_count as u64));
    let docs = push(values, |v| {
        escape::join_list_into(v, &fields::evidence_docs(e))
    });
    let evidence = fields::evidence(view, i);
    attvalues(
        x,
        &[
            (att!("type"), e.kind.as_str()),
            (att!("status"), fields::status(e)),
            (att!("amount_usd"), &values[..amount]),
            (att!("amount_usd_alt"), &values[amount..alt]),
            (att!("stake_pct"), &values[alt..stake]),
            (att!("confidence"), &values[stake..confidence]),
            (att!("support"), &values[confidence..support]),
            (att!("evidence_count"), &values[support..count]),
            (att!("docs"), &values[count..docs]),
            (att!("evidence_text"), &evidence.text),
            (att!("evidence"), evidence.json_of(e)?),
        ],
    )?;
    let look = style::edge_look(e);
    viz_color(x, values, look.colour, look.faded.then_some("0.4"))?;
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
