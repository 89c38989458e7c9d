//! The binary over a folder of nasty inputs: every bad file is reported on
//! stderr by name (and line, for JSON lines), the good documents survive,
//! and the run exits 0 (1 with --strict).

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("mkdir");
    }
    std::fs::write(path, bytes).expect("write");
}

fn nasty_folder() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    let d = tmp.path().join("in");
    write(
        &d,
        "good.txt",
        b"Halvard Systems Inc said it acquired Norrik Labs Inc for $240 million.",
    );
    write(&d, "binary.bin", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00");
    write(
        &d,
        "latin1.txt",
        b"Caf\xe9 Holdings Inc said it bought a 9.5 pct stake in Vesta Foods Corp.",
    );
    write(&d, "empty.txt", b"");
    write(&d, "blank.txt", b"   \n\n  \t\n");
    write(
        &d,
        "corpus.jsonl",
        concat!(
            "{\"id\": \"j1\", \"title\": \"Tamsin buys stake\", \"text\": \"Tamsin Group Plc bought a 12 pct stake in Corvel Mining Ltd.\"}\n",
            "{not json at all\n",
            "{\"id\": \"j3\", \"title\": \"no text here\"}\n",
            "\n",
            "{\"id\": \"j1\", \"text\": \"A duplicate id.\"}\n",
        )
        .as_bytes(),
    );
    // Hostile names: quotes, backslashes, markup, DOT and Cypher fragments.
    write(
        &d,
        "hostile.txt",
        "Acme \"Quote\" Holdings Inc said it acquired <b>Bold</b> Corp. \
         Node Edge Graph Inc invested $5 million in Back\\slash Ventures. \
         Cypher'}) DETACH DELETE n Inc bought Zoë Labs Inc."
            .as_bytes(),
    );
    // A JSON line over the 16 MiB line limit.
    let mut huge = b"{\"id\": \"huge\", \"text\": \"".to_vec();
    huge.extend(std::iter::repeat_n(b'a', 17 * 1024 * 1024));
    huge.extend_from_slice(b"\"}\n");
    write(&d, "huge.jsonl", &huge);
    #[cfg(unix)]
    {
        let _ = std::os::unix::fs::symlink(&d, d.join("loop"));
    }
    tmp
}

#[test]
fn nasty_folder_keeps_the_good_documents() {
    let tmp = nasty_folder();
    let out = tmp.path().join("out");
    let assert = Command::cargo_bin("kgraph")
        .expect("binary")
        .arg("build")
        .arg(tmp.path().join("in"))
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    for needle in [
        "binary.bin",
        "latin1.txt",
        "empty.txt",
        "blank.txt",
        "corpus.jsonl:2",
        "corpus.jsonl:3",
        "corpus.jsonl:5",
        "huge.jsonl:1",
    ] {
        assert!(
            stderr.contains(needle),
            "stderr does not mention {needle}:\n{stderr}"
        );
    }
    let graph: Value =
        serde_json::from_slice(&std::fs::read(out.join("graph.json")).expect("graph.json"))
            .expect("valid JSON");
    let docs: Vec<String> = graph["nodes"]
        .as_array()
        .expect("nodes")
        .iter()
        .flat_map(|n| n["docs"].as_array().cloned().unwrap_or_default())
        .filter_map(|d| d.as_str().map(str::to_string))
        .collect();
    for good in ["good.txt", "latin1.txt", "j1", "hostile.txt"] {
        assert!(
            docs.iter().any(|d| d == good),
            "document {good} lost: {docs:?}"
        );
    }
    // Every export was written completely and parses.
    for file in ["graph.graphml", "graph.gexf"] {
        let text = std::fs::read_to_string(out.join(file)).expect("xml file");
        let mut reader = quick_xml::Reader::from_str(&text);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{file} is not well-formed: {e}"),
            }
        }
    }
}

#[test]
fn strict_turns_skipped_inputs_into_failure() {
    let tmp = nasty_folder();
    Command::cargo_bin("kgraph")
        .expect("binary")
        .arg("build")
        .arg(tmp.path().join("in"))
        .arg("--strict")
        .arg("-o")
        .arg(tmp.path().join("out"))
        .assert()
        .code(1);
}

#[test]
fn caps_are_reported_and_bound_the_work() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let names: Vec<String> = (0..2000).map(|i| format!("Acme{i} Holdings Inc")).collect();
    write(
        tmp.path(),
        "many.txt",
        format!("Listed: {}.", names.join(", ")).as_bytes(),
    );
    let long: Vec<String> = (0..3000).map(|i| format!("Word{i}")).collect();
    write(
        tmp.path(),
        "long.txt",
        format!("X {} Inc said so.", long.join(" ")).as_bytes(),
    );
    let assert = Command::cargo_bin("kgraph")
        .expect("binary")
        .arg("build")
        .arg(tmp.path().join("many.txt"))
        .arg(tmp.path().join("long.txt"))
        .arg("-o")
        .arg(tmp.path().join("out"))
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains("many.txt") && stderr.contains("per sentence"),
        "{stderr}"
    );
    assert!(stderr.contains("was cut into pieces"), "{stderr}");
    assert!(
        stderr.contains("long.txt") && stderr.contains("longer than"),
        "{stderr}"
    );
}
