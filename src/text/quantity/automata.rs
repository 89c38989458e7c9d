//! How the build script compiles the quantity patterns into the DFAs the
//! crate embeds: shared by `build.rs` (which includes this file with
//! `#[path]`, next to [`patterns`](super::patterns)) and by the unit test
//! that holds the embedded DFAs to their patterns.

use regex_automata::dfa::{StartKind, dense};
use regex_automata::nfa::thompson::{self, WhichCaptures};

use super::patterns;

/// Makes a pattern of [`patterns`].
type Pattern = fn() -> String;

/// The embedded DFAs: the file each is written to (in `OUT_DIR`) and its
/// pattern.
pub(super) const DFAS: [(&str, Pattern); 4] = [
    ("suffix_money.dfa", patterns::suffix_money),
    ("percent.dfa", patterns::percent),
    ("prefix_money.dfa", patterns::prefix_money),
    ("prefix_lead.dfa", patterns::prefix_lead_digit),
];

/// The longest match of [`patterns::prefix_lead`] in bytes, if bounded.
pub(super) fn lead_max_len() -> Option<usize> {
    regex_automata::util::syntax::parse(&patterns::prefix_lead())
        .ok()
        .and_then(|hir| hir.properties().maximum_len())
}

/// `pattern` compiled to a dense DFA searched anchored only (for where a
/// match starting at a given place ends), with the leftmost-first match
/// semantics of a meta regex. Capture groups are plain groups to a DFA.
/// Minimized: a smaller DFA is quicker to check when it is deserialized.
#[allow(clippy::expect_used)] // a constant pattern (in the build script and tests)
pub(super) fn dfa(pattern: &str) -> dense::DFA<Vec<u32>> {
    dense::Builder::new()
        .configure(
            dense::Config::new()
                .start_kind(StartKind::Anchored)
                .minimize(true),
        )
        .thompson(thompson::Config::new().which_captures(WhichCaptures::None))
        .build(pattern)
        .expect("quantity pattern compiles to a DFA")
}
