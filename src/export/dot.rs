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
        for n in view.nodes() {
            node_line(&mut s, n);
        }
        for e in view.edges() {
            edge_line(&mut s, e);
        }
        s.push_str("}\n");
        s
    }
}

impl Exporter for DotExporter {
    fn files(&self) -> &'static [&'static str] {
        &["graph.dot"]
    }

    fn write_file(&self, view: &GraphView<'_>, _file: usize, out: &mut dyn Write) -> Result<()> {
        out.write_all(self.to_dot(view).as_bytes())?;
        Ok(())
    }
}

fn node_line(s: &mut String, n: &Node) {
    let (shape, style) = match n.entity_type {
        EntityType::Person => ("ellipse", "filled"),
        EntityType::Org => ("box", "rounded,filled"),
        EntityType::Product => ("component", "filled"),
        EntityType::Location => ("house", "filled"),
    };
    let mut tip = format!("{} ({})", n.label, n.entity_type);
    if !n.aliases.is_empty() {
        tip.push_str("\nalso: ");
        let aliases: Vec<_> = n.aliases.iter().map(|a| escape::fold_ws(a)).collect();
        tip.push_str(&aliases.join(", "));
    }
    let _ = write!(
        tip,
        "\n{} mention(s) in {} document(s)",
        n.mentions,
        n.docs.len()
    );
    let _ = writeln!(
        s,
        "  {} [label={}, shape={shape}, style={}, fillcolor=\"{}\", tooltip={}];",
        escape::dot_id(&n.id),
        escape::dot_string(&n.label),
        escape::dot_string(style),
        style::node_fill(n.entity_type).hex(),
        escape::dot_string(&tip),
    );
}

fn edge_line(s: &mut String, e: &Edge) {
    let look = style::edge_look(e);
    let mut attrs = vec![format!(
        "label={}",
        escape::dot_string(&style::edge_label(e))
    )];
    match look.line {
        style::Line::Solid => {}
        style::Line::Dashed => attrs.push("style=dashed".into()),
        style::Line::Dotted => attrs.push("style=dotted".into()),
    }
    if look.faded {
        attrs.push(format!("color=\"{}\"", look.colour.hex_alpha(0x55)));
        attrs.push(format!("fontcolor=\"{}\"", style::GREY.hex()));
    } else {
        attrs.push(format!("color=\"{}\"", look.colour.hex()));
        if look.colour == style::GREY {
            attrs.push(format!("fontcolor=\"{}\"", style::GREY.hex()));
        }
    }
    if e.kind.is_symmetric() {
        attrs.push("dir=none".into());
    }
    if e.support > 1 {
        let w = 1.0 + 0.5 * (e.support.min(5) - 1) as f64;
        attrs.push(format!("penwidth={w}"));
    }
    attrs.push(format!("tooltip={}", escape::dot_string(&tooltip(e))));
    let _ = writeln!(
        s,
        "  {} -> {} [{}];",
        escape::dot_id(&e.source),
        escape::dot_id(&e.target),
        attrs.join(", ")
    );
}

/// The edge's facts and evidence, one line each.
fn tooltip(e: &Edge) -> String {
    let mut t = format!("{} {} {}", e.source, e.kind, e.target);
    if let Some(st) = e.status {
        let _ = write!(t, " [{st}]");
    }
    let _ = write!(
        t,
        "\nconfidence {} · {} document(s)",
        fields::opt_number(Some(e.confidence)),
        e.support
    );
    for ev in fields::evidence(e).iter() {
        let _ = write!(t, "\n{} #{}: {}", ev.doc, ev.sentence, ev.text);
    }
    if e.evidence_count > e.evidence.len() {
        let _ = write!(t, "\n(+{} more)", e.evidence_count - e.evidence.len());
    }
    t
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
