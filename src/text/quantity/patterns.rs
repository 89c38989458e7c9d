//! The quantity patterns, written once for the crate and its build script.
//!
//! The build script (`build.rs`, which includes this file with `#[path]`)
//! compiles the patterns into DFAs that the crate embeds; the crate itself
//! compiles them with their capture groups when a match needs them, and
//! reads the word lists. So this module depends on nothing but `std`.

/// A number: `1,250,000`, `14.3`, `500`.
const NUM: &str = r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?";

/// The words of a multiplier after a number, each with its decimal
/// exponent (see [`mult`]).
pub(super) const MULT_WORDS: &[(&str, i32)] = &[
    ("thousand", 3),
    ("million", 6),
    ("mln", 6),
    ("mn", 6),
    ("billion", 9),
    ("bln", 9),
    ("bn", 9),
    ("trillion", 12),
    ("tn", 12),
];

/// The single letters of a multiplier right after a number (`5m`), each
/// with its decimal exponent.
pub(super) const MULT_LETTERS: &[(&str, i32)] = &[("k", 3), ("m", 6), ("b", 9)];

/// The words (or letters) of a multiplier list, without their exponents.
pub(super) fn mult_names(list: &[(&'static str, i32)]) -> Vec<&'static str> {
    list.iter().map(|&(name, _)| name).collect()
}

/// A multiplier after a number. Words may be separated by spaces or a
/// hyphen; single letters must follow the number directly. The words are
/// [`factor`]ed.
fn mult() -> String {
    format!(
        r"(?:\s{{0,3}}|-)(?:{})(?-u:\b)|(?:{})(?-u:\b)",
        factor_words(&mult_names(MULT_WORDS)),
        mult_names(MULT_LETTERS).join("|")
    )
}

/// Currency codes that are a prefix on their own (`USD 5`, `DM5`).
macro_rules! currency_codes {
    () => {
        "USD|GBP|EUR|JPY|CHF|CAD|AUD|HKD|NZD|DM|SFR|STG|RMB|YEN"
    };
}

/// The [`currency_codes`], separated by `|`.
pub(super) const CURRENCY_CODES: &str = currency_codes!();

/// The words before a `$` that make a currency prefix (`US$`, `HK$`).
macro_rules! dollar_prefixes {
    () => {
        r"U\.S\.|US|USD|HK|C|CDN|CAN|A|AU|AUD|NZ|S|SG|NT|R|MX|Z"
    };
}

/// The [`dollar_prefixes`], separated by `|`.
pub(super) const DOLLAR_PREFIXES: &str = dollar_prefixes!();

/// Currency prefixes. Letter-led prefixes need a word boundary before them.
const PREFIX: &str = concat!(
    r"(?:(?-u:\b)(?:",
    dollar_prefixes!(),
    r")\$",
    r"|\$|£|€|¥|₣",
    r"|(?-u:\b)(?:",
    currency_codes!(),
    r")\s?)",
);

/// Per-share (or per-unit) tails.
const PER_SHARE: &str = concat!(
    r"\s{1,3}(?:a|per)\s{1,3}(?:common\s{1,3}|ordinary\s{1,3}|class\s{1,3}[ab]\s{1,3})?(?:share|shr)(?-u:\b)",
    r"|\s{1,3}each(?-u:\b)",
    r"|\s{0,2}/\s{0,2}(?:share|shr)(?-u:\b)",
);

/// The qualifiers of a US dollar word (`U.S. dlrs`), after a prefixed
/// amount or an amount in words, and the first of [`QUAL`].
macro_rules! us {
    () => {
        r"U\.\s?S\.|US"
    };
}

/// Nationality qualifiers before a currency word (`U.S. dlrs`,
/// `Canadian dlrs`, `Swiss francs`).
pub(super) const QUAL: &str = concat!(
    us!(),
    r"|American|Canadian|Cdn|Australian|Aust|N\.Z\.|NZ|New\s+Zealand|",
    r"Hong\s+Kong|HK|Singapore|Taiwan|Taiwanese|Swiss|French|Belgian|West\s+German|German|",
    r"Japanese|British|Irish|Dutch|Italian|Spanish|Swedish|Danish|Norwegian|Finnish|",
    r"Austrian|Brazilian|Mexican|Argentine|Chinese|South\s+African|Indian|Saudi|Kuwaiti|",
    r"Luxembourg|Zimbabwe|Jamaican|Malaysian|Fiji|Bermuda|Bahamian|Barbados|Liberian|",
    r"Guyana|Trinidad|Namibian|Brunei",
);

/// Currency words after a number.
pub(super) const SUFFIX: &str = concat!(
    r"dlrs|dlr|dollars|dollar|cts|ct|cents|cent|usd|",
    r"pounds\s+sterling|sterling|stg|pounds|pound|pence|euros|euro|yen|",
    r"swiss\s+francs|francs|franc|centimes|deutsche\s?marks|d-marks|marks|mark|pfennigs|dm|",
    r"lire|lira|pesos|peso|guilders|guilder|crowns|crown|kronor|krona|kroner|krone|",
    r"rand|rupees|rupee|yuan|renminbi|won|baht|ringgit|rupiah|riyals|riyal|schillings|",
    r"schilling|pesetas|peseta|escudos|escudo|drachmas|drachma|dinars|dinar|ecus|ecu|",
    r"gbp|eur|jpy|chf|cad|aud|hkd|nzd",
);

/// `alternation` (words separated by `|`, in priority order, for a
/// case-insensitive pattern) with the words that share a first letter
/// grouped under it, recursively, like a trie: `dlrs|dlr|dollars` becomes
/// `d(?:l(?:r(?:s|))|ollars)`.
///
/// The words of a large alternation are otherwise tried one by one when
/// capture groups are resolved (by backtracking, for the matches the
/// readers leave to the regex), which made resolving a match cost more
/// than finding it. The factored alternation matches the same texts with
/// the same leftmost-first preference: words starting with different
/// letters never match at the same place (their case-folded letter
/// classes are disjoint), and words sharing a letter keep their
/// order. Only consecutive words led by a plain letter (not followed by a
/// quantifier) are grouped; any other word stays where it is.
pub(super) fn factor(alternation: &str) -> String {
    let words: Vec<&str> = alternation.split('|').collect();
    factor_words(&words)
}

/// [`factor`] over words already split.
fn factor_words(words: &[&str]) -> String {
    /// Whether `word` opens with a letter that can be taken off on its own.
    fn letter_led(word: &str) -> bool {
        let b = word.as_bytes();
        b.first().is_some_and(u8::is_ascii_alphabetic)
            && !b.get(1).is_some_and(|q| b"?*+{".contains(q))
    }
    let mut out: Vec<String> = Vec::new();
    let mut rest = words;
    while let Some(&first) = rest.first() {
        if !letter_led(first) {
            out.push(first.to_string());
            rest = &rest[1..];
            continue;
        }
        let run_len = rest.iter().take_while(|w| letter_led(w)).count();
        let (run, after) = rest.split_at(run_len);
        rest = after;
        // Groups by first letter, in order of first appearance.
        let mut groups: Vec<(u8, &str, Vec<&str>)> = Vec::new();
        for word in run {
            let key = word.as_bytes()[0].to_ascii_lowercase();
            match groups.iter_mut().find(|g| g.0 == key) {
                Some(g) => g.2.push(&word[1..]),
                None => groups.push((key, &word[..1], vec![&word[1..]])),
            }
        }
        for (_, letter, tails) in groups {
            match tails.as_slice() {
                [tail] => out.push(format!("{letter}{tail}")),
                _ => out.push(format!("{letter}(?:{})", factor_words(&tails))),
            }
        }
    }
    out.join("|")
}

/// Range connectors between two figures.
const CONN: &str = r"\s{0,3}[-–]\s{0,3}|\s{1,3}(?:to|and)\s{1,3}";

/// The [`us`] qualifiers, separated by `|`.
pub(super) const US: &str = us!();

/// The words of a `dlrs` after a prefixed amount.
pub(super) const DOLLARS: &str = "dlrs|dollars";

/// `$14.3 billion`, `US$1.2 bln`, `between $1 and $2 billion`, `$20 a share`.
pub(super) fn prefix_money() -> String {
    format!(
        r"(?i)(?P<cur>{PREFIX})\s?(?P<n1>{NUM})(?P<m1>{mult})?(?:(?P<conn>{CONN})(?P<r2>(?P<cur2>{PREFIX})?\s?(?P<n2>{NUM})(?P<m2>{mult})?))?(?P<suf>\s{{1,3}}(?:(?:{US})\s{{1,3}})?(?:{DOLLARS})(?-u:\b))?(?P<ps>{PER_SHARE})?",
        mult = mult(),
    )
}

/// What a [`prefix_money`] match opens with before its first figure: the
/// currency prefix and white space. It holds no digit.
#[cfg_attr(not(test), allow(dead_code))] // for the build script and tests
pub(super) fn prefix_lead() -> String {
    format!(r"(?i)(?:{PREFIX})\s?")
}

/// A [`prefix_lead`], then the first digit of the figure.
#[cfg_attr(not(test), allow(dead_code))] // for the build script and tests
pub(super) fn prefix_lead_digit() -> String {
    format!("{}[0-9]", prefix_lead())
}

/// `15 mln dlrs`, `15.5 mln U.S. dlrs`, `12 cts a share`, `5 billion euros`.
pub(super) fn suffix_money() -> String {
    format!(
        r"(?i)(?-u:\b)(?P<n1>{NUM})(?P<m1>{mult})?(?:(?P<conn>{CONN})(?P<r2>(?P<n2>{NUM})(?P<m2>{mult})?))?\s{{0,3}}(?:(?P<q>{qual})\s{{1,3}})?(?P<cur>{suffix})(?-u:\b)(?P<ps>{PER_SHARE})?",
        mult = mult(),
        qual = factor(QUAL),
        suffix = factor(SUFFIX),
    )
}

/// `49%`, `9.5 pct`, `49 per cent`, `4.5-pct`, `5-6 pct`.
pub(super) fn percent() -> String {
    format!(
        r"(?i)(?-u:\b)(?P<n1>{NUM})(?:(?P<conn>{CONN})(?P<r2>(?P<n2>{NUM})))?\s{{0,2}}-?\s{{0,2}}(?:%|pct(?-u:\b)|percent(?-u:\b)|per\s?cent(?-u:\b))"
    )
}

/// `billion dlrs`, `million U.S. dollars`: the multiplier and currency of
/// an amount in words.
pub(super) const WORD_MONEY: &str = concat!(
    r"(?i)(?-u:\b)(?P<m>billion|bln|million|mln)\s{1,3}(?:(?:",
    us!(),
    r")\s{1,3})?(?:dlrs|dlr|dollars|dollar)(?-u:\b)",
);
