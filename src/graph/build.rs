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

use std::collections::{BTreeMap, BTreeSet};

use super::{Edge, KnowledgeGraph, MergeRecord, Node};
use crate::facts::{DocFacts, Evidence};
use crate::hash::{HashMap, HashSet};
use crate::kinds::{EntityType, RelationKind, Status};

/// Options of the merge.
#[derive(Clone, Debug)]
pub struct MergeOptions {
    /// Most evidence items kept per edge (the rest are counted).
    pub max_evidence: usize,
}

impl Default for MergeOptions {
    fn default() -> MergeOptions {
        MergeOptions { max_evidence: 10 }
    }
}

#[derive(Debug)]
struct NodeAcc {
    key: String,
    entity_type: Option<EntityType>,
    labels: BTreeMap<String, usize>,
    canonical: BTreeSet<String>,
    surfaces: BTreeSet<String>,
    /// Numbers of the documents that mention it (see `GraphBuilder::docs`),
    /// possibly repeated.
    docs: Vec<u32>,
    mentions: usize,
}

#[derive(Debug, Default)]
struct EdgeAcc {
    evidence: Vec<Evidence>,
    total: usize,
    docs: BTreeSet<String>,
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

/// A line of the merge log before node ids exist: node and document by
/// number.
#[derive(Debug)]
struct LogEntry {
    node: u32,
    doc: u32,
    sentence: usize,
    start: usize,
    end: usize,
    surface: String,
    source: String,
}

/// Distinct strings, each with a number in order of arrival; the merge
/// works with the numbers and turns them back into strings (in sorted
/// order where it matters) only at the end. Only looked up, never
/// iterated, so the fast fixed-seed hasher cannot change any output.
#[derive(Debug, Default)]
struct Numbered {
    number: HashMap<String, u32>,
    strings: Vec<String>,
}

impl Numbered {
    /// The number of `s`, new if `s` was not seen before; also whether it
    /// is new.
    fn number(&mut self, s: &str) -> (u32, bool) {
        if let Some(&n) = self.number.get(s) {
            return (n, false);
        }
        let n = u32::try_from(self.strings.len()).unwrap_or(u32::MAX);
        self.number.insert(s.to_owned(), n);
        self.strings.push(s.to_owned());
        (n, true)
    }

    /// For each number, the rank of its string in sorted order.
    fn ranks(&self) -> Vec<u32> {
        ranks(&self.strings)
    }
}

/// For each string, its rank in sorted order (equal strings in order of
/// position), so that sorting by rank is sorting by string.
fn ranks(strings: &[String]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..strings.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        strings[a as usize]
            .cmp(&strings[b as usize])
            .then(a.cmp(&b))
    });
    let mut rank = vec![0; order.len()];
    for (r, &n) in order.iter().enumerate() {
        rank[n as usize] = r as u32;
    }
    rank
}

/// Sorts numbers by `rank` and drops repeats.
fn sorted_unique(mut v: Vec<u32>, rank: &[u32]) -> Vec<u32> {
    v.sort_unstable_by_key(|&n| rank[n as usize]);
    v.dedup();
    v
}

/// Builds a [`KnowledgeGraph`] from [`DocFacts`], in any order.
#[derive(Debug, Default)]
pub struct GraphBuilder {
    options: MergeOptions,
    /// Merge keys, numbered; the node of key number `n` is `nodes[n]`.
    keys: Numbered,
    nodes: Vec<NodeAcc>,
    edges: BTreeMap<(String, RelationKind, String), EdgeAcc>,
    log: Vec<LogEntry>,
    docs: Numbered,
}

impl GraphBuilder {
    /// Creates an empty builder.
    pub fn new(options: MergeOptions) -> GraphBuilder {
        GraphBuilder {
            options,
            ..GraphBuilder::default()
        }
    }

    /// Number of documents added so far.
    pub fn document_count(&self) -> usize {
        self.docs.strings.len()
    }

    /// Adds the facts of one document.
    pub fn add(&mut self, facts: DocFacts) {
        let (doc, _) = self.docs.number(&facts.doc);
        for ent in facts.entities {
            let (node, new) = self.keys.number(&ent.key);
            if new {
                self.nodes.push(NodeAcc {
                    key: ent.key,
                    entity_type: None,
                    labels: BTreeMap::new(),
                    canonical: BTreeSet::new(),
                    surfaces: BTreeSet::new(),
                    docs: Vec::new(),
                    mentions: 0,
                });
            }
            let acc = &mut self.nodes[node as usize];
            acc.entity_type.get_or_insert(ent.entity_type);
            *acc.labels.entry(ent.label).or_insert(0) += 1;
            if let Some(c) = ent.canonical {
                acc.canonical.insert(c);
            }
            if acc.docs.last() != Some(&doc) {
                acc.docs.push(doc);
            }
            acc.mentions += ent.mentions.len();
            for m in ent.mentions {
                if !acc.surfaces.contains(&m.surface) {
                    acc.surfaces.insert(m.surface.clone());
                }
                self.log.push(LogEntry {
                    node,
                    doc,
                    sentence: m.sentence,
                    start: m.start,
                    end: m.end,
                    surface: m.surface,
                    source: m.source,
                });
            }
        }
        let max = self.options.max_evidence.max(1);
        for rel in facts.relations {
            if rel.head == rel.tail {
                continue;
            }
            let (head, tail) = if rel.kind.is_symmetric() && rel.tail < rel.head {
                (rel.tail, rel.head)
            } else {
                (rel.head, rel.tail)
            };
            let acc = self.edges.entry((head, rel.kind, tail)).or_default();
            let ev = rel.evidence;
            acc.total += 1;
            if !acc.docs.contains(&ev.doc) {
                acc.docs.insert(ev.doc.clone());
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
            acc.evidence.push(ev);
            if acc.evidence.len() >= 2 * max {
                acc.evidence
                    .sort_by(|a, b| a.order_key().cmp(&b.order_key()));
                acc.evidence.truncate(max);
            }
        }
    }

    /// Finishes the merge.
    pub fn finish(self) -> KnowledgeGraph {
        let max = self.options.max_evidence.max(1);
        let doc_rank = self.docs.ranks();
        // Labels and ids, in merge key order.
        let mut by_key: Vec<(usize, NodeAcc)> = self.nodes.into_iter().enumerate().collect();
        by_key.sort_unstable_by(|a, b| a.1.key.cmp(&b.1.key));
        // ids[n]: the node id of key number n.
        let mut ids: Vec<String> = vec![String::new(); by_key.len()];
        let mut taken: HashSet<String> =
            HashSet::with_capacity_and_hasher(by_key.len(), Default::default());
        let mut nodes = Vec::with_capacity(by_key.len());
        for (number, acc) in by_key {
            let etype = acc.entity_type.unwrap_or(EntityType::Org);
            let label = choose_label(&acc);
            let mut id = String::with_capacity(label.len() + 10);
            id.push_str(etype.id_prefix());
            id.push(':');
            id.push_str(&slug(&label));
            if taken.contains(&id) {
                let base = id.clone();
                let mut n = 2;
                while taken.contains(&id) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
            }
            taken.insert(id.clone());
            ids[number].clone_from(&id);
            let aliases = acc.surfaces.into_iter().filter(|s| *s != label).collect();
            let docs = sorted_unique(acc.docs, &doc_rank)
                .into_iter()
                .map(|d| self.docs.strings[d as usize].clone())
                .collect();
            nodes.push(Node {
                id,
                label,
                entity_type: etype,
                aliases,
                docs,
                mentions: acc.mentions,
            });
        }
        drop(taken);
        let node_rank = ranks(&ids);
        let id_of = |key: &str| self.keys.number.get(key).map(|&n| &ids[n as usize]);
        let mut edges = Vec::with_capacity(self.edges.len());
        for ((head, kind, tail), mut acc) in self.edges {
            let (Some(source), Some(target)) = (id_of(&head), id_of(&tail)) else {
                continue;
            };
            let (mut source, mut target) = (source.clone(), target.clone());
            if kind.is_symmetric() && target < source {
                std::mem::swap(&mut source, &mut target);
            }
            acc.evidence
                .sort_by(|a, b| a.order_key().cmp(&b.order_key()));
            acc.evidence.truncate(max);
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
                support: acc.docs.len(),
                evidence: acc.evidence,
                evidence_count: acc.total,
            });
        }
        // Symmetric edges whose ids sorted differently from their keys may
        // now collide; keep the first.
        edges.sort_by(super::view::edge_order);
        edges.dedup_by(|b, a| a.id == b.id);
        let log = merge_log(self.log, &ids, &node_rank, &self.docs.strings, &doc_rank);
        KnowledgeGraph::from_parts(nodes, edges, log)
    }
}

/// The merge log, sorted by (node id, doc id, sentence, start, end,
/// surface), equal lines once. Node ids and doc ids are ranked once, so
/// the sort compares integers; entries equal in all of that keep their
/// order of arrival.
///
/// Lines are first put into buckets by node rank (a counting sort: ranks
/// are `0..ids.len()`), then each node's few lines are sorted on their
/// own, which is much less work than one sort of all lines.
fn merge_log(
    mut entries: Vec<LogEntry>,
    ids: &[String],
    node_rank: &[u32],
    docs: &[String],
    doc_rank: &[u32],
) -> Vec<MergeRecord> {
    // bucket[r]..bucket[r + 1]: where the lines of the node ranked r go.
    let mut bucket = vec![0usize; ids.len() + 1];
    for e in &entries {
        bucket[node_rank[e.node as usize] as usize + 1] += 1;
    }
    for r in 1..bucket.len() {
        bucket[r] += bucket[r - 1];
    }
    let mut order = vec![0u32; entries.len()];
    let mut next = bucket.clone();
    for (i, e) in entries.iter().enumerate() {
        let r = node_rank[e.node as usize] as usize;
        order[next[r]] = i as u32;
        next[r] += 1;
    }
    let key = |e: &LogEntry| (doc_rank[e.doc as usize], e.sentence, e.start, e.end);
    for w in bucket.windows(2) {
        order[w[0]..w[1]].sort_unstable_by(|&a, &b| {
            let (x, y) = (&entries[a as usize], &entries[b as usize]);
            key(x)
                .cmp(&key(y))
                .then_with(|| x.surface.cmp(&y.surface))
                .then(a.cmp(&b))
        });
    }
    let mut log: Vec<MergeRecord> = Vec::with_capacity(order.len());
    let mut prev: Option<(u32, u32, usize, usize, usize)> = None;
    for i in order {
        let e = &mut entries[i as usize];
        let (doc, sentence, start, end) = key(e);
        let key = (node_rank[e.node as usize], doc, sentence, start, end);
        if prev == Some(key)
            && log
                .last()
                .is_some_and(|r| r.surface == e.surface && r.source == e.source)
        {
            continue;
        }
        prev = Some(key);
        log.push(MergeRecord {
            node: ids[e.node as usize].clone(),
            surface: std::mem::take(&mut e.surface),
            doc: docs[e.doc as usize].clone(),
            sentence,
            start,
            end,
            source: std::mem::take(&mut e.source),
        });
    }
    log
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

fn choose_label(acc: &NodeAcc) -> String {
    if let Some(c) = acc.canonical.iter().next() {
        return c.clone();
    }
    // Most nodes have one label; otherwise each length is counted once.
    if acc.labels.len() == 1 {
        return acc.labels.keys().next().cloned().unwrap_or_default();
    }
    acc.labels
        .iter()
        .map(|(l, count)| (l, count, l.chars().count()))
        .max_by(|(a, ca, la), (b, cb, lb)| ca.cmp(cb).then(la.cmp(lb)).then(b.cmp(a)))
        .map(|(l, _, _)| l.clone())
        .unwrap_or_default()
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
            out.extend(c.to_lowercase());
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
}
