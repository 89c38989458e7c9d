//! The merge log (`merge_log.jsonl`): one JSON
//! [`MergeRecord`](crate::MergeRecord) per line, saying which surface form,
//! where, went into which node, in (node, doc, sentence, start) order.

use std::io::Write;
use std::ops::Range;

use serde_json::ser::{CompactFormatter, Formatter};
use serde_json::value::{RawValue, to_raw_value};

use super::Exporter;
use crate::error::{Error, ErrorKind, Result};
use crate::graph::{GraphView, Strings};

/// Writes `merge_log.jsonl`.
#[derive(Clone, Debug, Default)]
pub struct MergeLogExporter {
    _private: (),
}

/// Text is passed on to the output once this much is pending.
const CHUNK: usize = 1 << 16;

/// The keys of a line, in the order of the fields of a
/// [`MergeRecord`](crate::MergeRecord).
const KEYS: [&str; 7] = [
    "node", "surface", "doc", "sentence", "start", "end", "source",
];

/// One line's object, written an entry at a time through serde_json's
/// compact formatter, byte for byte as serde_json serialises the
/// [`MergeRecord`](crate::MergeRecord) it stands for. The keys come as
/// JSON text made once, where a derived `Serialize` escapes each key again
/// on every line.
struct Line<'b> {
    buf: &'b mut Vec<u8>,
    /// The keys not yet written, as JSON.
    keys: std::slice::Iter<'b, Box<RawValue>>,
    first: bool,
}

impl<'b> Line<'b> {
    /// Opens the object (`{`); `keys` are [`KEYS`] as JSON.
    fn begin(buf: &'b mut Vec<u8>, keys: &'b [Box<RawValue>]) -> serde_json::Result<Line<'b>> {
        CompactFormatter
            .begin_object(buf)
            .map_err(serde_json::Error::io)?;
        Ok(Line {
            buf,
            keys: keys.iter(),
            first: true,
        })
    }

    /// The next entry, its value written by `write`.
    fn entry(
        &mut self,
        write: impl FnOnce(&mut Vec<u8>) -> serde_json::Result<()>,
    ) -> serde_json::Result<()> {
        let io = serde_json::Error::io;
        let mut f = CompactFormatter;
        let key = self.keys.next().map_or("", |k| k.get());
        f.begin_object_key(self.buf, self.first).map_err(io)?;
        self.first = false;
        f.write_raw_fragment(self.buf, key).map_err(io)?;
        f.end_object_key(self.buf).map_err(io)?;
        f.begin_object_value(self.buf).map_err(io)?;
        write(self.buf)?;
        f.end_object_value(self.buf).map_err(io)
    }

    /// An entry of JSON text made before (by serde_json, see [`Escaped`]).
    fn json(&mut self, json: &[u8]) -> serde_json::Result<()> {
        self.entry(|buf| {
            buf.extend_from_slice(json);
            Ok(())
        })
    }

    /// A string entry, escaped as it is written.
    fn str(&mut self, s: &str) -> serde_json::Result<()> {
        self.entry(|buf| serde_json::to_writer(buf, s))
    }

    /// A number entry.
    fn uint(&mut self, n: usize) -> serde_json::Result<()> {
        self.entry(|buf| {
            CompactFormatter
                .write_u64(buf, n as u64)
                .map_err(serde_json::Error::io)
        })
    }

    /// Closes the object (`}`).
    fn end(self) -> serde_json::Result<()> {
        CompactFormatter
            .end_object(self.buf)
            .map_err(serde_json::Error::io)
    }
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
    /// Where the JSON of string `n` stands in `json`, once made.
    spans: Vec<Option<Range<usize>>>,
}

impl<'t> Escaped<'t> {
    fn new(table: &'t Strings) -> Escaped<'t> {
        Escaped {
            table,
            json: Vec::new(),
            spans: vec![None; table.len()],
        }
    }

    /// String number `n` as JSON.
    fn get(&mut self, n: u32) -> serde_json::Result<&[u8]> {
        let slot = &mut self.spans[n as usize];
        let span = match slot {
            Some(span) => span.clone(),
            None => {
                let start = self.json.len();
                serde_json::to_writer(&mut self.json, self.table.get(n))?;
                slot.insert(start..self.json.len()).clone()
            }
        };
        Ok(&self.json[span])
    }
}

impl Exporter for MergeLogExporter {
    fn files(&self) -> &'static [&'static str] {
        &["merge_log.jsonl"]
    }

    fn write_file(&self, view: &GraphView<'_>, _file: usize, out: &mut dyn Write) -> Result<()> {
        let err =
            |e: serde_json::Error| Error::new(ErrorKind::Export, format!("merge_log.jsonl: {e}"));
        let log = view.merge_lines();
        let mut nodes = Escaped::new(log.nodes);
        let mut docs = Escaped::new(log.docs);
        let mut names = Escaped::new(log.names);
        // Records are serialised into a plain buffer (serde_json's many
        // small writes stay cheap there), passed on in large chunks.
        let mut buf = Vec::with_capacity(CHUNK + CHUNK / 2);
        let keys = KEYS
            .iter()
            .map(to_raw_value)
            .collect::<serde_json::Result<Vec<_>>>()
            .map_err(err)?;
        for l in log.lines {
            let node = nodes.get(l.node).map_err(err)?;
            let doc = docs.get(l.doc).map_err(err)?;
            let source = names.get(l.source).map_err(err)?;
            let write = |buf: &mut Vec<u8>| {
                let mut line = Line::begin(buf, &keys)?;
                line.json(node)?;
                line.str(log.names.get(l.surface))?;
                line.json(doc)?;
                line.uint(l.sentence)?;
                line.uint(l.start)?;
                line.uint(l.end)?;
                line.json(source)?;
                line.end()
            };
            write(&mut buf).map_err(err)?;
            buf.push(b'\n');
            if buf.len() >= CHUNK {
                out.write_all(&buf)?;
                buf.clear();
            }
        }
        out.write_all(&buf)?;
        out.flush()?;
        Ok(())
    }
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
