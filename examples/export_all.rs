//! # Export every format into a folder
//!
//! Builds a graph from two short documents and writes every format kgraph
//! knows (`Format::ALL`) into a folder, each file written to a temporary
//! file and renamed into place.
//!
//! Run with `cargo run --example export_all -- [FOLDER]` (default: a
//! temporary folder).

use kgraph::export::{self, Format};
use kgraph::{Document, Pipeline};

fn main() {
    if let Err(err) = try_main() {
        eprintln!("error: {err}");
        std::process::exit(1);
    }
}

fn try_main() -> Result<(), Box<dyn std::error::Error>> {
    // # Step 1: build a small graph.
    let pipeline = Pipeline::builder().build()?;
    let docs = vec![
        Document::new(
            "a.txt",
            "Halvard Systems Inc said it completed its acquisition of Norrik Labs Inc for $240 million.",
        ),
        Document::new(
            "b.txt",
            "Norrik Labs chief executive Dana Okafor will stay on. Halvard Systems competes with Vesta Foods Corp.",
        ),
    ];
    let graph = pipeline.build(docs);

    // # Step 2: pick the folder.
    let tmp = tempfile::tempdir()?;
    let dir = std::env::args()
        .nth(1)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| tmp.path().to_path_buf());

    // # Step 3: write every format.
    let written = export::write_dir(&graph.view(), Format::ALL, &dir)?;
    for path in &written {
        let size = std::fs::metadata(path)?.len();
        println!("{:>8} bytes  {}", size, path.display());
    }
    Ok(())
}
