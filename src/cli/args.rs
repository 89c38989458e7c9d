//! The command line, as clap sees it. Help text comes from the doc comments.
//!
//! These structs are only the raw arguments; each subcommand turns them into
//! library options (a [`kgraph::Pipeline`], [`kgraph::input::InputOptions`],
//! an output plan) in its own `run`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use kgraph::export::Format;

/// Rule-based knowledge-graph builder for news and business text.
///
/// kgraph reads text documents (files, folders, JSON-lines corpora or
/// stdin), finds people and organisations, resolves their mentions to
/// canonical entities and links them with typed, evidenced edges
/// (invests_in, acquired, leads, founded, works_for, subsidiary_of,
/// partners_with, competes_with). The graph is written as NetworkX
/// node-link JSON and other formats.
///
/// Exit status: 0 on success, 1 on an error, 2 on a usage error.
#[derive(Debug, Parser)]
#[command(
    name = "kgraph",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the knowledge graph of the inputs and write it out.
    ///
    /// With no INPUT, builds the sample corpus embedded in kgraph. Writes
    /// every format into the folder `out/` unless told otherwise; `-o -`
    /// writes one single-file format to stdout, e.g.
    /// `kgraph build article.txt --format json -o -`.
    Build(BuildArgs),
    /// Extract per-document facts as JSON lines on stdout (the map step).
    ///
    /// Writes one JSON object per document and nothing else on stdout, so a
    /// batch engine can pipe partitions of a corpus through it; `kgraph
    /// merge` turns any set of fact files into the graph `build` would make.
    Extract(ExtractArgs),
    /// Merge fact files from `kgraph extract` into a graph and write it out.
    ///
    /// Takes the same output options as `build` and writes the same bytes a
    /// single `build` of all the documents would.
    Merge(MergeArgs),
    /// Print the entities of the inputs as a table.
    Entities(QueryArgs),
    /// Print the relations (edges) of the inputs as a table.
    Relations(QueryArgs),
    /// Print counts: documents, nodes by type and edges by type.
    Stats(QueryArgs),
}

/// Where documents come from and how they are extracted.
#[derive(Debug, Args)]
#[command(next_help_heading = "Input")]
pub struct InputArgs {
    /// Input files or folders (read recursively); `-` reads stdin.
    ///
    /// `.jsonl` files hold one `{"id", "title", "text"}` document per line;
    /// other files are plain text, with the file name (or the path below
    /// a given folder) as document id. With no INPUT, the embedded sample
    /// corpus is used.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// How to read stdin (`-`): plain text (one document) or JSON lines.
    #[arg(long = "stdin", value_enum, value_name = "FORMAT", default_value_t = StdinArg::Text)]
    pub stdin: StdinArg,

    /// A rules file (TOML) with user entities, stop-names, forced merges
    /// and splits, and extra trigger words. May be given several times.
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,

    /// Number of worker threads (default: all cores).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
}

/// How stdin is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StdinArg {
    /// The whole of stdin is one text document (id `stdin`).
    Text,
    /// One JSON document per line: `{"id", "title", "text"}`.
    Jsonl,
}

/// How a run reports on stderr and when it fails.
#[derive(Debug, Args)]
#[command(next_help_heading = "Reporting")]
pub struct ReportArgs {
    /// Print no progress bar and no summary (warnings and errors still go
    /// to stderr).
    #[arg(short, long)]
    pub quiet: bool,

    /// Exit with status 1 when any input was skipped.
    #[arg(long)]
    pub strict: bool,
}

/// Where the graph goes and in which formats.
#[derive(Debug, Args)]
#[command(next_help_heading = "Output")]
pub struct OutputArgs {
    /// Output folder (created if missing), or `-` for stdout.
    ///
    /// With `-`, one single-file format is written (json unless `--format`
    /// names another) and nothing else is printed on stdout; asking for
    /// several formats, or for one that writes several files, is a usage
    /// error.
    #[arg(short, long, value_name = "OUT", default_value = "out")]
    pub output: PathBuf,

    // Help is generated so that it lists the formats this build knows.
    #[arg(
        short,
        long,
        value_name = "FORMAT",
        value_delimiter = ',',
        value_parser = parse_format,
        help = format_help(),
    )]
    pub format: Vec<FormatArg>,

    /// Most evidence items kept per edge; the rest are only counted
    /// (`evidence_count`).
    #[arg(long, value_name = "N", default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
    pub max_evidence: u32,

    #[command(flatten)]
    pub filter: FilterArgs,
}

/// Which part of the graph to write (every format shows the same cut).
#[derive(Debug, Args)]
#[command(next_help_heading = "Cutting a picture out of a big graph")]
pub struct FilterArgs {
    /// Keep only these relation types, e.g. `invests_in,acquired`.
    #[arg(long, value_name = "TYPE,...", value_delimiter = ',', value_parser = parse_relation)]
    pub relations: Vec<kgraph::RelationKind>,

    /// Keep only edges stated in at least K documents.
    #[arg(long, value_name = "K", default_value_t = 1)]
    pub min_support: usize,

    /// Keep only edges with at least this confidence (0 to 1).
    #[arg(long, value_name = "X", default_value_t = 0.0)]
    pub min_confidence: f64,

    /// Keep only the neighbourhood of this entity (a name or alias).
    #[arg(long, value_name = "NAME")]
    pub focus: Option<String>,

    /// With --focus: how many edges away to go.
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub hops: usize,
}

impl FilterArgs {
    /// The library filter these flags describe.
    pub fn to_filter(&self) -> kgraph::GraphFilter {
        kgraph::GraphFilter {
            relations: self.relations.clone(),
            min_support: self.min_support,
            min_confidence: self.min_confidence,
            focus: self.focus.clone(),
            hops: self.hops,
        }
    }
}

fn parse_relation(s: &str) -> Result<kgraph::RelationKind, String> {
    s.parse()
        .map_err(|e: kgraph::kinds::UnknownName| e.to_string())
}

/// Arguments of `kgraph build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
    #[command(flatten)]
    pub report: ReportArgs,
}

/// Arguments of `kgraph extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub report: ReportArgs,
}

/// Arguments of `kgraph merge`.
#[derive(Debug, Args)]
pub struct MergeArgs {
    /// Fact files written by `kgraph extract` (JSON lines); `-` reads stdin.
    #[arg(value_name = "FACTS", required = true)]
    pub facts: Vec<PathBuf>,
    #[command(flatten)]
    pub output: OutputArgs,
    /// Print no summary.
    #[arg(short, long, help_heading = "Reporting")]
    pub quiet: bool,
}

/// Arguments of `kgraph entities`, `relations` and `stats`.
#[derive(Debug, Args)]
pub struct QueryArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub report: ReportArgs,
}

/// One `--format` value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormatArg {
    /// `all`: every format of [`Format::ALL`].
    All,
    /// One named format.
    One(Format),
}

fn parse_format(s: &str) -> Result<FormatArg, String> {
    if s.trim().eq_ignore_ascii_case("all") {
        return Ok(FormatArg::All);
    }
    s.parse::<Format>()
        .map(FormatArg::One)
        .map_err(|e| e.to_string())
}

fn format_help() -> String {
    let names = |list: &[Format]| list.iter().map(|f| f.name()).collect::<Vec<_>>().join(", ");
    let mut help = format!(
        "Output formats, comma-separated or repeated: all ({}) or any of them",
        names(Format::ALL)
    );
    if !Format::EXTRA.is_empty() {
        help += &format!(", or {} (only on request)", names(Format::EXTRA));
    }
    help + " [default: all for a folder, json for stdout]"
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn command_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn scorer_spelling_parses() {
        let cli = Cli::try_parse_from(["kgraph", "build", "a.txt", "--format", "json", "-o", "-"])
            .unwrap();
        let Command::Build(b) = cli.command else {
            panic!("not build")
        };
        assert_eq!(b.output.output, PathBuf::from("-"));
        assert_eq!(b.output.format, [FormatArg::One(Format::Json)]);
        assert_eq!(b.input.inputs, [PathBuf::from("a.txt")]);
    }

    #[test]
    fn bad_format_is_a_usage_error() {
        let err = Cli::try_parse_from(["kgraph", "build", "-f", "jsonx"]).unwrap_err();
        assert_eq!(err.exit_code(), 2);
    }
}
