//! The committed `out/` folder is the golden output of the bundled sample
//! corpus: `kgraph build` with no arguments must reproduce it byte for byte
//! in every format of `Format::ALL` (pictures excluded, since they depend on
//! the installed Graphviz).
//!
//! After an intended change, regenerate with
//! `KGRAPH_BLESS=1 cargo test --test sample_golden` and review the diff.

use std::path::Path;

use assert_cmd::Command;
use kgraph::export::Format;

#[test]
fn sample_corpus_matches_committed_out() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let golden = root.join("out");
    let tmp = tempfile::tempdir().expect("temp dir");
    Command::cargo_bin("kgraph")
        .expect("binary")
        .args(["build", "--quiet", "-o"])
        .arg(tmp.path())
        .assert()
        .success();
    let bless = std::env::var_os("KGRAPH_BLESS").is_some();
    let mut mismatches = Vec::new();
    for format in Format::ALL {
        for file in format.files() {
            let got = std::fs::read(tmp.path().join(file)).expect("output file written");
            let path = golden.join(file);
            if bless {
                std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
                std::fs::write(&path, &got).expect("bless");
                continue;
            }
            let want = std::fs::read(&path).unwrap_or_default();
            if want != got {
                mismatches.push(format!(
                    "out/{file} differs from the sample corpus build ({} bytes expected, {} got)",
                    want.len(),
                    got.len()
                ));
            }
        }
    }
    assert!(
        mismatches.is_empty(),
        "{}\nrun KGRAPH_BLESS=1 cargo test --test sample_golden to update out/",
        mismatches.join("\n")
    );
}

#[test]
fn sample_graph_has_the_headline_facts() {
    // Independent of the byte-level golden: the facts the sample corpus was
    // written to state (see examples/corpus/README.md).
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("out/graph.json")).expect("out/graph.json");
    let g: serde_json::Value = serde_json::from_str(&text).expect("json");
    let edges = g["edges"].as_array().expect("edges");
    let has = |s: &str, t: &str, ty: &str| {
        edges
            .iter()
            .any(|e| e["source"] == s && e["target"] == t && e["type"] == ty)
    };
    assert!(has("org:meta-platforms", "org:scale-ai", "invests_in"));
    assert!(has("org:meta-platforms", "org:whatsapp", "acquired"));
    assert!(has("person:alexandr-wang", "org:scale-ai", "founded"));
    let invest = edges
        .iter()
        .find(|e| {
            e["source"] == "org:meta-platforms"
                && e["target"] == "org:scale-ai"
                && e["type"] == "invests_in"
        })
        .expect("investment edge");
    assert_eq!(invest["amount_usd"], 14.3e9);
    assert_eq!(invest["stake_pct"], 49.0);
    // Conflicting reported amounts are kept, not dropped.
    assert!(!invest["amount_usd_alt"].as_array().expect("alt").is_empty());
    // "Wang" and "Alexandr Wang" are one node.
    let nodes = g["nodes"].as_array().expect("nodes");
    let wang: Vec<_> = nodes
        .iter()
        .filter(|n| n["label"].as_str().is_some_and(|l| l.contains("Wang")))
        .collect();
    assert_eq!(wang.len(), 1, "one node for Alexandr Wang: {wang:?}");
}
