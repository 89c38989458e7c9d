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

/// Tokenises a text. Never fails; every byte of the text that is not white
/// space is in exactly one token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| -> Option<char> { chars.get(i).map(|&(_, c)| c) };
    let pos = |i: usize| -> usize { chars.get(i).map_or(text.len(), |&(p, _)| p) };
    let mut i = 0;
    while i < n {
        let c = chars[i].1;
        if c.is_whitespace() || c.is_control() {
            i += 1;
            continue;
        }
        let start = pos(i);
        // Reuters markup.
        if c == '<' {
            let mut j = i + 1;
            let mut ok = false;
            while j < n && j - i <= 80 {
                let d = chars[j].1;
                if d == '>' {
                    ok = j > i + 1;
                    break;
                }
                if d == '<' || d == '\n' && at(j + 1) == Some('\n') {
                    break;
                }
                j += 1;
            }
            if ok && at(i + 1).is_some_and(|d| d.is_alphanumeric()) {
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
                && !at(i + 2).is_some_and(|d| d.is_alphanumeric())
                && i > 0
                && chars[i - 1].1.is_alphanumeric()
            {
                out.push(Token {
                    start,
                    end: pos(i + 2),
                    kind: TokenKind::Possessive,
                });
                i += 2;
                continue;
            }
            if i > 0
                && matches!(chars[i - 1].1, 's' | 'S')
                && !at(i + 1).is_some_and(|d| d.is_alphanumeric())
            {
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
                let d = chars[j].1;
                if d.is_ascii_digit() {
                    j += 1;
                } else if (d == ',' || d == '.') && at(j + 1).is_some_and(|e| e.is_ascii_digit()) {
                    j += 2;
                } else {
                    break;
                }
            }
            // Digits glued to letters (3M, 4G, 10x) make a word.
            if at(j).is_some_and(|d| d.is_alphabetic()) {
                while at(j).is_some_and(|d| d.is_alphanumeric()) {
                    j += 1;
                }
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
        if c.is_alphanumeric() {
            let mut j = i + 1;
            let mut web = false;
            loop {
                match at(j) {
                    Some(d) if d.is_alphanumeric() => j += 1,
                    Some('.')
                        if at(j + 1).is_some_and(|e| e.is_alphabetic())
                            && dotted_run(&chars, i, j) =>
                    {
                        j += 2;
                    }
                    // "Hotels.com", "SAP.io": a web name is one word.
                    Some('.') => match domain_suffix(&chars, j + 1) {
                        0 => break,
                        d => {
                            j += 1 + d;
                            web = true;
                        }
                    },
                    Some('&') if at(j + 1).is_some_and(|e| e.is_uppercase()) => j += 2,
                    Some(d)
                        if is_apostrophe(d)
                            && at(j + 1).is_some_and(|e| e.is_alphabetic())
                            && (!matches!(at(j + 1), Some('s' | 'S'))
                                || at(j + 2).is_some_and(|e| e.is_alphanumeric())) =>
                    {
                        j += 2;
                    }
                    _ => break,
                }
            }
            // A dotted abbreviation keeps its final period: U.S., S.A., N.V.
            if !web
                && at(j) == Some('.')
                && j >= i + 2
                && chars[i..j].iter().any(|&(_, d)| d == '.')
            {
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
fn domain_suffix(chars: &[(usize, char)], k: usize) -> usize {
    const SUFFIXES: &[&str] = &[
        "com", "io", "ai", "net", "org", "co", "app", "dev", "xyz", "ly",
    ];
    let mut end = k;
    while end < chars.len() && chars[end].1.is_ascii_lowercase() && end - k < 4 {
        end += 1;
    }
    if end == k || (end < chars.len() && chars[end].1.is_alphanumeric()) {
        return 0;
    }
    // ASCII letters only: compare in place, without building a string.
    let suffix = &chars[k..end];
    let is = |s: &&str| s.len() == suffix.len() && s.chars().zip(suffix).all(|(a, &(_, b))| a == b);
    if SUFFIXES.iter().any(is) { end - k } else { 0 }
}

/// Whether the word from `i` to the `.` at `j` is a run of single letters
/// separated by periods (`U.S`, `S.A`), so the period stays inside.
fn dotted_run(chars: &[(usize, char)], i: usize, j: usize) -> bool {
    // Every segment between periods must be one letter long.
    let mut seg = 0;
    for &(_, c) in &chars[i..j] {
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
