//! A small JSON writer for the JSON outputs (`graph.json`, the merge log,
//! the evidence lists other formats carry as text), byte for byte what
//! serde_json writes, without going through `Serialize`.
//!
//! serde_json's pretty printer was the largest cost of writing all formats:
//! every value went through a serializer state machine, one small write at
//! a time. Here values are appended to a `String`; strings go through the
//! one JSON escaper, [`escape::json_string_into`], floats through
//! serde_json's own float formatting ([`escape::json_f64_into`]). The
//! layout rules are serde_json's `CompactFormatter` and `PrettyFormatter`
//! (two spaces): in pretty form each member or element starts a new line
//! at its depth, `": "` separates keys from values, an empty object or
//! array is `{}` / `[]`, and a non-empty one closes on a line of its own.
//! The tests of [`super::json`] and [`super::merge_log`] compare the
//! output with serde_json's.

use super::escape;
use crate::facts::Evidence;

/// A line break and spaces for indentation, sliced (deeper levels take
/// more spaces after it).
const NEWLINE_INDENT: &str = "\n                                ";

/// JSON text being written into a `String`.
#[derive(Debug)]
pub(crate) struct JsonOut {
    buf: String,
    pretty: bool,
    /// Number of open objects and arrays.
    depth: usize,
    /// Whether the innermost open object or array has no member yet.
    first: bool,
}

impl JsonOut {
    /// A writer of compact JSON (`{"a":1,"b":[2]}`), as `serde_json::to_writer`.
    pub(crate) fn compact() -> JsonOut {
        JsonOut {
            buf: String::new(),
            pretty: false,
            depth: 0,
            first: true,
        }
    }

    /// A writer of indented JSON, as `serde_json::to_writer_pretty`.
    pub(crate) fn pretty() -> JsonOut {
        JsonOut {
            pretty: true,
            ..JsonOut::compact()
        }
    }

    /// The text written so far (also for appending raw, already valid JSON
    /// text).
    #[inline]
    pub(crate) fn buf(&mut self) -> &mut String {
        &mut self.buf
    }

    /// The text written.
    pub(crate) fn into_string(self) -> String {
        self.buf
    }

    /// A line break and the indentation of the current depth, in one
    /// append for the usual depths.
    fn newline(&mut self) {
        let mut n = 2 * self.depth;
        let k = n.min(NEWLINE_INDENT.len() - 1);
        self.buf.push_str(&NEWLINE_INDENT[..k + 1]);
        n -= k;
        while n > 0 {
            let k = n.min(NEWLINE_INDENT.len() - 1);
            self.buf.push_str(&NEWLINE_INDENT[1..k + 1]);
            n -= k;
        }
    }

    /// Starts a member or element: the comma after the previous one, and
    /// in pretty form the new line.
    #[inline(always)]
    fn next(&mut self) {
        if !self.first {
            self.buf.push(',');
        }
        self.first = false;
        if self.pretty {
            self.newline();
        }
    }

    fn open(&mut self, bracket: char) {
        self.buf.push(bracket);
        self.depth += 1;
        self.first = true;
    }

    fn close(&mut self, bracket: char) {
        self.depth = self.depth.saturating_sub(1);
        if self.pretty && !self.first {
            self.newline();
        }
        self.buf.push(bracket);
        self.first = false;
    }

    /// `{`.
    #[inline]
    pub(crate) fn begin_object(&mut self) {
        self.open('{');
    }

    /// `}`.
    #[inline]
    pub(crate) fn end_object(&mut self) {
        self.close('}');
    }

    /// `[`.
    #[inline]
    pub(crate) fn begin_array(&mut self) {
        self.open('[');
    }

    /// `]`.
    #[inline]
    pub(crate) fn end_array(&mut self) {
        self.close(']');
    }

    /// Starts an array element; its value follows.
    #[inline]
    pub(crate) fn element(&mut self) {
        self.next();
    }

    /// Starts an object member named `key` (any text); its value follows.
    pub(crate) fn key(&mut self, key: &str) {
        self.next();
        escape::json_string_into(&mut self.buf, key);
        self.buf.push_str(if self.pretty { ": " } else { ":" });
    }

    /// [`JsonOut::key`] for a fixed name that needs no escaping (letters,
    /// digits, `_`): appended as it is. Always inlined, so that with a
    /// literal name the appends are a few stores instead of calls to the
    /// escaper and `memcpy`.
    #[inline(always)]
    pub(crate) fn name(&mut self, key: &'static str) {
        debug_assert!(key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
        self.next();
        self.buf.push('"');
        self.buf.push_str(key);
        self.buf.push_str(if self.pretty { "\": " } else { "\":" });
    }

    /// A string value.
    #[inline(always)]
    pub(crate) fn str(&mut self, s: &str) {
        escape::json_string_into(&mut self.buf, s);
    }

    /// An integer value.
    #[inline(always)]
    pub(crate) fn uint(&mut self, n: usize) {
        escape::uint_into(&mut self.buf, n as u64);
    }

    /// A float value (`null` when not finite).
    pub(crate) fn f64(&mut self, x: f64) {
        escape::json_f64_into(&mut self.buf, x);
    }

    /// `null`.
    #[inline]
    pub(crate) fn null(&mut self) {
        self.buf.push_str("null");
    }

    /// `true` or `false`.
    #[inline]
    pub(crate) fn bool(&mut self, b: bool) {
        self.buf.push_str(if b { "true" } else { "false" });
    }

    /// A member holding a string.
    #[inline(always)]
    pub(crate) fn key_str(&mut self, key: &'static str, s: &str) {
        self.name(key);
        self.str(s);
    }

    /// A member holding an integer.
    #[inline(always)]
    pub(crate) fn key_uint(&mut self, key: &'static str, n: usize) {
        self.name(key);
        self.uint(n);
    }

    /// A member holding a float.
    #[inline(always)]
    pub(crate) fn key_f64(&mut self, key: &'static str, x: f64) {
        self.name(key);
        self.f64(x);
    }

    /// An array of strings.
    pub(crate) fn strs<S: AsRef<str>>(&mut self, items: &[S]) {
        self.begin_array();
        for s in items {
            self.element();
            self.str(s.as_ref());
        }
        self.end_array();
    }

    /// An array of floats.
    pub(crate) fn f64s(&mut self, items: &[f64]) {
        self.begin_array();
        for &x in items {
            self.element();
            self.f64(x);
        }
        self.end_array();
    }

    /// One evidence item as [`Evidence`]'s `Serialize` writes it (absent
    /// options left out, the metadata flattened in after the fields), with
    /// `text` in place of its sentence text.
    pub(crate) fn evidence(&mut self, ev: &Evidence, text: &str) {
        self.begin_object();
        self.key_str("doc", &ev.doc);
        self.key_uint("sentence", ev.sentence);
        self.key_uint("start", ev.start);
        self.key_uint("end", ev.end);
        self.key_str("text", text);
        if let Some(s) = ev.status {
            self.key_str("status", s.as_str());
        }
        if let Some(a) = ev.amount_usd {
            self.key_f64("amount_usd", a);
        }
        if let Some(t) = &ev.amount_text {
            self.key_str("amount_text", t);
        }
        if let Some(p) = ev.stake_pct {
            self.key_f64("stake_pct", p);
        }
        self.key_str("rule", &ev.rule);
        self.key_f64("confidence", ev.confidence);
        for (k, v) in &ev.meta {
            self.key(k);
            self.str(v);
        }
        self.end_object();
    }

    /// An edge's evidence list, each sentence text with white space folded
    /// (as [`super::fields::evidence`]).
    pub(crate) fn evidence_list(&mut self, evidence: &[Evidence]) {
        self.begin_array();
        for ev in evidence {
            self.element();
            self.evidence(ev, &escape::fold_ws(&ev.text));
        }
        self.end_array();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values with everything a JSON writer can get wrong.
    fn awkward() -> serde_json::Value {
        serde_json::json!({
            "s": "q\"uote \\ back\u{1}\u{8}\u{c}\n\r\t\u{1f}\u{7f} Zoë 東京 😀 </x>",
            "": "",
            "e": [],
            "o": {},
            "n": [0, 1, 18446744073709551615u64],
            "f": [0.0, -0.0, 0.1, 1e-7, 1e16, 1e21, 14.3e9, 1.0e300, f64::MIN_POSITIVE, 49.0],
            "nested": [[{"a": [[]]}], {"b": {"c": null, "d": true, "e": false}}],
        })
    }

    /// Writes a serde_json value with [`JsonOut`].
    fn write(j: &mut JsonOut, v: &serde_json::Value) {
        use serde_json::Value;
        match v {
            Value::Null => j.null(),
            Value::Bool(b) => j.bool(*b),
            Value::Number(n) => match n.as_u64() {
                Some(u) => escape::uint_into(j.buf(), u),
                None => j.f64(n.as_f64().unwrap_or(f64::NAN)),
            },
            Value::String(s) => j.str(s),
            Value::Array(a) => {
                j.begin_array();
                for x in a {
                    j.element();
                    write(j, x);
                }
                j.end_array();
            }
            Value::Object(o) => {
                j.begin_object();
                for (k, x) in o {
                    j.key(k);
                    write(j, x);
                }
                j.end_object();
            }
        }
    }

    #[test]
    fn same_bytes_as_serde_json() {
        let v = awkward();
        let mut j = JsonOut::compact();
        write(&mut j, &v);
        assert_eq!(
            j.into_string(),
            serde_json::to_string(&v).unwrap_or_default()
        );
        let mut j = JsonOut::pretty();
        write(&mut j, &v);
        assert_eq!(
            j.into_string(),
            serde_json::to_string_pretty(&v).unwrap_or_default()
        );
    }

    #[test]
    fn floats_as_serde_json() {
        for x in [
            0.0,
            -0.0,
            0.9,
            1e-7,
            123456789012345680.0,
            1e21,
            f64::MAX,
            f64::NAN,
            f64::INFINITY,
        ] {
            let mut s = String::new();
            escape::json_f64_into(&mut s, x);
            assert_eq!(s, serde_json::to_string(&x).unwrap_or_default(), "{x}");
        }
    }

    #[test]
    fn evidence_as_serialize() {
        use crate::kinds::Status;
        let mut ev = Evidence {
            doc: "d\"1".into(),
            sentence: 3,
            start: 10,
            end: 20,
            text: "a\u{2}b".into(),
            status: Some(Status::Denied),
            amount_usd: Some(2.5e9),
            amount_text: Some("$2.5 \\billion".into()),
            stake_pct: Some(f64::NAN),
            rule: "r".into(),
            confidence: 0.85,
            meta: Default::default(),
        };
        ev.meta.insert("url".into(), "http://x/\"y\"".into());
        ev.meta.insert("date".into(), "1987-03-02".into());
        for pretty in [false, true] {
            let mut j = if pretty {
                JsonOut::pretty()
            } else {
                JsonOut::compact()
            };
            j.evidence(&ev, &ev.text);
            let want = if pretty {
                serde_json::to_string_pretty(&ev)
            } else {
                serde_json::to_string(&ev)
            };
            assert_eq!(j.into_string(), want.unwrap_or_default());
        }
        ev.status = None;
        ev.amount_usd = None;
        ev.amount_text = None;
        ev.stake_pct = None;
        ev.meta.clear();
        let mut j = JsonOut::compact();
        j.evidence(&ev, &ev.text);
        assert_eq!(
            j.into_string(),
            serde_json::to_string(&ev).unwrap_or_default()
        );
    }
}
