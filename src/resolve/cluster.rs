//! In-document resolution: a multi-pass sieve over mentions.

use super::{key_words, merge_key, strip_legal};
use crate::hash::{HashMap, HashSet};
use crate::kinds::EntityType;
use crate::recognize::{Mention, Source};

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
    let last_word = |s: &str| -> Option<String> { s.split_whitespace().last().map(merge_key) };
    let mut surnames: HashSet<String> = HashSet::default();
    for m in mentions.iter() {
        if m.entity_type == EntityType::Person && m.surface.split_whitespace().count() >= 2 {
            if let Some(w) = last_word(&m.surface) {
                surnames.insert(w);
            }
        }
    }
    for m in mentions.iter_mut() {
        if m.surface.split_whitespace().count() != 1 {
            continue;
        }
        let k = merge_key(&m.surface);
        let weak_org = m.entity_type == EntityType::Org
            && matches!(m.source, Source::Context | Source::Propagated);
        // "Spiegel" after "Evan Spiegel": the person, not the gazetteer's
        // magazine known by that short alias.
        let alias_org = m.entity_type == EntityType::Org
            && m.source == Source::Gazetteer
            && m.canonical.as_deref().is_some_and(|c| merge_key(c) != k);
        if (weak_org || alias_org) && surnames.contains(&k) {
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
    let strong_org: HashSet<String> = mentions
        .iter()
        .filter(|m| {
            m.entity_type == EntityType::Org
                && matches!(
                    m.source,
                    Source::Context | Source::Designator | Source::Markup | Source::Ticker
                )
                && m.surface.split_whitespace().count() >= 2
        })
        .map(|m| merge_key(&m.surface))
        .collect();
    if strong_org.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if m.entity_type == EntityType::Person
            && m.source != Source::Honorific
            && strong_org.contains(&merge_key(&m.surface))
        {
            m.entity_type = EntityType::Org;
            m.source = Source::Context;
        }
    }
}

/// Resolves mentions into clusters; returns the clusters (in order of first
/// mention) and, per mention, its cluster index.
pub fn resolve(mentions: &[Mention], opts: &ResolveOptions) -> (Vec<Cluster>, Vec<usize>) {
    let n = mentions.len();
    let mut dsu = Dsu((0..n).collect());
    let key_of = |m: &Mention| -> String {
        let base = m.canonical.as_deref().unwrap_or(&m.surface);
        let k = merge_key(base);
        for group in &opts.same {
            if group.contains(&k) {
                return group[0].clone();
            }
        }
        k
    };
    let keys: Vec<String> = mentions.iter().map(key_of).collect();
    let distinct = |a: &str, b: &str| -> bool {
        opts.distinct
            .iter()
            .any(|g| g.iter().any(|x| x == a) && g.iter().any(|x| x == b))
    };
    // Pass 1: exact key (and canonical) per type.
    let mut first_of: HashMap<(EntityType, &str), usize> = HashMap::default();
    for i in 0..n {
        let t = mentions[i].entity_type;
        match first_of.get(&(t, keys[i].as_str())) {
            Some(&j) => dsu.union(j, i),
            None => {
                first_of.insert((t, keys[i].as_str()), i);
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
    let mut designated: HashSet<&str> = HashSet::default();
    let words: Vec<Vec<String>> = mentions
        .iter()
        .enumerate()
        .map(|(k, m)| {
            let mut w = key_words(m.canonical.as_deref().unwrap_or(&m.surface));
            let before = w.len();
            strip_legal(&mut w);
            if w.len() < before && m.entity_type == EntityType::Org && m.canonical.is_none() {
                designated.insert(keys[k].as_str());
            }
            if w.first().is_some_and(|f| f == "the") && w.len() > 1 {
                w.remove(0);
            }
            w
        })
        .collect();
    for i in 0..n {
        let m = &mentions[i];
        if m.source == Source::Ticker || m.canonical.is_some() && m.source == Source::Rules {
            continue;
        }
        let wi = &words[i];
        // Only a short name has a longer form below: an organisation of at
        // most two words, a person of one word (or one surface word).
        let may_be_short = match m.entity_type {
            EntityType::Person => wi.len() == 1 || m.surface.split_whitespace().count() == 1,
            EntityType::Org => wi.len() <= 2,
            _ => false,
        };
        if !may_be_short {
            continue;
        }
        let mut best: Option<usize> = None;
        for j in 0..n {
            if j == i || mentions[j].entity_type != m.entity_type {
                continue;
            }
            let wj = &words[j];
            if wj.len() <= wi.len() {
                continue;
            }
            if distinct(&keys[i], &keys[j]) {
                continue;
            }
            let hit = match m.entity_type {
                EntityType::Person => {
                    let short = m.surface.split_whitespace().count() == 1;
                    let surface_last = mentions[j].surface.split_whitespace().last().map(merge_key);
                    let surface_first =
                        mentions[j].surface.split_whitespace().next().map(merge_key);
                    (wi.len() == 1 && wj.last() == wi.first())
                        || (short && surface_last.as_deref() == Some(keys[i].as_str()))
                        || (short
                            && m.source == Source::Honorific
                            && wj.len() >= 3
                            && surface_first.as_deref() == Some(keys[i].as_str()))
                }
                EntityType::Org => {
                    // "Shaw's" for "Shaw's Supermarkets": the first word's key
                    // drops the possessive.
                    let possessive_first = wi.len() == 1
                        && wj.len() >= 2
                        && mentions[j]
                            .surface
                            .split_whitespace()
                            .next()
                            .is_some_and(|f| {
                                (f.ends_with("'s") || f.ends_with("’s")) && merge_key(f) == keys[i]
                            });
                    // A designated short name is another company, unless the
                    // longer one only adds its designator and a group word
                    // ("Bond Corp" and "Bond Corp Holdings").
                    let same_family = wj.get(wi.len()).is_some_and(|w| {
                        super::LEGAL_SUFFIXES.contains(&w.as_str())
                            || matches!(w.as_str(), "holdings" | "group" | "companies" | "cos")
                    });
                    ((wj.starts_with(wi) || possessive_first)
                        && wi.len() <= 2
                        && (same_family || !designated.contains(keys[i].as_str())))
                        || (wi.len() == 1 && is_acronym_of(&m.surface, wj))
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
            let arm = words[j].last().is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "ventures" | "capital" | "fund" | "investments" | "foundation"
                )
            });
            if ci.is_some() && cj.is_none() && arm {
                continue;
            }
            dsu.union(j, i);
        }
    }
    // Collect clusters in order of first mention.
    let mut root_ix: HashMap<usize, usize> = HashMap::default();
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut of = vec![0; n];
    for (i, slot) in of.iter_mut().enumerate() {
        let r = dsu.find(i);
        let ci = *root_ix.entry(r).or_insert_with(|| {
            clusters.push(Cluster {
                entity_type: mentions[r].entity_type,
                label: String::new(),
                canonical: None,
                mentions: Vec::new(),
            });
            clusters.len() - 1
        });
        clusters[ci].mentions.push(i);
        *slot = ci;
    }
    for c in &mut clusters {
        c.canonical = c
            .mentions
            .iter()
            .filter_map(|&i| mentions[i].canonical.clone())
            .next();
        c.label = match &c.canonical {
            Some(name) => name.clone(),
            None => best_label(c.mentions.iter().map(|&i| &mentions[i])),
        };
    }
    (clusters, of)
}

/// Whether `surface` is an acronym (two to six capitals) of the name whose
/// key words are `words`: "PCRI" of "Plant Cell Research Institute".
pub fn is_acronym_of(surface: &str, words: &[String]) -> bool {
    let s = surface.trim();
    if s.len() < 2 || s.len() > 6 || !s.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let initials: String = words
        .iter()
        .filter(|w| !matches!(w.as_str(), "and" | "of" | "the" | "for" | "de"))
        .filter_map(|w| w.chars().next())
        .collect();
    initials.eq_ignore_ascii_case(s)
}

/// The label of a cluster without a canonical name: the mention with the
/// most words (then the longest, then the first), with a legal suffix and a
/// leading "The" removed.
fn best_label<'a>(ms: impl Iterator<Item = &'a Mention>) -> String {
    let mut best: Option<(&Mention, usize)> = None;
    for m in ms {
        if m.source == Source::Ticker {
            continue;
        }
        let wc = m.surface.split_whitespace().count();
        let better = match best {
            None => true,
            Some((b, bw)) => wc > bw || (wc == bw && m.surface.len() > b.surface.len()),
        };
        if better {
            best = Some((m, wc));
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
    let mut words: Vec<&str> = surface.split_whitespace().collect();
    if t == EntityType::Org {
        for _ in 0..2 {
            if words.len() > 1 {
                let last = words[words.len() - 1].trim_end_matches('.').to_lowercase();
                if super::LEGAL_SUFFIXES.contains(&last.replace('.', "").as_str()) {
                    words.pop();
                }
            }
        }
        if words.len() > 1 && words[0] == "The" {
            words.remove(0);
        }
    }
    let mut s = words.join(" ");
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
