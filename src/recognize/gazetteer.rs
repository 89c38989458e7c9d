//! Gazetteer matching with aho-corasick (leftmost-longest, so
//! "Meta Platforms" beats "Meta").

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

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
        let build = |ci: bool| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
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

    /// Finds matches in `text[range]` (case-sensitive unless `caseless`).
    /// Offsets are absolute.
    pub fn find(&self, text: &str, range: std::ops::Range<usize>, caseless: bool) -> Vec<GazMatch> {
        self.iter(text, range, caseless).collect()
    }

    /// The first match of [`Gazetteer::find`], without collecting the rest.
    pub fn find_first(
        &self,
        text: &str,
        range: std::ops::Range<usize>,
        caseless: bool,
    ) -> Option<GazMatch> {
        self.iter(text, range, caseless).next()
    }

    fn iter<'a>(
        &'a self,
        text: &'a str,
        range: std::ops::Range<usize>,
        caseless: bool,
    ) -> impl Iterator<Item = GazMatch> + 'a {
        let ac = if caseless {
            &self.caseless
        } else {
            &self.exact
        };
        let hay = text.get(range.clone());
        ac.iter().zip(hay).flat_map(move |(ac, hay)| {
            ac.find_iter(hay).map(move |m| GazMatch {
                start: range.start + m.start(),
                end: range.start + m.end(),
                entry: self.surfaces[m.pattern().as_usize()],
            })
        })
    }
}
