//! Neo4j admin-import CSV (`neo4j/nodes.csv`, `neo4j/relationships.csv`).
//!
//! The header format of `neo4j-admin database import full`: node ids in the
//! `Entity` id space (`id:ID(Entity)`, also stored as the `id` property),
//! labels `Entity` plus one per type (`Person`, `Organization`), a `type`
//! property equal to `graph.json`'s, typed numbers (`:long`, `:double`),
//! `string[]` / `double[]` arrays with the default `;` delimiter, RFC 4180
//! quoting (doubled `"`), and no line breaks inside fields (they become
//! spaces; see [`escape::neo4j_text`]), so the default
//! `--multiline-fields=false` import works:
//!
//! ```text
//! neo4j-admin database import full --nodes=neo4j/nodes.csv \
//!     --relationships=neo4j/relationships.csv neo4j
//! ```
//!
//! [`CypherExporter`](super::CypherExporter) sets exactly the same labels
//! and properties, so both routes build the same database.

use std::io::Write;

use super::csv::csv_error;
use super::{Exporter, escape, fields, style};
use crate::error::Result;
use crate::graph::GraphView;

/// Writes the two neo4j-admin import files.
#[derive(Clone, Debug, Default)]
pub struct Neo4jCsvExporter {
    _private: (),
}

const NODE_HEADER: &[&str] = &[
    "id:ID(Entity)",
    ":LABEL",
    "label",
    "name",
    "type",
    "aliases:string[]",
    "docs:string[]",
    "mentions:long",
];

const REL_HEADER: &[&str] = &[
    ":START_ID(Entity)",
    ":END_ID(Entity)",
    ":TYPE",
    "id",
    "type",
    "status",
    "amount_usd:double",
    "amount_usd_alt:double[]",
    "stake_pct:double",
    "confidence:double",
    "support:long",
    "evidence_count:long",
    "docs:string[]",
    "evidence_text",
    "evidence",
];

fn text(s: &str) -> String {
    escape::neo4j_text(s).into_owned()
}

fn array<S: AsRef<str>>(items: &[S]) -> String {
    escape::join_list(&escape::neo4j_list_items(items))
}

impl Exporter for Neo4jCsvExporter {
    fn files(&self) -> &'static [&'static str] {
        &["neo4j/nodes.csv", "neo4j/relationships.csv"]
    }

    fn write_file(&self, view: &GraphView<'_>, file: usize, out: &mut dyn Write) -> Result<()> {
        let name = self.files().get(file).copied().unwrap_or("neo4j");
        let err = |e| csv_error(name, e);
        let mut w = csv::Writer::from_writer(out);
        if file == 0 {
            w.write_record(NODE_HEADER).map_err(err)?;
            for n in view.nodes() {
                let labels = format!("Entity;{}", style::neo4j_label(n.entity_type));
                let label = text(&n.label);
                w.write_record([
                    text(&n.id).as_str(),
                    &labels,
                    &label,
                    &label,
                    n.entity_type.as_str(),
                    &array(&n.aliases),
                    &array(&n.docs),
                    &n.mentions.to_string(),
                ])
                .map_err(err)?;
            }
        } else {
            w.write_record(REL_HEADER).map_err(err)?;
            for (i, e) in view.edges().iter().enumerate() {
                let alt: Vec<String> = e
                    .amount_usd_alt
                    .iter()
                    .filter_map(|a| escape::number(*a))
                    .collect();
                w.write_record([
                    text(&e.source).as_str(),
                    &text(&e.target),
                    e.kind.upper_snake(),
                    &text(&e.id),
                    e.kind.as_str(),
                    fields::status(e),
                    &fields::opt_number(e.amount_usd),
                    &escape::join_list(&alt),
                    &fields::opt_number(e.stake_pct),
                    &fields::opt_number(Some(e.confidence)),
                    &e.support.to_string(),
                    &e.evidence_count.to_string(),
                    &array(&fields::evidence_docs(e)),
                    &text(fields::evidence_text(view, i)),
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
    fn admin_import_headers_and_rows() {
        let g = super::super::tiny_graph();
        let e = Neo4jCsvExporter::default();
        let nodes = super::super::render_to_string(&e, &g, 0);
        assert!(
            nodes.contains("person:ann,Entity;Person,Ann,Ann,PERSON,,d1,1"),
            "{nodes}"
        );
        let rels = super::super::render_to_string(&e, &g, 1);
        assert!(rels.starts_with(":START_ID(Entity),:END_ID(Entity),:TYPE,"));
        assert!(rels.contains("person:ann,org:node-x,INVESTS_IN,"), "{rels}");
        assert!(
            rels.lines().count() == 3,
            "no line breaks inside fields: {rels}"
        );
    }
}
