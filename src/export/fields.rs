//! Values that several formats write the same way, computed in one place so
//! that a field named like a `graph.json` attribute holds the same value in
//! every format.

#[cfg(test)]
use std::borrow::Cow;
use std::collections::BTreeSet;

use super::escape;
use super::json_out::JsonOut;
#[cfg(test)]
use crate::facts::Evidence;
use crate::graph::{Edge, EvidenceTexts, GraphView};

/// The edge's evidence as exported: sentence text with white space folded
/// (offsets still point into the original text). The writers of JSON text
/// ([`JsonOut::evidence_list`]) fold as they write; this is their
/// reference in tests.
#[cfg(test)]
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
pub(crate) fn evidence_json<'v>(view: &'v GraphView<'_>, i: usize) -> &'v str {
    &texts(view, i).json
}

/// A readable extra: the evidence sentences, folded, joined with ` | `.
/// Edge number `i` of `view`; made once per view.
pub(crate) fn evidence_text<'v>(view: &'v GraphView<'_>, i: usize) -> &'v str {
    &texts(view, i).text
}

fn texts<'v>(view: &'v GraphView<'_>, i: usize) -> &'v EvidenceTexts {
    view.evidence_texts(i, |e| {
        // Each sentence is folded once, for both texts.
        let mut j = JsonOut::compact();
        j.begin_array();
        let mut text = String::new();
        for ev in &e.evidence {
            let t = escape::fold_ws(&ev.text);
            j.element();
            j.evidence(ev, &t);
            if t.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push_str(" | ");
            }
            text.push_str(&t);
        }
        j.end_array();
        let json = if e.evidence.is_empty() {
            String::new()
        } else {
            j.into_string()
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

/// A list of numbers as JSON text (`[12000000000.0]`), appended to `out`,
/// for formats without arrays: nothing for an empty list, and numbers that
/// are not finite left out.
pub(crate) fn numbers_json_into(out: &mut String, xs: &[f64]) {
    let mut any = false;
    for &x in xs.iter().filter(|x| x.is_finite()) {
        out.push(if any { ',' } else { '[' });
        any = true;
        escape::json_f64_into(out, x);
    }
    if any {
        out.push(']');
    }
}

/// The edge's status name, or empty.
pub(crate) fn status(e: &Edge) -> &'static str {
    e.status.map(|s| s.as_str()).unwrap_or("")
}
