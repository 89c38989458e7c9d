//! Gazetteer matching with aho-corasick (leftmost-longest, so
//! "Meta Platforms" beats "Meta").
//!
//! One automaton serves both the case-sensitive and the case-blind search:
//! it holds the surfaces ASCII lower-cased (each distinct string once) and
//! runs over the text ASCII lower-cased byte by byte (both as [`KEY`] maps
//! them), seeing every surface that starts at a position; the longest one
//! that matches as asked wins. Two automata (one of them ASCII
//! case-insensitive, which doubles its transitions) cost every run a few
//! percent of a small corpus's time to build.
//!
//! The automaton holds only the first [`HEAD_LEN`] bytes of each lower-cased
//! surface (its head): building it is most of the start-up's cost, and the
//! heads need well under half the states of the whole surfaces. A walk that
//! reaches a head of that length compares the few longer surfaces with that
//! head to the text directly.

use std::borrow::Cow;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::noncontiguous::NFA;
use aho_corasick::{Anchored, MatchKind, PatternID};

use crate::hash::HashMap;
use crate::kinds::EntityType;

/// The bytes of a lower-cased surface the automaton holds (see the module
/// documentation). Eight: few heads then open more than a handful of
/// surfaces ("general ", "bank of "), which a match compares in turn. (Six
/// builds faster still, but its longer lists of surfaces to compare cost
/// more per document than that saves on a few thousand documents.)
const HEAD_LEN: usize = 8;

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
    /// The surfaces as given (the built-in ones borrowed from the embedded
    /// list).
    surfaces: Vec<Cow<'static, str>>,
    /// The entry of each surface.
    surface_entries: Vec<usize>,
    /// The surfaces lower-cased, each distinct string once (a fold), head
    /// by head (see `head_folds`).
    folded: Vec<String>,
    /// For each fold, the surfaces that lower-case to it, in surface order.
    folds: Groups,
    /// Where the folds of each of the automaton's patterns (the folds'
    /// distinct heads) start, and their end last: a head's folds are
    /// numbered together, longest first.
    head_folds: Vec<usize>,
    automaton: Option<NFA>,
    exact: Openings,
    caseless: Openings,
}

/// The numbers `0..n` grouped by a group number each, every group in
/// ascending order: in two flat vectors rather than a `Vec` per group (most
/// groups have one member, and their thousands of allocations were a
/// quarter of the gazetteer's build outside its automaton).
#[derive(Clone, Debug)]
struct Groups {
    /// Where each group starts in `members`, and their end last.
    starts: Vec<usize>,
    /// The members, group by group.
    members: Vec<usize>,
}

impl Groups {
    /// The members `m` in the group `group_of[m]` each, of `groups` groups.
    fn new(group_of: &[usize], groups: usize) -> Groups {
        // A counting sort: each group's size, then where it starts.
        let mut starts = vec![0; groups + 1];
        for &g in group_of {
            starts[g + 1] += 1;
        }
        for g in 1..=groups {
            starts[g] += starts[g - 1];
        }
        let mut next = starts.clone();
        let mut members = vec![0; group_of.len()];
        for (m, &g) in group_of.iter().enumerate() {
            members[next[g]] = m;
            next[g] += 1;
        }
        Groups { starts, members }
    }

    /// The members of group `g`.
    fn get(&self, g: usize) -> &[usize] {
        &self.members[self.starts[g]..self.starts[g + 1]]
    }

    /// Sorts each group's members by a key (stably).
    fn sort_each_by_key<K: Ord>(&mut self, key: impl Fn(usize) -> K) {
        for w in self.starts.windows(2) {
            self.members[w[0]..w[1]].sort_by_key(|&m| key(m));
        }
    }
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
    pub fn new(entries: Vec<Entry>, surfaces: Vec<(Cow<'static, str>, usize)>) -> Gazetteer {
        let pats: Vec<&str> = surfaces.iter().map(|(s, _)| s.as_ref()).collect();
        let mut lowers: Vec<String> = pats.iter().map(|p| p.to_ascii_lowercase()).collect();
        // Each fold's string is its first surface's, lower-cased.
        let mut fold_of: Vec<usize> = Vec::with_capacity(lowers.len());
        let mut firsts: Vec<usize> = Vec::new();
        let mut index: HashMap<&str, usize> =
            HashMap::with_capacity_and_hasher(lowers.len(), Default::default());
        for (i, lower) in lowers.iter().enumerate() {
            fold_of.push(*index.entry(lower).or_insert_with(|| {
                firsts.push(i);
                firsts.len() - 1
            }));
        }
        drop(index);
        let mut folded: Vec<String> = firsts
            .iter()
            .map(|&i| std::mem::take(&mut lowers[i]))
            .collect();
        let mut heads: Vec<&[u8]> = Vec::new();
        let mut index: HashMap<&[u8], usize> =
            HashMap::with_capacity_and_hasher(folded.len(), Default::default());
        let head_of: Vec<usize> = folded
            .iter()
            .map(|f| {
                let head = &f.as_bytes()[..f.len().min(HEAD_LEN)];
                *index.entry(head).or_insert_with(|| {
                    heads.push(head);
                    heads.len() - 1
                })
            })
            .collect();
        // Names start at token starts, so searches are anchored there, and
        // only where the openings allow a name. So few searches are left
        // that the noncontiguous NFA (the automaton every other kind is
        // built from) serves them as fast as a contiguous NFA or a DFA,
        // which cost more to build (on the first 2000 Reuters documents the
        // contiguous NFA's conversion cost more at start-up than it saved;
        // a DFA of anchored searches only, with no failure transitions, is
        // still converted from this NFA, at five times its cost). The
        // search walks the automaton itself, to see every head starting at
        // a position, and the surfaces with that head to choose the longest
        // that matches as asked.
        //
        // The walk reads only each state's own pattern and never follows a
        // failure transition, so the builder is asked for the cheapest
        // automaton that still has every head: leftmost-longest (no failure
        // transitions computed below a match, nor matches copied into it)
        // and no prefilter. The heads are stored as `KEY` maps their bytes.
        let keys: Vec<u8> = heads
            .iter()
            .flat_map(|h| h.iter())
            .map(|&b| KEY[usize::from(b)])
            .collect();
        let mut keys = keys.as_slice();
        let automaton = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .prefilter(false)
            .build(heads.iter().map(|h| {
                let (head, rest) = keys.split_at(h.len());
                keys = rest;
                head
            }))
            .ok();
        // The folds renumbered head by head, each head's longest first, so
        // that a head's folds are a range of them.
        let mut by_head = Groups::new(&head_of, heads.len());
        by_head.sort_each_by_key(|q| std::cmp::Reverse(folded[q].len()));
        let Groups {
            starts: head_folds,
            members: order,
        } = by_head;
        let mut renumbered = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            renumbered[old] = new;
        }
        let folded = order
            .iter()
            .map(|&q| std::mem::take(&mut folded[q]))
            .collect();
        for q in &mut fold_of {
            *q = renumbered[*q];
        }
        Gazetteer {
            exact: Openings::new(&pats, false),
            caseless: Openings::new(&pats, true),
            automaton,
            folded,
            folds: Groups::new(&fold_of, order.len()),
            head_folds,
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
        if !self.may_open(text, start, end, caseless) {
            return None;
        }
        self.walk(text, start, end, caseless)
    }

    /// [`Gazetteer::match_at`] where the openings allow a name.
    fn walk(&self, text: &str, start: usize, end: usize, caseless: bool) -> Option<GazMatch> {
        let nfa = self.automaton.as_ref()?;
        // An anchored walk from `start`: each state is one lower-cased
        // string, and its own pattern (the one as long as the walk so far;
        // the others are suffixes) is the head that ends here. The surfaces
        // with a head are at least as long as it, so the last one found
        // that matches as asked is the longest.
        let mut sid = nfa.start_state(Anchored::Yes).ok()?;
        // (The start state matches only an empty surface, which the
        // openings know of: most gazetteers have none.)
        let mut best = if self.exact.empty {
            own_pattern(nfa, sid, 0)
                .and_then(|head| self.longest_headed(head, text, start, 0, end, caseless))
        } else {
            None
        };
        for (i, b) in text.as_bytes()[start..end].iter().enumerate() {
            // (The automaton holds bytes as `KEY` maps them.)
            sid = nfa.next_state(Anchored::Yes, sid, KEY[usize::from(*b)]);
            if nfa.is_special(sid) {
                if nfa.is_dead(sid) {
                    break;
                }
                if let Some(found) = own_pattern(nfa, sid, i + 1)
                    .and_then(|head| self.longest_headed(head, text, start, i + 1, end, caseless))
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

    /// The longest surface with this head (an automaton pattern, found by
    /// a walk `walked` bytes long) that starts at byte `start` of the text
    /// and ends by `end`, with its end (of equal ones, the first surface
    /// given that matches as asked).
    fn longest_headed(
        &self,
        head: PatternID,
        text: &str,
        start: usize,
        walked: usize,
        end: usize,
        caseless: bool,
    ) -> Option<(usize, usize)> {
        let room = &text.as_bytes()[start..end];
        let h = head.as_usize();
        (self.head_folds[h]..self.head_folds[h + 1]).find_map(|q| {
            let lower = self.folded[q].as_bytes();
            let found = room.get(..lower.len())?;
            // The walk matched the head; the rest is compared here (the
            // folds are ASCII lower-cased, as the text the walk saw).
            if !found[walked..].eq_ignore_ascii_case(&lower[walked..]) {
                return None;
            }
            let fold = self.folds.get(q);
            let surface = if caseless {
                fold.first().copied()
            } else {
                fold.iter()
                    .copied()
                    .find(|&s| self.surfaces[s].as_bytes() == found)
            }?;
            Some((start + lower.len(), surface))
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
            if out.last().is_some_and(|m| start < m.end)
                || !self.may_open(text, start, end, caseless)
            {
                continue;
            }
            if let Some(m) = self.walk(text, start, end, caseless) {
                out.push(m);
            }
        }
        out
    }
}

/// The byte the automaton holds for a byte of a surface or of the text:
/// the byte ASCII lower-cased, then moved so that the space and the lower
/// case letters come first (`b' '` is 0 and `b'a'..=b'z'` are 1 to 26; a
/// bijection of the lower-cased bytes: `^ 0x60`, then 0x00 and 0x40 swap).
///
/// The automaton keeps a state's transitions in a list sorted by byte,
/// walked from the start, and its start state lists every byte while it is
/// built: adding a head that starts with `b` walks `b` entries. With the
/// letters at the front, the built-in gazetteer's automaton builds in 29%
/// fewer instructions (14.5 M -> 10.3 M, with the builder's settings in
/// [`Gazetteer::new`]), and a walk through a short list finds a space or a
/// letter sooner (with a table lookup in place of `to_ascii_lowercase`, the
/// walks of the first 2000 Reuters documents cost 5% less).
const KEY: [u8; 256] = {
    let mut key = [0; 256];
    let mut b = 0;
    while b < 256 {
        key[b] = match (b as u8).to_ascii_lowercase() ^ 0x60 {
            0x40 => 0,
            0 => 0x40,
            k => k,
        };
        b += 1;
    }
    key
};

/// The pattern that state `sid`, reached by an anchored walk `depth` bytes
/// long, spells, if one does. Built leftmost-longest, a state holds no
/// other pattern; the length check keeps this right under a match kind
/// that copies the patterns of suffixes into a state. Inlined: most states
/// are no match.
#[inline]
fn own_pattern(nfa: &NFA, sid: StateID, depth: usize) -> Option<PatternID> {
    if !nfa.is_match(sid) {
        return None;
    }
    (0..nfa.match_len(sid))
        .map(|i| nfa.match_pattern(sid, i))
        .find(|&pid| nfa.pattern_len(pid) == depth)
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
            .map(|(i, s)| (Cow::Owned((*s).to_string()), i))
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
        let text = "eBay and X bought 3M, EBAY, x-ray and Zoë Ltd; é X, META Platforms Meta; \
            General Motors Corp, GENERAL MOTORS, General Mills and general Electric Co \
            bought Bank of Americas; General Motor";
        let sets: [&[&str]; 4] = [
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
            // Surfaces longer than the automaton's heads, several to a head.
            &[
                "General Motors",
                "General Motors Corp",
                "GENERAL MOTORS",
                "General Mills",
                "General",
                "General ",
                "General Electric Co",
                "Bank of America",
                "Bank of Americas",
                "Bank of",
                "Zoë Ltd",
                "Zoë Ltd.",
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
