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

use rayon::prelude::*;

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
    ///
    /// Called on a thread of a rayon pool of several threads (inside
    /// [`rayon::ThreadPool::install`]), the sorts and the per-node and
    /// per-edge work run on that pool, in parallel where they do not depend
    /// on each other; called elsewhere, all of it runs on the calling
    /// thread. The result is the same either way, since every step's
    /// output is ordered by data.
    pub fn finish(self) -> KnowledgeGraph {
        let parallel = rayon::current_thread_index().is_some() && rayon::current_num_threads() > 1;
        let GraphBuilder {
            options,
            keys,
            nodes: accs,
            names,
            edges,
            log,
            surfaces,
            entity_facts,
            docs,
            ..
        } = self;
        // Four independent sorts: doc ids, merge keys, surface forms by key,
        // entity facts by key.
        let (
            (doc_rank, (by_key, key_rank)),
            ((surfaces, surface_bucket), (facts_by_key, fact_bucket)),
        ) = join(
            parallel,
            || {
                join(
                    parallel,
                    || ranks(&sorted(&docs), docs.len()),
                    || {
                        // Labels and ids, in merge key order. Only the
                        // keys of nodes are ranked: the others name ends
                        // of relations only, whose edges are dropped.
                        let by_key = sorted_by_string(
                            (0..accs.len() as u32)
                                .filter(|&n| accs[n as usize].entity_type.is_some())
                                .map(|n| (keys.string(n), n)),
                        );
                        // The node of key number `n` is
                        // `nodes[key_rank[n]]` (none for `u32::MAX`).
                        let key_rank = ranks(&by_key, accs.len());
                        (by_key, key_rank)
                    },
                )
            },
            || {
                join(
                    parallel,
                    || {
                        let mut surfaces: Vec<(u32, u32)> = surfaces.into_iter().collect();
                        surfaces.sort_unstable();
                        let bucket = bucket_starts(surfaces.iter().map(|&(k, _)| k), accs.len());
                        (surfaces, bucket)
                    },
                    || {
                        counting_sort(0..entity_facts.len() as u32, accs.len(), |i| {
                            entity_facts[i as usize].0
                        })
                    },
                )
            },
        );
        // The doc ids, shared by the nodes' document lists and the merge log.
        let doc_table = std::sync::Arc::new(docs.strings);
        // Each node's label, id (unique only once numbered below), aliases
        // and documents; beside it, the edges in (head key, kind, tail key)
        // order, as the merge keys sort.
        let make_node = |scratch: &mut Vec<u32>, number: u32| {
            let n = number as usize;
            let acc = accs[n];
            let etype = acc.entity_type.unwrap_or(EntityType::Org);
            let facts = &facts_by_key[fact_bucket[n]..fact_bucket[n + 1]];
            scratch.clear();
            scratch.extend(facts.iter().map(|&i| entity_facts[i as usize].2));
            scratch.sort_unstable();
            let label = choose_label(acc.canonical, scratch, &names);
            let mut id = String::with_capacity(label.len() + 10);
            id.push_str(etype.id_prefix());
            id.push(':');
            id.push_str(&slug(label));
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
            scratch.extend(facts.iter().map(|&i| entity_facts[i as usize].1));
            sort_unique(scratch, &doc_rank);
            Node {
                id,
                label: label.to_owned(),
                entity_type: etype,
                aliases,
                docs: super::DocIds::new(&doc_table, scratch),
                mentions: acc.mentions,
            }
        };
        let (made, keyed) = join(
            parallel,
            || -> Vec<Node> {
                if parallel {
                    by_key
                        .par_iter()
                        .map_init(Vec::new, |scratch, &number| make_node(scratch, number))
                        .collect()
                } else {
                    let mut scratch = Vec::new();
                    by_key.iter().map(|&n| make_node(&mut scratch, n)).collect()
                }
            },
            || {
                // Edges to or from a key that is no node are dropped.
                let mut keyed: Vec<_> = edges
                    .into_iter()
                    .filter(|&((head, _, tail), _)| {
                        key_rank[head as usize] != u32::MAX && key_rank[tail as usize] != u32::MAX
                    })
                    .collect();
                let order = |&((head, kind, tail), _): &((u32, RelationKind, u32), EdgeAcc)| {
                    (key_rank[head as usize], kind, key_rank[tail as usize])
                };
                if parallel {
                    keyed.par_sort_unstable_by_key(order);
                } else {
                    keyed.sort_unstable_by_key(order);
                }
                keyed
            },
        );
        drop((surfaces, facts_by_key, entity_facts));
        // Ids made unique in merge key order: on a clash the later key gets
        // `-2`, `-3`, ... Numbering an id adds it, and tells whether it was
        // taken, with one hash and no `String` of its own.
        let mut nodes = made;
        let mut taken = Numbered::with_capacity(nodes.len());
        for node in &mut nodes {
            if !taken.number(&node.id).1 {
                let base = std::mem::take(&mut node.id);
                let mut n = 2;
                loop {
                    node.id = format!("{base}-{n}");
                    if taken.number(&node.id).1 {
                        break;
                    }
                    n += 1;
                }
            }
        }
        drop(taken);
        drop(accs);
        let id_of = |n: u32| {
            nodes
                .get(key_rank[n as usize] as usize)
                .map(|node| &node.id)
        };
        let ((node_rank, node_ids), edges) = join(
            parallel,
            || {
                // `nodes[i]` is the node of key number `by_key[i]`.
                let by_id = sorted_by_string(
                    nodes
                        .iter()
                        .zip(&by_key)
                        .map(|(node, &number)| (node.id.as_str(), number)),
                );
                let mut node_ids = Strings::default();
                for n in 0..key_rank.len() as u32 {
                    node_ids.push(id_of(n).map_or("", String::as_str));
                }
                // The merge log's lines sort by node id.
                (ranks(&by_id, key_rank.len()), node_ids)
            },
            || {
                // An indexed collect: straight into one vector of the
                // right length.
                let edge = |((head, kind, tail), acc): ((u32, RelationKind, u32), EdgeAcc)| {
                    let node = |n: u32| &nodes[key_rank[n as usize] as usize].id;
                    make_edge(node(head), kind, node(tail), acc, &doc_rank)
                };
                let mut edges: Vec<Edge> = if parallel {
                    keyed.into_par_iter().map(edge).collect()
                } else {
                    keyed.into_iter().map(edge).collect()
                };
                // Symmetric edges whose ids sorted differently from their
                // keys may now collide; keep the first.
                edges.sort_by(super::view::edge_order);
                edges.dedup_by(|b, a| a.id == b.id);
                edges
            },
        );
        let log = MergeLog::new(
            node_ids,
            doc_table,
            names.strings,
            (node_rank, doc_rank),
            log,
            options.log_buffer,
        );
        KnowledgeGraph::from_parts(nodes, edges, log)
    }
}

/// `a()` and `b()`: with `parallel`, on the current rayon pool, possibly
/// at once ([`rayon::join`]); otherwise one after the other.
fn join<A, B, RA, RB>(parallel: bool, a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    if parallel {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}

/// The edge from node id `source` to node id `target` of what the merge
/// gathered about it.
fn make_edge(
    source: &str,
    kind: RelationKind,
    target: &str,
    mut acc: EdgeAcc,
    doc_rank: &[u32],
) -> Edge {
    let (mut source, mut target) = (source.to_owned(), target.to_owned());
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
    Edge {
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
            sort_unique(&mut acc.docs, doc_rank);
            acc.docs.len()
        },
        evidence: acc.evidence,
        evidence_count: acc.total,
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

    /// Facts of `docs` documents over 400 merge keys whose labels often
    /// slug alike (so ids clash and get `-2`, `-3`, ...), with relations
    /// of every kind, symmetric ones among them, some to keys that are no
    /// node.
    fn many_facts(docs: usize) -> Vec<DocFacts> {
        use crate::facts::{EntityFact, RelationFact};
        let spellings = ["Acme {}", "ACME {}.", "acme-{}", "Acme  {} ", "Zoë {}"];
        let kinds = [
            RelationKind::InvestsIn,
            RelationKind::PartnersWith,
            RelationKind::CompetesWith,
            RelationKind::Acquired,
            RelationKind::WorksFor,
        ];
        (0..docs)
            .map(|d| {
                let keys: Vec<usize> = (0..12).map(|i| (d * 7 + i * 31) % 400).collect();
                let entities = keys
                    .iter()
                    .map(|&k| {
                        let label = spellings[k % 5].replace("{}", &(k / 25).to_string());
                        EntityFact {
                            key: format!("k{k}"),
                            label: label.clone(),
                            entity_type: if k % 3 == 0 {
                                EntityType::Person
                            } else {
                                EntityType::Org
                            },
                            canonical: (k % 11 == 0).then(|| format!("Canon {}", k % 4)),
                            mentions: (0..1 + k % 3)
                                .map(|m| MentionFact {
                                    surface: if m == 0 {
                                        label.clone()
                                    } else {
                                        format!("{label} {m}")
                                    },
                                    sentence: m,
                                    start: k,
                                    end: k + 5,
                                    source: ["rules", "gazetteer"][m % 2].into(),
                                })
                                .collect(),
                        }
                    })
                    .collect();
                let relations = (0..10)
                    .map(|i| {
                        let head = keys[i];
                        // Keys of 400 and up are named by relations only.
                        let tail = if i == 9 {
                            400 + d % 5
                        } else {
                            keys[(i * 5 + 3) % 12]
                        };
                        RelationFact {
                            head: format!("k{head}"),
                            kind: kinds[(d + i) % 5],
                            tail: format!("k{tail}"),
                            evidence: Evidence {
                                doc: format!("doc-{d}"),
                                sentence: i,
                                start: i,
                                end: i + 9,
                                text: format!("sentence {i} of {d}"),
                                status: [None, Some(Status::Announced), Some(Status::Denied)]
                                    [i % 3],
                                amount_usd: (i % 4 == 0).then_some((d * 1000 + i) as f64),
                                amount_text: None,
                                stake_pct: (i % 5 == 0).then_some(10.0),
                                rule: format!("rule-{}", i % 3),
                                confidence: 0.5 + (i as f64) / 40.0,
                                meta: Default::default(),
                            },
                        }
                    })
                    .collect();
                DocFacts {
                    doc: format!("doc-{d}"),
                    entities,
                    relations,
                    notes: vec![],
                }
            })
            .collect()
    }

    /// `finish` runs on the current rayon pool: one thread and four give
    /// the same bytes in every format.
    #[test]
    fn finish_is_the_same_on_one_thread_and_several() {
        use crate::export::{Format, render_to_string};
        let render = |threads: usize| {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .expect("pool");
            let mut b = GraphBuilder::new(MergeOptions {
                max_evidence: 3,
                ..MergeOptions::default()
            });
            for facts in many_facts(300) {
                b.add(facts);
            }
            let graph = pool.install(|| b.finish());
            assert!(graph.node_count() > 300, "{}", graph.node_count());
            assert!(graph.edge_count() > 300, "{}", graph.edge_count());
            let view = graph.view();
            let ids: Vec<&str> = view.nodes().iter().map(|n| n.id.as_str()).collect();
            assert!(
                ids.iter().any(|id| id.ends_with("-3")),
                "no id clash: {ids:?}"
            );
            Format::ALL
                .iter()
                .flat_map(|f| {
                    let e = f.exporter();
                    (0..f.files().len())
                        .map(|i| render_to_string(e.as_ref(), &graph, i))
                        .collect::<Vec<_>>()
                })
                .collect::<Vec<String>>()
        };
        let one = render(1);
        let four = render(4);
        assert_eq!(one.len(), four.len());
        for (a, b) in one.iter().zip(&four) {
            assert!(a == b, "differs:\n{a}\n---\n{b}");
        }
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
