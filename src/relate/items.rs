//! A sentence as a sequence of items: entity mentions, amounts, percentages
//! and words. Relation rules match over items, so "Meta Platforms, Inc."
//! is one slot and "$14.3 billion" one amount.

use std::borrow::Cow;

use crate::recognize::Mention;
use crate::text::quantity::{Quantity, QuantityKind};
use crate::text::{Analysis, Sentence, TokenKind};

/// One item of a sentence.
#[derive(Clone, Debug, PartialEq)]
pub enum Item<'a> {
    /// An entity mention: its cluster and mention index.
    Ent {
        /// Index of the entity (cluster) in the document.
        cluster: usize,
        /// Index of the mention.
        mention: usize,
    },
    /// An amount of money (`usd` None for other currencies).
    Money {
        /// US dollars, if the currency is USD.
        usd: Option<f64>,
        /// Whether it is a per-share price.
        per_share: bool,
        /// Byte range in the text.
        span: (usize, usize),
    },
    /// A percentage.
    Pct(f64),
    /// A word or punctuation, lower-cased (curly apostrophes folded);
    /// borrowed from the text when it is lower case there already.
    Word(Cow<'a, str>),
}

impl Item<'_> {
    /// The word, if this is a word item.
    pub fn word(&self) -> Option<&str> {
        match self {
            Item::Word(w) => Some(w),
            _ => None,
        }
    }

    /// The cluster, if this is an entity item.
    pub fn cluster(&self) -> Option<usize> {
        match self {
            Item::Ent { cluster, .. } => Some(*cluster),
            _ => None,
        }
    }
}

/// The item a quantity stands for.
fn quantity_item(q: &Quantity) -> Item<'static> {
    match q.kind {
        QuantityKind::Money { usd, per_share } => Item::Money {
            usd,
            per_share,
            span: (q.start, q.end),
        },
        QuantityKind::Percent(p) => Item::Pct(p),
    }
}

/// Builds the items of a sentence.
///
/// `text` is the document's text, or the same text with its ASCII letters
/// lower-cased (`str::to_ascii_lowercase`, which keeps every byte offset):
/// the items are the same, and the words of the lower-cased text are
/// borrowed rather than copied one by one.
pub fn sentence_items<'a>(
    text: &'a str,
    a: &Analysis,
    s: &Sentence,
    mentions: &[Mention],
    cluster_of: &[usize],
    quantities: &[Quantity],
) -> Vec<Item<'a>> {
    let mut items = Vec::with_capacity(s.last - s.first);
    sentence_items_into(&mut items, text, a, s, mentions, cluster_of, quantities);
    items
}

/// Whether sentence `s` names no entity and holds no quantity, so that its
/// items are all words: an entity item stands for a mention that starts in
/// the sentence, an amount or a percentage for a quantity that overlaps it.
/// `mentions` and `quantities` are in text order (the quantities apart), as
/// for [`sentence_items`].
pub fn sentence_words_only(s: &Sentence, mentions: &[Mention], quantities: &[Quantity]) -> bool {
    let mention = mentions.partition_point(|m| m.first < s.first);
    let quantity = quantities.partition_point(|q| q.end <= s.start);
    mentions.get(mention).is_none_or(|m| m.first >= s.last)
        && quantities.get(quantity).is_none_or(|q| q.start >= s.end)
}

/// [`sentence_items`] into a vector that is cleared first, so that one
/// vector serves every sentence of a document.
pub fn sentence_items_into<'a>(
    items: &mut Vec<Item<'a>>,
    text: &'a str,
    a: &Analysis,
    s: &Sentence,
    mentions: &[Mention],
    cluster_of: &[usize],
    quantities: &[Quantity],
) {
    items.clear();
    // An ASCII sentence without capitals (all of them, in lower-cased
    // text): every word is itself, no per-word test or copy. Counted
    // without early exit, which the compiler vectorises.
    let plain = text.as_bytes()[s.start..s.end]
        .iter()
        .fold(true, |ok, &b| ok & (b < 0x80) & !b.is_ascii_uppercase());
    // The next mention and quantity, with their bounds kept at hand (past
    // the last one, bounds no token reaches): most tokens are words, told
    // by four comparisons.
    let mut mi = mentions.partition_point(|m| m.last <= s.first);
    let mut qi = quantities.partition_point(|q| q.end <= s.start);
    let mention_at = |mi: usize| {
        mentions
            .get(mi)
            .map_or((usize::MAX, usize::MAX), |m| (m.first, m.last))
    };
    let quantity_at = |qi: usize| {
        quantities
            .get(qi)
            .map_or((usize::MAX, usize::MAX), |q| (q.start, q.end))
    };
    let (mut m_first, mut m_last) = mention_at(mi);
    let (mut q_start, mut q_end) = quantity_at(qi);
    let tokens = &a.tokens[..s.last];
    let mut k = s.first;
    while k < s.last {
        if plain {
            // The plain words before the next mention and the next
            // quantity (most tokens) in a loop of their own, which keeps
            // its few values in registers: no bound there needs moving on.
            let stop = m_first.min(s.last);
            while k < stop {
                let tok = tokens[k];
                if tok.start >= q_start
                    || matches!(tok.kind, TokenKind::Possessive | TokenKind::Markup)
                {
                    break;
                }
                items.push(Item::Word(tok.text(text).into()));
                k += 1;
            }
            if k >= s.last {
                break;
            }
        }
        let tok = tokens[k];
        while m_last <= k {
            mi += 1;
            (m_first, m_last) = mention_at(mi);
        }
        if m_first == k {
            items.push(Item::Ent {
                cluster: cluster_of[mi],
                mention: mi,
            });
            k = m_last.max(k + 1);
            continue;
        }
        while q_end <= tok.start {
            qi += 1;
            (q_start, q_end) = quantity_at(qi);
        }
        if q_start <= tok.start && tok.start < q_end {
            let q = &quantities[qi];
            items.push(quantity_item(q));
            while k < s.last && tokens[k].start < q.end {
                k += 1;
            }
            qi += 1;
            (q_start, q_end) = quantity_at(qi);
            continue;
        }
        let w = tok.text(text);
        let w: Cow<'a, str> = match tok.kind {
            TokenKind::Possessive => "'s".into(),
            TokenKind::Markup => "<markup>".into(),
            _ if plain => w.into(),
            // ASCII: no curly quotes or dashes to fold; most words are in
            // lower case already and need no copy.
            _ if w.is_ascii() => {
                if w.bytes().any(|b| b.is_ascii_uppercase()) {
                    w.to_ascii_lowercase().into()
                } else {
                    w.into()
                }
            }
            _ => {
                let w = w.replace(['’', '‘'], "'").to_lowercase();
                match w.as_str() {
                    "“" | "”" => "\"".into(),
                    "—" | "–" => "-".into(),
                    _ => w.into(),
                }
            }
        };
        items.push(Item::Word(w));
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kinds::EntityType;
    use crate::recognize::Source;
    use crate::text::analyze;

    /// The item loop as first written (bounds read from the slices at
    /// every token).
    fn items_reference<'a>(
        text: &'a str,
        a: &Analysis,
        s: &Sentence,
        mentions: &[Mention],
        cluster_of: &[usize],
        quantities: &[Quantity],
    ) -> Vec<Item<'a>> {
        let mut items = Vec::new();
        let mut mi = mentions.partition_point(|m| m.last <= s.first);
        let mut qi = quantities.partition_point(|q| q.end <= s.start);
        let mut k = s.first;
        while k < s.last {
            let tok = a.tokens[k];
            while mi < mentions.len() && mentions[mi].last <= k {
                mi += 1;
            }
            if mi < mentions.len() && mentions[mi].first == k {
                let m = &mentions[mi];
                items.push(Item::Ent {
                    cluster: cluster_of[mi],
                    mention: mi,
                });
                k = m.last.max(k + 1);
                continue;
            }
            while qi < quantities.len() && quantities[qi].end <= tok.start {
                qi += 1;
            }
            if qi < quantities.len()
                && quantities[qi].start <= tok.start
                && tok.start < quantities[qi].end
            {
                let q = &quantities[qi];
                items.push(quantity_item(q));
                while k < s.last && a.tokens[k].start < q.end {
                    k += 1;
                }
                qi += 1;
                continue;
            }
            let w = tok.text(text);
            items.push(Item::Word(match tok.kind {
                TokenKind::Possessive => "'s".into(),
                TokenKind::Markup => "<markup>".into(),
                _ => {
                    let w = w.replace(['’', '‘'], "'").to_lowercase();
                    match w.as_str() {
                        "“" | "”" => "\"".into(),
                        "—" | "–" => "-".into(),
                        _ => w.into(),
                    }
                }
            }));
            k += 1;
        }
        items
    }

    #[test]
    fn items_match_reference_with_mentions_and_quantities() {
        let text = "ACME Corp said it paid $14.3 billion, or 49 pct, for \
                    Widget Co's unit. Zoë’s “Big” deal — <Allegheny Intl Inc> \
                    rose 5 pct.\n\nThe U.S. unit of Acme agreed to buy 20 pct of Beta.";
        let a = analyze(text);
        let lower = text.to_ascii_lowercase();
        let n = a.tokens.len();
        let mut rng = crate::test_rng::XorShift::new(0x2545_f491);
        let mut next = move |m: usize| rng.below(m);
        for _ in 0..2000 {
            // Random, ordered, non-overlapping mentions and quantities
            // (as the recogniser and quantity finder give them).
            let mut mentions = Vec::new();
            let mut k = next(3);
            while k < n {
                let len = 1 + next(3);
                let last = (k + len).min(n);
                let t = &a.tokens;
                mentions.push(Mention {
                    start: t[k].start,
                    end: t[last - 1].end,
                    first: k,
                    last,
                    sentence: 0,
                    surface: String::new(),
                    entity_type: EntityType::Org,
                    source: Source::Gazetteer,
                    canonical: None,
                    ticker_of: None,
                });
                k = last + next(8);
            }
            let cluster_of: Vec<usize> = (0..mentions.len()).map(|_| next(4)).collect();
            let mut quantities = Vec::new();
            let mut b = next(20);
            while b < text.len() {
                let end = (b + 1 + next(12)).min(text.len());
                quantities.push(Quantity {
                    start: b,
                    end,
                    kind: if next(2) == 0 {
                        QuantityKind::Percent(5.0)
                    } else {
                        QuantityKind::Money {
                            usd: Some(1e6),
                            per_share: false,
                        }
                    },
                });
                b = end + next(40);
            }
            let mut reused = Vec::new();
            for s in &a.sentences {
                let want = items_reference(text, &a, s, &mentions, &cluster_of, &quantities);
                sentence_items_into(
                    &mut reused,
                    &lower,
                    &a,
                    s,
                    &mentions,
                    &cluster_of,
                    &quantities,
                );
                assert_eq!(reused, want);
            }
        }
    }

    #[test]
    fn words_only_sentences_have_word_items_only() {
        let text = "ACME Corp paid $5 million. The deal closed. Shares rose 5 pct.\n\nIt said so.";
        let a = analyze(text);
        let t = &a.tokens;
        let mentions = vec![Mention {
            start: t[0].start,
            end: t[1].end,
            first: 0,
            last: 2,
            sentence: 0,
            surface: "ACME Corp".to_string(),
            entity_type: EntityType::Org,
            source: Source::Gazetteer,
            canonical: None,
            ticker_of: None,
        }];
        let quantities = crate::text::quantity::find_quantities(text, 0..text.len());
        let words_only: Vec<bool> = a
            .sentences
            .iter()
            .map(|s| sentence_words_only(s, &mentions, &quantities))
            .collect();
        assert_eq!(words_only, [false, true, false, true]);
        for s in &a.sentences {
            let items = sentence_items(text, &a, s, &mentions, &[0], &quantities);
            let words = items.iter().all(|it| matches!(it, Item::Word(_)));
            assert_eq!(sentence_words_only(s, &mentions, &quantities), words);
        }
    }

    #[test]
    fn lower_cased_text_gives_the_same_items() {
        for text in [
            "Meta Platforms' CEO said AT&T's <Allegheny Intl Inc> unit rose.\n\nIt's “Big” — ÉCOLE Zoë’s.",
            "ACME TO BUY WIDGET CO\n\nAcme said it would. The U.S. unit agreed.",
            "",
        ] {
            let a = analyze(text);
            let lower = text.to_ascii_lowercase();
            for s in &a.sentences {
                let want = sentence_items(text, &a, s, &[], &[], &[]);
                let got = sentence_items(&lower, &a, s, &[], &[], &[]);
                assert_eq!(got, want, "{text:?}");
                let mut reused = vec![Item::Pct(1.0)];
                sentence_items_into(&mut reused, &lower, &a, s, &[], &[], &[]);
                assert_eq!(reused, want, "{text:?}");
                // Lower-cased ASCII words are borrowed, not copied.
                for it in &got {
                    if let Item::Word(Cow::Owned(w)) = it {
                        assert!(!w.is_ascii(), "{w:?} copied");
                    }
                }
            }
        }
    }
}
