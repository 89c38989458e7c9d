//! Word lists embedded in the binary from `data/` (see `data/README.md` for
//! each file's source and licence).

use std::borrow::Cow;
use std::hash::{BuildHasher, Hasher};
use std::sync::LazyLock;

use hashbrown::HashTable;

/// The built-in gazetteer, `type<TAB>name<TAB>alias|alias...` per line.
pub const GAZETTEER_TSV: &str = include_str!("../../data/gazetteer.tsv");
const FIRST_NAMES: &str = include_str!("../../data/first_names.txt");
const FIRST_NAMES_EXTRA: &str = include_str!("../../data/first_names_extra.txt");
const LOCATIONS: &str = include_str!("../../data/locations.txt");
const NON_ENTITIES: &str = include_str!("../../data/non_entities.txt");

/// The lines of `s`, split at each `\n` (a `\r` before it is kept, and a
/// text ending in `\n` ends with an empty line): the embedded lists are
/// split once per run, and `str::lines` searches for the end of each of
/// their thousands of short lines with a `memchr` call of its own.
pub(crate) fn raw_lines(s: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', s.as_bytes())
        .chain([s.len()])
        .map(move |end| {
            let line = &s[start..end];
            start = end + 1;
            line
        })
}

/// The trimmed lines of a word list, less blank lines and `#` comments.
///
/// Trimmed of ASCII white space, byte by byte: the embedded lists have no
/// other white space at the ends of their lines (a test checks), and
/// `str::trim` would decode characters at both ends of every line.
fn lines(s: &str) -> impl Iterator<Item = &str> {
    raw_lines(s)
        .map(str::trim_ascii)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The lists a word is in, as bits of [`CLASSES`]: first names, places
/// and demonyms, words never an entity on their own.
pub(crate) const FIRST_NAME: u16 = 1;
/// See [`FIRST_NAME`].
pub(crate) const PLACE: u16 = 2;
/// See [`FIRST_NAME`].
pub(crate) const NON_ENTITY: u16 = 4;

/// A set of words with bits: a hash table of each word's bytes
/// (lower-cased when the table folds case) with the union of the bits it
/// was given, so one lookup answers for every list the word is in.
///
/// A `hashbrown::HashTable` hashed by foldhash (fixed seed) rather than a
/// `HashMap`: a word is hashed as its bytes alone, without the length
/// prefix `Hash for [u8]` adds, and keyed by bytes rather than `str`, so
/// that a word lower-cased in a stack buffer needs no UTF-8 check (words
/// are looked up by the hundred thousand).
#[derive(Clone, Debug)]
pub(crate) struct WordTable {
    /// The words (lower-cased when folding) and their bits.
    words: HashTable<(Box<[u8]>, u16)>,
    /// The length in bytes of the longest kept word: a longer ASCII word
    /// (its lower case has its length) is in no list, and not hashed.
    max_len: usize,
    /// Whether lookups ignore case (`str::to_lowercase`).
    fold: bool,
}

/// The hash of a word's bytes.
#[inline]
fn hash(w: &[u8]) -> u64 {
    let mut h = foldhash::fast::FixedState::default().build_hasher();
    h.write(w);
    h.finish()
}

impl WordTable {
    /// A table of these words with their bits (a word given twice gets the
    /// union); `fold`: looked up case-insensitively.
    pub(crate) fn new<'a>(
        words: impl IntoIterator<Item = (&'a str, u16)>,
        fold: bool,
    ) -> WordTable {
        let words = words.into_iter();
        // (Sized up front: growing rehashes every word kept so far.)
        let mut table = WordTable {
            words: HashTable::with_capacity(words.size_hint().0),
            max_len: 0,
            fold,
        };
        for (w, bits) in words {
            if bits == 0 {
                continue;
            }
            with_key(w, fold, |w| {
                let entry = table
                    .words
                    .entry(hash(w), |(k, _)| **k == *w, |(k, _)| hash(k))
                    .or_insert_with(|| (w.into(), 0));
                entry.into_mut().1 |= bits;
                table.max_len = table.max_len.max(w.len());
            });
        }
        table
    }

    /// The bits of these bytes (lower-cased when folding).
    #[inline]
    fn get_bytes(&self, w: &[u8]) -> u16 {
        self.words
            .find(hash(w), |(k, _)| **k == *w)
            .map_or(0, |(_, bits)| *bits)
    }

    /// The bits of a word (0 when in no list).
    #[inline]
    pub(crate) fn get(&self, w: &str) -> u16 {
        if w.len() > self.max_len && w.is_ascii() {
            return 0;
        }
        with_key(w, self.fold, |k| self.get_bytes(k))
    }
}

/// Calls `f` with the bytes a table keys `w` by: `w` itself, or when the
/// table folds case, `w` lower-cased as [`lower`] does.
///
/// Most words are short (those looked up are mostly capitalised): they are
/// lower-cased in a stack buffer, the whole buffer tested and lower-cased
/// at once (the zero padding is ASCII and stays zero), rather than in a new
/// `String`. (Inlined: as a call, `WordTable::get` on the hot path cost
/// more.)
#[inline(always)]
fn with_key<R>(w: &str, fold: bool, f: impl FnOnce(&[u8]) -> R) -> R {
    if !fold {
        return f(w.as_bytes());
    }
    let mut buf = [0u8; 16];
    if let Some(head) = buf.get_mut(..w.len()) {
        head.copy_from_slice(w.as_bytes());
        if let Some(lowered) = ascii_lowercase_16(buf) {
            return f(&lowered[..w.len()]);
        }
    }
    f(lower(w).as_bytes())
}

/// Sixteen bytes ASCII lower-cased, if all are ASCII: as one `u128`, eight
/// bytes per register, rather than byte by byte (`make_ascii_lowercase` on
/// an array compiled to unpacking its bytes one by one).
///
/// For an ASCII byte `b` (below 0x80), `b + 0x3F` has its high bit set
/// exactly when `b >= b'A'`, and `b + 0x25` exactly when `b > b'Z'`; neither
/// sum carries into the next byte. The capitals' high bits, shifted right
/// by two, are their 0x20 case bits.
fn ascii_lowercase_16(buf: [u8; 16]) -> Option<[u8; 16]> {
    const fn splat(b: u8) -> u128 {
        u128::from_ne_bytes([b; 16])
    }
    let x = u128::from_ne_bytes(buf);
    if x & splat(0x80) != 0 {
        return None;
    }
    let capital = (x + splat(0x3F)) & !(x + splat(0x25)) & splat(0x80);
    Some((x | capital >> 2).to_ne_bytes())
}

/// Bits of [`CLASSES`] beyond the lexicon lists: role words
/// ([`super::ROLE_WORDS`]) and those that cut a run of capitals, words
/// before and after a name that make it an organisation, honorifics
/// (without their final period), and a sentence's funding and
/// investor-list cue words.
pub(crate) const ROLE: u16 = 8;
/// See [`ROLE`].
pub(crate) const ROLE_CUT: u16 = 16;
/// See [`ROLE`].
pub(crate) const ORG_BEFORE: u16 = 32;
/// See [`ROLE`].
pub(crate) const ORG_AFTER: u16 = 64;
/// See [`ROLE`].
pub(crate) const HONORIFIC_LOWER: u16 = 128;
/// See [`ROLE`].
pub(crate) const FUNDING: u16 = 256;
/// See [`ROLE`].
pub(crate) const CUE: u16 = 512;

/// Every word of the case-blind lists, lower-cased, with the lists it is
/// in: one table, so a word asked about in several lists is hashed once.
pub(crate) static CLASSES: LazyLock<WordTable> = LazyLock::new(|| {
    let mut words: Vec<(&str, u16)> = Vec::new();
    let sources: [(&[&str], u16); 3] = [
        (&[FIRST_NAMES, FIRST_NAMES_EXTRA], FIRST_NAME),
        (&[LOCATIONS], PLACE),
        (&[NON_ENTITIES], NON_ENTITY),
    ];
    for (texts, list) in sources {
        words.extend(texts.iter().flat_map(|s| lines(s)).map(|l| (l, list)));
    }
    let lists: [(&[&str], u16); 6] = [
        (super::ROLE_WORDS, ROLE),
        (super::ROLE_CUT, ROLE_CUT),
        (super::ORG_BEFORE, ORG_BEFORE),
        (super::ORG_AFTER, ORG_AFTER),
        (super::FUNDING_WORDS, FUNDING),
        (super::CUE_WORDS, CUE),
    ];
    for (list, bit) in lists {
        words.extend(list.iter().map(|w| (*w, bit)));
    }
    words.extend(
        HONORIFICS
            .iter()
            .map(|h| (h.trim_end_matches('.'), HONORIFIC_LOWER)),
    );
    WordTable::new(words, true)
});

/// Bits of [`EXACT`]: the case-sensitive word lists (organisation head
/// words, function words, honorifics, calendar words, legal designators,
/// and words that are a legal designator with a period after them).
pub(crate) const ORG_HEAD: u16 = 1;
/// See [`ORG_HEAD`].
pub(crate) const FUNCTION: u16 = 2;
/// See [`ORG_HEAD`].
pub(crate) const HONORIFIC: u16 = 4;
/// See [`ORG_HEAD`].
pub(crate) const CALENDAR: u16 = 8;
/// See [`ORG_HEAD`].
pub(crate) const LEGAL: u16 = 16;
/// See [`ORG_HEAD`].
pub(crate) const LEGAL_DOT: u16 = 32;

/// The case-sensitive word lists, in one table.
pub(crate) static EXACT: LazyLock<WordTable> = LazyLock::new(|| {
    let lists: [(&[&str], u16); 5] = [
        (ORG_HEADS, ORG_HEAD),
        (FUNCTION_WORDS, FUNCTION),
        (HONORIFICS, HONORIFIC),
        (super::CALENDAR, CALENDAR),
        (LEGAL_DESIGNATORS, LEGAL),
    ];
    let mut words: Vec<(&str, u16)> = Vec::new();
    for (list, bit) in lists {
        words.extend(list.iter().map(|w| (*w, bit)));
    }
    words.extend(
        LEGAL_DESIGNATORS
            .iter()
            .filter_map(|d| d.strip_suffix('.'))
            .map(|w| (w, LEGAL_DOT)),
    );
    WordTable::new(words, false)
});

/// The bits of a word in [`EXACT`].
#[inline]
pub(crate) fn exact(w: &str) -> u16 {
    EXACT.get(w)
}

/// The bits of a word in [`CLASSES`] (case-insensitive).
#[inline]
pub(crate) fn class(w: &str) -> u16 {
    CLASSES.get(w)
}

/// The word lists a word is in (looked up case-insensitively).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lists(u16);

impl Lists {
    /// The lists of a word with these [`CLASSES`] bits.
    pub(crate) fn of_class(bits: u16) -> Lists {
        Lists(bits & (FIRST_NAME | PLACE | NON_ENTITY))
    }

    /// Whether the word is a known first name.
    pub fn first_name(self) -> bool {
        self.0 & FIRST_NAME != 0
    }

    /// Whether the word is a known place or demonym.
    pub fn place(self) -> bool {
        self.0 & PLACE != 0
    }

    /// Whether the word is never an entity on its own.
    pub fn non_entity(self) -> bool {
        self.0 & NON_ENTITY != 0
    }
}

/// The word lists a word or name is in (case-insensitive).
pub fn lists(w: &str) -> Lists {
    Lists::of_class(class(w))
}

/// `w.to_lowercase()`, borrowed when `w` is ASCII without capitals.
pub fn lower(w: &str) -> Cow<'_, str> {
    if w.is_ascii() {
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(w.to_ascii_lowercase())
        } else {
            Cow::Borrowed(w)
        }
    } else {
        Cow::Owned(w.to_lowercase())
    }
}

/// Whether a word is a known first name (case-insensitive).
pub fn is_first_name(w: &str) -> bool {
    lists(w).first_name()
}

/// Whether a name is a known place or demonym (case-insensitive).
pub fn is_place(w: &str) -> bool {
    lists(w).place()
}

/// Whether a name is a capitalised word that is never an entity on its own.
pub fn is_non_entity(w: &str) -> bool {
    lists(w).non_entity()
}

/// Legal designators that end an organisation name.
pub const LEGAL_DESIGNATORS: &[&str] = &[
    "Inc",
    "Inc.",
    "Incorporated",
    "Corp",
    "Corp.",
    "Corporation",
    "Co",
    "Co.",
    "Company",
    "Cos",
    "Cos.",
    "Ltd",
    "Ltd.",
    "Limited",
    "LLC",
    "L.L.C.",
    "LLP",
    "LP",
    "L.P.",
    "Plc",
    "PLC",
    "plc",
    "AG",
    "SA",
    "S.A.",
    "SpA",
    "S.p.A.",
    "NV",
    "N.V.",
    "BV",
    "B.V.",
    "GmbH",
    "Pty",
    "Bhd",
    "Oy",
    "AB",
    "A/S",
    "KK",
    "SE",
    "Bancorp",
    "Bancorporation",
    "Trust",
];

/// Head words that end an organisation name.
pub const ORG_HEADS: &[&str] = &[
    "Group",
    "Holdings",
    "Holding",
    "Bank",
    "Banks",
    "Bancorp",
    "Bancshares",
    "Capital",
    "Partners",
    "Ventures",
    "Fund",
    "Funds",
    "Securities",
    "Insurance",
    "Industries",
    "Technologies",
    "Technology",
    "Systems",
    "Labs",
    "Lab",
    "Laboratories",
    "Motors",
    "Airlines",
    "Airways",
    "Pharmaceuticals",
    "Pharma",
    "Energy",
    "Petroleum",
    "Oil",
    "Mining",
    "Media",
    "Communications",
    "Foundation",
    "Institute",
    "University",
    "Authority",
    "Agency",
    "Commission",
    "Ministry",
    "Department",
    "Board",
    "Council",
    "Association",
    "Services",
    "Financial",
    "Investments",
    "Investors",
    "Management",
    "Advisors",
    "Advisers",
    "Resources",
    "Electronics",
    "Software",
    "Networks",
    "Entertainment",
    "Studios",
    "Pictures",
    "Records",
    "Telecom",
    "Telecommunications",
    "Airline",
    "Steel",
    "Chemicals",
    "Chemical",
    "Foods",
    "Brands",
    "Stores",
    "Enterprises",
    "International",
    "Worldwide",
    "Robotics",
    "Therapeutics",
    "Biosciences",
    "Health",
    "Healthcare",
    "Mobility",
    "Semiconductor",
    "Semiconductors",
    "Exchange",
    "Reserve",
    "Bureau",
    "Office",
    "Court",
    "Parliament",
    "Congress",
    "Senate",
    "Treasury",
    "Trust",
    "AI",
    "Cloud",
    "Research",
    "Motor",
    "Auto",
    "Automotive",
    "Aerospace",
    "Aviation",
    "Railways",
    "Railroad",
    "Shipping",
    "Logistics",
    "Utilities",
    "Power",
    "Gas",
    "Petrochemicals",
    "Corporation",
    "Association",
    "Club",
    "Party",
    "Society",
    "Union",
    "Press",
    "News",
    "Times",
    "Journal",
    "Post",
    "Magazine",
    "Broadcasting",
    "Television",
    "Radio",
    "Realty",
    "Properties",
    "Estates",
    "Homes",
    "Construction",
    "Engineering",
    "Manufacturing",
    "Products",
    "Labs",
    "Dynamics",
    "Analytics",
    "Devices",
    "Instruments",
    "Mills",
    "Textiles",
    "Metals",
    "Minerals",
    "Gold",
    "Markets",
    "Trading",
    "Credit",
    "Savings",
    "Loan",
    "Finance",
    "Leasing",
    "Assurance",
    "Life",
    "Mutual",
    "Equity",
    "Equities",
    "Acquisition",
    "Acquisitions",
    "Hotels",
    "Resorts",
    "Restaurants",
    "Stores",
    "Wireless",
    "Mobile",
    "Games",
    "Interactive",
    "Digital",
    "Data",
    "Payments",
    "Pay",
    "Bio",
    "Genomics",
    "Medical",
    "Hospital",
    "Hospitals",
    "Clinic",
    "Breweries",
    "Brewery",
    "Brewing",
    "Distillers",
    "Distillery",
    "Wines",
    "Spirits",
    "Beverages",
    "Tobacco",
    "Textile",
    "Apparel",
    "Retail",
    "Retailers",
    "Supermarkets",
    "Airport",
    "Ports",
    "Telecommunication",
    "Cellular",
    "Satellite",
    "Chips",
    "Automation",
    "Foundry",
    "Refining",
    "Oilfield",
    "Drilling",
    "Exploration",
    "Plantations",
    "Shipyard",
    "Shipbuilding",
    "Lines",
    "Freight",
    "Express",
    "Cargo",
    "Publishing",
    "Publishers",
    "Books",
    "Newspapers",
    "Cinemas",
    "Studio",
    "Capital Partners",
    "Advisory",
    "Consulting",
    "Consultants",
    "Associates",
    "Brothers",
    "Bros",
    "Trustees",
    "Federation",
    "Institution",
    "Administration",
    "Regulator",
    "Tribunal",
];

/// Honorifics before a person's name.
pub const HONORIFICS: &[&str] = &[
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Prof",
    "Prof.",
    "Professor",
    "Senator",
    "Sen.",
    "Rep.",
    "Gov.",
    "Governor",
    "President",
    "Judge",
    "Justice",
    "Minister",
    "Secretary",
    "Chancellor",
    "Premier",
    "Sheikh",
    "Prince",
    "King",
    "Queen",
    "Baroness",
    "Baron",
];

/// Capitalised words that open sentences or headlines and are never the
/// first word of a name.
pub const FUNCTION_WORDS: &[&str] = &[
    "The",
    "A",
    "An",
    "And",
    "But",
    "Or",
    "In",
    "On",
    "At",
    "For",
    "With",
    "By",
    "From",
    "To",
    "Of",
    "As",
    "It",
    "Its",
    "He",
    "She",
    "They",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Our",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "When",
    "While",
    "If",
    "After",
    "Before",
    "Since",
    "Under",
    "Over",
    "Into",
    "About",
    "Also",
    "However",
    "Meanwhile",
    "According",
    "Shares",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Now",
    "Then",
    "Today",
    "Yesterday",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Each",
    "Other",
    "Such",
    "Why",
    "What",
    "How",
    "Who",
    "Where",
    "Which",
    "Despite",
    "Although",
    "Though",
    "Because",
    "Unlike",
    "Like",
    "Following",
    "During",
    "Through",
    "Without",
    "Within",
    "Among",
    "Between",
    "Against",
    "Until",
    "Once",
    "Even",
    "Still",
    "Yet",
    "So",
    "Not",
    "No",
    "Yes",
    "Only",
    "Just",
    "Separately",
    "Sources",
    "Analysts",
    "Officials",
    "Investors",
    "Terms",
    "Details",
    "Neither",
    "Either",
    "Every",
    "Several",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Ten",
    "First",
    "Second",
    "Third",
    "New",
    "Former",
    "Under",
    "Per",
    "Via",
    "Do",
    "Does",
    "Did",
    "Is",
    "Are",
    "Was",
    "Were",
    "Has",
    "Have",
    "Had",
    "Will",
    "Would",
    "Can",
    "Could",
    "Should",
    "May",
    "Might",
    "Must",
    "Read",
    "See",
    "Update",
    "Photo",
    "Image",
    "Source",
    "Note",
    "Editing",
    "Reporting",
    "Additional",
    "Related",
    "More",
    "Much",
    "Chief",
    "Executive",
    "Senior",
    "Deputy",
    "Vice",
    "Acting",
    "Interim",
    "Co",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sir",
    "Let",
    "Here's",
    "Sign",
    "Join",
    "Get",
    "Our",
    "Your",
    "You",
    "Me",
    "My",
    "Him",
    "Them",
    "Us",
    "Over",
    "Off",
    "Up",
    "Down",
    "Out",
    "Then",
    "Than",
    "Whether",
    "Nor",
    "Because",
    "Thus",
    "Hence",
    "Indeed",
    "Instead",
    "Rather",
    "Already",
    "Again",
    "Together",
    "Further",
    "Furthermore",
    "Moreover",
    "Overall",
    "Finally",
    "Currently",
    "Recently",
    "Previously",
    "Initially",
    "Ultimately",
    "Reportedly",
    "Apparently",
    "Notably",
    "Specifically",
    "Additionally",
    "Similarly",
    "Likewise",
    "Otherwise",
    "Nevertheless",
    "Nonetheless",
    "Regardless",
    "Besides",
    "Beyond",
    "Above",
    "Below",
    "Behind",
    "Near",
    "Toward",
    "Towards",
    "Upon",
    "Across",
    "Along",
    "Around",
    "Amid",
    "Amidst",
    "Inside",
    "Outside",
    "Throughout",
    "Whereas",
    "Wherever",
    "Whenever",
    "Whatever",
    "Whoever",
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap as StdMap;

    /// Every word of the lists, in several spellings, and some words in none.
    fn probes() -> Vec<String> {
        let mut words: Vec<&str> = Vec::new();
        for t in [FIRST_NAMES, FIRST_NAMES_EXTRA, LOCATIONS, NON_ENTITIES] {
            words.extend(lines(t));
        }
        for list in [
            super::super::ROLE_WORDS,
            super::super::ROLE_CUT,
            super::super::ORG_BEFORE,
            super::super::ORG_AFTER,
            super::super::FUNDING_WORDS,
            super::super::CUE_WORDS,
            super::super::CALENDAR,
            HONORIFICS,
            FUNCTION_WORDS,
            ORG_HEADS,
            LEGAL_DESIGNATORS,
        ] {
            words.extend(list.iter().copied());
        }
        words.extend(["", "x", "Zoë", "ZOË", "İstanbul", "\u{212A}elvin", "a b"]);
        let mut out = Vec::new();
        for w in words {
            out.push(w.to_string());
            out.push(w.to_uppercase());
            out.push(w.to_lowercase());
            out.push(format!("{w}s"));
            out.push(format!("{w}."));
            out.push(w.chars().skip(1).collect());
        }
        out
    }

    #[test]
    fn ascii_lowercase_16_is_make_ascii_lowercase() {
        for b in 0..=0x7Fu8 {
            let mut buf = [b'Q'; 16];
            buf[usize::from(b % 16)] = b;
            buf[15 - usize::from(b % 16)] = b;
            let mut want = buf;
            want.make_ascii_lowercase();
            assert_eq!(ascii_lowercase_16(buf), Some(want), "{b}");
        }
        let mut buf = *b"Zo\xc3\xab Ltd........";
        assert_eq!(ascii_lowercase_16(buf), None);
        buf[2] = b'e';
        buf[3] = b'E';
        assert_eq!(&ascii_lowercase_16(buf).unwrap()[..5], b"zoee ");
    }

    #[test]
    fn long_words_and_repeats() {
        let long = "x".repeat(70);
        let t = WordTable::new([("Abc", 1), (long.as_str(), 2), ("abc", 4), ("", 8)], true);
        assert_eq!(t.get("ABC"), 5);
        assert_eq!(t.get(&long.to_uppercase()), 2);
        assert_eq!(t.get(&long[1..]), 0);
        assert_eq!(t.get("ab"), 0);
        assert_eq!(t.get(""), 8);
        assert_eq!(t.get("abcd"), 0);
        let t = WordTable::new([("Abc", 1), ("abcdefghabcdefgh", 2)], false);
        assert_eq!((t.get("Abc"), t.get("abc")), (1, 0));
        assert_eq!(
            (t.get("abcdefghabcdefgh"), t.get("abcdefghabcdefgH")),
            (2, 0)
        );
        // Every length up to 24 bytes, against words that differ in
        // one byte.
        let words: Vec<String> = (0..25)
            .map(|n| "abcdefghijklmnopqrstuvwxy"[..n].to_string())
            .collect();
        let t = WordTable::new(words.iter().map(|w| (w.as_str(), 1)), true);
        for w in &words {
            assert_eq!(t.get(w), 1, "{w}");
            assert_eq!(t.get(&w.to_uppercase()), 1, "{w}");
            for i in 0..w.len() {
                let mut other = w.clone().into_bytes();
                other[i] = b'z';
                let other = String::from_utf8(other).unwrap_or_default();
                assert_eq!(t.get(&other), 0, "{other}");
            }
        }
    }

    #[test]
    fn folded_table_is_a_lowercase_map() {
        let mut reference: StdMap<String, u16> = StdMap::new();
        for (texts, bit) in [
            (&[FIRST_NAMES, FIRST_NAMES_EXTRA][..], FIRST_NAME),
            (&[LOCATIONS][..], PLACE),
            (&[NON_ENTITIES][..], NON_ENTITY),
        ] {
            for l in texts.iter().flat_map(|s| lines(s)) {
                *reference.entry(l.to_lowercase()).or_insert(0) |= bit;
            }
        }
        for (list, bit) in [
            (super::super::ROLE_WORDS, ROLE),
            (super::super::ROLE_CUT, ROLE_CUT),
            (super::super::ORG_BEFORE, ORG_BEFORE),
            (super::super::ORG_AFTER, ORG_AFTER),
            (super::super::FUNDING_WORDS, FUNDING),
            (super::super::CUE_WORDS, CUE),
        ] {
            for w in list {
                *reference.entry(w.to_string()).or_insert(0) |= bit;
            }
        }
        for h in HONORIFICS {
            *reference
                .entry(h.trim_end_matches('.').to_lowercase())
                .or_insert(0) |= HONORIFIC_LOWER;
        }
        for w in probes() {
            let want = reference.get(lower(&w).as_ref()).copied().unwrap_or(0);
            assert_eq!(class(&w), want, "{w:?}");
        }
    }

    #[test]
    fn raw_lines_are_the_lines() {
        let texts = [
            "",
            "a",
            "a\n",
            "\n\n",
            "a\r\nb\n\n# c\n  d \t\r\n\u{a0}é\u{2003}\n",
            GAZETTEER_TSV,
            NON_ENTITIES,
        ];
        for t in texts {
            // Every piece between `\n`s, as `str::split` cuts them.
            let raw: Vec<&str> = raw_lines(t).collect();
            let mut expected: Vec<&str> = t.split('\n').collect();
            assert_eq!(raw, expected, "{t:?}");
            // Trimmed, the lines of the lists are those of `str::lines`.
            expected = t
                .lines()
                .map(str::trim_ascii)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect();
            assert_eq!(lines(t).collect::<Vec<_>>(), expected, "{t:?}");
        }
    }

    /// `lines` trims with `trim_ascii`: the same as `trim` on the embedded
    /// lists.
    #[test]
    fn lists_are_ascii_padded() {
        for t in [FIRST_NAMES, FIRST_NAMES_EXTRA, LOCATIONS, NON_ENTITIES] {
            for l in t.lines() {
                assert_eq!(l.trim_ascii(), l.trim(), "{l:?}");
            }
        }
    }

    /// `Extractor::new` trims the fields of the gazetteer with
    /// `trim_ascii`: the same as `trim` on the embedded list.
    #[test]
    fn gazetteer_fields_are_ascii_padded() {
        for field in GAZETTEER_TSV.split(['\n', '\t', '|']) {
            assert_eq!(field.trim_ascii(), field.trim(), "{field:?}");
        }
    }

    #[test]
    fn exact_table_is_the_lists() {
        for w in probes() {
            let mut want = 0;
            for (list, bit) in [
                (ORG_HEADS, ORG_HEAD),
                (FUNCTION_WORDS, FUNCTION),
                (HONORIFICS, HONORIFIC),
                (super::super::CALENDAR, CALENDAR),
                (LEGAL_DESIGNATORS, LEGAL),
            ] {
                if list.contains(&w.as_str()) {
                    want |= bit;
                }
            }
            if LEGAL_DESIGNATORS.contains(&format!("{w}.").as_str()) {
                want |= LEGAL_DOT;
            }
            assert_eq!(exact(&w), want, "{w:?}");
        }
    }
}
