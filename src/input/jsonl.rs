//! JSON-lines corpora: one `{"id", "title", "text", ...}` object per line,
//! read one bounded line at a time.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, BufRead};

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

use super::{InputProblem, Severity};
use crate::document::Document;

/// A line buffer above this capacity is given back after its line, not
/// kept for the next one.
const KEEP_BUF_BYTES: usize = 1 << 20;

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

    /// Reads up to the next non-blank line and appends what it gave to
    /// `events` (a buffer the caller reuses); `false` at the end of the
    /// input.
    pub(super) fn next_events(&mut self, events: &mut Vec<Event>) -> bool {
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
                    events.push(Event::Problem(problem));
                    return true;
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
                    events.push(self.problem(Severity::Skipped, message));
                    return true;
                }
                LineStatus::Line => {
                    self.line += 1;
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    self.parse_line(start, events);
                    // The buffer is reused for the next line, unless huge.
                    if self.buf.capacity() > KEEP_BUF_BYTES {
                        self.buf = Vec::new();
                    }
                    return true;
                }
            }
        }
        false
    }

    /// Turns the line in the buffer, which started at byte `start`, into a
    /// document (and warnings) or a problem, appended to `events`.
    ///
    /// The line is parsed in place into [`Record`] (fields borrowed from
    /// the line where JSON needs no unescaping), not into a `Value` tree:
    /// the same parser and the same errors, without a map and a string per
    /// field.
    fn parse_line(&self, start: u64, events: &mut Vec<Event>) {
        let mut bytes = &self.buf[..];
        let mut bom = 0;
        if self.line == 1 && bytes.starts_with(b"\xef\xbb\xbf") {
            bytes = &bytes[3..];
            bom = 3;
        }
        let lossy: String;
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let offset = start + bom + e.valid_up_to() as u64;
                events.push(self.problem(
                    Severity::Warning,
                    format!("invalid UTF-8 at byte offset {offset}; decoded lossily"),
                ));
                lossy = String::from_utf8_lossy(bytes).into_owned();
                &lossy
            }
        };
        let fields = match serde_json::from_str(text) {
            Ok(Record::Object(fields)) => fields,
            Ok(Record::NotObject) => {
                events.push(self.problem(Severity::Skipped, "not a JSON object"));
                return;
            }
            Err(e) => {
                events.push(self.problem(Severity::Skipped, format!("malformed JSON ({e})")));
                return;
            }
        };
        // As in a JSON map, a repeated key's last value counts.
        let last = |key: &str| fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v);
        let body = match last("text") {
            Some(Field::Str(s)) => s,
            None | Some(Field::Null) => {
                events.push(self.problem(Severity::Skipped, "no \"text\" field"));
                return;
            }
            Some(_) => {
                events.push(self.problem(Severity::Skipped, "\"text\" is not a string"));
                return;
            }
        };
        let title = match last("title") {
            Some(Field::Str(s)) => s.as_ref(),
            None | Some(Field::Null) => "",
            Some(_) => {
                events.push(self.problem(Severity::Warning, "\"title\" is not a string; ignored"));
                ""
            }
        };
        let fallback = || format!("{}:{}", self.file_id, self.line);
        let id = match last("id") {
            Some(Field::Str(s)) if !s.trim().is_empty() => s.to_string(),
            Some(Field::Number(n)) => n.to_string(),
            None | Some(Field::Null) => fallback(),
            Some(Field::Str(_)) => {
                let fallback = fallback();
                events.push(self.problem(
                    Severity::Warning,
                    format!("empty \"id\"; using {fallback:?}"),
                ));
                fallback
            }
            Some(_) => {
                let fallback = fallback();
                events.push(self.problem(
                    Severity::Warning,
                    format!("\"id\" is neither a string nor a number; using {fallback:?}"),
                ));
                fallback
            }
        };
        // `Document::with_title`, with one copy of the body fewer.
        let text = if title.trim().is_empty() {
            body.to_string()
        } else {
            let mut text = String::with_capacity(title.len() + 2 + body.len());
            text.push_str(title);
            text.push_str("\n\n");
            text.push_str(body);
            text
        };
        if text.trim().is_empty() {
            events.push(self.problem(Severity::Skipped, "empty \"text\""));
            return;
        }
        let doc = add_meta(Document::new(id, text), &fields);
        events.push(Event::Document(doc, self.line));
    }
}

/// Adds the fields of a record other than `id`, `title` and `text` to a
/// document's metadata (a repeated key's last value counts): strings as they
/// are, numbers and booleans in their JSON spelling; `null`, arrays and
/// objects are left out.
fn add_meta(mut doc: Document, fields: &[(Cow<'_, str>, Field<'_>)]) -> Document {
    for (i, (key, value)) in fields.iter().enumerate() {
        if matches!(key.as_ref(), "id" | "title" | "text")
            || fields[i + 1..].iter().any(|(k, _)| k == key)
        {
            continue;
        }
        doc = match value {
            Field::Str(s) => doc.with_meta(key.as_ref(), s.as_ref()),
            Field::Number(n) => doc.with_meta(key.as_ref(), n.to_string()),
            Field::Bool(b) => doc.with_meta(key.as_ref(), b.to_string()),
            Field::Null | Field::Other => doc,
        };
    }
    doc
}

/// One line of a corpus, parsed: an object's fields in order, or anything
/// else. Parsed with `deserialize_any` at every level, as a
/// `serde_json::Value` is, so that the same texts parse and fail alike.
enum Record<'a> {
    /// A JSON object: its fields in order, repeated keys included.
    Object(Vec<(Cow<'a, str>, Field<'a>)>),
    /// Any other JSON value.
    NotObject,
}

/// The value of a record's field, as far as a document uses it.
#[derive(Debug, PartialEq)]
enum Field<'a> {
    /// A string, borrowed from the line when it has no escapes.
    Str(Cow<'a, str>),
    /// A number, as `serde_json::Value` holds it.
    Number(Number),
    /// `true` or `false`.
    Bool(bool),
    /// `null` (and a float `Value` cannot hold, which it reads as null).
    Null,
    /// An array or an object: parsed, not kept.
    Other,
}

impl<'de> Deserialize<'de> for Record<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RecordVisitor)
    }
}

/// Reads a [`Record`].
struct RecordVisitor;

impl<'de> Visitor<'de> for RecordVisitor {
    type Value = Record<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Record<'de>, E> {
        Ok(Record::NotObject)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Record<'de>, E> {
        Ok(Record::NotObject)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Record<'de>, E> {
        Ok(Record::NotObject)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Record<'de>, E> {
        Ok(Record::NotObject)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Record<'de>, E> {
        Ok(Record::NotObject)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Record<'de>, E> {
        Ok(Record::NotObject)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Record<'de>, A::Error> {
        skip_seq(seq)?;
        Ok(Record::NotObject)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record<'de>, A::Error> {
        // Room for a typical record's fields without growing.
        let mut fields = Vec::with_capacity(8);
        while let Some(Key(key)) = map.next_key()? {
            let value: Field<'de> = map.next_value()?;
            fields.push((key, value));
        }
        Ok(Record::Object(fields))
    }
}

/// An object's key, borrowed from the line when it has no escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FieldVisitor).map(|f| match f {
            Field::Str(s) => Key(s),
            // serde_json reads keys only as strings.
            _ => Key(Cow::Borrowed("")),
        })
    }
}

impl<'de> Deserialize<'de> for Field<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FieldVisitor)
    }
}

/// Reads a [`Field`]; numbers as `serde_json::Value`'s visitor makes them.
struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = Field<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Field<'de>, E> {
        Ok(Field::Bool(b))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Field<'de>, E> {
        Ok(Field::Number(n.into()))
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Field<'de>, E> {
        Ok(Field::Number(n.into()))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Field<'de>, E> {
        Ok(Number::from_f64(n).map_or(Field::Null, Field::Number))
    }
    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Field<'de>, E> {
        Ok(Field::Str(Cow::Borrowed(s)))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Field<'de>, E> {
        Ok(Field::Str(Cow::Owned(s.to_string())))
    }
    fn visit_string<E: de::Error>(self, s: String) -> Result<Field<'de>, E> {
        Ok(Field::Str(Cow::Owned(s)))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Field<'de>, E> {
        Ok(Field::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Field<'de>, A::Error> {
        skip_seq(seq)?;
        Ok(Field::Other)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Field<'de>, A::Error> {
        while map.next_entry::<Key<'de>, Field<'de>>()?.is_some() {}
        Ok(Field::Other)
    }
}

/// Reads an array's elements without keeping them.
fn skip_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<Field<'de>>()?.is_some() {}
    Ok(())
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

    /// What a `serde_json::Value` field is as a [`Field`].
    fn field_of(v: &serde_json::Value) -> Field<'static> {
        use serde_json::Value;
        match v {
            Value::String(s) => Field::Str(Cow::Owned(s.clone())),
            Value::Number(n) => Field::Number(n.clone()),
            Value::Bool(b) => Field::Bool(*b),
            Value::Null => Field::Null,
            Value::Array(_) | Value::Object(_) => Field::Other,
        }
    }

    #[test]
    fn record_parses_like_value() {
        let deep = format!("{{\"text\": {}1{}}}", "[".repeat(200), "]".repeat(200));
        let lines = [
            r#"{"id": "a", "title": "T", "text": "x\ny", "topics": ["c"], "date": "d"}"#,
            r#"{"te\u0078t": "esc key", "n": -0, "f": 1.5, "big": 18446744073709551616}"#,
            r#"{"id": 1, "id": null, "text": "x", "text": "y", "m": "a", "m": null}"#,
            r#"{"o": {"a": [1, {"b": true}], "c": {}}, "e": [], "text": false}"#,
            r#"{"u": 18446744073709551615, "i": -9223372036854775808, "x": 1e400}"#,
            r#"{"s": "\ud800"}"#,
            r#"{"s": "\ud83d\ude00 \u00e9", "bad": "\x"}"#,
            r#"{"a": 1,}"#,
            r#"{"a": [1,]}"#,
            r#"{"a": 1} x"#,
            r#"{"a": 01}"#,
            r#"{"a" 1}"#,
            r#"{"a": tru}"#,
            r#"{"a": "#,
            r#"{1: 2}"#,
            r#"[1, {"a": 2}]"#,
            r#"[1, {"a": 1e400}]"#,
            r#""text""#,
            "42",
            "null",
            "true",
            deep.as_str(),
        ];
        for line in lines {
            let value: Result<serde_json::Value, _> = serde_json::from_str(line);
            let record: Result<Record<'_>, _> = serde_json::from_str(line);
            match (value, record) {
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{line}"),
                (Ok(serde_json::Value::Object(map)), Ok(Record::Object(fields))) => {
                    let mut last = std::collections::BTreeMap::new();
                    for (k, v) in fields {
                        last.insert(k.into_owned(), v);
                    }
                    let want: std::collections::BTreeMap<String, Field<'_>> =
                        map.iter().map(|(k, v)| (k.clone(), field_of(v))).collect();
                    assert_eq!(last, want, "{line}");
                }
                (Ok(v), Ok(Record::NotObject)) => assert!(!v.is_object(), "{line}"),
                (v, r) => panic!("{line}: value {:?}, record ok {}", v, r.is_ok()),
            }
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
