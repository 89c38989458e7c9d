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

use super::csv::Rows;
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

impl Exporter for Neo4jCsvExporter {
    fn files(&self) -> &'static [&'static str] {
        &["neo4j/nodes.csv", "neo4j/relationships.csv"]
    }

    fn write_file(&self, view: &GraphView<'_>, file: usize, out: &mut dyn Write) -> Result<()> {
        let name = self.files().get(file).copied().unwrap_or("neo4j");
        let mut w = Rows::new(out, name);
        if file == 0 {
            w.record(NODE_HEADER)?;
            for n in view.nodes() {
                w.field(&escape::neo4j_text(&n.id));
                w.field_with(|v| {
                    v.push_str("Entity;");
                    v.push_str(style::neo4j_label(n.entity_type));
                });
                let label = escape::neo4j_text(&n.label);
                w.field(&label);
                w.field(&label);
                w.field(n.entity_type.as_str());
                w.field_with(|v| escape::neo4j_list_into(v, &n.aliases));
                w.field_with(|v| escape::neo4j_list_into(v, &n.docs));
                w.uint(n.mentions);
                w.end()?;
            }
        } else {
            w.record(REL_HEADER)?;
            for (i, e) in view.edges().iter().enumerate() {
                w.field(&escape::neo4j_text(&e.source));
                w.field(&escape::neo4j_text(&e.target));
                w.field(e.kind.upper_snake());
                w.field(&escape::neo4j_text(&e.id));
                w.field(e.kind.as_str());
                w.field(fields::status(e));
                w.number(e.amount_usd);
                w.field_with(|v| {
                    for a in e.amount_usd_alt.iter().filter(|a| a.is_finite()) {
                        if !v.is_empty() {
                            v.push(escape::LIST_SEPARATOR);
                        }
                        escape::number_into(v, *a);
                    }
                });
                w.number(e.stake_pct);
                w.number(Some(e.confidence));
                w.uint(e.support);
                w.uint(e.evidence_count);
                w.field_with(|v| escape::neo4j_list_into(v, &fields::evidence_docs(e)));
                // Folded: no line breaks or control characters are left
                // for `neo4j_text` to change.
                let evidence = fields::evidence(view, i);
                w.field(&evidence.text);
                w.field(evidence.json_of(e)?);
                w.end()?;
            }
        }
        w.finish()
    }
}
