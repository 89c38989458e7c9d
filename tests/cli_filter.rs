//! `--relations`, `--min-support`, `--min-confidence`, `--focus` and
//! `--hops` cut the same part of the graph out in every format.

use assert_cmd::Command;
use serde_json::Value;

fn build(args: &[&str]) -> (tempfile::TempDir, Value) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut cmd = Command::cargo_bin("kgraph").expect("binary");
    cmd.arg("build")
        .arg("--quiet")
        .args(args)
        .arg("-o")
        .arg(tmp.path());
    cmd.assert().success();
    let json = std::fs::read(tmp.path().join("graph.json")).expect("graph.json");
    let v = serde_json::from_slice(&json).expect("json");
    (tmp, v)
}

#[test]
fn relations_filter_keeps_only_those_types_in_every_format() {
    let (tmp, g) = build(&["--relations", "invests_in,acquired"]);
    let edges = g["edges"].as_array().expect("edges");
    assert!(!edges.is_empty());
    assert!(
        edges
            .iter()
            .all(|e| e["type"] == "invests_in" || e["type"] == "acquired")
    );
    // Nodes without a kept edge are dropped.
    let ids: std::collections::BTreeSet<&str> = edges
        .iter()
        .flat_map(|e| [e["source"].as_str(), e["target"].as_str()])
        .flatten()
        .collect();
    assert_eq!(g["nodes"].as_array().expect("nodes").len(), ids.len());
    // The CSV edge list shows the same cut.
    let csv = std::fs::read_to_string(tmp.path().join("edges.csv")).expect("edges.csv");
    assert_eq!(csv.lines().count() - 1, edges.len());
}

#[test]
fn focus_and_hops_keep_a_neighbourhood() {
    let (_tmp, g) = build(&["--focus", "Scale", "--hops", "1"]);
    let edges = g["edges"].as_array().expect("edges");
    assert!(!edges.is_empty());
    // The neighbourhood: the focus and the nodes one edge away from it.
    let mut near = std::collections::BTreeSet::from(["org:scale-ai"]);
    for e in edges {
        if e["source"] == "org:scale-ai" {
            near.insert(e["target"].as_str().expect("target"));
        }
        if e["target"] == "org:scale-ai" {
            near.insert(e["source"].as_str().expect("source"));
        }
    }
    assert!(near.len() > 1);
    for e in edges {
        assert!(near.contains(e["source"].as_str().expect("source")));
        assert!(near.contains(e["target"].as_str().expect("target")));
    }
    // Something of the full graph is left out.
    let (_tmp2, full) = build(&[]);
    assert!(
        full["nodes"].as_array().expect("nodes").len()
            > g["nodes"].as_array().expect("nodes").len()
    );
}

#[test]
fn min_support_drops_rarely_stated_edges() {
    let (_tmp, g) = build(&["--min-support", "2"]);
    let edges = g["edges"].as_array().expect("edges");
    assert!(
        edges
            .iter()
            .all(|e| e["support"].as_u64().unwrap_or(0) >= 2)
    );
}

#[test]
fn unknown_focus_is_an_error_and_unknown_relation_a_usage_error() {
    let tmp = tempfile::tempdir().expect("tempdir");
    Command::cargo_bin("kgraph")
        .expect("binary")
        .args(["build", "--quiet", "--focus", "No Such Company Corp", "-o"])
        .arg(tmp.path())
        .assert()
        .code(1)
        .stderr(predicates::str::contains("No Such Company Corp"));
    Command::cargo_bin("kgraph")
        .expect("binary")
        .args(["build", "--quiet", "--relations", "buys", "-o"])
        .arg(tmp.path())
        .assert()
        .code(2);
}
