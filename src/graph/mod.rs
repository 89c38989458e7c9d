//! The knowledge graph: canonical entity nodes and typed, evidenced edges.
//!
//! [`KnowledgeGraph`] is built by [`GraphBuilder`] from per-document
//! [`DocFacts`](crate::DocFacts). petgraph holds the structure but stays
//! private: public ids are our own string [`Node::id`]s. The graph is
//! immutable once built; every exporter reads it through the one sorted
//! [`GraphView`].

mod build;
mod doc_ids;
mod filter;
mod log;
mod view;

pub use build::{GraphBuilder, MergeOptions};
pub use doc_ids::{DocIds, DocIdsIter};
pub use filter::GraphFilter;
pub(crate) use view::EvidenceTexts;
pub use view::GraphView;

use log::MergeLog;

use std::sync::OnceLock;

use petgraph::stable_graph::{NodeIndex, StableDiGraph};
use serde::Serialize;

use crate::facts::Evidence;
use crate::hash::HashMap;
use crate::kinds::{EntityType, RelationKind, Status};
use crate::resolve::merge_key;

/// A canonical entity: one node of the graph.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Node {
    /// Stable id derived from type and canonical name (`org:scale-ai`).
    pub id: String,
    /// The canonical name.
    pub label: String,
    /// PERSON or ORG.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Other surface forms seen in the input, sorted.
    pub aliases: Vec<String>,
    /// Ids of the documents that mention it, sorted.
    pub docs: DocIds,
    /// Number of mentions across all documents.
    pub mentions: usize,
}

/// A typed, directed edge with its facts and evidence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Edge {
    /// Stable id: `source|type|target`.
    pub id: String,
    /// Id of the head node.
    pub source: String,
    /// Id of the tail node.
    pub target: String,
    /// The relation kind.
    #[serde(rename = "type")]
    pub kind: RelationKind,
    /// The edge's status (see [`GraphBuilder`] for the precedence).
    pub status: Option<Status>,
    /// The deal amount in US dollars: the first stated figure.
    pub amount_usd: Option<f64>,
    /// Other amounts stated for this edge, in evidence order.
    pub amount_usd_alt: Vec<f64>,
    /// The stake in percent: the first stated figure.
    pub stake_pct: Option<f64>,
    /// The highest confidence of any of its evidence.
    pub confidence: f64,
    /// Number of distinct documents that state it.
    pub support: usize,
    /// Evidence, sorted by (doc, sentence, start), capped by
    /// [`MergeOptions::max_evidence`].
    pub evidence: Vec<Evidence>,
    /// Number of evidence items in total, including those dropped by the cap.
    pub evidence_count: usize,
}

/// One line of the merge log: which surface form, where, went into which
/// node.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MergeRecord {
    /// Id of the node the mention went into.
    pub node: String,
    /// The surface form as seen.
    pub surface: String,
    /// Document id.
    pub doc: String,
    /// Sentence index.
    pub sentence: usize,
    /// Byte offset of the start in the document text.
    pub start: usize,
    /// Byte offset of the end in the document text.
    pub end: usize,
    /// Which recogniser found the mention.
    pub source: String,
}

/// The knowledge graph.
#[derive(Clone, Debug, Default)]
pub struct KnowledgeGraph {
    graph: StableDiGraph<Node, Edge>,
    /// Ids to nodes; like `by_name`, only looked up (never iterated), so
    /// the fast fixed-seed hasher.
    by_id: HashMap<String, NodeIndex>,
    /// Names (labels and aliases, as merge keys) to nodes, built on the
    /// first [`KnowledgeGraph::find`]: most runs never look a name up.
    by_name: OnceLock<HashMap<String, NodeIndex>>,
    merge_log: MergeLog,
}

impl KnowledgeGraph {
    /// Assembles a graph from nodes and edges already sorted and merged.
    pub(crate) fn from_parts(
        nodes: Vec<Node>,
        edges: Vec<Edge>,
        merge_log: MergeLog,
    ) -> KnowledgeGraph {
        let mut graph = StableDiGraph::with_capacity(nodes.len(), edges.len());
        let mut by_id = HashMap::with_capacity_and_hasher(nodes.len(), Default::default());
        for node in nodes {
            let id = node.id.clone();
            let ix = graph.add_node(node);
            by_id.insert(id, ix);
        }
        for edge in edges {
            let (Some(&s), Some(&t)) = (by_id.get(&edge.source), by_id.get(&edge.target)) else {
                continue;
            };
            graph.add_edge(s, t, edge);
        }
        KnowledgeGraph {
            graph,
            by_id,
            by_name: OnceLock::new(),
            merge_log,
        }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// The sorted view every exporter walks.
    pub fn view(&self) -> GraphView<'_> {
        GraphView::new(
            self.graph.node_weights().collect(),
            self.graph.edge_weights().collect(),
            &self.merge_log,
        )
    }

    /// Nodes, sorted by id.
    pub fn nodes(&self) -> impl Iterator<Item = &Node> {
        let mut v: Vec<&Node> = self.graph.node_weights().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
        v.into_iter()
    }

    /// Edges, sorted by (source, type, target).
    pub fn edges(&self) -> impl Iterator<Item = &Edge> {
        let mut v: Vec<&Edge> = self.graph.edge_weights().collect();
        v.sort_by(|a, b| view::edge_order(a, b));
        v.into_iter()
    }

    /// The node with this id (`org:scale-ai`).
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.by_id.get(id).map(|&ix| &self.graph[ix])
    }

    /// Finds a node by its label or any alias, compared the way names are
    /// merged (case, punctuation, possessives and legal suffixes ignored).
    ///
    /// # Example
    /// ```
    /// let pipeline = kgraph::Pipeline::builder().build().unwrap();
    /// let doc = kgraph::Document::new("d", "Scale AI said on Monday that Meta invested $14.3 billion in it.");
    /// let graph = pipeline.build(vec![doc]);
    /// assert_eq!(graph.find("scale ai inc.").unwrap().label, "Scale AI");
    /// ```
    pub fn find(&self, name: &str) -> Option<&Node> {
        self.by_name
            .get_or_init(|| self.names())
            .get(&merge_key_untyped(name))
            .map(|&ix| &self.graph[ix])
    }

    /// Every label and alias, as a merge key, with its node; where two
    /// nodes share a name, the one added first (the smaller id) keeps it.
    fn names(&self) -> HashMap<String, NodeIndex> {
        let mut by_name = HashMap::default();
        for ix in self.graph.node_indices() {
            let node = &self.graph[ix];
            for name in std::iter::once(&node.label).chain(node.aliases.iter()) {
                by_name.entry(merge_key_untyped(name)).or_insert(ix);
            }
        }
        by_name
    }

    /// Nodes of one type, sorted by id.
    pub fn nodes_of_type(&self, t: EntityType) -> impl Iterator<Item = &Node> {
        self.nodes().filter(move |n| n.entity_type == t)
    }

    /// Edges of one kind, sorted.
    pub fn edges_of_kind(&self, k: RelationKind) -> impl Iterator<Item = &Edge> {
        self.edges().filter(move |e| e.kind == k)
    }

    /// Edges leaving the node with this id, sorted.
    pub fn out_edges(&self, id: &str) -> Vec<&Edge> {
        self.adjacent(id, petgraph::Direction::Outgoing)
    }

    /// Edges entering the node with this id, sorted.
    pub fn in_edges(&self, id: &str) -> Vec<&Edge> {
        self.adjacent(id, petgraph::Direction::Incoming)
    }

    fn adjacent(&self, id: &str, dir: petgraph::Direction) -> Vec<&Edge> {
        let Some(&ix) = self.by_id.get(id) else {
            return Vec::new();
        };
        let mut v: Vec<&Edge> = self
            .graph
            .edges_directed(ix, dir)
            .map(|e| e.weight())
            .collect();
        v.sort_by(|a, b| view::edge_order(a, b));
        v
    }

    /// Writes the graph in a single-file format (JSON, DOT, GraphML, GEXF,
    /// Cypher, merge log, ...) to a writer.
    ///
    /// # Errors
    /// Fails for formats that write several files (CSV, Neo4j; write those
    /// into a folder with [`crate::export::write_dir`]) and when the writer
    /// fails.
    ///
    /// # Example
    /// ```
    /// use kgraph::{export::Format, Document, Pipeline};
    /// let graph = Pipeline::builder().build()?.build(vec![Document::new(
    ///     "d",
    ///     "Halvard Systems Inc said it acquired Norrik Labs Inc for $240 million.",
    /// )]);
    /// let mut out = Vec::new();
    /// graph.export(Format::Dot, &mut out)?;
    /// assert!(String::from_utf8(out).unwrap().contains("digraph \"kgraph\""));
    /// # Ok::<(), kgraph::Error>(())
    /// ```
    pub fn export(
        &self,
        format: crate::export::Format,
        out: &mut dyn std::io::Write,
    ) -> crate::Result<()> {
        let exporter = format.exporter();
        if exporter.files().len() != 1 {
            return Err(crate::Error::new(
                crate::ErrorKind::Usage,
                format!(
                    "format {format} writes {} files ({}); write it into a folder",
                    exporter.files().len(),
                    exporter.files().join(", ")
                ),
            ));
        }
        exporter.write_file(&self.view(), 0, out)
    }

    /// The merge log, in (node, doc, sentence, start) order.
    ///
    /// The graph keeps the log compactly; the records are made on the
    /// first call (and kept).
    pub fn merge_log(&self) -> &[MergeRecord] {
        self.merge_log.records()
    }
}

fn merge_key_untyped(name: &str) -> String {
    merge_key(name)
}
