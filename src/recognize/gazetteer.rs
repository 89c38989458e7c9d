//! Gazetteer matching with aho-corasick (leftmost-longest, so
//! "Meta Platforms" beats "Meta").
//!
//! One automaton serves both the case-sensitive and the case-blind search:
//! it holds the surfaces ASCII lower-cased (each distinct string once) and
//! runs over the text ASCII lower-cased byte by byte, seeing every surface
//! that starts at a position; the longest one that matches as asked wins. Two
//! automata (one of them ASCII case-insensitive, which doubles its
//! transitions) cost every run a few percent of a small corpus's time to
//! build.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::noncontiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

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
    /// The surfaces as given, by pattern index.
    surfaces: Vec<String>,
    /// The entry of each surface.
    surface_entries: Vec<usize>,
    /// For each of the automaton's (lower-cased, distinct) patterns, the
    /// surfaces that lower-case to it, in pattern order.
    folds: Vec<Vec<usize>>,
    automaton: Option<NFA>,
    exact: Openings,
    caseless: Openings,
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
    #[inline]
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
        let mut folded: Vec<String> = Vec::new();
        let mut folds: Vec<Vec<usize>> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> =
            std::collections::HashMap::with_capacity(pats.len());
        for (i, p) in pats.iter().enumerate() {
            let lower = p.to_ascii_lowercase();
            let ix = *index.entry(lower.clone()).or_insert_with(|| {
                folded.push(lower);
                folds.push(Vec::new());
                folded.len() - 1
            });
            folds[ix].push(i);
        }
        // Names start at token starts, so searches are anchored there, and
        // only where the openings allow a name. So few searches are left
        // that the noncontiguous NFA (the automaton every other kind is
        // built from) serves them as fast as a contiguous NFA or a DFA,
        // which cost more to build (on the first 2000 Reuters documents the
        // contiguous NFA's conversion cost more at start-up than it saved).
        // The search walks the automaton itself, to see every surface
        // starting at a position and choose the longest that matches
        // case-sensitively.
        let automaton = NFA::builder()
            .match_kind(MatchKind::Standard)
            .build(&folded)
            .ok();
        Gazetteer {
            exact: Openings::new(&pats, false),
            caseless: Openings::new(&pats, true),
            automaton,
            folds,
            surface_entries: surfaces.iter().map(|(_, e)| *e).collect(),
            surfaces: surfaces.into_iter().map(|(s, _)| s).collect(),
            entries,
        }
    }

    /// The entry with this index.
    pub fn entry(&self, ix: usize) -> &Entry {
        &self.entries[ix]
    }

    /// The longest name starting exactly at byte `start` and ending at or
    /// before `end` (case-sensitive unless `caseless`, which folds ASCII
    /// letters only); of equal names, the first surface given.
    pub fn match_at(
        &self,
        text: &str,
        start: usize,
        end: usize,
        caseless: bool,
    ) -> Option<GazMatch> {
        let nfa = self.automaton.as_ref()?;
        if !self.may_open(text, start, end, caseless) {
            return None;
        }
        // An anchored walk from `start`: each state is one lower-cased
        // string, and its own pattern (the one as long as the walk so far;
        // the others are suffixes) is the surface that ends here. The last
        // one that matches as asked is the longest.
        let mut sid = nfa.start_state(Anchored::Yes).ok()?;
        // (The start state matches only an empty surface, which hardly any
        // gazetteer has: asked here, not in a call.)
        let mut best = if nfa.is_match(sid) {
            self.surface_ending(nfa, sid, text, start, start, caseless)
        } else {
            None
        };
        for (i, b) in text.as_bytes()[start..end].iter().enumerate() {
            sid = nfa.next_state(Anchored::Yes, sid, b.to_ascii_lowercase());
            if nfa.is_special(sid) {
                if nfa.is_dead(sid) {
                    break;
                }
                if let Some(found) =
                    self.surface_ending(nfa, sid, text, start, start + i + 1, caseless)
                {
                    best = Some(found);
                }
            }
        }
        best.map(|(end, s)| GazMatch {
            start,
            end,
            entry: self.surface_entries[s],
        })
    }

    /// Whether a name may start at byte `start` and end by `end`: the
    /// openings' cheap look, inlined into [`Gazetteer::find_at`] so that the
    /// many tokens that open no name cost no call.
    #[inline]
    fn may_open(&self, text: &str, start: usize, end: usize, caseless: bool) -> bool {
        let openings = if caseless {
            &self.caseless
        } else {
            &self.exact
        };
        start < end && end <= text.len() && openings.may_open(text.as_bytes(), start)
    }

    /// The surface, with its end, that spans `start..end` of the text in
    /// state `sid` of an anchored walk from `start`, if one matches (the
    /// first surface given of those that do).
    fn surface_ending(
        &self,
        nfa: &NFA,
        sid: StateID,
        text: &str,
        start: usize,
        end: usize,
        caseless: bool,
    ) -> Option<(usize, usize)> {
        if !nfa.is_match(sid) {
            return None;
        }
        let pid = (0..nfa.match_len(sid))
            .map(|i| nfa.match_pattern(sid, i))
            .find(|&pid| nfa.pattern_len(pid) == end - start)?;
        let fold = &self.folds[pid.as_usize()];
        let surface = if caseless {
            fold.first().copied()
        } else {
            let found = &text.as_bytes()[start..end];
            fold.iter()
                .copied()
                .find(|&s| self.surfaces[s].as_bytes() == found)
        }?;
        Some((end, surface))
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
            if out.last().is_some_and(|m| start < m.end)
                || !self.may_open(text, start, end, caseless)
            {
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
    use aho_corasick::{AhoCorasickBuilder, Input, StartKind};

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

    /// The leftmost-longest anchored match of one automaton per case mode
    /// (as the gazetteer once searched), with its entry.
    fn reference(
        surfaces: &[&str],
        text: &str,
        start: usize,
        caseless: bool,
    ) -> Option<(usize, usize, usize)> {
        let ac = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .ascii_case_insensitive(caseless)
            .build(surfaces)
            .ok()?;
        let input = Input::new(text)
            .span(start..text.len())
            .anchored(Anchored::Yes);
        ac.find(input)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
    }

    #[test]
    fn one_folded_automaton_matches_as_two() {
        let text = "eBay and X bought 3M, EBAY, x-ray and Zoë Ltd; é X, META Platforms Meta";
        let sets: [&[&str]; 3] = [
            &["eBay", "X", "3M", "Zoë Ltd", "é X", "EBAY"],
            &["", "eBay"],
            &[
                "Meta",
                "META",
                "meta platforms",
                "Meta Platforms",
                "META Platforms",
                "ebay",
                "x",
            ],
        ];
        for surfaces in sets {
            let g = gazetteer(surfaces);
            for caseless in [false, true] {
                for start in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                    let want = reference(surfaces, text, start, caseless);
                    let got = g
                        .match_at(text, start, text.len(), caseless)
                        .map(|m| (m.start, m.end, m.entry));
                    assert_eq!(got, want, "{surfaces:?} at {start}, caseless {caseless}");
                }
            }
        }
    }
}
