//! Values that several formats write the same way, computed in one place so
//! that a field named like a `graph.json` attribute holds the same value in
//! every format.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use serde::{Serialize, Serializer};

use super::{escape, style};
use crate::error::{Error, ErrorKind, Result};
use crate::facts::Evidence;
use crate::graph::{Edge, EvidenceTexts, GraphView};
use crate::kinds::Status;

/// One evidence item as exported, borrowed from an [`Evidence`]: its
/// fields in its order, serialised like it (absent options left out, the
/// metadata flattened in after the fields), with the sentence text
/// white-space folded (offsets still point into the original text).
#[derive(Serialize)]
pub(crate) struct WireEvidence<'a> {
    doc: &'a str,
    sentence: usize,
    start: usize,
    end: usize,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount_usd: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    amount_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    stake_pct: Option<f64>,
    rule: &'a str,
    confidence: f64,
    #[serde(skip_serializing_if = "BTreeMap::is_empty", flatten)]
    meta: &'a BTreeMap<String, String>,
}

impl<'a> WireEvidence<'a> {
    /// `ev` with `text` (its folded sentence) in place of its text.
    pub(crate) fn new(ev: &'a Evidence, text: &'a str) -> WireEvidence<'a> {
        WireEvidence {
            doc: &ev.doc,
            sentence: ev.sentence,
            start: ev.start,
            end: ev.end,
            text,
            status: ev.status,
            amount_usd: ev.amount_usd,
            amount_text: ev.amount_text.as_deref(),
            stake_pct: ev.stake_pct,
            rule: &ev.rule,
            confidence: ev.confidence,
            meta: &ev.meta,
        }
    }
}

/// An edge's evidence list as exported: serialised as a sequence of
/// [`WireEvidence`], each sentence folded as it is written.
pub(crate) struct WireEvidenceList<'a>(pub(crate) &'a [Evidence]);

impl Serialize for WireEvidenceList<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|ev| {
            let text = escape::fold_ws(&ev.text);
            FoldedEvidence(ev, text)
        }))
    }
}

/// An evidence item with its folded text, owned or borrowed.
struct FoldedEvidence<'a>(&'a Evidence, Cow<'a, str>);

impl Serialize for FoldedEvidence<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        WireEvidence::new(self.0, &self.1).serialize(s)
    }
}

/// The evidence list as compact JSON text (`[{"doc":...}]`), as every
/// format without nested values writes it; empty when there is none. Edge
/// number `i` of `view`; made once per view.
///
/// # Errors
/// Fails only if serialisation fails.
pub(crate) fn evidence_json<'v>(view: &'v GraphView<'_>, i: usize) -> Result<&'v str> {
    texts(view, i).json.as_deref().map_err(|err| {
        let id = &view.edges()[i].id;
        Error::new(ErrorKind::Export, format!("edge {id}: evidence: {err}"))
    })
}

/// A readable extra: the evidence sentences, folded, joined with ` | `.
/// Edge number `i` of `view`; made once per view.
pub(crate) fn evidence_text<'v>(view: &'v GraphView<'_>, i: usize) -> &'v str {
    &texts(view, i).text
}

/// The edge label ([`style::edge_label`]) of edge number `i` of `view`;
/// made once per view.
pub(crate) fn label<'v>(view: &'v GraphView<'_>, i: usize) -> &'v str {
    view.edge_label(i, style::edge_label)
}

fn texts<'v>(view: &'v GraphView<'_>, i: usize) -> &'v EvidenceTexts {
    view.evidence_texts(i, |e| {
        // Each sentence is folded once, for both texts.
        let folded: Vec<Cow<'_, str>> = e
            .evidence
            .iter()
            .map(|ev| escape::fold_ws(&ev.text))
            .collect();
        let mut text = String::new();
        for t in folded.iter().filter(|t| !t.is_empty()) {
            if !text.is_empty() {
                text.push_str(" | ");
            }
            text.push_str(t);
        }
        let json = if e.evidence.is_empty() {
            Ok(String::new())
        } else {
            let items = e.evidence.iter().zip(&folded);
            let list: Vec<WireEvidence<'_>> =
                items.map(|(ev, t)| WireEvidence::new(ev, t)).collect();
            serde_json::to_string(&list).map_err(|err| err.to_string())
        };
        EvidenceTexts { json, text }
    })
}

/// The documents of the kept evidence, sorted and unique.
pub(crate) fn evidence_docs(e: &Edge) -> Vec<&str> {
    e.evidence
        .iter()
        .map(|ev| ev.doc.as_str())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
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
        ev.meta.insert("url".into(), "http://x/\"y\"".into());
        ev.meta.insert("date".into(), "1987-03-02".into());
        let wire = |ev: &Evidence| serde_json::to_string(&WireEvidence::new(ev, &ev.text)).ok();
        assert_eq!(wire(&ev), serde_json::to_string(&ev).ok());
        ev.status = None;
        ev.amount_usd = None;
        ev.amount_text = None;
        ev.stake_pct = None;
        ev.meta.clear();
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
