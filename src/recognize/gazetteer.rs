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
    exact: Option<(AhoCorasick, Openings)>,
    caseless: Option<(AhoCorasick, Openings)>,
}

/// How surfaces open: a necessary condition for a surface to start at a
/// position, checked before the automaton is run there. The automaton is
/// run at every token start, and most tokens (lower-case words, numbers,
/// punctuation) open no surface; this two-byte look rules them out for a
/// fraction of the automaton's per-search cost.
#[derive(Clone, Debug)]
struct Openings {
    /// Bytes that are a whole surface on their own.
    single: [bool; 256],
    /// The first two bytes of longer surfaces: bit `b1` of row `b0`.
    pairs: Vec<[u64; 4]>,
    /// Whether a surface is empty (so one opens everywhere).
    empty: bool,
}

impl Openings {
    /// The openings of `pats`, matched ASCII case-blind when `caseless`.
    fn new(pats: &[&str], caseless: bool) -> Openings {
        let mut open = Openings {
            single: [false; 256],
            pairs: vec![[0; 4]; 256],
            empty: false,
        };
        for p in pats {
            match *p.as_bytes() {
                [] => open.empty = true,
                [b0] => {
                    for v0 in byte_variants(b0, caseless) {
                        open.single[usize::from(v0)] = true;
                    }
                }
                [b0, b1, ..] => {
                    for v0 in byte_variants(b0, caseless) {
                        for v1 in byte_variants(b1, caseless) {
                            open.pairs[usize::from(v0)][usize::from(v1 / 64)] |= 1 << (v1 % 64);
                        }
                    }
                }
            }
        }
        open
    }

    /// Whether a surface may start at byte `start` of `text`
    /// (`start < text.len()`).
    fn may_open(&self, text: &[u8], start: usize) -> bool {
        let b0 = usize::from(text[start]);
        self.empty
            || self.single[b0]
            || text
                .get(start + 1)
                .is_some_and(|&b1| self.pairs[b0][usize::from(b1 / 64)] >> (b1 % 64) & 1 == 1)
    }
}

/// The bytes `b` matches: itself, and its other case for an ASCII letter
/// when `caseless` (as the automaton's ASCII case-insensitivity).
fn byte_variants(b: u8, caseless: bool) -> [u8; 2] {
    if caseless {
        [b.to_ascii_lowercase(), b.to_ascii_uppercase()]
    } else {
        [b, b]
    }
}

impl Gazetteer {
    /// Compiles entries with their surface forms (name and aliases).
    pub fn new(entries: Vec<Entry>, surfaces: Vec<(String, usize)>) -> Gazetteer {
        let pats: Vec<&str> = surfaces.iter().map(|(s, _)| s.as_str()).collect();
        // Names start at token starts, so searches are anchored there, and
        // only where the openings allow a name. So few searches are left
        // that a contiguous NFA serves them about as fast as a full DFA,
        // while building the DFA (a few MB for thousands of names, twice)
        // cost every run a sizeable share of a small corpus's time.
        let build = |ci: bool| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Anchored)
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .ascii_case_insensitive(ci)
                .build(&pats)
                .ok()
                .map(|ac| (ac, Openings::new(&pats, ci)))
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
        let (ac, openings) = if caseless {
            self.caseless.as_ref()
        } else {
            self.exact.as_ref()
        }?;
        if start >= end || end > text.len() || !openings.may_open(text.as_bytes(), start) {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A gazetteer of these surfaces, one entry each.
    fn gazetteer(surfaces: &[&str]) -> Gazetteer {
        let entries = surfaces
            .iter()
            .map(|s| Entry {
                name: (*s).to_string(),
                entity_type: EntityType::Org,
                source: EntrySource::Builtin,
            })
            .collect();
        let surfaces = surfaces
            .iter()
            .enumerate()
            .map(|(i, s)| ((*s).to_string(), i))
            .collect();
        Gazetteer::new(entries, surfaces)
    }

    #[test]
    fn openings_never_hide_a_match() {
        let text = "eBay and X bought 3M, EBAY, x-ray and Zoë Ltd; é X";
        for surfaces in [&["eBay", "X", "3M", "Zoë Ltd", "é X"][..], &["", "eBay"]] {
            let g = gazetteer(surfaces);
            for caseless in [false, true] {
                let Some((ac, _)) = (if caseless { &g.caseless } else { &g.exact }) else {
                    panic!("automaton not built");
                };
                for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                    let input = Input::new(text)
                        .span(start..text.len())
                        .anchored(Anchored::Yes);
                    let want = ac.find(input).map(|m| (m.start(), m.end()));
                    let got = g
                        .match_at(text, start, text.len(), caseless)
                        .map(|m| (m.start, m.end));
                    assert_eq!(got, want, "{surfaces:?} at {start}, caseless {caseless}");
                }
            }
        }
    }
}
