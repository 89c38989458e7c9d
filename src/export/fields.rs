//! Values that several formats write the same way, computed in one place so
//! that a field named like a `graph.json` attribute holds the same value in
//! every format.

use std::borrow::Cow;
use std::io::Write;

use serde::{Serialize, Serializer};
use serde_json::ser::{CompactFormatter, Formatter};

use super::json::{Object, array, key};
use super::{escape, style};
use crate::error::{Error, ErrorKind, Result};
use crate::facts::Evidence;
use crate::graph::{Edge, EvidenceTexts, GraphView};

/// Writes one evidence item as exported: its fields in its order, as
/// [`Evidence`] serialises (absent options left out, the metadata after
/// the fields), with `text` (its sentence, white-space folded; offsets
/// still point into the original text) in place of its text.
fn write_evidence<W: Write, F: Formatter + Clone>(
    w: &mut W,
    f: &mut F,
    ev: &Evidence,
    text: &str,
) -> serde_json::Result<()> {
    let mut o = Object::begin(w, f)?;
    o.field(key!("doc"), &ev.doc)?;
    o.field(key!("sentence"), &ev.sentence)?;
    o.field(key!("start"), &ev.start)?;
    o.field(key!("end"), &ev.end)?;
    o.field(key!("text"), text)?;
    if let Some(status) = ev.status {
        o.field(key!("status"), &status)?;
    }
    if let Some(amount) = ev.amount_usd {
        o.field(key!("amount_usd"), &amount)?;
    }
    if let Some(amount_text) = &ev.amount_text {
        o.field(key!("amount_text"), amount_text)?;
    }
    if let Some(stake) = ev.stake_pct {
        o.field(key!("stake_pct"), &stake)?;
    }
    o.field(key!("rule"), &ev.rule)?;
    o.field(key!("confidence"), &ev.confidence)?;
    for (name, v) in ev.meta.iter() {
        o.named(name, v)?;
    }
    o.end()
}

/// Writes an edge's evidence list as exported (see [`write_evidence`]),
/// each sentence folded as it is written.
pub(crate) fn write_evidence_list<W: Write, F: Formatter + Clone>(
    w: &mut W,
    f: &mut F,
    evidence: &[Evidence],
) -> serde_json::Result<()> {
    array(w, f, evidence, |w, f, ev| {
        write_evidence(w, f, ev, &escape::fold_ws(&ev.text))
    })
}

impl EvidenceTexts {
    /// The evidence list as JSON text, of edge `e`.
    ///
    /// # Errors
    /// Fails only if serialisation failed.
    pub(crate) fn json_of(&self, e: &Edge) -> Result<&str> {
        self.json
            .as_deref()
            .map_err(|err| Error::new(ErrorKind::Export, format!("edge {}: evidence: {err}", e.id)))
    }
}

/// The edge label ([`style::edge_label`]) of edge number `i` of `view`;
/// made once per view.
pub(crate) fn label<'v>(view: &'v GraphView<'_>, i: usize) -> &'v str {
    view.edge_label(i, style::edge_label)
}

/// The evidence texts of edge number `i` of `view`: its evidence list as
/// compact JSON text (`[{"doc":...}]`, as every format without nested
/// values writes it; empty when there is none) and the evidence sentences,
/// folded, joined with ` | ` (a readable extra). Kept in the view for the
/// formats that follow, within its budget.
pub(crate) fn evidence<'v>(view: &'v GraphView<'_>, i: usize) -> Cow<'v, EvidenceTexts> {
    view.evidence_texts(i, |e| {
        // Each sentence is folded once, for both texts.
        let folded: Vec<Cow<'_, str>> = e
            .evidence
            .iter()
            .map(|ev| escape::fold_ws(&ev.text))
            .collect();
        let texts_len: usize = folded.iter().map(|t| t.len() + " | ".len()).sum();
        let mut text = String::with_capacity(texts_len);
        for t in folded.iter().filter(|t| !t.is_empty()) {
            if !text.is_empty() {
                text.push_str(" | ");
            }
            text.push_str(t);
        }
        let json = if e.evidence.is_empty() {
            Ok(String::new())
        } else {
            // Room for the texts and the rest (keys, numbers, metadata) of
            // a usual item, so that the list is rarely grown on the way.
            let room = texts_len
                + e.evidence
                    .iter()
                    .map(|ev| ev.doc.len() + 256)
                    .sum::<usize>();
            let mut json = Vec::with_capacity(room);
            let items = e.evidence.iter().zip(&folded);
            array(&mut json, &mut CompactFormatter, items, |w, f, (ev, t)| {
                write_evidence(w, f, ev, t)
            })
            .map_err(|err| err.to_string())
            .and_then(|()| {
                // Kept for the whole export, one per edge: give back the
                // room that was not used.
                json.shrink_to_fit();
                String::from_utf8(json).map_err(|err| err.to_string())
            })
        };
        EvidenceTexts { json, text }
    })
}

/// The documents of the kept evidence, sorted and unique.
pub(crate) fn evidence_docs(e: &Edge) -> Vec<&str> {
    // A few items: sorting them in place is cheaper than a tree.
    let mut docs: Vec<&str> = e.evidence.iter().map(|ev| ev.doc.as_str()).collect();
    docs.sort_unstable();
    docs.dedup();
    docs
}

/// The finite numbers of a list, serialised as a JSON array.
struct Finite<'a>(&'a [f64]);

impl Serialize for Finite<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().filter(|x| x.is_finite()))
    }
}

/// A list of numbers as JSON text (`[12000000000.0]`), appended to `out`,
/// for formats without arrays: nothing for an empty list, and numbers that
/// are not finite left out.
pub(crate) fn numbers_json_into(out: &mut String, xs: &[f64]) {
    if !xs.iter().any(|x| x.is_finite()) {
        return;
    }
    out.push_str(&serde_json::to_string(&Finite(xs)).unwrap_or_default());
}

/// The edge's status name, or empty.
pub(crate) fn status(e: &Edge) -> &'static str {
    e.status.map(|s| s.as_str()).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::Status;

    #[test]
    fn evidence_serialised_like_evidence() {
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
        let meta = std::sync::Arc::make_mut(&mut ev.meta);
        meta.insert("url", "http://x/\"y\"");
        meta.insert("date", "1987-03-02");
        let wire = |ev: &Evidence| {
            let mut out = Vec::new();
            write_evidence(&mut out, &mut CompactFormatter, ev, &ev.text).ok()?;
            String::from_utf8(out).ok()
        };
        assert_eq!(wire(&ev), serde_json::to_string(&ev).ok());
        ev.status = None;
        ev.amount_usd = None;
        ev.amount_text = None;
        ev.stake_pct = None;
        ev.meta = Default::default();
        assert_eq!(wire(&ev), serde_json::to_string(&ev).ok());
    }

    #[test]
    fn numbers_as_json_arrays() {
        let mut s = String::new();
        numbers_json_into(&mut s, &[f64::NAN]);
        assert_eq!(s, "");
        numbers_json_into(&mut s, &[12e9, f64::INFINITY, 0.5]);
        assert_eq!(s, "[12000000000.0,0.5]");
    }
}
