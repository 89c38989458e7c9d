//! The fixed benchmark sample, shared by the criterion benches.
//!
//! The first [`REUTERS_DOCS`] documents of `../shared/bench/reuters21578.jsonl`
//! and the first [`TECHNEWS_DOCS`] of `technews.jsonl` (paths relative to the
//! crate), read at bench time; when those files are missing, the sample
//! corpus in `examples/corpus/` (ten short articles) stands in. A document's
//! text is `title + "\n\n" + text`, as `kgraph build` reads a JSON-lines
//! record.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use kgraph::Document;

/// Documents taken from the head of the Reuters corpus.
pub const REUTERS_DOCS: usize = 300;
/// Documents taken from the head of the tech-news corpus.
pub const TECHNEWS_DOCS: usize = 100;

/// The benchmark sample and where it came from.
pub struct Sample {
    /// The documents, in corpus order.
    pub docs: Vec<Document>,
    /// A short description (printed once per bench binary).
    pub origin: String,
}

impl Sample {
    /// Bytes of document text (the unit of every `Throughput::Bytes`).
    pub fn bytes(&self) -> u64 {
        self.docs.iter().map(|d| d.text().len() as u64).sum()
    }
}

fn crate_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The first `n` documents of a JSON-lines corpus (`None` when it cannot be read
/// or holds none).
pub fn read_jsonl(path: &Path, n: usize) -> Option<Vec<Document>> {
    let file = std::fs::File::open(path).ok()?;
    let mut docs = Vec::with_capacity(n);
    for (i, line) in BufReader::new(file).lines().enumerate() {
        if docs.len() >= n {
            break;
        }
        let line = line.ok()?;
        let Ok(v) = serde_json::from_str::<serde_json::Value>(&line) else {
            continue;
        };
        let field = |k: &str| v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_string();
        let id = match v.get("id").and_then(|x| x.as_str()) {
            Some(id) => id.to_string(),
            None => format!("{}:{}", path.display(), i + 1),
        };
        docs.push(Document::with_title(id, &field("title"), &field("text")));
    }
    (!docs.is_empty()).then_some(docs)
}

fn read_examples() -> Vec<Document> {
    let dir = crate_dir().join("examples/corpus");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            let id = p.file_name()?.to_string_lossy().into_owned();
            Some(Document::new(id, text))
        })
        .collect()
}

/// Loads the sample (see the module documentation).
pub fn load() -> Sample {
    let bench = crate_dir().join("../shared/bench");
    let reuters = read_jsonl(&bench.join("reuters21578.jsonl"), REUTERS_DOCS);
    let tech = read_jsonl(&bench.join("technews.jsonl"), TECHNEWS_DOCS);
    let sample = match (reuters, tech) {
        (Some(mut r), t) => {
            let nr = r.len();
            let nt = t.as_ref().map_or(0, Vec::len);
            r.extend(t.unwrap_or_default());
            Sample {
                docs: r,
                origin: format!("{nr} Reuters + {nt} technews documents from ../shared/bench"),
            }
        }
        (None, Some(t)) => Sample {
            origin: format!("{} technews documents from ../shared/bench", t.len()),
            docs: t,
        },
        (None, None) => {
            let docs = read_examples();
            Sample {
                origin: format!(
                    "{} documents of examples/corpus (../shared/bench missing)",
                    docs.len()
                ),
                docs,
            }
        }
    };
    assert!(!sample.docs.is_empty(), "no benchmark documents found");
    eprintln!(
        "bench sample: {}, {:.2} MB of text",
        sample.origin,
        sample.bytes() as f64 / 1e6
    );
    sample
}
