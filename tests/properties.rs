//! Property tests (proptest, fixed seed and case count so CI is not flaky)
//! and the fuzz regression inputs.
//!
//! - any document order gives the same graph (same `graph.json` bytes);
//! - extracting shards and merging their facts gives the same graph as one
//!   build of all documents;
//! - any entity name from a rules file survives into the JSON export
//!   (normalised: C0 control characters removed, white space folded);
//! - every input kept in `tests/fuzz_regressions/` (crashes found by the
//!   cargo-fuzz targets in `fuzz/`) runs through the same steps as its
//!   fuzz target without panicking.

use std::path::Path;

use kgraph::config::normalize_name;
use kgraph::export::Format;
use kgraph::{Document, KnowledgeGraph, Pipeline};
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, RngSeed};

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        rng_seed: RngSeed::Fixed(0x6b67_7261_7068),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

fn pipeline() -> Pipeline {
    Pipeline::builder()
        .threads(2)
        .build()
        .unwrap_or_else(|e| panic!("pipeline: {e}"))
}

fn json(graph: &KnowledgeGraph) -> String {
    let mut buf = Vec::new();
    graph
        .export(Format::Json, &mut buf)
        .unwrap_or_else(|e| panic!("json export: {e}"));
    String::from_utf8(buf).unwrap_or_else(|e| panic!("json export is not UTF-8: {e}"))
}

// ---------------------------------------------------------------------------
// A small vocabulary of companies, people and deal sentences.

const COMPANIES: &[&str] = &[
    "Halvard Systems Inc",
    "Norrik Labs Inc",
    "Brightwave Capital",
    "Quillon Corp",
    "Tessaro Robotics Ltd",
    "Ashgrove Ventures",
];

const PEOPLE: &[&str] = &[
    "Maria Lindqvist",
    "Tomas Reyes",
    "Aiko Tanaka",
    "David Okafor",
];

/// A sentence template: `{A}`/`{B}` are companies, `{P}` a person, `{N}` a
/// number.
const TEMPLATES: &[&str] = &[
    "{A} said it agreed to acquire {B} for ${N} million.",
    "{A} acquired {B} in a deal valued at ${N} million.",
    "{A} invested ${N} million in {B}.",
    "{A} took a {N}% stake in {B}.",
    "{A} is in talks to buy {B}, people familiar with the matter said.",
    "{A} denied that it plans to acquire {B}.",
    "{A} and {B} announced a partnership on Tuesday.",
    "{A} competes with {B} in the robotics market.",
    "{P} is the chief executive of {A}.",
    "{P}, who founded {A} in 2019, left the company.",
    "{B} hired {P} as chief financial officer.",
    "{P} joined {B} from {A}.",
];

fn sentence() -> impl Strategy<Value = String> {
    (
        0..TEMPLATES.len(),
        0..COMPANIES.len(),
        0..COMPANIES.len(),
        0..PEOPLE.len(),
        1u32..900,
    )
        .prop_map(|(t, a, b, p, n)| {
            let b = if a == b { (b + 1) % COMPANIES.len() } else { b };
            TEMPLATES[t]
                .replace("{A}", COMPANIES[a])
                .replace("{B}", COMPANIES[b])
                .replace("{P}", PEOPLE[p])
                .replace("{N}", &n.to_string())
        })
}

/// A short document: one to four sentences, sometimes a title.
fn document_text() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(sentence(), 1..5),
        proptest::option::of(sentence()),
    )
        .prop_map(|(body, title)| {
            let body = body.join(" ");
            match title {
                Some(t) => format!("{}\n\n{body}", t.trim_end_matches('.')),
                None => body,
            }
        })
}

/// A handful of documents with distinct ids.
fn documents() -> impl Strategy<Value = Vec<Document>> {
    proptest::collection::vec(document_text(), 1..7).prop_map(|texts| {
        texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("doc-{i:02}.txt"), t))
            .collect()
    })
}

/// The documents and a permutation of them.
fn documents_and_permutation() -> impl Strategy<Value = (Vec<Document>, Vec<Document>)> {
    documents().prop_flat_map(|docs| {
        let shuffled = Just(docs.clone()).prop_shuffle();
        (Just(docs), shuffled)
    })
}

proptest! {
    #![proptest_config(config(64))]

    /// Any document order gives the same graph: identical `graph.json`
    /// bytes.
    #[test]
    fn document_order_does_not_matter((docs, shuffled) in documents_and_permutation()) {
        let p = pipeline();
        let graph = p.build(docs);
        prop_assert!(graph.node_count() > 0, "the vocabulary always makes nodes");
        let a = json(&graph);
        let b = json(&p.build(shuffled));
        prop_assert_eq!(a, b);
    }

    /// Extract + merge of shards (in any shard order) equals one build of
    /// all documents.
    #[test]
    fn shards_merge_to_the_same_graph(
        docs in documents(),
        shards in 1usize..4,
        reverse in any::<bool>(),
    ) {
        let p = pipeline();
        let whole = json(&p.build(docs.clone()));
        let mut parts: Vec<Vec<kgraph::DocFacts>> = vec![Vec::new(); shards];
        for (i, d) in docs.iter().enumerate() {
            parts[i % shards].push(p.extract(d));
        }
        if reverse {
            parts.reverse();
        }
        let mut builder = p.graph_builder();
        for part in parts {
            for facts in part {
                builder.add(facts);
            }
        }
        prop_assert_eq!(whole, json(&builder.finish()));
    }
}

// ---------------------------------------------------------------------------
// Entity names from a rules file.

/// A TOML basic string holding `s` (every character escaped as TOML needs).
fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// An arbitrary entity name: any Unicode, with extra weight on the
/// characters that break export formats.
fn hostile_name() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => "[A-Za-z]{1,6}",
        2 => any::<char>().prop_map(String::from),
        2 => proptest::sample::select(vec![
            "\"", "'", "\\", "\n", "\r\n", "\t", "\u{0}", "\u{1b}", "\u{7f}", "<", ">", "&",
            "]]>", "-->", "{", "}", "`", "$", "//", "/*", ";", " ", "\u{85}", "\u{2028}",
            "\u{feff}", "\u{202e}", "é", "東京", "🦀", "digraph", "MATCH (n) DETACH DELETE n",
            "node", "edge", "subgraph", "strict",
        ])
        .prop_map(String::from),
    ];
    proptest::collection::vec(piece, 1..6).prop_map(|v| v.concat())
}

/// A pipeline whose rules file defines `name` as an organisation.
fn pipeline_with_entity(name: &str) -> kgraph::Result<Pipeline> {
    let rules = format!("[[entity]]\nname = {}\ntype = \"ORG\"\n", toml_string(name));
    Pipeline::builder()
        .threads(1)
        .rules_str("rules.toml", &rules)
        .build()
}

/// The labels of the nodes of a `graph.json` export.
fn json_labels(text: &str) -> Vec<String> {
    let v: serde_json::Value =
        serde_json::from_str(text).unwrap_or_else(|e| panic!("graph.json: {e}\n{text}"));
    v["nodes"]
        .as_array()
        .unwrap_or_else(|| panic!("graph.json has no nodes array:\n{text}"))
        .iter()
        .filter_map(|n| n["label"].as_str().map(String::from))
        .collect()
}

/// Checks one name; `Ok(false)` when the rules loader rejects it (a name
/// that normalises to nothing).
fn name_survives(name: &str) -> Result<bool, TestCaseError> {
    let norm = normalize_name(name);
    let p = match pipeline_with_entity(name) {
        Ok(p) => p,
        Err(e) => {
            prop_assert!(norm.is_empty(), "rules with name {name:?} rejected: {e}");
            return Ok(false);
        }
    };
    prop_assert!(!norm.is_empty(), "empty name {name:?} accepted");
    // The document mentions the name as the rules file spells it (the
    // recogniser matches the normalised form), in a sentence of its own.
    let doc = Document::new(
        "d.txt",
        format!("Investors said this week:\n\n{norm}\n\nThe end."),
    );
    let facts = p.extract(&doc);
    prop_assert!(
        facts
            .entities
            .iter()
            .any(|e| e.canonical.as_deref() == Some(norm.as_str())),
        "{norm:?} not recognised in {:?}: {facts:?}",
        doc.text()
    );
    let labels = json_labels(&json(&p.build(vec![doc])));
    prop_assert!(labels.contains(&norm), "{norm:?} not among {labels:?}");
    Ok(true)
}

proptest! {
    #![proptest_config(config(64))]

    /// Any entity name given in a rules file, once mentioned, comes back
    /// from the JSON export with its (normalised) label.
    #[test]
    fn rules_entity_names_survive_json(name in hostile_name()) {
        name_survives(&name)?;
    }
}

#[test]
fn rules_entity_names_survive_json_examples() {
    for name in [
        "Acme \"Quoted\" Holdings",
        "Back\\slash Labs",
        "Line\nBreak\r\nCorp",
        "Ctl\u{0}\u{1b}\u{7f} Co",
        "<b>Markup</b> & Sons",
        "digraph { node }",
        "MATCH (n) DETACH DELETE n //",
        "東京 Robotics 🦀",
    ] {
        let r = name_survives(name);
        assert!(matches!(r, Ok(true)), "{name:?}: {r:?}");
    }
}

// ---------------------------------------------------------------------------
// Fuzz regressions.

/// Runs every file in `tests/fuzz_regressions/pipeline/` through the steps
/// of the `pipeline` fuzz target: lossy UTF-8, `extract`, `build`.
#[test]
fn fuzz_regressions_pipeline() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions/pipeline");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return;
    };
    let p = pipeline();
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.extension().is_some_and(|x| x == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let doc = Document::new("fuzz.txt", String::from_utf8_lossy(&bytes).as_ref());
        let _ = p.extract(&doc);
        let graph = p.build(vec![doc]);
        for e in graph.edges() {
            assert!(graph.node(&e.source).is_some(), "{}", path.display());
            assert!(graph.node(&e.target).is_some(), "{}", path.display());
        }
    }
}

// ---------------------------------------------------------------------------
// The checks of the `exporters` fuzz target, on a hand-made hostile graph.

/// Characters XML 1.0 does not allow in a document at all, escaped or not.
fn xml_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

fn check_xml(name: &str, text: &str) {
    let mut r = quick_xml::Reader::from_str(text);
    r.config_mut().check_end_names = true;
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                for a in e.attributes() {
                    let a = a.unwrap_or_else(|err| panic!("{name}: bad attribute: {err}"));
                    let v = a
                        .unescape_value()
                        .unwrap_or_else(|err| panic!("{name}: bad attribute value: {err}"));
                    assert!(!v.chars().any(xml_forbidden), "{name}: {v:?}");
                }
            }
            Ok(quick_xml::events::Event::Text(t)) => {
                let v = t
                    .decode()
                    .unwrap_or_else(|err| panic!("{name}: bad text: {err}"));
                assert!(!v.chars().any(xml_forbidden), "{name}: {v:?}");
            }
            Ok(_) => {}
            Err(err) => panic!("{name}: malformed XML: {err}\n{text}"),
        }
    }
    // Character references to forbidden characters are errors too.
    for bad in ["&#0;", "&#x0;", "&#1;", "&#x1;", "&#xFFFE;", "&#xfffe;"] {
        assert!(!text.contains(bad), "{name} contains {bad}");
    }
    assert!(
        !text.chars().any(xml_forbidden),
        "{name} has a forbidden character"
    );
}

fn check_csv(name: &str, bytes: &[u8]) {
    let mut r = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let width = r
        .headers()
        .unwrap_or_else(|e| panic!("{name}: bad header: {e}"))
        .len();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.unwrap_or_else(|e| panic!("{name}: record {i}: {e}"));
        assert_eq!(rec.len(), width, "{name}: record {i}: {rec:?}");
    }
}

#[test]
fn exporters_parse_back_hostile_graph() {
    use kgraph::{
        DocFacts, EntityFact, EntityType, Evidence, GraphBuilder, MentionFact, MergeOptions,
        RelationFact, RelationKind, Status,
    };
    let hostile = [
        "\"q\" \\ \n\r\t <&> ]]> -->",
        "\u{0}\u{1}\u{b}\u{1f}\u{7f}\u{fffe}\u{ffff}",
        "=cmd|' /C calc'!A0",
        "a,b;c\"d\r\ne",
        "} MATCH (n) DETACH DELETE n //",
        "\u{2028}\u{2029}\u{85}\u{feff}\u{202e}🦀",
        "",
    ];
    let ent = |key: &str, label: &str, t| EntityFact {
        key: key.into(),
        label: label.into(),
        entity_type: t,
        canonical: None,
        mentions: vec![MentionFact {
            surface: format!("{label} (alias)"),
            sentence: 0,
            start: 0,
            end: label.len(),
            source: label.to_owned().into(),
        }],
    };
    let mut b = GraphBuilder::new(MergeOptions::default());
    for (i, h) in hostile.iter().enumerate() {
        let doc = format!("{h}#{i}");
        b.add(DocFacts {
            doc: doc.clone(),
            entities: vec![
                ent(&format!("a{i}"), h, EntityType::Org),
                ent(&format!("b{i}"), &format!("{h}{h}"), EntityType::Person),
            ],
            relations: RelationKind::ALL
                .iter()
                .map(|k| RelationFact {
                    head: format!("b{i}"),
                    kind: *k,
                    tail: format!("a{i}"),
                    evidence: Evidence {
                        doc: doc.clone(),
                        sentence: i,
                        start: 0,
                        end: 3,
                        text: (*h).into(),
                        status: Status::ALL.get(i % Status::ALL.len()).copied(),
                        amount_usd: Some(1e300),
                        amount_text: Some((*h).into()),
                        stake_pct: Some(-0.0),
                        rule: (*h).into(),
                        confidence: 0.5,
                        meta: std::sync::Arc::new(
                            [((*h).to_string(), (*h).to_string())].into_iter().collect(),
                        ),
                    },
                })
                .collect(),
            notes: vec![(*h).into()],
        });
    }
    let graph = b.finish();
    for format in [
        Format::Json,
        Format::Dot,
        Format::Graphml,
        Format::GraphmlYed,
        Format::Gexf,
        Format::Cypher,
        Format::MergeLog,
    ] {
        let mut buf = Vec::new();
        graph
            .export(format, &mut buf)
            .unwrap_or_else(|e| panic!("{format}: {e}"));
        let text = String::from_utf8(buf).unwrap_or_else(|e| panic!("{format}: {e}"));
        match format {
            Format::Json => {
                let v: serde_json::Value =
                    serde_json::from_str(&text).unwrap_or_else(|e| panic!("graph.json: {e}"));
                assert_eq!(
                    v["nodes"].as_array().map_or(0, Vec::len),
                    graph.node_count()
                );
            }
            Format::MergeLog => {
                for line in text.lines() {
                    let _: serde_json::Value = serde_json::from_str(line)
                        .unwrap_or_else(|e| panic!("merge log {line:?}: {e}"));
                }
            }
            Format::Graphml | Format::GraphmlYed | Format::Gexf => check_xml(format.name(), &text),
            _ => {}
        }
    }
    let view = graph.view();
    for format in [Format::Csv, Format::Neo4j] {
        let exporter = format.exporter();
        for (i, file) in exporter.files().iter().enumerate() {
            let mut buf = Vec::new();
            exporter
                .write_file(&view, i, &mut buf)
                .unwrap_or_else(|e| panic!("{file}: {e}"));
            check_csv(file, &buf);
        }
    }
}
