//! Inputs: files, folders, stdin and JSON-lines corpora, read lazily into
//! [`Document`]s.
//!
//! [`read_inputs`] turns command-line arguments into an iterator of
//! [`InputItem`]s: documents, and problems as data (the library never
//! prints). It is lazy: a folder yields its files one by one and a JSON-lines
//! corpus its lines one by one, so a large corpus is never held whole.
//!
//! # Document ids
//! - A text file named directly: its file name (`news/a.txt` → `a.txt`).
//! - A file found in a folder: its path relative to the folder argument, with
//!   `/` separators (`corpus` → `2024/a.txt`).
//! - Text on stdin (`-`): `stdin`.
//! - A JSON-lines record: its `id` field (a number is taken as its decimal
//!   spelling), or `<file id>:<line>` when it has none.
//!
//! A later document with an id already seen is skipped, with a
//! [`Severity::Warning`] naming both places.
//!
//! # Order
//! Arguments in the order given; a folder's entries sorted by name (byte
//! order), each subfolder walked where it sorts; a corpus in line order.
//! Hidden entries (names starting with `.`) inside folders are not read.
//!
//! # Example
//! ```no_run
//! use std::path::PathBuf;
//! use kgraph::input::{read_inputs, InputItem, InputOptions};
//!
//! for item in read_inputs(&[PathBuf::from("corpus")], &InputOptions::default()) {
//!     match item {
//!         InputItem::Document(doc) => println!("{}: {} bytes", doc.id(), doc.text().len()),
//!         InputItem::Problem(p) => eprintln!("{p}"),
//!     }
//! }
//! ```

mod files;
mod jsonl;

use std::collections::{HashMap, VecDeque};
use std::ffi::OsString;
use std::fmt;
use std::fs::File;
use std::io::{self, BufReader, Cursor, Read};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use crate::document::Document;
use crate::error::{Error, ErrorKind};

use files::TextRead;
use jsonl::{Event, JsonlReader};

/// How standard input (the argument `-`) is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum StdinFormat {
    /// The whole of stdin is one text document, with the id `stdin`
    /// (`"text"`).
    #[default]
    Text,
    /// Each line of stdin is a JSON record, as in a `.jsonl` file
    /// (`"jsonl"`).
    JsonLines,
}

impl StdinFormat {
    /// The name of the format, as [`FromStr`] reads it: `text` or `jsonl`.
    pub fn as_str(self) -> &'static str {
        match self {
            StdinFormat::Text => "text",
            StdinFormat::JsonLines => "jsonl",
        }
    }
}

impl FromStr for StdinFormat {
    type Err = Error;

    /// Reads `text` or `jsonl` (also `ndjson`), ignoring ASCII case.
    fn from_str(s: &str) -> Result<StdinFormat, Error> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("text") {
            Ok(StdinFormat::Text)
        } else if t.eq_ignore_ascii_case("jsonl") || t.eq_ignore_ascii_case("ndjson") {
            Ok(StdinFormat::JsonLines)
        } else {
            Err(Error::new(
                ErrorKind::Usage,
                format!("unknown stdin format {s:?} (expected one of: text, jsonl)"),
            ))
        }
    }
}

impl fmt::Display for StdinFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Options for [`read_inputs`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputOptions {
    /// How `-` (stdin) is read. Default: [`StdinFormat::Text`].
    pub stdin_format: StdinFormat,
    /// The longest line of a JSON-lines corpus, in bytes; a longer line is
    /// skipped (and never held whole in memory). Default:
    /// [`InputOptions::DEFAULT_MAX_LINE_BYTES`].
    pub max_line_bytes: usize,
    /// The largest text file (or text on stdin), in bytes; a larger one is
    /// skipped. Default: [`InputOptions::DEFAULT_MAX_FILE_BYTES`].
    pub max_file_bytes: usize,
}

impl InputOptions {
    /// The default [`InputOptions::max_line_bytes`]: 16 MiB.
    pub const DEFAULT_MAX_LINE_BYTES: usize = 16 * 1024 * 1024;
    /// The default [`InputOptions::max_file_bytes`]: 64 MiB.
    pub const DEFAULT_MAX_FILE_BYTES: usize = 64 * 1024 * 1024;
}

impl Default for InputOptions {
    fn default() -> InputOptions {
        InputOptions {
            stdin_format: StdinFormat::Text,
            max_line_bytes: InputOptions::DEFAULT_MAX_LINE_BYTES,
            max_file_bytes: InputOptions::DEFAULT_MAX_FILE_BYTES,
        }
    }
}

/// How bad an [`InputProblem`] is. Ordered from least to most severe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// Worth saying, but nothing that was read is lost: text decoded
    /// lossily, a field ignored, a file reached twice, or a duplicate id
    /// (the first document is kept).
    Warning,
    /// An input (file, folder or JSON line) was skipped.
    Skipped,
    /// A command-line path does not exist.
    Fatal,
}

impl Severity {
    /// The severity in one word: `warning`, `skipped` or `error` (for
    /// [`Severity::Fatal`]).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Skipped => "skipped",
            Severity::Fatal => "error",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A problem with one input, reported as data.
///
/// Displays as `path[:line]: severity: message`, for example
/// `corpus/news.jsonl:7: skipped: no "text" field`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputProblem {
    /// The file or folder, as reached from the command line (`<stdin>` for
    /// standard input).
    pub path: String,
    /// The 1-based line of a JSON-lines corpus, where the problem is one
    /// line's.
    pub line: Option<usize>,
    /// How bad it is.
    pub severity: Severity,
    /// What is wrong, in words.
    pub message: String,
}

impl InputProblem {
    pub(crate) fn new(
        path: impl Into<String>,
        line: Option<usize>,
        severity: Severity,
        message: impl Into<String>,
    ) -> InputProblem {
        InputProblem {
            path: path.into(),
            line,
            severity,
            message: message.into(),
        }
    }

    /// The place of the problem: `path` or `path:line`.
    pub fn place(&self) -> String {
        match self.line {
            Some(line) => format!("{}:{line}", self.path),
            None => self.path.clone(),
        }
    }
}

impl fmt::Display for InputProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.place(), self.severity, self.message)
    }
}

/// One item of [`Inputs`]: a document or a problem.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputItem {
    /// A document that was read.
    Document(Document),
    /// Something wrong with an input.
    Problem(InputProblem),
}

/// Counts of what [`Inputs`] has yielded so far.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InputSummary {
    /// Documents yielded.
    pub documents: usize,
    /// Problems of [`Severity::Warning`].
    pub warnings: usize,
    /// Problems of [`Severity::Skipped`].
    pub skipped: usize,
    /// Problems of [`Severity::Fatal`].
    pub fatal: usize,
}

impl InputSummary {
    fn count(&mut self, item: &InputItem) {
        match item {
            InputItem::Document(_) => self.documents += 1,
            InputItem::Problem(p) => match p.severity {
                Severity::Warning => self.warnings += 1,
                Severity::Skipped => self.skipped += 1,
                Severity::Fatal => self.fatal += 1,
            },
        }
    }
}

/// The lazy iterator of [`read_inputs`]: documents and problems in a
/// deterministic order.
pub struct Inputs {
    args: VecDeque<PathBuf>,
    opts: InputOptions,
    /// A replacement for the process's stdin; `None` reads the real one.
    stdin: Option<Box<dyn Read + Send>>,
    stdin_read: bool,
    /// Folders being walked, outermost first.
    dirs: Vec<DirFrame>,
    /// The corpus being read, if any.
    jsonl: Option<JsonlReader>,
    /// Items ready to be yielded.
    queue: VecDeque<InputItem>,
    /// The events of the corpus line being queued: a buffer kept from line
    /// to line, not a `Vec` for each.
    events: Vec<Event>,
    /// Document ids seen, numbered: a corpus of millions of documents
    /// keeps them end to end rather than as a `String` each.
    seen_ids: crate::strings::Numbered,
    /// Where document id number `n` was first read.
    places: Vec<Place>,
    /// The paths documents were read from, as [`Place::path`] indexes them.
    doc_paths: Vec<String>,
    /// Canonical folder path → the path it was first walked as.
    seen_dirs: HashMap<PathBuf, String>,
    /// Canonical file path → the path it was first read as.
    seen_files: HashMap<PathBuf, String>,
    summary: InputSummary,
}

impl fmt::Debug for Inputs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Inputs")
            .field("opts", &self.opts)
            .field("summary", &self.summary)
            .finish_non_exhaustive()
    }
}

/// Where a document was read: a path and, in a corpus, a line. Kept as an
/// index rather than a formatted string, which only a duplicate id needs;
/// in eight bytes, as one is kept per document.
#[derive(Clone, Copy, Debug)]
struct Place {
    /// Index into [`Inputs::doc_paths`].
    path: u32,
    /// The 1-based line in a JSON-lines corpus, 0 for none (`u32::MAX`
    /// for lines past it).
    line: u32,
}

/// A folder being walked.
#[derive(Debug)]
struct DirFrame {
    /// Its path, as reached from the command line.
    path: PathBuf,
    /// Its canonical path, to detect loops.
    canonical: PathBuf,
    /// The id prefix of its entries: empty for a folder argument, else
    /// `sub/dir/`.
    id_prefix: String,
    /// Its entry names not yet visited, sorted.
    entries: std::vec::IntoIter<OsString>,
}

/// Reads the inputs named on a command line: files, folders (walked
/// recursively) and `-` for stdin. Nothing is read until the iterator is
/// advanced.
///
/// The iterator never fails: every problem (missing path, binary file,
/// malformed JSON line, ...) is an [`InputItem::Problem`] and reading goes on
/// with the next input. [`Inputs::summary`] counts what was yielded.
pub fn read_inputs(args: &[PathBuf], opts: &InputOptions) -> Inputs {
    Inputs {
        args: args.iter().cloned().collect(),
        opts: opts.clone(),
        stdin: None,
        stdin_read: false,
        dirs: Vec::new(),
        jsonl: None,
        queue: VecDeque::new(),
        events: Vec::new(),
        seen_ids: Default::default(),
        places: Vec::new(),
        doc_paths: Vec::new(),
        seen_dirs: HashMap::new(),
        seen_files: HashMap::new(),
        summary: InputSummary::default(),
    }
}

/// The path shown in problems about stdin.
const STDIN_PATH: &str = "<stdin>";
/// The id of the text document read from stdin (and the prefix of fallback
/// ids of JSON records read from it).
const STDIN_ID: &str = "stdin";

impl Inputs {
    /// Reads `-` from `reader` instead of the process's standard input (for
    /// tests, or to embed kgraph behind another source).
    pub fn with_stdin(mut self, reader: impl Read + Send + 'static) -> Inputs {
        self.stdin = Some(Box::new(reader));
        self
    }

    /// Counts of the documents and problems yielded so far.
    pub fn summary(&self) -> InputSummary {
        self.summary
    }

    fn problem(&mut self, path: impl Into<String>, severity: Severity, message: impl Into<String>) {
        let problem = InputProblem::new(path, None, severity, message);
        self.queue.push_back(InputItem::Problem(problem));
    }

    /// Queues a document unless its id was seen before.
    fn document(&mut self, doc: Document, path: &str, line: Option<usize>) {
        // One lookup: an id is mostly new, and kept as it is looked up.
        let (number, new) = self.seen_ids.number(doc.id());
        if !new {
            let first = self.places[number as usize];
            // `path` or `path:line`.
            let first_path = &self.doc_paths[first.path as usize];
            let first = match first.line {
                0 => first_path.clone(),
                line => format!("{first_path}:{line}"),
            };
            let message = format!(
                "duplicate document id {:?} (first read from {first}); keeping the first, skipping this one",
                doc.id()
            );
            let problem = InputProblem::new(path, line, Severity::Warning, message);
            self.queue.push_back(InputItem::Problem(problem));
            return;
        }
        // A corpus gives its documents in a row: compare with the last
        // path.
        if self.doc_paths.last().is_none_or(|p| p != path) {
            self.doc_paths.push(path.to_string());
        }
        self.places.push(Place {
            path: u32::try_from(self.doc_paths.len() - 1).unwrap_or(u32::MAX),
            line: line.map_or(0, |l| u32::try_from(l).unwrap_or(u32::MAX)),
        });
        self.queue.push_back(InputItem::Document(doc));
    }

    /// Takes the stream behind `-`, once.
    fn take_stdin(&mut self) -> Option<Box<dyn Read + Send>> {
        if self.stdin_read {
            return None;
        }
        self.stdin_read = true;
        Some(self.stdin.take().unwrap_or_else(|| Box::new(io::stdin())))
    }

    fn visit_stdin(&mut self) {
        let Some(reader) = self.take_stdin() else {
            self.problem(
                STDIN_PATH,
                Severity::Warning,
                "standard input was already read",
            );
            return;
        };
        match self.opts.stdin_format {
            StdinFormat::Text => {
                let read = files::read_text(reader, None, self.opts.max_file_bytes);
                self.text_document(read, STDIN_PATH, STDIN_ID.to_string());
            }
            StdinFormat::JsonLines => {
                self.start_jsonl(reader, STDIN_PATH.to_string(), STDIN_ID.to_string());
            }
        }
    }

    /// Queues the document (and warnings) of a text read, or the reason it
    /// was skipped.
    fn text_document(&mut self, read: TextRead, path: &str, id: String) {
        match read {
            TextRead::Skip(why) => self.problem(path, Severity::Skipped, why),
            TextRead::Text { text, bad_utf8_at } => {
                if let Some(at) = bad_utf8_at {
                    let message = format!("invalid UTF-8 at byte offset {at}; decoded lossily");
                    self.problem(path, Severity::Warning, message);
                }
                self.document(Document::new(id, text), path, None);
            }
        }
    }

    /// Starts reading a JSON-lines corpus, unless it looks binary.
    fn start_jsonl(&mut self, mut reader: Box<dyn Read + Send>, path: String, file_id: String) {
        let mut head = Vec::with_capacity(files::SNIFF_BYTES);
        if let Err(e) = (&mut reader)
            .take(files::SNIFF_BYTES as u64)
            .read_to_end(&mut head)
        {
            self.problem(path, Severity::Skipped, format!("cannot read: {e}"));
            return;
        }
        if let Some(at) = files::nul_offset(&head) {
            let message = format!("binary file (NUL byte at byte offset {at})");
            self.problem(path, Severity::Skipped, message);
            return;
        }
        if head.len() < files::SNIFF_BYTES && head.iter().all(u8::is_ascii_whitespace) {
            let message = if head.is_empty() {
                "empty file"
            } else {
                "file holds only white space"
            };
            self.problem(path, Severity::Skipped, message);
            return;
        }
        let stream = BufReader::with_capacity(64 * 1024, Cursor::new(head).chain(reader));
        self.jsonl = Some(JsonlReader::new(
            Box::new(stream),
            path,
            file_id,
            self.opts.max_line_bytes,
        ));
    }

    fn visit_arg(&mut self, arg: PathBuf) {
        if arg.as_os_str() == "-" {
            self.visit_stdin();
            return;
        }
        let shown = arg.display().to_string();
        let meta = match std::fs::metadata(&arg) {
            Ok(m) => m,
            Err(e) => {
                let message = files::metadata_problem(&arg, &e);
                let severity = if e.kind() == io::ErrorKind::NotFound {
                    Severity::Fatal
                } else {
                    Severity::Skipped
                };
                self.problem(shown, severity, message);
                return;
            }
        };
        if meta.is_dir() {
            self.enter_dir(arg, String::new());
        } else {
            let id = match arg.file_name() {
                Some(name) => name.to_string_lossy().into_owned(),
                None => shown,
            };
            self.visit_file(&arg, id, Some(meta.len()).filter(|_| meta.is_file()));
        }
    }

    /// Starts walking a folder, unless it is one being walked (a loop) or one
    /// walked before.
    fn enter_dir(&mut self, path: PathBuf, id_prefix: String) {
        let shown = path.display().to_string();
        let canonical = match std::fs::canonicalize(&path) {
            Ok(c) => c,
            Err(e) => {
                self.problem(shown, Severity::Skipped, files::metadata_problem(&path, &e));
                return;
            }
        };
        if let Some(outer) = self.dirs.iter().find(|d| d.canonical == canonical) {
            let message = format!(
                "symbolic link loop: this folder is {}, which is being read already",
                outer.path.display()
            );
            self.problem(shown, Severity::Skipped, message);
            return;
        }
        if let Some(first) = self.seen_dirs.get(&canonical) {
            let message = format!("same folder as {first}, which was read already");
            self.problem(shown, Severity::Warning, message);
            return;
        }
        let mut entries = Vec::new();
        match std::fs::read_dir(&path) {
            Ok(iter) => {
                for entry in iter {
                    match entry {
                        Ok(entry) => entries.push(entry.file_name()),
                        Err(e) => {
                            let message = format!("cannot list folder entry: {e}");
                            self.problem(shown.clone(), Severity::Skipped, message);
                        }
                    }
                }
            }
            Err(e) => {
                self.problem(shown, Severity::Skipped, format!("cannot read folder: {e}"));
                return;
            }
        }
        entries.sort();
        self.seen_dirs.insert(canonical.clone(), shown);
        self.dirs.push(DirFrame {
            path,
            canonical,
            id_prefix,
            entries: entries.into_iter(),
        });
    }

    /// Visits one entry of the innermost folder.
    fn visit_entry(&mut self, dir: PathBuf, id_prefix: String, name: OsString) {
        if files::is_hidden(&name) {
            return;
        }
        let path = dir.join(&name);
        let id = format!("{id_prefix}{}", name.to_string_lossy());
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => {
                let message = files::metadata_problem(&path, &e);
                self.problem(path.display().to_string(), Severity::Skipped, message);
                return;
            }
        };
        if meta.is_dir() {
            self.enter_dir(path, format!("{id}/"));
        } else if meta.is_file() {
            self.visit_file(&path, id, Some(meta.len()));
        } else {
            let message = "not a regular file (a device, socket or pipe)";
            self.problem(path.display().to_string(), Severity::Skipped, message);
        }
    }

    /// Reads a file (a text document or a corpus) with the given id; `len` is
    /// its size when it is a regular file.
    fn visit_file(&mut self, path: &Path, id: String, len: Option<u64>) {
        let shown = path.display().to_string();
        if let Ok(canonical) = std::fs::canonicalize(path) {
            if let Some(first) = self.seen_files.get(&canonical) {
                let message = format!("same file as {first}, which was read already");
                self.problem(shown, Severity::Warning, message);
                return;
            }
            self.seen_files.insert(canonical, shown.clone());
        }
        if files::is_json_lines(path) {
            match File::open(path) {
                Ok(file) => self.start_jsonl(Box::new(file), shown, id),
                Err(e) => self.problem(shown, Severity::Skipped, format!("cannot open: {e}")),
            }
            return;
        }
        if let Some(len) = len {
            if len > self.opts.max_file_bytes as u64 {
                let message = files::too_big(len, self.opts.max_file_bytes);
                self.problem(shown, Severity::Skipped, message);
                return;
            }
        }
        let read = match File::open(path) {
            Ok(file) => files::read_text(file, len, self.opts.max_file_bytes),
            Err(e) => TextRead::Skip(format!("cannot open: {e}")),
        };
        self.text_document(read, &shown, id);
    }

    /// Does one step of work: one corpus line, one folder entry or one
    /// argument. Returns `false` when there is nothing left.
    fn step(&mut self) -> bool {
        // Taken out while its events are queued (no copy of its path per
        // line), put back unless it is done.
        if let Some(mut reader) = self.jsonl.take() {
            // (The event buffer is taken out too, and reused line after line.)
            let mut events = std::mem::take(&mut self.events);
            if reader.next_events(&mut events) {
                for event in events.drain(..) {
                    match event {
                        Event::Document(doc, line) => {
                            self.document(doc, reader.path(), Some(line));
                        }
                        Event::Problem(p) => self.queue.push_back(InputItem::Problem(p)),
                    }
                }
                self.jsonl = Some(reader);
            }
            self.events = events;
            return true;
        }
        if let Some(frame) = self.dirs.last_mut() {
            match frame.entries.next() {
                Some(name) => {
                    let (dir, prefix) = (frame.path.clone(), frame.id_prefix.clone());
                    self.visit_entry(dir, prefix, name);
                }
                None => {
                    self.dirs.pop();
                }
            }
            return true;
        }
        match self.args.pop_front() {
            Some(arg) => {
                self.visit_arg(arg);
                true
            }
            None => false,
        }
    }
}

impl Iterator for Inputs {
    type Item = InputItem;

    fn next(&mut self) -> Option<InputItem> {
        loop {
            if let Some(item) = self.queue.pop_front() {
                self.summary.count(&item);
                return Some(item);
            }
            if !self.step() {
                return None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// What a run gave, in a form easy to compare.
    #[derive(Debug, Default)]
    struct Run {
        /// `(id, text)` of each document, in order.
        docs: Vec<(String, String)>,
        /// Documents in order, whole.
        full: Vec<Document>,
        /// Problems in order.
        problems: Vec<InputProblem>,
        summary: InputSummary,
    }

    impl Run {
        fn ids(&self) -> Vec<&str> {
            self.docs.iter().map(|(id, _)| id.as_str()).collect()
        }

        fn text(&self, id: &str) -> &str {
            match self.docs.iter().find(|(i, _)| i == id) {
                Some((_, text)) => text,
                None => panic!("no document {id:?} in {:?}", self.ids()),
            }
        }

        /// The one problem whose message contains `needle`.
        fn problem(&self, needle: &str) -> &InputProblem {
            let found: Vec<_> = self
                .problems
                .iter()
                .filter(|p| p.message.contains(needle))
                .collect();
            assert_eq!(found.len(), 1, "{needle:?} in {:#?}", self.problems);
            found[0]
        }
    }

    fn collect(inputs: Inputs) -> Run {
        let mut inputs = inputs;
        let mut run = Run::default();
        for item in inputs.by_ref() {
            match item {
                InputItem::Document(doc) => {
                    run.docs
                        .push((doc.id().to_string(), doc.text().to_string()));
                    run.full.push(doc);
                }
                InputItem::Problem(p) => run.problems.push(p),
            }
        }
        run.summary = inputs.summary();
        run
    }

    fn run(args: &[PathBuf]) -> Run {
        collect(read_inputs(args, &InputOptions::default()))
    }

    fn write(path: &Path, bytes: impl AsRef<[u8]>) {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(path, bytes).unwrap();
    }

    #[test]
    fn file_named_directly_uses_its_file_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("news/a.txt");
        write(&path, "Meta invested in Scale AI.\n");
        let run = run(&[path]);
        assert_eq!(
            run.docs,
            [("a.txt".into(), "Meta invested in Scale AI.\n".into())]
        );
        assert!(run.problems.is_empty(), "{:?}", run.problems);
        assert_eq!(
            run.summary,
            InputSummary {
                documents: 1,
                ..InputSummary::default()
            }
        );
    }

    #[test]
    fn folder_walk_is_sorted_recursive_and_skips_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        write(&root.join("b.txt"), "B");
        write(&root.join("a.txt"), "A");
        write(&root.join("sub/z.txt"), "Z");
        write(&root.join("sub/deeper/y.md"), "Y");
        write(&root.join("c/x.txt"), "X");
        write(&root.join(".hidden.txt"), "H");
        write(&root.join(".git/config.txt"), "G");
        write(&root.join("A-upper.txt"), "U");
        let run = run(&[root, dir.path().join("corpus/sub/z.txt")]);
        // Byte order: upper case first; a folder's files where its name sorts.
        // The last argument is the same file as corpus/sub/z.txt.
        assert_eq!(
            run.ids(),
            [
                "A-upper.txt",
                "a.txt",
                "b.txt",
                "c/x.txt",
                "sub/deeper/y.md",
                "sub/z.txt"
            ]
        );
        assert_eq!(run.text("sub/deeper/y.md"), "Y");
        let p = run.problem("same file as");
        assert_eq!(p.severity, Severity::Warning);
        assert!(p.message.contains("sub/z.txt"), "{p}");
        assert_eq!(run.problems.len(), 1);
    }

    #[test]
    fn same_folder_twice_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("d/a.txt"), "A");
        let d = dir.path().join("d");
        let run = run(&[d.clone(), d]);
        assert_eq!(run.ids(), ["a.txt"]);
        assert_eq!(run.problem("same folder as").severity, Severity::Warning);
    }

    #[test]
    fn stdin_text_is_one_document() {
        let inputs = read_inputs(&[PathBuf::from("-")], &InputOptions::default())
            .with_stdin(&b"Meta bought a stake.\n{\"not\": \"json lines\"}\n"[..]);
        let run = collect(inputs);
        assert_eq!(
            run.docs,
            [(
                "stdin".into(),
                "Meta bought a stake.\n{\"not\": \"json lines\"}\n".into()
            )]
        );
    }

    #[test]
    fn stdin_read_once() {
        let args = [PathBuf::from("-"), PathBuf::from("-")];
        let run = collect(read_inputs(&args, &InputOptions::default()).with_stdin(&b"Text."[..]));
        assert_eq!(run.ids(), ["stdin"]);
        let p = run.problem("already read");
        assert_eq!(
            (p.path.as_str(), p.severity),
            ("<stdin>", Severity::Warning)
        );
    }

    #[test]
    fn stdin_empty_and_binary() {
        let run = collect(
            read_inputs(&[PathBuf::from("-")], &InputOptions::default()).with_stdin(&b""[..]),
        );
        assert!(run.docs.is_empty());
        assert_eq!(run.problem("empty").severity, Severity::Skipped);
        let run = collect(
            read_inputs(&[PathBuf::from("-")], &InputOptions::default()).with_stdin(&b"a\0b"[..]),
        );
        assert_eq!(run.problem("binary").path, "<stdin>");
    }

    #[test]
    fn stdin_json_lines() {
        let opts = InputOptions {
            stdin_format: StdinFormat::JsonLines,
            ..InputOptions::default()
        };
        let input = "{\"id\": \"x\", \"text\": \"One.\"}\n\n{\"text\": \"Two.\"}\n";
        let run = collect(read_inputs(&[PathBuf::from("-")], &opts).with_stdin(input.as_bytes()));
        assert_eq!(run.ids(), ["x", "stdin:3"]);
        assert!(run.problems.is_empty(), "{:?}", run.problems);
    }

    const CORPUS: &str = concat!(
        "{\"id\": \"d1\", \"title\": \"Meta invests\", \"text\": \"Meta invested $14.3 billion.\", \"date\": \"2025-06-12\", \"url\": \"https://x.test/1\", \"n\": 3, \"ok\": true, \"tags\": [\"a\"], \"extra\": null}\n",
        "\n",
        "   \r\n",
        "{\"id\": 42, \"title\": \"\", \"text\": \"Numbered.\"}\n",
        "{\"text\": \"No id.\", \"title\": null}\n",
        "{\"id\": \"d4\", \"title\": \"Title only\"}\n",
        "{\"id\": \"d5\", \"text\": \"broken\"\n",
        "[1, 2]\n",
        "{\"id\": \"d1\", \"text\": \"Again.\"}\n",
        "{\"id\": \"d6\", \"text\": 7}\n",
        "{\"id\": \"d7\", \"text\": \"Last, no newline.\"}",
    );

    #[test]
    fn json_lines_corpus() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("corpus/2025/news.jsonl");
        write(&path, CORPUS);
        let run = run(&[dir.path().join("corpus")]);
        assert_eq!(run.ids(), ["d1", "42", "2025/news.jsonl:5", "d7"]);
        assert_eq!(
            run.text("d1"),
            "Meta invests\n\nMeta invested $14.3 billion."
        );
        assert_eq!(run.text("42"), "Numbered.");
        assert_eq!(run.text("2025/news.jsonl:5"), "No id.");
        let meta: Vec<_> = run.full[0].meta().iter().collect();
        assert_eq!(
            meta,
            [
                ("date", "2025-06-12"),
                ("n", "3"),
                ("ok", "true"),
                ("url", "https://x.test/1")
            ]
        );
        assert!(run.full[1].meta().is_empty());

        let shown = path.display().to_string();
        let expect = [
            (6, Severity::Skipped, "no \"text\" field"),
            (7, Severity::Skipped, "malformed JSON"),
            (8, Severity::Skipped, "not a JSON object"),
            (9, Severity::Warning, "duplicate document id \"d1\""),
            (10, Severity::Skipped, "\"text\" is not a string"),
        ];
        assert_eq!(run.problems.len(), expect.len(), "{:#?}", run.problems);
        for (line, severity, needle) in expect {
            let p = run.problem(needle);
            assert_eq!(
                (p.path.as_str(), p.line, p.severity),
                (shown.as_str(), Some(line), severity)
            );
        }
        let dup = run.problem("duplicate");
        assert!(dup.message.contains(&format!("{shown}:1")), "{dup}");
        assert!(dup.message.contains("keeping the first"), "{dup}");
        assert_eq!(
            dup.to_string(),
            format!("{shown}:9: warning: {}", dup.message)
        );
        assert_eq!(
            run.summary,
            InputSummary {
                documents: 4,
                warnings: 1,
                skipped: 4,
                fatal: 0
            }
        );
    }

    #[test]
    fn json_lines_file_named_directly_and_ndjson() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/feed.NDJSON");
        write(
            &path,
            "\u{feff}{\"text\": \"a\"}\n{\"id\": \"\", \"text\": \"b\"}\n{\"id\": [1], \"text\": \"c\"}\n",
        );
        let run = run(&[path]);
        assert_eq!(
            run.ids(),
            ["feed.NDJSON:1", "feed.NDJSON:2", "feed.NDJSON:3"]
        );
        assert_eq!(run.problem("empty \"id\"").line, Some(2));
        assert_eq!(run.problem("neither a string").line, Some(3));
        assert!(run.problems.iter().all(|p| p.severity == Severity::Warning));
    }

    #[test]
    fn json_lines_bad_title_and_empty_text() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        write(
            &path,
            "{\"id\": \"a\", \"title\": 5, \"text\": \"Body.\"}\n{\"id\": \"b\", \"text\": \"  \"}\n{\"id\": \"c\", \"title\": \"T\", \"text\": \"\"}\n",
        );
        let run = run(&[path]);
        assert_eq!(
            run.docs,
            [("a".into(), "Body.".into()), ("c".into(), "T\n\n".into())]
        );
        assert_eq!(
            run.problem("\"title\" is not a string").severity,
            Severity::Warning
        );
        assert_eq!(run.problem("empty \"text\"").line, Some(2));
    }

    #[test]
    fn json_lines_invalid_utf8_is_decoded_lossily() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("u.jsonl");
        let mut bytes = b"{\"id\": \"a\", \"text\": \"ok\"}\n".to_vec();
        bytes.extend_from_slice(b"{\"id\": \"b\", \"text\": \"caf\xe9\"}\n");
        write(&path, &bytes);
        let run = run(&[path]);
        assert_eq!(run.text("b"), "caf\u{fffd}");
        let p = run.problem("invalid UTF-8");
        assert_eq!((p.line, p.severity), (Some(2), Severity::Warning));
        // Line 1 is 26 bytes; the bad byte is at 24 in line 2.
        assert!(p.message.contains("byte offset 50"), "{p}");
    }

    #[test]
    fn json_lines_long_line_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("long.jsonl");
        let big = "x".repeat(10_000);
        write(
            &path,
            format!(
                "{{\"id\": \"a\", \"text\": \"{big}\"}}\n{{\"id\": \"b\", \"text\": \"short\"}}\n"
            ),
        );
        let opts = InputOptions {
            max_line_bytes: 1000,
            ..InputOptions::default()
        };
        let run = collect(read_inputs(&[path], &opts));
        assert_eq!(run.ids(), ["b"]);
        let p = run.problem("over the limit of 1000 bytes");
        assert_eq!((p.line, p.severity), (Some(1), Severity::Skipped));
        assert!(p.message.contains("10023 bytes"), "{p}");
    }

    #[test]
    fn json_lines_huge_line_with_default_limits() {
        // A 17 MiB line is over the default 16 MiB; the next line still reads.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.jsonl");
        let mut bytes = b"{\"id\": \"big\", \"text\": \"".to_vec();
        bytes.resize(bytes.len() + 17 * 1024 * 1024, b'a');
        bytes.extend_from_slice(b"\"}\n{\"id\": \"small\", \"text\": \"Fine.\"}\n");
        write(&path, &bytes);
        let run = run(&[path]);
        assert_eq!(run.ids(), ["small"]);
        assert_eq!(run.problem("over the limit").line, Some(1));
    }

    #[test]
    fn json_lines_binary_and_empty_files() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("a.jsonl"), b"{\"text\": \"a\"}\n\0\0\0");
        write(&dir.path().join("b.jsonl"), b"");
        write(&dir.path().join("c.jsonl"), b"\n \n");
        let run = run(&[dir.path().to_path_buf()]);
        assert!(run.docs.is_empty());
        assert!(run.problem("binary").path.ends_with("a.jsonl"));
        assert!(run.problem("empty file").path.ends_with("b.jsonl"));
        assert!(run.problem("white space").path.ends_with("c.jsonl"));
    }

    #[test]
    fn duplicate_ids_keep_the_first() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("one/a.txt"), "First.");
        write(&dir.path().join("two/a.txt"), "Second.");
        let run = run(&[dir.path().join("one"), dir.path().join("two")]);
        assert_eq!(run.docs, [("a.txt".into(), "First.".into())]);
        let p = run.problem("duplicate document id \"a.txt\"");
        assert_eq!(p.severity, Severity::Warning);
        assert!(p.path.ends_with("two/a.txt"), "{p}");
        assert!(p.message.contains("one/a.txt"), "{p}");
    }

    #[test]
    fn bad_text_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(&root.join("1-binary.bin"), b"PK\x03\x04\0\0rest");
        write(&root.join("2-latin1.txt"), b"Soci\xe9t\xe9 G\xe9n\xe9rale");
        write(&root.join("3-empty.txt"), b"");
        write(&root.join("4-blank.txt"), b" \n\t\n");
        write(&root.join("5-good.txt"), b"Good.");
        let run = run(&[root.to_path_buf()]);
        assert_eq!(run.ids(), ["2-latin1.txt", "5-good.txt"]);
        assert_eq!(
            run.text("2-latin1.txt"),
            "Soci\u{fffd}t\u{fffd} G\u{fffd}n\u{fffd}rale"
        );
        let p = run.problem("binary");
        assert_eq!(p.severity, Severity::Skipped);
        assert!(
            p.path.ends_with("1-binary.bin") && p.message.contains("offset 4"),
            "{p}"
        );
        let p = run.problem("invalid UTF-8");
        assert_eq!(p.severity, Severity::Warning);
        assert!(
            p.path.ends_with("2-latin1.txt") && p.message.contains("byte offset 4"),
            "{p}"
        );
        assert!(run.problem("empty file").path.ends_with("3-empty.txt"));
        assert!(run.problem("white space").path.ends_with("4-blank.txt"));
        // The warning comes before its document.
        assert_eq!(run.summary.documents, 2);
        assert_eq!(run.summary.skipped, 3);
        assert_eq!(run.summary.warnings, 1);
    }

    #[test]
    fn text_file_size_limit() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("big.txt"), "x".repeat(2000));
        write(&dir.path().join("long-line.txt"), "y".repeat(900));
        let opts = InputOptions {
            max_file_bytes: 1000,
            max_line_bytes: 10,
            ..InputOptions::default()
        };
        let run = collect(read_inputs(&[dir.path().to_path_buf()], &opts));
        // A text file's single long line is fine: only jsonl lines are bounded.
        assert_eq!(run.ids(), ["long-line.txt"]);
        let p = run.problem("over the limit of 1000 bytes");
        assert!(p.message.contains("2000 bytes"), "{p}");
        assert_eq!(p.severity, Severity::Skipped);
    }

    #[test]
    fn missing_path_is_fatal_and_the_run_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("a.txt"), "A");
        let missing = dir.path().join("nope.txt");
        let run = run(&[missing.clone(), dir.path().join("a.txt")]);
        assert_eq!(run.ids(), ["a.txt"]);
        let p = run.problem("no such file");
        assert_eq!(p.severity, Severity::Fatal);
        assert_eq!(p.path, missing.display().to_string());
        assert_eq!(run.summary.fatal, 1);
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_and_broken_links() {
        use std::os::unix::fs::symlink;
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("root");
        write(&root.join("a.txt"), "A");
        write(&root.join("sub/b.txt"), "B");
        symlink("..", root.join("sub/up")).unwrap();
        symlink("loop2", root.join("loop1")).unwrap();
        symlink("loop1", root.join("loop2")).unwrap();
        symlink("nowhere", root.join("broken")).unwrap();
        symlink("a.txt", root.join("z-link.txt")).unwrap();
        let run = run(std::slice::from_ref(&root));
        assert_eq!(run.ids(), ["a.txt", "sub/b.txt"]);
        let p = run.problem("symbolic link loop: this folder is");
        assert_eq!(p.severity, Severity::Skipped);
        assert!(p.path.ends_with("sub/up"), "{p}");
        let loops: Vec<_> = run
            .problems
            .iter()
            .filter(|p| p.message.contains("too many levels"))
            .collect();
        assert_eq!(loops.len(), 2, "{:#?}", run.problems);
        assert_eq!(
            run.problem("broken symbolic link").severity,
            Severity::Skipped
        );
        assert_eq!(run.problem("same file as").severity, Severity::Warning);
        assert_eq!(run.problems.len(), 5, "{:#?}", run.problems);

        // A loop named on the command line is skipped, not fatal.
        let run2 = self::run(&[root.join("loop1")]);
        assert_eq!(run2.problems[0].severity, Severity::Skipped);
        // A broken link on the command line does not exist: fatal.
        let run3 = self::run(&[root.join("broken")]);
        assert_eq!(run3.problems[0].severity, Severity::Fatal);
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_files_are_skipped() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let locked = dir.path().join("locked.txt");
        write(&locked, "secret");
        write(&dir.path().join("ok.txt"), "Fine.");
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        let readable = File::open(&locked).is_ok(); // true when run as root
        let run = run(&[dir.path().to_path_buf()]);
        if !readable {
            assert_eq!(run.ids(), ["ok.txt"]);
            let p = run.problem("cannot open");
            assert_eq!(p.severity, Severity::Skipped);
            assert!(p.path.ends_with("locked.txt"));
        }
        assert!(run.ids().contains(&"ok.txt"));
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o644)).unwrap();
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn read_errors_are_skipped() {
        // /proc/self/mem is a regular file that cannot be read at offset 0,
        // even by root.
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink("/proc/self/mem", dir.path().join("mem.txt")).unwrap();
        write(&dir.path().join("ok.txt"), "Fine.");
        let run = run(&[dir.path().to_path_buf()]);
        assert_eq!(run.ids(), ["ok.txt"]);
        let p = run.problem("cannot read");
        assert_eq!(p.severity, Severity::Skipped);
        assert!(p.path.ends_with("mem.txt"), "{p}");
    }

    #[cfg(unix)]
    #[test]
    fn special_files_in_folders_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        let run = run(&[dir.path().to_path_buf()]);
        assert!(run.docs.is_empty());
        assert!(run.problem("not a regular file").path.ends_with("pipe"));
    }

    /// A stream that gives some bytes, then fails.
    struct Failing(&'static [u8]);

    impl Read for Failing {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() {
                return Err(io::Error::other("boom"));
            }
            let n = self.0.len().min(buf.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    #[test]
    fn lazy_and_read_errors_mid_corpus() {
        let opts = InputOptions {
            stdin_format: StdinFormat::JsonLines,
            ..InputOptions::default()
        };
        let stream =
            Failing(b"{\"id\": \"a\", \"text\": \"A.\"}\n{\"id\": \"b\", \"text\": \"B.\"}\n");
        let mut inputs = read_inputs(&[PathBuf::from("-")], &opts).with_stdin(stream);
        // The sniffed head hits the error before any line: the corpus is skipped.
        let first = inputs.next();
        assert!(
            matches!(&first, Some(InputItem::Problem(p)) if p.message.contains("boom")),
            "{first:?}"
        );
        assert!(inputs.next().is_none());
    }

    #[test]
    fn folders_are_read_lazily() {
        let dir = tempfile::tempdir().unwrap();
        write(&dir.path().join("a.txt"), "A");
        write(&dir.path().join("b.txt"), "B");
        let mut inputs = read_inputs(&[dir.path().to_path_buf()], &InputOptions::default());
        assert!(matches!(inputs.next(), Some(InputItem::Document(d)) if d.id() == "a.txt"));
        // b.txt was listed but is read only now.
        write(&dir.path().join("b.txt"), "B, changed");
        match inputs.next() {
            Some(InputItem::Document(d)) => assert_eq!(d.text(), "B, changed"),
            other => panic!("{other:?}"),
        }
        assert!(inputs.next().is_none());
        assert_eq!(inputs.summary().documents, 2);
    }

    #[test]
    fn corpora_are_read_lazily() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.jsonl");
        let mut text = String::new();
        for i in 0..2000 {
            text.push_str(&format!("{{\"id\": \"{i}\", \"text\": \"Doc {i}.\"}}\n"));
        }
        write(&path, &text);
        let mut inputs = read_inputs(std::slice::from_ref(&path), &InputOptions::default());
        assert!(matches!(inputs.next(), Some(InputItem::Document(d)) if d.id() == "0"));
        // Truncate the file: only what was buffered (64 KiB) still comes out.
        fs::write(&path, "").unwrap();
        let rest = inputs.count();
        assert!(rest < 1999, "{rest}");
    }

    #[test]
    fn stdin_format_names() {
        assert_eq!("text".parse::<StdinFormat>().unwrap(), StdinFormat::Text);
        assert_eq!(
            "JSONL".parse::<StdinFormat>().unwrap(),
            StdinFormat::JsonLines
        );
        assert_eq!(
            "ndjson".parse::<StdinFormat>().unwrap(),
            StdinFormat::JsonLines
        );
        let err = "csv".parse::<StdinFormat>().unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Usage);
        assert!(err.to_string().contains("text, jsonl"), "{err}");
        assert_eq!(StdinFormat::JsonLines.to_string(), "jsonl");
        assert_eq!(StdinFormat::default(), StdinFormat::Text);
    }

    #[test]
    fn inputs_are_send() {
        fn is_send<T: Send>() {}
        is_send::<Inputs>();
    }
}
