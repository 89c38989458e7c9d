//! Extraction throughput measured the way `spacy_ner_speed.py` measures
//! spaCy, so that the two figures compare like for like.
//!
//! ```text
//! cargo bench --bench extract_speed -- [CORPUS.jsonl] [-n 1000] [--warmup 100] [--repeat 3] [--json]
//! ```
//!
//! Method (the peer script's, step by step): build the pipeline (the
//! counterpart of loading the model) and read the first `n` documents of the
//! corpus into memory, both untimed; extract the first `--warmup` documents
//! untimed; then, `--repeat` times, time `Pipeline::extract` over the `n`
//! documents in one thread, with a wall clock around the whole loop and the
//! thread's CPU time (`/proc/thread-self/schedstat`) beside it. The best and
//! the median run are reported. A document's text is `title + "\n\n" + text`
//! and words are whitespace-separated words of it, as in the peer script.
//!
//! `Pipeline::extract` does more than the peer's NER: tokens, sentences,
//! entity recognition, coreference and canonical names, quantities and the
//! relation rules with their evidence (everything but the merge and the
//! writing of files, which `scripts/bench.sh` times end to end).
//!
//! With no corpus argument the benchmark sample of `common/mod.rs` is used.

mod common;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

use kgraph::Pipeline;

struct Args {
    corpus: Option<PathBuf>,
    n: usize,
    warmup: usize,
    repeat: usize,
    json: bool,
}

fn parse_args() -> Args {
    let mut args = Args {
        corpus: None,
        n: 1000,
        warmup: 100,
        repeat: 3,
        json: false,
    };
    let mut it = std::env::args().skip(1);
    let number = |flag: &str, v: Option<String>| -> usize {
        v.and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{flag} needs a whole number"))
    };
    while let Some(a) = it.next() {
        match a.as_str() {
            // `cargo bench` passes `--bench` to every bench binary.
            "--bench" => {}
            "-n" => args.n = number("-n", it.next()),
            "--warmup" => args.warmup = number("--warmup", it.next()),
            "--repeat" => args.repeat = number("--repeat", it.next()).max(1),
            "--json" => args.json = true,
            _ if a.starts_with('-') => panic!("unknown flag {a}"),
            _ => args.corpus = Some(PathBuf::from(a)),
        }
    }
    args
}

/// Nanoseconds this thread has run on a CPU, when Linux tells.
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    }
}

fn main() {
    let args = parse_args();
    let docs = match &args.corpus {
        Some(path) => common::read_jsonl(path, args.n)
            .unwrap_or_else(|| panic!("no documents read from {}", path.display())),
        None => common::load().docs,
    };
    let docs = &docs[..docs.len().min(args.n)];
    let words: usize = docs
        .iter()
        .map(|d| d.text().split_whitespace().count())
        .sum();
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();

    let pipeline = Pipeline::builder()
        .threads(1)
        .build()
        .expect("default pipeline");
    for doc in docs.iter().take(args.warmup) {
        black_box(pipeline.extract(doc));
    }
    let mut wall = Vec::with_capacity(args.repeat);
    let mut cpu = Vec::with_capacity(args.repeat);
    for _ in 0..args.repeat {
        let c0 = thread_cpu_ns();
        let t0 = Instant::now();
        for doc in docs {
            black_box(pipeline.extract(doc));
        }
        wall.push(t0.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (c0, thread_cpu_ns()) {
            cpu.push((b - a) as f64 / 1e9);
        }
    }
    let best = wall.iter().copied().fold(f64::INFINITY, f64::min);
    let med = median(&wall);
    let cpu_med = (!cpu.is_empty()).then(|| median(&cpu));
    if args.json {
        let out = serde_json::json!({
            "documents": docs.len(),
            "bytes": bytes,
            "words": words,
            "runs_s": wall,
            "cpu_s": cpu,
            "words_per_s": words as f64 / best,
            "words_per_s_median": words as f64 / med,
            "words_per_cpu_s": cpu_med.map(|c| words as f64 / c),
        });
        println!("{out}");
    } else {
        println!(
            "kgraph Pipeline::extract, 1 thread: {} docs, {words} words, {:.2} MB; runs {:?} s",
            docs.len(),
            bytes as f64 / 1e6,
            wall.iter()
                .map(|w| (w * 1e4).round() / 1e4)
                .collect::<Vec<_>>()
        );
        println!(
            "best {:.0} words/s ({:.2} MB/s), median {:.0} words/s{}",
            words as f64 / best,
            bytes as f64 / 1e6 / best,
            words as f64 / med,
            cpu_med.map_or(String::new(), |c| format!(
                ", {:.0} words per CPU-s",
                words as f64 / c
            ))
        );
    }
}
