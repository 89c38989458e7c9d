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
fn is_folded(s: &str) -> bool {
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
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
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
        ] {
            assert_eq!(fold_whitespace(s), fold_reference(s), "{s:?}");
        }
    }
}
