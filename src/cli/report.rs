//! Messages on stderr: input problems as they happen, the progress bar, and
//! the one-line summary at the end.
//!
//! Every message starts with `kgraph: ` and a level (`warning`, `skipped`,
//! `error`), then the file (and line) it concerns. stdout never carries any
//! of this.

use std::cell::Cell;
use std::time::Instant;

use kgraph::input::{InputProblem, Severity};

use super::Status;
use super::progress::Progress;

/// Prints `kgraph: error: MESSAGE` on stderr.
pub fn error(message: &str) {
    eprintln!("kgraph: error: {message}");
}

/// Prints `kgraph: warning: MESSAGE` on stderr.
pub fn warning(message: &str) {
    eprintln!("kgraph: warning: {message}");
}

/// Counts and prints what happens during a run.
#[derive(Debug)]
pub struct Reporter {
    quiet: bool,
    strict: bool,
    progress: Progress,
    started: Instant,
    docs: Cell<usize>,
    bytes: Cell<u64>,
    warnings: Cell<usize>,
    skipped: Cell<usize>,
    fatal: Cell<usize>,
}

impl Reporter {
    /// A reporter; `quiet` drops the bar and the summary, `strict` makes
    /// skipped inputs a failure.
    pub fn new(quiet: bool, strict: bool) -> Reporter {
        Reporter {
            quiet,
            strict,
            progress: Progress::new(quiet, "docs"),
            started: Instant::now(),
            docs: Cell::new(0),
            bytes: Cell::new(0),
            warnings: Cell::new(0),
            skipped: Cell::new(0),
            fatal: Cell::new(0),
        }
    }

    /// Prints an input problem and counts it.
    pub fn problem(&self, problem: &InputProblem) {
        let counter = match problem.severity {
            Severity::Warning => &self.warnings,
            Severity::Skipped => &self.skipped,
            Severity::Fatal => &self.fatal,
        };
        counter.set(counter.get() + 1);
        self.progress.suspend(|| {
            eprintln!(
                "kgraph: {}: {}: {}",
                problem.severity.as_str(),
                problem.place(),
                problem.message
            );
        });
    }

    /// Prints a warning that is not about one input.
    pub fn warning(&self, message: &str) {
        self.warnings.set(self.warnings.get() + 1);
        self.progress.suspend(|| warning(message));
    }

    /// Counts one document of `bytes` bytes as done.
    pub fn document(&self, bytes: usize) {
        self.docs.set(self.docs.get() + 1);
        self.bytes.set(self.bytes.get() + bytes as u64);
        self.progress.inc(1, self.bytes.get());
    }

    /// Removes the progress bar, prints the summary (unless quiet) and
    /// says how the run ends.
    pub fn finish(&self, entities: Option<usize>, edges: Option<usize>) -> Status {
        self.progress.finish();
        if !self.quiet {
            let mut parts = vec![count(self.docs.get(), "document")];
            if self.bytes.get() > 0 {
                parts[0] += &format!(" ({})", size(self.bytes.get()));
            }
            if let Some(n) = entities {
                parts.push(count(n, "entity"));
            }
            if let Some(n) = edges {
                parts.push(count(n, "edge"));
            }
            parts.push(format!("{} skipped", count(self.skipped.get(), "input")));
            if self.warnings.get() > 0 {
                parts.push(count(self.warnings.get(), "warning"));
            }
            if self.fatal.get() > 0 {
                parts.push(count(self.fatal.get(), "error"));
            }
            parts.push(format!("{:.2} s", self.started.elapsed().as_secs_f64()));
            self.progress
                .suspend(|| eprintln!("kgraph: {}", parts.join(", ")));
        }
        if self.fatal.get() > 0 || (self.strict && self.skipped.get() > 0) {
            if self.strict && self.skipped.get() > 0 && self.fatal.get() == 0 {
                error(&format!(
                    "{} skipped (--strict)",
                    count(self.skipped.get(), "input")
                ));
            }
            Status::Failure
        } else {
            Status::Success
        }
    }
}

/// `1 document`, `2 documents`, `3 entities`.
fn count(n: usize, noun: &str) -> String {
    match (n, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        _ => format!("{n} {noun}s"),
    }
}

/// A byte count: `812 B`, `45.3 KB`, `16.0 MB`.
fn size(bytes: u64) -> String {
    let b = bytes as f64;
    if b >= 1e9 {
        format!("{:.1} GB", b / 1e9)
    } else if b >= 1e6 {
        format!("{:.1} MB", b / 1e6)
    } else if b >= 1e3 {
        format!("{:.1} KB", b / 1e3)
    } else {
        format!("{bytes} B")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(count(1, "entity"), "1 entity");
        assert_eq!(count(3, "entity"), "3 entities");
        assert_eq!(count(0, "document"), "0 documents");
        assert_eq!(size(812), "812 B");
        assert_eq!(size(45_300), "45.3 KB");
    }
}
