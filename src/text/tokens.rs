//! The tokeniser.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A word: letters and digits, with internal `.` `'` `&` kept where they
    /// join letters (`U.S.`, `AT&T`, `O'Neill`).
    Word,
    /// A number: digits with internal `,` or `.` (`1,250,000`, `14.3`).
    Number,
    /// The possessive `'s` or `’s` (or a lone `'` after an `s`).
    Possessive,
    /// Reuters markup: `<Allegheny International Inc>` or `<TWA>`.
    Markup,
    /// Any other single character.
    Punct,
}

/// A token: a byte range of the text and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The token's kind.
    pub kind: TokenKind,
}

impl Token {
    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// The chars of a text by char index, with their byte offsets.
trait Chars {
    /// The number of chars.
    fn count(&self) -> usize;
    /// The char at char index `i` (`i < count()`).
    fn char(&self, i: usize) -> char;
    /// The byte offset of the char at index `i`, or the text's length
    /// past the last char.
    fn pos(&self, i: usize) -> usize;
    /// The char at index `i`, if any.
    fn at(&self, i: usize) -> Option<char> {
        (i < self.count()).then(|| self.char(i))
    }
    /// Whether the char at index `i` (`i < count()`) is white space or a
    /// control character (never in a token).
    fn is_space(&self, i: usize) -> bool {
        let c = self.char(i);
        c.is_whitespace() || c.is_control()
    }
    /// Whether there is a char at index `i` and it is alphanumeric.
    fn is_alnum(&self, i: usize) -> bool {
        self.at(i).is_some_and(char::is_alphanumeric)
    }
    /// Whether there is a char at index `i` and it is alphabetic.
    fn is_alpha(&self, i: usize) -> bool {
        self.at(i).is_some_and(char::is_alphabetic)
    }
    /// Whether there is a char at index `i` and it is an ASCII digit.
    fn is_digit(&self, i: usize) -> bool {
        self.at(i).is_some_and(|c| c.is_ascii_digit())
    }
    /// The index of the first char at or after `i` that is not white space
    /// or control, or `count()`.
    fn skip_space(&self, mut i: usize) -> usize {
        while i < self.count() && self.is_space(i) {
            i += 1;
        }
        i
    }
    /// The index of the first char at or after `i` that is not
    /// alphanumeric, or `count()`.
    fn alnum_end(&self, mut i: usize) -> usize {
        while self.is_alnum(i) {
            i += 1;
        }
        i
    }
}

/// Any text: its chars decoded once.
struct Decoded {
    /// Each char with its byte offset.
    chars: Vec<(usize, char)>,
    /// The text's length in bytes.
    len: usize,
}

impl Chars for Decoded {
    fn count(&self) -> usize {
        self.chars.len()
    }
    fn char(&self, i: usize) -> char {
        self.chars[i].1
    }
    fn pos(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.len, |&(p, _)| p)
    }
}

/// An ASCII text, read in place: char index and byte offset coincide, so
/// nothing is decoded (most news text is ASCII, and decoding every text
/// into 16 bytes per char cost a sizeable share of tokenising).
struct Ascii<'t>(&'t [u8]);

impl Ascii<'_> {
    /// The end of the run of bytes of class `class` (in [`ASCII_CLASS`])
    /// from `i`.
    fn run_end(&self, i: usize, class: u8) -> usize {
        // (An index loop: runs are short, a word or a space long, and an
        // iterator's set-up cost more than their bytes.)
        let mut j = i;
        while self
            .0
            .get(j)
            .is_some_and(|&b| ASCII_CLASS[usize::from(b)] & class != 0)
        {
            j += 1;
        }
        j
    }
}

impl Chars for Ascii<'_> {
    fn count(&self) -> usize {
        self.0.len()
    }
    fn char(&self, i: usize) -> char {
        char::from(self.0[i])
    }
    fn pos(&self, i: usize) -> usize {
        i.min(self.0.len())
    }
    // The class tests by table: one load instead of the `char` methods'
    // range tests (which also check for non-ASCII chars).
    fn is_space(&self, i: usize) -> bool {
        ASCII_CLASS[usize::from(self.0[i])] & SPACE != 0
    }
    fn is_alnum(&self, i: usize) -> bool {
        self.0
            .get(i)
            .is_some_and(|&b| ASCII_CLASS[usize::from(b)] & ALNUM != 0)
    }
    // The runs by a loop over the bytes: no char decoded, no `Option<char>`.
    fn skip_space(&self, i: usize) -> usize {
        self.run_end(i, SPACE)
    }
    fn alnum_end(&self, i: usize) -> usize {
        self.run_end(i, ALNUM)
    }
    fn is_alpha(&self, i: usize) -> bool {
        self.0.get(i).is_some_and(u8::is_ascii_alphabetic)
    }
    fn is_digit(&self, i: usize) -> bool {
        self.0.get(i).is_some_and(u8::is_ascii_digit)
    }
}

/// [`ASCII_CLASS`] bit: white space or control (bytes up to 0x20, and 0x7f).
const SPACE: u8 = 1;
/// [`ASCII_CLASS`] bit: an ASCII letter or digit.
const ALNUM: u8 = 2;

/// The class bits of each ASCII byte, as the `char` methods the
/// tokeniser uses read it (`is_whitespace() || is_control()`,
/// `is_alphanumeric()`); 256 entries, so that indexing by any byte needs
/// no bounds test (bytes past 0x7f never occur in an ASCII text).
const ASCII_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c <= 0x20 || c == 0x7f {
            table[b] = SPACE;
        }
        if c.is_ascii_alphanumeric() {
            table[b] = ALNUM;
        }
        b += 1;
    }
    table
};

/// Tokenises a text. Never fails; every byte of the text that is not white
/// space is in exactly one token.
pub fn tokenize(text: &str) -> Vec<Token> {
    if text.is_ascii() {
        return tokenize_chars(&Ascii(text.as_bytes()));
    }
    let mut chars = Vec::with_capacity(text.len());
    chars.extend(text.char_indices());
    tokenize_chars(&Decoded {
        chars,
        len: text.len(),
    })
}

/// [`tokenize`] over a text's chars.
fn tokenize_chars(chars: &impl Chars) -> Vec<Token> {
    let mut out = Vec::with_capacity(chars.pos(chars.count()) / 5 + 1);
    let n = chars.count();
    let at = |i: usize| chars.at(i);
    let pos = |i: usize| chars.pos(i);
    let mut i = 0;
    loop {
        i = chars.skip_space(i);
        if i >= n {
            break;
        }
        let c = chars.char(i);
        let start = pos(i);
        // Most tokens: a word led by a letter and followed by none of the
        // marks that may continue it (`.`, `&`, an apostrophe); the word
        // rules below end it at its last letter or digit all the same.
        if c.is_alphabetic() {
            let j = chars.alnum_end(i + 1);
            if !at(j).is_some_and(|d| matches!(d, '.' | '&') || is_apostrophe(d)) {
                out.push(Token {
                    start,
                    end: pos(j),
                    kind: TokenKind::Word,
                });
                i = j;
                continue;
            }
        }
        // Reuters markup.
        if c == '<' {
            let mut j = i + 1;
            let mut ok = false;
            while j < n && j - i <= 80 {
                let d = chars.char(j);
                if d == '>' {
                    ok = j > i + 1;
                    break;
                }
                if d == '<' || d == '\n' && at(j + 1) == Some('\n') {
                    break;
                }
                j += 1;
            }
            if ok && chars.is_alnum(i + 1) {
                out.push(Token {
                    start,
                    end: pos(j + 1),
                    kind: TokenKind::Markup,
                });
                i = j + 1;
                continue;
            }
        }
        // Possessive.
        if is_apostrophe(c) {
            if matches!(at(i + 1), Some('s' | 'S'))
                && !chars.is_alnum(i + 2)
                && i > 0
                && chars.is_alnum(i - 1)
            {
                out.push(Token {
                    start,
                    end: pos(i + 2),
                    kind: TokenKind::Possessive,
                });
                i += 2;
                continue;
            }
            if i > 0 && matches!(chars.char(i - 1), 's' | 'S') && !chars.is_alnum(i + 1) {
                out.push(Token {
                    start,
                    end: pos(i + 1),
                    kind: TokenKind::Possessive,
                });
                i += 1;
                continue;
            }
        }
        if c.is_ascii_digit() {
            let mut j = i + 1;
            while j < n {
                let d = chars.char(j);
                if d.is_ascii_digit() {
                    j += 1;
                } else if (d == ',' || d == '.') && chars.is_digit(j + 1) {
                    j += 2;
                } else {
                    break;
                }
            }
            // Digits glued to letters (3M, 4G, 10x) make a word.
            if chars.is_alpha(j) {
                j = chars.alnum_end(j);
                out.push(Token {
                    start,
                    end: pos(j),
                    kind: TokenKind::Word,
                });
            } else {
                out.push(Token {
                    start,
                    end: pos(j),
                    kind: TokenKind::Number,
                });
            }
            i = j;
            continue;
        }
        if chars.is_alnum(i) {
            let mut j = i + 1;
            let mut web = false;
            loop {
                j = chars.alnum_end(j);
                match at(j) {
                    Some('.') if chars.is_alpha(j + 1) && dotted_run(chars, i, j) => {
                        j += 2;
                    }
                    // "Hotels.com", "SAP.io": a web name is one word.
                    Some('.') => match domain_suffix(chars, j + 1) {
                        0 => break,
                        d => {
                            j += 1 + d;
                            web = true;
                        }
                    },
                    Some('&') if at(j + 1).is_some_and(|e| e.is_uppercase()) => j += 2,
                    Some(d)
                        if is_apostrophe(d)
                            && chars.is_alpha(j + 1)
                            && (!matches!(at(j + 1), Some('s' | 'S')) || chars.is_alnum(j + 2)) =>
                    {
                        j += 2;
                    }
                    _ => break,
                }
            }
            // A dotted abbreviation keeps its final period: U.S., S.A., N.V.
            if !web && at(j) == Some('.') && j >= i + 2 && (i..j).any(|k| chars.char(k) == '.') {
                j += 1;
            }
            out.push(Token {
                start,
                end: pos(j),
                kind: TokenKind::Word,
            });
            i = j;
            continue;
        }
        out.push(Token {
            start,
            end: pos(i + 1),
            kind: TokenKind::Punct,
        });
        i += 1;
    }
    out
}

/// The length in chars of a web suffix (`com`, `io`, `ai`, ...) starting at
/// char `k` and ending a word there, or 0.
fn domain_suffix(chars: &impl Chars, k: usize) -> usize {
    const SUFFIXES: &[&str] = &[
        "com", "io", "ai", "net", "org", "co", "app", "dev", "xyz", "ly",
    ];
    let mut end = k;
    while chars.at(end).is_some_and(|c| c.is_ascii_lowercase()) && end - k < 4 {
        end += 1;
    }
    if end == k || chars.is_alnum(end) {
        return 0;
    }
    // ASCII letters only: compare in place, without building a string.
    let is =
        |s: &&str| s.len() == end - k && s.chars().zip(k..end).all(|(a, b)| a == chars.char(b));
    if SUFFIXES.iter().any(is) { end - k } else { 0 }
}

/// Whether the word from `i` to the `.` at `j` is a run of single letters
/// separated by periods (`U.S`, `S.A`), so the period stays inside.
fn dotted_run(chars: &impl Chars, i: usize, j: usize) -> bool {
    // Every segment between periods must be one letter long.
    let mut seg = 0;
    for c in (i..j).map(|k| chars.char(k)) {
        if c == '.' {
            if seg != 1 {
                return false;
            }
            seg = 0;
        } else {
            seg += 1;
        }
    }
    seg == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    /// The generic path over decoded chars, for any text.
    fn decoded(text: &str) -> Vec<Token> {
        tokenize_chars(&Decoded {
            chars: text.char_indices().collect(),
            len: text.len(),
        })
    }

    #[test]
    fn ascii_tables_match_char_methods() {
        for b in 0u8..128 {
            let c = char::from(b);
            let text = [b];
            let ascii = Ascii(&text);
            assert_eq!(ascii.is_space(0), c.is_whitespace() || c.is_control());
            assert_eq!(ascii.is_alnum(0), c.is_alphanumeric(), "{b}");
            assert_eq!(ascii.is_alpha(0), c.is_alphabetic(), "{b}");
            assert_eq!(ascii.is_digit(0), c.is_ascii_digit(), "{b}");
            assert!(!ascii.is_alnum(1) && !ascii.is_alpha(1) && !ascii.is_digit(1));
        }
    }

    #[test]
    fn ascii_fast_path_matches_decoded() {
        // Pseudo-random texts over the characters the rules look at.
        let alphabet = b"aAsSzZ09 .,'&<>\n\t-[]$com";
        let mut rng = crate::test_rng::XorShift::new(0x2545_f491);
        for len in 0..400 {
            let text: String = (0..len % 40)
                .map(|_| char::from(alphabet[rng.below(alphabet.len())]))
                .collect();
            assert_eq!(tokenize(&text), decoded(&text), "{text:?}");
        }
        for text in [
            "U.S. Steel Corp. said <Allegheny Intl Inc> rose 1,250.5 pct to 3M's.",
            "Hotels.com AT&T O'Neill investors' It's a.b.c. x.io.",
        ] {
            assert_eq!(tokenize(text), decoded(text), "{text:?}");
        }
    }

    #[test]
    fn cases() {
        let cases: &[(&str, &[&str])] = &[
            ("Meta’s stake", &["Meta", "’s", "stake"]),
            ("U.S. Steel Corp.", &["U.S.", "Steel", "Corp", "."]),
            ("$14.3 billion", &["$", "14.3", "billion"]),
            ("1,250,000 dlrs", &["1,250,000", "dlrs"]),
            ("Hotels.com, SAP.io.", &["Hotels.com", ",", "SAP.io", "."]),
            ("It grew.Com", &["It", "grew", ".", "Com"]),
            (
                "<Allegheny International Inc> said",
                &["<Allegheny International Inc>", "said"],
            ),
            ("AT&T and O'Neill", &["AT&T", "and", "O'Neill"]),
            ("X-backed Y", &["X", "-", "backed", "Y"]),
            ("3M rose", &["3M", "rose"]),
            ("revenue[1][2]", &["revenue", "[", "1", "]", "[", "2", "]"]),
            ("investors' money", &["investors", "'", "money"]),
            ("a < b > c", &["a", "<", "b", ">", "c"]),
        ];
        for (input, want) in cases {
            assert_eq!(&toks(input), want, "input {input:?}");
        }
    }
}
