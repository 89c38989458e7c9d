//! The merge log (`merge_log.jsonl`): one JSON
//! [`MergeRecord`](crate::MergeRecord) per line, saying which surface form,
//! where, went into which node, in (node, doc, sentence, start) order.

use std::io::{self, Write};

use super::Exporter;
use crate::error::{Error, ErrorKind, Result};
use crate::graph::GraphView;
use crate::strings::Strings;

/// Writes `merge_log.jsonl`.
#[derive(Clone, Debug, Default)]
pub struct MergeLogExporter {
    _private: (),
}

/// Text is passed on to the output once this much is pending.
const CHUNK: usize = 1 << 16;

/// Appends an unsigned integer, as serde_json writes it.
fn push_uint(buf: &mut Vec<u8>, n: usize) {
    buf.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// The strings of a table as JSON strings, each made on first use.
///
/// A line's node id, doc id and recogniser each stand on several lines
/// (on Reuters about 4, 7 and 1000 times), and escaping them once saves
/// more than keeping the JSON costs; surface forms mostly stand once and
/// are escaped as they are written. The JSON is kept end to end in one
/// buffer, not in an allocation per string.
struct Escaped<'t> {
    table: &'t Strings,
    /// The JSON strings made so far, end to end.
    json: Vec<u8>,
    /// Where the JSON of string `n` stands in `json`, once made (`[0, 0]`
    /// before: a JSON string is never empty). Offsets of `u32`, a third of
    /// a `Range<usize>`: a table may hold a string per document.
    spans: Vec<[u32; 2]>,
    /// A string made but not kept: `json` is full.
    scratch: Vec<u8>,
    /// Most bytes kept in `json`.
    kept: usize,
}

/// Most bytes of JSON strings kept per table: those of a corpus like
/// Reuters all fit; past it, strings are escaped as they are written, so
/// that a corpus of many documents does not keep all its doc ids twice.
const KEPT: usize = 1 << 20;

impl<'t> Escaped<'t> {
    fn new(table: &'t Strings, kept: usize) -> Escaped<'t> {
        Escaped {
            table,
            json: Vec::new(),
            spans: vec![[0, 0]; table.len()],
            scratch: Vec::new(),
            kept: kept.min(1 << 31),
        }
    }

    /// String number `n` as JSON.
    fn get(&mut self, n: u32) -> serde_json::Result<&[u8]> {
        let [start, end] = self.spans[n as usize];
        if end > 0 {
            return Ok(&self.json[start as usize..end as usize]);
        }
        if self.json.len() >= self.kept {
            self.scratch.clear();
            serde_json::to_writer(&mut self.scratch, self.table.get(n))?;
            return Ok(&self.scratch);
        }
        let start = self.json.len();
        serde_json::to_writer(&mut self.json, self.table.get(n))?;
        let end = self.json.len();
        // `kept` is below 4 GiB, and a doc id far shorter.
        self.spans[n as usize] = [start as u32, end as u32];
        Ok(&self.json[start..end])
    }
}

impl Exporter for MergeLogExporter {
    fn files(&self) -> &'static [&'static str] {
        &["merge_log.jsonl"]
    }

    fn write_file(&self, view: &GraphView<'_>, _file: usize, out: &mut dyn Write) -> Result<()> {
        write_log(view, out, KEPT)
    }
}

/// Writes the log, keeping up to `kept` bytes of JSON strings per table.
fn write_log(view: &GraphView<'_>, out: &mut dyn Write, kept: usize) -> Result<()> {
    let log = view.merge_lines();
    let tables = log.tables();
    let mut nodes = Escaped::new(tables.nodes, kept);
    let mut docs = Escaped::new(tables.docs, kept);
    let mut names = Escaped::new(tables.names, kept);
    // Records are serialised into a plain buffer (serde_json's many
    // small writes stay cheap there), passed on in large chunks.
    let mut buf = Vec::with_capacity(CHUNK + CHUNK / 2);
    let json = |e: serde_json::Error| io::Error::other(e);
    log.for_each_line(|l| {
        // A line is a `MergeRecord` as serde_json
        // writes it (compact, fields in order): the keys are fixed
        // text, the strings JSON from serde_json.
        buf.extend_from_slice(br#"{"node":"#);
        buf.extend_from_slice(nodes.get(l.node).map_err(json)?);
        buf.extend_from_slice(br#","surface":"#);
        serde_json::to_writer(&mut buf, tables.names.get(l.surface)).map_err(json)?;
        buf.extend_from_slice(br#","doc":"#);
        buf.extend_from_slice(docs.get(l.doc).map_err(json)?);
        buf.extend_from_slice(br#","sentence":"#);
        push_uint(&mut buf, l.sentence);
        buf.extend_from_slice(br#","start":"#);
        push_uint(&mut buf, l.start);
        buf.extend_from_slice(br#","end":"#);
        push_uint(&mut buf, l.end);
        buf.extend_from_slice(br#","source":"#);
        buf.extend_from_slice(names.get(l.source).map_err(json)?);
        buf.extend_from_slice(b"}\n");
        if buf.len() >= CHUNK {
            out.write_all(&buf)?;
            buf.clear();
        }
        Ok(())
    })
    .map_err(|e| Error::new(ErrorKind::Export, format!("merge_log.jsonl: {e}")))?;
    out.write_all(&buf)?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_record_per_line() {
        let g = super::super::tiny_graph();
        let s = super::super::render_to_string(&MergeLogExporter::default(), &g, 0);
        assert_eq!(s.lines().count(), 2);
        assert!(
            s.starts_with(r#"{"node":"org:node-x","surface":"node \"x\" \\ <&>","doc":"d1""#),
            "{s}"
        );
    }

    /// Strings escaped as they are written, once the kept ones are full,
    /// give the same bytes.
    #[test]
    fn same_bytes_past_the_kept_strings() {
        for g in [super::super::tiny_graph(), super::super::awkward_graph()] {
            let view = g.view();
            let text = |kept| {
                let mut out = Vec::new();
                let r = write_log(&view, &mut out, kept);
                assert!(r.is_ok(), "{r:?}");
                out
            };
            assert_eq!(text(0), text(KEPT));
            assert_eq!(text(5), text(KEPT));
        }
    }

    #[test]
    fn same_bytes_as_serde_json() {
        for g in [super::super::tiny_graph(), super::super::awkward_graph()] {
            let s = super::super::render_to_string(&MergeLogExporter::default(), &g, 0);
            let mut want = String::new();
            for rec in g.merge_log() {
                want.push_str(&serde_json::to_string(rec).unwrap_or_default());
                want.push('\n');
            }
            assert!(!g.merge_log().is_empty());
            assert_eq!(s, want);
        }
    }
}
