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

impl Exporter for CsvExporter {
    fn files(&self) -> &'static [&'static str] {
        &["nodes.csv", "edges.csv"]
    }

    fn write_file(&self, view: &GraphView<'_>, file: usize, out: &mut dyn Write) -> Result<()> {
        let name = self.files().get(file).copied().unwrap_or("csv");
        let err = |e| csv_error(name, e);
        let mut w = csv::Writer::from_writer(out);
        if file == 0 {
            w.write_record(NODE_HEADER).map_err(err)?;
            for n in view.nodes() {
                w.write_record([
                    n.id.as_str(),
                    &n.label,
                    n.entity_type.as_str(),
                    &escape::join_list(&n.aliases),
                    &escape::join_list(&n.docs),
                    &n.mentions.to_string(),
                ])
                .map_err(err)?;
            }
        } else {
            w.write_record(EDGE_HEADER).map_err(err)?;
            for (i, e) in view.edges().iter().enumerate() {
                let direction = if e.kind.is_symmetric() {
                    "Undirected"
                } else {
                    "Directed"
                };
                w.write_record([
                    e.source.as_str(),
                    &e.target,
                    direction,
                    &e.id,
                    &style::edge_label(e),
                    &e.support.to_string(),
                    e.kind.as_str(),
                    fields::status(e),
                    &fields::opt_number(e.amount_usd),
                    &fields::numbers_json(&e.amount_usd_alt),
                    &fields::opt_number(e.stake_pct),
                    &fields::opt_number(Some(e.confidence)),
                    &e.support.to_string(),
                    &e.evidence_count.to_string(),
                    &escape::join_list(&fields::evidence_docs(e)),
                    fields::evidence_text(view, i),
                    fields::evidence_json(view, i)?,
                ])
                .map_err(err)?;
            }
        }
        w.flush()?;
        Ok(())
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
