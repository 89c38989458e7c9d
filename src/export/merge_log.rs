//! The merge log (`merge_log.jsonl`): one JSON
//! [`MergeRecord`](crate::MergeRecord) per line, saying which surface form,
//! where, went into which node, in (node, doc, sentence, start) order.

use std::io::Write;

use super::Exporter;
use crate::error::{Error, ErrorKind, Result};
use crate::graph::GraphView;

/// Writes `merge_log.jsonl`.
#[derive(Clone, Debug, Default)]
pub struct MergeLogExporter {
    _private: (),
}

/// Text is passed on to the output once this much is pending.
const CHUNK: usize = 1 << 16;

impl Exporter for MergeLogExporter {
    fn files(&self) -> &'static [&'static str] {
        &["merge_log.jsonl"]
    }

    fn write_file(&self, view: &GraphView<'_>, _file: usize, out: &mut dyn Write) -> Result<()> {
        // Records are serialised into a plain buffer (serde_json's many
        // small writes stay cheap there), passed on in large chunks.
        let mut buf = Vec::with_capacity(CHUNK + CHUNK / 2);
        for rec in view.merge_lines() {
            serde_json::to_writer(&mut buf, &rec)
                .map_err(|e| Error::new(ErrorKind::Export, format!("merge_log.jsonl: {e}")))?;
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
