//! Cost of each exporter of `Format::ALL`, writing every file of the format
//! into a `Vec<u8>`, for the graph of the fixed sample (see
//! `common/mod.rs`). Throughput is in bytes of the sample's *input text*, so
//! the figures compare with the extraction stages and the end-to-end MB/s;
//! the size of each output is printed once when the bench starts.

mod common;

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kgraph::Pipeline;
use kgraph::export::Format;

fn exporters(c: &mut Criterion) {
    let sample = common::load();
    let pipeline = Pipeline::builder()
        .threads(1)
        .build()
        .expect("default pipeline builds");
    let graph = pipeline.build(sample.docs.iter().cloned());
    let view = graph.view();
    eprintln!(
        "bench graph: {} nodes, {} edges, {} merge-log records",
        graph.node_count(),
        graph.edge_count(),
        view.merge_log().len()
    );

    let write_all = |format: Format, buf: &mut Vec<u8>| {
        let exporter = format.exporter();
        for i in 0..exporter.files().len() {
            exporter
                .write_file(&view, i, buf)
                .unwrap_or_else(|e| panic!("{format}: {e}"));
        }
    };

    let mut g = c.benchmark_group("export");
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(300))
        .measurement_time(Duration::from_secs(2))
        .throughput(Throughput::Bytes(sample.bytes()));
    for &format in Format::ALL {
        let mut out = Vec::new();
        write_all(format, &mut out);
        eprintln!("export {format}: {} bytes of output", out.len());
        let capacity = out.len();
        g.bench_function(format.name(), |b| {
            b.iter(|| {
                let mut buf = Vec::with_capacity(capacity);
                write_all(format, &mut buf);
                black_box(buf.len())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, exporters);
criterion_main!(benches);
