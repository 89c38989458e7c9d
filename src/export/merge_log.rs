//! The merge log (`merge_log.jsonl`): one JSON
//! [`MergeRecord`](crate::MergeRecord) per line, saying which surface form,
//! where, went into which node, in (node, doc, sentence, start) order.

use std::io::Write;

use super::Exporter;
use super::json_out::JsonOut;
use crate::error::Result;
use crate::graph::{GraphView, MergeRecord};

/// Writes `merge_log.jsonl`.
#[derive(Clone, Debug, Default)]
pub struct MergeLogExporter {
    _private: (),
}

/// Text is passed on to the output once this much is pending.
const CHUNK: usize = 1 << 16;

/// One record as compact JSON, as [`MergeRecord`]'s `Serialize` writes it.
fn record(j: &mut JsonOut, rec: &MergeRecord) {
    j.begin_object();
    j.key_str("node", &rec.node);
    j.key_str("surface", &rec.surface);
    j.key_str("doc", &rec.doc);
    j.key_uint("sentence", rec.sentence);
    j.key_uint("start", rec.start);
    j.key_uint("end", rec.end);
    j.key_str("source", &rec.source);
    j.end_object();
}

impl Exporter for MergeLogExporter {
    fn files(&self) -> &'static [&'static str] {
        &["merge_log.jsonl"]
    }

    fn write_file(&self, view: &GraphView<'_>, _file: usize, out: &mut dyn Write) -> Result<()> {
        let mut j = JsonOut::compact();
        for rec in view.merge_log() {
            record(&mut j, rec);
            j.buf().push('\n');
            if j.buf().len() >= CHUNK {
                out.write_all(j.buf().as_bytes())?;
                j.buf().clear();
            }
        }
        out.write_all(j.buf().as_bytes())?;
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
