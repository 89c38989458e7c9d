//! The `kgraph` binary: parse the command line, run it, turn the outcome
//! into an exit status (0 ok, 1 error, 2 usage error).

mod cli;

use std::process::ExitCode;

use clap::Parser;

// The pipeline allocates many small, short-lived strings per document on
// several threads; mimalloc serves them faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run(cli::args::Cli::parse())
}
