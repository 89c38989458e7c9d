//! Values that several formats write the same way, computed in one place so
//! that a field named like a `graph.json` attribute holds the same value in
//! every format.

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::escape;
use crate::error::{Error, ErrorKind, Result};
use crate::facts::Evidence;
use crate::graph::{Edge, EvidenceTexts, GraphView};

/// The edge's evidence as exported: sentence text with white space folded
/// (offsets still point into the original text).
pub(crate) fn evidence(e: &Edge) -> Cow<'_, [Evidence]> {
    if e.evidence
        .iter()
        .all(|ev| matches!(escape::fold_ws(&ev.text), Cow::Borrowed(_)))
    {
        return Cow::Borrowed(&e.evidence);
    }
    Cow::Owned(
        e.evidence
            .iter()
            .map(|ev| {
                let mut ev = ev.clone();
                ev.text = escape::fold_ws(&ev.text).into_owned();
                ev
            })
            .collect(),
    )
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

fn texts<'v>(view: &'v GraphView<'_>, i: usize) -> &'v EvidenceTexts {
    view.evidence_texts(i, |e| {
        let json = if e.evidence.is_empty() {
            Ok(String::new())
        } else {
            serde_json::to_string(&*evidence(e)).map_err(|err| err.to_string())
        };
        let mut text = String::new();
        for ev in &e.evidence {
            let t = escape::fold_ws(&ev.text);
            if t.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push_str(" | ");
            }
            text.push_str(&t);
        }
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

/// A list of numbers as JSON text (`[12000000000.0]`), empty for an empty
/// list, for formats without arrays.
pub(crate) fn numbers_json(xs: &[f64]) -> String {
    let xs: Vec<f64> = xs.iter().copied().filter(|x| x.is_finite()).collect();
    if xs.is_empty() {
        return String::new();
    }
    serde_json::to_string(&xs).unwrap_or_default()
}

/// The edge's status name, or empty.
pub(crate) fn status(e: &Edge) -> &'static str {
    e.status.map(|s| s.as_str()).unwrap_or("")
}

/// An optional number as text, empty when absent or not finite.
pub(crate) fn opt_number(x: Option<f64>) -> String {
    x.and_then(escape::number).unwrap_or_default()
}
