//! The sentence splitter.
//!
//! Works on tokens and the white space between them:
//! - a blank line always ends a sentence (so a title without a full stop is
//!   a sentence of its own, flagged [`Sentence::headline`]);
//! - a newline followed by an indent ends a sentence (Reuters paragraphs);
//! - a single newline ends a sentence unless the text is hard-wrapped
//!   (most lines 40-80 characters long, as in Reuters), where it is a space;
//! - `.`, `?` and `!` end a sentence before a capital, quote or digit,
//!   except after never-final abbreviations (Mr., Dr., Jan., initials) and,
//!   after possibly-final ones (Inc., Corp., U.S.), unless the next word is
//!   a likely sentence opener;
//! - over-long sentences are cut at [`MAX_SENTENCE_BYTES`].

use super::tokens::{Token, TokenKind};

/// Sentences longer than this are cut (a pathological text cannot make a
/// sentence, and so relation pairing, unbounded).
pub const MAX_SENTENCE_BYTES: usize = 10_000;

/// A sentence: a range of tokens and the byte range it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Index of the first token.
    pub first: usize,
    /// Index one past the last token.
    pub last: usize,
    /// Byte offset of the start.
    pub start: usize,
    /// Byte offset of the end.
    pub end: usize,
    /// Whether this is the document's title (first block, before a blank
    /// line, without a full stop of its own).
    pub headline: bool,
    /// Whether the letters of the sentence are (almost) all capitals.
    pub all_caps: bool,
}

const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "gov", "rep", "gen", "st", "no", "vs", "prof", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "lt", "col", "capt",
    "sgt", "rev", "messrs", "approx", "e.g", "i.e", "fig", "jr", "sr",
];

const POSSIBLY_FINAL: &[&str] = &[
    "inc", "corp", "co", "ltd", "bros", "plc", "llc", "cos", "u.s.", "u.k.", "s.a.", "n.v.",
    "l.p.", "a.m.", "p.m.", "etc", "jr", "sr",
];

const OPENERS: &[&str] = &[
    "the",
    "a",
    "an",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "in",
    "on",
    "at",
    "but",
    "and",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "their",
    "shares",
    "according",
    "after",
    "last",
    "under",
    "while",
    "as",
    "for",
    "if",
    "when",
    "however",
    "also",
    "meanwhile",
    "analysts",
    "earlier",
    "terms",
    "details",
    "separately",
    "both",
    "one",
    "some",
    "the",
    "our",
    "company",
    "officials",
    "yesterday",
    "today",
    "net",
    "revenue",
    "sales",
    "profit",
];

/// Splits tokens into sentences.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let wrapped = is_hard_wrapped(text);
    let first_blank = text.find("\n\n").or_else(|| text.find("\r\n\r\n"));
    let mut out = Vec::new();
    let mut begin = 0;
    for i in 0..tokens.len() {
        let next = tokens.get(i + 1);
        let brk = match next {
            None => true,
            Some(nx) => {
                let gap = &text[tokens[i].end..nx.start];
                boundary(text, tokens, i, gap, wrapped)
                    || tokens[i].end - tokens[begin].start > MAX_SENTENCE_BYTES
            }
        };
        if brk {
            let start = tokens[begin].start;
            let end = tokens[i].end;
            let headline = out.is_empty() && first_blank.is_some_and(|b| end <= b);
            out.push(Sentence {
                first: begin,
                last: i + 1,
                start,
                end,
                headline,
                all_caps: all_caps(&text[start..end]),
            });
            begin = i + 1;
        }
    }
    out
}

fn boundary(text: &str, tokens: &[Token], i: usize, gap: &str, wrapped: bool) -> bool {
    // Gaps are short: count bytes rather than set up a string searcher.
    let newlines = gap.bytes().filter(|&b| b == b'\n').count();
    if newlines >= 2 {
        return true;
    }
    if newlines == 1 {
        let after = gap.rfind('\n').map_or(gap, |nl| &gap[nl + 1..]);
        if after.len() >= 2 || after.contains('\t') || !wrapped {
            return true;
        }
    }
    let t = tokens[i];
    // Words, numbers and markup (most tokens) start with a letter, digit or
    // `<`: none of the marks below, so never a boundary past the gap.
    if matches!(
        t.kind,
        TokenKind::Word | TokenKind::Number | TokenKind::Markup
    ) {
        return false;
    }
    let word = t.text(text);
    if !matches!(word, "." | "?" | "!") {
        // A closing quote or bracket after a full stop ends the sentence.
        if word == "]" && !gap.is_empty() && after_citations(text, tokens, i) {
            return next_starts_sentence(text, tokens, i + 1);
        }
        if matches!(word, "\"" | "”" | "’" | ")" | "'") && i > 0 {
            let p = tokens[i - 1].text(text);
            if matches!(p, "." | "?" | "!") && !gap.is_empty() {
                return next_starts_sentence(text, tokens, i + 1);
            }
        }
        return false;
    }
    if gap.is_empty() {
        // A citation mark or closing quote follows: decided there.
        return false;
    }
    // Next token must open a sentence.
    if !next_starts_sentence(text, tokens, i + 1) {
        return false;
    }
    if word != "." || i == 0 {
        return true;
    }
    let prev = tokens[i - 1];
    if prev.end != t.start {
        return true;
    }
    let pw = prev.text(text).to_ascii_lowercase();
    if prev.kind == TokenKind::Word {
        if NEVER_FINAL.contains(&pw.as_str()) {
            return false;
        }
        // A single capital initial (J. Okafor).
        if pw.chars().count() == 1 && prev.text(text).chars().all(|c| c.is_uppercase()) {
            return false;
        }
        if POSSIBLY_FINAL.contains(&pw.as_str()) || pw.ends_with('.') {
            let nx = tokens
                .get(i + 1)
                .map(|n| n.text(text).to_ascii_lowercase())
                .unwrap_or_default();
            return OPENERS.contains(&nx.as_str());
        }
    }
    true
}

/// Whether token `i` closes a run of citation marks (`[1][2]`) that follows
/// a full stop.
fn after_citations(text: &str, tokens: &[Token], mut i: usize) -> bool {
    loop {
        // Expect "[" NUMBER "]" ending at i.
        if i < 2 || tokens[i - 1].kind != TokenKind::Number || tokens[i - 2].text(text) != "[" {
            return false;
        }
        if i < 3 {
            return false;
        }
        let before = tokens[i - 3].text(text);
        if matches!(before, "." | "?" | "!") {
            return true;
        }
        if before != "]" {
            return false;
        }
        i -= 3;
    }
}

fn next_starts_sentence(text: &str, tokens: &[Token], j: usize) -> bool {
    let Some(nx) = tokens.get(j) else {
        return true;
    };
    let s = nx.text(text);
    let c = s.chars().next().unwrap_or(' ');
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '"' | '“' | '\'' | '‘' | '(' | '[' | '$' | '£' | '€' | '<'
        )
}

/// Whether the letters of a sentence are (almost) all capitals.
fn all_caps(s: &str) -> bool {
    if s.is_ascii() {
        return all_caps_ascii(s.as_bytes());
    }
    let upper = s.chars().filter(|c| c.is_uppercase()).count();
    let lower = s.chars().filter(|c| c.is_lowercase()).count();
    upper >= 4 && lower * 10 <= upper
}

/// [`all_caps`] of an ASCII text, counted byte by byte without decoding
/// chars, a block at a time: the count stops as soon as the lower-case
/// letters so far outnumber ten times all the capitals there can be, which
/// in running text (most sentences) is within the first block.
fn all_caps_ascii(s: &[u8]) -> bool {
    // Sums of 0/1 in 32 bits, which the compiler vectorises (filtered
    // counts it did not); a block is far under 4 GB.
    let count = |block: &[u8], range: std::ops::RangeInclusive<u8>| -> usize {
        let n: u32 = block.iter().map(|&b| u32::from(range.contains(&b))).sum();
        n as usize
    };
    let (mut upper, mut lower) = (0, 0);
    let mut rest = s.len();
    for block in s.chunks(64) {
        upper += count(block, b'A'..=b'Z');
        lower += count(block, b'a'..=b'z');
        rest -= block.len();
        // Even if every byte left were a capital, too many are lower case.
        if lower * 10 > upper + rest {
            return false;
        }
    }
    upper >= 4 && lower * 10 <= upper
}

/// Whether the text's lines look hard-wrapped (Reuters): most non-empty
/// lines are 40-80 characters long and some lines continue a sentence.
fn is_hard_wrapped(text: &str) -> bool {
    let mut lines = 0usize;
    let mut mid = 0usize;
    // In ASCII text (most news) a line's length is its count of chars.
    let ascii = text.is_ascii();
    // As `lines()` with its blank lines skipped: a line's `\r` is trimmed
    // with its trailing white space, and a trimmed line that is not empty
    // has something that is not white space.
    for line in text.split('\n') {
        let l = line.trim_end();
        if l.is_empty() {
            continue;
        }
        lines += 1;
        let n = if ascii { l.len() } else { l.chars().count() };
        if (40..=80).contains(&n) {
            mid += 1;
        }
    }
    lines >= 3 && mid * 10 >= lines * 6
}

#[cfg(test)]
mod tests {
    use super::super::analyze;

    fn sents(s: &str) -> Vec<String> {
        let a = analyze(s);
        a.sentences
            .iter()
            .map(|x| s[x.start..x.end].to_string())
            .collect()
    }

    #[test]
    fn cases() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Meta Platforms, Inc. bought it. Shares rose.",
                &["Meta Platforms, Inc. bought it.", "Shares rose."],
            ),
            (
                "Mr. Wang met Dr. Lee on Jan. 5. They agreed.",
                &["Mr. Wang met Dr. Lee on Jan. 5.", "They agreed."],
            ),
            (
                "Meta paid $14.3 billion. The U.S. Treasury said no.",
                &["Meta paid $14.3 billion.", "The U.S. Treasury said no."],
            ),
            (
                "Meta to buy Scale\n\nMeta said it would.",
                &["Meta to buy Scale", "Meta said it would."],
            ),
            (
                "It grew fast.[1][2] Then it slowed.",
                &["It grew fast.[1][2]", "Then it slowed."],
            ),
            (
                "He said “we will buy it.” The deal closed.",
                &["He said “we will buy it.”", "The deal closed."],
            ),
            (
                "Acme Corp. Chief Executive J. Doe resigned.",
                &["Acme Corp. Chief Executive J. Doe resigned."],
            ),
        ];
        for (input, want) in cases {
            assert_eq!(&sents(input), want, "input {input:?}");
        }
    }

    #[test]
    fn headline_and_wrapped_lines() {
        let text = "ACME TO BUY WIDGET CO\n\nAcme Corp said it agreed to buy Widget Co for 15 mln\ndlrs in cash, subject to approval by the boards of both of\nthe companies involved in the deal.\n    Acme said the deal should close in May.\n";
        let a = analyze(text);
        assert_eq!(a.sentences.len(), 3);
        assert!(a.sentences[0].headline && a.sentences[0].all_caps);
        assert!(!a.sentences[1].headline);
    }
}
