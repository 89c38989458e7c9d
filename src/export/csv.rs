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

use super::{Exporter, escape, fields};
use crate::error::{Error, ErrorKind, Result};
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

pub(super) fn csv_error(file: &str, e: csv::Error) -> Error {
    Error::new(ErrorKind::Export, format!("{file}: {e}"))
}

/// The rows of a CSV file, written through the csv crate's writer (default
/// quoting): each row is made a field at a time in one reused record and
/// written whole (the writer's fast path for whole records); numbers and
/// joined lists are made in one reused buffer, so that no row allocates.
pub(super) struct Rows<'w> {
    w: csv::Writer<&'w mut dyn Write>,
    /// The file's name, for errors.
    file: &'static str,
    /// The row being made.
    row: csv::ByteRecord,
    /// A field made before it is added (a number, a joined list).
    value: String,
}

impl<'w> Rows<'w> {
    /// Rows written into `out`, the file named `file`.
    pub(super) fn new(out: &'w mut dyn Write, file: &'static str) -> Rows<'w> {
        Rows {
            w: csv::WriterBuilder::new()
                .buffer_capacity(1 << 16)
                .from_writer(out),
            file,
            row: csv::ByteRecord::new(),
            value: String::new(),
        }
    }

    /// A text field.
    pub(super) fn field(&mut self, s: &str) {
        self.row.push_field(s.as_bytes());
    }

    /// A field made by `make` in the reused buffer.
    pub(super) fn field_with(&mut self, make: impl FnOnce(&mut String)) {
        self.value.clear();
        make(&mut self.value);
        self.row.push_field(self.value.as_bytes());
    }

    /// An integer field.
    pub(super) fn uint(&mut self, n: usize) {
        self.field_with(|v| escape::uint_into(v, n as u64))
    }

    /// A number field (see [`escape::number`]), empty when absent or not
    /// finite.
    pub(super) fn number(&mut self, x: Option<f64>) {
        self.field_with(|v| {
            if let Some(x) = x {
                escape::number_into(v, x);
            }
        })
    }

    /// Writes the row made since the last one.
    pub(super) fn end(&mut self) -> Result<()> {
        self.w
            .write_byte_record(&self.row)
            .map_err(|e| csv_error(self.file, e))?;
        self.row.clear();
        Ok(())
    }

    /// A whole row of text fields.
    pub(super) fn record(&mut self, fields: &[&str]) -> Result<()> {
        self.w
            .write_record(fields)
            .map_err(|e| csv_error(self.file, e))
    }

    /// Passes the rest on to the output.
    pub(super) fn finish(mut self) -> Result<()> {
        self.w.flush()?;
        Ok(())
    }
}

impl Exporter for CsvExporter {
    fn files(&self) -> &'static [&'static str] {
        &["nodes.csv", "edges.csv"]
    }

    fn write_file(&self, view: &GraphView<'_>, file: usize, out: &mut dyn Write) -> Result<()> {
        let name = self.files().get(file).copied().unwrap_or("csv");
        let mut w = Rows::new(out, name);
        if file == 0 {
            w.record(NODE_HEADER)?;
            for n in view.nodes() {
                w.field(&n.id);
                w.field(&n.label);
                w.field(n.entity_type.as_str());
                w.field_with(|v| escape::join_list_into(v, &n.aliases));
                w.field_with(|v| escape::join_list_into(v, &n.docs));
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
                w.field(fields::label(view, i));
                w.uint(e.support);
                w.field(e.kind.as_str());
                w.field(fields::status(e));
                w.number(e.amount_usd);
                w.field_with(|v| fields::numbers_json_into(v, &e.amount_usd_alt));
                w.number(e.stake_pct);
                w.number(Some(e.confidence));
                w.uint(e.support);
                w.uint(e.evidence_count);
                w.field_with(|v| escape::join_list_into(v, &fields::evidence_docs(e)));
                let evidence = fields::evidence(view, i);
                w.field(&evidence.text);
                w.field(evidence.json_of(e)?);
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
    fn rows_field_by_field_as_whole_records() {
        let fields = [
            "plain",
            "",
            "a,b",
            "say \"hi\"",
            "\"",
            "line\nbreak",
            "cr\rx",
            "tab\tx",
            " lead",
            "#hash",
            "Zoë 東京 😀",
            "[{\"doc\":\"d\",\"text\":\"a, b\"}]",
        ];
        let mut w = csv::Writer::from_writer(Vec::new());
        assert!(w.write_record(fields).is_ok());
        assert!(w.write_record(fields).is_ok());
        let want = w.into_inner().unwrap_or_default();
        let mut got = Vec::new();
        let r = (|| -> Result<()> {
            let mut rows = Rows::new(&mut got, "t.csv");
            rows.record(&fields)?;
            for f in fields {
                rows.field_with(|v| v.push_str(f));
            }
            rows.end()?;
            rows.finish()
        })();
        assert!(r.is_ok(), "{r:?}");
        assert_eq!(got, want);
    }

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
