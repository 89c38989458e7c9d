//! JSON-lines corpora: one `{"id", "title", "text", ...}` object per line,
//! read one bounded line at a time.

use std::io::{self, BufRead};

use serde_json::{Map, Value};

use super::files::decode_lossy;
use super::{InputProblem, Severity};
use crate::document::Document;

/// What one line of a corpus gave.
#[derive(Debug)]
pub(super) enum Event {
    /// A document read from a 1-based line.
    Document(Document, usize),
    /// A problem with a line (or with the rest of the file).
    Problem(InputProblem),
}

/// A JSON-lines reader over one file or stream.
pub(super) struct JsonlReader {
    reader: Box<dyn BufRead + Send>,
    /// The path shown in problems.
    path: String,
    /// The file's own id, for the fallback document id `<file>:<line>`.
    file_id: String,
    /// The 1-based number of the last line read.
    line: usize,
    /// The byte offset of the start of the next line.
    offset: u64,
    max_line_bytes: usize,
    buf: Vec<u8>,
    done: bool,
}

impl std::fmt::Debug for JsonlReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonlReader")
            .field("path", &self.path)
            .field("line", &self.line)
            .finish_non_exhaustive()
    }
}

/// How a bounded line read ended.
#[derive(Debug, PartialEq, Eq)]
enum LineStatus {
    /// No bytes were left.
    Eof,
    /// A whole line is in the buffer (without its `\n`).
    Line,
    /// The line, of this many bytes (without its `\n`), was longer than the
    /// limit; it was consumed, not kept.
    TooLong(u64),
}

/// Reads one line into `buf` (without the `\n`), keeping at most `max` bytes
/// of it in memory. Returns how it ended and how many bytes it consumed.
fn read_line_bounded(
    reader: &mut dyn BufRead,
    buf: &mut Vec<u8>,
    max: usize,
) -> io::Result<(LineStatus, u64)> {
    buf.clear();
    let mut consumed: u64 = 0;
    let mut line_len: u64 = 0;
    let mut too_long = false;
    loop {
        let available = match reader.fill_buf() {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            break;
        }
        let newline = memchr::memchr(b'\n', available);
        let chunk = match newline {
            Some(at) => available.split_at(at).0,
            None => available,
        };
        if !too_long {
            if buf.len() + chunk.len() > max {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        line_len += chunk.len() as u64;
        let used = chunk.len() + usize::from(newline.is_some());
        reader.consume(used);
        consumed += used as u64;
        if newline.is_some() {
            break;
        }
    }
    let status = if consumed == 0 {
        LineStatus::Eof
    } else if too_long {
        LineStatus::TooLong(line_len)
    } else {
        LineStatus::Line
    };
    Ok((status, consumed))
}

impl JsonlReader {
    /// Reads a corpus from `reader`; `path` names it in problems and
    /// `file_id` starts the fallback ids of its documents.
    pub(super) fn new(
        reader: Box<dyn BufRead + Send>,
        path: String,
        file_id: String,
        max_line_bytes: usize,
    ) -> JsonlReader {
        JsonlReader {
            reader,
            path,
            file_id,
            line: 0,
            offset: 0,
            max_line_bytes,
            buf: Vec::new(),
            done: false,
        }
    }

    /// The path shown in problems.
    pub(super) fn path(&self) -> &str {
        &self.path
    }

    fn problem(&self, severity: Severity, message: impl Into<String>) -> Event {
        Event::Problem(InputProblem::new(
            self.path.clone(),
            Some(self.line),
            severity,
            message,
        ))
    }

    /// Reads up to the next non-blank line and returns what it gave, or
    /// `None` at the end of the input.
    pub(super) fn next_events(&mut self) -> Option<Vec<Event>> {
        while !self.done {
            let start = self.offset;
            let read = read_line_bounded(&mut *self.reader, &mut self.buf, self.max_line_bytes);
            let (status, consumed) = match read {
                Ok(r) => r,
                Err(e) => {
                    self.done = true;
                    self.buf = Vec::new();
                    let message = format!("read error ({e}); the rest of the file is skipped");
                    let problem = InputProblem::new(
                        self.path.clone(),
                        Some(self.line + 1),
                        Severity::Skipped,
                        message,
                    );
                    return Some(vec![Event::Problem(problem)]);
                }
            };
            self.offset += consumed;
            match status {
                LineStatus::Eof => {
                    self.done = true;
                    self.buf = Vec::new();
                }
                LineStatus::TooLong(len) => {
                    self.line += 1;
                    let message = format!(
                        "line of {len} bytes is over the limit of {} bytes",
                        self.max_line_bytes
                    );
                    // Give back the memory of a huge line.
                    self.buf = Vec::new();
                    return Some(vec![self.problem(Severity::Skipped, message)]);
                }
                LineStatus::Line => {
                    self.line += 1;
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(self.parse_line(start));
                }
            }
        }
        None
    }

    /// Turns the line in the buffer, which started at byte `start`, into a
    /// document (and warnings) or a problem.
    fn parse_line(&mut self, start: u64) -> Vec<Event> {
        let mut events = Vec::new();
        let mut bytes = std::mem::take(&mut self.buf);
        let mut bom = 0;
        if self.line == 1 && bytes.starts_with(b"\xef\xbb\xbf") {
            bytes.drain(..3);
            bom = 3;
        }
        let (text, bad_utf8_at) = decode_lossy(bytes);
        if let Some(at) = bad_utf8_at {
            let offset = start + bom + at as u64;
            events.push(self.problem(
                Severity::Warning,
                format!("invalid UTF-8 at byte offset {offset}; decoded lossily"),
            ));
        }
        let value: Value = match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(e) => {
                events.push(self.problem(Severity::Skipped, format!("malformed JSON ({e})")));
                return events;
            }
        };
        drop(text);
        let Value::Object(mut object) = value else {
            events.push(self.problem(Severity::Skipped, "not a JSON object"));
            return events;
        };
        let body = match object.remove("text") {
            Some(Value::String(s)) => s,
            None | Some(Value::Null) => {
                events.push(self.problem(Severity::Skipped, "no \"text\" field"));
                return events;
            }
            Some(_) => {
                events.push(self.problem(Severity::Skipped, "\"text\" is not a string"));
                return events;
            }
        };
        let title = match object.remove("title") {
            Some(Value::String(s)) => s,
            None | Some(Value::Null) => String::new(),
            Some(_) => {
                events.push(self.problem(Severity::Warning, "\"title\" is not a string; ignored"));
                String::new()
            }
        };
        let fallback = format!("{}:{}", self.file_id, self.line);
        let id = match object.remove("id") {
            Some(Value::String(s)) if !s.trim().is_empty() => s,
            Some(Value::Number(n)) => n.to_string(),
            None | Some(Value::Null) => fallback,
            Some(Value::String(_)) => {
                events.push(self.problem(
                    Severity::Warning,
                    format!("empty \"id\"; using {fallback:?}"),
                ));
                fallback
            }
            Some(_) => {
                events.push(self.problem(
                    Severity::Warning,
                    format!("\"id\" is neither a string nor a number; using {fallback:?}"),
                ));
                fallback
            }
        };
        let mut doc = Document::with_title(id, &title, &body);
        drop(body);
        if doc.text().trim().is_empty() {
            events.push(self.problem(Severity::Skipped, "empty \"text\""));
            return events;
        }
        doc = add_meta(doc, object);
        events.push(Event::Document(doc, self.line));
        events
    }
}

/// Adds the remaining fields of a record to a document's metadata: strings as
/// they are, numbers and booleans in their JSON spelling; `null`, arrays and
/// objects are left out.
fn add_meta(mut doc: Document, object: Map<String, Value>) -> Document {
    for (key, value) in object {
        doc = match value {
            Value::String(s) => doc.with_meta(key, s),
            Value::Number(n) => doc.with_meta(key, n.to_string()),
            Value::Bool(b) => doc.with_meta(key, b.to_string()),
            Value::Null | Value::Array(_) | Value::Object(_) => doc,
        };
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize) -> Vec<(LineStatus, Vec<u8>, u64)> {
        let mut reader = io::BufReader::with_capacity(4, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            let (status, n) = read_line_bounded(&mut reader, &mut buf, max).unwrap();
            if status == LineStatus::Eof {
                return out;
            }
            out.push((status, buf.clone(), n));
        }
    }

    #[test]
    fn bounded_lines() {
        let got = lines(b"ab\nabcdefghij\n\nxyz", 5);
        assert_eq!(
            got,
            vec![
                (LineStatus::Line, b"ab".to_vec(), 3),
                (LineStatus::TooLong(10), Vec::new(), 11),
                (LineStatus::Line, Vec::new(), 1),
                (LineStatus::Line, b"xyz".to_vec(), 3),
            ]
        );
        assert_eq!(lines(b"abcde\n", 5)[0].0, LineStatus::Line);
        assert!(lines(b"", 5).is_empty());
    }
}
