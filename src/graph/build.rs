//! The merge: fold per-document facts into one graph, deterministically.
//!
//! Every choice is made from data sorted by a total order, never from the
//! order documents arrive in, so any document order, thread count or
//! sharding gives the same graph (and the same bytes in every export):
//!
//! - **node label**: a rules-file or gazetteer canonical name if any (the
//!   smallest, if several); otherwise the label offered by the most
//!   documents, then the longest, then the smallest string.
//! - **node id**: `type:slug(label)`; on a clash the later merge key gets
//!   `-2`, `-3`, ... in key order.
//! - **edge status**: over all evidence, the highest of
//!   denied > former > completed > announced > proposed > reported
//!   (a later, definite statement beats an earlier hedge; a denial or an
//!   ending beats everything); an `acquired` or `invests_in` edge whose
//!   evidence states no status at all (only nouns: "Meta's investment in
//!   X") is `completed`.
//! - **edge amount and stake**: the first figure stated, in evidence order
//!   (doc id, sentence, start); other amounts go to `amount_usd_alt`.
//! - **evidence**: sorted by (doc id, sentence, start, end, rule), capped at
//!   [`MergeOptions::max_evidence`] with the total kept in
//!   `evidence_count`.

use std::collections::BTreeMap;

use super::log::{LineStore, LogLine, MergeLog};
use super::{Edge, KnowledgeGraph, Node};
use crate::facts::{DocFacts, Evidence, MentionFact};
use crate::hash::{HashMap, HashSet};
use crate::kinds::{EntityType, RelationKind, Status};
use crate::strings::{Numbered, Strings};

/// Options of the merge.
#[derive(Clone, Debug)]
pub struct MergeOptions {
    /// Most evidence items kept per edge (the rest are counted).
    pub max_evidence: usize,
    /// Most merge-log lines (one per mention, 40 bytes each) kept in
    /// memory, and most sorted at once when the log is written: past it,
    /// the lines go to a temporary file, so that the merge's memory grows
    /// with the graph rather than with the corpus. Default
    /// [`MergeOptions::DEFAULT_LOG_BUFFER`].
    pub log_buffer: usize,
}

impl MergeOptions {
    /// The default [`MergeOptions::log_buffer`]: 131,072 lines, 5 MB.
    pub const DEFAULT_LOG_BUFFER: usize = 1 << 17;
}

impl Default for MergeOptions {
    fn default() -> MergeOptions {
        MergeOptions {
            max_evidence: 10,
            log_buffer: MergeOptions::DEFAULT_LOG_BUFFER,
        }
    }
}

/// What the merge gathers about one merge key. Strings are numbers in
/// [`GraphBuilder::names`]; the builder holds one of these per key for the
/// whole run, so they stay small: a node's labels and documents are in
/// [`GraphBuilder::entity_facts`], its surface forms in the merge log.
#[derive(Clone, Copy, Debug, Default)]
struct NodeAcc {
    /// `None` while the key has only been named by relations (then it is
    /// no node, and edges to it are dropped).
    entity_type: Option<EntityType>,
    /// The smallest canonical name given, if any.
    canonical: Option<u32>,
    mentions: usize,
}

#[derive(Debug, Default)]
struct EdgeAcc {
    evidence: Vec<Evidence>,
    total: usize,
    /// Numbers of the documents of the evidence, possibly repeated.
    docs: Vec<u32>,
    status: Option<Status>,
    confidence: f64,
    first_amount: Option<(EvKey, f64)>,
    first_stake: Option<(EvKey, f64)>,
    amounts: BTreeMap<EvKey, f64>,
}

type EvKey = (String, usize, usize, usize, String);

fn ev_key(e: &Evidence) -> EvKey {
    (e.doc.clone(), e.sentence, e.start, e.end, e.rule.clone())
}

/// All numbers of `n`, sorted by their strings.
fn sorted(n: &Numbered) -> Vec<u32> {
    sorted_by_string((0..n.len() as u32).map(|k| (n.string(k), k)))
}

/// The numbers, sorted by their strings (equal strings by number).
///
/// Each string goes with the eight bytes that follow what all of them
/// start with (doc ids like `reuters-123` share `reuters-`), read as one
/// big-endian number: comparing those numbers orders the strings as far as
/// those bytes go, so most comparisons are of two integers, and only
/// strings equal that far are compared in full.
fn sorted_by_string<'a>(items: impl Iterator<Item = (&'a str, u32)>) -> Vec<u32> {
    let items: Vec<(&str, u32)> = items.collect();
    let common = items
        .iter()
        .map(|(s, _)| s.as_bytes())
        .reduce(|a, b| &a[..a.iter().zip(b).take_while(|(x, y)| x == y).count()])
        .map_or(0, <[u8]>::len);
    let mut keyed: Vec<(u64, &str, u32)> = items
        .into_iter()
        .map(|(s, n)| {
            let rest = &s.as_bytes()[common..];
            let mut head = [0u8; 8];
            let len = rest.len().min(8);
            head[..len].copy_from_slice(&rest[..len]);
            (u64::from_be_bytes(head), s, n)
        })
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, _, n)| n).collect()
}

/// `rank[n]`: the position of number `n` in `sorted`, for numbers below
/// `len` (`u32::MAX` for those not in it), so that sorting by rank is
/// sorting the way `sorted` is.
fn ranks(sorted: &[u32], len: usize) -> Vec<u32> {
    let mut rank = vec![u32::MAX; len];
    for (r, &n) in sorted.iter().enumerate() {
        rank[n as usize] = r as u32;
    }
    rank
}

/// Sorts numbers by `rank` and drops repeats.
fn sort_unique(v: &mut Vec<u32>, rank: &[u32]) {
    v.sort_unstable_by_key(|&n| rank[n as usize]);
    v.dedup();
}

/// Builds a [`KnowledgeGraph`] from [`DocFacts`], in any order.
#[derive(Debug, Default)]
pub struct GraphBuilder {
    options: MergeOptions,
    /// Merge keys of entities and of relation ends, numbered; the node of
    /// key number `n` is `nodes[n]`.
    keys: Numbered,
    nodes: Vec<NodeAcc>,
    /// Labels, canonical names, surface forms and recognisers, numbered.
    names: Numbered,
    /// Edges by (head key, kind, tail key) number; only looked up until
    /// [`GraphBuilder::finish`] sorts them by key strings.
    edges: HashMap<(u32, RelationKind, u32), EdgeAcc>,
    log: LineStore,
    /// The (key number, surface form number) of every mention, each once:
    /// the aliases of the nodes.
    surfaces: HashSet<(u32, u32)>,
    /// (key number, doc number, label number) of each entity fact: one
    /// list for all nodes rather than `Vec`s for each, most holding a single
    /// item.
    entity_facts: Vec<(u32, u32, u32)>,
    /// Ids of documents and of evidence documents, numbered.
    docs: Numbered,
    /// `is_document[n]`: whether doc number `n` came as [`DocFacts::doc`]
    /// (not only as an evidence document).
    is_document: Vec<bool>,
    /// Number of `true`s in `is_document`.
    document_count: usize,
}

impl GraphBuilder {
    /// Creates an empty builder.
    pub fn new(options: MergeOptions) -> GraphBuilder {
        GraphBuilder {
            log: LineStore::new(options.log_buffer),
            options,
            ..GraphBuilder::default()
        }
    }

    /// Number of documents added so far.
    pub fn document_count(&self) -> usize {
        self.document_count
    }

    /// The number of a merge key, with a node for it if it is new.
    fn key(&mut self, key: &str) -> u32 {
        let (n, new) = self.keys.number(key);
        if new {
            self.nodes.push(NodeAcc::default());
        }
        n
    }

    /// The number of a document id.
    fn doc(&mut self, doc: &str) -> u32 {
        let (n, new) = self.docs.number(doc);
        if new {
            self.is_document.push(false);
        }
        n
    }

    /// Adds the facts of one document.
    pub fn add(&mut self, facts: DocFacts) {
        let doc = self.doc(&facts.doc);
        if !std::mem::replace(&mut self.is_document[doc as usize], true) {
            self.document_count += 1;
        }
        // Mentions mostly repeat the previous one's surface form and
        // recogniser (also across entities): reuse those numbers rather than
        // hash again.
        let mut prev: Option<(&MentionFact, u32, u32)> = None;
        for ent in &facts.entities {
            let node = self.key(&ent.key);
            let acc = &mut self.nodes[node as usize];
            acc.entity_type.get_or_insert(ent.entity_type);
            acc.mentions += ent.mentions.len();
            // The number of the label, if a mention's surface form is the
            // label (as it mostly is).
            let mut label = None;
            // The surface form last added to `surfaces` for this node.
            let mut last_surface = None;
            for m in &ent.mentions {
                let surface = match prev {
                    Some((p, s, _)) if p.surface == m.surface => s,
                    _ => self.names.number(&m.surface).0,
                };
                let source = match prev {
                    Some((p, _, s)) if p.source == m.source => s,
                    _ => self.names.number(&m.source).0,
                };
                prev = Some((m, surface, source));
                if last_surface != Some(surface) {
                    last_surface = Some(surface);
                    self.surfaces.insert((node, surface));
                }
                if label.is_none() && m.surface == ent.label {
                    label = Some(surface);
                }
                self.log.push(LogLine {
                    node,
                    doc,
                    surface,
                    source,
                    sentence: m.sentence,
                    start: m.start,
                    end: m.end,
                });
            }
            let label = label.unwrap_or_else(|| self.names.number(&ent.label).0);
            self.entity_facts.push((node, doc, label));
            // A canonical name is mostly the label itself.
            let canonical = ent.canonical.as_deref().map(|c| {
                if c == ent.label {
                    label
                } else {
                    self.names.number(c).0
                }
            });
            if let Some(c) = canonical {
                let names = &self.names;
                if acc
                    .canonical
                    .is_none_or(|cur| names.string(c) < names.string(cur))
                {
                    acc.canonical = Some(c);
                }
            }
        }
        let max = self.options.max_evidence.max(1);
        for rel in facts.relations {
            if rel.head == rel.tail {
                continue;
            }
            let (head, tail) = if rel.kind.is_symmetric() && rel.tail < rel.head {
                (&rel.tail, &rel.head)
            } else {
                (&rel.head, &rel.tail)
            };
            let (head, tail) = (self.key(head), self.key(tail));
            let ev = rel.evidence;
            let ev_doc = if ev.doc == facts.doc {
                doc
            } else {
                self.doc(&ev.doc)
            };
            let acc = self.edges.entry((head, rel.kind, tail)).or_default();
            acc.total += 1;
            if acc.docs.last() != Some(&ev_doc) {
                acc.docs.push(ev_doc);
            }
            if ev.confidence > acc.confidence {
                acc.confidence = ev.confidence;
            }
            if let Some(s) = ev.status {
                if acc.status.is_none_or(|cur| edge_rank(s) > edge_rank(cur)) {
                    acc.status = Some(s);
                }
            }
            if let Some(a) = ev.amount_usd {
                let key = ev_key(&ev);
                if acc.first_amount.as_ref().is_none_or(|(k, _)| key < *k) {
                    acc.first_amount = Some((key.clone(), a));
                }
                acc.amounts.insert(key, a);
                if acc.amounts.len() > 4 * max {
                    acc.amounts.pop_last();
                }
            }
            if let Some(p) = ev.stake_pct {
                let key = ev_key(&ev);
                if acc.first_stake.as_ref().is_none_or(|(k, _)| key < *k) {
                    acc.first_stake = Some((key, p));
                }
            }
            // The evidence stays sorted (equal keys in arrival order) and
            // capped: the first `max` in evidence order.
            let at = acc
                .evidence
                .partition_point(|e| e.order_key() <= ev.order_key());
            if at < max {
                let len = acc.evidence.len();
                if len == max {
                    acc.evidence.pop();
                } else if len == acc.evidence.capacity() {
                    // Grow by doubling, but never past the cap.
                    acc.evidence.reserve_exact(len.clamp(1, max - len));
                }
                acc.evidence.insert(at, ev);
            }
        }
    }

    /// Finishes the merge.
    pub fn finish(mut self) -> KnowledgeGraph {
        let doc_rank = ranks(&sorted(&self.docs), self.docs.len());
        let names = &self.names;
        let accs = self.nodes;
        // Labels and ids, in merge key order. Only the keys of nodes are
        // ranked: the others name ends of relations only, whose edges are
        // dropped.
        let by_key = sorted_by_string(
            (0..accs.len() as u32)
                .filter(|&n| accs[n as usize].entity_type.is_some())
                .map(|n| (self.keys.string(n), n)),
        );
        // The node of key number `n` is `nodes[key_rank[n]]` (none for
        // `u32::MAX`).
        let key_rank = ranks(&by_key, accs.len());
        // The node ids given so far: numbering an id adds it, and tells
        // whether it was taken, with one hash and no `String` of its own.
        let mut taken = Numbered::with_capacity(by_key.len());
        let mut nodes = Vec::with_capacity(by_key.len());
        // The surface forms and the entity facts of each key number, for
        // the aliases, label and documents of its node.
        let mut surfaces: Vec<(u32, u32)> = self.surfaces.into_iter().collect();
        surfaces.sort_unstable();
        let surface_bucket = bucket_starts(surfaces.iter().map(|&(k, _)| k), accs.len());
        let (facts_by_key, fact_bucket) =
            counting_sort(0..self.entity_facts.len() as u32, accs.len(), |i| {
                self.entity_facts[i as usize].0
            });
        let mut scratch = Vec::new();
        // The doc ids, shared by the nodes' document lists and the merge log.
        let doc_table = std::sync::Arc::new(std::mem::take(&mut self.docs.strings));
        for &number in &by_key {
            let n = number as usize;
            let acc = accs[n];
            let etype = acc.entity_type.unwrap_or(EntityType::Org);
            let facts = &facts_by_key[fact_bucket[n]..fact_bucket[n + 1]];
            scratch.clear();
            scratch.extend(facts.iter().map(|&i| self.entity_facts[i as usize].2));
            scratch.sort_unstable();
            let label = choose_label(acc.canonical, &scratch, names);
            let mut id = String::with_capacity(label.len() + 10);
            id.push_str(etype.id_prefix());
            id.push(':');
            id.push_str(&slug(label));
            if !taken.number(&id).1 {
                let base = id.clone();
                let mut n = 2;
                loop {
                    id = format!("{base}-{n}");
                    if taken.number(&id).1 {
                        break;
                    }
                    n += 1;
                }
            }
            scratch.clear();
            let forms = &surfaces[surface_bucket[n]..surface_bucket[n + 1]];
            scratch.extend(forms.iter().map(|&(_, s)| s));
            scratch.sort_unstable_by(|&a, &b| names.string(a).cmp(names.string(b)));
            let aliases = scratch
                .iter()
                .map(|&s| names.string(s))
                .filter(|s| *s != label)
                .map(str::to_owned)
                .collect();
            scratch.clear();
            scratch.extend(facts.iter().map(|&i| self.entity_facts[i as usize].1));
            sort_unique(&mut scratch, &doc_rank);
            let docs = super::DocIds::new(&doc_table, &scratch);
            nodes.push(Node {
                id,
                label: label.to_owned(),
                entity_type: etype,
                aliases,
                docs,
                mentions: acc.mentions,
            });
        }
        drop(taken);
        drop(accs);
        // `nodes[i]` is the node of key number `by_key[i]`.
        let by_id = sorted_by_string(
            nodes
                .iter()
                .zip(&by_key)
                .map(|(node, &number)| (node.id.as_str(), number)),
        );
        let id_of = |n: u32| {
            nodes
                .get(key_rank[n as usize] as usize)
                .map(|node| &node.id)
        };
        // Edges in (head key, kind, tail key) order, as the merge keys sort.
        let mut keyed: Vec<_> = self.edges.into_iter().collect();
        keyed.sort_unstable_by_key(|&((head, kind, tail), _)| {
            (key_rank[head as usize], kind, key_rank[tail as usize])
        });
        let mut edges = Vec::with_capacity(keyed.len());
        for ((head, kind, tail), mut acc) in keyed {
            let (Some(source), Some(target)) = (id_of(head), id_of(tail)) else {
                continue;
            };
            let (mut source, mut target) = (source.clone(), target.clone());
            if kind.is_symmetric() && target < source {
                std::mem::swap(&mut source, &mut target);
            }
            let amount_usd = acc.first_amount.as_ref().map(|(_, a)| *a);
            let mut alt: Vec<f64> = Vec::new();
            for a in acc.amounts.values() {
                let same = |x: &f64| (x - a).abs() <= 1e-9 * a.abs().max(1.0);
                if amount_usd.is_some_and(|f| same(&f)) || alt.iter().any(same) {
                    continue;
                }
                alt.push(*a);
            }
            let mut id = String::with_capacity(source.len() + target.len() + 16);
            id.push_str(&source);
            id.push('|');
            id.push_str(kind.as_str());
            id.push('|');
            id.push_str(&target);
            edges.push(Edge {
                id,
                source,
                target,
                kind,
                // Deals stated without any cue were done.
                status: acc.status.or(match kind {
                    RelationKind::Acquired | RelationKind::InvestsIn => Some(Status::Completed),
                    _ => None,
                }),
                amount_usd,
                amount_usd_alt: alt,
                stake_pct: acc.first_stake.map(|(_, p)| p),
                confidence: (acc.confidence * 1000.0).round() / 1000.0,
                support: {
                    sort_unique(&mut acc.docs, &doc_rank);
                    acc.docs.len()
                },
                evidence: acc.evidence,
                evidence_count: acc.total,
            });
        }
        // Symmetric edges whose ids sorted differently from their keys may
        // now collide; keep the first.
        edges.sort_by(super::view::edge_order);
        edges.dedup_by(|b, a| a.id == b.id);
        let mut node_ids = Strings::default();
        for n in 0..key_rank.len() as u32 {
            node_ids.push(id_of(n).map_or("", String::as_str));
        }
        // The merge log's lines sort by node id.
        let node_rank = ranks(&by_id, key_rank.len());
        let log = MergeLog::new(
            node_ids,
            doc_table,
            self.names.strings,
            (node_rank, doc_rank),
            self.log,
            self.options.log_buffer,
        );
        KnowledgeGraph::from_parts(nodes, edges, log)
    }
}

/// Where the items of each of `buckets` numbers start once sorted by
/// number (and, last, where the last ends), from the numbers of the items
/// in any order: the items of number `k` go to `starts[k]..starts[k + 1]`.
fn bucket_starts(numbers: impl Iterator<Item = u32>, buckets: usize) -> Vec<usize> {
    let mut starts = vec![0usize; buckets + 1];
    for k in numbers {
        starts[k as usize + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    starts
}

/// The `items`, stably sorted by `rank` (each below `ranks`) by counting;
/// with where the items of each rank start (and, last, where they end).
fn counting_sort(
    items: impl Iterator<Item = u32> + Clone,
    ranks: usize,
    rank: impl Fn(u32) -> u32,
) -> (Vec<u32>, Vec<usize>) {
    // bucket[r]..bucket[r + 1]: where the items ranked r go.
    let bucket = bucket_starts(items.clone().map(&rank), ranks);
    let mut sorted = vec![0u32; bucket[ranks]];
    let mut next = bucket.clone();
    for i in items {
        let r = rank(i) as usize;
        sorted[next[r]] = i;
        next[r] += 1;
    }
    (sorted, bucket)
}

fn edge_rank(s: Status) -> u8 {
    match s {
        Status::Denied => 6,
        Status::Former => 5,
        Status::Completed => 4,
        Status::Announced => 3,
        Status::Proposed => 2,
        Status::Reported => 1,
    }
}

/// The label of a node: its smallest canonical name if it has one;
/// otherwise the label offered most often, then the longest (in
/// characters), then the smallest string. `labels`: the label of each of
/// its entity facts, sorted by number.
fn choose_label<'a>(canonical: Option<u32>, labels: &[u32], names: &'a Numbered) -> &'a str {
    if let Some(c) = canonical {
        return names.string(c);
    }
    labels
        .chunk_by(|a, b| a == b)
        .map(|same| {
            let l = names.string(same[0]);
            (l, same.len(), l.chars().count())
        })
        .max_by(|(a, ca, la), (b, cb, lb)| ca.cmp(cb).then(la.cmp(lb)).then(b.cmp(a)))
        .map_or("", |(l, _, _)| l)
}

/// The slug of a label: lower-cased, accents folded, runs of anything but
/// letters and digits turned into one `-`.
pub fn slug(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut dash = false;
    for c in crate::resolve::fold_accents(label).chars() {
        if c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            // Most labels are ASCII: lower-case those without the Unicode
            // case tables.
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push('x');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Scale AI"), "scale-ai");
        assert_eq!(slug("  Zoë & Co. "), "zoe-co");
        assert_eq!(slug("東京"), "東京");
        assert_eq!(slug("!!"), "x");
    }

    /// `sorted_by_string` against a plain sort of the (string, number)
    /// pairs.
    fn check_sorted(strings: &[&str]) {
        let pairs = strings.iter().zip(0u32..).map(|(&s, n)| (s, n));
        let mut expected: Vec<(&str, u32)> = pairs.clone().collect();
        expected.sort();
        let expected: Vec<u32> = expected.into_iter().map(|(_, n)| n).collect();
        assert_eq!(sorted_by_string(pairs), expected, "{strings:?}");
    }

    #[test]
    fn sorts_by_string() {
        check_sorted(&[]);
        check_sorted(&["b", "a", "b", ""]);
        check_sorted(&["reuters-10", "reuters-9", "reuters-1", "reuters-100"]);
        check_sorted(&[
            "ab",
            "ab\0",
            "ab\0\0",
            "a",
            "ab\0c",
            "abcdefghij",
            "abcdefghi",
        ]);
        check_sorted(&[
            "same-prefix-x",
            "same-prefix-",
            "same-prefix-\u{e9}",
            "same",
        ]);
    }

    proptest::proptest! {
        #[test]
        fn sorts_like_strings(
            strings in proptest::collection::vec("(ab|a|\\x00|\u{e9}|[b-z]){0,12}", 0..40)
        ) {
            let strings: Vec<&str> = strings.iter().map(String::as_str).collect();
            check_sorted(&strings);
        }
    }
}
