//! The per-document extraction step: text -> mentions -> entities ->
//! relations -> [`DocFacts`]. Pure: it reads only the document and the
//! frozen configuration.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use crate::config::Rules;
use crate::document::Document;
use crate::facts::{DocFacts, EntityFact, Evidence, MentionFact, RelationFact};
use crate::kinds::{EntityType, RelationKind};
use crate::recognize::{Entry, EntrySource, Gazetteer, Recognizer, lexicon};
use crate::relate::cues::NOT_A_PRICE;
use crate::relate::{
    Item, extract_sentence_in, may_name_raiser, sentence_items_into, sentence_raiser,
    sentence_words_only,
};
use crate::resolve::{ResolveOptions, merge_key, resolve, retype_surnames, unify_types};
use crate::text::{analyze, fold_whitespace, quantity};

/// Most mentions kept per document (a pathological document cannot make
/// the graph, or the in-document resolution, which compares short forms
/// with full forms, explode).
pub const MAX_MENTIONS_PER_DOC: usize = 5_000;

/// Most mentions kept per sentence (relation rules scan a sentence's items).
pub const MAX_MENTIONS_PER_SENTENCE: usize = 100;

/// Longest entity name kept, in bytes; longer "names" are runs of
/// capitalised text, not names.
pub const MAX_NAME_BYTES: usize = 200;

/// The frozen extraction configuration.
#[derive(Clone, Debug)]
pub struct Extractor {
    recognizer: Recognizer,
    resolve: ResolveOptions,
    triggers: Vec<(Vec<String>, RelationKind)>,
}

impl Extractor {
    /// Builds the extractor from the built-in data and user rules.
    pub fn new(rules: &Rules) -> Extractor {
        let disabled: std::collections::HashSet<String> = rules
            .disabled_gazetteer
            .iter()
            .map(|n| merge_key(n))
            .collect();
        let mut entries = Vec::new();
        let mut surfaces = Vec::new();
        // Rules entities first: they outrank built-in entries of the same
        // surface.
        let mut rule_keys = std::collections::HashSet::new();
        for e in &rules.entities {
            let ix = entries.len();
            entries.push(Entry {
                name: e.name.clone(),
                entity_type: e.entity_type,
                source: EntrySource::Rules,
            });
            for s in std::iter::once(&e.name).chain(e.aliases.iter()) {
                rule_keys.insert(s.as_str());
                surfaces.push((s.clone().into(), ix));
            }
        }
        // The embedded list pads its fields with ASCII white space only (a
        // test in `lexicon` checks): `trim_ascii` trims them byte by byte,
        // without decoding characters as `trim` does.
        for line in lexicon::raw_lines(lexicon::GAZETTEER_TSV) {
            let line = line.trim_end_matches('\r');
            if line.trim_ascii().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(t), Some(name)) = (cols.next(), cols.next()) else {
                continue;
            };
            let Ok(entity_type) = t.trim_ascii().parse::<EntityType>() else {
                continue;
            };
            let name = name.trim_ascii();
            // (Most runs disable nothing: no key to make then.)
            if name.is_empty() || (!disabled.is_empty() && disabled.contains(&merge_key(name))) {
                continue;
            }
            let ix = entries.len();
            entries.push(Entry {
                name: name.to_string(),
                entity_type,
                source: EntrySource::Builtin,
            });
            let aliases = cols.next().unwrap_or("");
            for s in std::iter::once(name).chain(aliases.split('|')) {
                let s = s.trim_ascii();
                if s.is_empty() || rule_keys.contains(s) {
                    continue;
                }
                // Borrowed from the embedded list: no copy of each surface.
                surfaces.push((s.into(), ix));
                // Possessive-free and suffix variants are matched by the
                // automaton through their own surfaces only.
            }
        }
        let gazetteer = Gazetteer::new(entries, surfaces);
        let recognizer = Recognizer::new(gazetteer, &rules.stop_names);
        let resolve = ResolveOptions {
            same: rules
                .same
                .iter()
                .map(|g| g.iter().map(|n| merge_key(n)).collect())
                .collect(),
            distinct: rules
                .distinct
                .iter()
                .map(|g| g.iter().map(|n| merge_key(n)).collect())
                .collect(),
        };
        let triggers = rules
            .triggers
            .iter()
            .flat_map(|(k, words)| {
                words
                    .iter()
                    .map(move |w| (w.split_whitespace().map(|x| x.to_lowercase()).collect(), *k))
            })
            .collect();
        Extractor {
            recognizer,
            resolve,
            triggers,
        }
    }

    /// The recogniser this extractor runs (for benchmarks and tools that
    /// time or inspect recognition alone).
    pub fn recognizer(&self) -> &Recognizer {
        &self.recognizer
    }

    /// Extracts the facts of one document.
    pub fn extract(&self, doc: &Document) -> DocFacts {
        let text = doc.text();
        let a = analyze(text);
        let mut notes = Vec::new();
        if a.sentences
            .iter()
            .any(|s| s.end - s.start > crate::text::MAX_SENTENCE_BYTES)
        {
            notes.push(format!(
                "a sentence over {} bytes was cut into pieces",
                crate::text::MAX_SENTENCE_BYTES
            ));
        }
        let mut mentions = self.recognizer.recognize(text, &a);
        let original = mentions.len();
        let before = original;
        mentions.retain(|m| m.surface.len() <= MAX_NAME_BYTES);
        if mentions.len() < before {
            notes.push(format!(
                "{} name(s) longer than {MAX_NAME_BYTES} bytes ignored",
                before - mentions.len()
            ));
        }
        // Mentions so far of each sentence, by sentence index (the
        // recogniser numbers mentions by the sentences of `a`).
        let mut per_sentence = vec![0usize; a.sentences.len()];
        let before = mentions.len();
        mentions.retain(|m| {
            let n = &mut per_sentence[m.sentence];
            *n += 1;
            *n <= MAX_MENTIONS_PER_SENTENCE
        });
        if mentions.len() < before {
            notes.push(format!(
                "{} mention(s) beyond {MAX_MENTIONS_PER_SENTENCE} per sentence ignored",
                before - mentions.len()
            ));
        }
        if mentions.len() < original {
            // Dropping mentions shifted indices: re-point tickers to the
            // name they follow.
            for i in 0..mentions.len() {
                if mentions[i].ticker_of.is_some() {
                    let (first, sentence) = (mentions[i].first, mentions[i].sentence);
                    mentions[i].ticker_of = mentions[..i]
                        .iter()
                        .rposition(|m| m.last == first && m.sentence == sentence);
                }
            }
        }
        if mentions.len() > MAX_MENTIONS_PER_DOC {
            notes.push(format!(
                "{} mentions, only the first {MAX_MENTIONS_PER_DOC} kept",
                mentions.len()
            ));
            mentions.truncate(MAX_MENTIONS_PER_DOC);
        }
        unify_types(&mut mentions);
        retype_surnames(&mut mentions);
        let (mut clusters, cluster_of) = resolve(&mentions, &self.resolve);
        let types: Vec<EntityType> = clusters.iter().map(|c| c.entity_type).collect();
        // `type:merge key` per cluster, each written once into its own
        // string.
        let mut keys: Vec<String> = clusters
            .iter()
            .map(|c| {
                let prefix = c.entity_type.id_prefix();
                let mut key = String::with_capacity(prefix.len() + 1 + c.key.len());
                key.push_str(prefix);
                key.push(':');
                key.push_str(&c.key);
                key
            })
            .collect();

        // Items read their words from the text with ASCII letters
        // lower-cased once (same offsets, same items): most words are then
        // borrowed instead of lower-cased into a string each. Amounts in
        // words are looked for in it too.
        let lower = text.to_ascii_lowercase();
        let quantities = quantity::find_quantities_lowered(text, &lower, 0..text.len());
        let may_raise = may_name_raiser(&lower);
        let mut relations = Vec::new();
        let mut antecedent: Option<usize> = None;
        let mut raiser: Option<usize> = None;
        let mut raise_amounts: Vec<(String, f64)> = Vec::new();
        let mut prices: Vec<PriceStatement> = Vec::new();
        // One vector for the items of every sentence, as long as the
        // longest sentence (a sentence has at most one item per token).
        let longest = a.sentences.iter().map(|s| s.last - s.first).max();
        let mut items = Vec::with_capacity(longest.unwrap_or(0));
        for (si, s) in a.sentences.iter().enumerate() {
            // A sentence whose items are words only (two in five in Reuters
            // news) adds nothing, and its items are not made: it states no
            // price and names no antecedent; no rule relates two entities
            // unless the antecedent and the raiser are two; and it names
            // no raiser unless it has a raise verb.
            let two_outside = matches!((antecedent, raiser), (Some(a), Some(r)) if a != r);
            if !two_outside
                && sentence_words_only(s, &mentions, &quantities)
                && !(may_raise && may_name_raiser(&lower[s.start..s.end]))
            {
                continue;
            }
            sentence_items_into(
                &mut items,
                &lower,
                &a,
                s,
                &mentions,
                &cluster_of,
                &quantities,
            );
            if !self.triggers.is_empty() {
                apply_triggers(&mut items, &self.triggers);
            }
            if let Some((usd, span, total)) = stated_price(&items) {
                prices.push(PriceStatement {
                    total,
                    keys: items
                        .iter()
                        .filter_map(|it| it.cluster())
                        .map(|c| keys[c].clone())
                        .collect(),
                    usd,
                    text: fold_whitespace(&text[span.0..span.1]),
                });
            }
            let found = extract_sentence_in(&items, &types, antecedent, raiser);
            // The company a round was raised by, for members named later.
            if let Some(f) = found
                .iter()
                .rev()
                .find(|f| f.kind == RelationKind::InvestsIn && f.rule.starts_with("inv.round"))
            {
                raiser = Some(f.tail);
            } else if may_raise
                && let Some((r, amount)) = sentence_raiser(&items, &types, antecedent)
            {
                // "X is in talks to raise $1 billion": no investor named yet.
                raiser = Some(r);
                if let Some(a) = amount {
                    raise_amounts.push((keys[r].clone(), a));
                }
            }
            if !found.is_empty() {
                let sentence_text = fold_whitespace(&text[s.start..s.end]);
                for f in found {
                    if !types[f.head].is_node() || !types[f.tail].is_node() {
                        continue;
                    }
                    let amount_text = f.amount_usd.and_then(|_| {
                        items.iter().find_map(|it| match it {
                            Item::Money {
                                usd: Some(_),
                                per_share: false,
                                span,
                            } => Some(fold_whitespace(&text[span.0..span.1])),
                            _ => None,
                        })
                    });
                    relations.push(RelationFact {
                        head: keys[f.head].clone(),
                        kind: f.kind,
                        tail: keys[f.tail].clone(),
                        evidence: Evidence {
                            doc: doc.id().to_string(),
                            sentence: si,
                            start: s.start,
                            end: s.end,
                            text: sentence_text.clone(),
                            status: f.status,
                            amount_usd: f.amount_usd,
                            amount_text,
                            stake_pct: f.stake_pct,
                            rule: f.rule.to_string(),
                            confidence: f.confidence,
                            meta: Arc::clone(doc.shared_meta()),
                        },
                    });
                }
            }
            // The entity "it" and "the company" point to next: the first
            // organisation of this sentence, if any.
            if let Some(first_org) = items.iter().find_map(|it| {
                it.cluster()
                    .filter(|&c| types.get(c) == Some(&EntityType::Org))
            }) {
                antecedent = Some(first_org);
            }
        }

        // A person who leads an organisation anywhere in the text does not
        // also merely work for it.
        let leads: std::collections::HashSet<(String, String)> = relations
            .iter()
            .filter(|r| r.kind == RelationKind::Leads)
            .map(|r| (r.head.clone(), r.tail.clone()))
            .collect();
        if !leads.is_empty() {
            relations.retain(|r| {
                r.kind != RelationKind::WorksFor
                    || !leads.contains(&(r.head.clone(), r.tail.clone()))
            });
        }

        // A round's amount goes to every investor of that round the
        // document names (guidelines: each participating investor's edge
        // carries the round's total), when their own statement gives none.
        let mut round_amount: BTreeMap<String, (f64, Option<String>)> = BTreeMap::new();
        for r in &relations {
            if r.kind == RelationKind::InvestsIn && r.evidence.rule == "inv.round" {
                if let Some(a) = r.evidence.amount_usd {
                    round_amount
                        .entry(r.tail.clone())
                        .or_insert((a, r.evidence.amount_text.clone()));
                }
            }
        }
        for (key, a) in raise_amounts {
            round_amount.entry(key).or_insert((a, None));
        }
        for r in &mut relations {
            if r.kind == RelationKind::InvestsIn
                && r.evidence.amount_usd.is_none()
                && matches!(r.evidence.rule.as_str(), "inv.round" | "inv.member")
            {
                if let Some((a, text)) = round_amount.get(&r.tail) {
                    // Say where the figure came from: another sentence.
                    r.evidence.amount_usd = Some(*a);
                    r.evidence.amount_text = text.clone();
                    r.evidence.rule.push_str("+round-amount");
                }
            }
        }

        fill_deal_prices(&mut relations, &prices);

        // Entities in key order, the clusters of one key making one entity
        // (named after the first of them): the clusters sorted by key (a
        // stable sort keeps each key's clusters in order). Keys, labels and
        // surfaces are no longer needed here, and move into the facts.
        let mut order: Vec<usize> = (0..clusters.len())
            .filter(|&ci| clusters[ci].entity_type.is_node() && !clusters[ci].label.is_empty())
            .collect();
        order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        let mut entities: Vec<EntityFact> = Vec::with_capacity(order.len());
        for ci in order {
            let c = &mut clusters[ci];
            match entities.last_mut() {
                Some(e) if e.key == keys[ci] => e.mentions.reserve(c.mentions.len()),
                _ => entities.push(EntityFact {
                    key: std::mem::take(&mut keys[ci]),
                    label: std::mem::take(&mut c.label),
                    entity_type: c.entity_type,
                    canonical: c.canonical.take(),
                    mentions: Vec::with_capacity(c.mentions.len()),
                }),
            }
            let Some(fact) = entities.last_mut() else {
                continue;
            };
            for &mi in &c.mentions {
                let m = &mut mentions[mi];
                fact.mentions.push(MentionFact {
                    surface: strip_possessive(std::mem::take(&mut m.surface)),
                    sentence: m.sentence,
                    start: m.start,
                    end: m.end,
                    source: Cow::Borrowed(m.source.as_str()),
                });
            }
        }
        for e in &mut entities {
            e.mentions.sort_by_key(|m| (m.start, m.end));
        }
        DocFacts {
            doc: doc.id().to_string(),
            entities,
            relations,
            notes,
        }
    }
}

/// A sentence that states a price: the entities it names and its figure.
struct PriceStatement {
    /// Whether the figure is called the whole price ("the maximum",
    /// "the offer price").
    total: bool,
    keys: std::collections::HashSet<String>,
    usd: f64,
    text: String,
}

/// The value and span of an amount that can be a deal's price: US
/// dollars, not per share, a million or more.
fn price_amount(it: &Item<'_>) -> Option<(f64, (usize, usize))> {
    match *it {
        Item::Money {
            usd: Some(v),
            per_share: false,
            span,
        } if v >= 1e6 => Some((v, span)),
        _ => None,
    }
}

/// The price a sentence states for a deal, with its span: the first USD
/// total (not per share, at least a million) in a sentence that speaks of a
/// deal ("a deal worth $8bn", "is paying up to $500 million", "purchased
/// for about $230m"), unless a valuation, revenue or fund word stands by it.
fn stated_price(items: &[Item<'_>]) -> Option<(f64, (usize, usize), bool)> {
    // Most sentences state no such amount: then no word need be read.
    if !items.iter().any(|it| price_amount(it).is_some()) {
        return None;
    }
    let word = |k: usize| items.get(k).and_then(Item::word).unwrap_or("");
    let deal = items.iter().filter_map(Item::word).any(|w| {
        matches!(
            w,
            "deal"
                | "offer"
                | "bid"
                | "price"
                | "paying"
                | "pay"
                | "paid"
                | "pays"
                | "purchased"
                | "acquisition"
                | "takeover"
                | "buyout"
                | "payable"
                | "consideration"
        )
    });
    if !deal {
        return None;
    }
    let candidates = items.iter().enumerate().filter_map(|(k, it)| {
        let (v, span) = price_amount(it)?;
        let other = (k.saturating_sub(4)..k)
            .map(word)
            .chain([word(k + 1), word(k + 2)])
            .any(|w| {
                NOT_A_PRICE.contains(&w)
                    || matches!(
                        w,
                        "funding" | "raised" | "arr" | "fine" | "fraud" | "settle"
                    )
            });
        // "188 mln dlrs of the maximum 261 mln dlrs payable", "the total
        // offer price is": the whole price.
        let total = (k.saturating_sub(3)..k).any(|j| {
            matches!(word(j), "maximum" | "total" | "aggregate")
                || (word(j) == "price" && matches!(word(j.wrapping_sub(1)), "offer" | "purchase"))
        });
        (!other).then_some((v, span, total))
    });
    // The first whole price, else the first price.
    let mut first = None;
    for c in candidates {
        if c.2 {
            return Some(c);
        }
        first.get_or_insert(c);
    }
    first
}

/// Deal edges whose statements give no price take one stated in another
/// sentence of the document: one naming both parties, else one naming the
/// target (or the buyer) when that company is in no other deal; never one
/// naming a party of another deal, or a figure another edge already has.
fn fill_deal_prices(relations: &mut [RelationFact], prices: &[PriceStatement]) {
    if prices.is_empty() {
        return;
    }
    // Purchases, not holdings ("holds 9.8 pct"), owners or round members.
    let deal = |r: &RelationFact| {
        let rule = r.evidence.rule.as_str();
        let purchase = !["inv.", "stake.has", "acq.own"]
            .iter()
            .any(|p| rule.starts_with(p))
            || rule.starts_with("inv.verb")
            || rule.starts_with("inv.noun");
        matches!(r.kind, RelationKind::Acquired | RelationKind::InvestsIn) && purchase
    };
    let pairs: std::collections::BTreeSet<(String, String)> = relations
        .iter()
        .filter(|r| matches!(r.kind, RelationKind::Acquired | RelationKind::InvestsIn))
        .map(|r| (r.head.clone(), r.tail.clone()))
        .collect();
    let deals_of = |k: &str| pairs.iter().filter(|(h, t)| h == k || t == k).count();
    let deal_pairs: std::collections::BTreeSet<(&str, &str)> = relations
        .iter()
        .filter(|r| deal(r))
        .map(|r| (r.head.as_str(), r.tail.as_str()))
        .collect();
    let only_deal = deal_pairs.len() == 1;
    let mut used: Vec<f64> = relations
        .iter()
        .filter_map(|r| r.evidence.amount_usd)
        .collect();
    let priced: std::collections::HashSet<(String, RelationKind, String)> = relations
        .iter()
        .filter(|r| r.evidence.amount_usd.is_some())
        .map(|r| (r.head.clone(), r.kind, r.tail.clone()))
        .collect();
    let mut done = std::collections::HashSet::new();
    for r in relations.iter_mut() {
        let triple = (r.head.clone(), r.kind, r.tail.clone());
        if !deal(r) || priced.contains(&triple) || !done.insert(triple) {
            continue;
        }
        let (h, t) = (&r.head, &r.tail);
        let others_absent = |p: &PriceStatement| {
            !pairs.iter().any(|(a, b)| {
                (a != h && a != t && p.keys.contains(a)) || (b != h && b != t && p.keys.contains(b))
            })
        };
        let found = {
            let fresh = |p: &PriceStatement| !used.iter().any(|u| (u - p.usd).abs() < 0.5);
            let candidates = || prices.iter().filter(|p| others_absent(p) && fresh(p));
            // A whole price stated without names ("The current offer price
            // is about 782 mln dlrs") belongs to the text's only deal.
            let unnamed = |p: &&PriceStatement| {
                only_deal
                    && p.total
                    && !pairs
                        .iter()
                        .any(|(a, b)| p.keys.contains(a) || p.keys.contains(b))
            };
            candidates()
                .find(|p| p.keys.contains(h) && p.keys.contains(t))
                .or_else(|| candidates().find(|p| p.keys.contains(t) && deals_of(t) == 1))
                .or_else(|| candidates().find(|p| p.keys.contains(h) && deals_of(h) == 1))
                .or_else(|| candidates().find(unnamed))
        };
        if let Some(p) = found {
            used.push(p.usd);
            r.evidence.amount_usd = Some(p.usd);
            r.evidence.amount_text = Some(p.text.clone());
            r.evidence.rule.push_str("+deal-price");
        }
    }
}

/// `s` without a final possessive (`'s`, `’s`).
fn strip_possessive(mut s: String) -> String {
    for p in ["'s", "’s"] {
        if let Some(n) = s.strip_suffix(p).map(str::len) {
            s.truncate(n);
            break;
        }
    }
    s
}

/// Rewrites user trigger phrases into the built-in trigger word of their
/// relation kind.
fn apply_triggers(items: &mut Vec<Item<'_>>, triggers: &[(Vec<String>, RelationKind)]) {
    let mut i = 0;
    while i < items.len() {
        let mut hit = None;
        for (words, kind) in triggers {
            if words.is_empty() || i + words.len() > items.len() {
                continue;
            }
            if words
                .iter()
                .enumerate()
                .all(|(k, w)| items[i + k].word() == Some(w.as_str()))
            {
                hit = Some((words.len(), *kind));
                break;
            }
        }
        if let Some((len, kind)) = hit {
            let repl: &[&str] = match kind {
                RelationKind::Acquired => &["acquired"],
                RelationKind::InvestsIn => &["invested", "in"],
                RelationKind::Leads => &["ceo"],
                RelationKind::Founded => &["founded"],
                RelationKind::WorksFor => &["employee"],
                RelationKind::SubsidiaryOf => &["unit"],
                RelationKind::PartnersWith => &["partnered", "with"],
                RelationKind::CompetesWith => &["competes", "with"],
            };
            let mut repl: Vec<Item<'_>> = repl.iter().map(|&w| Item::Word(w.into())).collect();
            if repl.len() == 2 && items.get(i + len).and_then(Item::word) == repl[1].word() {
                repl.pop();
            }
            let n = repl.len();
            items.splice(i..i + len, repl);
            i += n;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// The canonical names the extractor gives the entities of a text.
    fn canonical(rules: &Rules, text: &str) -> Vec<Option<String>> {
        let facts = Extractor::new(rules).extract(&Document::new("d", text));
        facts.entities.into_iter().map(|e| e.canonical).collect()
    }

    #[test]
    fn disabled_gazetteer_entries_are_not_matched() {
        let text = "20th Century Fox sued Disney over the film.";
        let fox = Some("21st Century Fox".to_string());
        assert!(canonical(&Rules::default(), text).contains(&fox));
        let rules = Rules::from_toml_str(
            Path::new("test.toml"),
            "[gazetteer]\ndisable = [\"21st Century Fox\"]\n",
        )
        .unwrap();
        assert!(!canonical(&rules, text).contains(&fox));
    }
}
