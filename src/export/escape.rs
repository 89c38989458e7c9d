//! Escaping for every output format, in one place.
//!
//! Each exporter turns graph text into its format's syntax only through the
//! functions here, and each function is unit-tested below against the traps
//! of the program that reads the format (Graphviz, XML parsers, neo4j-admin,
//! Cypher). None of them can fail: characters a format cannot carry are
//! dropped or replaced, as documented on each function.
//!
//! Exports are mostly plain text, so every function scans bytes: runs of
//! bytes that need nothing are copied at once, and only a byte that may
//! need work (an ASCII special or the UTF-8 lead byte of a character that
//! might) is looked at as a `char`.

use std::borrow::Cow;
use std::fmt::Write as _;

/// A set of bytes as a table, so that testing a byte is one lookup.
struct ByteSet([bool; 256]);

impl ByteSet {
    /// The bytes of `bytes`, and all C0 control bytes (below 0x20) when
    /// `c0`.
    const fn new(bytes: &[u8], c0: bool) -> ByteSet {
        let mut table = [false; 256];
        let mut i = 0;
        while i < bytes.len() {
            table[bytes[i] as usize] = true;
            i += 1;
        }
        let mut b = 0;
        while c0 && b < 0x20 {
            table[b] = true;
            b += 1;
        }
        ByteSet(table)
    }

    fn contains(&self, b: u8) -> bool {
        self.0[usize::from(b)]
    }

    /// Whether some byte of `s` is in the set.
    fn any_in(&self, s: &str) -> bool {
        self.find(s.as_bytes()).is_some()
    }

    /// The index of the first byte of `bytes` in the set.
    ///
    /// Exports are mostly ordinary text, so the scan tests eight bytes a
    /// step with one branch (eight table lookups or-ed together) and looks
    /// for the exact byte only in the step that has one. The last step
    /// tests the last eight bytes, overlapping the step before, so that
    /// short texts (names, ids) need no byte-by-byte loop either. Inlined,
    /// so that each escaping function scans with its own table.
    #[inline(always)]
    fn find(&self, bytes: &[u8]) -> Option<usize> {
        let hit = |chunk: &[u8]| chunk.iter().fold(false, |h, &b| h | self.contains(b));
        // Within a step that has one (eight bytes long, so the search
        // needs no end test).
        let first = |chunk: &[u8]| chunk.iter().position(|&b| self.contains(b));
        let mut start = 0;
        for chunk in bytes.chunks_exact(8) {
            if hit(chunk) {
                return first(chunk).map(|p| start + p);
            }
            start += 8;
        }
        // Past the clean steps only the remainder (under eight bytes) is
        // left; in the last eight bytes, the part before it is clean.
        if start == bytes.len() || (start > 0 && !hit(&bytes[bytes.len() - 8..])) {
            return None;
        }
        first(&bytes[start..]).map(|p| start + p)
    }
}

/// Bytes that may start a control character: C0, DEL, and the lead byte
/// 0xC2 of C1 (U+0080 to U+009F; 0xC2 also leads other characters).
const CONTROL: ByteSet = ByteSet::new(b"\x7f\xc2", true);
/// What [`dot_id`] may change.
const DOT_ID: ByteSet = ByteSet::new(b"\"\\", false);
/// What [`dot_string`] may change.
const DOT_STRING: ByteSet = ByteSet::new(b"\\\"&\x7f\xc2", true);
/// What [`xml_attr`] may change: markup, C0, and the lead byte 0xEF of the
/// non-characters U+FFFE and U+FFFF.
const XML_ATTR: ByteSet = ByteSet::new(b"&<>\"\xef", true);
/// What [`xml_text`] may change (as [`XML_ATTR`], and `'`).
const XML_TEXT: ByteSet = ByteSet::new(b"&<>\"'\xef", true);
/// What [`neo4j_list_item`] may change: as [`CONTROL`], and the list
/// separator.
const NEO4J_ITEM: ByteSet = ByteSet::new(&[0x7f, 0xc2, LIST_SEPARATOR as u8], true);
/// What [`cypher_string`] may change.
const CYPHER: ByteSet = ByteSet::new(b"\\\"\x7f\xc2", true);

/// Appends `s` to `out`, copying runs of ordinary bytes at once. Each
/// character that starts at a byte of `special` goes to `escape`, with the
/// text after it; `escape` writes its replacement and returns how many
/// bytes of that text it consumed too (for `\r\n`).
///
/// `special` must only hold ASCII bytes or UTF-8 lead bytes, so that each
/// byte found starts a character.
fn escape_into(
    out: &mut String,
    s: &str,
    special: &ByteSet,
    escape: impl Fn(&mut String, char, &str) -> usize,
) {
    let mut rest = s;
    while let Some(at) = special.find(rest.as_bytes()) {
        let (clean, tail) = rest.split_at(at);
        out.push_str(clean);
        let mut chars = tail.chars();
        let Some(c) = chars.next() else {
            break;
        };
        rest = chars.as_str();
        let used = escape(out, c, rest);
        rest = &rest[used..];
    }
    out.push_str(rest);
}

/// Removes C0 control characters other than tab, newline and carriage
/// return, and the non-characters U+FFFE and U+FFFF (XML 1.0 forbids them).
pub fn strip_xml_controls(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_xml_forbidden) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.chars().filter(|c| !is_xml_forbidden(*c)).collect())
}

fn is_xml_forbidden(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Whether a character is a control character other than tab, newline and
/// carriage return (C0, DEL and C1).
fn is_other_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

pub use crate::text::fold_ws;

// ---------------------------------------------------------------- DOT

/// A Graphviz DOT ID, always double-quoted (`"org:meta"`).
///
/// Quoting keeps keywords (`node`, `Edge`, `graph`), names starting with a
/// digit (`3M`) and punctuation (`scale-ai`) from being misread. Inside the
/// quotes `"` becomes `\"`; every other character is written as it is,
/// because Graphviz keeps `\\` in IDs as two backslashes. A backslash that
/// would swallow the closing quote or start a line continuation (before a
/// quote, a line break or the end) is doubled, which changes such an ID but
/// keeps the file valid; kgraph's node ids never contain one.
pub fn dot_id(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    dot_id_into(&mut out, s);
    out
}

/// [`dot_id`], appended to `out`.
pub fn dot_id_into(out: &mut String, s: &str) {
    out.push('"');
    escape_into(out, s, &DOT_ID, |out, c, rest| {
        if c == '"' {
            out.push_str("\\\"");
        } else {
            out.push('\\');
            if matches!(rest.chars().next(), None | Some('"' | '\n' | '\r')) {
                out.push('\\');
            }
        }
        0
    });
    out.push('"');
}

/// A Graphviz escString (the value of `label`, `xlabel`, `tooltip`),
/// double-quoted, so that Graphviz draws exactly the given text.
///
/// `\` becomes `\\` first (so `\N`, `\G`, `\n` in names stay literal), then
/// `"` becomes `\"`, `&` becomes `&amp;` (Graphviz decodes HTML entities in
/// labels), each line break (`\r\n`, `\n` or `\r`) becomes `\n`, and other
/// control characters are dropped.
pub fn dot_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    dot_string_into(&mut out, s);
    out
}

/// [`dot_string`], appended to `out`.
pub fn dot_string_into(out: &mut String, s: &str) {
    out.push('"');
    escape_into(out, s, &DOT_STRING, |out, c, rest| match c {
        '\\' => {
            out.push_str("\\\\");
            0
        }
        '"' => {
            out.push_str("\\\"");
            0
        }
        '&' => {
            out.push_str("&amp;");
            0
        }
        '\r' => {
            out.push_str("\\n");
            usize::from(rest.starts_with('\n'))
        }
        '\n' => {
            out.push_str("\\n");
            0
        }
        c if is_other_control(c) => 0,
        c => {
            out.push(c);
            0
        }
    });
    out.push('"');
}

// ---------------------------------------------------------------- XML

/// Text for an XML attribute value in double quotes: `& < > "` as entities,
/// tab and line breaks as character references (`&#9;`, `&#10;`, `&#13;`,
/// so readers do not normalise them to spaces), and characters XML 1.0
/// forbids dropped.
pub fn xml_attr(s: &str) -> Cow<'_, str> {
    if !XML_ATTR.any_in(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    xml_attr_into(&mut out, s);
    Cow::Owned(out)
}

/// [`xml_attr`], appended to `out`.
pub fn xml_attr_into(out: &mut String, s: &str) {
    escape_into(out, s, &XML_ATTR, |out, c, _| {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_forbidden(c) => {}
            c => out.push(c),
        }
        0
    });
}

/// Text for XML character data (element content, also the text of
/// Graphviz HTML-like labels): `& < >` as entities, carriage return as
/// `&#13;`, and characters XML 1.0 forbids dropped. Both quote kinds are
/// escaped too, so the result is also safe inside an attribute.
pub fn xml_text(s: &str) -> Cow<'_, str> {
    if !XML_TEXT.any_in(s) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    xml_text_into(&mut out, s);
    Cow::Owned(out)
}

/// [`xml_text`], appended to `out`.
pub fn xml_text_into(out: &mut String, s: &str) {
    escape_into(out, s, &XML_TEXT, |out, c, _| {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_forbidden(c) => {}
            c => out.push(c),
        }
        0
    });
}

// ---------------------------------------------------------------- numbers

/// An unsigned integer in decimal, appended to `out` (what `{n}` gives,
/// without the formatting machinery: itoa, as serde_json uses).
pub fn uint_into(out: &mut String, n: u64) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// [`number`], appended to `out`; returns whether anything was written
/// (false when `x` is not finite).
pub fn number_into(out: &mut String, x: f64) -> bool {
    if x.is_finite() {
        let _ = write!(out, "{x}");
        true
    } else {
        false
    }
}

/// A number as text for CSV, XML and DOT: the shortest form that reads back
/// to the same `f64` (`14300000000`, `0.9`), or `None` when it is not
/// finite (such a value is left out).
pub fn number(x: f64) -> Option<String> {
    x.is_finite().then(|| format!("{x}"))
}

// ---------------------------------------------------------------- lists

/// The separator of list values in formats without arrays.
pub const LIST_SEPARATOR: char = ';';

/// A list of strings as one text: the items joined with `;`, or an empty
/// string for an empty list (readers then see no value). An item that
/// itself contains `;` cannot be told apart from two items.
pub fn join_list<I>(items: I) -> String
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    let mut out = String::new();
    join_list_into(&mut out, items);
    out
}

/// [`join_list`], appended to `out`.
pub fn join_list_into<I>(out: &mut String, items: I)
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(LIST_SEPARATOR);
        }
        out.push_str(item.as_ref());
    }
}

// ---------------------------------------------------------------- Neo4j

/// Text as the Neo4j exports (admin-import CSV and Cypher) store it, one
/// line: each line break (`\r\n`, `\n`, `\r`) becomes a space (neo4j-admin
/// rejects line breaks in fields unless `--multiline-fields=true`) and other
/// control characters except tab are dropped. Both Neo4j exports apply it,
/// so they build the same database.
pub fn neo4j_text(s: &str) -> Cow<'_, str> {
    // Only a byte of `CONTROL` can start a character to change.
    let Some(first) = CONTROL.find(s.as_bytes()) else {
        return Cow::Borrowed(s);
    };
    let changes = |(i, b): (usize, u8)| {
        CONTROL.contains(b)
            && s[i..]
                .chars()
                .next()
                .is_some_and(|c| c == '\n' || c == '\r' || is_other_control(c))
    };
    if !s.bytes().enumerate().skip(first).any(changes) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s, &CONTROL, |out, c, rest| match c {
        '\r' => {
            out.push(' ');
            usize::from(rest.starts_with('\n'))
        }
        '\n' => {
            out.push(' ');
            0
        }
        c if is_other_control(c) => 0,
        c => {
            out.push(c);
            0
        }
    });
    Cow::Owned(out)
}

/// The items of a Neo4j `string[]` value: each as [`neo4j_text`], with the
/// array delimiter `;` replaced by `,` (neo4j-admin would split there) and
/// empty items left out. Cypher writes the same items as a list literal.
pub fn neo4j_list_items<I>(items: I) -> Vec<String>
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    items
        .into_iter()
        .filter_map(|s| {
            let text = neo4j_list_item(s.as_ref());
            (!text.is_empty()).then(|| text.into_owned())
        })
        .collect()
}

/// [`neo4j_list_items`] joined with `;` (see [`join_list`]), appended to
/// `out`.
pub fn neo4j_list_into<I>(out: &mut String, items: I)
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    let mut first = true;
    for item in items {
        let text = neo4j_list_item(item.as_ref());
        if text.is_empty() {
            continue;
        }
        if !first {
            out.push(LIST_SEPARATOR);
        }
        first = false;
        out.push_str(&text);
    }
}

/// One item of [`neo4j_list_items`], borrowed when nothing changes; empty
/// when the item is to be left out.
pub fn neo4j_list_item(s: &str) -> Cow<'_, str> {
    // Most items have nothing to change, which one scan tells.
    if !NEO4J_ITEM.any_in(s) {
        return Cow::Borrowed(s);
    }
    let text = neo4j_text(s);
    if text.contains(LIST_SEPARATOR) {
        Cow::Owned(text.replace(LIST_SEPARATOR, ","))
    } else {
        text
    }
}

// ---------------------------------------------------------------- Cypher

/// A Cypher string literal in double quotes.
///
/// `\` becomes `\\` first (which also neutralises any `\u` in the text, so
/// no escape is ever decoded from data), then `"` becomes `\"`; line breaks
/// and tabs are written `\n`, `\r`, `\t`; other control characters are
/// dropped; everything else, non-ASCII included, is written as plain UTF-8
/// (no `\uXXXX`, which FalkorDB would store literally). No text can end the
/// literal early, so no entity name can inject Cypher.
pub fn cypher_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    cypher_string_into(&mut out, s);
    out
}

/// [`cypher_string`], appended to `out`.
pub fn cypher_string_into(out: &mut String, s: &str) {
    out.push('"');
    escape_into(out, s, &CYPHER, |out, c, _| {
        cypher_char(out, c);
        0
    });
    out.push('"');
}

/// [`neo4j_text`] of `s` as a Cypher string literal ([`cypher_string`]),
/// appended to `out`; in one pass, since every character [`neo4j_text`]
/// changes is one [`cypher_string`] looks at too.
pub fn cypher_text_into(out: &mut String, s: &str) {
    out.push('"');
    escape_into(out, s, &CYPHER, |out, c, rest| match c {
        '\r' => {
            out.push(' ');
            usize::from(rest.starts_with('\n'))
        }
        '\n' => {
            out.push(' ');
            0
        }
        c => {
            cypher_char(out, c);
            0
        }
    });
    out.push('"');
}

/// A character of [`CYPHER`] inside a Cypher string literal.
fn cypher_char(out: &mut String, c: char) {
    match c {
        '\\' => out.push_str("\\\\"),
        '"' => out.push_str("\\\""),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if is_other_control(c) => {}
        c => out.push(c),
    }
}

/// A Cypher float literal: always with a decimal point or an exponent
/// (`14300000000.0`, `1e-7`), so Neo4j stores a float; `null` when the value
/// is not finite.
pub fn cypher_float(x: f64) -> String {
    let mut s = String::new();
    cypher_float_into(&mut s, x);
    s
}

/// [`cypher_float`], appended to `out`.
pub fn cypher_float_into(out: &mut String, x: f64) {
    if x.is_finite() {
        let _ = write!(out, "{x:?}");
    } else {
        out.push_str("null");
    }
}

/// A Cypher label, relationship type or property name: written as it is
/// when it is a plain word (`[A-Za-z_][A-Za-z0-9_]*`), otherwise in
/// backticks with inner backticks doubled.
pub fn cypher_name(s: &str) -> Cow<'_, str> {
    let mut chars = s.chars();
    let plain = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_');
    if plain {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(format!("`{}`", s.replace('`', "``")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_sets_find_the_first_byte() {
        let set = ByteSet::new(b"\"&", true);
        for len in 0..40 {
            for at in 0..=len {
                let mut s = vec![b'a'; len];
                if at < len {
                    s[at] = if at % 3 == 0 { b'&' } else { 0x1f };
                }
                let want = (at < len).then_some(at);
                assert_eq!(set.find(&s), want, "{len} {at}");
            }
        }
        assert_eq!(set.find(b"abcdefgh\"ijklmnop&"), Some(8));
    }

    #[test]
    fn xml_controls_are_stripped() {
        assert_eq!(strip_xml_controls("a\u{1}b\u{b}c\td\n"), "abc\td\n");
        assert!(matches!(strip_xml_controls("plain"), Cow::Borrowed(_)));
    }

    #[test]
    fn whitespace_folds() {
        assert_eq!(fold_ws("  a \n\t b\u{1}c  "), "a b c");
        assert_eq!(fold_ws("a  b"), "a b");
        assert_eq!(fold_ws(" a"), "a");
        assert_eq!(fold_ws("a "), "a");
        assert!(matches!(fold_ws("already clean"), Cow::Borrowed(_)));
        assert_eq!(fold_ws(""), "");
    }

    /// The folding rule spelled out plainly, to check the byte scan.
    fn fold_reference(s: &str) -> String {
        s.split(|c: char| c.is_whitespace() || c.is_control())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn whitespace_folds_beyond_ascii() {
        for s in [
            "a\u{a0}b",
            "a\u{85}b",
            "a\u{80}b",
            "a\u{1680}b",
            "a\u{2003}b",
            "a\u{2028}b",
            "a\u{205f}b",
            "a\u{3000}",
            "\u{3000}a",
            "é ü 東京 \u{2010}\u{20ac}",
            "a \u{a0}b",
            "a\u{7f}b",
        ] {
            let folded = fold_ws(s);
            assert_eq!(folded, fold_reference(s), "{s:?}");
            assert_eq!(matches!(folded, Cow::Borrowed(_)), folded == s, "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn whitespace_folds_like_the_rule(s in "(?s).{0,40}|[ a\\t\\n\u{a0}\u{85}\u{2000}-\u{200b}\u{3000}]{0,20}") {
            proptest::prop_assert_eq!(fold_ws(&s), fold_reference(&s));
        }

        #[test]
        fn cypher_text_is_neo4j_text_then_cypher(s in "(?s).{0,40}|[a\r\n\t\"\\\\\u{1}\u{7f}\u{85}é]{0,20}") {
            let mut fused = String::new();
            cypher_text_into(&mut fused, &s);
            proptest::prop_assert_eq!(fused, cypher_string(&neo4j_text(&s)));
        }

        #[test]
        fn folded_text_is_neo4j_text(s in "(?s).{0,40}|[ a\r\n\t\u{1}\u{7f}\u{85}\u{2028}]{0,20}") {
            let folded = fold_ws(&s);
            proptest::prop_assert_eq!(neo4j_text(&folded), folded.as_ref());
        }
    }

    #[test]
    fn dot_ids_are_always_quoted() {
        assert_eq!(dot_id("node"), "\"node\"");
        assert_eq!(dot_id("3M"), "\"3M\"");
        assert_eq!(dot_id("org:scale-ai"), "\"org:scale-ai\"");
        assert_eq!(dot_id("Zoë 東京"), "\"Zoë 東京\"");
        assert_eq!(dot_id("say \"hi\""), "\"say \\\"hi\\\"\"");
        // A backslash stays single inside, doubled before the closing quote.
        assert_eq!(dot_id("a\\b"), "\"a\\b\"");
        assert_eq!(dot_id("end\\"), "\"end\\\\\"");
        assert_eq!(dot_id("q\\\""), "\"q\\\\\\\"\"");
    }

    #[test]
    fn dot_strings_escape_backslash_first() {
        assert_eq!(dot_string("a\\b"), "\"a\\\\b\"");
        assert_eq!(dot_string("x\\N y"), "\"x\\\\N y\"");
        assert_eq!(dot_string("trailing\\"), "\"trailing\\\\\"");
        assert_eq!(dot_string("\"q\""), "\"\\\"q\\\"\"");
        assert_eq!(dot_string("a\nb\r\nc\rd"), "\"a\\nb\\nc\\nd\"");
        assert_eq!(dot_string("AT&T <b>"), "\"AT&amp;T <b>\"");
        assert_eq!(dot_string("bell\u{7}\ttab"), "\"bell\ttab\"");
    }

    #[test]
    fn xml_attributes_keep_line_breaks_as_references() {
        assert_eq!(
            xml_attr("a&b<c>\"d\"\te\nf\rg\u{1}"),
            "a&amp;b&lt;c&gt;&quot;d&quot;&#9;e&#10;f&#13;g"
        );
        assert_eq!(xml_attr("it's"), "it's");
        assert!(matches!(xml_attr("plain Zoë"), Cow::Borrowed(_)));
    }

    #[test]
    fn xml_text_escapes_markup() {
        assert_eq!(
            xml_text("<b>&amp; 'x' \"y\"\u{b}</b>\n"),
            "&lt;b&gt;&amp;amp; &apos;x&apos; &quot;y&quot;&lt;/b&gt;\n"
        );
    }

    #[test]
    fn numbers_round_trip() {
        assert_eq!(number(14_300_000_000.0).as_deref(), Some("14300000000"));
        assert_eq!(number(0.9).as_deref(), Some("0.9"));
        assert_eq!(number(49.0).as_deref(), Some("49"));
        assert_eq!(number(f64::NAN), None);
        assert_eq!(number(f64::INFINITY), None);
        let s = number(0.1 + 0.2).unwrap_or_default();
        assert_eq!(s.parse::<f64>().ok(), Some(0.1 + 0.2));
    }

    #[test]
    fn lists_join_with_semicolons() {
        assert_eq!(join_list(&["a", "b c"]), "a;b c");
        assert_eq!(join_list::<[&str; 0]>([]), "");
    }

    #[test]
    fn neo4j_lists_joined_in_place() {
        let mut joined = String::new();
        neo4j_list_into(&mut joined, &["x;y", "", "line\nbreak", "z"]);
        assert_eq!(
            joined,
            join_list(neo4j_list_items(["x;y", "", "line\nbreak", "z"]))
        );
    }

    #[test]
    fn neo4j_text_is_one_line() {
        assert_eq!(neo4j_text("a\r\nb\nc\rd\te\u{1}"), "a b c d\te");
        assert_eq!(
            neo4j_list_items(&["x;y", "", "line\nbreak"]),
            vec!["x,y".to_string(), "line break".to_string()]
        );
    }

    #[test]
    fn cypher_strings_cannot_break_out() {
        assert_eq!(
            cypher_string("x\"}) DETACH DELETE n //"),
            "\"x\\\"}) DETACH DELETE n //\""
        );
        assert_eq!(
            cypher_string("x'}) DETACH DELETE n //"),
            "\"x'}) DETACH DELETE n //\""
        );
        // Backslash first: `\u0041` in text stays text, and `\"` cannot
        // close the literal.
        assert_eq!(cypher_string("M\\u0041TCH"), "\"M\\\\u0041TCH\"");
        assert_eq!(cypher_string("end\\\""), "\"end\\\\\\\"\"");
        assert_eq!(cypher_string("a\nb\r\tc\u{1}"), "\"a\\nb\\r\\tc\"");
        assert_eq!(cypher_string("Zoë 東京 😀"), "\"Zoë 東京 😀\"");
    }

    #[test]
    fn cypher_text_is_neo4j_text_as_a_literal() {
        for s in [
            "plain",
            "a\r\nb\nc\rd\te\u{1}\u{7f}\u{85}f",
            "q\"\\\r",
            "\n",
            "Zoë 東京 😀",
        ] {
            let mut fused = String::new();
            cypher_text_into(&mut fused, s);
            assert_eq!(fused, cypher_string(&neo4j_text(s)), "{s:?}");
        }
    }

    #[test]
    fn cypher_floats_and_names() {
        assert_eq!(cypher_float(14_300_000_000.0), "14300000000.0");
        assert_eq!(cypher_float(0.5), "0.5");
        assert_eq!(cypher_float(1e-7), "1e-7");
        assert_eq!(cypher_float(f64::NAN), "null");
        assert_eq!(cypher_name("INVESTS_IN"), "INVESTS_IN");
        assert_eq!(cypher_name("Scale AI"), "`Scale AI`");
        assert_eq!(cypher_name("a`b"), "`a``b`");
        assert_eq!(cypher_name("3M"), "`3M`");
    }
}
