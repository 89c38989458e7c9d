//! Text: tokens and sentences with byte offsets into the original text, and
//! quantities (money, percentages).
//!
//! Nothing here rewrites the text: every token and sentence is a byte range
//! of the document as given, so evidence offsets always point into it.
//! Reuters hard wraps, `<Company Inc>` markup, curly apostrophes, dotted
//! abbreviations and decimals are handled by the tokeniser; the sentence
//! splitter works on tokens and the white space between them.

use std::borrow::Cow;

pub mod quantity;
mod sentences;
mod tokens;

pub use sentences::{MAX_SENTENCE_BYTES, Sentence, split_sentences};
pub use tokens::{Token, TokenKind, tokenize};

/// A document cut into tokens and sentences.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// All tokens, in text order.
    pub tokens: Vec<Token>,
    /// Sentences, in text order; each holds a range of `tokens`.
    pub sentences: Vec<Sentence>,
}

/// Tokenises a text and splits it into sentences.
///
/// # Example
/// ```
/// let a = kgraph::text::analyze("Meta Platforms, Inc. bought it. Shares rose 2.5%.");
/// assert_eq!(a.sentences.len(), 2);
/// ```
pub fn analyze(text: &str) -> Analysis {
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens);
    Analysis { tokens, sentences }
}

/// Folds a text's white space: runs of white space (and control characters)
/// become one space, ends trimmed. [`fold_ws`], as an owned `String`.
pub fn fold_whitespace(s: &str) -> String {
    fold_ws(s).into_owned()
}

/// How [`is_folded`] reads a byte.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fold {
    /// Part of a character that is neither white space nor control.
    Plain,
    /// A space.
    Space,
    /// Other ASCII white space or control (folding changes it).
    Other,
    /// The lead byte of a character that may be white space or control:
    /// 0xC2 (C1, NEL, NBSP), 0xE1 (U+1680), 0xE2 (U+2000 to U+205F),
    /// 0xE3 (U+3000); no other character is.
    Maybe,
}

const FOLD: [Fold; 256] = {
    let mut table = [Fold::Plain; 256];
    let mut b = 0;
    while b <= 0x20 {
        table[b] = Fold::Other;
        b += 1;
    }
    table[0x20] = Fold::Space;
    table[0x7f] = Fold::Other;
    table[0xc2] = Fold::Maybe;
    table[0xe1] = Fold::Maybe;
    table[0xe2] = Fold::Maybe;
    table[0xe3] = Fold::Maybe;
    table
};

/// Whether `fold_ws` would leave `s` as it is: no white space or control
/// character at either end, none but single plain spaces inside.
pub(crate) fn is_folded(s: &str) -> bool {
    let bytes = s.as_bytes();
    // Printable ASCII and spaces (most names and folded sentences): one
    // pass without early exit over byte pairs, which the compiler
    // vectorises; then only the ends are left to check.
    if let Some((&last, init)) = bytes.split_last() {
        let printable = |c: u8| (0x20..0x7f).contains(&c);
        let clean = init
            .iter()
            .zip(&bytes[1..])
            .fold(printable(last), |ok, (&c, &d)| {
                ok & printable(c) & !(c == b' ' && d == b' ')
            });
        if clean {
            return bytes[0] != b' ' && last != b' ';
        }
    }
    let mut prev_space = true;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        match FOLD[usize::from(b)] {
            Fold::Plain => prev_space = false,
            Fold::Space if prev_space => return false,
            Fold::Space => prev_space = true,
            Fold::Other => return false,
            Fold::Maybe => {
                if s[i..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_whitespace() || c.is_control())
                {
                    return false;
                }
                prev_space = false;
            }
        }
    }
    !s.ends_with(' ')
}

/// Folds white space: every run of white space or control characters
/// becomes one space, and the ends are trimmed. Borrows the text when it is
/// folded already, as most names and sentences are; the exporters fold
/// evidence sentences with it too (`export::escape::fold_ws`).
pub fn fold_ws(s: &str) -> Cow<'_, str> {
    if is_folded(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(fold_owned(s))
}

/// The folding of [`fold_ws`], into a new string: the words between runs of
/// white space or control characters, joined by single spaces. Reads bytes
/// by [`FOLD`] and decodes only the chars that may be white space.
fn fold_owned(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // Start of the current run of words: words joined by single plain
    // spaces (a hard-wrapped line) are copied as one run, not word by word.
    let mut word = 0;
    let mut i = 0;
    while i < bytes.len() {
        let sep = match FOLD[usize::from(bytes[i])] {
            Fold::Plain => 0,
            // One space between a word and a plain byte is kept as it is.
            Fold::Space
                if word < i
                    && bytes
                        .get(i + 1)
                        .is_some_and(|&b| FOLD[usize::from(b)] == Fold::Plain) =>
            {
                0
            }
            Fold::Space | Fold::Other => 1,
            // A lead byte: the char starts here.
            Fold::Maybe => s[i..]
                .chars()
                .next()
                .filter(|&c| c.is_whitespace() || c.is_control())
                .map_or(0, char::len_utf8),
        };
        if sep == 0 {
            i += 1;
            continue;
        }
        if word < i {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&s[word..i]);
        }
        i += sep;
        word = i;
    }
    if word < bytes.len() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&s[word..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The folding rule written out char by char.
    fn fold_reference(s: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in s.chars() {
            if c.is_whitespace() || c.is_control() {
                space = true;
            } else {
                if space && !out.is_empty() {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn folded_ascii_fast_path_matches_general() {
        for s in [
            "",
            " ",
            "Meta Platforms",
            "Meta  Platforms",
            " Meta",
            "Meta ",
            "Meta\nPlatforms",
            "Meta\tPlatforms",
            "A\u{b}B",
            "A\u{7f}B",
            "Zoë Ltd",
            "Zoë  Ltd ",
            "a\u{a0}b",
            "a\u{85}b\u{3000}c\u{2028}",
            "\u{2003}x\u{1680}",
            "a\u{e2}\u{2019}s",
            "Zoë’s  “Big”\u{200b}deal — \u{feff}x",
            "  a \n\t b\u{1}c  ",
            "a  ",
            "  ",
            "a b  c",
            "abcdefghijklmnopqrstuvwxyz abcdefghijklmnopqrstuvwxyz  abc",
        ] {
            assert_eq!(fold_whitespace(s), fold_reference(s), "{s:?}");
            assert_eq!(
                is_folded(s),
                fold_reference(s) == s,
                "{s:?} borrowed when folded"
            );
        }
    }

    #[test]
    fn fold_matches_reference_on_generated_texts() {
        let alphabet = [
            'a', 'Z', ' ', ' ', '\n', '\t', '\u{1}', '\u{7f}', 'é', '\u{a0}', '\u{2009}', '’',
            '\u{3000}', '\u{85}',
        ];
        let mut rng = crate::test_rng::XorShift::new(0x9e37_79b9);
        for len in 0..600 {
            let s: String = (0..len % 24)
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect();
            let want = fold_reference(&s);
            assert_eq!(fold_ws(&s), want, "{s:?}");
            assert_eq!(is_folded(&s), want == s, "{s:?}");
        }
    }
}
