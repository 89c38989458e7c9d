//! Writing the graph: a folder of formats, or one format on stdout.
//!
//! The plan is checked before any extraction: `-o -` takes exactly one
//! single-file format, and an output folder must be a folder we can write
//! in. Each file is written to a temporary file in its final folder and
//! only renamed into place once every file of the run has been written, so
//! a failing or interrupted run never leaves a half-written export.
//!
//! stdout is wrapped in [`Stdout`], which remembers a closed pipe: a reader
//! that stops early (`| head`) ends the run with status 0.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use anyhow::{Context, Result, bail};
use kgraph::KnowledgeGraph;
use kgraph::export::Format;
use tempfile::NamedTempFile;

use super::UsageError;
use super::args::{FormatArg, OutputArgs};

/// Where the graph goes.
#[derive(Debug)]
pub enum Plan {
    /// One single-file format on stdout.
    Stdout(Format),
    /// Files of these formats in this folder.
    Folder {
        /// The output folder (it exists and is writable).
        dir: PathBuf,
        /// The formats, in `--format` order, without duplicates.
        formats: Vec<Format>,
    },
}

/// Checks the output options and prepares the folder (creating it if
/// missing).
///
/// # Errors
/// A [`UsageError`] for a format choice stdout cannot take; an ordinary
/// error when the folder is a file, cannot be created or is not writable.
pub fn plan(args: &OutputArgs) -> Result<Plan> {
    let mut formats: Vec<Format> = Vec::new();
    for arg in &args.format {
        let more: &[Format] = match arg {
            FormatArg::All => Format::ALL,
            FormatArg::One(f) => std::slice::from_ref(f),
        };
        for f in more {
            if !formats.contains(f) {
                formats.push(*f);
            }
        }
    }

    if args.output.as_os_str() == "-" {
        let format = match formats.as_slice() {
            [] => Format::Json,
            [one] => *one,
            several => {
                let names: Vec<&str> = several.iter().map(|f| f.name()).collect();
                return Err(UsageError(format!(
                    "`-o -` writes one format to stdout, but {} were asked for ({}); \
                     choose one with --format or write to a folder",
                    several.len(),
                    names.join(", ")
                ))
                .into());
            }
        };
        let files = format.files();
        if files.len() != 1 {
            return Err(UsageError(format!(
                "format {} writes {} files ({}) and cannot go to stdout; use -o FOLDER",
                format.name(),
                files.len(),
                files.join(", ")
            ))
            .into());
        }
        return Ok(Plan::Stdout(format));
    }

    if formats.is_empty() {
        formats.extend_from_slice(Format::ALL);
    }
    let dir = args.output.clone();
    prepare_folder(&dir)?;
    Ok(Plan::Folder { dir, formats })
}

/// Makes sure `dir` is a folder we can create files in.
fn prepare_folder(dir: &Path) -> Result<()> {
    match fs::metadata(dir) {
        Ok(meta) if !meta.is_dir() => {
            bail!(
                "output {} exists and is not a folder (use -o FOLDER, or -o - for stdout)",
                dir.display()
            )
        }
        Ok(_) => {}
        Err(_) => fs::create_dir_all(dir)
            .with_context(|| format!("cannot create output folder {}", dir.display()))?,
    }
    let probe = temp_file(dir)
        .with_context(|| format!("cannot write in output folder {}", dir.display()))?;
    drop(probe);
    Ok(())
}

/// A temporary file in `dir`, with the permissions an ordinary new file
/// would get (tempfile's default is owner-only).
fn temp_file(dir: &Path) -> io::Result<NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".kgraph-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// The graph cut down by the output's filters (`--relations`,
/// `--focus`, ...); the graph itself, not a copy, when there are none.
pub fn filtered(graph: KnowledgeGraph, args: &OutputArgs) -> Result<KnowledgeGraph> {
    let filter = args.filter.to_filter();
    if filter.is_empty() {
        return Ok(graph);
    }
    graph.filter(&filter).map_err(|e| anyhow::anyhow!(e))
}

/// Writes the graph as planned; returns the files written (relative to the
/// folder), in format order. Files are written in parallel on `pool`.
///
/// # Errors
/// Fails naming the file that could not be written. When an exporter or a
/// write fails, no file of this run is put in place; when a rename fails,
/// the files renamed before it stay (each one whole). Temporary files are
/// removed either way.
pub fn write(
    plan: &Plan,
    graph: &KnowledgeGraph,
    pool: &rayon::ThreadPool,
) -> Result<Vec<PathBuf>> {
    match plan {
        Plan::Stdout(format) => {
            let view = graph.view();
            let mut out = stdout();
            format
                .exporter()
                .write_file(&view, 0, &mut out)
                .map_err(|e| {
                    anyhow::Error::new(e)
                        .context(format!("cannot write {} to stdout", format.name()))
                })?;
            out.flush().context("cannot write to stdout")?;
            Ok(Vec::new())
        }
        Plan::Folder { dir, formats } => {
            let jobs: Vec<(Format, usize, &'static str)> = formats
                .iter()
                .flat_map(|&f| {
                    f.files()
                        .iter()
                        .enumerate()
                        .map(move |(i, name)| (f, i, *name))
                })
                .collect();
            // Sub-folders (`neo4j/`) first, on this thread.
            for (_, _, name) in &jobs {
                if let Some(parent) = dir.join(name).parent() {
                    fs::create_dir_all(parent)
                        .with_context(|| format!("cannot create folder {}", parent.display()))?;
                }
            }
            let view = graph.view();
            let write_one = |&(format, index, name): &(Format, usize, &str)| {
                let path = dir.join(name);
                let parent = path.parent().unwrap_or(dir);
                let mut tmp = temp_file(parent)
                    .with_context(|| format!("cannot create a file in {}", parent.display()))?;
                // Straight into the file: every exporter buffers its output
                // in 64 KiB chunks itself, and a buffer here would only copy
                // each chunk once more.
                format
                    .exporter()
                    .write_file(&view, index, &mut tmp)
                    .map_err(|e| {
                        anyhow::Error::new(e).context(format!("cannot write {}", path.display()))
                    })?;
                Ok((tmp, path))
            };
            // Each thread takes the next file to write, the costliest first,
            // so that the last file written is a cheap one and the threads
            // finish together.
            let mut order: Vec<usize> = (0..jobs.len()).collect();
            order.sort_by_key(|&j| std::cmp::Reverse(write_cost(jobs[j].0)));
            let next = AtomicUsize::new(0);
            let done: Vec<OnceLock<Result<(NamedTempFile, PathBuf)>>> =
                jobs.iter().map(|_| OnceLock::new()).collect();
            pool.broadcast(|_| {
                while let Some(&j) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let _ = done[j].set(write_one(&jobs[j]));
                }
            });
            let written = done
                .into_iter()
                .map(|slot| {
                    slot.into_inner()
                        .unwrap_or_else(|| bail!("a file was not written"))
                })
                .collect::<Result<Vec<_>>>()?;
            let mut files = Vec::with_capacity(written.len());
            for (tmp, path) in written {
                tmp.persist(&path)
                    .map_err(|e| e.error)
                    .with_context(|| format!("cannot write {}", path.display()))?;
                files.push(path.strip_prefix(dir).unwrap_or(&path).to_path_buf());
            }
            Ok(files)
        }
    }
}

/// How costly writing one file of `format` is, relatively: the
/// instructions each format's files took on the Reuters corpus, in tens of
/// millions (a picture runs Graphviz's layout, the costliest of all).
fn write_cost(format: Format) -> u32 {
    match format {
        Format::Svg | Format::Png => 100,
        Format::Graphml | Format::GraphmlYed => 16,
        Format::Gexf => 12,
        Format::Json => 11,
        Format::Cypher => 9,
        Format::MergeLog => 8,
        Format::Dot => 6,
        // CSV tables, Neo4j's among them, and any format added later.
        _ => 5,
    }
}

static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Whether a write to stdout found the pipe closed.
pub fn stdout_closed() -> bool {
    STDOUT_CLOSED.load(Ordering::Relaxed)
}

/// Buffered stdout that remembers a closed pipe (see [`stdout_closed`]),
/// whatever error the writer's caller turns it into.
pub struct Stdout {
    inner: BufWriter<io::StdoutLock<'static>>,
}

/// Locked, buffered stdout.
pub fn stdout() -> Stdout {
    Stdout {
        inner: BufWriter::with_capacity(1 << 16, io::stdout().lock()),
    }
}

fn watch<T>(result: io::Result<T>) -> io::Result<T> {
    if let Err(e) = &result {
        if e.kind() == io::ErrorKind::BrokenPipe {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
        }
    }
    result
}

impl Write for Stdout {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        watch(self.inner.write(buf))
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        watch(self.inner.write_all(buf))
    }

    fn flush(&mut self) -> io::Result<()> {
        watch(self.inner.flush())
    }
}
