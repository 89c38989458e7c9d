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
