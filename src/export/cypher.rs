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

use super::chunked;
use super::{Exporter, escape, fields, style};
use crate::error::Result;
use crate::graph::{GraphView, Node};

/// Writes `graph.cypher`.
#[derive(Clone, Debug, Default)]
pub struct CypherExporter {
    _private: (),
}

/// Appends a string literal of Neo4j text (see [`escape::neo4j_text`]).
fn lit(out: &mut String, s: &str) {
    escape::cypher_text_into(out, s);
}

/// Appends a list literal of [`escape::neo4j_list_items`] (`["a", "b"]`);
/// appends nothing and returns false when no item is left.
fn list<I>(out: &mut String, items: I) -> bool
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    let mut any = false;
    for item in items {
        let text = escape::neo4j_list_item(item.as_ref());
        if text.is_empty() {
            continue;
        }
        out.push_str(if any { ", " } else { "[" });
        any = true;
        escape::cypher_string_into(out, &text);
    }
    if any {
        out.push(']');
    }
    any
}

/// The start of a `SET` item, `var.key = ` (made with `concat!`); the
/// variable and the key are fixed plain words, which
/// [`escape::cypher_name`] leaves as they are.
macro_rules! item {
    ($var:literal, $key:literal) => {
        concat!($var, ".", $key, " = ")
    };
}

/// The `SET` items of one statement, `var.key = value` joined with `, `,
/// written straight into the statement; each item comes with its start,
/// made by `item!`.
struct Items<'s> {
    s: &'s mut String,
    first: bool,
}

impl<'s> Items<'s> {
    fn new(s: &'s mut String) -> Items<'s> {
        Items { s, first: true }
    }

    /// Starts an item and returns the statement to write its value into.
    fn key(&mut self, start: &'static str) -> &mut String {
        debug_assert!(
            start
                .strip_suffix(" = ")
                .and_then(|k| k.split_once('.'))
                .is_some_and(|(v, k)| escape::cypher_name(v) == v && escape::cypher_name(k) == k)
        );
        if !self.first {
            self.s.push_str(", ");
        }
        self.first = false;
        self.s.push_str(start);
        self.s
    }

    /// An item whose value is already written out (`value` may be empty:
    /// then the item is left out).
    fn raw(&mut self, start: &'static str, value: &str) {
        if !value.is_empty() {
            self.key(start).push_str(value);
        }
    }

    /// A string item, left out when the text is empty.
    fn text(&mut self, start: &'static str, text: &str) {
        if !text.is_empty() {
            lit(self.key(start), text);
        }
    }

    /// A float item, left out when absent or not finite.
    fn float(&mut self, start: &'static str, x: Option<f64>) {
        if let Some(x) = x.filter(|x| x.is_finite()) {
            escape::cypher_float_into(self.key(start), x);
        }
    }

    /// An integer item.
    fn int(&mut self, start: &'static str, n: usize) {
        escape::uint_into(self.key(start), n as u64);
    }

    /// A list item, left out when no item is left (`scratch` is reused).
    fn list<I>(&mut self, start: &'static str, items: I, scratch: &mut String)
    where
        I: IntoIterator,
        I::Item: AsRef<str>,
    {
        scratch.clear();
        if list(scratch, items) {
            self.key(start).push_str(scratch);
        }
    }
}

fn node_statement(s: &mut String, scratch: &mut String, n: &Node) {
    s.push_str("MERGE (n:Entity {id: ");
    lit(s, &n.id);
    s.push_str("}) SET n:");
    s.push_str(style::neo4j_label(n.entity_type));
    s.push_str(", ");
    // The label literal goes in twice (`label` and `name`).
    scratch.clear();
    lit(scratch, &n.label);
    let mut items = Items::new(s);
    items.raw(item!("n", "label"), scratch);
    items.raw(item!("n", "name"), scratch);
    items.text(item!("n", "type"), n.entity_type.as_str());
    items.list(item!("n", "aliases"), &n.aliases, scratch);
    items.list(item!("n", "docs"), &n.docs, scratch);
    items.int(item!("n", "mentions"), n.mentions);
    s.push_str(";\n");
}

fn edge_statement(
    s: &mut String,
    scratch: &mut String,
    view: &GraphView<'_>,
    i: usize,
) -> Result<()> {
    let e = view.edges()[i];
    let texts = fields::evidence(view, i);
    let evidence = texts.json_of(e)?;
    s.push_str("MATCH (a:Entity {id: ");
    lit(s, &e.source);
    s.push_str("}) MATCH (b:Entity {id: ");
    lit(s, &e.target);
    s.push_str("}) MERGE (a)-[r:");
    s.push_str(&escape::cypher_name(e.kind.upper_snake()));
    s.push_str(" {id: ");
    lit(s, &e.id);
    s.push_str("}]->(b) SET ");
    let mut items = Items::new(s);
    items.text(item!("r", "type"), e.kind.as_str());
    items.text(item!("r", "status"), fields::status(e));
    items.float(item!("r", "amount_usd"), e.amount_usd);
    scratch.clear();
    for a in e.amount_usd_alt.iter().filter(|a| a.is_finite()) {
        scratch.push_str(if scratch.is_empty() { "[" } else { ", " });
        escape::cypher_float_into(scratch, *a);
    }
    if !scratch.is_empty() {
        scratch.push(']');
    }
    items.raw(item!("r", "amount_usd_alt"), scratch);
    items.float(item!("r", "stake_pct"), e.stake_pct);
    items.float(item!("r", "confidence"), Some(e.confidence));
    items.int(item!("r", "support"), e.support);
    items.int(item!("r", "evidence_count"), e.evidence_count);
    items.list(item!("r", "docs"), &fields::evidence_docs(e), scratch);
    items.text(item!("r", "evidence_text"), &texts.text);
    items.text(item!("r", "evidence"), evidence);
    s.push_str(";\n");
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
        let mut w = chunked(out);
        w.write_all(s.as_bytes())?;
        let mut scratch = String::new();
        for n in view.nodes() {
            s.clear();
            node_statement(&mut s, &mut scratch, n);
            w.write_all(s.as_bytes())?;
        }
        for i in 0..view.edges().len() {
            s.clear();
            edge_statement(&mut s, &mut scratch, view, i)?;
            w.write_all(s.as_bytes())?;
        }
        w.flush()?;
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
