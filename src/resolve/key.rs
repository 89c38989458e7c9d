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
    KeyWords::of(name).iter().map(String::from).collect()
}

/// The [`key_words`] of a name in one string, one space between words (key
/// words are made of letters and digits only): one allocation per name,
/// where a `Vec<String>` takes one per word and names are keyed by the
/// thousand.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyWords {
    joined: String,
    count: usize,
}

impl KeyWords {
    /// The key words of a name.
    ///
    /// # Example
    /// ```
    /// use kgraph::resolve::KeyWords;
    /// let w = KeyWords::of("U.S. Steel Corp's");
    /// assert_eq!(w.iter().collect::<Vec<_>>(), ["us", "steel", "corp"]);
    /// ```
    pub fn of(name: &str) -> KeyWords {
        let mut joined = String::with_capacity(name.len() + 1);
        let mut count = 0;
        if name.is_ascii() {
            ascii_key(name, &mut joined, |buf| {
                buf.push(' ');
                count += 1;
            });
            joined.pop();
        } else {
            for w in key_words_general(name) {
                if count > 0 {
                    joined.push(' ');
                }
                joined.push_str(&w);
                count += 1;
            }
        }
        KeyWords { joined, count }
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether there are no words.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The words, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let mut rest = (self.count > 0).then_some(self.joined.as_str());
        std::iter::from_fn(move || {
            let s = rest?;
            match first_space(s) {
                Some(i) => {
                    rest = Some(&s[i + 1..]);
                    Some(&s[..i])
                }
                None => {
                    rest = None;
                    Some(s)
                }
            }
        })
    }

    /// The first word.
    pub fn first(&self) -> Option<&str> {
        let end = first_space(&self.joined).unwrap_or(self.joined.len());
        (self.count > 0).then(|| &self.joined[..end])
    }

    /// The last word.
    pub fn last(&self) -> Option<&str> {
        let start = last_space(&self.joined).map_or(0, |i| i + 1);
        (self.count > 0).then(|| &self.joined[start..])
    }

    /// The word at `i`.
    pub fn get(&self, i: usize) -> Option<&str> {
        self.iter().nth(i)
    }

    /// Whether `prefix`'s words are the first words of these (as
    /// `[String]::starts_with`).
    pub fn starts_with(&self, prefix: &KeyWords) -> bool {
        prefix.count == 0
            || (prefix.count <= self.count
                && self.joined.starts_with(&prefix.joined)
                && self
                    .joined
                    .as_bytes()
                    .get(prefix.joined.len())
                    .is_none_or(|&b| b == b' '))
    }

    /// Drops legal suffixes (up to two) from the end, never leaving no
    /// word ([`strip_legal`]); returns how many were dropped.
    pub fn strip_legal(&mut self) -> usize {
        let mut dropped = 0;
        while dropped < 2 && self.count > 1 {
            let cut = last_space(&self.joined).unwrap_or(0);
            if !is_legal_suffix(&self.joined[cut + 1..]) {
                break;
            }
            self.joined.truncate(cut);
            self.count -= 1;
            dropped += 1;
        }
        dropped
    }

    /// Drops the first word, if there are two or more.
    pub fn remove_first(&mut self) {
        if self.count > 1 {
            let cut = first_space(&self.joined).unwrap_or(0);
            self.joined.drain(..=cut);
            self.count -= 1;
        }
    }

    /// The [`merge_key`] of the name: the words without legal suffixes
    /// ([`KeyWords::strip_legal`]), one after the other.
    pub fn merge_key(&self) -> String {
        let mut key = String::with_capacity(self.joined.len());
        self.merge_key_into(&mut key);
        key
    }

    /// Writes [`KeyWords::merge_key`] into `key` (cleared first), so that a
    /// caller looking up many keys reuses one buffer.
    pub fn merge_key_into(&self, key: &mut String) {
        let (mut end, mut count) = (self.joined.len(), self.count);
        while count + 2 > self.count && count > 1 {
            let cut = last_space(&self.joined[..end]).unwrap_or(0);
            if !is_legal_suffix(&self.joined[cut + 1..end]) {
                break;
            }
            end = cut;
            count -= 1;
        }
        key.clear();
        // (Room for the key at once: a reused buffer grows once, not word
        // by word.)
        key.reserve(end);
        if count == 1 {
            // One word (most names): no space to look for.
            key.push_str(&self.joined[..end]);
        } else {
            push_without_spaces(&self.joined[..end], key);
        }
    }

    /// The words written one after the other, without spaces (after
    /// [`KeyWords::strip_legal`], the [`merge_key`] of the name).
    pub fn concat(&self) -> String {
        let mut out = String::with_capacity(self.joined.len());
        push_without_spaces(&self.joined, &mut out);
        out
    }
}

/// The offset of the first space of `s`, found byte by byte: key words are
/// short, and a search call costs more than the bytes.
fn first_space(s: &str) -> Option<usize> {
    s.bytes().position(|b| b == b' ')
}

/// The offset of the last space of `s` (as [`first_space`]).
fn last_space(s: &str) -> Option<usize> {
    s.bytes().rposition(|b| b == b' ')
}

/// Appends the words of [`KeyWords::joined`] to `out` one after the other:
/// the spaces between them found byte by byte (words are short, and a
/// search call per word cost more than the bytes).
fn push_without_spaces(joined: &str, out: &mut String) {
    let mut start = 0;
    for (i, b) in joined.bytes().enumerate() {
        if b == b' ' {
            out.push_str(&joined[start..i]);
            start = i + 1;
        }
    }
    out.push_str(&joined[start..]);
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
        // (The key is at most as long as the name: a reused buffer grows
        // once, not run by run.)
        key.reserve(name.len());
        // Fast path, same result: the words are written lower-cased into
        // one buffer; the starts of the last two words allow the legal
        // suffixes to be cut off.
        let mut count = 0usize;
        let mut starts = [0usize; 2];
        let mut next_start = 0;
        ascii_key(name, key, |buf| {
            starts = [starts[1], next_start];
            next_start = buf.len();
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
pub(crate) fn is_legal_suffix(w: &str) -> bool {
    is_legal_suffix_bytes(w.as_bytes())
}

/// [`is_legal_suffix`] of a word's bytes.
pub(crate) fn is_legal_suffix_bytes(w: &[u8]) -> bool {
    matches!(
        w,
        b"inc"
            | b"incorporated"
            | b"corp"
            | b"corporation"
            | b"co"
            | b"company"
            | b"cos"
            | b"ltd"
            | b"limited"
            | b"plc"
            | b"llc"
            | b"sa"
            | b"ag"
            | b"nv"
            | b"lp"
            | b"llp"
            | b"gmbh"
            | b"bv"
            | b"spa"
            | b"se"
            | b"pty"
            | b"bhd"
            | b"kk"
            | b"oy"
            | b"ab"
    )
}

/// Whether a byte is an ASCII letter or digit, by table: one load per
/// byte of a name being keyed.
const ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// [`key_words`] of an ASCII name, written into `buf` one word after the
/// other; `word_end` is called with `buf` at the end of each word.
///
/// Runs of letters and digits are copied whole and the written part
/// lower-cased once at the end: per byte only its class is looked at.
fn ascii_key(name: &str, buf: &mut String, mut word_end: impl FnMut(&mut String)) {
    let bytes = name.as_bytes();
    // `str::trim` at the end (the possessive is looked for there); white
    // space at the start only separates, like any other punctuation.
    let mut n = bytes.len();
    while n > 0 && matches!(bytes[n - 1], b'\t'..=b'\r' | b' ') {
        n -= 1;
    }
    if n >= 2 && bytes[n - 2] == b'\'' && bytes[n - 1].eq_ignore_ascii_case(&b's') {
        n -= 2;
    } else if n >= 1 && bytes[n - 1] == b'\'' {
        n -= 1;
    }
    let from = buf.len();
    // The start of the current run of letters and digits, and whether a
    // word is open (runs joined over `.` and `'` make one word).
    let mut run: Option<usize> = None;
    let mut in_word = false;
    for (i, &b) in bytes[..n].iter().enumerate() {
        if ALNUM[usize::from(b)] {
            if run.is_none() {
                run = Some(i);
            }
            continue;
        }
        if let Some(s) = run.take() {
            buf.push_str(&name[s..i]);
            in_word = true;
        }
        if b == b'.' || b == b'\'' {
            continue;
        }
        if in_word {
            word_end(buf);
            in_word = false;
        }
    }
    if let Some(s) = run {
        buf.push_str(&name[s..n]);
        in_word = true;
    }
    if in_word {
        word_end(buf);
    }
    buf[from..].make_ascii_lowercase();
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

    #[test]
    fn key_words_type_matches_vec() {
        let names = [
            "",
            "'s",
            "Meta's",
            "The Foo Co Ltd",
            "The",
            "Foo Bar Co Ltd",
            "Inc Ltd",
            "A Co Ltd",
            "Banco 2000 SA",
            "Zoë Société Générale SA",
            "U.S. Steel Corp",
            "Smith & Co",
            "Foo Barbaz",
            "Foo Bar Baz",
            "Foobar",
        ];
        for n in names {
            let v = key_words_general(n);
            let k = KeyWords::of(n);
            assert_eq!(k.iter().collect::<Vec<_>>(), v, "{n:?}");
            assert_eq!(k.len(), v.len(), "{n:?}");
            assert_eq!(k.is_empty(), v.is_empty(), "{n:?}");
            assert_eq!(k.first(), v.first().map(String::as_str), "{n:?}");
            assert_eq!(k.last(), v.last().map(String::as_str), "{n:?}");
            for i in 0..5 {
                assert_eq!(k.get(i), v.get(i).map(String::as_str), "{n:?} {i}");
            }
            for m in names {
                let (vm, km) = (key_words_general(m), KeyWords::of(m));
                assert_eq!(k.starts_with(&km), v.starts_with(&vm), "{n:?} {m:?}");
            }
            let (mut v2, mut k2) = (v.clone(), k.clone());
            strip_legal(&mut v2);
            assert_eq!(k2.strip_legal(), v.len() - v2.len(), "{n:?}");
            assert_eq!(k2.iter().collect::<Vec<_>>(), v2, "{n:?}");
            assert_eq!(k2.concat(), merge_key(n), "{n:?}");
            assert_eq!(k.merge_key(), merge_key(n), "{n:?}");
            k2.remove_first();
            if v2.len() > 1 {
                v2.remove(0);
            }
            assert_eq!(k2.iter().collect::<Vec<_>>(), v2, "{n:?}");
        }
    }
}
