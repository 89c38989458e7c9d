//! Plain CSV (`nodes.csv`, `edges.csv`) for Gephi's spreadsheet import and
//! any table tool.
//!
//! RFC 4180 through the csv crate, UTF-8 without BOM, a header row. The
//! first columns are the ones Gephi recognises (`Id, Label, Type` for nodes;
//! `Source, Target, Type, Id, Label, Weight` for edges, where `Type` is
//! `Directed` or `Undirected` as Gephi wants it); then ours, named as in
//! `graph.json`: the relation kind is in `relation`, lists are joined with
//! `;`, the evidence list and `amount_usd_alt` are JSON text, and an absent
//! value is an empty field.

use std::io::Write;

use super::{Exporter, escape, fields, style};
use crate::error::Result;
use crate::graph::GraphView;

/// Writes `nodes.csv` and `edges.csv`.
#[derive(Clone, Debug, Default)]
pub struct CsvExporter {
    _private: (),
}

const NODE_HEADER: &[&str] = &["Id", "Label", "Type", "aliases", "docs", "mentions"];

const EDGE_HEADER: &[&str] = &[
    "Source",
    "Target",
    "Type",
    "Id",
    "Label",
    "Weight",
    "relation",
    "status",
    "amount_usd",
    "amount_usd_alt",
    "stake_pct",
    "confidence",
    "support",
    "evidence_count",
    "docs",
    "evidence_text",
    "evidence",
];

/// The rows of a CSV file, byte for byte as the csv crate's default writer
/// writes them (which these files were first written with): fields
/// separated by `,`, each through [`escape::csv_field_into`], a `\n` after
/// each row. Rows go into one buffer, passed on to the output in large
/// chunks; fields are appended one by one, so no row is collected first.
pub(super) struct Rows<'w> {
    out: &'w mut dyn Write,
    buf: String,
    /// Whether the row has no field yet.
    first: bool,
}

impl<'w> Rows<'w> {
    /// The buffer is passed on to the output once this much is pending.
    const CHUNK: usize = 1 << 16;

    /// Rows written into `out`.
    pub(super) fn new(out: &'w mut dyn Write) -> Rows<'w> {
        Rows {
            out,
            buf: String::with_capacity(Self::CHUNK + Self::CHUNK / 2),
            first: true,
        }
    }

    fn next(&mut self) -> &mut String {
        if !self.first {
            self.buf.push(',');
        }
        self.first = false;
        &mut self.buf
    }

    /// A text field.
    pub(super) fn field(&mut self, s: &str) {
        escape::csv_field_into(self.next(), s);
    }

    /// An integer field.
    pub(super) fn uint(&mut self, n: usize) {
        escape::uint_into(self.next(), n as u64);
    }

    /// A number field (see [`escape::number`]), empty when absent or not
    /// finite. Numbers never need quotes.
    pub(super) fn number(&mut self, x: Option<f64>) {
        let buf = self.next();
        if let Some(x) = x {
            escape::number_into(buf, x);
        }
    }

    /// Ends the row.
    pub(super) fn end(&mut self) -> Result<()> {
        self.buf.push('\n');
        self.first = true;
        if self.buf.len() >= Self::CHUNK {
            self.out.write_all(self.buf.as_bytes())?;
            self.buf.clear();
        }
        Ok(())
    }

    /// A whole row of text fields.
    pub(super) fn record(&mut self, fields: &[&str]) -> Result<()> {
        for f in fields {
            self.field(f);
        }
        self.end()
    }

    /// Passes the rest on to the output.
    pub(super) fn finish(self) -> Result<()> {
        self.out.write_all(self.buf.as_bytes())?;
        self.out.flush()?;
        Ok(())
    }
}

impl Exporter for CsvExporter {
    fn files(&self) -> &'static [&'static str] {
        &["nodes.csv", "edges.csv"]
    }

    fn write_file(&self, view: &GraphView<'_>, file: usize, out: &mut dyn Write) -> Result<()> {
        let mut w = Rows::new(out);
        // Fields made before they are written (joined lists, JSON text).
        let mut value = String::new();
        if file == 0 {
            w.record(NODE_HEADER)?;
            for n in view.nodes() {
                w.field(&n.id);
                w.field(&n.label);
                w.field(n.entity_type.as_str());
                value.clear();
                escape::join_list_into(&mut value, &n.aliases);
                w.field(&value);
                value.clear();
                escape::join_list_into(&mut value, &n.docs);
                w.field(&value);
                w.uint(n.mentions);
                w.end()?;
            }
        } else {
            w.record(EDGE_HEADER)?;
            for (i, e) in view.edges().iter().enumerate() {
                let direction = if e.kind.is_symmetric() {
                    "Undirected"
                } else {
                    "Directed"
                };
                w.field(&e.source);
                w.field(&e.target);
                w.field(direction);
                w.field(&e.id);
                w.field(&style::edge_label(e));
                w.uint(e.support);
                w.field(e.kind.as_str());
                w.field(fields::status(e));
                w.number(e.amount_usd);
                value.clear();
                fields::numbers_json_into(&mut value, &e.amount_usd_alt);
                w.field(&value);
                w.number(e.stake_pct);
                w.number(Some(e.confidence));
                w.uint(e.support);
                w.uint(e.evidence_count);
                value.clear();
                escape::join_list_into(&mut value, &fields::evidence_docs(e));
                w.field(&value);
                w.field(fields::evidence_text(view, i));
                w.field(fields::evidence_json(view, i));
                w.end()?;
            }
        }
        w.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gephi_columns_and_quoting() {
        let g = super::super::tiny_graph();
        let e = CsvExporter::default();
        let nodes = super::super::render_to_string(&e, &g, 0);
        assert!(nodes.starts_with("Id,Label,Type,aliases,docs,mentions\n"));
        assert!(
            nodes.contains(r#"org:node-x,"node ""x"" \ <&>",ORG,"#),
            "{nodes}"
        );
        let edges = super::super::render_to_string(&e, &g, 1);
        assert!(edges.starts_with("Source,Target,Type,Id,Label,Weight,relation,"));
        assert!(edges.contains(",Directed,person:ann|invests_in|org:node-x,invests in · $14.3B · 49%,1,invests_in,reported,14300000000,,49,0.9,"), "{edges}");
    }
}
