//! The merge log as the merge leaves it: one small line of numbers per
//! mention, the strings it names (node ids, doc ids, surface forms,
//! recognisers) each kept once in a table.
//!
//! A corpus gives a line per mention, a hundred thousand and more; as
//! [`MergeRecord`]s, with four owned strings each, they were the largest
//! thing the finished graph held. The merge-log exporter writes the lines
//! straight from the tables; [`MergeRecord`]s are made only when asked
//! for ([`KnowledgeGraph::merge_log`](super::KnowledgeGraph::merge_log)).

use std::sync::OnceLock;

use super::MergeRecord;

/// Strings by number, kept end to end in one buffer, so that a string
/// costs its bytes and an offset rather than an allocation of its own.
#[derive(Clone, Debug, Default)]
pub(crate) struct Strings {
    /// The strings, end to end.
    text: String,
    /// `ends[n]`: where string `n` ends in `text` (it starts where string
    /// `n - 1` ends).
    ends: Vec<usize>,
}

impl Strings {
    /// Adds a string; its number is the number of strings before it.
    pub(crate) fn push(&mut self, s: &str) -> u32 {
        let n = u32::try_from(self.ends.len()).unwrap_or(u32::MAX);
        self.text.push_str(s);
        self.ends.push(self.text.len());
        n
    }

    /// String number `n`.
    pub(crate) fn get(&self, n: u32) -> &str {
        let n = n as usize;
        let start = if n == 0 { 0 } else { self.ends[n - 1] };
        &self.text[start..self.ends[n]]
    }

    /// How many strings there are.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }
}

/// One line of the merge log, by number: the node id in
/// [`MergeLog::nodes`], the doc id in [`MergeLog::docs`], the surface form
/// and the recogniser in [`MergeLog::names`].
#[derive(Clone, Debug)]
pub(crate) struct LogLine {
    pub(crate) node: u32,
    pub(crate) doc: u32,
    pub(crate) surface: u32,
    pub(crate) source: u32,
    pub(crate) sentence: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// The lines of a [`MergeLog`] by number, with the tables the numbers
/// point into (see [`LogLine`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct NumberedLines<'a> {
    /// The lines, in order.
    pub(crate) lines: &'a [LogLine],
    /// Node ids.
    pub(crate) nodes: &'a Strings,
    /// Doc ids.
    pub(crate) docs: &'a Strings,
    /// Surface forms and recognisers.
    pub(crate) names: &'a Strings,
}

/// The merge log: its lines, in (node id, doc id, sentence, start, end,
/// surface) order, and the strings they name.
#[derive(Clone, Debug, Default)]
pub(crate) struct MergeLog {
    nodes: Strings,
    docs: Strings,
    names: Strings,
    lines: Vec<LogLine>,
    /// The lines as [`MergeRecord`]s, made on first request.
    records: OnceLock<Vec<MergeRecord>>,
}

impl MergeLog {
    /// A log of these lines (sorted, each once) naming these node ids, doc
    /// ids and names (surface forms and recognisers).
    pub(crate) fn new(nodes: Strings, docs: Strings, names: Strings, lines: Vec<LogLine>) -> Self {
        MergeLog {
            nodes,
            docs,
            names,
            lines,
            records: OnceLock::new(),
        }
    }

    /// The lines by number, with their tables.
    pub(crate) fn numbered(&self) -> NumberedLines<'_> {
        NumberedLines {
            lines: &self.lines,
            nodes: &self.nodes,
            docs: &self.docs,
            names: &self.names,
        }
    }

    /// The lines as owned records.
    pub(crate) fn records(&self) -> &[MergeRecord] {
        self.records.get_or_init(|| {
            self.lines
                .iter()
                .map(|l| MergeRecord {
                    node: self.nodes.get(l.node).to_owned(),
                    surface: self.names.get(l.surface).to_owned(),
                    doc: self.docs.get(l.doc).to_owned(),
                    sentence: l.sentence,
                    start: l.start,
                    end: l.end,
                    source: self.names.get(l.source).to_owned(),
                })
                .collect()
        })
    }

    /// The log of only the lines whose node id passes `keep`.
    pub(crate) fn filtered(&self, keep: impl Fn(&str) -> bool) -> MergeLog {
        let lines = self
            .lines
            .iter()
            .filter(|l| keep(self.nodes.get(l.node)))
            .cloned()
            .collect();
        MergeLog::new(
            self.nodes.clone(),
            self.docs.clone(),
            self.names.clone(),
            lines,
        )
    }
}
