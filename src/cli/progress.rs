//! The progress bar on stderr: documents, megabytes and rate.
//!
//! Shown only when stderr is a terminal, `--quiet` is off, and the run has
//! lasted about a second (short runs never flash a bar). Everything else
//! printed on stderr while it is up goes through [`Progress::suspend`].

use std::io::IsTerminal;
use std::time::{Duration, Instant};

use indicatif::{HumanCount, ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before the bar appears.
const DELAY: Duration = Duration::from_secs(1);

/// A progress bar that may never be drawn.
#[derive(Debug)]
pub struct Progress {
    bar: Option<ProgressBar>,
    unit: &'static str,
    count: std::cell::Cell<u64>,
    started: Instant,
    shown: std::cell::Cell<bool>,
}

impl Progress {
    /// A bar for a run counting `unit` (such as "docs"); hidden when `quiet`
    /// or when stderr is not a terminal.
    pub fn new(quiet: bool, unit: &'static str) -> Progress {
        let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
            if let Ok(style) = ProgressStyle::with_template("{spinner} {msg}  [{elapsed_precise}]")
            {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            unit,
            count: std::cell::Cell::new(0),
            started: Instant::now(),
            shown: std::cell::Cell::new(false),
        }
    }

    /// Counts `n` more items; `total_bytes` is the size of all so far.
    pub fn inc(&self, n: u64, total_bytes: u64) {
        let Some(bar) = &self.bar else { return };
        let count = self.count.get() + n;
        self.count.set(count);
        let elapsed = self.started.elapsed();
        if !self.shown.get() {
            if elapsed < DELAY {
                return;
            }
            bar.set_draw_target(ProgressDrawTarget::stderr());
            bar.enable_steady_tick(Duration::from_millis(120));
            self.shown.set(true);
        } else if count % 16 != 0 {
            return;
        }
        let secs = elapsed.as_secs_f64().max(1e-3);
        let mb = total_bytes as f64 / 1e6;
        bar.set_message(format!(
            "{} {}  {mb:.1} MB  {:.0} {}/s  {:.1} MB/s",
            HumanCount(count),
            self.unit,
            count as f64 / secs,
            self.unit,
            mb / secs,
        ));
    }

    /// Runs `f` (which prints on stderr) with the bar out of the way.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            Some(bar) if self.shown.get() => bar.suspend(f),
            _ => f(),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
