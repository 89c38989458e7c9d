//! Per-stage costs of the extraction pipeline and of the merge, on a fixed
//! sample (see `common/mod.rs`). Every throughput is in bytes of *input
//! text* per second, so the stages add up and compare directly with the
//! end-to-end MB/s of `scripts/bench.sh`.
//!
//! Stages:
//! - `segment`: `kgraph::text::analyze` (tokens and sentences);
//! - `recognize`: `Recognizer::recognize` over precomputed analyses. The
//!   pipeline's own recogniser is private to `Extractor`, so this bench
//!   builds an equivalent one from the built-in gazetteer with default rules
//!   (the same steps as `Extractor::new`);
//! - `resolve`: `kgraph::resolve::resolve` over precomputed mentions;
//! - `relate`: quantities, sentence items and the relation rules per
//!   sentence over precomputed clusters (the loop of `Extractor::extract`
//!   without building the evidence records);
//! - `extract`: the whole `Pipeline::extract`, one thread;
//! - `merge`: `GraphBuilder::add` over precomputed `DocFacts`, then `finish`;
//! - `view`: `KnowledgeGraph::view` (the sorted view all exporters walk).

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use kgraph::config::Rules;
use kgraph::extract::Extractor;
use kgraph::recognize::{Mention, Recognizer};
use kgraph::relate::{extract_sentence, sentence_items};
use kgraph::resolve::{Cluster, ResolveOptions, resolve};
use kgraph::text::{Analysis, analyze, quantity};
use kgraph::{DocFacts, EntityType, Pipeline};

/// The recogniser of the default pipeline (built-in gazetteer, no rules).
fn standalone_recognizer() -> Recognizer {
    Extractor::new(&Rules::default()).recognizer().clone()
}

/// What the relation stage starts from, per document.
struct Resolved {
    analysis: Analysis,
    mentions: Vec<Mention>,
    clusters: Vec<Cluster>,
    cluster_of: Vec<usize>,
}

/// The relation loop of `Extractor::extract`, without evidence records;
/// returns the number of relations found.
fn relate(text: &str, r: &Resolved) -> usize {
    let types: Vec<EntityType> = r.clusters.iter().map(|c| c.entity_type).collect();
    let quantities = quantity::find_quantities(text, 0..text.len());
    let mut found = 0;
    let mut antecedent = None;
    for s in &r.analysis.sentences {
        let items = sentence_items(
            text,
            &r.analysis,
            s,
            &r.mentions,
            &r.cluster_of,
            &quantities,
        );
        found += extract_sentence(&items, &types, antecedent).len();
        if let Some(first_org) = items.iter().find_map(|it| {
            it.cluster()
                .filter(|&c| types.get(c) == Some(&EntityType::Org))
        }) {
            antecedent = Some(first_org);
        }
    }
    found
}

fn stages(c: &mut Criterion) {
    let sample = common::load();
    let docs = &sample.docs;
    let pipeline = Pipeline::builder()
        .threads(1)
        .build()
        .expect("default pipeline builds");
    let recognizer = standalone_recognizer();
    let opts = ResolveOptions::default();

    let analyses: Vec<Analysis> = docs.iter().map(|d| analyze(d.text())).collect();
    let mentions: Vec<Vec<Mention>> = docs
        .iter()
        .zip(&analyses)
        .map(|(d, a)| recognizer.recognize(d.text(), a))
        .collect();
    let resolved: Vec<Resolved> = analyses
        .iter()
        .zip(&mentions)
        .map(|(a, m)| {
            let (clusters, cluster_of) = resolve(m, &opts);
            Resolved {
                analysis: a.clone(),
                mentions: m.clone(),
                clusters,
                cluster_of,
            }
        })
        .collect();
    let facts: Vec<DocFacts> = docs.iter().map(|d| pipeline.extract(d)).collect();
    let graph = {
        let mut b = pipeline.graph_builder();
        for f in facts.iter().cloned() {
            b.add(f);
        }
        b.finish()
    };
    eprintln!(
        "bench sample: {} tokens, {} sentences, {} mentions, {} relations; graph {} nodes, {} edges",
        analyses.iter().map(|a| a.tokens.len()).sum::<usize>(),
        analyses.iter().map(|a| a.sentences.len()).sum::<usize>(),
        mentions.iter().map(Vec::len).sum::<usize>(),
        facts.iter().map(|f| f.relations.len()).sum::<usize>(),
        graph.node_count(),
        graph.edge_count(),
    );

    let mut g = c.benchmark_group("stage");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .throughput(Throughput::Bytes(sample.bytes()));

    g.bench_function("segment", |b| {
        b.iter(|| {
            for d in docs {
                black_box(analyze(black_box(d.text())));
            }
        })
    });
    g.bench_function("recognize", |b| {
        b.iter(|| {
            for (d, a) in docs.iter().zip(&analyses) {
                black_box(recognizer.recognize(black_box(d.text()), a));
            }
        })
    });
    g.bench_function("resolve", |b| {
        b.iter(|| {
            for m in &mentions {
                black_box(resolve(black_box(m), &opts));
            }
        })
    });
    g.bench_function("relate", |b| {
        b.iter(|| {
            let mut n = 0;
            for (d, r) in docs.iter().zip(&resolved) {
                n += relate(black_box(d.text()), r);
            }
            black_box(n)
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            for d in docs {
                black_box(pipeline.extract(black_box(d)));
            }
        })
    });
    g.bench_function("merge", |b| {
        b.iter_batched(
            || facts.clone(),
            |facts| {
                let mut builder = pipeline.graph_builder();
                for f in facts {
                    builder.add(f);
                }
                builder.finish()
            },
            BatchSize::LargeInput,
        )
    });
    g.bench_function("view", |b| b.iter(|| black_box(graph.view()).nodes().len()));
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
