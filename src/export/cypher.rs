//! A Cypher script (`graph.cypher`) that loads the graph into Neo4j (or
//! another Cypher engine such as FalkorDB or Memgraph).
//!
//! Constraints first, then one `MERGE (n:Entity {id: ...}) SET ...` per
//! node and one `MATCH ... MERGE (a)-[r:TYPE {id: ...}]->(b) SET ...` per
//! relationship, with inline literals: no `:param` lines and no
//! `CALL ... IN TRANSACTIONS`, so any Cypher client can run it, and running
//! it again changes nothing (everything is merged on `id`). Every string
//! literal comes from [`escape::cypher_string`] (no text can end a literal),
//! labels and relationship types are fixed UPPER_SNAKE / PascalCase words.
//! Labels and properties are exactly those of the neo4j-admin CSV files.

use std::fmt::Write as _;
use std::io::Write;

use super::{Exporter, escape, fields, style};
use crate::error::Result;
use crate::graph::{Edge, GraphView, Node};

/// Writes `graph.cypher`.
#[derive(Clone, Debug, Default)]
pub struct CypherExporter {
    _private: (),
}

fn lit(s: &str) -> String {
    escape::cypher_string(&escape::neo4j_text(s))
}

fn list<S: AsRef<str>>(items: &[S]) -> Option<String> {
    let items = escape::neo4j_list_items(items);
    if items.is_empty() {
        return None;
    }
    let parts: Vec<String> = items.iter().map(|s| escape::cypher_string(s)).collect();
    Some(format!("[{}]", parts.join(", ")))
}

fn float(x: Option<f64>) -> Option<String> {
    x.filter(|x| x.is_finite()).map(escape::cypher_float)
}

/// `SET` items of a variable: `v.key = value`, skipping absent values.
fn set_items(var: &str, props: &[(&str, Option<String>)]) -> Vec<String> {
    props
        .iter()
        .filter_map(|(k, v)| {
            v.as_ref()
                .map(|v| format!("{var}.{} = {v}", escape::cypher_name(k)))
        })
        .collect()
}

fn node_statement(s: &mut String, n: &Node) {
    let label = lit(&n.label);
    let mut items = vec![format!("n:{}", style::neo4j_label(n.entity_type))];
    items.extend(set_items(
        "n",
        &[
            ("label", Some(label.clone())),
            ("name", Some(label)),
            ("type", Some(lit(n.entity_type.as_str()))),
            ("aliases", list(&n.aliases)),
            ("docs", list(&n.docs)),
            ("mentions", Some(n.mentions.to_string())),
        ],
    ));
    let _ = writeln!(
        s,
        "MERGE (n:Entity {{id: {}}}) SET {};",
        lit(&n.id),
        items.join(", ")
    );
}

fn edge_statement(s: &mut String, e: &Edge) -> Result<()> {
    let alt: Vec<String> = e
        .amount_usd_alt
        .iter()
        .filter(|a| a.is_finite())
        .map(|a| escape::cypher_float(*a))
        .collect();
    let alt = (!alt.is_empty()).then(|| format!("[{}]", alt.join(", ")));
    let status = fields::status(e);
    let evidence_text = fields::evidence_text(e);
    let evidence = fields::evidence_json(e)?;
    let nonempty = |t: &str| (!t.is_empty()).then(|| lit(t));
    let items = set_items(
        "r",
        &[
            ("type", Some(lit(e.kind.as_str()))),
            ("status", nonempty(status)),
            ("amount_usd", float(e.amount_usd)),
            ("amount_usd_alt", alt),
            ("stake_pct", float(e.stake_pct)),
            ("confidence", float(Some(e.confidence))),
            ("support", Some(e.support.to_string())),
            ("evidence_count", Some(e.evidence_count.to_string())),
            ("docs", list(&fields::evidence_docs(e))),
            ("evidence_text", nonempty(&evidence_text)),
            ("evidence", nonempty(&evidence)),
        ],
    );
    let _ = writeln!(
        s,
        "MATCH (a:Entity {{id: {}}}) MATCH (b:Entity {{id: {}}}) MERGE (a)-[r:{} {{id: {}}}]->(b) SET {};",
        lit(&e.source),
        lit(&e.target),
        escape::cypher_name(e.kind.upper_snake()),
        lit(&e.id),
        items.join(", ")
    );
    Ok(())
}

impl CypherExporter {
    /// The script as text.
    ///
    /// # Errors
    /// Fails only if evidence cannot be serialised.
    pub fn to_cypher(&self, view: &GraphView<'_>) -> Result<String> {
        let mut out = Vec::new();
        self.write_cypher(view, &mut out)?;
        // Written from `&str` pieces only, so always valid UTF-8.
        Ok(String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
    }

    /// Writes the script statement by statement (the bytes of
    /// [`CypherExporter::to_cypher`]).
    fn write_cypher(&self, view: &GraphView<'_>, out: &mut dyn Write) -> Result<()> {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "// kgraph: {} nodes, {} relationships. Idempotent: every node and relationship is merged on `id`, so running it again changes nothing.",
            view.nodes().len(),
            view.edges().len()
        );
        s.push_str(
            "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;\n",
        );
        out.write_all(s.as_bytes())?;
        for n in view.nodes() {
            s.clear();
            node_statement(&mut s, n);
            out.write_all(s.as_bytes())?;
        }
        for e in view.edges() {
            s.clear();
            edge_statement(&mut s, e)?;
            out.write_all(s.as_bytes())?;
        }
        Ok(())
    }
}

impl Exporter for CypherExporter {
    fn files(&self) -> &'static [&'static str] {
        &["graph.cypher"]
    }

    fn write_file(&self, view: &GraphView<'_>, _file: usize, out: &mut dyn Write) -> Result<()> {
        self.write_cypher(view, out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraint_first_then_merges() {
        let g = super::super::tiny_graph();
        let s = CypherExporter::default()
            .to_cypher(&g.view())
            .unwrap_or_default();
        let lines: Vec<&str> = s.lines().collect();
        assert!(lines[1].starts_with("CREATE CONSTRAINT entity_id IF NOT EXISTS"));
        assert!(lines[2].starts_with(r#"MERGE (n:Entity {id: "org:node-x"}) SET n:Organization, n.label = "node \"x\" \\ <&>""#), "{}", lines[2]);
        assert!(s.contains(r#"MERGE (a)-[r:INVESTS_IN {id: "person:ann|invests_in|org:node-x"}]->(b) SET r.type = "invests_in", r.status = "reported", r.amount_usd = 14300000000.0"#), "{s}");
        assert_eq!(lines.len(), 2 + 2 + 2);
    }
}
