//! The command-line interface: binary only, never part of the library.
//!
//! `args` is the raw clap surface; each subcommand lives in `cmd/` with one
//! `run` function that turns its arguments into library options and calls
//! the library. Errors are anyhow errors naming the file they concern; this
//! module maps them to exit statuses: 0 ok, 1 error, 2 usage error. A closed
//! stdout (a `BrokenPipe`, as in `kgraph extract | head`) is not an error.

pub mod args;
mod cmd;
mod engine;
mod inputs;
mod output;
mod progress;
mod report;
mod sample;
mod table;

use std::fmt;
use std::process::ExitCode;

use args::{Cli, Command};

/// How a run that did not fail outright ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Everything asked for was done.
    Success,
    /// The work was done, but something (already reported on stderr) makes
    /// the run a failure: a missing input path, or skipped inputs under
    /// `--strict`.
    Failure,
}

/// A usage error found after parsing (exit status 2), such as several
/// formats asked for stdout.
#[derive(Debug)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Runs a parsed command line and returns the process's exit status.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Build(a) => cmd::build::run(a),
        Command::Extract(a) => cmd::extract::run(a),
        Command::Merge(a) => cmd::merge::run(a),
        Command::Entities(a) => cmd::entities::run(a),
        Command::Relations(a) => cmd::relations::run(a),
        Command::Stats(a) => cmd::stats::run(a),
    };
    match result {
        Ok(Status::Success) => ExitCode::SUCCESS,
        Ok(Status::Failure) => ExitCode::from(1),
        Err(_) if output::stdout_closed() => ExitCode::SUCCESS,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            report::error(&format!("{err:#}"));
            if err.downcast_ref::<UsageError>().is_some() {
                ExitCode::from(2)
            } else {
                ExitCode::from(1)
            }
        }
    }
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
