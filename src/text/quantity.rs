//! Money amounts and percentages.
//!
//! A small rule-based recogniser (in the spirit of Duckling) for the
//! quantities that matter when building a business knowledge graph: deal
//! values, per-share prices and stakes. Everything is reported with absolute
//! byte offsets into the original text, so callers can attach amounts to
//! relations and keep amounts from being taken for entity names.
//!
//! Recognised forms (case-insensitive):
//!
//! * currency prefix + number + optional multiplier: `$14.3 billion`,
//!   `$15B`, `$300k`, `US$1.2 billion`, `USD 3 million`, `$1,250,000`,
//!   `C$50 mln`, `HK$1 billion`, `£5bn`, `€2 billion`;
//! * number + optional multiplier + currency word: `15 mln dlrs`,
//!   `15.5 mln U.S. dlrs`, `500,000 dlrs`, `12 cts`, `5 billion euros`,
//!   `20 mln stg`, `10 billion yen`, `50 mln Canadian dlrs`;
//! * per-share prices: `52 dlrs per share`, `69 dlrs a share`,
//!   `$20 a share`, `$4.50 each`;
//! * ranges: `between $1 and $2 billion`, `$1-2 billion`, `1 to 2 billion
//!   dlrs` (the value is the first figure, scaled by the shared multiplier);
//! * percentages: `49%`, `49 %`, `9.5 pct`, `49 percent`, `49 per cent`,
//!   `4.5-pct`.
//!
//! Multipliers: `k`/`thousand` 1e3; `m`/`mn`/`mln`/`million` 1e6;
//! `b`/`bn`/`bln`/`billion` 1e9; `tn`/`trillion` 1e12. Single-letter
//! multipliers must follow the number directly (`$500M`, not `$500 M`).
//!
//! Plain numbers, years (`1987`, also `1987 marks` / `in 1987 dollars`) and
//! word numbers are not recognised.

use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use memchr::memmem;
use regex_automata::dfa::{Automaton, dense};
use regex_automata::meta::Regex;
use regex_automata::util::captures::Captures;
use regex_automata::util::wire::AlignAs;
use regex_automata::{Anchored, Input, Span};

#[cfg(test)]
mod automata;
mod patterns;

use patterns::{MULT_LETTERS, MULT_WORDS, QUAL, SUFFIX, mult_names};

/// What a quantity is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum QuantityKind {
    /// Money. `usd` is the amount in US dollars when the currency is USD
    /// (`None` for other currencies: pounds, euros, yen, Canadian dollars,
    /// francs, marks, HK$...). `per_share` is true for prices such as
    /// `52 dlrs a share`, `$4.50 per share` or `$20 each`.
    Money {
        /// Amount in US dollars, if the currency is USD.
        usd: Option<f64>,
        /// Whether the amount is a per-share (or per-unit, `each`) price.
        per_share: bool,
    },
    /// A percentage (49 for "49%", 9.5 for "9.5 pct").
    Percent(f64),
}

/// A quantity found in text: its kind and value, and where it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// Absolute byte offset of the first byte of the quantity.
    pub start: usize,
    /// Absolute byte offset one past the last byte of the quantity.
    pub end: usize,
    /// What the quantity is, with its value.
    pub kind: QuantityKind,
}

/// A quantity pattern, where its matches can start, and how a match is
/// read.
///
/// Running the patterns unanchored over whole documents cost a tenth of
/// the extraction time, though quantities are rare: every match holds a
/// figure, so each pattern is only tried (anchored) at the few places a
/// match could start next to a figure. The matches found are the ones an
/// unanchored search would find (see the `anchored_scan_is_exact` test).
struct Pattern {
    /// Where a match starting at a given place ends: the pattern without
    /// its capture groups, as an anchored DFA.
    ends: Dfa,
    /// Makes the pattern itself, capture groups and all.
    source: fn() -> String,
    /// `source` compiled with its capture groups, at first need (for a
    /// match that is not ASCII or that `read` declines).
    with_groups: OnceLock<Regex>,
    /// Where a match can start.
    starts: Starts,
    /// Reads the groups of a match from its text.
    read: Reader,
    /// Turns a match into a quantity, or rejects it.
    decide: fn(&str, &Groups<'_>) -> Verdict,
}

/// A DFA of a quantity pattern, compiled by the build script (see
/// `automata.rs` beside this file) and embedded in the binary: compiling
/// the patterns at run time took a third of the instructions spent on the
/// quantities of a thousand news wire stories. Searched anchored only.
type Dfa = dense::DFA<&'static [u32]>;

/// The bytes of a DFA the build script wrote to `$OUT_DIR/$file`, aligned
/// for [`load`].
macro_rules! embedded_dfa {
    ($file:literal) => {
        &AlignAs {
            _align: [],
            bytes: *include_bytes!(concat!(env!("OUT_DIR"), "/", $file)),
        }
    };
}

/// The DFA of [`patterns::suffix_money`].
static SUFFIX_MONEY_DFA: &AlignAs<[u8], u32> = embedded_dfa!("suffix_money.dfa");
/// The DFA of [`patterns::percent`].
static PERCENT_DFA: &AlignAs<[u8], u32> = embedded_dfa!("percent.dfa");
/// The DFA of [`patterns::prefix_money`].
static PREFIX_MONEY_DFA: &AlignAs<[u8], u32> = embedded_dfa!("prefix_money.dfa");
/// The DFA of [`patterns::prefix_lead_digit`].
static PREFIX_LEAD_DFA: &AlignAs<[u8], u32> = embedded_dfa!("prefix_lead.dfa");

/// Longest match of [`patterns::prefix_lead`], in bytes (`usize::MAX` if
/// unbounded), from the build script.
const LEAD_MAX_LEN: usize = include!(concat!(env!("OUT_DIR"), "/prefix_lead_max_len.rs"));

/// Deserializes an embedded DFA. `from_bytes` checks the bytes (in time
/// linear in their length).
#[allow(clippy::expect_used)] // written by the build script, loaded by the unit tests
fn load(dfa: &'static AlignAs<[u8], u32>) -> Dfa {
    dense::DFA::from_bytes(&dfa.bytes)
        .expect("valid embedded quantity DFA")
        .0
}

/// Where the match of `dfa` starting at `input.start()` ends, if any.
#[allow(clippy::expect_used)] // cannot fail: anchored starts, no quit bytes
fn match_end(dfa: &Dfa, input: &Input<'_>) -> Option<usize> {
    dfa.try_search_fwd(input)
        .expect("an anchored search of a DFA without quit bytes")
        .map(|m| m.offset())
}

/// Reads the groups of a match covering the span from the text searched
/// (ASCII), or declines with `None`.
type Reader = fn(&[u8], Span) -> Option<Parts>;

/// Where matches of a [`Pattern`] can start.
enum Starts {
    /// At a digit that begins a word: the pattern opens with `(?-u:\b)` and
    /// a number.
    WordNumber {
        /// Whether a match can start at the figure at the given offset: a
        /// cheap test, false only where the pattern cannot match; `None`
        /// to search at every figure.
        may_open: Option<fn(&[u8], usize) -> bool>,
    },
    /// At a match of `lead`: the part of the pattern before its first
    /// figure, then a digit. That part holds no digit and is at most
    /// `max_len` bytes long, so such a match ends at the first digit of a
    /// figure and starts at most `max_len` bytes before it.
    Lead {
        /// The part before the first figure, then `[0-9]`.
        lead: Box<Dfa>,
        /// Longest match of the part before the figure, in bytes.
        max_len: usize,
        /// Whether the part before a figure can end right before the
        /// figure at the given offset: a cheap test, false only where
        /// `lead` cannot match.
        may_precede: fn(&[u8], usize) -> bool,
    },
}

/// Compiles a constant pattern searched anchored only (the unit tests
/// compile every one): without the literal prefilter, which only an
/// unanchored search uses.
#[allow(clippy::expect_used)] // a constant pattern, compiled by the unit tests
fn compile_anchored(pattern: &str) -> Regex {
    Regex::builder()
        .configure(Regex::config().auto_prefilter(false))
        .build(pattern)
        .expect("valid quantity regex")
}

/// Compiles a constant pattern with its capture groups, for resolving the
/// groups of a match whose span a [`Dfa`] has found: no lazy DFA (nor the
/// reverse automaton it needs) and no literal prefilter, which only find
/// matches, are built.
#[allow(clippy::expect_used)] // a constant pattern, compiled by the unit tests
fn compile_groups(pattern: &str) -> Regex {
    Regex::builder()
        .configure(Regex::config().auto_prefilter(false).hybrid(false))
        .build(pattern)
        .expect("valid quantity regex")
}

/// `$14.3 billion`, `US$1.2 bln`, `between $1 and $2 billion`, `$20 a share`.
static PREFIX_MONEY: LazyLock<Pattern> = LazyLock::new(|| Pattern {
    ends: load(PREFIX_MONEY_DFA),
    source: patterns::prefix_money,
    with_groups: OnceLock::new(),
    starts: Starts::Lead {
        lead: Box::new(load(PREFIX_LEAD_DFA)),
        max_len: LEAD_MAX_LEN,
        may_precede: may_follow_prefix,
    },
    read: read_prefix_money,
    decide: prefix_money,
});

/// `15 mln dlrs`, `15.5 mln U.S. dlrs`, `12 cts a share`, `5 billion euros`.
static SUFFIX_MONEY: LazyLock<Pattern> = LazyLock::new(|| Pattern {
    ends: load(SUFFIX_MONEY_DFA),
    source: patterns::suffix_money,
    with_groups: OnceLock::new(),
    starts: Starts::WordNumber { may_open: None },
    read: read_suffix_money,
    decide: suffix_money,
});

/// `49%`, `9.5 pct`, `49 per cent`, `4.5-pct`, `5-6 pct`.
static PERCENT: LazyLock<Pattern> = LazyLock::new(|| Pattern {
    ends: load(PERCENT_DFA),
    source: patterns::percent,
    with_groups: OnceLock::new(),
    starts: Starts::WordNumber {
        may_open: Some(may_open_percent),
    },
    read: read_percent,
    decide: percent,
});

/// Finds quantities in `text[range]`, offsets are absolute byte offsets into
/// `text`. Sorted by start, non-overlapping (on overlap the earliest, then
/// longest, candidate wins).
///
/// The range is clamped to the text and shrunk to char boundaries, so any
/// range is accepted; a quantity never extends past `range.end`, but words
/// just before `range.start` (such as `between`) are looked at.
pub fn find_quantities(text: &str, range: Range<usize>) -> Vec<Quantity> {
    find_quantities_lowered(text, &text.to_ascii_lowercase(), range)
}

/// [`find_quantities`] for a caller that has the text with its ASCII
/// letters lower-cased already (`lower`, as [`str::to_ascii_lowercase`]
/// makes it): amounts in words are looked for in it.
///
/// # Panics
///
/// May panic if `lower` is shorter than `text` (it is as long when it is
/// `text` lower-cased).
pub fn find_quantities_lowered(text: &str, lower: &str, range: Range<usize>) -> Vec<Quantity> {
    let Some(range) = clamp_range(text, range) else {
        return Vec::new();
    };
    let hay = &text[..range.end];
    let mut candidates = word_money(hay, &lower.as_bytes()[..range.end], range.start);
    // Every other quantity holds a figure: most texts and ranges have none.
    let figures = figure_starts(hay, range.start);
    if figures.is_empty() {
        return candidates;
    }
    for pattern in [&*PREFIX_MONEY, &*SUFFIX_MONEY, &*PERCENT] {
        scan(pattern, hay, &figures, range.start, &mut candidates);
    }

    candidates.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    // Each candidate that starts at or after the end of the last one kept.
    let mut kept_end = None;
    candidates.retain(|q| {
        let keep = kept_end.is_none_or(|end| q.start >= end);
        if keep {
            kept_end = Some(q.end);
        }
        keep
    });
    candidates
}

/// `billion dlrs`, `million U.S. dollars`: the multiplier and currency of
/// an amount in words (searched at its [`word_money_starts`] only).
static WORD_MONEY: LazyLock<Regex> = LazyLock::new(|| compile_anchored(patterns::WORD_MONEY));

/// What follows the `b` or `m` of each multiplier word of [`WORD_MONEY`]
/// (`billion`, `bln`, `million`, `mln`), found in lower-cased text.
static WORD_MONEY_TAILS: LazyLock<[memmem::Finder<'static>; 2]> =
    LazyLock::new(|| [memmem::Finder::new("ln"), memmem::Finder::new("illion")]);

/// The places in `lower[from..]` (a text with its ASCII letters
/// lower-cased) where a [`WORD_MONEY`] match can start, in order: every
/// multiplier word (a `b` or `m`, then `ln` or `illion`, in any case; no
/// char other than these ASCII letters folds to them).
///
/// Two literal searches of the lower-cased text cost a third of the
/// regex's own search, which looks for every case variant of the words'
/// first letters.
fn word_money_starts(lower: &[u8], from: usize) -> Vec<usize> {
    let lower = &lower[from..];
    let mut starts: Vec<usize> = WORD_MONEY_TAILS
        .iter()
        .flat_map(|tail| tail.find_iter(lower))
        .filter(|&i| i > 0 && matches!(lower[i - 1], b'b' | b'm'))
        .map(|i| from + i - 1)
        .collect();
    starts.sort_unstable();
    starts
}

/// The matches of [`WORD_MONEY`] in `hay[from..]`, as `find_iter` finds
/// them: the regex is run anchored at each of the [`word_money_starts`]
/// (in `lower`, `hay` lower-cased) after the last match.
fn word_money_matches(hay: &str, lower: &[u8], from: usize) -> Vec<Span> {
    let mut matches: Vec<Span> = Vec::new();
    for start in word_money_starts(lower, from) {
        if matches.last().is_some_and(|m| start < m.end) {
            continue;
        }
        let input = Input::new(hay).range(start..).anchored(Anchored::Yes);
        if let Some(end) = WORD_MONEY.search_half(&input) {
            matches.push(Span {
                start,
                end: end.offset(),
            });
        }
    }
    matches
}

/// The amounts in words in `hay[from..]`: `two billion dlrs`, `a billion
/// dollars`, `half a billion dollars` (whole millions and billions of US
/// dollars, one to ten). `lower` is `hay` lower-cased.
fn word_money(hay: &str, lower: &[u8], from: usize) -> Vec<Quantity> {
    let mut out = Vec::new();
    for m in word_money_matches(hay, lower, from) {
        let mult = if hay.as_bytes()[m.start].eq_ignore_ascii_case(&b'b') {
            1e9
        } else {
            1e6
        };
        // The number word before: "two billion", "three-million".
        let before = hay[from..m.start].trim_end_matches([' ', '-', '\t', '\n']);
        // The word starts after the last char that is not an ASCII letter
        // (which may be a multi-byte char such as a curly quote).
        let word_start = before
            .char_indices()
            .rfind(|&(_, c)| !c.is_ascii_alphabetic())
            .map_or(0, |(k, c)| k + c.len_utf8());
        let word = &before[word_start..];
        let n = match word.to_ascii_lowercase().as_str() {
            "one" => 1.0,
            "two" => 2.0,
            "three" => 3.0,
            "four" => 4.0,
            "five" => 5.0,
            "six" => 6.0,
            "seven" => 7.0,
            "eight" => 8.0,
            "nine" => 9.0,
            "ten" => 10.0,
            "a" => {
                // "half a billion dollars" (not "behalf a ...")
                let lead = before[..word_start].trim_end();
                let half = lead.len().checked_sub(4).is_some_and(|k| {
                    lead.get(k..)
                        .is_some_and(|w| w.eq_ignore_ascii_case("half"))
                        && !lead[..k].ends_with(|c: char| c.is_alphabetic())
                });
                if half { 0.5 } else { 1.0 }
            }
            _ => continue,
        };
        let start = from
            + if n == 0.5 {
                before[..word_start].trim_end().len() - 4
            } else {
                word_start
            };
        out.push(Quantity {
            start,
            end: m.end,
            kind: QuantityKind::Money {
                usd: Some(n * mult),
                per_share: false,
            },
        });
    }
    out
}

/// Parses one amount expression ("$14.3 billion", "15 mln dlrs", "$15B") to
/// USD, if it is USD money. Leading words such as "about" are ignored; the
/// first amount in `s` is used.
pub fn parse_usd(s: &str) -> Option<f64> {
    find_quantities(s, 0..s.len())
        .into_iter()
        .find_map(|q| match q.kind {
            QuantityKind::Money { usd, .. } => Some(usd),
            QuantityKind::Percent(_) => None,
        })
        .flatten()
}

/// Clamps `range` to `text` and to char boundaries; `None` if empty.
fn clamp_range(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let mut end = range.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = range.start.min(end);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    (start < end).then_some(start..end)
}

/// What a matcher decided about one regex match.
enum Verdict {
    /// Keep this quantity.
    Keep(Quantity),
    /// Not a quantity; search again one char after the match start.
    Reject,
}

/// Byte offsets, from `from` on, of the digits that begin a figure: the
/// first digit of each run of ASCII digits in `hay`. One pass over the
/// bytes per document, eight at a time: the digits of each eight are found
/// together, and only the starts of runs are visited.
fn figure_starts(hay: &str, from: usize) -> Vec<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = ONES * 0x80;
    /// The high bit of each of the eight bytes of `x` that is an ASCII
    /// digit. XOR with `0` turns digits into bytes below 10; with each
    /// byte's high bit set first, subtracting 10 borrows across no byte,
    /// so every byte is tested on its own.
    fn digit_bits(x: u64) -> u64 {
        let y = x ^ (ONES * u64::from(b'0'));
        let ten_or_more = (y | HIGHS).wrapping_sub(ONES * 10);
        !(ten_or_more | y) & HIGHS
    }
    let bytes = hay.as_bytes();
    let rest = bytes.get(from..).unwrap_or_default();
    // Room for a figure every 32 bytes (news text has about one every 66):
    // the vector seldom grows.
    let mut out = Vec::with_capacity(rest.len() / 32);
    // The digit bit of the byte before the current eight, moved to the
    // first byte's place.
    let mut carry = u64::from(from > 0 && bytes[from - 1].is_ascii_digit()) << 7;
    let mut eight = |at: usize, chunk: [u8; 8]| {
        let digits = digit_bits(u64::from_le_bytes(chunk));
        // Digits whose previous byte is no digit (`<< 8`: the byte before).
        let mut starts = digits & !((digits << 8) | carry);
        carry = (digits >> 56) & 0x80;
        while starts != 0 {
            out.push(at + starts.trailing_zeros() as usize / 8);
            starts &= starts - 1;
        }
    };
    let mut chunks = rest.chunks_exact(8);
    let mut at = from;
    for chunk in chunks.by_ref() {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        eight(at, word);
        at += 8;
    }
    // The bytes left over, padded with bytes that are no digits.
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    eight(at, last);
    out
}

/// Whether a currency prefix, and the white space the money pattern allows
/// after it, can end right before the figure at byte `f`: at most two white
/// space chars, after a `$`, a non-ASCII char (`£`, a wide space, a letter
/// folding to `k` or `s`) or a currency code. Most figures follow a plain
/// word and are not searched for a prefix.
fn may_follow_prefix(bytes: &[u8], f: usize) -> bool {
    let mut end = f;
    for _ in 0..3 {
        let Some(&b) = bytes[..end].last() else {
            return false;
        };
        if !b.is_ascii() || b == b'$' {
            return true;
        }
        // ASCII `\s`: `is_ascii_whitespace` leaves out the vertical tab.
        if !(b.is_ascii_whitespace() || b == b'\x0b') {
            let start = bytes[..end]
                .iter()
                .rposition(|b| !b.is_ascii_alphabetic())
                .map_or(0, |k| k + 1);
            // A letter folding to `k` or `s` may be part of a code.
            if start > 0 && !bytes[start - 1].is_ascii() {
                return true;
            }
            let word = &bytes[start..end];
            // Every code is two or three letters long (a unit test checks):
            // the length alone rules out most words.
            return (2..=3).contains(&word.len())
                && CURRENCY_CODE_WORDS.ends(word, 0).any(|k| k == word.len());
        }
        end -= 1;
    }
    false
}

/// Whether a percentage can start at the figure at byte `f`.
///
/// The text of a [`PERCENT`] match, up to its sign or word (`%`, `pct`,
/// `percent`, `per cent`), holds only figures (digits, `,`, `.`), white
/// space, dashes and the connectors `to` and `and` (which fold to no
/// other chars): so the first byte from `f` on that none of these can
/// hold must open the sign or word. Non-ASCII bytes (Unicode white space,
/// `–`) are passed over, and after [`PERCENT_LOOKAHEAD`] bytes the answer
/// is yes (long runs of figures and spaces are searched, not scanned once
/// per figure). Most figures are followed by a plain word and are not
/// searched for a percentage.
fn may_open_percent(bytes: &[u8], f: usize) -> bool {
    let end = bytes.len().min(f + PERCENT_LOOKAHEAD);
    let other = bytes[f..end]
        .iter()
        .find(|&&b| !PERCENT_PASSED_OVER[usize::from(b)]);
    other.is_none_or(|&b| matches!(b, b'%' | b'p' | b'P'))
}

/// The bytes [`may_open_percent`] passes over, by value (a table: it
/// looks at about ten bytes per figure).
const PERCENT_PASSED_OVER: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < table.len() {
        // `b` < 256.
        let byte = b as u8;
        table[b] = !byte.is_ascii()
            || matches!(
                byte.to_ascii_lowercase(),
                b'0'..=b'9' | b',' | b'.' | b'-' | b'\t'..=b'\r' | b' ' | b't' | b'o' | b'a' | b'n' | b'd'
            );
        b += 1;
    }
    table
};

/// How far [`may_open_percent`] looks past a figure, in bytes.
const PERCENT_LOOKAHEAD: usize = 64;

/// Whether `b` is a word byte for an ASCII `(?-u:\b)`.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl Pattern {
    /// The first position at or after `pos` where a match of the pattern
    /// can start (a match starting there is not guaranteed).
    fn next_start(&self, hay: &str, figures: &[usize], pos: usize) -> Option<usize> {
        let bytes = hay.as_bytes();
        let later = &figures[figures.partition_point(|&f| f < pos)..];
        match &self.starts {
            Starts::WordNumber { may_open } => later.iter().copied().find(|&f| {
                (f == 0 || !is_word_byte(bytes[f - 1])) && may_open.is_none_or(|may| may(bytes, f))
            }),
            // A lead found for a figure ends at that figure, or at an
            // earlier one, whose own search would have found it: so a
            // figure no lead can end at is skipped without a search.
            Starts::Lead {
                lead,
                max_len,
                may_precede,
            } => later
                .iter()
                .filter(|&&f| may_precede(bytes, f))
                .find_map(|&f| {
                    let mut from = pos.max(f.saturating_sub(*max_len));
                    while !hay.is_char_boundary(from) {
                        from += 1;
                    }
                    // The start of the leftmost lead in `from..=f`: the
                    // first place an anchored search finds one.
                    (from..=f).find(|&s| {
                        let input = Input::new(hay).range(s..=f).anchored(Anchored::Yes);
                        match_end(lead, &input).is_some()
                    })
                }),
        }
    }
}

/// Finds the quantities of `pattern` in `hay` from `from` on: the matches
/// an unanchored search from `from` would find, each searched for again
/// after the previous one (or one char after a rejected match's start).
fn scan(pattern: &Pattern, hay: &str, figures: &[usize], from: usize, out: &mut Vec<Quantity>) {
    // Made at the first match whose groups the regex resolves.
    let mut caps = None;
    let mut pos = from;
    while let Some(start) = pattern.next_start(hay, figures, pos) {
        // One byte on may be inside a char (after `£`): `next_start` only
        // returns char boundaries.
        pos = start + 1;
        let Some(groups) = pattern.groups_at(hay, start, &mut caps) else {
            continue;
        };
        if let Verdict::Keep(q) = (pattern.decide)(hay, &groups) {
            // Continue right after the kept quantity (a truncated range
            // leaves its second figure to be found again).
            pos = pos.max(q.end);
            out.push(q);
        }
    }
}

impl Pattern {
    /// The pattern with its capture groups.
    fn with_groups(&self) -> &Regex {
        self.with_groups
            .get_or_init(|| compile_groups(&(self.source)()))
    }

    /// The match starting at `start`, if any, with its groups. `caps` is
    /// scratch space for resolving capture groups, made when first needed.
    ///
    /// The DFA finds where the match ends, and the reader takes the groups
    /// from the matched text: the DFA has already checked it, so the reader
    /// only tells the parts apart. It takes ASCII matches only (no Unicode
    /// white space, case folding or dash to think of) and may decline any
    /// match; the regex then resolves the groups itself, within the match.
    /// The `readers_agree_with_capture_groups` test holds the readers to
    /// the capture groups.
    fn groups_at<'h>(
        &self,
        hay: &'h str,
        start: usize,
        caps: &mut Option<Captures>,
    ) -> Option<Groups<'h>> {
        let input = Input::new(hay).range(start..).anchored(Anchored::Yes);
        let end = match_end(&self.ends, &input)?;
        let whole = Span { start, end };
        if hay.as_bytes()[whole.range()].is_ascii() {
            if let Some(parts) = (self.read)(hay.as_bytes(), whole) {
                return Some(Groups { hay, whole, parts });
            }
        }
        let re = self.with_groups();
        let caps = caps.get_or_insert_with(|| re.create_captures());
        // Look-around assertions still see the text past the match.
        re.search_captures(&input.range(whole.range()), caps);
        Groups::from_captures(hay, caps)
    }
}

/// The named groups of the quantity patterns.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Part {
    /// The first number.
    N1,
    /// The multiplier of the first number.
    M1,
    /// The range connector.
    Conn,
    /// The second figure of a range (currency, number, multiplier).
    R2,
    /// The second number.
    N2,
    /// The multiplier of the second number.
    M2,
    /// The currency (prefix or word).
    Cur,
    /// The currency prefix of the second figure.
    Cur2,
    /// The nationality qualifier of a currency word.
    Q,
    /// A `dlrs` after a prefixed amount.
    Suf,
    /// The per-share tail.
    Ps,
}

impl Part {
    /// Every part, in the order of [`Parts`].
    const ALL: [Part; 11] = [
        Part::N1,
        Part::M1,
        Part::Conn,
        Part::R2,
        Part::N2,
        Part::M2,
        Part::Cur,
        Part::Cur2,
        Part::Q,
        Part::Suf,
        Part::Ps,
    ];

    /// The name of the part's group in the patterns.
    fn name(self) -> &'static str {
        match self {
            Part::N1 => "n1",
            Part::M1 => "m1",
            Part::Conn => "conn",
            Part::R2 => "r2",
            Part::N2 => "n2",
            Part::M2 => "m2",
            Part::Cur => "cur",
            Part::Cur2 => "cur2",
            Part::Q => "q",
            Part::Suf => "suf",
            Part::Ps => "ps",
        }
    }
}

/// Where each [`Part`] of a match is, if it took part in the match.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Parts([Option<Span>; 11]);

impl Parts {
    /// Sets where `part` is.
    fn set(&mut self, part: Part, span: Range<usize>) {
        self.0[part as usize] = Some(Span::from(span));
    }
}

/// One match of a quantity pattern, with its groups.
struct Groups<'h> {
    /// The text searched.
    hay: &'h str,
    /// The whole match.
    whole: Span,
    /// The match's groups.
    parts: Parts,
}

/// A matched group: its text and where it is.
#[derive(Clone, Copy)]
struct Group<'h> {
    /// Byte offset of the group's start in the text searched.
    start: usize,
    /// The group's text.
    text: &'h str,
}

impl<'h> Groups<'h> {
    /// The match and groups in `caps`, if it holds a match.
    fn from_captures(hay: &'h str, caps: &Captures) -> Option<Groups<'h>> {
        let whole = caps.get_match()?.span();
        let mut parts = Parts::default();
        for part in Part::ALL {
            parts.0[part as usize] = caps.get_group_by_name(part.name());
        }
        Some(Groups { hay, whole, parts })
    }

    /// The whole match.
    fn whole(&self) -> Option<Group<'h>> {
        Some(self.group(self.whole))
    }

    /// The group of `part`, if it took part in the match.
    fn get(&self, part: Part) -> Option<Group<'h>> {
        self.parts.0[part as usize].map(|span| self.group(span))
    }

    /// The group covering `span`.
    fn group(&self, span: Span) -> Group<'h> {
        Group {
            start: span.start,
            text: &self.hay[span.range()],
        }
    }
}

impl<'h> Group<'h> {
    /// The group's text.
    fn as_str(&self) -> &'h str {
        self.text
    }

    /// Byte offset of the group's start.
    fn start(&self) -> usize {
        self.start
    }

    /// Byte offset one past the group's end.
    fn end(&self) -> usize {
        self.start + self.text.len()
    }
}

/// Whether `b` is white space for `\s` in ASCII text (`is_ascii_whitespace`
/// leaves out the vertical tab).
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// `i` moved over at most `max` white space bytes of `m`.
fn skip_spaces(m: &[u8], i: usize, max: usize) -> usize {
    let mut j = i;
    while j - i < max && m.get(j).is_some_and(|&b| is_space(b)) {
        j += 1;
    }
    j
}

/// `i` moved over the ASCII digits of `m`.
fn skip_digits(m: &[u8], i: usize) -> usize {
    let mut j = i;
    while m.get(j).is_some_and(u8::is_ascii_digit) {
        j += 1;
    }
    j
}

/// Whether an ASCII `(?-u:\b)` holds at `i` after a word byte: no word byte
/// follows.
fn word_ends(hay: &[u8], i: usize) -> bool {
    hay.get(i).is_none_or(|&b| !is_word_byte(b))
}

/// The end of `word` (ASCII, lower case) if `m` has it at `i`, in any case.
fn word_at(m: &[u8], i: usize, word: &[u8]) -> Option<usize> {
    let end = i + word.len();
    m.get(i..end)
        .is_some_and(|w| w.eq_ignore_ascii_case(word))
        .then_some(end)
}

/// One element of a word of a literal alternation ([`QUAL`], [`SUFFIX`]).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok {
    /// A byte, in any case (lower case here).
    Byte(u8),
    /// `\s?`.
    OptSpace,
    /// `\s+`.
    Spaces,
}

/// A word of a literal alternation, as [`Tok`]s.
struct Word(Vec<Tok>);

impl Word {
    /// The words of `alternation`: letters, `\.`, `-`, `\s?` and `\s+`.
    fn parse_all(alternation: &str) -> Vec<Word> {
        alternation
            .split('|')
            .map(|w| {
                let mut toks = Vec::new();
                let mut rest = w.as_bytes();
                while let Some((&b, after)) = rest.split_first() {
                    rest = after;
                    if b != b'\\' {
                        toks.push(Tok::Byte(b.to_ascii_lowercase()));
                        continue;
                    }
                    match rest {
                        [b's', b'?', ..] => toks.push(Tok::OptSpace),
                        [b's', b'+', ..] => toks.push(Tok::Spaces),
                        _ => {
                            toks.push(Tok::Byte(rest[0]));
                            rest = &rest[1..];
                            continue;
                        }
                    }
                    rest = &rest[2..];
                }
                Word(toks)
            })
            .collect()
    }

    /// The end of the word if `m` has it at `i` (ASCII). White space is
    /// taken greedily: in these words it is always followed by a letter or
    /// a dot, so giving some back never helps.
    fn match_at(&self, m: &[u8], i: usize) -> Option<usize> {
        let mut j = i;
        for tok in &self.0 {
            match *tok {
                Tok::Byte(c) => {
                    if m.get(j)?.to_ascii_lowercase() != c {
                        return None;
                    }
                    j += 1;
                }
                Tok::OptSpace => j = skip_spaces(m, j, 1),
                Tok::Spaces => {
                    let k = skip_spaces(m, j, usize::MAX);
                    if k == j {
                        return None;
                    }
                    j = k;
                }
            }
        }
        Some(j)
    }
}

/// The words of a literal alternation by their first letter (`a` to `z`),
/// in order. Words with different first letters never match at the same
/// place, so the first of those led by the letter at hand that matches is
/// the first of all.
struct Words([Vec<Word>; 26]);

impl Words {
    /// The words of `alternation`, all led by a letter.
    fn new(alternation: &str) -> Words {
        let mut by_letter: [Vec<Word>; 26] = Default::default();
        for word in Word::parse_all(alternation) {
            if let Some(&Tok::Byte(c @ b'a'..=b'z')) = word.0.first() {
                by_letter[usize::from(c - b'a')].push(word);
            }
        }
        Words(by_letter)
    }

    /// The words that may match at `i` of `m`, in order.
    fn at(&self, m: &[u8], i: usize) -> &[Word] {
        match m.get(i).map(u8::to_ascii_lowercase) {
            Some(c @ b'a'..=b'z') => &self.0[usize::from(c - b'a')],
            _ => &[],
        }
    }

    /// Where the words `m` has at `i` end, in the order of the words.
    fn ends<'a>(&'a self, m: &'a [u8], i: usize) -> impl Iterator<Item = usize> + 'a {
        self.at(m, i).iter().filter_map(move |w| w.match_at(m, i))
    }

    /// The end of the first word `m` has at `i` that no word byte of `hay`
    /// follows (an ASCII `(?-u:\b)` after it).
    fn whole_at(&self, hay: &[u8], m: &[u8], i: usize) -> Option<usize> {
        self.ends(m, i).find(|&k| word_ends(hay, k))
    }
}

/// The words of [`MULT_WORDS`].
static MULT_WORD_TABLE: LazyLock<Words> =
    LazyLock::new(|| Words::new(&mult_names(MULT_WORDS).join("|")));

/// The words of [`QUAL`].
static QUAL_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(QUAL));

/// The words of [`SUFFIX`].
static SUFFIX_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(SUFFIX));

/// The words of [`patterns::DOLLAR_PREFIXES`].
static DOLLAR_PREFIX_WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::new(patterns::DOLLAR_PREFIXES));

/// The words of [`patterns::CURRENCY_CODES`].
static CURRENCY_CODE_WORDS: LazyLock<Words> =
    LazyLock::new(|| Words::new(patterns::CURRENCY_CODES));

/// The words of [`patterns::US`].
static US_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(patterns::US));

/// The words of [`patterns::DOLLARS`].
static DOLLAR_WORDS: LazyLock<Words> = LazyLock::new(|| Words::new(patterns::DOLLARS));

/// Reads a number (`NUM` of [`patterns`]) at `i` of `m`: its end. The
/// longest reading is the regex's: a shorter one leaves a digit, comma or
/// dot next, which nothing after a number in the patterns takes.
fn read_num(m: &[u8], i: usize) -> Option<usize> {
    let digits = skip_digits(m, i);
    if digits == i {
        return None;
    }
    let group = |j: usize| {
        m.get(j) == Some(&b',')
            && m.get(j + 1..j + 4)
                .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
    };
    let mut j = digits;
    if digits - i <= 3 {
        while group(j) {
            j += 4;
        }
    }
    if m.get(j) == Some(&b'.') && m.get(j + 1).is_some_and(u8::is_ascii_digit) {
        j = skip_digits(m, j + 1);
    }
    Some(j)
}

/// Reads a multiplier (`mult` of [`patterns`]) at `i` of `m`: its end.
fn read_mult(hay: &[u8], m: &[u8], i: usize) -> Option<usize> {
    let word = |j: usize| MULT_WORD_TABLE.whole_at(hay, m, j);
    word(skip_spaces(m, i, 3))
        .or_else(|| (m.get(i) == Some(&b'-')).then(|| word(i + 1)).flatten())
        .or_else(|| {
            let letter = m.get(i)?.to_ascii_lowercase();
            let is_mult = MULT_LETTERS.iter().any(|(l, _)| l.as_bytes() == [letter]);
            (is_mult && word_ends(hay, i + 1)).then_some(i + 1)
        })
}

/// Reads a range connector (`CONN` of [`patterns`]) at `i` of `m`: its end.
fn read_conn(m: &[u8], i: usize) -> Option<usize> {
    let j = skip_spaces(m, i, 3);
    if m.get(j) == Some(&b'-') {
        return Some(skip_spaces(m, j + 1, 3));
    }
    if j == i {
        return None;
    }
    let k = word_at(m, j, b"to").or_else(|| word_at(m, j, b"and"))?;
    let end = skip_spaces(m, k, 3);
    (end > k).then_some(end)
}

/// What the figures of a pattern hold besides numbers and a connector.
#[derive(Clone, Copy, PartialEq)]
enum Figures {
    /// Nothing else (percentages).
    Plain,
    /// Multipliers (amounts before a currency word).
    Multiplied,
    /// Multipliers, and a currency prefix and white space char before the
    /// second number (amounts after a currency prefix).
    Prefixed,
}

/// Reads the figures of a match at `start` of `m`: the first number, the
/// range connector and the second figure, with what else `figures` says
/// they hold. Returns where they end.
///
/// Each part is taken whenever it is there: not taking it would leave its
/// text (white space then a multiplier word, a dash, `to` or `and`, then a
/// figure) to what follows in the pattern, which never starts that way.
fn read_figures(
    hay: &[u8],
    m: &[u8],
    start: usize,
    figures: Figures,
    parts: &mut Parts,
) -> Option<usize> {
    let mults = figures != Figures::Plain;
    let n1 = read_num(m, start)?;
    parts.set(Part::N1, start..n1);
    let mut end = n1;
    if let Some(k) = mults.then(|| read_mult(hay, m, n1)).flatten() {
        parts.set(Part::M1, n1..k);
        end = k;
    }
    let second = read_conn(m, end).and_then(|conn| {
        if figures != Figures::Prefixed {
            return Some((conn, None, conn, read_num(m, conn)?));
        }
        // A prefix read is kept: without it a figure cannot follow.
        let cur2 = read_prefix(hay, m, conn);
        let n2 = skip_spaces(m, cur2.unwrap_or(conn), 1);
        Some((conn, cur2, n2, read_num(m, n2)?))
    });
    let Some((conn, cur2, n2_start, n2)) = second else {
        return Some(end);
    };
    parts.set(Part::Conn, end..conn);
    if let Some(k) = cur2 {
        parts.set(Part::Cur2, conn..k);
    }
    parts.set(Part::N2, n2_start..n2);
    end = n2;
    if let Some(k) = mults.then(|| read_mult(hay, m, n2)).flatten() {
        parts.set(Part::M2, n2..k);
        end = k;
    }
    parts.set(Part::R2, conn..end);
    Some(end)
}

/// Reads a currency prefix (the `cur` group of
/// [`patterns::prefix_money`]) at `i` of `m`: its end.
fn read_prefix(hay: &[u8], m: &[u8], i: usize) -> Option<usize> {
    if m.get(i) == Some(&b'$') {
        return Some(i + 1);
    }
    // Letter-led prefixes need a word boundary before them.
    if i > 0 && is_word_byte(hay[i - 1]) {
        return None;
    }
    DOLLAR_PREFIX_WORDS
        .ends(m, i)
        .find(|&k| m.get(k) == Some(&b'$'))
        .map(|k| k + 1)
        .or_else(|| {
            // A code takes a white space char after it.
            let code = CURRENCY_CODE_WORDS.ends(m, i).next()?;
            Some(skip_spaces(m, code, 1))
        })
}

/// Reads the `dlrs` after a prefixed amount (the `suf` group of
/// [`patterns::prefix_money`]) at `i` of `m`: its end.
fn read_dollars(hay: &[u8], m: &[u8], i: usize) -> Option<usize> {
    let at = skip_spaces(m, i, 3);
    if at == i {
        return None;
    }
    read_qualified(&US_WORDS, &DOLLAR_WORDS, hay, m, at).map(|(_, _, end)| end)
}

/// Reads the groups of a [`PREFIX_MONEY`] match (ASCII) covering `whole`.
fn read_prefix_money(hay: &[u8], whole: Span) -> Option<Parts> {
    let m = &hay[..whole.end];
    let mut parts = Parts::default();
    let cur = read_prefix(hay, m, whole.start)?;
    parts.set(Part::Cur, whole.start..cur);
    let n1 = skip_spaces(m, cur, 1);
    let mut end = read_figures(hay, m, n1, Figures::Prefixed, &mut parts)?;
    if let Some(k) = read_dollars(hay, m, end) {
        parts.set(Part::Suf, end..k);
        end = k;
    }
    // The per-share tail closes the pattern: it is whatever follows.
    if end < whole.end {
        parts.set(Part::Ps, end..whole.end);
    }
    Some(parts)
}

/// Reads a whole word of `words` at `at` of `m`, after a qualifier of
/// `quals` and one to three white space chars if there is one: where the
/// qualifier ends (if taken), then where the word starts and ends. A
/// qualifier is taken if a word follows it, the first such in order
/// (`Swiss francs` before `swiss francs`, `Taiwan` before `Taiwanese`).
fn read_qualified(
    quals: &Words,
    words: &Words,
    hay: &[u8],
    m: &[u8],
    at: usize,
) -> Option<(Option<usize>, usize, usize)> {
    quals
        .ends(m, at)
        .find_map(|q_end| {
            let word = skip_spaces(m, q_end, 3);
            if word == q_end {
                return None;
            }
            Some((Some(q_end), word, words.whole_at(hay, m, word)?))
        })
        .or_else(|| Some((None, at, words.whole_at(hay, m, at)?)))
}

/// Reads the groups of a [`SUFFIX_MONEY`] match (ASCII) covering `whole`.
fn read_suffix_money(hay: &[u8], whole: Span) -> Option<Parts> {
    let m = &hay[..whole.end];
    let mut parts = Parts::default();
    let figures = read_figures(hay, m, whole.start, Figures::Multiplied, &mut parts)?;
    let at = skip_spaces(m, figures, 3);
    let (q_end, cur, cur_end) = read_qualified(&QUAL_WORDS, &SUFFIX_WORDS, hay, m, at)?;
    if let Some(q_end) = q_end {
        parts.set(Part::Q, at..q_end);
    }
    parts.set(Part::Cur, cur..cur_end);
    // The per-share tail closes the pattern: it is whatever follows.
    if cur_end < whole.end {
        parts.set(Part::Ps, cur_end..whole.end);
    }
    Some(parts)
}

/// Reads the groups of a [`PERCENT`] match (ASCII) covering `whole`.
fn read_percent(hay: &[u8], whole: Span) -> Option<Parts> {
    let mut parts = Parts::default();
    read_figures(
        hay,
        &hay[..whole.end],
        whole.start,
        Figures::Plain,
        &mut parts,
    )?;
    Some(parts)
}

/// Parses a number such as `1,250,000` or `14.3`, times `10^exp`. The
/// exponent is applied while parsing, so `4.1` million is exactly 4100000.0.
fn number(s: &str, exp: i32) -> Option<f64> {
    // A figure without separators or exponent (most percentages) is parsed
    // as it stands: the same value, without a string made for it.
    let v: f64 = if exp == 0 && !s.contains(',') {
        s.parse().ok()?
    } else {
        // The figure without its commas, then `e` and the exponent (written
        // by itoa, without the formatting machinery).
        let mut digits = String::with_capacity(s.len() + 4);
        digits.extend(s.chars().filter(|&c| c != ','));
        digits.push('e');
        digits.push_str(itoa::Buffer::new().format(exp));
        digits.parse().ok()?
    };
    v.is_finite().then_some(v)
}

/// The decimal exponent of a multiplier match (`" billion"`, `"-mln"`, `"B"`).
fn multiplier(s: &str) -> i32 {
    let w = s.trim_start_matches(|c: char| c.is_whitespace() || c == '-');
    MULT_WORDS
        .iter()
        .chain(MULT_LETTERS)
        .find(|(m, _)| w.eq_ignore_ascii_case(m))
        .map_or(0, |&(_, exp)| exp)
}

/// Whether the word just before byte `start` of `hay` is `between`.
fn preceded_by_between(hay: &str, start: usize) -> bool {
    let before = hay[..start].trim_end();
    let Some(idx) = before.len().checked_sub("between".len()) else {
        return false;
    };
    before.is_char_boundary(idx)
        && before[idx..].eq_ignore_ascii_case("between")
        && !before[..idx]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
}

/// How a two-figure match is to be read.
enum RangeRead {
    /// A single figure (no second part).
    Single,
    /// A real range: value from the first figure.
    Range,
    /// Two separate figures (`rose $1.50 to $30.25`): keep only one.
    Split,
}

/// Decides whether a match with two figures is a range. It is when it
/// follows `between`, uses a dash (`$1-2 billion`), or only the second
/// figure has a multiplier (`$1 to $2 billion`).
fn read_range(hay: &str, caps: &Groups<'_>, start: usize) -> RangeRead {
    let Some(conn) = caps.get(Part::Conn) else {
        return RangeRead::Single;
    };
    let conn = conn.as_str().trim();
    let is_and = conn.eq_ignore_ascii_case("and");
    if preceded_by_between(hay, start) {
        return RangeRead::Range;
    }
    if is_and {
        return RangeRead::Split;
    }
    let dash = conn == "-" || conn == "–";
    let shared = caps.get(Part::M1).is_none() && caps.get(Part::M2).is_some();
    if dash || shared {
        RangeRead::Range
    } else {
        RangeRead::Split
    }
}

/// The value of the first figure, scaled by its own multiplier or, in a
/// range, by the shared one.
fn first_value(caps: &Groups<'_>, range: bool) -> Option<f64> {
    let exp = match (caps.get(Part::M1), caps.get(Part::M2)) {
        (Some(m), _) => multiplier(m.as_str()),
        (None, Some(m)) if range => multiplier(m.as_str()),
        _ => 0,
    };
    number(caps.get(Part::N1)?.as_str(), exp)
}

/// Matcher for [`PREFIX_MONEY`].
fn prefix_money(hay: &str, caps: &Groups<'_>) -> Verdict {
    let Some(whole) = caps.whole() else {
        return Verdict::Reject;
    };
    let Some(cur) = caps.get(Part::Cur) else {
        return Verdict::Reject;
    };
    let usd_cur = is_usd_prefix(cur.as_str());
    let start = whole.start();
    let (end, range, per_share) = match read_range(hay, caps, start) {
        RangeRead::Single => (whole.end(), false, caps.get(Part::Ps).is_some()),
        RangeRead::Range => {
            if caps
                .get(Part::Conn)
                .is_some_and(|c| c.as_str().trim().eq_ignore_ascii_case("and"))
                && caps.get(Part::Cur2).is_none()
                && caps.get(Part::M2).is_none()
            {
                // "between $5 and 6 employees": not a money range.
                return first_figure_only(caps, usd_cur);
            }
            (whole.end(), true, caps.get(Part::Ps).is_some())
        }
        RangeRead::Split => return first_figure_only(caps, usd_cur),
    };
    let Some(v) = first_value(caps, range) else {
        return Verdict::Reject;
    };
    Verdict::Keep(Quantity {
        start,
        end,
        kind: QuantityKind::Money {
            usd: usd_cur.then_some(v),
            per_share,
        },
    })
}

/// For a prefix match read as two figures: the first figure alone.
fn first_figure_only(caps: &Groups<'_>, usd_cur: bool) -> Verdict {
    let Some(whole) = caps.whole() else {
        return Verdict::Reject;
    };
    let end = caps
        .get(Part::M1)
        .or_else(|| caps.get(Part::N1))
        .map_or(whole.end(), |m| m.end());
    let Some(v) = first_value(caps, false) else {
        return Verdict::Reject;
    };
    Verdict::Keep(Quantity {
        start: whole.start(),
        end,
        kind: QuantityKind::Money {
            usd: usd_cur.then_some(v),
            per_share: false,
        },
    })
}

/// Whether a currency prefix denotes US dollars.
fn is_usd_prefix(cur: &str) -> bool {
    let c: String = cur
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect::<String>()
        .to_ascii_uppercase();
    matches!(c.as_str(), "$" | "US$" | "USD")
}

/// Currency words that are also ordinary words (or units of weight); they
/// count only with a multiplier or a number with a comma or decimal point.
const AMBIGUOUS_CURRENCIES: &[&str] = &[
    "pound", "pounds", "mark", "marks", "won", "rand", "crown", "crowns", "ecu", "ct",
];

/// Whether `s` is a bare four-digit integer that looks like a year.
fn year_like(s: &str) -> bool {
    s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) && ("1800"..="2099").contains(&s)
}

/// Matcher for [`SUFFIX_MONEY`].
fn suffix_money(hay: &str, caps: &Groups<'_>) -> Verdict {
    let Some(whole) = caps.whole() else {
        return Verdict::Reject;
    };
    let Some(cur) = caps.get(Part::Cur) else {
        return Verdict::Reject;
    };
    let cur_word = cur.as_str();
    let cur_is = |words: &[&str]| words.iter().any(|w| cur_word.eq_ignore_ascii_case(w));
    let (start, range, n_name, m_name) = match read_range(hay, caps, whole.start()) {
        RangeRead::Single => (whole.start(), false, Part::N1, Part::M1),
        RangeRead::Range => (whole.start(), true, Part::N1, Part::M1),
        RangeRead::Split => match caps.get(Part::R2) {
            // "rose 2 to 30 dlrs": only the second figure has a currency.
            Some(r2) => (r2.start(), false, Part::N2, Part::M2),
            None => return Verdict::Reject,
        },
    };
    let Some(n_str) = caps.get(n_name).map(|m| m.as_str()) else {
        return Verdict::Reject;
    };
    let has_mult = caps.get(m_name).is_some() || (range && caps.get(Part::M2).is_some());
    let plain = !n_str.contains([',', '.']);
    if !has_mult && plain && (year_like(n_str) || cur_is(AMBIGUOUS_CURRENCIES)) {
        return Verdict::Reject;
    }
    let exp = match (caps.get(m_name), caps.get(Part::M2)) {
        (Some(m), _) => multiplier(m.as_str()),
        (None, Some(m)) if range => multiplier(m.as_str()),
        _ => 0,
    };
    let dollar_like = cur_is(&["dlrs", "dlr", "dollars", "dollar", "usd"]);
    let cent_like = cur_is(&["cts", "ct", "cents", "cent"]);
    // The qualifier without white space and dots, in upper case, is `US`
    // or `AMERICAN`.
    let usd_qual = caps.get(Part::Q).is_none_or(|q| {
        let letters = || {
            q.as_str()
                .chars()
                .filter(|c| !c.is_whitespace() && *c != '.')
                .map(|c| c.to_ascii_uppercase())
        };
        letters().eq("US".chars()) || letters().eq("AMERICAN".chars())
    });
    let usd = if usd_qual && dollar_like {
        number(n_str, exp)
    } else if usd_qual && cent_like {
        number(n_str, exp - 2)
    } else {
        None
    };
    Verdict::Keep(Quantity {
        start,
        end: whole.end(),
        kind: QuantityKind::Money {
            usd,
            per_share: caps.get(Part::Ps).is_some(),
        },
    })
}

/// Matcher for [`PERCENT`].
fn percent(hay: &str, caps: &Groups<'_>) -> Verdict {
    let Some(whole) = caps.whole() else {
        return Verdict::Reject;
    };
    let (start, n_name) = match read_range(hay, caps, whole.start()) {
        RangeRead::Single | RangeRead::Range => (whole.start(), Part::N1),
        RangeRead::Split => match caps.get(Part::R2) {
            // "from 5 to 6 pct": only the second figure is a percentage.
            Some(r2) => (r2.start(), Part::N2),
            None => return Verdict::Reject,
        },
    };
    match caps.get(n_name).and_then(|m| number(m.as_str(), 0)) {
        Some(v) => Verdict::Keep(Quantity {
            start,
            end: whole.end(),
            kind: QuantityKind::Percent(v),
        }),
        None => Verdict::Reject,
    }
}

#[cfg(test)]
mod tests {
    use super::patterns::factor;
    use super::*;

    /// Every multiplier word and letter reads as its exponent, in any case
    /// and after spaces or a hyphen; anything else as none.
    #[test]
    fn multipliers_read_their_exponents() {
        for &(name, exp) in MULT_WORDS.iter().chain(MULT_LETTERS) {
            assert_eq!(multiplier(name), exp, "{name}");
            assert_eq!(
                multiplier(&format!(" {}", name.to_uppercase())),
                exp,
                "{name}"
            );
            assert_eq!(multiplier(&format!("-{name}")), exp, "{name}");
        }
        assert_eq!(multiplier(" billion"), 9);
        assert_eq!(multiplier("mln"), 6);
        assert_eq!(multiplier(" dozen"), 0);
    }

    /// The embedded DFAs are the ones their patterns compile to now (a
    /// pattern changed without the build script run again would differ),
    /// and so is the bound of the currency lead.
    #[test]
    fn embedded_automata_match_their_patterns() {
        let embedded = [
            SUFFIX_MONEY_DFA,
            PERCENT_DFA,
            PREFIX_MONEY_DFA,
            PREFIX_LEAD_DFA,
        ];
        for ((file, pattern), bytes) in automata::DFAS.into_iter().zip(embedded) {
            let dfa = automata::dfa(&pattern());
            let (built, pad) = dfa.to_bytes_native_endian();
            assert!(built[pad..] == bytes.bytes, "{file}");
        }
        assert_eq!(automata::lead_max_len().unwrap_or(usize::MAX), LEAD_MAX_LEN);
    }

    /// Expected value of a positive example.
    #[derive(Clone, Copy, Debug)]
    enum Want {
        /// USD money, not per share.
        Usd(f64),
        /// USD money per share.
        UsdShare(f64),
        /// Non-USD money.
        Foreign,
        /// Non-USD money per share.
        ForeignShare,
        /// A percentage.
        Pct(f64),
    }
    use Want::*;

    /// (input, expected value, expected matched text).
    const POSITIVES: &[(&str, Want, &str)] = &[
        ("a deal worth $14.3 billion.", Usd(14.3e9), "$14.3 billion"),
        (
            "the unwelcome two billion dlr bid",
            Usd(2e9),
            "two billion dlr",
        ),
        (
            "paid half a billion dollars for it",
            Usd(0.5e9),
            "half a billion dollars",
        ),
        (
            "a Three-million U.S. dlrs loan",
            Usd(3e6),
            "Three-million U.S. dlrs",
        ),
        ("a deal worth $14.3bn.", Usd(14.3e9), "$14.3bn"),
        ("valued at $15B", Usd(15e9), "$15B"),
        ("valued at $10B, sources said", Usd(10e9), "$10B"),
        ("raised $500M in funding", Usd(500e6), "$500M"),
        ("raised $500 million in funding", Usd(500e6), "$500 million"),
        ("for US$1.2 billion", Usd(1.2e9), "US$1.2 billion"),
        ("for U.S.$1.2 billion", Usd(1.2e9), "U.S.$1.2 billion"),
        ("for USD 3 million", Usd(3e6), "USD 3 million"),
        ("for USD3 million", Usd(3e6), "USD3 million"),
        ("for US$ 5 million", Usd(5e6), "US$ 5 million"),
        ("net was 4.1 mln dlrs", Usd(4_100_000.0), "4.1 mln dlrs"),
        (
            "1.5 billion Hong Kong dlrs",
            Foreign,
            "1.5 billion Hong Kong dlrs",
        ),
        ("EPS $0.45/share.", UsdShare(0.45), "$0.45/share"),
        ("paid $1,250,000 in cash", Usd(1_250_000.0), "$1,250,000"),
        ("sold for 15 mln dlrs.", Usd(15e6), "15 mln dlrs"),
        ("sold for 15 MLN DLRS", Usd(15e6), "15 MLN DLRS"),
        ("for 15.5 mln U.S. dlrs", Usd(15.5e6), "15.5 mln U.S. dlrs"),
        ("for 1.2 billion dlrs", Usd(1.2e9), "1.2 billion dlrs"),
        ("for 1.2 bln dlrs", Usd(1.2e9), "1.2 bln dlrs"),
        ("paid 500,000 dlrs", Usd(500_000.0), "500,000 dlrs"),
        ("paid 15 million dollars", Usd(15e6), "15 million dollars"),
        ("earned 12 cts a share", UsdShare(0.12), "12 cts a share"),
        ("Shr profit 12 cts", Usd(0.12), "12 cts"),
        (
            "offered 52 dlrs per share",
            UsdShare(52.0),
            "52 dlrs per share",
        ),
        ("offered 69 dlrs a share", UsdShare(69.0), "69 dlrs a share"),
        ("offered $20 a share", UsdShare(20.0), "$20 a share"),
        ("offered $4.50 per share", UsdShare(4.5), "$4.50 per share"),
        (
            "at $4.50 per common share",
            UsdShare(4.5),
            "$4.50 per common share",
        ),
        ("bought at $30 each", UsdShare(30.0), "$30 each"),
        ("bought at 30 dlrs each", UsdShare(30.0), "30 dlrs each"),
        ("costing about $2 billion", Usd(2e9), "$2 billion"),
        ("more than $1 billion", Usd(1e9), "$1 billion"),
        ("between $1 and $2 billion", Usd(1e9), "$1 and $2 billion"),
        (
            "between $1 billion and $2 billion",
            Usd(1e9),
            "$1 billion and $2 billion",
        ),
        ("$1-$2 billion", Usd(1e9), "$1-$2 billion"),
        ("$1-2 billion", Usd(1e9), "$1-2 billion"),
        ("$1 to $2 billion", Usd(1e9), "$1 to $2 billion"),
        (
            "between 1 and 2 billion dlrs",
            Usd(1e9),
            "1 and 2 billion dlrs",
        ),
        ("a $5-billion deal", Usd(5e9), "$5-billion"),
        ("debt of $2 trillion", Usd(2e12), "$2 trillion"),
        ("debt of $2 tn", Usd(2e12), "$2 tn"),
        ("pays $300k a year", Usd(300e3), "$300k"),
        ("pays $300 thousand", Usd(300e3), "$300 thousand"),
        ("bid £5bn for", Foreign, "£5bn"),
        ("bid £1.2 billion for", Foreign, "£1.2 billion"),
        ("bid €2 billion for", Foreign, "€2 billion"),
        ("bid 5 billion euros for", Foreign, "5 billion euros"),
        ("bid 20 mln stg for", Foreign, "20 mln stg"),
        (
            "bid 20 mln pounds sterling",
            Foreign,
            "20 mln pounds sterling",
        ),
        ("bid 10 billion yen for", Foreign, "10 billion yen"),
        ("bid ¥10 billion for", Foreign, "¥10 billion"),
        ("bid C$50 mln for", Foreign, "C$50 mln"),
        (
            "bid 50 mln Canadian dlrs for",
            Foreign,
            "50 mln Canadian dlrs",
        ),
        (
            "bid 50 mln Australian dlrs",
            Foreign,
            "50 mln Australian dlrs",
        ),
        ("bid HK$1 billion for", Foreign, "HK$1 billion"),
        ("bid A$1 billion for", Foreign, "A$1 billion"),
        ("bid 2 billion francs for", Foreign, "2 billion francs"),
        (
            "bid 2 billion Swiss francs",
            Foreign,
            "2 billion Swiss francs",
        ),
        ("bid 1.5 billion marks for", Foreign, "1.5 billion marks"),
        (
            "bid 1.5 billion West German marks",
            Foreign,
            "1.5 billion West German marks",
        ),
        ("bid DM 1.5 billion for", Foreign, "DM 1.5 billion"),
        ("paid 25 pence a share", ForeignShare, "25 pence a share"),
        ("holds 49% of", Pct(49.0), "49%"),
        ("holds 49 % of", Pct(49.0), "49 %"),
        ("rose 9.5 pct in", Pct(9.5), "9.5 pct"),
        ("ROSE 9.5 PCT IN", Pct(9.5), "9.5 PCT"),
        ("holds 49 percent of", Pct(49.0), "49 percent"),
        ("holds 49 per cent of", Pct(49.0), "49 per cent"),
        ("a 4.5-pct stake", Pct(4.5), "4.5-pct"),
        ("a 49 pct-owned unit", Pct(49.0), "49 pct"),
        ("between 5 and 6 pct", Pct(5.0), "5 and 6 pct"),
        ("a 5-6 pct rise", Pct(5.0), "5-6 pct"),
        ("a 0.25% fee", Pct(0.25), "0.25%"),
        ("(49%)", Pct(49.0), "49%"),
    ];

    /// Texts with no quantity at all.
    const NEGATIVES: &[&str] = &[
        "In 1987 the company grew.",
        "The 1987 results were strong.",
        "1987 marks the tenth year.",
        "in 1987 dollars",
        "On Jan 5 the board met.",
        "It raised a Series B round.",
        "several tens of millions of dollars",
        "Someone million dlrs",
        "3M Co said.",
        "The 4G network.",
        "Call 212-555-1234 now.",
        "Call (212) 555-1234 now.",
        "It has 1,000 employees.",
        "It sold 500 cars.",
        "weighs 500 pounds",
        "Chapter 11 protection",
        "the 737 jet",
        "No digits here at all.",
        "version 2.5 released",
        "B747 and A320",
        "between 10 and 20 employees",
        "sold 3 million shares",
        "USDA 5 rules",
        "",
    ];

    fn check(text: &str, want: Want, matched: &str) {
        let qs = find_quantities(text, 0..text.len());
        assert_eq!(qs.len(), 1, "{text:?}: {qs:?}");
        let q = &qs[0];
        assert_eq!(&text[q.start..q.end], matched, "{text:?}");
        // Amounts are parsed with a decimal exponent, so they are exact.
        #[allow(clippy::float_cmp)]
        let close = |a: f64, b: f64| a == b;
        match (want, q.kind) {
            (
                Usd(v),
                QuantityKind::Money {
                    usd: Some(u),
                    per_share: false,
                },
            )
            | (
                UsdShare(v),
                QuantityKind::Money {
                    usd: Some(u),
                    per_share: true,
                },
            )
            | (Pct(v), QuantityKind::Percent(u)) => {
                assert!(close(u, v), "{text:?}: got {u}, want {v}");
            }
            (
                Foreign,
                QuantityKind::Money {
                    usd: None,
                    per_share: false,
                },
            )
            | (
                ForeignShare,
                QuantityKind::Money {
                    usd: None,
                    per_share: true,
                },
            ) => {}
            (w, k) => panic!("{text:?}: want {w:?}, got {k:?}"),
        }
    }

    #[test]
    fn positives() {
        for &(text, want, matched) in POSITIVES {
            check(text, want, matched);
        }
    }

    #[test]
    fn negatives() {
        for text in NEGATIVES {
            let qs = find_quantities(text, 0..text.len());
            assert!(qs.is_empty(), "{text:?}: {qs:?}");
        }
    }

    #[test]
    fn two_figures_are_not_a_range() {
        let text = "shares rose 1.50 dlrs to 30.25 dlrs, or $1.50 to $30.25";
        let got: Vec<&str> = find_quantities(text, 0..text.len())
            .iter()
            .map(|q| &text[q.start..q.end])
            .collect();
        assert_eq!(got, ["1.50 dlrs", "30.25 dlrs", "$1.50", "$30.25"]);

        let text = "profit rose $1 billion to $5 billion";
        let qs = find_quantities(text, 0..text.len());
        assert_eq!(qs.len(), 2, "{qs:?}");
        assert_eq!(
            qs[1].kind,
            QuantityKind::Money {
                usd: Some(5e9),
                per_share: false
            }
        );

        let text = "rose 0.5 pct to 3.2 pct";
        let qs = find_quantities(text, 0..text.len());
        assert_eq!(qs.len(), 2, "{qs:?}");
        assert_eq!(qs[1].kind, QuantityKind::Percent(3.2));
    }

    #[test]
    fn several_in_one_sentence_sorted_and_absolute() {
        let text = "XYZ. Acme bought a 49 pct stake in Beta for 15 mln dlrs, or 12 cts a share.";
        let start = text.find("Acme").unwrap();
        let qs = find_quantities(text, start..text.len());
        let got: Vec<&str> = qs.iter().map(|q| &text[q.start..q.end]).collect();
        assert_eq!(got, ["49 pct", "15 mln dlrs", "12 cts a share"]);
        assert!(qs.windows(2).all(|w| w[0].end <= w[1].start));
    }

    #[test]
    fn range_bounds_are_respected() {
        let text = "paid $5 billion. Then 10 pct.";
        let end = text.find('.').unwrap();
        let qs = find_quantities(text, 0..end);
        assert_eq!(qs.len(), 1);
        let qs = find_quantities(text, end..text.len());
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].kind, QuantityKind::Percent(10.0));
        // Cut inside the amount: no quantity extends past the range end.
        let qs = find_quantities(text, 0..8);
        assert!(qs.iter().all(|q| q.end <= 8), "{qs:?}");
    }

    #[test]
    fn currency_codes_are_two_or_three_letters() {
        // `may_follow_prefix` tells words apart by this length.
        assert!(
            patterns::CURRENCY_CODES
                .split('|')
                .all(|c| (2..=3).contains(&c.len()))
        );
    }

    #[test]
    fn parse_usd_table() {
        let cases: &[(&str, Option<f64>)] = &[
            ("$14.3 billion", Some(14.3e9)),
            ("15 mln dlrs", Some(15e6)),
            ("$15B", Some(15e9)),
            ("about $2 billion", Some(2e9)),
            ("12 cts", Some(0.12)),
            ("£5bn", None),
            ("50 mln Canadian dlrs", None),
            ("49 pct", None),
            ("1987", None),
            ("", None),
        ];
        for &(s, want) in cases {
            let got = parse_usd(s);
            match (got, want) {
                (Some(g), Some(w)) => assert!((g - w).abs() <= 1e-9 * w, "{s:?}: {g} vs {w}"),
                (None, None) => {}
                _ => panic!("{s:?}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn number_without_exponent_parses_alike() {
        // The short path of `number` gives what the written exponent gives.
        let long = "9".repeat(400);
        for s in [
            "0",
            "5",
            "49.5",
            "0.1",
            "2.675",
            "9007199254740993",
            "1.7976931348623159",
            &long,
        ] {
            let written = format!("{s}e0")
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite());
            assert_eq!(
                number(s, 0).map(f64::to_bits),
                written.map(f64::to_bits),
                "{s}"
            );
        }
    }

    /// The scan [`scan`] replaces: `pattern` searched for unanchored from
    /// `from`, and again after each match.
    fn scan_unanchored(pattern: &Pattern, hay: &str, from: usize) -> Vec<Quantity> {
        let mut out = Vec::new();
        let re = pattern.with_groups();
        let mut caps = re.create_captures();
        let mut pos = from;
        while pos < hay.len() {
            re.search_captures(&Input::new(hay).range(pos..), &mut caps);
            let Some(groups) = Groups::from_captures(hay, &caps) else {
                break;
            };
            pos = groups.whole.start + 1;
            if let Verdict::Keep(q) = (pattern.decide)(hay, &groups) {
                pos = pos.max(q.end);
                out.push(q);
            }
            while pos < hay.len() && !hay.is_char_boundary(pos) {
                pos += 1;
            }
        }
        out
    }

    /// Asserts that the anchored scan of every pattern finds what the
    /// unanchored one finds, in `text[..end]` from every `from`.
    fn assert_scans_agree(text: &str) {
        for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let hay = &text[..end];
            for from in (0..=end).filter(|&i| hay.is_char_boundary(i)) {
                let figures = figure_starts(hay, from);
                for pattern in [&*PREFIX_MONEY, &*SUFFIX_MONEY, &*PERCENT] {
                    let mut anchored = Vec::new();
                    scan(pattern, hay, &figures, from, &mut anchored);
                    assert_eq!(
                        anchored,
                        scan_unanchored(pattern, hay, from),
                        "{hay:?} from {from}"
                    );
                }
            }
        }
    }

    #[test]
    fn anchored_scan_is_exact() {
        // Longest currency leads (Kelvin sign and long s fold to k and s,
        // ideographic spaces are white space), leads glued to words and
        // figures, figures glued to words.
        let tricky = [
            "H\u{212A}D\u{3000}\u{3000}5 million",
            "xH\u{212A}D\u{3000}\u{3000}5 million",
            "U.\u{17F}.$\u{3000}5 billion",
            "x\u{17F}G$5 and \u{17F}G$ 6",
            "a1 $5, 5$5 and US$5US$6 or USD5 or AUSD 5",
            "\u{20A3}\u{3000}7 bln, \u{a3}5,000 and \u{a5}12.5bn",
            "x5 pct, _5 pct, 5x pct, \u{e9}5 pct, 12 34 pct and 1,2 dlrs",
            "rose 1.50 dlrs to 30.25 dlrs, or $1.50 to $30.25; 5-6 pct",
            "between $5 and 6 employees, between 5 and 6 pct, USD 7-8 mln",
            "usd\t\n5 mln, Dm5, x yen 5 and yen   6, 5usd 7, _SFR 8, stg\u{b}\u{c}9",
            "U\u{17F}D 5, \u{17F}FR 6, HK\u{212A}D\u{a0} 7, HKD \u{a0}8, ($ 9), (dm)10",
            // Percentages behind connectors, dashes, odd spaces and cases,
            // and past the lookahead of `may_open_percent`.
            "between 5 TO 6 %, 5\u{2013}6 pct, 5\u{3000}PCT, between 5 AnD\u{a0}6 Per Cent",
            "between 5 to6 pct, between 5,000 and 6,000.5 pct, between 5.5\t-\n6 pct",
            "7 t pct, 8 ando pct, 9 -  - pct, 1,2.3 - 4 %, 5\u{b}-\u{c}pct, 6\r\n%",
            "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 pct",
            "1,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000,000.5 pct",
        ];
        let mut texts: Vec<&str> = tricky.to_vec();
        texts.extend(POSITIVES.iter().map(|&(text, _, _)| text));
        texts.extend(NEGATIVES);
        for text in texts {
            assert_scans_agree(text);
        }
    }

    /// The tests' fixed pseudo-random sequence, with a pick from a list.
    struct Rng(crate::test_rng::XorShift);

    impl Rng {
        /// A number below `n`.
        fn below(&mut self, n: usize) -> usize {
            self.0.below(n)
        }

        /// One of `items`.
        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
    }

    /// Texts made of the pieces of the money and percent patterns, right
    /// and slightly wrong, in odd cases and spacings.
    fn generated_texts(count: usize) -> Vec<String> {
        let nums = [
            "5",
            "12",
            "1987",
            "1,250",
            "1,250,000",
            "12.5",
            "1,250.75",
            "1,23",
            "1234,567",
            "5.",
            "0.25",
            "12,345,67",
            "3.4.5",
        ];
        let mults = [
            "",
            "",
            "",
            " mln",
            "mln",
            "-million",
            "  billion",
            "    mln",
            "m",
            "b",
            "k",
            "bn",
            " thousand",
            "-bln",
            " tn",
            "M",
            " m",
            "mx",
            " billions",
            "- mln",
            " Mn",
        ];
        let conns = [
            "", "", "", "-", " - ", " to ", " and ", "  to   ", "    to ", " -", "- ", "to",
            " and", "    -  ",
        ];
        let spaces = ["", " ", "  ", "   ", "    ", "\t", " \n", "\u{b}"];
        let quals: Vec<String> = QUAL
            .split('|')
            .map(|w| {
                w.replace(r"\s+", "  ")
                    .replace(r"\s?", " ")
                    .replace('\\', "")
            })
            .chain(["U.S.", "Swiss", "Taiwan", "New  Zealand", "x"].map(String::from))
            .collect();
        let curs: Vec<String> = SUFFIX
            .split('|')
            .map(|w| {
                w.replace(r"\s+", "   ")
                    .replace(r"\s?", "")
                    .replace('\\', "")
            })
            .chain(
                [
                    "dlrsx",
                    "swiss    francs",
                    "Swiss francs",
                    "U.S. dlrs",
                    "US   dollars",
                    "U. S.  dlrs",
                    "u.s.dlrs",
                ]
                .map(String::from),
            )
            .collect();
        let tails = [
            "",
            "",
            "",
            " a share",
            " per share",
            " per common share",
            " each",
            "/shr",
            " / share",
            " a class  b share",
            " pct",
            "s",
            ".",
            " x",
            "_",
            "-",
            " ps",
        ];
        let prefixes = [
            "$", "$ ", "US$", "U.S.$", "u.s.$ ", "C$", "HK$", "xUS$", "USD ", "usd", "DM  ", "Dm",
            "YEN\t", "SFR", "USDA ", "US ", "_$",
        ];
        let mut rng = Rng(crate::test_rng::XorShift::new(0x5eed));
        (0..count)
            .map(|_| {
                let mut t = String::new();
                t.push_str(rng.pick(&["", "", "x", " ", "between ", "$", "a-"]));
                if rng.below(4) == 0 {
                    t.push_str(rng.pick(&prefixes));
                }
                t.push_str(rng.pick(&nums));
                t.push_str(rng.pick(&mults));
                if rng.below(3) == 0 {
                    t.push_str(rng.pick(&conns));
                    if rng.below(3) == 0 {
                        t.push_str(rng.pick(&prefixes));
                    }
                    t.push_str(rng.pick(&nums));
                    t.push_str(rng.pick(&mults));
                }
                t.push_str(rng.pick(&spaces));
                if rng.below(3) == 0 {
                    t.push_str(rng.pick(&[
                        "pct", "%", "percent", "per cent", "-pct", "- pct", "percentx", "PerCent",
                    ]));
                } else {
                    if rng.below(2) == 0 {
                        t.push_str(&quals[rng.below(quals.len())]);
                        t.push_str(rng.pick(&spaces));
                    }
                    t.push_str(&curs[rng.below(curs.len())]);
                }
                t.push_str(rng.pick(&tails));
                match rng.below(4) {
                    0 => t.to_uppercase(),
                    1 => t.to_lowercase(),
                    _ => t,
                }
            })
            .collect()
    }

    #[test]
    fn readers_agree_with_capture_groups() {
        let mut texts = generated_texts(40_000);
        texts.extend(POSITIVES.iter().map(|&(text, _, _)| text.to_string()));
        texts.extend(NEGATIVES.iter().map(|text| text.to_string()));
        // Every word of the literal alternations is kept by its letter.
        for (words, alternation) in [
            (&*QUAL_WORDS, QUAL),
            (&*SUFFIX_WORDS, SUFFIX),
            (&*DOLLAR_PREFIX_WORDS, patterns::DOLLAR_PREFIXES),
            (&*CURRENCY_CODE_WORDS, patterns::CURRENCY_CODES),
            (&*US_WORDS, patterns::US),
            (&*DOLLAR_WORDS, patterns::DOLLARS),
        ] {
            let kept: usize = words.0.iter().map(Vec::len).sum();
            assert_eq!(kept, alternation.split('|').count());
        }
        for pattern in [&*PREFIX_MONEY, &*SUFFIX_MONEY, &*PERCENT] {
            let read = pattern.read;
            let re = pattern.with_groups();
            let mut caps = re.create_captures();
            let mut read_count = 0;
            for text in &texts {
                for end in [text.len(), text.len().saturating_sub(3)] {
                    let Some(hay) = text.get(..end) else {
                        continue;
                    };
                    // Every figure, or every place for a currency prefix.
                    let starts: Vec<usize> = match pattern.starts {
                        Starts::WordNumber { .. } => figure_starts(hay, 0),
                        Starts::Lead { .. } => (0..hay.len())
                            .filter(|&i| hay.is_char_boundary(i))
                            .collect(),
                    };
                    for start in starts {
                        let input = Input::new(hay).range(start..).anchored(Anchored::Yes);
                        re.search_captures(&input, &mut caps);
                        let want = Groups::from_captures(hay, &caps);
                        let end = match_end(&pattern.ends, &input);
                        assert_eq!(
                            end,
                            want.as_ref().map(|g| g.whole.end),
                            "{hay:?} at {start}"
                        );
                        let Some(want) = want else {
                            continue;
                        };
                        // The readers are given ASCII matches only.
                        if !hay.as_bytes()[want.whole.range()].is_ascii() {
                            continue;
                        }
                        let got = read(hay.as_bytes(), want.whole);
                        assert_eq!(got, Some(want.parts), "{hay:?} at {start}");
                        read_count += 1;
                    }
                }
            }
            // The texts exercise the readers well.
            assert!(read_count > 3_000, "{read_count}");
        }
    }

    #[test]
    fn factored_alternations_match_alike() {
        assert_eq!(factor("dlrs|dlr|dollars"), "d(?:l(?:r(?:s|))|ollars)");
        assert_eq!(factor(r"a|\s|ab|b?c|bd"), r"a|\s|ab|b?c|bd");
        // Every word, in odd cases, after a figure and qualifier, and a
        // few near misses: the factored pattern reads them the same way.
        let plain = compile_groups(&format!(
            r"(?i)[0-9]+ (?:(?P<q>{QUAL}) )?(?P<cur>{SUFFIX})(?-u:\b)"
        ));
        let factored = compile_groups(&format!(
            r"(?i)[0-9]+ (?:(?P<q>{}) )?(?P<cur>{})(?-u:\b)",
            factor(QUAL),
            factor(SUFFIX)
        ));
        let words = |alts: &'static str| {
            alts.split('|')
                .map(|w| {
                    w.replace(r"\s+", "  ")
                        .replace(r"\s?", "")
                        .replace('\\', "")
                })
                .collect::<Vec<_>>()
        };
        let (quals, curs) = (words(QUAL), words(SUFFIX));
        let mut texts = Vec::new();
        for cur in &curs {
            for q in quals.iter().map(String::as_str).chain(["", "x"]) {
                for tail in ["", "s", " x", "-"] {
                    let text = format!("5 {q} {cur}{tail}");
                    texts.push(text.to_uppercase());
                    texts.push(text.replace('s', "\u{17F}"));
                    texts.push(text);
                }
            }
        }
        let (mut a, mut b) = (plain.create_captures(), factored.create_captures());
        for text in &texts {
            plain.captures(text.as_str(), &mut a);
            factored.captures(text.as_str(), &mut b);
            for group in [None, Some("q"), Some("cur")] {
                let span = |c: &Captures| match group {
                    None => c.get_match().map(|m| m.span()),
                    Some(name) => c.get_group_by_name(name),
                };
                assert_eq!(span(&a), span(&b), "{text:?} {group:?}");
            }
        }
    }

    #[test]
    fn figure_starts_finds_each_run() {
        let text = "a1 22,333.4 x56789012345 $7";
        let want: Vec<usize> = (0..text.len())
            .filter(|&i| {
                let b = text.as_bytes();
                b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit())
            })
            .collect();
        assert_eq!(figure_starts(text, 0), want);
        assert_eq!(figure_starts(text, 5), [6, 10, 13, 26]);
        assert_eq!(figure_starts(text, 14), [26]);
        // Eight bytes at a time: every offset and length, digits at the
        // chunk edges, bytes next to the digit range, non-ASCII text.
        let text = "ab/:9 0123456789x\u{e9}7 \u{b0}12345678 zz 9999999999 /0:9";
        for from in 0..text.len() {
            for end in from..=text.len() {
                let Some(hay) = text.get(..end) else {
                    continue;
                };
                let b = hay.as_bytes();
                let want: Vec<usize> = (from..b.len())
                    .filter(|&i| b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()))
                    .collect();
                assert_eq!(figure_starts(hay, from), want, "{hay:?} from {from}");
            }
        }
    }

    #[test]
    fn no_panics_on_odd_input() {
        let texts = [
            "é$5é",
            "£",
            "€€5",
            "5 %%",
            "$",
            "$,",
            "1,",
            "日本 10 billion yen 円",
            "$1e400",
            "99999999999999999999999999999999999999 dlrs",
        ];
        for t in texts {
            for s in 0..=t.len() + 2 {
                for e in 0..=t.len() + 2 {
                    for q in find_quantities(t, s..e) {
                        assert!(t.is_char_boundary(q.start) && t.is_char_boundary(q.end));
                        assert!(q.start < q.end && q.end <= t.len());
                    }
                }
            }
            let _ = parse_usd(t);
        }
    }

    /// An amount in words right after a non-ASCII char (a curly quote, an
    /// accented letter) is read, and does not split a char.
    #[test]
    fn word_money_after_non_ascii() {
        let text = "x\u{e9} billion dlrs";
        assert!(find_quantities(text, 0..text.len()).is_empty());
        let text = "\u{201c}two billion dlrs\u{201d}";
        let qs = find_quantities(text, 0..text.len());
        assert_eq!(qs.len(), 1, "{qs:?}");
        assert_eq!(&text[qs[0].start..qs[0].end], "two billion dlrs");
    }

    /// The regex run at the places a multiplier word starts finds the
    /// matches of its search over the whole text.
    #[test]
    fn word_money_matches_are_the_searched_ones() {
        let mut texts = generated_texts(300);
        texts.extend(
            [
                "two BILLION DLRS and a Million U.S. dollars, half a bln dlr",
                "mmln dlrs, bbillion dollars, amln dlrs, 5mln dlrs, x\u{e9}mln dlrs",
                "mln  US  dlrs mln dlrs  mlnmln dlrs billion\tdollars",
                "\u{17f}mln dlrs, mln dlrsx, BiLlIoN DoLlArS, ln illion mln",
            ]
            .map(String::from),
        );
        let mut found = 0;
        for text in &texts {
            for from in [0, text.len() / 3, text.len() / 2] {
                if !text.is_char_boundary(from) {
                    continue;
                }
                let want: Vec<Span> = WORD_MONEY
                    .find_iter(Input::new(text).range(from..))
                    .map(|m| m.span())
                    .collect();
                let lower = text.to_ascii_lowercase();
                let got = word_money_matches(text, lower.as_bytes(), from);
                assert_eq!(got, want, "{text:?} from {from}");
                found += want.len();
            }
        }
        assert!(found >= 10, "{found} matches");
    }
}
