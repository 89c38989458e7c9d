//! The merge log (`merge_log.jsonl`): one JSON
//! [`MergeRecord`](crate::MergeRecord) per line, saying which surface form,
//! where, went into which node, in (node, doc, sentence, start) order.

use std::io::Write;

use super::Exporter;
use super::chunked;
use crate::error::{Error, ErrorKind, Result};
use crate::graph::GraphView;

/// Writes `merge_log.jsonl`.
#[derive(Clone, Debug, Default)]
pub struct MergeLogExporter {
    _private: (),
}

impl Exporter for MergeLogExporter {
    fn files(&self) -> &'static [&'static str] {
        &["merge_log.jsonl"]
    }

    fn write_file(&self, view: &GraphView<'_>, _file: usize, out: &mut dyn Write) -> Result<()> {
        let mut w = chunked(out);
        for rec in view.merge_log() {
            serde_json::to_writer(&mut w, rec)
                .map_err(|e| Error::new(ErrorKind::Export, format!("merge_log.jsonl: {e}")))?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
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
}
