//! Every exporter on a graph full of hostile names: files are written,
//! parse back with independent readers (serde_json, quick-xml, csv) with
//! the same ids and counts, are byte-identical whatever the input order,
//! match the golden files, and — where the real consumers are installed —
//! pass `check-exports` (Graphviz, NetworkX, igraph, graphology, Neo4j's
//! Cypher parser, FalkorDB, ladybug).
//!
//! Golden files live in `tests/golden/`; regenerate them with
//! `KGRAPH_BLESS=1 cargo test --test export`.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use kgraph::export::{self, Format, Picture, RenderExporter};
use kgraph::{EntityType, KnowledgeGraph, RelationKind};
use proptest::prelude::*;
use quick_xml::events::Event;

fn write_all(graph: &KnowledgeGraph, formats: &[Format]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    export::write_dir(&graph.view(), formats, dir.path()).expect("export");
    dir
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn node_ids(g: &KnowledgeGraph) -> BTreeSet<String> {
    g.nodes().map(|n| n.id.clone()).collect()
}

fn edge_triples(g: &KnowledgeGraph) -> BTreeSet<(String, String, String)> {
    g.edges()
        .map(|e| (e.id.clone(), e.source.clone(), e.target.clone()))
        .collect()
}

/// Node ids/labels and edge (id, source, target) of a GraphML or GEXF file,
/// read with quick-xml.
struct XmlGraph {
    nodes: Vec<(String, Option<String>)>,
    edges: Vec<(String, String, String)>,
}

fn read_xml_graph(text: &str) -> XmlGraph {
    let mut r = quick_xml::Reader::from_str(text);
    let mut g = XmlGraph {
        nodes: Vec::new(),
        edges: Vec::new(),
    };
    loop {
        match r.read_event().expect("well-formed XML") {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => {
                let get = |name: &[u8]| {
                    e.attributes()
                        .map(|a| a.expect("attribute"))
                        .find(|a| a.key.as_ref() == name)
                        .map(|a| a.unescape_value().expect("value").into_owned())
                };
                match e.name().as_ref() {
                    b"node" => g.nodes.push((get(b"id").expect("node id"), get(b"label"))),
                    // GraphML edges carry their id in the `edge_id` data.
                    b"edge" => g.edges.push((
                        get(b"id").unwrap_or_default(),
                        get(b"source").expect("source"),
                        get(b"target").expect("target"),
                    )),
                    b"data" => {
                        let key = get(b"key").unwrap_or_default();
                        let name = e.name().as_ref().to_vec();
                        let raw = r
                            .read_text(quick_xml::name::QName(&name))
                            .expect("data text")
                            .into_owned();
                        let text = quick_xml::escape::unescape(&raw)
                            .expect("entities")
                            .into_owned();
                        match key.as_str() {
                            "node_label" => {
                                if let Some(last) = g.nodes.last_mut() {
                                    last.1 = Some(text);
                                }
                            }
                            "edge_id" => {
                                if let Some(last) = g.edges.last_mut() {
                                    last.0 = text;
                                }
                            }
                            _ => {}
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }
    g
}

fn read_csv(dir: &Path, rel: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::ReaderBuilder::new()
        .flexible(false)
        .from_path(dir.join(rel))
        .unwrap_or_else(|e| panic!("{rel}: {e}"));
    let header = r
        .headers()
        .expect("header")
        .iter()
        .map(String::from)
        .collect();
    let rows = r
        .records()
        .map(|rec| rec.expect("record").iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn col(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

#[test]
fn every_format_writes_and_parses_back() {
    let g = common::fixture_graph();
    assert!(g.node_count() >= 15, "fixture has {} nodes", g.node_count());
    let ids = node_ids(&g);
    let edges = edge_triples(&g);
    let dir = write_all(&g, Format::ALL);
    let d = dir.path();

    // Every file of every format is there.
    for f in Format::ALL {
        for rel in f.files() {
            assert!(d.join(rel).is_file(), "{rel} missing");
        }
    }

    // graph.json
    let json: serde_json::Value = serde_json::from_str(&read(d, "graph.json")).expect("json");
    let jn: BTreeSet<String> = json["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .map(|n| n["id"].as_str().expect("id").to_string())
        .collect();
    assert_eq!(jn, ids);
    assert_eq!(json["edges"].as_array().expect("edges").len(), edges.len());
    assert_eq!(json["multigraph"], true);

    // GraphML and GEXF: same ids, labels and edges.
    for rel in ["graph.graphml", "graph.gexf"] {
        let x = read_xml_graph(&read(d, rel));
        let xn: BTreeSet<String> = x.nodes.iter().map(|n| n.0.clone()).collect();
        assert_eq!(xn, ids, "{rel} node ids");
        assert_eq!(x.nodes.len(), ids.len(), "{rel} node count");
        let xe: BTreeSet<_> = x.edges.iter().cloned().collect();
        assert_eq!(xe, edges, "{rel} edges");
        assert_eq!(x.edges.len(), edges.len(), "{rel} edge count");
        for (id, label) in &x.nodes {
            let node = g.node(id).expect("node");
            assert_eq!(
                label.as_deref(),
                Some(node.label.as_str()),
                "{rel} label of {id}"
            );
        }
    }

    // GraphML keys: descriptive ids, for node/edge, standard types, before <graph>.
    let graphml = read(d, "graph.graphml");
    let graph_at = graphml.find("<graph ").expect("<graph>");
    for line in graphml
        .lines()
        .filter(|l| l.trim_start().starts_with("<key "))
    {
        assert!(graphml.find(line).expect("key") < graph_at);
        assert!(
            line.contains("for=\"node\"") || line.contains("for=\"edge\""),
            "{line}"
        );
        assert!(
            !line.contains("id=\"d3\"") && !line.contains("id=\"d7\""),
            "{line}"
        );
        assert!(
            ["string", "int", "long", "double"]
                .iter()
                .any(|t| line.contains(&format!("attr.type=\"{t}\""))),
            "{line}"
        );
    }
    assert!(
        !graphml.contains('\u{1}'),
        "control characters are stripped"
    );

    // CSV
    let (h, rows) = read_csv(d, "nodes.csv");
    let cn: BTreeSet<String> = rows.iter().map(|r| r[col(&h, "Id")].clone()).collect();
    assert_eq!(cn, ids);
    for r in &rows {
        let node = g.node(&r[col(&h, "Id")]).expect("node");
        assert_eq!(r[col(&h, "Label")], node.label);
        assert_eq!(r[col(&h, "Type")], node.entity_type.as_str());
    }
    let (h, rows) = read_csv(d, "edges.csv");
    let ce: BTreeSet<_> = rows
        .iter()
        .map(|r| {
            (
                r[col(&h, "Id")].clone(),
                r[col(&h, "Source")].clone(),
                r[col(&h, "Target")].clone(),
            )
        })
        .collect();
    assert_eq!(ce, edges);
    for r in &rows {
        let ev: serde_json::Value =
            serde_json::from_str(&r[col(&h, "evidence")]).expect("evidence json");
        assert!(ev.as_array().is_some_and(|a| !a.is_empty()));
    }

    // Neo4j admin CSV: no line breaks inside fields, ids and ends.
    let (h, rows) = read_csv(d, "neo4j/nodes.csv");
    assert_eq!(h[0], "id:ID(Entity)");
    let nn: BTreeSet<String> = rows.iter().map(|r| r[0].clone()).collect();
    assert_eq!(nn, ids);
    for r in &rows {
        assert!(r[1].starts_with("Entity;"), "{:?}", r[1]);
        assert!(
            r.iter().all(|f| !f.contains('\n') && !f.contains('\r')),
            "{r:?}"
        );
    }
    let (h, rows) = read_csv(d, "neo4j/relationships.csv");
    assert_eq!(&h[..3], [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]);
    let ne: BTreeSet<_> = rows
        .iter()
        .map(|r| (r[col(&h, "id")].clone(), r[0].clone(), r[1].clone()))
        .collect();
    assert_eq!(ne, edges);
    for r in &rows {
        assert!(
            r.iter().all(|f| !f.contains('\n') && !f.contains('\r')),
            "{r:?}"
        );
        let kind: RelationKind = r[col(&h, "type")].parse().expect("kind");
        assert_eq!(r[2], kind.upper_snake());
    }

    // Cypher: constraint first, one statement per node and edge, skeletons
    // free of injected code.
    let cy = read(d, "graph.cypher");
    let stmts: Vec<&str> = cy.lines().filter(|l| !l.starts_with("//")).collect();
    assert!(stmts[0].starts_with("CREATE CONSTRAINT"));
    assert_eq!(stmts.len(), 1 + ids.len() + edges.len());
    for s in &stmts[1..] {
        assert_cypher_skeleton(s);
    }
    assert!(!cy.contains(":param"));

    // DOT: quoted ids, no `strict`, one edge line per edge.
    let dot = read(d, "graph.dot");
    assert!(dot.contains("digraph") && !dot.contains("strict"));
    assert_eq!(
        dot.lines().filter(|l| l.contains("\" -> \"")).count(),
        edges.len()
    );
    for id in &ids {
        assert!(dot.contains(&format!("  \"{id}\" [label=")), "{id}");
    }

    // Merge log: one record per line, every node known.
    let log = read(d, "merge_log.jsonl");
    assert_eq!(log.lines().count(), g.merge_log().len());
    for line in log.lines() {
        let rec: serde_json::Value = serde_json::from_str(line).expect("json line");
        assert!(ids.contains(rec["node"].as_str().expect("node")));
    }
}

/// Replaces the contents of every double-quoted Cypher string literal with
/// `?`, honouring backslash escapes; panics on an unterminated literal.
fn cypher_skeleton(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '"' {
            out.push('?');
            loop {
                match chars.next() {
                    Some('\\') => {
                        chars.next().expect("escape at end of statement");
                    }
                    Some('"') => break,
                    Some(_) => {}
                    None => panic!("unterminated literal in {s}"),
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

fn assert_cypher_skeleton(s: &str) {
    let sk = cypher_skeleton(s);
    assert!(!sk.contains('\''), "stray quote in {sk}");
    assert!(
        !sk.contains("DELETE") && !sk.contains("//"),
        "injected code: {sk}"
    );
    assert!(sk.ends_with(';') && sk.matches(';').count() == 1, "{sk}");
    assert!(
        sk.starts_with("MERGE (n:Entity {id: ?}) SET n:")
            || sk.starts_with("MATCH (a:Entity {id: ?}) MATCH (b:Entity {id: ?}) MERGE (a)-[r:"),
        "{sk}"
    );
}

#[test]
fn exports_are_deterministic() {
    let a = common::fixture_graph();
    let mut docs = common::fixture_docs();
    docs.reverse();
    let b = common::fixture_graph_from(docs);
    let da = tempfile::tempdir().expect("temp dir");
    let db = tempfile::tempdir().expect("temp dir");
    for f in Format::ALL.iter().chain([&Format::GraphmlYed]) {
        export::write_dir(&a.view(), &[*f], da.path()).expect("export a");
        export::write_dir(&b.view(), &[*f], db.path()).expect("export b");
        for rel in f.files() {
            assert_eq!(
                std::fs::read(da.path().join(rel)).expect("a"),
                std::fs::read(db.path().join(rel)).expect("b"),
                "{rel} differs with another input order"
            );
        }
    }
}

#[test]
fn empty_graph_exports() {
    let g = common::fixture_graph_from(Vec::new());
    let dir = write_all(&g, Format::ALL);
    let x = read_xml_graph(&read(dir.path(), "graph.graphml"));
    assert!(x.nodes.is_empty() && x.edges.is_empty());
    read_xml_graph(&read(dir.path(), "graph.gexf"));
    assert_eq!(read_csv(dir.path(), "edges.csv").1.len(), 0);
}

#[test]
fn golden_files() {
    let g = common::fixture_graph();
    let dir = write_all(&g, Format::ALL);
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var("KGRAPH_BLESS").is_ok_and(|v| v == "1");
    let mut stale = Vec::new();
    for f in Format::ALL {
        for rel in f.files() {
            let got = std::fs::read(dir.path().join(rel)).expect("written");
            let want_path = golden.join(rel);
            if bless {
                std::fs::create_dir_all(want_path.parent().expect("parent")).expect("mkdir");
                std::fs::write(&want_path, &got).expect("bless");
                continue;
            }
            match std::fs::read(&want_path) {
                Ok(want) if want == got => {}
                _ => stale.push(rel.to_string()),
            }
        }
    }
    assert!(
        stale.is_empty(),
        "golden files differ: {stale:?} (inspect, then regenerate with KGRAPH_BLESS=1 cargo test --test export)"
    );
}

#[test]
fn dot_labels_draw_the_exact_text() {
    let g = common::fixture_graph();
    let mut buf = Vec::new();
    Format::Dot
        .exporter()
        .write_file(&g.view(), 0, &mut buf)
        .expect("dot");
    let dot = String::from_utf8(buf).expect("utf-8");
    // `\` first, then quotes; `&` as an entity; `\N` stays literal.
    assert!(dot.contains(r#"label="C:\\path\\N\\""#), "{dot}");
    assert!(dot.contains(r#"label="O'Brien \"The Quote\" \\ Partners <&amp;> Co""#));
    assert!(dot.contains(r#"label="AT&amp;amp;T \\n not a break""#));
    // Styles by status.
    assert!(dot.contains("style=dashed"));
    assert!(dot.contains("style=dotted"));
    assert!(dot.contains("invests in · $14.3B · 49%"));
    // The legend is the graph's HTML-like label.
    assert!(dot.contains("  label=<<TABLE"));
}

#[test]
fn render_says_when_graphviz_is_missing() {
    let g = common::fixture_graph();
    let r = RenderExporter::new(Picture::Svg).program("/nonexistent/kgraph-test/dot");
    let err = kgraph::export::Exporter::write_file(&r, &g.view(), 0, &mut Vec::new())
        .expect_err("no program");
    assert!(
        err.to_string().contains("Graphviz is not installed"),
        "{err}"
    );
}

#[test]
fn render_svg_when_graphviz_is_installed() {
    if !common::have("dot", &["-V"]) {
        common::require_tools_in_ci("Graphviz `dot`");
        return;
    }
    let g = common::fixture_graph();
    let dir = write_all(&g, &[Format::Svg, Format::Png]);
    let svg = read(dir.path(), "graph.svg");
    assert!(svg.contains("<svg"), "{svg}");
    let png = std::fs::read(dir.path().join("graph.png")).expect("png");
    assert!(png.starts_with(b"\x89PNG"));
}

fn check_exports_tool() -> Option<PathBuf> {
    let p = std::env::var_os("KGRAPH_CHECK_EXPORTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/tools/check-exports")
        });
    p.is_file().then_some(p)
}

/// Runs check-exports; `None` when it is missing or its dependencies are
/// not installed (exit 2).
fn run_check_exports(dir: &Path, extra: &[&str]) -> Option<(bool, String)> {
    let tool = check_exports_tool()?;
    let out = Command::new(&tool).args(extra).arg(dir).output().ok()?;
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    match out.status.code() {
        Some(0) => Some((true, text)),
        Some(1) => Some((false, text)),
        _ => {
            eprintln!("check-exports could not run:\n{text}");
            None
        }
    }
}

#[test]
fn check_exports_accepts_the_fixture() {
    let g = common::fixture_graph();
    let dir = write_all(&g, Format::ALL);
    let Some((ok, text)) = run_check_exports(dir.path(), &[]) else {
        common::require_tools_in_ci("check-exports (with Graphviz, networkx, FalkorDB)");
        return;
    };
    println!("{text}");
    assert!(ok, "check-exports failed:\n{text}");
    assert!(
        !text.contains("SKIP"),
        "check-exports skipped checks:\n{text}"
    );
}

#[test]
fn cypher_script_can_run_twice() {
    let g = common::fixture_graph();
    let dir = write_all(&g, &[Format::Json, Format::Cypher]);
    let script = read(dir.path(), "graph.cypher");
    std::fs::write(dir.path().join("twice.cypher"), format!("{script}{script}")).expect("write");
    let Some((ok, text)) = run_check_exports(
        dir.path(),
        &["--only", "json,cypher", "--cypher", "twice.cypher"],
    ) else {
        common::require_tools_in_ci("check-exports (with FalkorDB)");
        return;
    };
    println!("{text}");
    assert!(
        ok,
        "running graph.cypher twice changed the database:\n{text}"
    );
    assert!(text.contains("PASS  cypher.falkordb"), "{text}");
}

fn arb_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("node".to_string()),
        Just("graph".to_string()),
        Just("3M".to_string()),
        Just("x\"}) DETACH DELETE n //".to_string()),
        Just("東京 😀 Zoë".to_string()),
        "[a-zA-Z0-9 \"'\\\\<>&;{}()/\n\t\u{1}\u{b}é東😀-]{1,24}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Arbitrary names survive every exporter: XML parses with the same ids,
    /// CSV has consistent records, DOT ids are quoted, Cypher literals hold.
    #[test]
    fn arbitrary_names_survive_every_exporter(names in prop::collection::vec(arb_name(), 2..6)) {
        let mut entities = Vec::new();
        let mut relations = Vec::new();
        for (i, n) in names.iter().enumerate() {
            let t = if i % 2 == 0 { EntityType::Org } else { EntityType::Person };
            entities.push(common::entity(&format!("k{i}"), n, t, &[n.as_str(), "alias\n\"x\""]));
            if i > 0 {
                relations.push(common::relation("doc", &format!("k{i}"), RelationKind::WorksFor, "k0", common::Said {
                    text: "A \"sentence\" \\ with\nbreaks.",
                    ..common::Said::default()
                }));
            }
        }
        let g = common::fixture_graph_from(vec![kgraph::DocFacts {
            doc: "doc".into(),
            entities,
            relations,
            notes: vec![],
        }]);
        let ids = node_ids(&g);
        let dir = write_all(&g, Format::ALL);
        let d = dir.path();
        for rel in ["graph.graphml", "graph.gexf"] {
            let x = read_xml_graph(&read(d, rel));
            let xn: BTreeSet<String> = x.nodes.iter().map(|n| n.0.clone()).collect();
            prop_assert_eq!(&xn, &ids);
            prop_assert_eq!(x.edges.len(), g.edge_count());
        }
        for rel in ["nodes.csv", "neo4j/nodes.csv"] {
            let (_, rows) = read_csv(d, rel);
            prop_assert_eq!(rows.len(), ids.len());
        }
        let cy = read(d, "graph.cypher");
        for s in cy.lines().filter(|l| !l.starts_with("//")).skip(1) {
            assert_cypher_skeleton(s);
        }
        let dot = read(d, "graph.dot");
        for id in &ids {
            let quoted = format!("  \"{}\" [label=", id.replace('"', "\\\""));
            prop_assert!(dot.contains(&quoted));
        }
    }
}
