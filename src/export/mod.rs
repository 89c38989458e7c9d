//! Exporters: one file per format, all behind the [`Exporter`] trait and all
//! walking the same sorted [`GraphView`].
//!
//! A format writes one or more files ([`Format::files`]); each file is
//! written by [`Exporter::write_file`] into any `io::Write`, so the caller
//! decides where bytes go (a temporary file renamed into place, stdout, a
//! buffer); [`write_dir`] does the first. All escaping lives in [`escape`].
//!
//! | format | files | read by |
//! |---|---|---|
//! | `json` | `graph.json` | NetworkX `node_link_graph` (the reference) |
//! | `dot` | `graph.dot` | Graphviz |
//! | `graphml` | `graph.graphml` | NetworkX, igraph, Gephi, yEd |
//! | `gexf` | `graph.gexf` | Gephi, NetworkX, graphology |
//! | `csv` | `nodes.csv`, `edges.csv` | Gephi spreadsheet import, table tools |
//! | `neo4j` | `neo4j/nodes.csv`, `neo4j/relationships.csv` | `neo4j-admin database import` |
//! | `cypher` | `graph.cypher` | Neo4j, FalkorDB, Memgraph |
//! | `merge-log` | `merge_log.jsonl` | people asking why two names are one node |
//! | `graphml-yed` | `graph-yed.graphml` | yEd (with its graphics) |
//! | `svg`, `png` | `graph.svg`, `graph.png` | browsers (drawn by Graphviz) |

mod csv;
mod cypher;
mod dot;
pub mod escape;
mod fields;
mod gexf;
mod graphml;
mod graphml_yed;
mod json;
mod merge_log;
mod neo4j_csv;
mod render;
mod style;
mod xml;

pub use self::csv::CsvExporter;
pub use cypher::CypherExporter;
pub use dot::DotExporter;
pub use gexf::GexfExporter;
pub use graphml::GraphmlExporter;
pub use graphml_yed::GraphmlYedExporter;
pub use json::JsonExporter;
pub use merge_log::MergeLogExporter;
pub use neo4j_csv::Neo4jCsvExporter;
pub use render::{Picture, RenderExporter};

use std::fmt;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::error::{Error, ErrorKind, Result};
use crate::graph::GraphView;

/// Writes a graph in one format.
pub trait Exporter: Send + Sync {
    /// The files this format writes, as paths relative to the output folder
    /// (`graph.json`; `neo4j/nodes.csv` and `neo4j/relationships.csv`).
    fn files(&self) -> &'static [&'static str];

    /// Writes file number `file` (an index into [`Exporter::files`]).
    ///
    /// # Errors
    /// Fails when the writer fails.
    fn write_file(&self, view: &GraphView<'_>, file: usize, out: &mut dyn Write) -> Result<()>;
}

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Format {
    /// NetworkX node-link JSON (`graph.json`).
    Json,
    /// Graphviz DOT (`graph.dot`).
    Dot,
    /// GraphML (`graph.graphml`).
    Graphml,
    /// GraphML with yEd graphics (`graph-yed.graphml`).
    GraphmlYed,
    /// GEXF 1.3 (`graph.gexf`).
    Gexf,
    /// CSV node and edge tables (`nodes.csv`, `edges.csv`).
    Csv,
    /// Neo4j admin-import CSV (`neo4j/nodes.csv`, `neo4j/relationships.csv`).
    Neo4j,
    /// Cypher script (`graph.cypher`).
    Cypher,
    /// The merge log (`merge_log.jsonl`).
    MergeLog,
    /// SVG drawn by Graphviz (`graph.svg`).
    Svg,
    /// PNG drawn by Graphviz (`graph.png`).
    Png,
}

/// The name table: each format's name, then other accepted spellings.
const NAMES: &[(Format, &str, &[&str])] = &[
    (Format::Json, "json", &["node-link", "networkx"]),
    (Format::Dot, "dot", &["graphviz", "gv"]),
    (Format::Graphml, "graphml", &[]),
    (Format::GraphmlYed, "graphml-yed", &["yed", "graphml_yed"]),
    (Format::Gexf, "gexf", &["gephi"]),
    (Format::Csv, "csv", &[]),
    (Format::Neo4j, "neo4j", &["neo4j-csv", "neo4j-admin"]),
    (Format::Cypher, "cypher", &[]),
    (Format::MergeLog, "merge-log", &["merge_log", "mergelog"]),
    (Format::Svg, "svg", &[]),
    (Format::Png, "png", &[]),
];

impl Format {
    /// The formats `-f all` writes, in this order.
    pub const ALL: &'static [Format] = &[
        Format::Json,
        Format::Dot,
        Format::Graphml,
        Format::Gexf,
        Format::Csv,
        Format::Neo4j,
        Format::Cypher,
        Format::MergeLog,
    ];

    /// The formats written only on request: yEd GraphML, and the pictures
    /// (which need Graphviz installed).
    pub const EXTRA: &'static [Format] = &[Format::GraphmlYed, Format::Svg, Format::Png];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        NAMES
            .iter()
            .find(|(f, _, _)| *f == self)
            .map(|(_, n, _)| *n)
            .unwrap_or("?")
    }

    /// The exporter of this format with default options.
    pub fn exporter(self) -> Box<dyn Exporter> {
        match self {
            Format::Json => Box::new(JsonExporter::default()),
            Format::Dot => Box::new(DotExporter::default()),
            Format::Graphml => Box::new(GraphmlExporter::default()),
            Format::GraphmlYed => Box::new(GraphmlYedExporter::default()),
            Format::Gexf => Box::new(GexfExporter::default()),
            Format::Csv => Box::new(CsvExporter::default()),
            Format::Neo4j => Box::new(Neo4jCsvExporter::default()),
            Format::Cypher => Box::new(CypherExporter::default()),
            Format::MergeLog => Box::new(MergeLogExporter::default()),
            Format::Svg => Box::new(RenderExporter::new(Picture::Svg)),
            Format::Png => Box::new(RenderExporter::new(Picture::Png)),
        }
    }

    /// The files this format writes, relative to the output folder.
    pub fn files(self) -> &'static [&'static str] {
        self.exporter().files()
    }

    /// Whether the format needs an external program (Graphviz).
    pub fn needs_graphviz(self) -> bool {
        matches!(self, Format::Svg | Format::Png)
    }

    /// Parses a comma-separated list of format names (`dot,graphml`);
    /// `all` stands for [`Format::ALL`]. Duplicates are dropped, the first
    /// occurrence keeps its place.
    ///
    /// # Errors
    /// Fails on an unknown name or an empty list.
    pub fn parse_list(s: &str) -> Result<Vec<Format>> {
        let mut out: Vec<Format> = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let add: Vec<Format> = if part.eq_ignore_ascii_case("all") {
                Format::ALL.to_vec()
            } else {
                vec![part.parse()?]
            };
            for f in add {
                if !out.contains(&f) {
                    out.push(f);
                }
            }
        }
        if out.is_empty() {
            return Err(Error::new(
                ErrorKind::Usage,
                format!("no format given (expected one of: {})", Format::expected()),
            ));
        }
        Ok(out)
    }

    fn expected() -> String {
        let mut v = vec!["all"];
        v.extend(NAMES.iter().map(|(_, n, _)| *n));
        v.join(", ")
    }
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Format> {
        let t = s.trim();
        NAMES
            .iter()
            .find(|(_, n, alts)| {
                t.eq_ignore_ascii_case(n) || alts.iter().any(|a| t.eq_ignore_ascii_case(a))
            })
            .map(|(f, _, _)| *f)
            .ok_or_else(|| {
                Error::new(
                    ErrorKind::Usage,
                    format!(
                        "unknown format {s:?} (expected one of: {})",
                        Format::expected()
                    ),
                )
            })
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Writes every file of each format into `dir` (created if needed) and
/// returns their paths, in order.
///
/// Each file is written to a temporary file in its folder and renamed into
/// place when complete, so a failure never leaves a half-written file.
///
/// # Errors
/// Fails when a folder or file cannot be written, or an exporter fails (for
/// `svg`/`png`: when Graphviz is not installed); files written before the
/// failure stay.
pub fn write_dir(view: &GraphView<'_>, formats: &[Format], dir: &Path) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for format in formats {
        let exporter = format.exporter();
        for (i, rel) in exporter.files().iter().enumerate() {
            let path = dir.join(rel);
            let parent = path.parent().unwrap_or(dir);
            std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
            let tmp = tempfile::NamedTempFile::new_in(parent).map_err(|e| Error::io(parent, e))?;
            {
                let mut w = std::io::BufWriter::new(tmp.as_file());
                exporter
                    .write_file(view, i, &mut w)
                    .map_err(|e| match e.path() {
                        Some(_) => e,
                        None => e.with_path(&path),
                    })?;
                w.flush().map_err(|e| Error::io(&path, e))?;
            }
            tmp.persist(&path).map_err(|e| Error::io(&path, e.error))?;
            written.push(path);
        }
    }
    Ok(written)
}

/// A tiny graph for the exporters' unit tests: a person and an
/// organisation with a hostile name, two parallel edges of different kinds
/// (one reported, with amount and stake) and a merge log.
#[cfg(test)]
pub(crate) fn tiny_graph() -> crate::KnowledgeGraph {
    use crate::facts::{DocFacts, EntityFact, Evidence, MentionFact, RelationFact};
    use crate::kinds::{EntityType, RelationKind, Status};
    let ent = |key: &str, label: &str, t| EntityFact {
        key: key.into(),
        label: label.into(),
        entity_type: t,
        canonical: None,
        mentions: vec![MentionFact {
            surface: label.into(),
            sentence: 0,
            start: 0,
            end: label.len(),
            source: "rules".into(),
        }],
    };
    let rel = |kind, status, amount| RelationFact {
        head: "p".into(),
        kind,
        tail: "o".into(),
        evidence: Evidence {
            doc: "d1".into(),
            sentence: 0,
            start: 0,
            end: 20,
            text: "Ann \"Q\"   led\nit.".into(),
            status,
            amount_usd: amount,
            amount_text: None,
            stake_pct: amount.map(|_| 49.0),
            rule: "r".into(),
            confidence: 0.9,
            meta: Default::default(),
        },
    };
    let mut b = crate::GraphBuilder::new(crate::MergeOptions::default());
    b.add(DocFacts {
        doc: "d1".into(),
        entities: vec![
            ent("p", "Ann", EntityType::Person),
            ent("o", "node \"x\" \\ <&>", EntityType::Org),
        ],
        relations: vec![
            rel(RelationKind::Leads, None, None),
            rel(
                RelationKind::InvestsIn,
                Some(Status::Reported),
                Some(14.3e9),
            ),
        ],
        notes: vec![],
    });
    b.finish()
}

/// A graph with every awkward thing an exporter must write correctly:
/// quotes, backslashes, markup, control characters, tabs and line breaks,
/// non-ASCII (accents, CJK, emoji) in names, surface forms, document ids
/// and metadata; parallel and symmetric edges; alternative amounts;
/// floats of every form (fractions, tiny, huge, not finite); evidence
/// metadata and texts with white space to fold.
#[cfg(test)]
pub(crate) fn awkward_graph() -> crate::KnowledgeGraph {
    awkward_graph_with(crate::MergeOptions::DEFAULT_LOG_BUFFER)
}

/// [`awkward_graph`], merged keeping at most `log_buffer` merge-log lines
/// in memory.
#[cfg(test)]
pub(crate) fn awkward_graph_with(log_buffer: usize) -> crate::KnowledgeGraph {
    use crate::facts::{DocFacts, EntityFact, Evidence, MentionFact, RelationFact};
    use crate::kinds::{EntityType, RelationKind, Status};
    let names: [(&str, &str, EntityType); 5] = [
        ("a", "Zoë \"Q\" 東京 😀", EntityType::Person),
        ("b", "back\\slash <b>&amp;</b> 'x'", EntityType::Org),
        (
            "c",
            "ctl\u{1}\u{8}\u{c}\u{1f}\u{7f}\u{85}\ttab\r\nline",
            EntityType::Org,
        ),
        ("d", "semi;colon, comma `tick` {brace}", EntityType::Person),
        ("e", "\u{feff}bom \u{fffe} \u{2028}sep", EntityType::Org),
    ];
    let ent = |key: &str, label: &str, t, doc: usize| EntityFact {
        key: key.into(),
        label: label.into(),
        entity_type: t,
        canonical: None,
        mentions: vec![
            MentionFact {
                surface: label.into(),
                sentence: doc,
                start: 3,
                end: 3 + label.len(),
                source: "rules".into(),
            },
            MentionFact {
                surface: format!("{label} \"alias\"\\{doc}"),
                sentence: 1,
                start: 0,
                end: 9,
                source: "gaz\"etteer".into(),
            },
        ],
    };
    let amounts = [
        Some(14.3e9),
        Some(1e-7),
        Some(1e21),
        Some(123_456_789_012_345_680.0),
        Some(f64::NAN),
        None,
    ];
    let stakes = [Some(49.0), None, Some(0.1 + 0.2), Some(f64::INFINITY)];
    let statuses = [
        None,
        Some(Status::Reported),
        Some(Status::Denied),
        Some(Status::Former),
    ];
    let kinds = [
        RelationKind::InvestsIn,
        RelationKind::Leads,
        RelationKind::PartnersWith,
        RelationKind::CompetesWith,
        RelationKind::Acquired,
    ];
    let mut b = crate::GraphBuilder::new(crate::MergeOptions {
        max_evidence: 3,
        log_buffer,
    });
    for doc in 0..6 {
        let mut relations = Vec::new();
        for (i, kind) in kinds.iter().enumerate() {
            let (h, t) = if (i + doc) % 2 == 0 {
                ("a", "b")
            } else {
                ("c", "a")
            };
            let (h, t) = if i == 4 { ("d", "e") } else { (h, t) };
            let mut meta = crate::Meta::new();
            if doc % 2 == 0 {
                meta.insert("title", format!("T\"{doc}\"\n\u{1}é"));
                meta.insert("url", "http://x/?a=1&b=<2>");
            }
            relations.push(RelationFact {
                head: h.into(),
                kind: *kind,
                tail: t.into(),
                evidence: Evidence {
                    doc: format!("doc \"{doc}\" ü"),
                    sentence: doc,
                    start: i,
                    end: 40 + i,
                    text: format!(
                        "  {} said\t\"it\"  \\ {}\r\n\u{1}done. ",
                        names[0].1, names[2].1
                    ),
                    status: statuses[(i + doc) % statuses.len()],
                    amount_usd: amounts[(i + doc) % amounts.len()],
                    amount_text: (doc % 3 == 0).then(|| "$14.3 \"billion\"".to_string()),
                    stake_pct: stakes[(i + doc) % stakes.len()],
                    rule: format!("rule-{i}"),
                    confidence: [0.9, 0.123_456_789, 1.0, 0.0][(i + doc) % 4],
                    meta: meta.into(),
                },
            });
        }
        b.add(DocFacts {
            doc: format!("doc \"{doc}\" ü"),
            entities: names.iter().map(|(k, l, t)| ent(k, l, *t, doc)).collect(),
            relations,
            notes: vec![],
        });
    }
    b.finish()
}

/// Writes one file of a format for `graph` into a string.
#[cfg(test)]
pub(crate) fn render_to_string(
    e: &dyn Exporter,
    graph: &crate::KnowledgeGraph,
    file: usize,
) -> String {
    let mut buf = Vec::new();
    let r = e.write_file(&graph.view(), file, &mut buf);
    assert!(r.is_ok(), "{r:?}");
    String::from_utf8(buf).unwrap_or_default()
}

/// A buffer of 64 KiB in front of an exporter's output.
///
/// serde_json and quick-xml write a few bytes at a time; through the `dyn
/// Write` an exporter is given, each of those would be a virtual call.
/// `BufWriter`'s inlined fast path turns them into appends to its buffer.
/// Flush it at the end: dropping it ignores a failing write.
pub(crate) fn chunked(out: &mut dyn Write) -> BufWriter<&mut dyn Write> {
    BufWriter::with_capacity(1 << 16, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for f in Format::ALL.iter().chain(Format::EXTRA) {
            assert_eq!(f.name().parse::<Format>().ok(), Some(*f));
            assert!(!f.files().is_empty());
        }
        assert_eq!("GraphML".parse::<Format>().ok(), Some(Format::Graphml));
        assert_eq!("merge_log".parse::<Format>().ok(), Some(Format::MergeLog));
        let e = "pdf".parse::<Format>().unwrap_err();
        assert!(e.to_string().contains("graphml-yed"), "{e}");
    }

    /// Evidence texts made afresh for every format, once the view's budget
    /// for keeping them is spent, give the same bytes.
    #[test]
    fn same_bytes_past_the_kept_evidence_texts() {
        for g in [tiny_graph(), awkward_graph()] {
            for f in Format::ALL.iter().chain(Format::EXTRA) {
                let e = f.exporter();
                for file in 0..e.files().len() {
                    let write = |view: GraphView<'_>| {
                        let mut out = Vec::new();
                        let r = e.write_file(&view, file, &mut out);
                        assert!(r.is_ok(), "{f} {r:?}");
                        out
                    };
                    let kept = write(g.view());
                    assert_eq!(write(g.view().with_evidence_budget(0)), kept, "{f}");
                    assert_eq!(write(g.view().with_evidence_budget(200)), kept, "{f}");
                }
            }
        }
    }

    /// A merge log moved to its temporary file line by line gives the
    /// same bytes in every format.
    #[test]
    fn same_bytes_with_the_merge_log_in_a_file() {
        let (memory, file) = (awkward_graph(), awkward_graph_with(1));
        assert!(!memory.merge_log().is_empty());
        for f in Format::ALL.iter().chain(Format::EXTRA) {
            let e = f.exporter();
            for i in 0..e.files().len() {
                let a = render_to_string(e.as_ref(), &memory, i);
                assert_eq!(render_to_string(e.as_ref(), &file, i), a, "{f}");
            }
        }
        assert_eq!(memory.merge_log(), file.merge_log());
    }

    #[test]
    fn lists_parse() {
        assert_eq!(
            Format::parse_list("dot, graphml,dot").ok(),
            Some(vec![Format::Dot, Format::Graphml])
        );
        assert_eq!(Format::parse_list("all").ok(), Some(Format::ALL.to_vec()));
        let v = Format::parse_list("svg,all").unwrap_or_default();
        assert_eq!(v.len(), Format::ALL.len() + 1);
        assert!(Format::parse_list("").is_err());
        assert!(Format::parse_list("dot,nope").is_err());
    }

    #[test]
    fn files_are_distinct() {
        let mut all: Vec<&str> = Format::ALL
            .iter()
            .chain(Format::EXTRA)
            .flat_map(|f| f.files().iter().copied())
            .collect();
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n);
    }
}
