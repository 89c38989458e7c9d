//! Test fixtures: a small graph full of hostile names, built through the
//! real merge (`GraphBuilder`), so exporters can be tested before the
//! extraction pipeline exists. Also the rule for tests that need an
//! external tool: skip when it is missing, fail when `CI=true`.
#![allow(dead_code)]

use std::process::Command;

use kgraph::{
    DocFacts, EntityFact, EntityType, Evidence, GraphBuilder, KnowledgeGraph, MentionFact,
    MergeOptions, RelationFact, RelationKind, Status,
};

/// An entity of a document with one mention per surface form.
pub fn entity(key: &str, label: &str, t: EntityType, surfaces: &[&str]) -> EntityFact {
    let surfaces: Vec<&str> = if surfaces.is_empty() {
        vec![label]
    } else {
        surfaces.to_vec()
    };
    EntityFact {
        key: key.to_string(),
        label: label.to_string(),
        entity_type: t,
        canonical: None,
        mentions: surfaces
            .iter()
            .enumerate()
            .map(|(i, s)| MentionFact {
                surface: s.to_string(),
                sentence: i,
                start: 10 * i,
                end: 10 * i + s.len(),
                source: "rules".into(),
            })
            .collect(),
    }
}

/// What a relation mention states besides its ends.
#[derive(Clone, Debug, Default)]
pub struct Said {
    pub sentence: usize,
    pub text: &'static str,
    pub status: Option<Status>,
    pub amount: Option<(f64, &'static str)>,
    pub stake: Option<f64>,
    pub confidence: f64,
    pub meta: &'static [(&'static str, &'static str)],
}

/// A relation mention.
pub fn relation(doc: &str, head: &str, kind: RelationKind, tail: &str, said: Said) -> RelationFact {
    RelationFact {
        head: head.to_string(),
        kind,
        tail: tail.to_string(),
        evidence: Evidence {
            doc: doc.to_string(),
            sentence: said.sentence,
            start: 100 * said.sentence,
            end: 100 * said.sentence + said.text.len(),
            text: said.text.to_string(),
            status: said.status,
            amount_usd: said.amount.map(|a| a.0),
            amount_text: said.amount.map(|a| a.1.to_string()),
            stake_pct: said.stake,
            rule: format!("{}-rule", kind.as_str()),
            confidence: if said.confidence > 0.0 {
                said.confidence
            } else {
                0.8
            },
            meta: said
                .meta
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<kgraph::Meta>()
                .into(),
        },
    }
}

/// Labels that break naive exporters.
pub const HOSTILE_LABELS: &[&str] = &[
    "node",
    "Edge",
    "graph",
    "3M",
    "Zoë Kravitz",
    "東京電力",
    "O'Brien \"The Quote\" \\ Partners <&> Co",
    "x'}) DETACH DELETE n //",
    "x\"}) DETACH DELETE n //",
    "C:\\path\\N\\",
    "M\\u0041TCH Labs",
    "AT&amp;T \\n not a break",
    "Tab\tCorp 😀",
];

/// The per-document facts of the fixture graph.
pub fn fixture_docs() -> Vec<DocFacts> {
    use EntityType::{Org, Person};
    use RelationKind::*;
    let d1 = DocFacts {
        doc: "d1".into(),
        entities: vec![
            entity("meta", "Meta", Org, &["Meta", "Meta Platforms", "Facebook"]),
            entity("scale", "Scale AI", Org, &["Scale AI", "Scale"]),
            entity("wang", "Alexandr Wang", Person, &["Alexandr Wang", "Wang"]),
        ],
        relations: vec![
            relation(
                "d1",
                "meta",
                InvestsIn,
                "scale",
                Said {
                    sentence: 1,
                    text: "Meta invested $14.3 billion in Scale AI for a 49% stake.",
                    status: Some(Status::Completed),
                    amount: Some((14.3e9, "$14.3 billion")),
                    stake: Some(49.0),
                    confidence: 0.9,
                    meta: &[("date", "2025-06-12"), ("title", "Meta's \"big\" bet; AI")],
                },
            ),
            relation(
                "d1",
                "wang",
                Leads,
                "scale",
                Said {
                    sentence: 2,
                    text: "Alexandr Wang, the former chief executive of Scale AI, ...",
                    status: Some(Status::Former),
                    ..Said::default()
                },
            ),
            relation(
                "d1",
                "wang",
                WorksFor,
                "meta",
                Said {
                    sentence: 3,
                    text: "Wang joins   Meta\nto lead its\tsuperintelligence lab.",
                    ..Said::default()
                },
            ),
            relation(
                "d1",
                "scale",
                PartnersWith,
                "meta",
                Said {
                    sentence: 4,
                    text: "Scale AI and Meta are partners.",
                    ..Said::default()
                },
            ),
        ],
        notes: vec![],
    };
    let d2 = DocFacts {
        doc: "d2".into(),
        entities: vec![
            entity("meta", "Meta", Org, &["Meta"]),
            entity("scale", "Scale AI", Org, &["Scale AI Inc."]),
        ],
        relations: vec![
            relation(
                "d2",
                "meta",
                Acquired,
                "scale",
                Said {
                    sentence: 0,
                    text: "Meta is reportedly buying Scale AI for $15 billion, \"sources\" say \\ C:\\N.",
                    status: Some(Status::Reported),
                    amount: Some((15e9, "$15 billion")),
                    confidence: 0.6,
                    ..Said::default()
                },
            ),
            relation(
                "d2",
                "meta",
                InvestsIn,
                "scale",
                Said {
                    sentence: 1,
                    text: "Meta put $12 billion into Scale AI.",
                    amount: Some((12e9, "$12 billion")),
                    confidence: 0.7,
                    ..Said::default()
                },
            ),
        ],
        notes: vec![],
    };
    let l = HOSTILE_LABELS;
    let d3 = DocFacts {
        doc: "d3 <\"hostile\">".into(),
        entities: vec![
            entity("node", l[0], Org, &[]),
            entity("edge", l[1], Org, &[]),
            entity("graph", l[2], Person, &[]),
            entity("3m", l[3], Org, &[l[3], "3M Company"]),
            entity(
                "zoe",
                l[4],
                Person,
                &[l[4], "Zoë\nKravitz\u{1}", "Zoe Kravitz"],
            ),
            entity("tepco", l[5], Org, &[]),
            entity("obrien", l[6], Org, &[]),
            entity("inj1", l[7], Org, &[]),
            entity("inj2", l[8], Org, &[]),
            entity("path", l[9], Org, &[]),
            entity("match", l[10], Org, &[]),
            entity("att", l[11], Org, &[]),
            entity("tab", l[12], Org, &[]),
        ],
        relations: vec![
            relation(
                "d3 <\"hostile\">",
                "node",
                CompetesWith,
                "edge",
                Said {
                    sentence: 0,
                    text: "node denied it competes with Edge.",
                    status: Some(Status::Denied),
                    ..Said::default()
                },
            ),
            relation(
                "d3 <\"hostile\">",
                "edge",
                Acquired,
                "node",
                Said {
                    sentence: 1,
                    text: "Edge agreed to buy node.",
                    status: Some(Status::Announced),
                    ..Said::default()
                },
            ),
            relation(
                "d3 <\"hostile\">",
                "graph",
                Founded,
                "3m",
                Said {
                    sentence: 2,
                    text: "graph plans to found 3M.",
                    status: Some(Status::Proposed),
                    ..Said::default()
                },
            ),
            relation(
                "d3 <\"hostile\">",
                "zoe",
                Leads,
                "tepco",
                Said {
                    sentence: 3,
                    text: "Zoë Kravitz leads 東京電力.",
                    ..Said::default()
                },
            ),
            relation(
                "d3 <\"hostile\">",
                "3m",
                InvestsIn,
                "tepco",
                Said {
                    sentence: 4,
                    text: "3M took a 12.5% stake in 東京電力 for $250 million.",
                    amount: Some((250e6, "$250 million")),
                    stake: Some(12.5),
                    ..Said::default()
                },
            ),
            relation(
                "d3 <\"hostile\">",
                "inj1",
                SubsidiaryOf,
                "obrien",
                Said {
                    sentence: 5,
                    text: "x'}) DETACH DELETE n // is a unit of O'Brien.",
                    ..Said::default()
                },
            ),
            relation(
                "d3 <\"hostile\">",
                "inj2",
                SubsidiaryOf,
                "obrien",
                Said {
                    sentence: 6,
                    text: "x\"}) DETACH DELETE n // too.",
                    ..Said::default()
                },
            ),
            relation(
                "d3 <\"hostile\">",
                "graph",
                WorksFor,
                "path",
                Said {
                    sentence: 7,
                    text: "graph works at C:\\path\\N\\ and <&> M\\u0041TCH.",
                    ..Said::default()
                },
            ),
            relation(
                "d3 <\"hostile\">",
                "match",
                PartnersWith,
                "att",
                Said {
                    sentence: 8,
                    text: "M\\u0041TCH Labs partners with AT&amp;T.",
                    ..Said::default()
                },
            ),
            relation(
                "d3 <\"hostile\">",
                "tab",
                CompetesWith,
                "3m",
                Said {
                    sentence: 9,
                    text: "Tab Corp competes with 3M.",
                    status: Some(Status::Reported),
                    ..Said::default()
                },
            ),
        ],
        notes: vec![],
    };
    vec![d1, d2, d3]
}

/// The fixture graph, from documents in the given order.
pub fn fixture_graph_from(docs: Vec<DocFacts>) -> KnowledgeGraph {
    let mut b = GraphBuilder::new(MergeOptions::default());
    for d in docs {
        b.add(d);
    }
    b.finish()
}

/// The fixture graph.
pub fn fixture_graph() -> KnowledgeGraph {
    fixture_graph_from(fixture_docs())
}

/// Whether `program args...` runs and exits successfully.
pub fn have(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether the tests run under CI (`CI=true`).
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Called by a test that cannot run because `what` is missing: under CI a
/// failure, otherwise a printed skip (the caller then returns).
pub fn require_tools_in_ci(what: &str) {
    if in_ci() {
        panic!("{what} is not installed, and CI=true requires it");
    }
    eprintln!("SKIP: {what} is not installed");
}
