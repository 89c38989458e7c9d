//! The `kgraph` binary: parse the command line, run it, turn the outcome
//! into an exit status (0 ok, 1 error, 2 usage error).

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    cli::run(cli::args::Cli::parse())
}
