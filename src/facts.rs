//! Per-document facts: the output of the pure, per-document extraction step
//! and the input of the graph merge.
//!
//! This is the seam that makes kgraph shardable: `kgraph extract` writes one
//! [`DocFacts`] per document as a JSON line, and `kgraph merge` folds any set
//! of them into the same graph a single `build` would make. Everything a
//! merge decision needs (labels, surface forms, spans, statuses, amounts)
//! is in here; nothing refers back to the document text.

use std::borrow::Cow;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::document::Meta;
use crate::kinds::{EntityType, RelationKind, Status};

/// Everything extracted from one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocFacts {
    /// The document id.
    pub doc: String,
    /// Resolved entities of the document (PERSON and ORG only).
    pub entities: Vec<EntityFact>,
    /// Relation mentions between those entities.
    pub relations: Vec<RelationFact>,
    /// Notes about the document (caps hit, lossy decoding), for the report.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// One resolved entity of a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityFact {
    /// The merge key: equal keys are one node across documents
    /// (see [`crate::resolve::merge_key`]).
    pub key: String,
    /// The best label the document offers (fullest name, no legal suffix).
    pub label: String,
    /// The entity type.
    #[serde(rename = "type")]
    pub entity_type: EntityType,
    /// Where a rules file or the gazetteer fixed the name, its canonical
    /// label, which then wins over any label seen in text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// Every mention of the entity in the document, in text order.
    pub mentions: Vec<MentionFact>,
}

/// One mention of an entity: a surface form at a place in the text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionFact {
    /// The surface form, normalised (control characters removed, white
    /// space folded).
    pub surface: String,
    /// Index of the sentence in the document.
    pub sentence: usize,
    /// UTF-8 byte offset of the start in the document text.
    pub start: usize,
    /// UTF-8 byte offset of the end in the document text.
    pub end: usize,
    /// Which recogniser produced it (`gazetteer`, `rules`, `suffix`, ...):
    /// borrowed from the recogniser's name when extracted, so that a
    /// mention costs no allocation for it; owned when read back from JSON.
    pub source: Cow<'static, str>,
}

/// One relation stated in a document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RelationFact {
    /// Merge key of the head entity.
    pub head: String,
    /// The relation kind.
    #[serde(rename = "type")]
    pub kind: RelationKind,
    /// Merge key of the tail entity.
    pub tail: String,
    /// Where and how the text states it.
    pub evidence: Evidence,
}

/// Where an edge is stated and what that statement says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Document id.
    pub doc: String,
    /// Sentence index in the document.
    pub sentence: usize,
    /// UTF-8 byte offset of the sentence start in the document text.
    pub start: usize,
    /// UTF-8 byte offset of the sentence end in the document text.
    pub end: usize,
    /// The sentence, white space folded.
    pub text: String,
    /// Modality of this statement; absent means plainly asserted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Amount in US dollars this statement gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_usd: Option<f64>,
    /// The amount as written ("$14.3 billion").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_text: Option<String>,
    /// Stake in percent this statement gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stake_pct: Option<f64>,
    /// The rule that produced the edge.
    pub rule: String,
    /// The rule's confidence in this statement, 0..1.
    pub confidence: f64,
    /// Document metadata (date, url, title) carried into the evidence:
    /// the document's own map, shared by all the evidence of the document
    /// rather than copied into each.
    #[serde(default, skip_serializing_if = "is_empty", flatten)]
    pub meta: Arc<Meta>,
}

/// Whether a metadata map is empty (for serde's `skip_serializing_if`).
fn is_empty(meta: &Arc<Meta>) -> bool {
    meta.is_empty()
}

impl Evidence {
    /// The sort key every merge choice uses: (doc id, sentence, start).
    pub fn order_key(&self) -> (&str, usize, usize, usize, &str) {
        (&self.doc, self.sentence, self.start, self.end, &self.rule)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    /// [`Evidence`] as it was when `meta` was a `BTreeMap`: the wire
    /// format must not have changed.
    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct OldEvidence {
        doc: String,
        sentence: usize,
        start: usize,
        end: usize,
        text: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        status: Option<Status>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        amount_usd: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        amount_text: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        stake_pct: Option<f64>,
        rule: String,
        confidence: f64,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty", flatten)]
        meta: BTreeMap<String, String>,
    }

    fn evidence(meta: &[(&str, &str)]) -> (Evidence, OldEvidence) {
        let meta: Vec<(String, String)> = meta
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let new = Evidence {
            doc: "d \"1\"".into(),
            sentence: 2,
            start: 3,
            end: 40,
            text: "Ann led \"it\".".into(),
            status: Some(Status::Denied),
            amount_usd: Some(1.5e9),
            amount_text: None,
            stake_pct: None,
            rule: "r".into(),
            confidence: 0.9,
            meta: Arc::new(meta.iter().cloned().collect()),
        };
        let old = OldEvidence {
            doc: new.doc.clone(),
            sentence: new.sentence,
            start: new.start,
            end: new.end,
            text: new.text.clone(),
            status: new.status,
            amount_usd: new.amount_usd,
            amount_text: None,
            stake_pct: None,
            rule: new.rule.clone(),
            confidence: new.confidence,
            meta: meta.into_iter().collect(),
        };
        (new, old)
    }

    #[test]
    fn meta_flattens_as_the_btreemap_did() {
        let three = [
            ("url", "http://x/\"y\""),
            ("date", "1987-03-02"),
            ("title", "T\né"),
        ];
        for meta in [&[][..], &[("date", "1987-03-02")][..], &three[..]] {
            let (new, old) = evidence(meta);
            let text = serde_json::to_string(&new).unwrap();
            assert_eq!(text, serde_json::to_string(&old).unwrap());
            let back: Evidence = serde_json::from_str(&text).unwrap();
            assert_eq!(back, new);
            let old_back: OldEvidence = serde_json::from_str(&text).unwrap();
            assert_eq!(old_back, old);
        }
        let (new, _) = evidence(&three);
        assert!(
            serde_json::to_string(&new)
                .unwrap()
                .ends_with(r#""date":"1987-03-02","title":"T\né","url":"http://x/\"y\""}"#)
        );
    }
}
