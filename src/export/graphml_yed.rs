//! GraphML for yEd (`graph-yed.graphml`, format `graphml-yed`).
//!
//! yEd shows custom GraphML data only after a Properties Mapper step; what
//! it draws comes from `yfiles.type="nodegraphics"` / `"edgegraphics"`
//! keys holding `y:ShapeNode` and `y:PolyLineEdge`. This flavour writes the
//! same plain `<data>` as [`GraphmlExporter`](super::GraphmlExporter) plus
//! those graphics: labels, fill colours and shapes by entity type, line
//! styles by status. yEd places the nodes itself (Layout menu).

use std::io::Write;

use super::xml::XmlOut;
use super::{Exporter, graphml, style};
use crate::error::Result;
use crate::graph::{Edge, GraphView, Node};
use crate::kinds::EntityType;

/// The yFiles GraphML extension namespace.
pub(super) const Y_NS: &str = "http://www.yworks.com/xml/graphml";

/// Writes GraphML with yEd graphics (`graph-yed.graphml`).
#[derive(Clone, Debug, Default)]
pub struct GraphmlYedExporter {
    _private: (),
}

impl Exporter for GraphmlYedExporter {
    fn files(&self) -> &'static [&'static str] {
        &["graph-yed.graphml"]
    }

    fn write_file(&self, view: &GraphView<'_>, _file: usize, out: &mut dyn Write) -> Result<()> {
        graphml::write_graphml(view, out, true)
    }
}

/// The two yFiles graphics keys.
pub(super) fn write_keys(x: &mut XmlOut<'_>) -> Result<()> {
    x.empty(
        "key",
        &[
            ("id", "node_graphics"),
            ("for", "node"),
            ("yfiles.type", "nodegraphics"),
        ],
    )?;
    x.empty(
        "key",
        &[
            ("id", "edge_graphics"),
            ("for", "edge"),
            ("yfiles.type", "edgegraphics"),
        ],
    )
}

/// A node's `y:ShapeNode`.
pub(super) fn write_node_graphics(x: &mut XmlOut<'_>, n: &Node) -> Result<()> {
    let chars = n.label.chars().count().clamp(4, 40);
    let width = format!("{}.0", 24 + 7 * chars);
    let fill = style::node_fill(n.entity_type).hex().to_ascii_uppercase();
    let shape = match n.entity_type {
        EntityType::Person => "ellipse",
        _ => "roundrectangle",
    };
    x.open("data", &[("key", "node_graphics")])?;
    x.open("y:ShapeNode", &[])?;
    x.empty("y:Geometry", &[("height", "30.0"), ("width", &width)])?;
    x.empty("y:Fill", &[("color", &fill), ("transparent", "false")])?;
    x.empty(
        "y:BorderStyle",
        &[("color", "#000000"), ("type", "line"), ("width", "1.0")],
    )?;
    x.text_element(
        "y:NodeLabel",
        &[("visible", "true"), ("autoSizePolicy", "content")],
        &n.label,
    )?;
    x.empty("y:Shape", &[("type", shape)])?;
    x.close("y:ShapeNode")?;
    x.close("data")
}

/// An edge's `y:PolyLineEdge`, labelled `label`.
pub(super) fn write_edge_graphics(x: &mut XmlOut<'_>, e: &Edge, label: &str) -> Result<()> {
    let look = style::edge_look(e);
    let colour = if look.faded {
        look.colour.hex_alpha(0x60)
    } else {
        look.colour.hex()
    }
    .to_ascii_uppercase();
    let line = match look.line {
        style::Line::Solid => "line",
        style::Line::Dashed => "dashed",
        style::Line::Dotted => "dotted",
    };
    let target_arrow = if e.kind.is_symmetric() {
        "none"
    } else {
        "standard"
    };
    x.open("data", &[("key", "edge_graphics")])?;
    x.open("y:PolyLineEdge", &[])?;
    x.empty(
        "y:LineStyle",
        &[("color", &colour), ("type", line), ("width", "1.0")],
    )?;
    x.empty("y:Arrows", &[("source", "none"), ("target", target_arrow)])?;
    x.text_element("y:EdgeLabel", &[("visible", "true")], label)?;
    x.close("y:PolyLineEdge")?;
    x.close("data")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_nodes_and_edge_labels() {
        let g = super::super::tiny_graph();
        let s = super::super::render_to_string(&GraphmlYedExporter::default(), &g, 0);
        assert!(s.contains(r#"yfiles.type="nodegraphics""#));
        assert!(s.contains(
            "<y:NodeLabel visible=\"true\" autoSizePolicy=\"content\">Ann</y:NodeLabel>"
        ));
        assert!(s.contains(r#"type="dashed""#));
        assert!(s.contains("invests in · $14.3B · 49%</y:EdgeLabel>"));
    }
}
