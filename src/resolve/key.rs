//! Name comparison keys.

/// Legal suffixes dropped at the end of an organisation name when names are
/// compared (and when a canonical label is chosen).
pub const LEGAL_SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "cos",
    "ltd",
    "limited",
    "plc",
    "llc",
    "sa",
    "ag",
    "nv",
    "lp",
    "llp",
    "gmbh",
    "bv",
    "spa",
    "se",
    "pty",
    "bhd",
    "kk",
    "oy",
    "ab",
];

/// Folds common Latin accents to their base letters (`Zoë` -> `Zoe`).
pub fn fold_accents(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let f = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
            'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => 'A',
            'ç' | 'č' | 'ć' => 'c',
            'Ç' | 'Č' | 'Ć' => 'C',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => 'e',
            'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ę' | 'Ě' => 'E',
            'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
            'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => 'I',
            'ñ' | 'ń' | 'ň' => 'n',
            'Ñ' | 'Ń' | 'Ň' => 'N',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
            'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => 'O',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
            'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => 'U',
            'ý' | 'ÿ' => 'y',
            'Ý' => 'Y',
            'š' | 'ś' => 's',
            'Š' | 'Ś' => 'S',
            'ž' | 'ź' | 'ż' => 'z',
            'Ž' | 'Ź' | 'Ż' => 'Z',
            'ł' => 'l',
            'Ł' => 'L',
            'ß' => 's',
            '’' | '‘' | 'ʼ' => '\'',
            other => other,
        };
        out.push(f);
    }
    std::borrow::Cow::Owned(out)
}

/// The words of a name as compared: lower-cased, accents folded, possessive
/// dropped, `.` and `'` removed, other punctuation separating words.
pub fn key_words(name: &str) -> Vec<String> {
    if name.is_ascii() {
        // Sized up front: names are keyed by the thousand, and growing
        // these a byte and a word at a time cost more than the words.
        let mut buf = String::with_capacity(name.len());
        let mut ends = Vec::with_capacity(8);
        ascii_key(name, &mut buf, |end| ends.push(end));
        let mut start = 0;
        return ends
            .into_iter()
            .map(|end| {
                let w = buf[start..end].to_string();
                start = end;
                w
            })
            .collect();
    }
    key_words_general(name)
}

/// [`key_words`] for any name (the fast path handles ASCII names).
fn key_words_general(name: &str) -> Vec<String> {
    let folded = fold_accents(name);
    let mut s = folded.trim().to_lowercase();
    for poss in ["'s", "'"] {
        if let Some(stripped) = s.strip_suffix(poss) {
            s = stripped.to_string();
            break;
        }
    }
    let mut words = Vec::new();
    let mut cur = String::new();
    for c in s.chars() {
        if c == '.' || c == '\'' {
            continue;
        }
        if c.is_alphanumeric() {
            cur.push(c);
        } else if !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    words
}

/// Drops legal suffixes (up to two) from the end of a word list, never
/// leaving it empty.
pub fn strip_legal(words: &mut Vec<String>) {
    for _ in 0..2 {
        if words.len() > 1 && words.last().is_some_and(|w| is_legal_suffix(w)) {
            words.pop();
        } else {
            break;
        }
    }
}

/// The comparison key of a name: [`key_words`] without legal suffixes,
/// joined with no space (so `Scale AI`, `ScaleAI` and `Scale-AI` are equal).
///
/// # Example
/// ```
/// use kgraph::resolve::merge_key;
/// assert_eq!(merge_key("Meta Platforms, Inc."), merge_key("meta platforms"));
/// assert_eq!(merge_key("Meta's"), "meta");
/// ```
pub fn merge_key(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    merge_key_into(name, &mut key);
    key
}

/// [`merge_key`] of a name from its [`key_words`], for a caller that has
/// them already.
///
/// # Example
/// ```
/// use kgraph::resolve::{key_words, merge_key_of_words};
/// assert_eq!(merge_key_of_words(&key_words("U.S. Steel Corp")), "ussteel");
/// ```
pub fn merge_key_of_words(words: &[String]) -> String {
    let mut n = words.len();
    for _ in 0..2 {
        if n > 1 && is_legal_suffix(&words[n - 1]) {
            n -= 1;
        } else {
            break;
        }
    }
    words[..n].concat()
}

/// Writes [`merge_key`] of `name` into `key` (cleared first), so that a
/// caller looking up many keys reuses one buffer.
///
/// # Example
/// ```
/// let mut key = String::new();
/// kgraph::resolve::merge_key_into("Meta Platforms, Inc.", &mut key);
/// assert_eq!(key, "metaplatforms");
/// ```
pub fn merge_key_into(name: &str, key: &mut String) {
    key.clear();
    if name.is_ascii() {
        // Fast path, same result: the words are written lower-cased into
        // one buffer; the starts of the last two words allow the legal
        // suffixes to be cut off.
        let mut count = 0usize;
        let mut starts = [0usize; 2];
        let mut next_start = 0;
        ascii_key(name, key, |end| {
            starts = [starts[1], next_start];
            next_start = end;
            count += 1;
        });
        for i in (0..2).rev() {
            let start = starts[i];
            if count > 1 && is_legal_suffix(&key[start..]) {
                key.truncate(start);
                count -= 1;
            } else {
                break;
            }
        }
        return;
    }
    let mut words = key_words_general(name);
    strip_legal(&mut words);
    for w in &words {
        key.push_str(w);
    }
}

/// Whether a key word is one of [`LEGAL_SUFFIXES`] (a `match`, which the
/// compiler turns into a few length and byte tests, as names are keyed by
/// the thousand).
fn is_legal_suffix(w: &str) -> bool {
    matches!(
        w,
        "inc"
            | "incorporated"
            | "corp"
            | "corporation"
            | "co"
            | "company"
            | "cos"
            | "ltd"
            | "limited"
            | "plc"
            | "llc"
            | "sa"
            | "ag"
            | "nv"
            | "lp"
            | "llp"
            | "gmbh"
            | "bv"
            | "spa"
            | "se"
            | "pty"
            | "bhd"
            | "kk"
            | "oy"
            | "ab"
    )
}

/// [`key_words`] of an ASCII name, written into `buf` one word after the
/// other; `word_end` is called with the end of each word in `buf`.
fn ascii_key(name: &str, buf: &mut String, mut word_end: impl FnMut(usize)) {
    let mut s = name.trim().as_bytes();
    let n = s.len();
    if n >= 2 && s[n - 2] == b'\'' && s[n - 1].eq_ignore_ascii_case(&b's') {
        s = &s[..n - 2];
    } else if n >= 1 && s[n - 1] == b'\'' {
        s = &s[..n - 1];
    }
    let mut in_word = false;
    for &b in s {
        if b == b'.' || b == b'\'' {
            continue;
        }
        if b.is_ascii_alphanumeric() {
            buf.push(char::from(b.to_ascii_lowercase()));
            in_word = true;
        } else if in_word {
            word_end(buf.len());
            in_word = false;
        }
    }
    if in_word {
        word_end(buf.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        assert_eq!(merge_key("Scale AI"), "scaleai");
        assert_eq!(merge_key("Scale-AI"), "scaleai");
        assert_eq!(merge_key("Vesta Foods Holdings Ltd"), "vestafoodsholdings");
        assert_eq!(merge_key("Meta’s"), "meta");
        assert_eq!(merge_key("U.S. Steel Corp"), "ussteel");
        assert_eq!(merge_key("Co"), "co");
    }

    #[test]
    fn legal_suffix_match_is_the_list() {
        for w in LEGAL_SUFFIXES {
            assert!(is_legal_suffix(w), "{w}");
        }
        for w in ["", "in", "incs", "Inc", "corp.", "s", "a"] {
            assert!(!is_legal_suffix(w), "{w}");
        }
    }

    #[test]
    fn ascii_fast_path_matches_general() {
        let names = [
            "",
            " ",
            "'",
            "'s",
            "Meta's",
            "Meta'S ",
            " Meta Platforms, Inc. ",
            "U.S. Steel Corp",
            "Co",
            "Inc Ltd",
            "A Co Ltd",
            "Foo Bar Co Ltd",
            "Foo Co. Ltd.",
            "Scale-AI",
            "O'Neil",
            "Smith & Co",
            "Hewlett-Packard Co",
            "x' ",
            "abc..def",
            "  a  b  c  ",
            "GmbH AG SA",
            "Banco 2000 SA",
        ];
        for n in names {
            assert_eq!(key_words(n), key_words_general(n), "{n:?}");
            let mut w = key_words_general(n);
            strip_legal(&mut w);
            assert_eq!(merge_key(n), w.concat(), "{n:?}");
            assert_eq!(merge_key(n), merge_key_of_words(&key_words(n)), "{n:?}");
        }
    }
}
