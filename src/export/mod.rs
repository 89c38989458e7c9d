//! Exporters: one file per format, all behind the [`Exporter`] trait and all
//! walking the same sorted [`GraphView`].
//!
//! A format writes one or more files ([`Format::files`]); each file is
//! written by [`Exporter::write_file`] into any `io::Write`, so the caller
//! decides where bytes go (a temporary file renamed into place, stdout, a
//! buffer). All escaping lives in [`escape`].

pub mod escape;
mod json;

pub use json::JsonExporter;

use std::fmt;
use std::io::Write;
use std::str::FromStr;

use crate::error::{Error, ErrorKind, Result};
use crate::graph::GraphView;

/// Writes a graph in one format.
pub trait Exporter: Send + Sync {
    /// The files this format writes, as paths relative to the output folder
    /// (`graph.json`; `neo4j/nodes.csv` and `neo4j/relationships.csv`).
    fn files(&self) -> &'static [&'static str];

    /// Writes file number `file` (an index into [`Exporter::files`]).
    ///
    /// # Errors
    /// Fails when the writer fails.
    fn write_file(&self, view: &GraphView<'_>, file: usize, out: &mut dyn Write) -> Result<()>;
}

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Format {
    /// NetworkX node-link JSON (`graph.json`).
    Json,
}

impl Format {
    /// The formats `-f all` writes, in this order.
    pub const ALL: &'static [Format] = &[Format::Json];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
        }
    }

    /// The exporter of this format with default options.
    pub fn exporter(self) -> Box<dyn Exporter> {
        match self {
            Format::Json => Box::new(JsonExporter::default()),
        }
    }

    /// The files this format writes, relative to the output folder.
    pub fn files(self) -> &'static [&'static str] {
        self.exporter().files()
    }
}

impl FromStr for Format {
    type Err = Error;

    fn from_str(s: &str) -> Result<Format> {
        let t = s.trim().to_ascii_lowercase();
        match t.as_str() {
            "json" | "node-link" | "networkx" => Ok(Format::Json),
            _ => Err(Error::new(
                ErrorKind::Usage,
                format!(
                    "unknown format {s:?} (expected one of: all, {})",
                    Format::ALL
                        .iter()
                        .map(|f| f.name())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            )),
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
