//! Rule cases as data: every case in `tests/rules/cases.toml` runs through
//! the whole pipeline and must yield its listed edges (with status, amount
//! and stake where given) and none of its `not_edges`; `nodes` ("Name |
//! TYPE") must be nodes of that type and `not_nodes` (names) no nodes.

use std::path::Path;

use kgraph::{Document, KnowledgeGraph, Pipeline};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    edges: Vec<String>,
    #[serde(default)]
    not_edges: Vec<String>,
    #[serde(default)]
    no_edges: bool,
    #[serde(default)]
    nodes: Vec<String>,
    #[serde(default)]
    not_nodes: Vec<String>,
    amount: Option<f64>,
    stake: Option<f64>,
}

/// "Head | type | Tail | status" -> parts.
fn parse(spec: &str) -> (String, String, String, Option<String>) {
    let parts: Vec<&str> = spec.split('|').map(str::trim).collect();
    assert!(parts.len() >= 3, "bad edge spec {spec:?}");
    (
        parts[0].to_string(),
        parts[1].to_string(),
        parts[2].to_string(),
        parts.get(3).map(|s| s.to_string()),
    )
}

fn find_edge<'g>(
    g: &'g KnowledgeGraph,
    head: &str,
    kind: &str,
    tail: &str,
) -> Option<&'g kgraph::Edge> {
    let h = g.find(head)?;
    let t = g.find(tail)?;
    g.edges().find(|e| {
        e.kind.as_str() == kind
            && ((e.source == h.id && e.target == t.id)
                || (e.kind.is_symmetric() && e.source == t.id && e.target == h.id))
    })
}

#[test]
fn rule_cases() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rules/cases.toml");
    let text = std::fs::read_to_string(&path).expect("cases file");
    let cases: Cases = toml::from_str(&text).expect("cases parse");
    let pipeline = Pipeline::builder().threads(1).build().expect("pipeline");
    let mut failures = Vec::new();
    for case in &cases.case {
        let g = pipeline.build(vec![Document::new(case.name.clone(), case.text.clone())]);
        let dump = || {
            g.edges()
                .map(|e| format!("{} {} {} {:?}", e.source, e.kind, e.target, e.status))
                .collect::<Vec<_>>()
                .join("; ")
        };
        for spec in &case.edges {
            let (h, k, t, status) = parse(spec);
            match find_edge(&g, &h, &k, &t) {
                None => failures.push(format!("{}: missing {spec} (got: {})", case.name, dump())),
                Some(e) => {
                    if let Some(s) = &status {
                        let got = e.status.map(|x| x.as_str()).unwrap_or("none");
                        if got != s {
                            failures.push(format!("{}: {spec}: status {got}", case.name));
                        }
                    }
                    if let Some(a) = case.amount {
                        if e.amount_usd != Some(a) {
                            failures
                                .push(format!("{}: {spec}: amount {:?}", case.name, e.amount_usd));
                        }
                    }
                    if let Some(p) = case.stake {
                        if e.stake_pct != Some(p) {
                            failures
                                .push(format!("{}: {spec}: stake {:?}", case.name, e.stake_pct));
                        }
                    }
                }
            }
        }
        for spec in &case.not_edges {
            let (h, k, t, _) = parse(spec);
            if find_edge(&g, &h, &k, &t).is_some() {
                failures.push(format!("{}: unexpected {spec}", case.name));
            }
        }
        for spec in &case.nodes {
            let (name, ty) = spec.split_once('|').expect("node spec is 'Name | TYPE'");
            match g.find(name.trim()) {
                Some(n) if n.entity_type.as_str() == ty.trim() => {}
                Some(n) => {
                    failures.push(format!("{}: {spec}: typed {:?}", case.name, n.entity_type))
                }
                None => failures.push(format!("{}: missing node {spec}", case.name)),
            }
        }
        for name in &case.not_nodes {
            if let Some(n) = g.find(name) {
                failures.push(format!(
                    "{}: unexpected node {} ({})",
                    case.name, name, n.id
                ));
            }
        }
        if case.no_edges && g.edge_count() > 0 {
            failures.push(format!("{}: expected no edges, got {}", case.name, dump()));
        }
    }
    assert!(
        failures.is_empty(),
        "{} rule case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
