//! `kgraph extract` as the map step of a real Apache Spark job: PySpark in
//! local mode reads a slice of the Reuters corpus with `textFile` in several
//! partitions, pipes each partition through `kgraph extract --stdin jsonl -`
//! (`tests/spark/extract_facts.py`, the README's recipe) and saves the fact
//! lines; `kgraph merge` of the part files must give the bytes of one
//! `kgraph build` of the same corpus, in every format.
//!
//! Needs Python with `pyspark` (`KGRAPH_PYTHON`, default `python3`), Java
//! and `../shared/bench/reuters21578.jsonl`; skips when one is missing,
//! unless `CI=true`.

#![cfg(feature = "cli")]

mod common;
mod util;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use util::{Dir, text};

/// Documents taken from the head of the corpus.
const DOCS: usize = 2000;
/// `minPartitions` of Spark's `textFile`: more than one, so the job shards.
const PARTITIONS: usize = 3;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/reuters21578.jsonl")
}

fn python() -> String {
    std::env::var("KGRAPH_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

#[test]
fn spark_extract_then_merge_equals_build() {
    let source = corpus();
    if !source.is_file() {
        common::require_tools_in_ci(&format!("the corpus {}", source.display()));
        return;
    }
    let python = python();
    if !common::have(&python, &["-c", "import pyspark"]) {
        common::require_tools_in_ci(&format!("pyspark (for {python})"));
        return;
    }
    if !common::have("java", &["-version"]) {
        common::require_tools_in_ci("Java (for Spark)");
        return;
    }

    // Spaces in every path: `pipe` splits its command with shlex.
    let dir = Dir::new();
    let reader = BufReader::new(std::fs::File::open(&source).expect("open the corpus"));
    let mut head = Vec::new();
    for line in reader.lines().take(DOCS) {
        writeln!(head, "{}", line.expect("read the corpus")).expect("write");
    }
    let corpus = dir.write("in put/corpus.jsonl", &head);
    let kgraph = dir.join("kgraph bin/kgraph");
    std::fs::create_dir_all(kgraph.parent().expect("parent")).expect("create folder");
    std::fs::copy(util::bin(), &kgraph).expect("copy the kgraph binary");

    let driver = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/spark/extract_facts.py");
    let started = Instant::now();
    let out = Command::new(&python)
        .arg(&driver)
        .arg(&corpus)
        .arg(&kgraph)
        .arg(dir.join("facts out"))
        .arg(PARTITIONS.to_string())
        .current_dir(dir.path())
        .output()
        .expect("run the PySpark driver");
    eprintln!(
        "spark job: {:.1} s\n{}",
        started.elapsed().as_secs_f64(),
        text(&out.stderr)
    );
    assert!(
        out.status.success(),
        "the PySpark driver failed ({}):\n{}{}",
        out.status,
        text(&out.stdout),
        text(&out.stderr)
    );

    let parts: Vec<String> = dir
        .files_below("facts out")
        .into_iter()
        .filter(|f| f.starts_with("part-"))
        .map(|f| format!("facts out/{f}"))
        .collect();
    let sizes: Vec<usize> = parts.iter().map(|p| dir.read(p).len()).collect();
    assert!(
        sizes.iter().filter(|&&n| n > 0).count() >= 2,
        "Spark should have written facts in several parts: {parts:?} {sizes:?}"
    );
    let facts: usize = parts
        .iter()
        .map(|p| dir.read(p).iter().filter(|&&b| b == b'\n').count())
        .sum();
    assert_eq!(facts, DOCS, "one fact line per document");

    let mut merge = vec!["merge".to_string()];
    merge.extend(parts);
    merge.extend(["-o", "merged", "-q"].map(String::from));
    dir.cmd(&merge).assert().success();
    dir.cmd(["build", "in put/corpus.jsonl", "-o", "built", "-q"])
        .assert()
        .success();

    let built = dir.files_below("built");
    assert!(!built.is_empty(), "build wrote nothing");
    assert_eq!(dir.files_below("merged"), built, "the same files");
    for file in &built {
        assert!(
            dir.read(&format!("built/{file}")) == dir.read(&format!("merged/{file}")),
            "{file} differs between build and Spark extract + merge"
        );
    }
}
