//! Gazetteer matching with aho-corasick (leftmost-longest, so
//! "Meta Platforms" beats "Meta").

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, Anchored, Input, MatchKind, StartKind,
};

use crate::kinds::EntityType;

/// Where a gazetteer entry comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntrySource {
    /// The built-in list in `data/gazetteer.tsv`.
    Builtin,
    /// A user rules file: outranks everything, label verbatim.
    Rules,
}

/// One named entity of a gazetteer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The canonical name (the node label).
    pub name: String,
    /// PERSON or ORG.
    pub entity_type: EntityType,
    /// Where it comes from.
    pub source: EntrySource,
}

/// A match of a gazetteer surface in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazMatch {
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset of the end.
    pub end: usize,
    /// Index of the entry.
    pub entry: usize,
}

/// A compiled gazetteer.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    surfaces: Vec<usize>,
    exact: Option<AhoCorasick>,
    caseless: Option<AhoCorasick>,
}

impl Gazetteer {
    /// Compiles entries with their surface forms (name and aliases).
    pub fn new(entries: Vec<Entry>, surfaces: Vec<(String, usize)>) -> Gazetteer {
        let pats: Vec<&str> = surfaces.iter().map(|(s, _)| s.as_str()).collect();
        // Names start at token starts, so searches are anchored there: a
        // full DFA (a few MB for thousands of names) walked from each token
        // start, which for most tokens dies on the first byte or two.
        let build = |ci: bool| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .kind(Some(AhoCorasickKind::DFA))
                .ascii_case_insensitive(ci)
                .build(&pats)
                .ok()
        };
        Gazetteer {
            exact: build(false),
            caseless: build(true),
            surfaces: surfaces.iter().map(|(_, e)| *e).collect(),
            entries,
        }
    }

    /// The entry with this index.
    pub fn entry(&self, ix: usize) -> &Entry {
        &self.entries[ix]
    }

    /// The longest name starting exactly at byte `start` and ending at or
    /// before `end` (case-sensitive unless `caseless`).
    pub fn match_at(
        &self,
        text: &str,
        start: usize,
        end: usize,
        caseless: bool,
    ) -> Option<GazMatch> {
        let ac = if caseless {
            self.caseless.as_ref()
        } else {
            self.exact.as_ref()
        }?;
        if start >= end || end > text.len() {
            return None;
        }
        let input = Input::new(text).span(start..end).anchored(Anchored::Yes);
        let m = ac.find(input)?;
        Some(GazMatch {
            start: m.start(),
            end: m.end(),
            entry: self.surfaces[m.pattern().as_usize()],
        })
    }

    /// Non-overlapping matches starting at the given byte offsets
    /// (ascending) and ending by `end`: the longest name at each start; a
    /// start inside an earlier match is skipped.
    pub fn find_at(
        &self,
        text: &str,
        starts: impl IntoIterator<Item = usize>,
        end: usize,
        caseless: bool,
    ) -> Vec<GazMatch> {
        let mut out: Vec<GazMatch> = Vec::new();
        for start in starts {
            if out.last().is_some_and(|m| start < m.end) {
                continue;
            }
            if let Some(m) = self.match_at(text, start, end, caseless) {
                out.push(m);
            }
        }
        out
    }
}
