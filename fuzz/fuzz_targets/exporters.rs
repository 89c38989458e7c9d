//! Every exporter on an arbitrary graph (hostile names, labels, surfaces,
//! evidence text and metadata, merged by the real `GraphBuilder`): each
//! file must be written without error and parse back — JSON with
//! serde_json, GraphML / yEd GraphML / GEXF with quick-xml, CSV with the
//! csv crate (every record has the header's field count).
#![no_main]

use arbitrary::Arbitrary;
use kgraph::export::Format;
use kgraph::{
    DocFacts, EntityFact, EntityType, Evidence, GraphBuilder, KnowledgeGraph, MentionFact,
    MergeOptions, RelationFact, RelationKind, Status,
};
use libfuzzer_sys::fuzz_target;

#[derive(Arbitrary, Debug)]
struct Input {
    max_evidence: u8,
    docs: Vec<Doc>,
}

#[derive(Arbitrary, Debug)]
struct Doc {
    id: String,
    entities: Vec<Ent>,
    relations: Vec<Rel>,
}

#[derive(Arbitrary, Debug)]
struct Ent {
    key: u8,
    label: String,
    etype: u8,
    canonical: Option<String>,
    surfaces: Vec<(String, u16, u16)>,
    source: String,
}

#[derive(Arbitrary, Debug)]
struct Rel {
    head: u8,
    kind: u8,
    tail: u8,
    sentence: u16,
    start: u16,
    end: u16,
    text: String,
    status: Option<u8>,
    amount: Option<f64>,
    amount_text: Option<String>,
    stake: Option<f64>,
    rule: String,
    confidence: f64,
    meta: Vec<(String, String)>,
}

fn pick<T: Copy>(all: &[T], i: u8) -> T {
    all[usize::from(i) % all.len()]
}

/// Amounts come from parsed text or from JSON lines, so they are finite.
fn finite(x: Option<f64>) -> Option<f64> {
    x.filter(|v| v.is_finite())
}

fn key(k: u8) -> String {
    // Few distinct keys, so documents share nodes and edges merge.
    format!("k{}", k % 8)
}

fn facts(d: Doc) -> DocFacts {
    let entities = d
        .entities
        .into_iter()
        .map(|e| EntityFact {
            key: key(e.key),
            label: e.label,
            entity_type: pick(EntityType::ALL, e.etype),
            canonical: e.canonical,
            mentions: e
                .surfaces
                .into_iter()
                .map(|(s, sentence, start)| MentionFact {
                    end: usize::from(start) + s.len(),
                    surface: s,
                    sentence: usize::from(sentence),
                    start: usize::from(start),
                    source: e.source.clone().into(),
                })
                .collect(),
        })
        .collect();
    let doc = d.id;
    let relations = d
        .relations
        .into_iter()
        .map(|r| RelationFact {
            head: key(r.head),
            kind: pick(RelationKind::ALL, r.kind),
            tail: key(r.tail),
            evidence: Evidence {
                doc: doc.clone(),
                sentence: usize::from(r.sentence),
                start: usize::from(r.start),
                end: usize::from(r.end),
                text: r.text,
                status: r.status.map(|s| pick(Status::ALL, s)),
                amount_usd: finite(r.amount),
                amount_text: r.amount_text,
                stake_pct: finite(r.stake),
                rule: r.rule,
                confidence: if r.confidence.is_finite() {
                    r.confidence.abs().fract()
                } else {
                    0.5
                },
                meta: std::sync::Arc::new(r.meta.into_iter().collect()),
            },
        })
        .collect();
    DocFacts {
        doc,
        entities,
        relations,
        notes: Vec::new(),
    }
}

fn check_xml(name: &str, bytes: &[u8]) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{name}: not UTF-8: {e}"));
    let mut r = quick_xml::Reader::from_str(text);
    r.config_mut().check_end_names = true;
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Start(e) | quick_xml::events::Event::Empty(e)) => {
                for a in e.attributes() {
                    let a = a.unwrap_or_else(|err| panic!("{name}: bad attribute: {err}\n{text}"));
                    if let Err(err) = a.unescape_value() {
                        panic!("{name}: bad attribute value: {err}\n{text}");
                    }
                }
            }
            Ok(quick_xml::events::Event::Text(t)) => {
                if let Err(err) = t.decode() {
                    panic!("{name}: bad text: {err}\n{text}");
                }
            }
            Ok(_) => {}
            Err(err) => panic!(
                "{name}: malformed XML at {}: {err}\n{text}",
                r.error_position()
            ),
        }
    }
}

fn check_csv(name: &str, bytes: &[u8]) {
    let mut r = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let width = r
        .headers()
        .unwrap_or_else(|e| panic!("{name}: bad header: {e}"))
        .len();
    for (i, rec) in r.records().enumerate() {
        let rec = rec.unwrap_or_else(|e| panic!("{name}: record {i}: {e}"));
        assert_eq!(
            rec.len(),
            width,
            "{name}: record {i} has {} fields: {rec:?}",
            rec.len()
        );
    }
}

fn check(graph: &KnowledgeGraph) {
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
        match format {
            Format::Json => {
                let v: serde_json::Value =
                    serde_json::from_slice(&buf).unwrap_or_else(|e| panic!("graph.json: {e}"));
                let nodes = v["nodes"].as_array().map_or(0, Vec::len);
                assert_eq!(nodes, graph.node_count(), "graph.json node count");
            }
            Format::MergeLog => {
                let text = std::str::from_utf8(&buf).unwrap_or_else(|e| panic!("merge log: {e}"));
                for line in text.lines() {
                    let _: serde_json::Value = serde_json::from_str(line)
                        .unwrap_or_else(|e| panic!("merge log line {line:?}: {e}"));
                }
            }
            Format::Graphml | Format::GraphmlYed | Format::Gexf => {
                check_xml(format.name(), &buf);
            }
            _ => {
                std::str::from_utf8(&buf).unwrap_or_else(|e| panic!("{format}: not UTF-8: {e}"));
            }
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

fuzz_target!(|input: Input| {
    let mut builder = GraphBuilder::new(MergeOptions {
        max_evidence: usize::from(input.max_evidence % 4) + 1,
        // Small logs go through the temporary file too.
        log_buffer: usize::from(input.max_evidence / 4 % 8) + 1,
    });
    for d in input.docs.into_iter().take(8) {
        builder.add(facts(d));
    }
    check(&builder.finish());
});
