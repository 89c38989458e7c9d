//! The merge log (`merge_log.jsonl`): one JSON
//! [`MergeRecord`](crate::MergeRecord) per line, saying which surface form,
//! where, went into which node, in (node, doc, sentence, start) order.

use std::io::Write;

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

/// A value of a line, standing under the key of the same place in [`KEYS`].
enum Value<'a> {
    /// JSON text made before (a string that repeats from line to line).
    Json(&'a RawValue),
    /// A string, escaped as it is written.
    Str(&'a str),
    /// A number.
    Uint(usize),
}

/// Writes one line's object through serde_json's compact formatter, byte
/// for byte as serde_json serialises the [`MergeRecord`](crate::MergeRecord)
/// it stands for. The keys come as JSON text made once (`keys`), where a
/// derived `Serialize` escapes each key again on every line.
fn write_line(
    buf: &mut Vec<u8>,
    keys: &[Box<RawValue>],
    values: [Value<'_>; 7],
) -> serde_json::Result<()> {
    let io = serde_json::Error::io;
    let mut f = CompactFormatter;
    f.begin_object(buf).map_err(io)?;
    for (i, (key, value)) in keys.iter().zip(values).enumerate() {
        f.begin_object_key(buf, i == 0).map_err(io)?;
        f.write_raw_fragment(buf, key.get()).map_err(io)?;
        f.end_object_key(buf).map_err(io)?;
        f.begin_object_value(buf).map_err(io)?;
        match value {
            Value::Json(json) => f.write_raw_fragment(buf, json.get()).map_err(io)?,
            Value::Str(s) => serde_json::to_writer(&mut *buf, s)?,
            Value::Uint(n) => f.write_u64(buf, n as u64).map_err(io)?,
        }
        f.end_object_value(buf).map_err(io)?;
    }
    f.end_object(buf).map_err(io)
}

/// The strings of a table as JSON strings, each made on first use.
///
/// A line's node id, doc id and recogniser each stand on several lines
/// (on Reuters about 4, 7 and 1000 times), and escaping them once saves
/// more than a `RawValue` costs; surface forms mostly stand once and are
/// escaped as they are written.
struct Escaped<'t> {
    table: &'t Strings,
    json: Vec<Option<Box<RawValue>>>,
}

impl<'t> Escaped<'t> {
    fn new(table: &'t Strings) -> Escaped<'t> {
        Escaped {
            table,
            json: vec![None; table.len()],
        }
    }

    /// String number `n` as JSON.
    fn get(&mut self, n: u32) -> serde_json::Result<&RawValue> {
        let slot = &mut self.json[n as usize];
        if slot.is_none() {
            *slot = Some(to_raw_value(self.table.get(n))?);
        }
        Ok(slot.as_deref().unwrap_or(RawValue::NULL))
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
            let values = [
                Value::Json(nodes.get(l.node).map_err(err)?),
                Value::Str(log.names.get(l.surface)),
                Value::Json(docs.get(l.doc).map_err(err)?),
                Value::Uint(l.sentence),
                Value::Uint(l.start),
                Value::Uint(l.end),
                Value::Json(names.get(l.source).map_err(err)?),
            ];
            write_line(&mut buf, &keys, values).map_err(err)?;
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
