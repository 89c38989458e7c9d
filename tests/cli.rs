//! Tests of the `kgraph` command line: they spawn the real binary in a
//! temporary folder and check structure, files, exit statuses and messages,
//! never what the extraction finds.

#![cfg(feature = "cli")]

mod util;

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use kgraph::export::Format;
use serde_json::Value;
use util::{DOCS, Dir, text};

/// Every file `-f all` writes, relative to the output folder, sorted.
fn all_files() -> Vec<String> {
    let mut files: Vec<String> = Format::ALL
        .iter()
        .flat_map(|f| f.files().iter().map(|s| (*s).to_string()))
        .collect();
    files.sort();
    files
}

fn parse_json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes)
        .unwrap_or_else(|e| panic!("stdout is not one JSON value: {e}\n{}", text(bytes)))
}

fn assert_node_link(v: &Value) {
    assert_eq!(v["directed"], Value::Bool(true), "{v}");
    assert_eq!(v["multigraph"], Value::Bool(true), "{v}");
    assert!(v["nodes"].is_array(), "{v}");
    assert!(v["edges"].is_array(), "{v}");
    assert!(v["links"].is_array(), "{v}");
    assert_eq!(v["edges"], v["links"]);
}

#[test]
fn help_of_every_subcommand() {
    let dir = Dir::new();
    let out = dir
        .cmd(["--help"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let top = text(&out);
    for sub in [
        "build",
        "extract",
        "merge",
        "entities",
        "relations",
        "stats",
    ] {
        assert!(top.contains(sub), "top help lacks {sub}:\n{top}");
        let out = dir
            .cmd([sub, "--help"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let help = text(&out);
        assert!(help.contains("Usage: kgraph"), "{sub} --help:\n{help}");
        let short = dir
            .cmd([sub, "-h"])
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        assert!(!short.is_empty());
    }
    let build = text(
        &dir.cmd(["build", "--help"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    for flag in [
        "--output",
        "--format",
        "--rules",
        "--stdin",
        "--threads",
        "--max-evidence",
        "--quiet",
        "--strict",
    ] {
        assert!(build.contains(flag), "build --help lacks {flag}");
    }
    dir.cmd(["--version"]).assert().success();
}

#[test]
fn usage_errors_exit_2() {
    let dir = Dir::with_docs();
    dir.cmd(["frobnicate"]).assert().code(2);
    dir.cmd(["build", "--no-such-flag"]).assert().code(2);
    dir.cmd(["build", "a.txt", "--threads", "0"])
        .assert()
        .code(2);
    dir.cmd(["merge"]).assert().code(2);
    dir.cmd(["build", "a.txt", "--stdin", "xml"])
        .assert()
        .code(2);
    // No subcommand at all.
    dir.cmd(Vec::<&str>::new()).assert().code(2);
}

#[test]
fn unknown_format_exits_2_with_a_message() {
    let dir = Dir::with_docs();
    let out = dir
        .cmd(["build", "a.txt", "--format", "jsn", "-o", "-"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(err.contains("unknown format"), "{err}");
    assert!(err.contains("jsn"), "{err}");
    assert!(err.contains("json"), "the message lists the formats: {err}");
    dir.cmd(["build", "a.txt", "-f", "json,nope"])
        .assert()
        .code(2);
    assert!(
        !dir.join("out").exists(),
        "nothing is written on a usage error"
    );
}

#[test]
fn stdout_takes_exactly_one_single_file_format() {
    let dir = Dir::with_docs();
    let out = dir
        .cmd(["build", "a.txt", "-f", "json,dot", "-o", "-"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).contains("one format"),
        "{}",
        text(&out.stderr)
    );
    dir.cmd(["build", "a.txt", "-f", "all", "-o", "-"])
        .assert()
        .code(2);

    if let Some(multi) = Format::ALL.iter().find(|f| f.files().len() > 1) {
        let out = dir
            .cmd(["build", "a.txt", "-f", multi.name(), "-o", "-"])
            .assert()
            .code(2)
            .get_output()
            .clone();
        assert!(out.stdout.is_empty());
        assert!(text(&out.stderr).contains("files"), "{}", text(&out.stderr));
    }
    // Repeating the one format is still one format.
    dir.cmd(["build", "a.txt", "-f", "json", "-f", "json", "-o", "-"])
        .assert()
        .success();
}

#[test]
fn json_to_stdout_is_the_scorer_contract() {
    let dir = Dir::with_docs();
    let out = dir
        .cmd(["build", "a.txt", "--format", "json", "-o", "-"])
        .assert()
        .success()
        .get_output()
        .clone();
    let v = parse_json(&out.stdout);
    assert_node_link(&v);
    assert!(!dir.join("out").exists(), "`-o -` writes no folder");

    // The same with every spelling of the flags, and json as the default
    // format for stdout.
    let long = dir
        .cmd(["build", "a.txt", "--format=json", "--output=-"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(long, out.stdout);
    let default = dir
        .cmd(["build", "-o", "-", "a.txt"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(default, out.stdout);

    // Nodes and edges have the documented fields.
    for node in v["nodes"].as_array().unwrap() {
        for key in ["id", "label", "type", "aliases"] {
            assert!(node.get(key).is_some(), "node lacks {key}: {node}");
        }
    }
    for edge in v["edges"].as_array().unwrap() {
        for key in [
            "source",
            "target",
            "key",
            "type",
            "confidence",
            "support",
            "evidence",
        ] {
            assert!(edge.get(key).is_some(), "edge lacks {key}: {edge}");
        }
    }
}

#[test]
fn quiet_run_prints_nothing_on_stderr() {
    let dir = Dir::with_docs();
    let out = dir
        .cmd([
            "build", "a.txt", "b.txt", "--format", "json", "-o", "-", "--quiet",
        ])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_node_link(&parse_json(&out.stdout));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));

    // Without --quiet, one summary line on stderr (not a terminal: no bar).
    let out = dir
        .cmd(["build", "a.txt", "b.txt", "--format", "json", "-o", "-"])
        .assert()
        .success()
        .get_output()
        .clone();
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("kgraph: 2 documents"), "{err}");
    for word in ["entit", "edge", "skipped", " s"] {
        assert!(err.contains(word), "summary lacks {word:?}: {err}");
    }
}

#[test]
fn build_into_a_folder_writes_every_format() {
    let dir = Dir::with_docs();
    let out = dir
        .cmd(["build", "a.txt", "b.txt", "c.txt", "-o", "graph/out"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(out.stdout.is_empty(), "{}", text(&out.stdout));
    let files = dir.files_below("graph/out");
    assert_eq!(files, all_files(), "exactly the files of Format::ALL");
    assert!(files.contains(&"graph.json".to_string()));
    assert_node_link(&parse_json(&dir.read("graph/out/graph.json")));

    // Building again over the old files replaces them cleanly.
    dir.cmd(["build", "a.txt", "-o", "graph/out", "-q"])
        .assert()
        .success();
    assert_eq!(dir.files_below("graph/out"), all_files());

    // One format only.
    dir.cmd(["build", "a.txt", "-f", "json", "-o", "one", "-q"])
        .assert()
        .success();
    assert_eq!(dir.files_below("one"), ["graph.json"]);
}

#[test]
fn default_output_is_out_and_default_input_is_the_sample_corpus() {
    let dir = Dir::new();
    let out = dir.cmd(["build"]).assert().success().get_output().clone();
    assert_eq!(dir.files_below("out"), all_files());
    let err = text(&out.stderr);
    assert!(err.starts_with("kgraph: "), "{err}");
    assert!(
        !err.contains("kgraph: 0 documents"),
        "the sample corpus is not empty: {err}"
    );
    let v = parse_json(&dir.read("out/graph.json"));
    assert_node_link(&v);
    // Document ids of the sample are file names.
    for node in v["nodes"].as_array().unwrap() {
        for doc in node["docs"].as_array().unwrap() {
            let doc = doc.as_str().unwrap();
            assert!(doc.ends_with(".txt") && !doc.contains('/'), "{doc}");
        }
    }
}

#[test]
fn a_failing_write_leaves_no_partial_files() {
    let dir = Dir::with_docs();
    // A folder where graph.json should go: the rename into place fails.
    dir.write("out/graph.json/blocker", "");
    let out = dir
        .cmd(["build", "a.txt", "-o", "out"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let err = text(&out.stderr);
    assert!(err.contains("graph.json"), "{err}");
    let files = dir.files_below("out");
    assert_eq!(
        files,
        ["graph.json/blocker"],
        "no other file is put in place, no temp file left"
    );
}

#[test]
fn output_that_is_a_file_is_an_error_before_any_work() {
    let dir = Dir::with_docs();
    dir.write("taken", "not a folder");
    let out = dir
        .cmd(["build", "a.txt", "-o", "taken"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let err = text(&out.stderr);
    assert!(err.contains("taken"), "{err}");
    assert!(err.contains("not a folder"), "{err}");
    assert!(!err.contains("documents"), "no extraction ran: {err}");
    assert_eq!(dir.read("taken"), b"not a folder");

    // A folder below a file cannot be created either.
    let out = dir
        .cmd(["build", "a.txt", "-o", "taken/sub"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(
        text(&out.stderr).contains("taken/sub"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn missing_input_exits_1_naming_the_path() {
    let dir = Dir::with_docs();
    let out = dir
        .cmd(["build", "no-such-file.txt", "-f", "json", "-o", "-"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let err = text(&out.stderr);
    assert!(err.contains("no-such-file.txt"), "{err}");
    assert!(err.contains("kgraph: error:"), "{err}");

    // With good inputs beside it: the good documents are still built, and
    // the run still fails.
    let out = dir
        .cmd(["build", "a.txt", "missing.txt", "-o", "out"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    let err = text(&out.stderr);
    assert!(err.contains("missing.txt"), "{err}");
    assert!(dir.join("out/graph.json").exists());
}

#[test]
fn bad_rules_file_exits_1_naming_the_file() {
    let dir = Dir::with_docs();
    dir.write("rules.toml", "[[entity]]\nname = \"X\"\ntype = \"CITY\"\n");
    let out = dir
        .cmd(["build", "a.txt", "--rules", "rules.toml", "-o", "-"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
    let err = text(&out.stderr);
    assert!(err.contains("rules.toml"), "{err}");

    let out = dir
        .cmd(["build", "a.txt", "--rules", "absent.toml", "-o", "-"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(
        text(&out.stderr).contains("absent.toml"),
        "{}",
        text(&out.stderr)
    );

    dir.write(
        "good.toml",
        "[[entity]]\nname = \"Scale AI\"\ntype = \"ORG\"\naliases = [\"Scale\"]\n",
    );
    let out = dir
        .cmd(["build", "a.txt", "--rules", "good.toml", "-o", "-", "-q"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert_node_link(&parse_json(&out.stdout));
}

#[test]
fn extract_writes_only_fact_lines() {
    let dir = Dir::with_docs();
    let out = dir
        .cmd(["extract", "a.txt", "b.txt", "c.txt"])
        .assert()
        .success()
        .get_output()
        .clone();
    let stdout = text(&out.stdout);
    let docs: Vec<String> = stdout
        .lines()
        .map(|line| {
            let facts: kgraph::DocFacts =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
            facts.doc
        })
        .collect();
    assert_eq!(
        docs,
        ["a.txt", "b.txt", "c.txt"],
        "one line per document, in input order"
    );
    // The same bytes with one thread or several.
    let one = dir
        .cmd(["extract", "a.txt", "b.txt", "c.txt", "--threads", "1", "-q"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(one, out.stdout);
}

/// Shards of a corpus, extracted separately and merged in another order,
/// give the bytes of one build, in every format.
#[test]
fn extract_then_merge_equals_build() {
    let dir = Dir::with_docs();
    let names: Vec<&str> = DOCS.iter().map(|(n, _)| *n).collect();
    let mut build_args = vec!["build", "-o", "built", "-q", "--max-evidence", "3"];
    build_args.extend(&names);
    dir.cmd(&build_args).assert().success();

    let shards: [&[&str]; 3] = [&names[..1], &names[1..3], &names[3..]];
    for (i, shard) in shards.iter().enumerate() {
        let mut args = vec!["extract", "-q"];
        args.extend(*shard);
        let facts = dir
            .cmd(&args)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        dir.write(&format!("shard{i}.jsonl"), facts);
    }
    // Shard 1 comes through stdin.
    let stdin = dir.read("shard1.jsonl");
    dir.cmd([
        "merge",
        "shard2.jsonl",
        "-",
        "shard0.jsonl",
        "-o",
        "merged",
        "-q",
        "--max-evidence",
        "3",
    ])
    .write_stdin(stdin)
    .assert()
    .success();

    let built = dir.files_below("built");
    assert_eq!(built, all_files());
    assert_eq!(dir.files_below("merged"), built);
    for file in &built {
        assert!(
            dir.read(&format!("built/{file}")) == dir.read(&format!("merged/{file}")),
            "{file} differs between build and extract+merge"
        );
    }

    // One thread gives the same bytes as several.
    let mut args = vec![
        "build",
        "-o",
        "one-thread",
        "-q",
        "--max-evidence",
        "3",
        "--threads",
        "1",
    ];
    args.extend(&names);
    dir.cmd(&args).assert().success();
    for file in &built {
        assert!(
            dir.read(&format!("built/{file}")) == dir.read(&format!("one-thread/{file}")),
            "{file} differs between 1 and N threads"
        );
    }

    // And to stdout.
    let mut args = vec!["build", "-f", "json", "-o", "-", "-q"];
    args.extend(&names);
    let built = dir
        .cmd(&args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let merged = dir
        .cmd([
            "merge",
            "shard0.jsonl",
            "shard1.jsonl",
            "shard2.jsonl",
            "-f",
            "json",
            "-o",
            "-",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(built == merged, "json to stdout differs");
}

#[test]
fn merge_reports_bad_fact_files() {
    let dir = Dir::with_docs();
    let facts = dir
        .cmd(["extract", "a.txt", "-q"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    dir.write("good.jsonl", &facts);
    let mut bad = facts.clone();
    bad.extend_from_slice(b"{\"not\": \"facts\"}\n");
    dir.write("bad.jsonl", bad);

    let out = dir
        .cmd(["merge", "bad.jsonl", "-o", "-"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).contains("bad.jsonl:2"),
        "{}",
        text(&out.stderr)
    );

    let out = dir
        .cmd(["merge", "absent.jsonl", "-o", "-"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(
        text(&out.stderr).contains("absent.jsonl"),
        "{}",
        text(&out.stderr)
    );

    // The same document twice is merged once, with a warning.
    let once = dir
        .cmd(["merge", "good.jsonl", "-o", "-", "-q"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = dir
        .cmd(["merge", "good.jsonl", "good.jsonl", "-o", "-"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(out.stdout == once);
    assert!(
        text(&out.stderr).contains("duplicate document id"),
        "{}",
        text(&out.stderr)
    );

    // An empty fact file holds no document.
    dir.write("empty.jsonl", "");
    dir.cmd(["merge", "empty.jsonl", "-o", "-"])
        .assert()
        .code(1);
}

#[test]
fn tables_and_stats() {
    let dir = Dir::with_docs();
    let entities = text(
        &dir.cmd(["entities", "a.txt", "b.txt"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    let header = entities.lines().next().unwrap_or_default();
    for col in ["ID", "TYPE", "LABEL", "ALIASES", "DOCS"] {
        assert!(header.contains(col), "{header}");
    }
    let relations = text(
        &dir.cmd(["relations", "a.txt", "b.txt", "-q"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    let header = relations.lines().next().unwrap_or_default();
    for col in [
        "SOURCE", "TYPE", "TARGET", "STATUS", "AMOUNT", "STAKE", "SUPPORT",
    ] {
        assert!(header.contains(col), "{header}");
    }
    let stats = text(
        &dir.cmd(["stats", "a.txt", "b.txt", "-q"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    let first = stats.lines().next().unwrap_or_default();
    assert_eq!(
        first.split_whitespace().collect::<Vec<_>>(),
        ["documents", "2"],
        "{stats}"
    );
    assert!(stats.lines().any(|l| l.starts_with("nodes")), "{stats}");
    assert!(stats.lines().any(|l| l.starts_with("edges")), "{stats}");
    assert!(stats.contains("PERSON") && stats.contains("ORG"), "{stats}");
    assert!(stats.contains("invests_in"), "{stats}");

    // The sample corpus, by default.
    dir.cmd(["stats", "-q"]).assert().success();
    dir.cmd(["entities", "missing.txt"]).assert().code(1);
}

/// A reader that goes away early is not an error.
#[test]
fn closed_stdout_is_not_an_error() {
    let dir = Dir::new();
    let mut args = vec!["extract".to_string(), "-q".to_string()];
    for i in 0..400 {
        let (_, text) = DOCS[i % DOCS.len()];
        let name = format!("doc{i:03}.txt");
        dir.write(&name, text.repeat(4));
        args.push(name);
    }
    let mut child = Command::new(util::bin())
        .args(&args)
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 16];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "stderr: {}", text(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", text(&out.stderr));
}

#[test]
fn stdin_text_document() {
    let dir = Dir::new();
    let mut child = Command::new(util::bin())
        .args(["build", "-", "-f", "json", "-o", "-", "-q"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(DOCS[0].1.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_node_link(&parse_json(&out.stdout));
}

#[test]
fn stdin_json_lines() {
    let dir = Dir::new();
    let corpus: String = DOCS
        .iter()
        .map(|(name, text)| {
            serde_json::json!({"id": name, "title": "", "text": text}).to_string() + "\n"
        })
        .collect();
    let out = dir
        .cmd(["extract", "--stdin", "jsonl", "-"])
        .write_stdin(corpus.clone())
        .assert()
        .success()
        .get_output()
        .clone();
    let ids: Vec<String> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<kgraph::DocFacts>(l).unwrap().doc)
        .collect();
    assert_eq!(ids, DOCS.iter().map(|(n, _)| *n).collect::<Vec<_>>());

    let out = dir
        .cmd([
            "build", "--stdin", "jsonl", "-", "-f", "json", "-o", "-", "-q",
        ])
        .write_stdin(corpus)
        .assert()
        .success()
        .get_output()
        .clone();
    assert_node_link(&parse_json(&out.stdout));
}

#[test]
fn no_document_at_all() {
    let dir = Dir::new();
    // build fails...
    let out = dir
        .cmd(["build", "--stdin", "jsonl", "-", "-o", "-"])
        .write_stdin("")
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
    assert!(
        text(&out.stderr).contains("no documents"),
        "{}",
        text(&out.stderr)
    );
    assert!(!dir.join("out").exists());
    // ...but an empty partition is fine for the map step.
    let out = dir
        .cmd(["extract", "--stdin", "jsonl", "-"])
        .write_stdin("")
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(out.stdout.is_empty());
}

#[test]
fn skipped_inputs_are_reported_and_fail_only_with_strict() {
    let dir = Dir::with_docs();
    dir.write("corpus/good.txt", DOCS[0].1);
    dir.write("corpus/sub/also-good.txt", DOCS[1].1);
    dir.write("corpus/binary.bin", b"PK\x03\x04\0\0\0binary");
    dir.write("corpus/empty.txt", "");
    dir.write(
        "corpus/feed.jsonl",
        "{\"id\": \"j1\", \"text\": \"Scale AI raised money.\"}\nnot json\n",
    );

    let out = dir
        .cmd(["build", "corpus", "-f", "json", "-o", "-"])
        .assert()
        .success()
        .get_output()
        .clone();
    let err = text(&out.stderr);
    assert!(err.contains("kgraph: skipped: corpus/binary.bin"), "{err}");
    assert!(err.contains("kgraph: skipped: corpus/empty.txt"), "{err}");
    assert!(
        err.contains("kgraph: skipped: corpus/feed.jsonl:2:"),
        "{err}"
    );
    let summary = err.lines().last().unwrap_or_default();
    assert!(summary.starts_with("kgraph: 3 documents"), "{summary}");
    assert!(summary.contains("3 inputs skipped"), "{summary}");
    let v = parse_json(&out.stdout);
    assert_node_link(&v);
    let docs: Vec<&str> = v["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|n| {
            n["docs"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Value::as_str)
        })
        .collect();
    for doc in docs {
        assert!(
            ["good.txt", "sub/also-good.txt", "j1"].contains(&doc),
            "{doc}"
        );
    }

    let out = dir
        .cmd(["build", "corpus", "-o", "strict", "--strict"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(
        text(&out.stderr).contains("--strict"),
        "{}",
        text(&out.stderr)
    );
    // The good documents are still written.
    assert!(dir.join("strict/graph.json").exists());
}

#[test]
fn warnings_name_file_and_line() {
    let dir = Dir::new();
    dir.write("dup/a.txt", DOCS[0].1);
    dir.write("other/a.txt", DOCS[1].1);
    let out = dir
        .cmd(["build", "dup", "other", "-f", "json", "-o", "-"])
        .assert()
        .success()
        .get_output()
        .clone();
    let err = text(&out.stderr);
    assert!(
        err.contains("kgraph: warning: other/a.txt: duplicate document id"),
        "{err}"
    );
    assert!(
        err.lines()
            .last()
            .unwrap_or_default()
            .starts_with("kgraph: 1 document "),
        "{err}"
    );
}
