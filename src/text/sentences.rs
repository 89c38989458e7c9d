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
    let bytes = text.as_bytes();
    // Read once: every sentence of an ASCII text is ASCII.
    let ascii = text.is_ascii();
    let wrapped = if ascii {
        is_hard_wrapped_ascii(bytes)
    } else {
        is_hard_wrapped(text)
    };
    let first_blank =
        memchr::memmem::find(bytes, b"\n\n").or_else(|| memchr::memmem::find(bytes, b"\r\n\r\n"));
    let mut out = Vec::with_capacity(tokens.len() / 16 + 1);
    let mut begin = 0;
    let mut begin_start = tokens.first().map_or(0, |t| t.start);
    // Most tokens: a word, number or markup followed by nothing or one
    // space, never a boundary (see `boundary`); told from the gap's length
    // and at most one byte.
    let inside = |t: &Token, nx: &Token| {
        matches!(
            t.kind,
            TokenKind::Word | TokenKind::Number | TokenKind::Markup
        ) && (nx.start == t.end || (nx.start == t.end + 1 && bytes[t.end] == b' '))
    };
    let mut i = 0;
    while i < tokens.len() {
        // The tokens inside a sentence (not over-long yet) are passed over
        // in a loop of their own, which keeps its few values in registers.
        while let [t, nx, ..] = &tokens[i..] {
            if !inside(t, nx) || t.end - begin_start > MAX_SENTENCE_BYTES {
                break;
            }
            i += 1;
        }
        let t = &tokens[i];
        let brk = match tokens.get(i + 1) {
            None => true,
            Some(nx) => {
                // Byte ranges between tokens: no char boundary to check.
                (!inside(t, nx) && boundary(text, tokens, i, &bytes[t.end..nx.start], wrapped))
                    || t.end - begin_start > MAX_SENTENCE_BYTES
            }
        };
        if brk {
            let start = begin_start;
            let end = t.end;
            let headline = out.is_empty() && first_blank.is_some_and(|b| end <= b);
            out.push(Sentence {
                first: begin,
                last: i + 1,
                start,
                end,
                headline,
                all_caps: if ascii {
                    all_caps_ascii(&bytes[start..end])
                } else {
                    all_caps(&text[start..end])
                },
            });
            begin = i + 1;
            begin_start = tokens.get(begin).map_or(0, |t| t.start);
        }
        i += 1;
    }
    out
}

/// Whether a sentence ends after token `i`, given the white space `gap`
/// between it and the next token.
fn boundary(text: &str, tokens: &[Token], i: usize, gap: &[u8], wrapped: bool) -> bool {
    // Most gaps are nothing or one space: no newline to count.
    if !matches!(gap, [] | [b' ']) {
        // Gaps are short: count bytes rather than set up a string searcher.
        let newlines = gap.iter().filter(|&&b| b == b'\n').count();
        if newlines >= 2 {
            return true;
        }
        if newlines == 1 {
            let after = gap
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(gap, |nl| &gap[nl + 1..]);
            if after.len() >= 2 || after.contains(&b'\t') || !wrapped {
                return true;
            }
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
    let pw = prev.text(text);
    if prev.kind == TokenKind::Word {
        if in_list(NEVER_FINAL, pw) {
            return false;
        }
        // A single capital initial (J. Okafor).
        if pw.chars().count() == 1 && pw.chars().all(|c| c.is_uppercase()) {
            return false;
        }
        if in_list(POSSIBLY_FINAL, pw) || pw.ends_with('.') {
            let nx = tokens.get(i + 1).map_or("", |n| n.text(text));
            return in_list(OPENERS, nx);
        }
    }
    true
}

/// Whether `word`, its ASCII letters lower-cased, is in `list` (of
/// lower-case words): compared in place, without a lower-cased copy.
fn in_list(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
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
    // Sums of 0/1 in 8 bits (a block has 64 bytes), which the compiler
    // vectorises 16 bytes at a time (filtered counts it did not).
    let count = |block: &[u8], from: u8| -> usize {
        let n = block
            .iter()
            .fold(0u8, |n, &b| n + u8::from(b.wrapping_sub(from) < 26));
        usize::from(n)
    };
    let (mut upper, mut lower) = (0, 0);
    let mut rest = s.len();
    for block in s.chunks(64) {
        upper += count(block, b'A');
        lower += count(block, b'a');
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
    if text.is_ascii() {
        return is_hard_wrapped_ascii(text.as_bytes());
    }
    let mut lines = 0usize;
    let mut mid = 0usize;
    // As `lines()` with its blank lines skipped: a line's `\r` is trimmed
    // with its trailing white space, and a trimmed line that is not empty
    // has something that is not white space.
    for line in text.split('\n') {
        let l = line.trim_end();
        if l.is_empty() {
            continue;
        }
        lines += 1;
        if (40..=80).contains(&l.chars().count()) {
            mid += 1;
        }
    }
    lines >= 3 && mid * 10 >= lines * 6
}

/// [`is_hard_wrapped`] of an ASCII text (most news): lines found with
/// `memchr`, a line's length is its count of bytes, and its trailing white
/// space is the ASCII white space `trim_end` removes (tab, newline,
/// vertical tab, form feed, carriage return, space).
fn is_hard_wrapped_ascii(text: &[u8]) -> bool {
    let mut lines = 0usize;
    let mut mid = 0usize;
    let mut from = 0;
    let ends = memchr::memchr_iter(b'\n', text).chain(std::iter::once(text.len()));
    for end in ends {
        let line = &text[from..end];
        from = end + 1;
        let n = line
            .iter()
            .rposition(|&b| !matches!(b, b'\t'..=b'\r' | b' '))
            .map_or(0, |last| last + 1);
        if n == 0 {
            continue;
        }
        lines += 1;
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

    /// The wrap test as first written: `lines()`, `trim_end`, chars.
    fn wrapped_reference(text: &str) -> bool {
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.is_empty())
            .collect();
        let mid = lines
            .iter()
            .filter(|l| (40..=80).contains(&l.chars().count()))
            .count();
        lines.len() >= 3 && mid * 10 >= lines.len() * 6
    }

    #[test]
    fn hard_wrap_paths_match_reference() {
        let long = "x".repeat(50);
        let mut texts = vec![String::new(), "\n\n\n".to_string()];
        for sep in [
            "\n", "\r\n", " \n", "\t\n", "\x0b\n", "\x0c\n", "\n \n", "\u{a0}\n",
        ] {
            for n in 1..6 {
                let line = format!("{long}{sep}");
                texts.push(line.repeat(n));
                texts.push(format!("{}short\n", line.repeat(n)));
                texts.push(format!("{}{}", line.repeat(n), "é".repeat(45)));
                texts.push(format!("{}{}", line.repeat(n), "y".repeat(79)));
                texts.push(format!("{}{}", line.repeat(n), "y".repeat(81)));
            }
        }
        for t in &texts {
            assert_eq!(super::is_hard_wrapped(t), wrapped_reference(t), "{t:?}");
        }
    }

    #[test]
    fn all_caps_ascii_matches_chars() {
        let alphabet = b"AZaz09 .,M";
        let mut rng = crate::test_rng::XorShift::new(0x9e37_79b9);
        for len in 0..3000 {
            let text: String = (0..len % 300)
                .map(|_| {
                    // Mostly capitals, so that long texts are counted to
                    // their end.
                    let k = rng.below(11 + len % 30);
                    char::from(if k < alphabet.len() {
                        alphabet[k]
                    } else {
                        b'Q'
                    })
                })
                .collect();
            let upper = text.chars().filter(|c| c.is_uppercase()).count();
            let lower = text.chars().filter(|c| c.is_lowercase()).count();
            let want = upper >= 4 && lower * 10 <= upper;
            assert_eq!(super::all_caps_ascii(text.as_bytes()), want, "{text:?}");
            assert_eq!(super::all_caps(&text), want, "{text:?}");
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
