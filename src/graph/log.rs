//! The merge log as the merge leaves it: one small line of numbers per
//! mention, the strings it names (node ids, doc ids, surface forms,
//! recognisers) each kept once in a table.
//!
//! A corpus gives a line per mention, a hundred thousand and more, and ten
//! copies of it ten times as many: the one part of the merge that grows
//! with the corpus rather than with the graph. So the lines are kept in
//! arrival order in a [`LineStore`], which holds up to
//! [`MergeOptions::log_buffer`](super::MergeOptions::log_buffer) of them in
//! memory and moves the rest to a temporary file; they are sorted only
//! when written, a bounded slice of nodes at a time
//! ([`MergeLog::for_each_line`]). The merge-log exporter writes the lines
//! straight from the tables; [`MergeRecord`]s are made only when asked for
//! ([`KnowledgeGraph::merge_log`](super::KnowledgeGraph::merge_log)).

use std::cmp::Ordering;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex, OnceLock};

use super::MergeRecord;
use crate::strings::Strings;

/// One line of the merge log, by number: the merge key number of its node,
/// the doc id in [`MergeLog::docs`], the surface form and the recogniser in
/// [`MergeLog::names`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct LogLine {
    pub(crate) node: u32,
    pub(crate) doc: u32,
    pub(crate) surface: u32,
    pub(crate) source: u32,
    pub(crate) sentence: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// Bytes of a [`LogLine`] in the temporary file: four `u32`s and three
/// `u64`s, little-endian.
const LINE_BYTES: usize = 4 * 4 + 3 * 8;

impl LogLine {
    fn encode(&self, out: &mut Vec<u8>) {
        for n in [self.node, self.doc, self.surface, self.source] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        for n in [self.sentence, self.start, self.end] {
            out.extend_from_slice(&(n as u64).to_le_bytes());
        }
    }

    fn decode(b: &[u8]) -> LogLine {
        let u32_at = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().unwrap_or_default());
        let usize_at = |i: usize| {
            let n = u64::from_le_bytes(b[i..i + 8].try_into().unwrap_or_default());
            usize::try_from(n).unwrap_or(usize::MAX)
        };
        LogLine {
            node: u32_at(0),
            doc: u32_at(4),
            surface: u32_at(8),
            source: u32_at(12),
            sentence: usize_at(16),
            start: usize_at(24),
            end: usize_at(32),
        }
    }
}

/// The lines of the merge log in arrival order: the latest in memory, the
/// earlier ones (once there are more than fit) in a temporary file.
#[derive(Debug)]
pub(crate) struct LineStore {
    /// Lines moved out of memory, [`LINE_BYTES`] each; none until the
    /// buffer first fills.
    file: Option<Mutex<File>>,
    /// How many lines the file holds.
    in_file: usize,
    /// The lines after those in the file.
    buffer: Vec<LogLine>,
    /// Most lines kept in `buffer`.
    capacity: usize,
    /// Set when no temporary file could be made or written: the lines then
    /// all stay in memory.
    in_memory_only: bool,
    /// `per_node[k]`: how many lines name key number `k`, so that the lines
    /// can be placed by node without reading them all once more.
    per_node: Vec<usize>,
}

impl Default for LineStore {
    fn default() -> LineStore {
        LineStore::new(super::MergeOptions::DEFAULT_LOG_BUFFER)
    }
}

/// Most lines reserved up front for the buffer (a larger
/// [`MergeOptions::log_buffer`](super::MergeOptions::log_buffer) grows it
/// as needed): 4 Mi lines, 160 MiB of address space.
const MAX_RESERVED_LINES: usize = 1 << 22;

/// Lines written to and read back from the file at a time.
const READ_LINES: usize = 1 << 14;

impl LineStore {
    /// An empty store keeping up to `capacity` lines in memory.
    pub(crate) fn new(capacity: usize) -> LineStore {
        LineStore {
            file: None,
            in_file: 0,
            buffer: Vec::new(),
            capacity: capacity.max(1),
            in_memory_only: false,
            per_node: Vec::new(),
        }
    }

    /// Adds a line.
    pub(crate) fn push(&mut self, line: LogLine) {
        let node = line.node as usize;
        if node >= self.per_node.len() {
            self.per_node.resize(node + 1, 0);
        }
        self.per_node[node] += 1;
        if self.buffer.capacity() == 0 {
            // The whole buffer at once: grown by doubling, it would touch
            // every line's memory about twice (each old buffer, then its
            // copy), and fresh memory is a page fault per 4 KiB. Pages of
            // the reserved buffer are touched only once lines reach them.
            self.buffer
                .reserve_exact(self.capacity.min(MAX_RESERVED_LINES));
        }
        self.buffer.push(line);
        if self.buffer.len() >= self.capacity && !self.in_memory_only {
            if self.spill().is_ok() {
                self.buffer.clear();
            } else {
                // Keep going in memory: a merge log that cannot be moved
                // out costs memory, not the run.
                self.in_memory_only = true;
            }
        }
    }

    /// Appends the buffer to the temporary file, made on first use.
    fn spill(&mut self) -> io::Result<()> {
        let file = match &mut self.file {
            Some(file) => file,
            None => self.file.insert(Mutex::new(tempfile::tempfile()?)),
        };
        let file = file.get_mut().map_err(|_| io::Error::other("poisoned"))?;
        let mut bytes = Vec::with_capacity(READ_LINES * LINE_BYTES);
        for lines in self.buffer.chunks(READ_LINES) {
            bytes.clear();
            for line in lines {
                line.encode(&mut bytes);
            }
            file.write_all(&bytes)?;
        }
        self.in_file += self.buffer.len();
        Ok(())
    }

    /// Calls `f` with the lines in arrival order, a slice at a time.
    fn for_each_slice(&self, mut f: impl FnMut(&[LogLine])) -> io::Result<()> {
        if let Some(file) = &self.file {
            let mut file = file
                .lock()
                .map_err(|_| io::Error::other("merge log file lock poisoned"))?;
            file.seek(SeekFrom::Start(0))?;
            let mut bytes = vec![0u8; READ_LINES.min(self.in_file) * LINE_BYTES];
            let mut lines = Vec::with_capacity(READ_LINES.min(self.in_file));
            let mut left = self.in_file;
            while left > 0 {
                let n = left.min(READ_LINES);
                let chunk = &mut bytes[..n * LINE_BYTES];
                file.read_exact(chunk)?;
                lines.clear();
                lines.extend(chunk.chunks_exact(LINE_BYTES).map(LogLine::decode));
                f(&lines);
                left -= n;
            }
        }
        f(&self.buffer);
        Ok(())
    }
}

/// The merge log: its lines, written in (node id, doc id, sentence, start,
/// end, surface) order with equal lines once, and the strings they name.
#[derive(Clone, Debug, Default)]
pub(crate) struct MergeLog {
    /// The node id of each merge key number (empty for keys without one).
    nodes: Strings,
    docs: Arc<Strings>,
    names: Strings,
    /// `node_rank[k]`: the place of the node of key number `k` among the
    /// node ids in the log (`u32::MAX`: not in the log).
    node_rank: Vec<u32>,
    /// `doc_rank[d]`: the place of doc id number `d` among the doc ids.
    doc_rank: Vec<u32>,
    /// The lines, in arrival order.
    lines: Arc<LineStore>,
    /// Most lines sorted in memory at once.
    sort_budget: usize,
    /// The lines as [`MergeRecord`]s, made on first request.
    records: OnceLock<Vec<MergeRecord>>,
}

/// The tables the numbers of a [`LogLine`] point into.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tables<'a> {
    /// Node ids, by merge key number.
    pub(crate) nodes: &'a Strings,
    /// Doc ids.
    pub(crate) docs: &'a Strings,
    /// Surface forms and recognisers.
    pub(crate) names: &'a Strings,
}

impl MergeLog {
    /// A log of these lines (in arrival order), naming these node ids (by
    /// merge key number, placed among each other by `node_rank`), doc ids
    /// (placed by `doc_rank`) and names (surface forms and recognisers).
    /// Lines are sorted `sort_budget` at a time, at the least.
    pub(crate) fn new(
        nodes: Strings,
        docs: Arc<Strings>,
        names: Strings,
        ranks: (Vec<u32>, Vec<u32>),
        lines: LineStore,
        sort_budget: usize,
    ) -> Self {
        let (node_rank, doc_rank) = ranks;
        MergeLog {
            nodes,
            docs,
            names,
            node_rank,
            doc_rank,
            lines: Arc::new(lines),
            sort_budget: sort_budget.max(1),
            records: OnceLock::new(),
        }
    }

    /// The tables the lines' numbers point into.
    pub(crate) fn tables(&self) -> Tables<'_> {
        Tables {
            nodes: &self.nodes,
            docs: &self.docs,
            names: &self.names,
        }
    }

    /// Calls `f` with each line in order: by node id, doc id, sentence,
    /// start, end and surface form (lines equal in all of that in arrival
    /// order), equal lines once.
    ///
    /// The lines are gathered and sorted a range of nodes at a time, each
    /// range holding at most the sort budget of lines (or one node), so
    /// that a log larger than memory is read once per range.
    ///
    /// # Errors
    /// When the lines cannot be read back from their temporary file, or
    /// when `f` fails.
    pub(crate) fn for_each_line(
        &self,
        mut f: impl FnMut(&LogLine) -> io::Result<()>,
    ) -> io::Result<()> {
        // Lines per node, by rank.
        let ranked = self.node_rank.iter().filter(|&&r| r != u32::MAX).count();
        let mut per_rank = vec![0usize; ranked];
        for (&count, &rank) in self.lines.per_node.iter().zip(&self.node_rank) {
            if let Some(c) = per_rank.get_mut(rank as usize) {
                *c += count;
            }
        }
        // Within a node: by doc id, sentence, start, end and surface form.
        let key = |l: &LogLine| (self.doc_rank[l.doc as usize], l.sentence, l.start, l.end);
        let order = |x: &LogLine, y: &LogLine| -> Ordering {
            key(x)
                .cmp(&key(y))
                .then_with(|| self.names.get(x.surface).cmp(self.names.get(y.surface)))
        };
        let mut batch: Vec<LogLine> = Vec::new();
        // The last line written, as (node, key, surface, source): equal
        // strings have equal numbers.
        let mut prev = None;
        let mut from = 0;
        while from < ranked {
            // Ranks from..to make one batch.
            let mut to = from;
            let mut count = 0;
            while to < ranked && (to == from || count + per_rank[to] <= self.sort_budget) {
                count += per_rank[to];
                to += 1;
            }
            // Where the lines of each rank go in the batch: gathered in
            // arrival order, placed by rank (a counting sort, stable).
            let mut next = Vec::with_capacity(to - from + 1);
            let mut at = 0;
            for &c in &per_rank[from..to] {
                next.push(at);
                at += c;
            }
            next.push(at);
            let starts = next.clone();
            batch.clear();
            // Exactly: `resize` alone would double the room of a batch
            // larger than the one before.
            batch.reserve_exact(count);
            batch.resize(count, LogLine::default());
            self.lines.for_each_slice(|lines| {
                for l in lines {
                    if let Some(r) = self.rank(l).filter(|&r| (from..to).contains(&(r as usize))) {
                        let slot = &mut next[r as usize - from];
                        batch[*slot] = *l;
                        *slot += 1;
                    }
                }
            })?;
            for node in starts.windows(2) {
                let lines = &mut batch[node[0]..node[1]];
                // Stable: lines equal in the order keep their arrival order.
                lines.sort_by(order);
                for l in lines.iter() {
                    let line = (l.node, key(l), l.surface, l.source);
                    if prev == Some(line) {
                        continue;
                    }
                    prev = Some(line);
                    f(l)?;
                }
            }
            from = to;
        }
        Ok(())
    }

    /// The rank of a line's node, if it is in the log.
    fn rank(&self, l: &LogLine) -> Option<u32> {
        self.node_rank
            .get(l.node as usize)
            .copied()
            .filter(|&r| r != u32::MAX)
    }

    /// The lines as owned records.
    ///
    /// # Panics
    /// When the lines cannot be read back from their temporary file.
    pub(crate) fn records(&self) -> &[MergeRecord] {
        self.records.get_or_init(|| {
            let mut records = Vec::new();
            let read = self.for_each_line(|l| {
                records.push(MergeRecord {
                    node: self.nodes.get(l.node).to_owned(),
                    surface: self.names.get(l.surface).to_owned(),
                    doc: self.docs.get(l.doc).to_owned(),
                    sentence: l.sentence,
                    start: l.start,
                    end: l.end,
                    source: self.names.get(l.source).to_owned(),
                });
                Ok(())
            });
            if let Err(e) = read {
                panic!("the merge log could not be read back: {e}");
            }
            records
        })
    }

    /// The log of only the lines whose node id passes `keep`.
    pub(crate) fn filtered(&self, keep: impl Fn(&str) -> bool) -> MergeLog {
        let mut node_rank = self.node_rank.clone();
        for (k, rank) in node_rank.iter_mut().enumerate() {
            if *rank != u32::MAX && !keep(self.nodes.get(k as u32)) {
                *rank = u32::MAX;
            }
        }
        // Ranks keep their order with gaps; close them, so that ranks
        // number the nodes left.
        let mut kept: Vec<u32> = node_rank
            .iter()
            .copied()
            .filter(|&r| r != u32::MAX)
            .collect();
        kept.sort_unstable();
        for rank in node_rank.iter_mut().filter(|r| **r != u32::MAX) {
            *rank = kept.partition_point(|&r| r < *rank) as u32;
        }
        MergeLog {
            nodes: self.nodes.clone(),
            docs: Arc::clone(&self.docs),
            names: self.names.clone(),
            node_rank,
            doc_rank: self.doc_rank.clone(),
            lines: Arc::clone(&self.lines),
            sort_budget: self.sort_budget,
            records: OnceLock::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(node: u32, doc: u32, start: usize) -> LogLine {
        LogLine {
            node,
            doc,
            surface: 0,
            source: 1,
            sentence: start / 10,
            start,
            end: start + 3,
        }
    }

    #[test]
    fn lines_survive_the_file() {
        let mut store = LineStore::new(3);
        let lines: Vec<LogLine> = (0..10)
            .map(|i| line(i % 4, i % 3, usize::MAX - 10 - i as usize))
            .collect();
        for &l in &lines {
            store.push(l);
        }
        assert_eq!(store.in_file, 9);
        assert_eq!(store.buffer.len(), 1);
        let mut back = Vec::new();
        store.for_each_slice(|s| back.extend_from_slice(s)).unwrap();
        assert_eq!(back, lines);
    }

    /// The same log, in memory or mostly in a file, sorted in one batch or
    /// in many, gives the same lines.
    #[test]
    fn same_lines_in_memory_and_spilled() {
        let mut names = Strings::default();
        names.push("Acme");
        names.push("rules");
        let mut nodes = Strings::default();
        let mut docs = Strings::default();
        for n in ["org:b", "org:a", "", "org:c"] {
            nodes.push(n);
        }
        for d in ["d2", "d1", "d3"] {
            docs.push(d);
        }
        let node_rank = vec![1, 0, u32::MAX, 2];
        let doc_rank = vec![1, 0, 2];
        let lines: Vec<LogLine> = (0..40)
            .map(|i| line(i % 4, (i * 7) % 3, (i as usize * 13) % 50))
            .chain([line(0, 0, 5), line(0, 0, 5)])
            .collect();
        // The log of `lines`, keeping `capacity` of them in memory and
        // sorting `budget` at a time.
        let log_of = |capacity: usize, budget: usize| {
            let mut store = LineStore::new(capacity);
            for &l in &lines {
                store.push(l);
            }
            MergeLog::new(
                nodes.clone(),
                Arc::new(docs.clone()),
                names.clone(),
                (node_rank.clone(), doc_rank.clone()),
                store,
                budget,
            )
        };
        let run = |capacity: usize, budget: usize| log_of(capacity, budget).records().to_vec();
        let all = run(1000, 1000);
        assert_eq!(all, run(4, 1000));
        assert_eq!(all, run(4, 1));
        assert_eq!(all, run(1000, 7));
        // What it must be: the lines of nodes, sorted by their strings,
        // equal lines once.
        let mut want: Vec<MergeRecord> = lines
            .iter()
            .filter(|l| node_rank[l.node as usize] != u32::MAX)
            .map(|l| MergeRecord {
                node: nodes.get(l.node).into(),
                surface: names.get(l.surface).into(),
                doc: docs.get(l.doc).into(),
                sentence: l.sentence,
                start: l.start,
                end: l.end,
                source: names.get(l.source).into(),
            })
            .collect();
        want.sort_by(|a, b| {
            (&a.node, &a.doc, a.sentence, a.start, a.end, &a.surface)
                .cmp(&(&b.node, &b.doc, b.sentence, b.start, b.end, &b.surface))
        });
        want.dedup();
        assert_eq!(all, want);
        // Ten lines have no node; the line given twice is written once.
        assert_eq!(all.len(), lines.len() - 10 - 1);
        // Filtered, in memory or spilled: the same lines less a node's.
        let less_b: Vec<MergeRecord> = all.iter().filter(|r| r.node != "org:b").cloned().collect();
        for capacity in [1000, 3] {
            let log = log_of(capacity, 5);
            assert_eq!(log.filtered(|id| id != "org:b").records(), less_b);
        }
    }
}
