//! Text: tokens and sentences with byte offsets into the original text, and
//! quantities (money, percentages).
//!
//! Nothing here rewrites the text: every token and sentence is a byte range
//! of the document as given, so evidence offsets always point into it.
//! Reuters hard wraps, `<Company Inc>` markup, curly apostrophes, dotted
//! abbreviations and decimals are handled by the tokeniser; the sentence
//! splitter works on tokens and the white space between them.

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
/// become one space, ends trimmed.
pub fn fold_whitespace(s: &str) -> String {
    // Most names are folded already: ASCII, single inner spaces, no
    // control characters (in ASCII, white space and controls are the bytes
    // up to the space, and DEL).
    let b = s.as_bytes();
    if b.first() != Some(&b' ')
        && b.last() != Some(&b' ')
        && b.iter().all(|&c| c == b' ' || (c > b' ' && c < 0x7f))
        && !b.windows(2).any(|w| w == b"  ")
    {
        return s.to_owned();
    }
    fold_whitespace_general(s)
}

/// [`fold_whitespace`] for any text (the fast path returns a folded ASCII
/// text as it is).
fn fold_whitespace_general(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
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

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(fold_whitespace(s), fold_whitespace_general(s), "{s:?}");
        }
    }
}
