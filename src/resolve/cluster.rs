//! In-document resolution: a multi-pass sieve over mentions.

use super::{KeyWords, merge_key, merge_key_into};
use crate::hash::{HashMap, HashSet};
use crate::kinds::EntityType;
use crate::recognize::{Mention, Source};
use std::borrow::Cow;
use std::collections::hash_map::Entry;

/// One resolved entity of a document.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    /// The entity type.
    pub entity_type: EntityType,
    /// The label: the canonical name if a gazetteer or rules entry gave one,
    /// else the fullest surface without legal suffix or leading "The".
    pub label: String,
    /// The canonical name from a gazetteer or rules entry, if any.
    pub canonical: Option<String>,
    /// The merge key of the label, `same` groups applied.
    pub key: String,
    /// Indices of its mentions, in text order.
    pub mentions: Vec<usize>,
}

/// Options of the sieve.
#[derive(Clone, Debug, Default)]
pub struct ResolveOptions {
    /// Groups of names forced to be one entity (keys).
    pub same: Vec<Vec<String>>,
    /// Groups of names never merged with each other (keys).
    pub distinct: Vec<Vec<String>>,
}

struct Dsu(Vec<usize>);

impl Dsu {
    fn find(&mut self, x: usize) -> usize {
        let mut r = x;
        while self.0[r] != r {
            r = self.0[r];
        }
        let mut y = x;
        while self.0[y] != r {
            let n = self.0[y];
            self.0[y] = r;
            y = n;
        }
        r
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            // The earlier mention stays the root.
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}

/// Re-types weakly typed (or gazetteer-alias) one-word organisation mentions
/// that are a person's surname in the same document ("Rao raised money"
/// after "Naveen Rao", "Spiegel" after "Evan Spiegel"), so
/// that the sieve can join them to that person. (Family names given first,
/// "Dr Khoo" after "Khoo Kay Peng", are joined by the sieve itself.)
pub fn retype_surnames(mentions: &mut [Mention]) {
    let mut surnames: HashSet<String> = HashSet::default();
    for m in mentions.iter() {
        if m.entity_type == EntityType::Person && m.surface.split_whitespace().nth(1).is_some() {
            if let Some(w) = m.surface.split_whitespace().last() {
                surnames.insert(merge_key(w));
            }
        }
    }
    if surnames.is_empty() {
        return;
    }
    // Keys written into two buffers; only organisations that may be
    // re-typed are keyed at all.
    let (mut k, mut c) = (String::new(), String::new());
    for m in mentions.iter_mut() {
        if m.entity_type != EntityType::Org
            || !matches!(
                m.source,
                Source::Context | Source::Propagated | Source::Gazetteer
            )
            || word_count(&m.surface) != 1
        {
            continue;
        }
        merge_key_into(&m.surface, &mut k);
        if !surnames.contains(k.as_str()) {
            continue;
        }
        let weak_org = matches!(m.source, Source::Context | Source::Propagated);
        // "Spiegel" after "Evan Spiegel": the person, not the gazetteer's
        // magazine known by that short alias.
        let alias_org = m.source == Source::Gazetteer
            && m.canonical.as_deref().is_some_and(|name| {
                merge_key_into(name, &mut c);
                c != k
            });
        if weak_org || alias_org {
            m.entity_type = EntityType::Person;
            m.canonical = None;
            m.source = Source::Context;
        }
    }
}

/// Gives every mention of a name one type when the text is sure of it
/// somewhere: a name typed ORG by its context ("Laura Ashley shares",
/// "Laura Ashley chief") is ORG also where only its first name made it a
/// PERSON.
pub fn unify_types(mentions: &mut [Mention]) {
    let retypable =
        |m: &Mention| m.entity_type == EntityType::Person && m.source != Source::Honorific;
    // Most documents name no such person: then no organisation is keyed.
    if !mentions.iter().any(retypable) {
        return;
    }
    let strong_org: HashSet<String> = mentions
        .iter()
        .filter(|m| {
            m.entity_type == EntityType::Org
                && matches!(
                    m.source,
                    Source::Context | Source::Designator | Source::Markup | Source::Ticker
                )
                && m.surface.split_whitespace().nth(1).is_some()
        })
        .map(|m| merge_key(&m.surface))
        .collect();
    if strong_org.is_empty() {
        return;
    }
    let mut key = String::new();
    for m in mentions.iter_mut() {
        if retypable(m) {
            merge_key_into(&m.surface, &mut key);
            if strong_org.contains(key.as_str()) {
                m.entity_type = EntityType::Org;
                m.source = Source::Context;
            }
        }
    }
}

/// The keys of a name (a mention's canonical name or surface), as the
/// sieve compares them.
struct NameKeys {
    /// The key words, without legal suffixes and a leading "the".
    words: KeyWords,
    /// The merge key, `same` groups applied.
    key: String,
    /// Whether legal suffixes were dropped.
    suffixed: bool,
}

impl NameKeys {
    fn of(name: &str, opts: &ResolveOptions) -> NameKeys {
        let mut words = KeyWords::of(name);
        let suffixed = words.strip_legal() > 0;
        let key = group_key(words.concat(), opts);
        if words.first() == Some("the") {
            words.remove_first();
        }
        NameKeys {
            words,
            key,
            suffixed,
        }
    }
}

/// A merge key, or the first key of the `same` group it is in.
fn group_key(key: String, opts: &ResolveOptions) -> String {
    match opts.same.iter().find(|g| g.contains(&key)) {
        Some(group) => group[0].clone(),
        None => key,
    }
}

/// The merge keys of the first and last words of a surface (split at white
/// space), asked of a longer person's name.
type SurfaceEnds = (Option<String>, Option<String>);

/// Resolves mentions into clusters; returns the clusters (in order of first
/// mention) and, per mention, its cluster index.
pub fn resolve(mentions: &[Mention], opts: &ResolveOptions) -> (Vec<Cluster>, Vec<usize>) {
    let n = mentions.len();
    let mut dsu = Dsu((0..n).collect());
    // Per distinct name (canonical name or surface) its keys, computed once:
    // a document names the same entity again and again.
    let mut names: Vec<NameKeys> = Vec::with_capacity(n);
    let mut name_of: Vec<usize> = Vec::with_capacity(n);
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity_and_hasher(n, Default::default());
    for m in mentions {
        let name = m.canonical.as_deref().unwrap_or(&m.surface);
        let ix = *seen.entry(name).or_insert_with(|| {
            names.push(NameKeys::of(name, opts));
            names.len() - 1
        });
        name_of.push(ix);
    }
    let words = |i: usize| &names[name_of[i]].words;
    let key = |i: usize| names[name_of[i]].key.as_str();
    let distinct = |a: &str, b: &str| -> bool {
        opts.distinct
            .iter()
            .any(|g| g.iter().any(|x| x == a) && g.iter().any(|x| x == b))
    };
    // Pass 1: exact key (and canonical) per type.
    let mut first_of: HashMap<(EntityType, &str), usize> =
        HashMap::with_capacity_and_hasher(names.len(), Default::default());
    for (i, m) in mentions.iter().enumerate() {
        match first_of.entry((m.entity_type, key(i))) {
            Entry::Occupied(first) => dsu.union(*first.get(), i),
            Entry::Vacant(slot) => {
                slot.insert(i);
            }
        }
    }
    // Pass 2: tickers join the name they follow.
    for i in 0..n {
        if let Some(a) = mentions[i].ticker_of {
            if a < n && mentions[a].entity_type == mentions[i].entity_type {
                dsu.union(a, i);
            }
        }
    }
    // Pass 3: short forms, surnames and acronyms, against earlier full
    // forms (or any full form, for headline mentions before the body).
    // Keys of organisations named with a legal designator ("Beneficial
    // Corp"): full names, so never a short form of a longer name
    // ("Beneficial International Insurance Co" is another company).
    let designated: HashSet<&str> = (0..n)
        .filter(|&k| {
            names[name_of[k]].suffixed
                && mentions[k].entity_type == EntityType::Org
                && mentions[k].canonical.is_none()
        })
        .map(key)
        .collect();
    // Asked of candidate longer forms in the pair loop below, so computed
    // once per mention, when first asked.
    let surface_ends: Vec<std::cell::OnceCell<SurfaceEnds>> =
        (0..n).map(|_| std::cell::OnceCell::new()).collect();
    let ends_of = |j: usize| -> &SurfaceEnds {
        surface_ends[j].get_or_init(|| {
            let s = &mentions[j].surface;
            (
                s.split_whitespace().next().map(merge_key),
                s.split_whitespace().last().map(merge_key),
            )
        })
    };
    // "Shaw's" for "Shaw's Supermarkets": the key of a first surface word
    // with a possessive.
    let possessive: Vec<std::cell::OnceCell<Option<String>>> =
        (0..n).map(|_| std::cell::OnceCell::new()).collect();
    let possessive_of = |j: usize| -> Option<&str> {
        possessive[j]
            .get_or_init(|| {
                mentions[j]
                    .surface
                    .split_whitespace()
                    .next()
                    .filter(|f| f.ends_with("'s") || f.ends_with("’s"))
                    .map(merge_key)
            })
            .as_deref()
    };
    for i in 0..n {
        let m = &mentions[i];
        if m.source == Source::Ticker || m.canonical.is_some() && m.source == Source::Rules {
            continue;
        }
        let wi = words(i);
        // A person named by one surface word.
        let short = m.entity_type == EntityType::Person && word_count(&m.surface) == 1;
        // Only a short name has a longer form below: an organisation of at
        // most two words, a person of one word (or one surface word).
        let may_be_short = match m.entity_type {
            EntityType::Person => wi.len() == 1 || short,
            EntityType::Org => wi.len() <= 2,
            _ => false,
        };
        if !may_be_short {
            continue;
        }
        let key_i = key(i);
        // The letters of a one-word organisation that may be an acronym
        // of a longer name.
        let acronym = match m.entity_type {
            EntityType::Org if wi.len() == 1 => acronym_letters(&m.surface),
            _ => None,
        };
        let mut best: Option<usize> = None;
        for j in 0..n {
            if j == i || mentions[j].entity_type != m.entity_type {
                continue;
            }
            let wj = words(j);
            if wj.len() <= wi.len() {
                continue;
            }
            if distinct(key_i, key(j)) {
                continue;
            }
            let hit = match m.entity_type {
                EntityType::Person => {
                    (wi.len() == 1 && wj.last() == wi.first())
                        || (short && ends_of(j).1.as_deref() == Some(key_i))
                        || (short
                            && m.source == Source::Honorific
                            && wj.len() >= 3
                            && ends_of(j).0.as_deref() == Some(key_i))
                }
                EntityType::Org => {
                    // "Shaw's" for "Shaw's Supermarkets": the first word's key
                    // drops the possessive.
                    let possessive_first =
                        || wi.len() == 1 && wj.len() >= 2 && possessive_of(j) == Some(key_i);
                    // A designated short name is another company, unless the
                    // longer one only adds its designator and a group word
                    // ("Bond Corp" and "Bond Corp Holdings").
                    let same_family = || {
                        wj.get(wi.len()).is_some_and(|w| {
                            super::LEGAL_SUFFIXES.contains(&w)
                                || matches!(w, "holdings" | "group" | "companies" | "cos")
                        })
                    };
                    ((wj.starts_with(wi) || possessive_first())
                        && wi.len() <= 2
                        && (!designated.contains(key_i) || same_family()))
                        || acronym.is_some_and(|a| initials_are(a, wj.iter()))
                }
                _ => false,
            };
            if hit {
                // Prefer the earliest full form mentioned before; else the
                // earliest at all.
                best = match best {
                    None => Some(j),
                    Some(b) => {
                        let before_b = mentions[b].start < m.start;
                        let before_j = mentions[j].start < m.start;
                        if before_j && !before_b {
                            Some(j)
                        } else {
                            Some(b)
                        }
                    }
                };
            }
        }
        if let Some(j) = best {
            // Do not merge a short form that is itself a full entity of the
            // gazetteer different from the longer one.
            let ci = mentions[i].canonical.as_deref();
            let cj = mentions[j].canonical.as_deref();
            if ci.is_some() && cj.is_some() && ci != cj {
                continue;
            }
            // A known company and its investment arm ("Monsanto" and
            // "Monsanto Growth Ventures") are two organisations.
            let arm = words(j).last().is_some_and(|w| {
                matches!(
                    w,
                    "ventures" | "capital" | "fund" | "investments" | "foundation"
                )
            });
            if ci.is_some() && cj.is_none() && arm {
                continue;
            }
            dsu.union(j, i);
        }
    }
    // Collect clusters in order of first mention (a root is its cluster's
    // first mention, so its cluster index is set before any other's).
    let mut root_ix: Vec<usize> = vec![usize::MAX; n];
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut of = vec![0; n];
    for (i, slot) in of.iter_mut().enumerate() {
        let r = dsu.find(i);
        if root_ix[r] == usize::MAX {
            root_ix[r] = clusters.len();
            clusters.push(Cluster {
                entity_type: mentions[r].entity_type,
                label: String::new(),
                canonical: None,
                key: String::new(),
                mentions: Vec::new(),
            });
        }
        let ci = root_ix[r];
        clusters[ci].mentions.push(i);
        *slot = ci;
    }
    for c in &mut clusters {
        // A canonical name is its first mention's with one, and that
        // mention's name was keyed above.
        match c
            .mentions
            .iter()
            .find(|&&i| mentions[i].canonical.is_some())
        {
            Some(&i) => {
                c.canonical = mentions[i].canonical.clone();
                c.label = c.canonical.clone().unwrap_or_default();
                c.key = key(i).to_string();
            }
            None => {
                c.label = best_label(c.mentions.iter().map(|&i| &mentions[i]));
                c.key = group_key(merge_key(&c.label), opts);
            }
        }
    }
    (clusters, of)
}

/// Whether `surface` is an acronym (two to six capitals) of the name whose
/// key words are `words`: "PCRI" of "Plant Cell Research Institute".
pub fn is_acronym_of(surface: &str, words: &[String]) -> bool {
    acronym_of_words(surface, words.iter().map(String::as_str))
}

/// [`is_acronym_of`] over any sequence of key words, without collecting
/// their initials.
pub(crate) fn acronym_of_words<'w>(surface: &str, words: impl Iterator<Item = &'w str>) -> bool {
    acronym_letters(surface).is_some_and(|s| initials_are(s, words))
}

/// The letters of `surface` if it may be an acronym: two to six ASCII
/// capitals, white space around left out.
fn acronym_letters(surface: &str) -> Option<&[u8]> {
    let s = surface.trim().as_bytes();
    ((2..=6).contains(&s.len()) && s.iter().all(u8::is_ascii_uppercase)).then_some(s)
}

/// Whether the initials of `words` (function words left out) are the
/// acronym letters `s`.
fn initials_are<'w>(s: &[u8], words: impl Iterator<Item = &'w str>) -> bool {
    // The initials, compared as they come: equal ignoring ASCII case means
    // as many bytes and each equal, so a non-ASCII initial never is.
    let mut k = 0;
    for w in words {
        if matches!(w, "and" | "of" | "the" | "for" | "de") {
            continue;
        }
        let Some(c) = w.chars().next() else {
            continue;
        };
        if !c.is_ascii() || k == s.len() || !s[k].eq_ignore_ascii_case(&(c as u8)) {
            return false;
        }
        k += 1;
    }
    k == s.len()
}

/// The label of a cluster without a canonical name: the mention with the
/// most words (then the longest, then the first), with a legal suffix and a
/// leading "The" removed.
fn best_label<'a>(ms: impl Iterator<Item = &'a Mention>) -> String {
    // The best mention so far, with the number of words of its surface once
    // counted: words are counted only when there are two to compare.
    let mut best: Option<(&Mention, Option<usize>)> = None;
    for m in ms.filter(|m| m.source != Source::Ticker) {
        let Some((b, bw)) = &mut best else {
            best = Some((m, None));
            continue;
        };
        let bw = *bw.get_or_insert_with(|| word_count(&b.surface));
        let wc = word_count(&m.surface);
        if wc > bw || (wc == bw && m.surface.len() > b.surface.len()) {
            best = Some((m, Some(wc)));
        }
    }
    match best {
        Some((m, _)) => clean_label(&m.surface, m.entity_type),
        None => String::new(),
    }
}

/// Removes a legal suffix (and a comma before it) and a leading "The" from
/// an organisation's name; strips honorifics from a person's.
pub fn clean_label(surface: &str, t: EntityType) -> String {
    // The words with one space between them: the surface itself when its
    // white space is folded already (as recognised names' is), so that
    // words are cut off at the first and last spaces.
    let joined = if crate::text::is_folded(surface) {
        Cow::Borrowed(surface)
    } else {
        Cow::Owned(surface.split_whitespace().collect::<Vec<_>>().join(" "))
    };
    let mut name: &str = &joined;
    if t == EntityType::Org {
        for _ in 0..2 {
            // (The last space found byte by byte: names are short, and a
            // string search costs more than their bytes.)
            if let Some(cut) = name.bytes().rposition(|b| b == b' ') {
                if is_legal_label_word(&name[cut + 1..]) {
                    name = &name[..cut];
                }
            }
        }
        if let Some(rest) = name.strip_prefix("The ") {
            name = rest;
        }
    }
    trim_joiners(name.to_string())
}

/// `s` without trailing commas, ampersands and " and" (a label cut out of
/// "X, Y and" or "A &").
fn trim_joiners(mut s: String) -> String {
    while s.ends_with(',') || s.ends_with('&') || s.ends_with(" and") {
        s = s
            .trim_end_matches(',')
            .trim_end_matches('&')
            .trim_end_matches(" and")
            .trim_end()
            .to_string();
    }
    s
}

/// The number of white-space separated words of `s`: for an ASCII string,
/// the word starts counted without a branch per byte.
fn word_count(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().count();
    }
    let mut n = 0;
    let mut after_space = true;
    for b in s.bytes() {
        let space = is_ascii_space(b);
        n += usize::from(after_space && !space);
        after_space = space;
    }
    n
}

/// Whether an ASCII byte is white space as `char::is_whitespace` has it:
/// `\t` to `\r` and the space.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// Whether a label's last word is a legal suffix ("Inc.", "L.P."): without
/// its final periods, lower-cased, other periods removed, one of
/// [`super::LEGAL_SUFFIXES`]. An ASCII word is lower-cased into a stack
/// buffer (labels are cleaned per cluster).
fn is_legal_label_word(w: &str) -> bool {
    // Final periods are among the periods removed.
    if !w.is_ascii() {
        let lower = w.to_lowercase();
        return super::LEGAL_SUFFIXES.contains(&lower.replace('.', "").as_str());
    }
    // The longest legal suffix has 12 letters.
    let mut buf = [0u8; 16];
    let mut n = 0;
    for b in w.bytes().filter(|&b| b != b'.') {
        if n == buf.len() {
            return false;
        }
        buf[n] = b.to_ascii_lowercase();
        n += 1;
    }
    super::key::is_legal_suffix_bytes(&buf[..n])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_label_words() {
        for w in [
            "Inc.",
            "INC",
            "L.P.",
            "Co",
            "co.",
            "Corp..",
            "Ltd",
            "GmbH",
            "S.A.",
            "Incorporated",
            "Corporation",
            "Incorporatedx",
            "Ab",
            "Zoë",
            "Société",
            "In",
            "",
            ".",
            "A.B.C.",
        ] {
            let want = {
                let last = w.trim_end_matches('.').to_lowercase();
                super::super::LEGAL_SUFFIXES.contains(&last.replace('.', "").as_str())
            };
            assert_eq!(is_legal_label_word(w), want, "{w}");
        }
        assert_eq!(clean_label("The Foo Co. Inc.", EntityType::Org), "Foo");
        assert_eq!(clean_label("Foo Inc", EntityType::Person), "Foo Inc");
    }

    #[test]
    fn words_counted_as_split_whitespace() {
        let mut samples: Vec<String> = (0..128u8)
            .map(|b| format!("a{}b  c{}", char::from(b), char::from(b)))
            .collect();
        samples.extend(
            [
                "",
                " ",
                "  Foo   Bar ",
                "Zoë\u{a0}Ltd",
                "x\u{85}y",
                "a\u{2003}b c",
            ]
            .map(String::from),
        );
        for s in &samples {
            assert_eq!(word_count(s), s.split_whitespace().count(), "{s:?}");
        }
    }

    #[test]
    fn labels_cut_as_word_lists() {
        // The label rule on the list of white-space separated words.
        let by_words = |surface: &str, t: EntityType| {
            let mut words: Vec<&str> = surface.split_whitespace().collect();
            if t == EntityType::Org {
                for _ in 0..2 {
                    if words.len() > 1 && is_legal_label_word(words[words.len() - 1]) {
                        words.pop();
                    }
                }
                if words.len() > 1 && words[0] == "The" {
                    words.remove(0);
                }
            }
            trim_joiners(words.join(" "))
        };
        for surface in [
            "",
            "  ",
            "Inc",
            "The",
            "The Inc",
            "The The Corp",
            "Foo Inc",
            "The Foo Co. Inc.",
            " The  Foo\tCo Inc ",
            "Foo, Inc.",
            "Foo , Inc.",
            "Smith & Co",
            "Foo and Co Ltd",
            "Zoë\u{a0}Société SA",
            "Foo\u{1}Bar Ltd",
            "The\nFoo",
        ] {
            for t in [EntityType::Org, EntityType::Person] {
                assert_eq!(clean_label(surface, t), by_words(surface, t), "{surface:?}");
            }
        }
    }

    #[test]
    fn acronyms() {
        let words = |s: &[&str]| s.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        assert!(is_acronym_of(
            "PCRI",
            &words(&["plant", "cell", "research", "institute"])
        ));
        assert!(is_acronym_of(" BE ", &words(&["bank", "of", "england"])));
        assert!(!is_acronym_of(
            "PCR",
            &words(&["plant", "cell", "research", "institute"])
        ));
        assert!(!is_acronym_of(
            "PCRIX",
            &words(&["plant", "cell", "research", "institute"])
        ));
        assert!(!is_acronym_of("ZA", &words(&["żabka", "a"])));
        assert!(!is_acronym_of("Pc", &words(&["plant", "cell"])));
        assert!(!is_acronym_of("P", &words(&["plant"])));
    }
}
