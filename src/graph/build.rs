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

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::{Edge, KnowledgeGraph, MergeRecord, Node};
use crate::facts::{DocFacts, Evidence};
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

#[derive(Debug, Default)]
struct NodeAcc {
    entity_type: Option<EntityType>,
    labels: BTreeMap<String, usize>,
    canonical: BTreeSet<String>,
    surfaces: BTreeSet<String>,
    docs: BTreeSet<String>,
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

/// A merge record's sort key: ranks of its node id and doc id, then
/// sentence, start and end.
type LogKey = (usize, usize, usize, usize, usize);

fn ev_key(e: &Evidence) -> EvKey {
    (e.doc.clone(), e.sentence, e.start, e.end, e.rule.clone())
}

/// Builds a [`KnowledgeGraph`] from [`DocFacts`], in any order.
#[derive(Debug, Default)]
pub struct GraphBuilder {
    options: MergeOptions,
    nodes: BTreeMap<String, NodeAcc>,
    edges: BTreeMap<(String, RelationKind, String), EdgeAcc>,
    log: Vec<(String, MergeRecord)>,
    docs: BTreeSet<String>,
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
        self.docs.len()
    }

    /// Adds the facts of one document.
    pub fn add(&mut self, facts: DocFacts) {
        self.docs.insert(facts.doc.clone());
        for ent in facts.entities {
            let acc = self.nodes.entry(ent.key.clone()).or_default();
            acc.entity_type.get_or_insert(ent.entity_type);
            *acc.labels.entry(ent.label.clone()).or_insert(0) += 1;
            if let Some(c) = ent.canonical {
                acc.canonical.insert(c);
            }
            acc.docs.insert(facts.doc.clone());
            acc.mentions += ent.mentions.len();
            for m in ent.mentions {
                acc.surfaces.insert(m.surface.clone());
                self.log.push((
                    ent.key.clone(),
                    MergeRecord {
                        node: String::new(),
                        surface: m.surface,
                        doc: facts.doc.clone(),
                        sentence: m.sentence,
                        start: m.start,
                        end: m.end,
                        source: m.source,
                    },
                ));
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
            let key = ev_key(&ev);
            acc.total += 1;
            acc.docs.insert(ev.doc.clone());
            if ev.confidence > acc.confidence {
                acc.confidence = ev.confidence;
            }
            if let Some(s) = ev.status {
                if acc.status.is_none_or(|cur| edge_rank(s) > edge_rank(cur)) {
                    acc.status = Some(s);
                }
            }
            if let Some(a) = ev.amount_usd {
                if acc.first_amount.as_ref().is_none_or(|(k, _)| key < *k) {
                    acc.first_amount = Some((key.clone(), a));
                }
                acc.amounts.insert(key.clone(), a);
                if acc.amounts.len() > 4 * max {
                    acc.amounts.pop_last();
                }
            }
            if let Some(p) = ev.stake_pct {
                if acc.first_stake.as_ref().is_none_or(|(k, _)| key < *k) {
                    acc.first_stake = Some((key.clone(), p));
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
        // Labels and ids.
        let mut ids: BTreeMap<String, String> = BTreeMap::new();
        let mut taken: BTreeSet<String> = BTreeSet::new();
        let mut nodes = Vec::with_capacity(self.nodes.len());
        for (key, acc) in self.nodes {
            let etype = acc.entity_type.unwrap_or(EntityType::Org);
            let label = choose_label(&acc);
            let base = format!("{}:{}", etype.id_prefix(), slug(&label));
            let mut id = base.clone();
            let mut n = 2;
            while taken.contains(&id) {
                id = format!("{base}-{n}");
                n += 1;
            }
            taken.insert(id.clone());
            ids.insert(key, id.clone());
            let aliases = acc.surfaces.into_iter().filter(|s| *s != label).collect();
            nodes.push(Node {
                id,
                label,
                entity_type: etype,
                aliases,
                docs: acc.docs.into_iter().collect(),
                mentions: acc.mentions,
            });
        }
        let mut edges = Vec::with_capacity(self.edges.len());
        for ((head, kind, tail), mut acc) in self.edges {
            let (Some(source), Some(target)) = (ids.get(&head), ids.get(&tail)) else {
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
            edges.push(Edge {
                id: format!("{source}|{kind}|{target}"),
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
        // Sorted by (node, doc, sentence, start, end, surface). Node ids and
        // doc ids are ranked once (each set is small and already distinct),
        // so the sort compares integers; the order is the same.
        let node_rank: HashMap<&str, (usize, &String)> = {
            let mut distinct: Vec<(&str, &String)> =
                ids.iter().map(|(k, id)| (k.as_str(), id)).collect();
            distinct.sort_unstable_by(|a, b| a.1.cmp(b.1));
            distinct
                .into_iter()
                .enumerate()
                .map(|(rank, (key, id))| (key, (rank, id)))
                .collect()
        };
        let doc_rank: HashMap<&str, usize> = self
            .docs
            .iter()
            .enumerate()
            .map(|(rank, d)| (d.as_str(), rank))
            .collect();
        let mut keyed: Vec<(LogKey, MergeRecord)> = self
            .log
            .into_iter()
            .filter_map(|(key, mut rec)| {
                let &(node, id) = node_rank.get(key.as_str())?;
                rec.node.clone_from(id);
                let doc = doc_rank.get(rec.doc.as_str()).copied().unwrap_or(0);
                Some(((node, doc, rec.sentence, rec.start, rec.end), rec))
            })
            .collect();
        drop(node_rank);
        drop(doc_rank);
        keyed.sort_by(|(ka, a), (kb, b)| ka.cmp(kb).then_with(|| a.surface.cmp(&b.surface)));
        let mut log: Vec<MergeRecord> = keyed.into_iter().map(|(_, r)| r).collect();
        log.dedup();
        KnowledgeGraph::from_parts(nodes, edges, log)
    }
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
    acc.labels
        .iter()
        .max_by(|(a, ca), (b, cb)| {
            ca.cmp(cb)
                .then(a.chars().count().cmp(&b.chars().count()))
                .then(b.cmp(a))
        })
        .map(|(l, _)| l.clone())
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
