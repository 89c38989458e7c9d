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
        if words.len() > 1
            && words
                .last()
                .is_some_and(|w| LEGAL_SUFFIXES.contains(&w.as_str()))
        {
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
    let mut words = key_words(name);
    strip_legal(&mut words);
    words.concat()
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
}
