//! Graphviz DOT (`graph.dot`).
//!
//! A non-strict `digraph` (strict would merge parallel edges). Every ID is
//! quoted; every label and tooltip is an escString from
//! [`escape::dot_string`]. Nodes are shaped and filled by entity type; an
//! edge is labelled with its relation in words plus amount and stake
//! (`invests in · $14.3B · 49%`), coloured by kind, dashed when reported
//! or proposed, dotted grey when denied, faded when former, drawn without
//! arrowhead when symmetric, and carries its evidence in `tooltip` (shown
//! on hover in SVG). The legend is the graph's HTML-like `label`, so it
//! adds no nodes or edges.

use std::fmt::Write as _;
use std::io::Write;

use super::chunked;
use super::{Exporter, escape, fields, style};
use crate::error::Result;
use crate::graph::{Edge, GraphView, Node};
use crate::kinds::{EntityType, RelationKind};

/// Writes Graphviz DOT (`graph.dot`).
#[derive(Clone, Debug)]
pub struct DotExporter {
    rankdir: &'static str,
    legend: bool,
}

impl Default for DotExporter {
    fn default() -> DotExporter {
        DotExporter {
            rankdir: "LR",
            legend: true,
        }
    }
}

impl DotExporter {
    /// Lays the graph out top to bottom instead of left to right.
    pub fn top_to_bottom(mut self) -> DotExporter {
        self.rankdir = "TB";
        self
    }

    /// Leaves out the legend.
    pub fn without_legend(mut self) -> DotExporter {
        self.legend = false;
        self
    }

    /// The DOT text of a graph.
    pub fn to_dot(&self, view: &GraphView<'_>) -> String {
        let mut out = Vec::new();
        // Writing into a Vec cannot fail.
        let _ = self.write_dot(view, &mut out);
        // Written from `&str` pieces only, so always valid UTF-8.
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }

    /// Writes the DOT text line by line (the bytes of [`DotExporter::to_dot`]).
    fn write_dot(&self, view: &GraphView<'_>, out: &mut dyn Write) -> Result<()> {
        let mut s = String::new();
        s.push_str("// kgraph: knowledge graph in Graphviz DOT\n");
        s.push_str("digraph \"kgraph\" {\n");
        let _ = writeln!(
            s,
            "  graph [rankdir={}, charset=\"UTF-8\", fontname=\"Helvetica\", fontsize=10, labelloc=b, labeljust=l, outputorder=edgesfirst];",
            self.rankdir
        );
        s.push_str("  node [fontname=\"Helvetica\", fontsize=11, style=filled, penwidth=0.8];\n");
        s.push_str("  edge [fontname=\"Helvetica\", fontsize=9, arrowsize=0.7];\n");
        if self.legend {
            let _ = writeln!(s, "  label=<{}>;", legend(view));
        }
        let mut w = chunked(out);
        w.write_all(s.as_bytes())?;
        // One line at a time into `s`; `tip` holds a tooltip before it is
        // escaped.
        let mut tip = String::new();
        for n in view.nodes() {
            s.clear();
            node_line(&mut s, &mut tip, n);
            w.write_all(s.as_bytes())?;
        }
        for (i, e) in view.edges().iter().enumerate() {
            s.clear();
            edge_line(&mut s, &mut tip, e, fields::label(view, i));
            w.write_all(s.as_bytes())?;
        }
        w.write_all(b"}\n")?;
        w.flush()?;
        Ok(())
    }
}

impl Exporter for DotExporter {
    fn files(&self) -> &'static [&'static str] {
        &["graph.dot"]
    }

    fn write_file(&self, view: &GraphView<'_>, _file: usize, out: &mut dyn Write) -> Result<()> {
        self.write_dot(view, out)
    }
}

fn node_line(s: &mut String, tip: &mut String, n: &Node) {
    let (shape, style) = match n.entity_type {
        EntityType::Person => ("ellipse", "filled"),
        EntityType::Org => ("box", "rounded,filled"),
        EntityType::Product => ("component", "filled"),
        EntityType::Location => ("house", "filled"),
    };
    tip.clear();
    tip.push_str(&n.label);
    tip.push_str(" (");
    tip.push_str(n.entity_type.as_str());
    tip.push(')');
    for (i, alias) in n.aliases.iter().enumerate() {
        tip.push_str(if i == 0 { "\nalso: " } else { ", " });
        tip.push_str(&escape::fold_ws(alias));
    }
    tip.push('\n');
    escape::uint_into(tip, n.mentions as u64);
    tip.push_str(" mention(s) in ");
    escape::uint_into(tip, n.docs.len() as u64);
    tip.push_str(" document(s)");
    s.push_str("  ");
    escape::dot_id_into(s, &n.id);
    s.push_str(" [label=");
    escape::dot_string_into(s, &n.label);
    s.push_str(", shape=");
    s.push_str(shape);
    s.push_str(", style=");
    escape::dot_string_into(s, style);
    s.push_str(", fillcolor=\"");
    style::node_fill(n.entity_type).hex_into(s);
    s.push_str("\", tooltip=");
    escape::dot_string_into(s, tip);
    s.push_str("];\n");
}

fn edge_line(s: &mut String, tip: &mut String, e: &Edge, label: &str) {
    let look = style::edge_look(e);
    s.push_str("  ");
    escape::dot_id_into(s, &e.source);
    s.push_str(" -> ");
    escape::dot_id_into(s, &e.target);
    s.push_str(" [label=");
    escape::dot_string_into(s, label);
    match look.line {
        style::Line::Solid => {}
        style::Line::Dashed => s.push_str(", style=dashed"),
        style::Line::Dotted => s.push_str(", style=dotted"),
    }
    if look.faded {
        let _ = write!(
            s,
            ", color=\"{}\", fontcolor=\"{}\"",
            look.colour.hex_alpha(0x55),
            style::GREY.hex()
        );
    } else {
        s.push_str(", color=\"");
        look.colour.hex_into(s);
        s.push('"');
        if look.colour == style::GREY {
            s.push_str(", fontcolor=\"");
            style::GREY.hex_into(s);
            s.push('"');
        }
    }
    if e.kind.is_symmetric() {
        s.push_str(", dir=none");
    }
    if e.support > 1 {
        let w = 1.0 + 0.5 * (e.support.min(5) - 1) as f64;
        let _ = write!(s, ", penwidth={w}");
    }
    s.push_str(", tooltip=");
    tip.clear();
    tooltip(tip, e);
    escape::dot_string_into(s, tip);
    s.push_str("];\n");
}

/// The edge's facts and evidence, one line each.
fn tooltip(t: &mut String, e: &Edge) {
    t.push_str(&e.source);
    t.push(' ');
    t.push_str(e.kind.as_str());
    t.push(' ');
    t.push_str(&e.target);
    if let Some(st) = e.status {
        t.push_str(" [");
        t.push_str(st.as_str());
        t.push(']');
    }
    t.push_str("\nconfidence ");
    escape::number_into(t, e.confidence);
    t.push_str(" · ");
    escape::uint_into(t, e.support as u64);
    t.push_str(" document(s)");
    for ev in &e.evidence {
        t.push('\n');
        t.push_str(&ev.doc);
        t.push_str(" #");
        escape::uint_into(t, ev.sentence as u64);
        t.push_str(": ");
        t.push_str(&escape::fold_ws(&ev.text));
    }
    if e.evidence_count > e.evidence.len() {
        let _ = write!(t, "\n(+{} more)", e.evidence_count - e.evidence.len());
    }
}

/// The legend: an HTML-like table of node types and line styles, with the
/// counts of the graph.
fn legend(view: &GraphView<'_>) -> String {
    let x = |s: &str| escape::xml_text(s).into_owned();
    let mut s =
        String::from("<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"2\" CELLPADDING=\"2\">");
    let _ = write!(
        s,
        "<TR><TD ALIGN=\"LEFT\" COLSPAN=\"4\"><B>{}</B></TD></TR>",
        x(&format!(
            "kgraph: {} nodes, {} edges",
            view.nodes().len(),
            view.edges().len()
        ))
    );
    s.push_str("<TR>");
    for t in [EntityType::Person, EntityType::Org] {
        let _ = write!(
            s,
            "<TD BGCOLOR=\"{}\" BORDER=\"1\">{}</TD>",
            style::node_fill(t).hex(),
            x(style::type_words(t))
        );
    }
    s.push_str("<TD></TD><TD></TD></TR>");
    let kind = RelationKind::InvestsIn;
    let grey = style::GREY.hex();
    let styles = [
        ("———", "stated".to_string(), None),
        ("- - -", "reported or proposed".to_string(), None),
        ("·····", "denied".to_string(), Some(grey.clone())),
        ("———", "former".to_string(), Some(grey.clone())),
    ];
    s.push_str("<TR>");
    for (line, words, colour) in styles {
        let c = colour.unwrap_or_else(|| style::kind_colour(kind).hex());
        let _ = write!(
            s,
            "<TD ALIGN=\"LEFT\"><FONT COLOR=\"{c}\">{} {}</FONT></TD>",
            x(line),
            x(&words)
        );
    }
    s.push_str("</TR>");
    s.push_str("<TR>");
    for (i, k) in RelationKind::ALL.iter().enumerate() {
        if i == 4 {
            s.push_str("</TR><TR>");
        }
        let _ = write!(
            s,
            "<TD ALIGN=\"LEFT\"><FONT COLOR=\"{}\">{}</FONT></TD>",
            style::kind_colour(*k).hex(),
            x(&format!("→ {}", k.words()))
        );
    }
    s.push_str("</TR></TABLE>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_quoted_labels_escaped_styles_by_status() {
        let g = super::super::tiny_graph();
        let s = super::super::render_to_string(&DotExporter::default(), &g, 0);
        assert!(s.starts_with("// kgraph") && s.contains("digraph \"kgraph\" {"));
        assert!(!s.contains("strict"));
        assert!(
            s.contains(r#""org:node-x" [label="node \"x\" \\ <&amp;>""#),
            "{s}"
        );
        assert!(
            s.contains(
                r#""person:ann" -> "org:node-x" [label="invests in · $14.3B · 49%", style=dashed"#
            ),
            "{s}"
        );
        assert!(
            s.contains(r#""person:ann" -> "org:node-x" [label="leads", color"#),
            "{s}"
        );
        assert!(s.contains("tooltip=") && s.contains("label=<<TABLE"));
        let plain = super::super::render_to_string(&DotExporter::default().without_legend(), &g, 0);
        assert!(!plain.contains("<TABLE"));
    }
}
