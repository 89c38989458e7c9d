//! The relation rules.

use std::sync::LazyLock;

use aho_corasick::packed;

use super::cues::*;
use super::items::Item;
use crate::hash::HashMap;
use crate::kinds::{EntityType, RelationKind, Status};

/// A relation found in a sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// Head entity (cluster index).
    pub head: usize,
    /// The relation kind.
    pub kind: RelationKind,
    /// Tail entity (cluster index).
    pub tail: usize,
    /// The rule id.
    pub rule: &'static str,
    /// The rule's confidence.
    pub confidence: f64,
    /// The status read from the sentence.
    pub status: Option<Status>,
    /// The amount in USD read from the sentence.
    pub amount_usd: Option<f64>,
    /// The stake read from the sentence.
    pub stake_pct: Option<f64>,
    /// Index of the trigger item in the sentence.
    pub trigger: usize,
}

struct Ctx<'a> {
    items: &'a [Item<'a>],
    types: &'a [EntityType],
    /// Entity that "it", "its" and "the company" stand for.
    antecedent: Option<usize>,
    /// The company that last raised money in the document (the target of
    /// an earlier round), for round members named later.
    raiser: Option<usize>,
    out: Vec<Found>,
    /// The status found for each (trigger, kind) pushed so far: a rule
    /// pushing several pairs at one trigger reads the clause once.
    statuses: Vec<(usize, RelationKind, Option<Status>)>,
}

const PRONOUNS: &[&str] = &["it", "its", "itself"];
const DESCRIPTORS: &[&str] = &[
    "company",
    "firm",
    "group",
    "startup",
    "start-up",
    "bank",
    "carrier",
    "concern",
    "airline",
    "maker",
    "giant",
    "lender",
    "insurer",
    "retailer",
    "business",
    "carmaker",
    "automaker",
    "chipmaker",
    "brewer",
    "publisher",
    "conglomerate",
    "operator",
    "supermarket",
];
const PREPS: &[&str] = &[
    "of",
    "from",
    "to",
    "with",
    "for",
    "at",
    "in",
    "on",
    "over",
    "against",
    "than",
    "like",
    "behind",
    "about",
    "into",
    "including",
    "as",
];

impl<'a> Ctx<'a> {
    fn new(
        items: &'a [Item<'a>],
        types: &'a [EntityType],
        antecedent: Option<usize>,
        raiser: Option<usize>,
    ) -> Ctx<'a> {
        Ctx {
            items,
            types,
            antecedent,
            raiser,
            out: Vec::new(),
            statuses: Vec::new(),
        }
    }

    fn w(&self, i: usize) -> &str {
        self.items.get(i).and_then(|x| x.word()).unwrap_or("")
    }

    fn ent(&self, i: usize) -> Option<usize> {
        self.items.get(i).and_then(|x| x.cluster())
    }

    /// The entity of the item before item `i` (none before the first).
    fn ent_before(&self, i: usize) -> Option<usize> {
        i.checked_sub(1).and_then(|j| self.ent(j))
    }

    fn is(&self, c: usize, t: EntityType) -> bool {
        self.types.get(c) == Some(&t)
    }

    fn org(&self, c: usize) -> bool {
        self.is(c, EntityType::Org)
    }

    fn per(&self, c: usize) -> bool {
        self.is(c, EntityType::Person)
    }

    fn words_at(&self, i: usize, seq: &[&str]) -> bool {
        seq.iter().enumerate().all(|(k, s)| self.w(i + k) == *s)
    }

    /// The entity ending at item k, stepping back over Reuters markup after
    /// it ("Allied Stores Corp <ALS>, which").
    fn name_before(&self, k: usize) -> Option<usize> {
        let mut e = k;
        while e > 0 && self.w(e) == "<markup>" {
            e -= 1;
        }
        self.ent(e)
    }

    /// The last item of the name at k: its ticker mention and markup after
    /// it are the same name ("TNT Ltd <TNTA.S>").
    fn name_end(&self, k: usize) -> usize {
        let mut e = k;
        while (self.ent(e + 1).is_some() && self.ent(e + 1) == self.ent(e))
            || self.w(e + 1) == "<markup>"
        {
            e += 1;
        }
        e
    }

    /// Whether the name at k is the object of "lead", "run" or "join"
    /// (after an article, if any): not what "the company" refers to.
    fn led_object(&self, k: usize) -> bool {
        let before = if k > 1 && matches!(self.w(k - 1), "the" | "a" | "an") {
            k - 1
        } else {
            k
        };
        before > 0
            && matches!(
                self.w(before - 1),
                "lead" | "leads" | "run" | "runs" | "join" | "joins" | "joining"
            )
    }

    /// A pronoun or "the company" at item i, standing for the antecedent.
    fn pronoun_at(&self, i: usize) -> Option<usize> {
        let w = self.w(i);
        // "the Japanese carmaker", "the troubled retailer": a description
        // with modifiers names the company the text is about, unless that
        // one is named earlier in this sentence.
        if DESCRIPTORS.contains(&w) && i >= 2 && self.w(i - 1) != "the" {
            // Plain modifiers, or a place first: "the Sunnyvale, Calif.,
            // defense electronics firm".
            let plain = |k: usize| {
                let m = self.w(k);
                self.ent(k).is_none()
                    && !m.is_empty()
                    && m.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !matches!(m, "and" | "or" | "of" | "its" | "their" | "the")
            };
            // The article, and where the plain modifiers start.
            let the = (i.saturating_sub(3)..i - 1)
                .rev()
                .find(|&k| self.w(k) == "the")
                .map(|t| (t, t))
                .or_else(|| {
                    let t = (i.saturating_sub(9)..i - 1)
                        .rev()
                        .find(|&k| self.w(k) == "the")?;
                    let place = (t + 1..i).take_while(|&k| self.w(k) != ",").count();
                    let comma = t + 1 + place;
                    let rest = (comma + 1..i).find(|&k| self.w(k) == ",")?;
                    ((1..=2).contains(&place)
                        && (comma + 1..rest).all(|k| {
                            // "Calif." is one token.
                            let w = self.w(k).trim_end_matches('.');
                            plain(k) || w.is_empty() || w.chars().all(char::is_alphabetic)
                        })
                        && rest + 1 < i
                        && (rest + 1..i).all(plain))
                    .then_some((t, rest))
                });
            if let Some((t, mods)) = the {
                let modifiers = (mods + 1..i).all(plain);
                let named_here = |c: usize| (0..i).any(|k| self.ent(k) == Some(c));
                // An apposition: "Innovation Endeavors, the venture firm".
                if modifiers && t >= 2 && self.w(t - 1) == "," {
                    if let Some(c) = self.ent(t - 2).filter(|&c| self.org(c)) {
                        return Some(c);
                    }
                }
                if modifiers {
                    if let Some(a) = self.antecedent.filter(|&a| self.org(a) && !named_here(a)) {
                        return Some(a);
                    }
                    // "A and B said they agreed for A to acquire the Ohio
                    // valve maker": the company named here other than the
                    // nearest one.
                    let nearest_at = (0..t)
                        .rev()
                        .find(|&k| self.ent(k).is_some_and(|c| self.org(c)))
                        .filter(|&k| {
                            matches!(self.w(k + 1), "to" | "will" | "would" | "could" | "may")
                                && t <= k + 3
                        });
                    if let Some(nearest) = nearest_at.and_then(|k| self.ent(k)) {
                        let mut others = (0..t)
                            .filter_map(|k| self.ent(k).filter(|&c| self.org(c) && c != nearest));
                        if let Some(other) = others.next() {
                            if others.all(|c| c == other) {
                                return Some(other);
                            }
                        }
                    }
                }
            }
        }
        if PRONOUNS.contains(&w) || (DESCRIPTORS.contains(&w) && i > 0 && self.w(i - 1) == "the") {
            // The nearest organisation to the left that is a subject (not
            // inside a prepositional phrase or a possessive), else the first
            // organisation earlier in the sentence, else the one carried
            // from earlier sentences.
            let subj = (0..i).rev().find_map(|k| {
                // The word before the name, past an article.
                let before = if k > 1 && matches!(self.w(k - 1), "the" | "a" | "an") {
                    k - 1
                } else {
                    k
                };
                let verb = if before > 0 { self.w(before - 1) } else { "" };
                self.ent(k).filter(|&c| {
                    self.org(c)
                        && !(k > 0 && (PREPS.contains(&self.w(k - 1)) || self.w(k - 1) == "by"))
                        && self.w(k + 1) != "'s"
                        && !is_object_verb(verb)
                        && !self.led_object(k)
                })
            });
            let here = (0..i).find_map(|k| {
                let led = k > 1
                    && self.w(k - 1) == "the"
                    && matches!(self.w(k - 2), "lead" | "leads" | "run" | "runs" | "join");
                self.ent(k).filter(|&c| self.org(c) && !led)
            });
            return subj.or(here).or(self.antecedent);
        }
        None
    }

    /// The coordinated list of entities starting at item j: `A, B and C`.
    fn list_from(&self, j: usize, pred: impl Fn(usize) -> bool) -> (Vec<usize>, usize) {
        let mut out = Vec::new();
        let mut k = j;
        let Some(c) = self.ent(k) else {
            return (out, j);
        };
        if !pred(c) {
            return (out, j);
        }
        out.push(c);
        let mut end = k;
        loop {
            k = self.name_end(k);
            let mut n = k + 1;
            if self.w(n) == "'s" {
                break;
            }
            if self.w(n) == "," {
                n += 1;
            }
            if self.w(n) == "and" || self.w(n) == "&" {
                n += 1;
            } else if self.words_at(n, &["as", "well", "as"]) {
                n += 3;
            } else if self.w(k + 1) != "," {
                break;
            }
            // "and Rupert Murdoch's News Corp": the possessed name.
            if self.ent(n).is_some()
                && matches!(self.w(n + 1), "'s" | "'")
                && self.ent(n + 2).is_some_and(&pred)
            {
                n += 2;
            }
            match self.ent(n) {
                Some(c) if pred(c) => {
                    if self.w(n + 1) == "'s" {
                        break;
                    }
                    out.push(c);
                    k = n;
                    end = n;
                }
                _ => break,
            }
        }
        (out, end)
    }

    /// The subject of a trigger at i: the nearest entity to the left that
    /// is not inside a prepositional phrase or a possessive modifier, or
    /// the antecedent of a pronoun found first. Coordinated subjects are
    /// all returned.
    fn subject(&self, i: usize, pred: impl Fn(usize) -> bool + Copy) -> Vec<usize> {
        // "..., Renault, which (also) owns": a relative pronoun a few words
        // back, with no name after it, decides before anything else.
        if let Some(r) = (i.saturating_sub(3)..i)
            .rev()
            .find(|&k| matches!(self.w(k), "which" | "who"))
        {
            if r >= 2 && self.w(r - 1) == "," && (r + 1..i).all(|k| self.ent(k).is_none()) {
                if let Some(c) = self.name_before(r - 2).filter(|&c| pred(c)) {
                    return vec![c];
                }
            }
        }
        let lo = i.saturating_sub(40);
        let mut j = i;
        while j > lo {
            j -= 1;
            let w = self.w(j);
            // Step over a parenthesis: "a 7.4bn dollar ($5.8bn; £3bn) bid".
            if w == ")" {
                if let Some(open) = (lo..j).rev().find(|&k| self.w(k) == "(") {
                    j = open;
                    continue;
                }
            }
            if CLAUSE_BREAKS.contains(&w) {
                break;
            }
            // Inside a relative clause: "..., Meta, which bought a stake",
            // "Renault, which owns": the name it hangs on, even inside a
            // prepositional phrase.
            if matches!(w, "which" | "who") && j >= 2 && self.w(j - 1) == "," {
                if let Some(c) = self.name_before(j - 2).filter(|&c| pred(c)) {
                    return vec![c];
                }
            }
            // "X owns Y, ..., and is in turn owned by Z": a second verb
            // phrase shares the sentence's subject.
            if w == "and"
                && matches!(
                    self.w(j + 1),
                    "is" | "was" | "are" | "were" | "has" | "had" | "will"
                )
            {
                let first = (0..j).find(|&k| {
                    self.ent(k).is_some_and(pred)
                        && !(k > 0 && (PREPS.contains(&self.w(k - 1)) || self.w(k - 1) == "by"))
                });
                if let Some(c) = first.and_then(|k| self.ent(k)) {
                    return vec![c];
                }
            }
            // Step over a relative clause closed by this comma:
            // "Laura Ashley, which floated in 1995, is majority-owned by".
            if w == "," {
                if let Some(k) = (lo..j).rev().find(|&k| {
                    self.w(k) == "," && matches!(self.w(k + 1), "which" | "who" | "whose")
                }) {
                    if (k + 1..j).all(|m| !matches!(self.w(m), ";")) {
                        j = k;
                        continue;
                    }
                }
            }
            if let Some(a) = self.pronoun_at(j) {
                if w != "its" && pred(a) {
                    return vec![a];
                }
                if w == "its" && pred(a) {
                    return vec![a];
                }
            }
            if let Some(c) = self.ent(j) {
                if !pred(c) {
                    continue;
                }
                // "for Chrysler to buy AMC": the subject of the infinitive.
                let infinitive_subject = self.w(j + 1) == "to" && j + 2 == i;
                if j > 0 && PREPS.contains(&self.w(j - 1)) && !infinitive_subject {
                    continue;
                }
                if infinitive_subject {
                    return vec![c];
                }
                if self.w(j + 1) == "'s" && j + 2 < i {
                    // "Meta's investment in X": possessive of a noun that
                    // is the trigger's subject: still the agent.
                    let noun_trigger = (j + 2..i).all(|k| self.ent(k).is_none());
                    if !noun_trigger {
                        continue;
                    }
                }
                // Walk back over a coordinated list ending here.
                let mut start = j;
                while start >= 2 {
                    let sep = self.w(start - 1);
                    let in_pp = start >= 3
                        && (PREPS.contains(&self.w(start - 3)) || self.w(start - 3) == "by");
                    if (sep == "and" || sep == ",")
                        && self.ent(start - 2).is_some_and(pred)
                        && !(sep == "," && in_pp)
                    {
                        start -= 2;
                        if start >= 1 && self.w(start) == "," {
                            continue;
                        }
                    } else {
                        break;
                    }
                }
                let (list, _) = self.list_from(start, pred);
                if list.contains(&c) {
                    return list;
                }
                return vec![c];
            }
        }
        Vec::new()
    }

    /// The first entity to the right of i within `max` items, stopping at
    /// clause breaks, sentence-final punctuation and `said`.
    fn object(
        &self,
        i: usize,
        max: usize,
        pred: impl Fn(usize) -> bool + Copy,
    ) -> Option<(usize, Vec<usize>)> {
        let hi = (i + 1 + max).min(self.items.len());
        for j in i + 1..hi {
            let w = self.w(j);
            // "Calif.," : an abbreviation's period, not the sentence's.
            if w == "." && self.w(j + 1) == "," {
                continue;
            }
            if CLAUSE_BREAKS.contains(&w)
                || matches!(
                    w,
                    "." | "said"
                        | "says"
                        | "told"
                        | "which"
                        | "who"
                        | "after"
                        | "before"
                        | "while"
                        | "when"
                )
            {
                return None;
            }
            if let Some(a) = self.pronoun_at(j) {
                if pred(a) && w != "its" {
                    return Some((j, vec![a]));
                }
            }
            if let Some(c) = self.ent(j) {
                // "acquired X's startup Y": X only modifies the object.
                if matches!(self.w(j + 1), "'s" | "'")
                    && (j + 2..hi).any(|k| self.ent(k).is_some_and(pred))
                {
                    continue;
                }
                // "Sequoia-backed startup Y": a modifier of the object.
                if self.w(j + 1) == "-"
                    && matches!(
                        self.w(j + 2),
                        "backed" | "owned" | "based" | "led" | "funded" | "controlled"
                    )
                {
                    continue;
                }
                if pred(c) {
                    let (list, _) = self.list_from(j, pred);
                    return Some((j, list));
                }
                return None;
            }
        }
        None
    }

    fn push(
        &mut self,
        head: usize,
        kind: RelationKind,
        tail: usize,
        rule: &'static str,
        conf: f64,
        trig: usize,
    ) {
        // Never a self-relation: `extract_sentence_in` skips sentences
        // with fewer than two entities on this ground.
        if head == tail {
            return;
        }
        // `status_at` reads only the items, the trigger and the kind.
        let known = self.statuses.iter().find(|s| (s.0, s.1) == (trig, kind));
        let status = match known {
            Some(&(_, _, status)) => status,
            None => {
                let status = status_at(self, trig, kind);
                self.statuses.push((trig, kind, status));
                status
            }
        };
        self.out.push(Found {
            head,
            kind,
            tail,
            rule,
            confidence: conf,
            status,
            amount_usd: None,
            stake_pct: None,
            trigger: trig,
        });
    }
}

fn any_at(ctx: &Ctx<'_>, i: usize, set: &[&str]) -> bool {
    set.contains(&ctx.w(i))
}

fn phrase_in(ctx: &Ctx<'_>, lo: usize, hi: usize, phrases: &Phrases) -> bool {
    (lo..hi).any(|k| {
        let w = ctx.w(k);
        phrases.may_start(w) && phrases.list.iter().any(|p| phrase_at(ctx, k, w, p))
    })
}

/// A list of cue phrases with a filter of their first words: by first
/// byte (low five bits) and length (modulo 32), most items start none and
/// are rejected with one table test.
struct Phrases {
    list: &'static [&'static [&'static str]],
    first: [u32; 32],
}

impl Phrases {
    const fn new(list: &'static [&'static [&'static str]]) -> Phrases {
        let mut first = [0u32; 32];
        let mut i = 0;
        while i < list.len() {
            match list[i] {
                // An empty phrase is at every item.
                [] => first = [u32::MAX; 32],
                [w, ..] => {
                    let b = w.as_bytes();
                    let slot = if b.is_empty() {
                        0
                    } else {
                        (b[0] & 31) as usize
                    };
                    first[slot] |= 1 << (b.len() & 31);
                }
            }
            i += 1;
        }
        Phrases { list, first }
    }

    /// Whether some phrase may start with `w` (never false when one does).
    fn may_start(&self, w: &str) -> bool {
        let b = w.as_bytes();
        let slot = b.first().map_or(0, |&c| usize::from(c & 31));
        self.first[slot] & (1 << (b.len() & 31)) != 0
    }
}

const DENIED_SET: Phrases = Phrases::new(DENIED_PHRASES);
const FORMER_SET: Phrases = Phrases::new(FORMER_PHRASES);
const REPORTED_SET: Phrases = Phrases::new(REPORTED_PHRASES);
const PROPOSED_SET: Phrases = Phrases::new(PROPOSED_PHRASES);

/// `ctx.words_at(k, p)`, given the word `w` at item `k`: the first word
/// is compared without fetching it again for every phrase, and most
/// phrases fail there.
fn phrase_at(ctx: &Ctx<'_>, k: usize, w: &str, p: &[&str]) -> bool {
    match p.split_first() {
        None => true,
        Some((first, rest)) => *first == w && ctx.words_at(k + 1, rest),
    }
}

/// The status of a relation whose trigger is item `trig`.
fn status_at(ctx: &Ctx<'_>, trig: usize, kind: RelationKind) -> Option<Status> {
    let n = ctx.items.len();
    // Clause: back to the previous clause break, forward to the next.
    // A relative clause (", which has accepted ...") is a clause of its own.
    let relative = |k: usize| matches!(ctx.w(k), "which" | "who") && k > 0 && ctx.w(k - 1) == ",";
    let mut lo = trig.saturating_sub(10);
    for k in (lo..trig).rev() {
        if matches!(ctx.w(k), ";" | "but" | "however" | "although") || relative(k) {
            lo = k + 1;
            break;
        }
    }
    let mut hi = n;
    for k in trig + 1..n {
        if matches!(ctx.w(k), ";" | "but" | "however" | "although") || relative(k) {
            hi = k;
            break;
        }
    }
    let pre = |set: &[&str]| (lo..trig).any(|k| any_at(ctx, k, set));
    let post = |set: &[&str]| (trig..hi).any(|k| any_at(ctx, k, set));
    match kind {
        RelationKind::Leads | RelationKind::WorksFor | RelationKind::Founded => {
            // "former" within the role phrase: up to five items back, not
            // past a comma ("a former Halvard and Norrik employee").
            let near = (trig.saturating_sub(5)..trig)
                .rev()
                .find(|&k| matches!(ctx.w(k), "," | ";" | "."))
                .map_or(trig.saturating_sub(5), |k| k + 1);
            if (near..trig + 1).any(|k| any_at(ctx, k, FORMER))
                || phrase_in(ctx, lo, hi, &FORMER_SET)
                || (lo..trig).any(|k| matches!(ctx.w(k), "until" | "previously" | "formerly"))
            {
                return Some(Status::Former);
            }
            let soon = (trig.saturating_sub(6).max(lo)..trig).any(|k| {
                matches!(ctx.w(k), "become" | "succeed" | "replace" | "take")
                    && matches!(ctx.w(k.saturating_sub(1)), "to" | "will" | "shall")
            });
            if kind == RelationKind::Leads && soon {
                return Some(Status::Announced);
            }
            return None;
        }
        RelationKind::SubsidiaryOf | RelationKind::PartnersWith | RelationKind::CompetesWith => {
            if pre(&["former", "formerly"]) {
                return Some(Status::Former);
            }
            return None;
        }
        _ => {}
    }
    if pre(DENIED) || post(DENIED) || phrase_in(ctx, lo, hi, &DENIED_SET) {
        return Some(Status::Denied);
    }
    if (trig.saturating_sub(2)..trig).any(|k| any_at(ctx, k, &["sold", "former", "formerly"]))
        || phrase_in(ctx, lo, hi, &FORMER_SET)
    {
        return Some(Status::Former);
    }
    // "for reportedly more than $400 million" hedges the price, not the deal.
    let hedge = |k: usize| {
        let mut m = k + 1;
        while matches!(
            ctx.w(m),
            "more" | "less" | "than" | "about" | "nearly" | "around" | "some" | "almost" | "over"
        ) {
            m += 1;
        }
        any_at(ctx, k, REPORTED) && !matches!(ctx.items.get(m), Some(Item::Money { .. }))
    };
    if (lo..trig).any(hedge) || (trig..hi).any(hedge) || phrase_in(ctx, 0, n, &REPORTED_SET) {
        return Some(Status::Reported);
    }
    // "has accepted a bid from X", "agreed to an offer": the deal is agreed.
    if any_at(ctx, trig, BID_NOUNS)
        && (lo..trig).any(|k| {
            matches!(
                ctx.w(k),
                "accepted" | "accepts" | "accept" | "approved" | "approves" | "recommended"
            )
        })
    {
        return Some(Status::Announced);
    }
    if pre(PROPOSED) || phrase_in(ctx, lo, hi, &PROPOSED_SET) || any_at(ctx, trig, BID_NOUNS) {
        return Some(Status::Proposed);
    }
    if pre(COMPLETED)
        || (trig + 1..(trig + 3).min(hi)).any(|k| any_at(ctx, k, &["completed", "closed"]))
    {
        return Some(Status::Completed);
    }
    let to_before = trig > 0 && ctx.w(trig - 1) == "to";
    let announced_pre = (lo..trig).any(|k| ctx.w(k) != "to" && any_at(ctx, k, ANNOUNCED));
    if to_before || announced_pre {
        return Some(Status::Announced);
    }
    // "SAINSBURY'S TAKING CONTROL OF SHAW'S", "X buying Y": under way.
    let tw = ctx.w(trig);
    // ", itself acquiring a stake": a participle after a comma takes the
    // tense of the clause it hangs on.
    let participle = (trig.saturating_sub(2)..trig).any(|k| ctx.w(k) == ",");
    if tw.ends_with("ing")
        && !participle
        && !(trig > 0
            && matches!(
                ctx.w(trig - 1),
                "after" | "since" | "completed" | "finished"
            ))
        && (ACQ_VERBS.contains(&tw) || matches!(tw, "taking" | "buying" | "acquiring"))
    {
        return Some(Status::Announced);
    }
    // A noun ("Meta's investment in X") states the deal but not its stage:
    // no status of its own, so a sentence with a verb decides the edge's.
    if ACQ_NOUNS.contains(&ctx.w(trig)) || INVEST_NOUNS.contains(&ctx.w(trig)) {
        return None;
    }
    Some(Status::Completed)
}

// Rule families, as bits of the set a word can trigger (see [`families`]).
const ACQUISITIONS: u16 = 1 << 0;
const INVESTMENTS: u16 = 1 << 1;
const ROLES: u16 = 1 << 2;
const FOUNDING: u16 = 1 << 3;
const SUBSIDIARIES: u16 = 1 << 4;
const PARTNERS: u16 = 1 << 5;
const COMPETITORS: u16 = 1 << 6;
const CAREERS: u16 = 1 << 7;
const STAFF: u16 = 1 << 8;
/// Not a family: a word of [`FUNDING`].
const FUNDING_WORD: u16 = 1 << 9;

/// Words at which [`acquisitions`] can match: at any other it returns at
/// once. Keep in step with the function.
const ACQUISITION_TRIGGERS: &[&[&str]] = &[
    ACQ_NOUNS,
    ACQ_VERBS,
    BID_NOUNS,
    &["take", "took", "takes", "taking", "gain", "gained", "gains"],
    &["merge", "merged", "merges", "merging"],
    &["sold", "sells", "sell", "selling"],
];

/// Words at which [`investments`] (and [`investor_roles`]) can match.
/// Keep in step with the functions.
const INVESTMENT_TRIGGERS: &[&[&str]] = &[
    &["has", "have"],
    &["repurchased", "repurchases", "repurchase", "repurchasing"],
    &["bought", "buys", "buy", "buying"],
    INVEST_VERBS,
    INVEST_NOUNS,
    &["investment", "investments", "owned"],
    // investor_roles
    &[
        "investors",
        "backers",
        "investor",
        "backer",
        "shareholders",
        "shareholder",
    ],
    &[
        "participated",
        "participating",
        "participate",
        "participates",
        "joined",
        "joins",
        "join",
        "came",
    ],
    &["lead", "leads", "led", "leading", "co-led", "co-lead"],
    // rounds
    &["include", "includes", "included", "including"],
    &["participation", "backed", "from"],
];

/// Words at which [`founding`] can match. Keep in step with the function.
const FOUNDING_TRIGGERS: &[&[&str]] = &[
    &["founders", "co-founders", "cofounders"],
    &[
        "founded",
        "co-founded",
        "cofounded",
        "started",
        "established",
        "created",
        "formed",
    ],
    &["set", "sets"],
];

/// Words at which [`subsidiaries`] can match. Keep in step with the
/// function.
const SUBSIDIARY_TRIGGERS: &[&[&str]] = &[
    &["owns", "own", "controls", "holds"],
    SUBSIDIARY_NOUNS,
    &["holding", "'s"],
];

/// Words at which [`partners`] can match.
const PARTNER_TRIGGERS: &[&[&str]] = &[PARTNER_NOUNS, PARTNER_VERBS];

/// Words at which [`competitors`] can match. Keep in step with the
/// function.
const COMPETITOR_TRIGGERS: &[&[&str]] = &[
    &["compete", "competes", "competed", "competing"],
    &[
        "rival",
        "rivals",
        "competitor",
        "competitors",
        "competition",
    ],
];

/// Words at which [`careers`] can match. Keep in step with the function.
const CAREER_TRIGGERS: &[&[&str]] = &[
    &[
        "join", "joins", "joined", "joining", "rejoin", "rejoined", "rejoins",
    ],
    &[
        "lead", "leads", "head", "heads", "headed", "run", "runs", "oversee", "oversees", "helm",
        "helms",
    ],
    &["leadership"],
];

/// Words at which [`staff`] can match. Keep in step with the function.
const STAFF_TRIGGERS: &[&[&str]] = &[&["'s", "sits", "sit", "sat", "serves", "served", "seat"]];

/// Every word that triggers a rule family, with the families' bits (a
/// fast hash: the map is never iterated).
static FAMILIES: LazyLock<HashMap<&'static str, u16>> = LazyLock::new(|| {
    let role_first: Vec<&'static str> = FOUNDER_ROLES
        .iter()
        .chain(WORK_ROLES)
        .chain(LEAD_ROLES)
        .filter_map(|p| p.first().copied())
        .collect();
    let mut map: HashMap<&'static str, u16> = HashMap::default();
    let families: [(u16, &[&[&str]]); 10] = [
        (ACQUISITIONS, ACQUISITION_TRIGGERS),
        (INVESTMENTS, INVESTMENT_TRIGGERS),
        (ROLES, &[&role_first]),
        (FOUNDING, FOUNDING_TRIGGERS),
        (SUBSIDIARIES, SUBSIDIARY_TRIGGERS),
        (PARTNERS, PARTNER_TRIGGERS),
        (COMPETITORS, COMPETITOR_TRIGGERS),
        (CAREERS, CAREER_TRIGGERS),
        (STAFF, STAFF_TRIGGERS),
        (FUNDING_WORD, &[FUNDING]),
    ];
    for (bit, lists) in families {
        for &w in lists.iter().copied().flatten() {
            *map.entry(w).or_default() |= bit;
        }
    }
    map
});

/// Where [`MAYBE_TRIGGER`] keeps a word: its slot by first and last byte
/// (low five bits each) and its bit by length (modulo 32). An empty word
/// has slot 0 and the bit of length 0.
const fn filter_slot(w: &[u8]) -> (usize, u32) {
    let (first, last) = match w {
        [] => (0, 0),
        [f, .., l] => (*f, *l),
        [f] => (*f, *f),
    };
    let slot = ((first & 31) as usize) << 5 | (last & 31) as usize;
    (slot, 1 << (w.len() & 31))
}

/// [`MAYBE_TRIGGER`] with the words of `lists` marked (or only the first
/// word of each list when `firsts`).
const fn mark_words(mut table: [u32; 1024], lists: &[&[&str]], firsts: bool) -> [u32; 1024] {
    let mut i = 0;
    while i < lists.len() {
        let list = lists[i];
        let n = if firsts && !list.is_empty() {
            1
        } else {
            list.len()
        };
        let mut j = 0;
        while j < n {
            let (slot, bit) = filter_slot(list[j].as_bytes());
            table[slot] |= bit;
            j += 1;
        }
        i += 1;
    }
    table
}

/// For each [`filter_slot`], the length bits of the words in [`FAMILIES`]
/// there: a word whose bit is clear triggers no family (most words of a
/// sentence), known without hashing it. Built from the same lists as the
/// map (a test checks that it lets every word of the map pass).
const MAYBE_TRIGGER: [u32; 1024] = {
    let mut t = [0u32; 1024];
    t = mark_words(t, ACQUISITION_TRIGGERS, false);
    t = mark_words(t, INVESTMENT_TRIGGERS, false);
    t = mark_words(t, FOUNDER_ROLES, true);
    t = mark_words(t, WORK_ROLES, true);
    t = mark_words(t, LEAD_ROLES, true);
    t = mark_words(t, FOUNDING_TRIGGERS, false);
    t = mark_words(t, SUBSIDIARY_TRIGGERS, false);
    t = mark_words(t, PARTNER_TRIGGERS, false);
    t = mark_words(t, COMPETITOR_TRIGGERS, false);
    t = mark_words(t, CAREER_TRIGGERS, false);
    t = mark_words(t, STAFF_TRIGGERS, false);
    mark_words(t, &[FUNDING], false)
};

/// The rule families word `w` can trigger, and whether it is a funding
/// word: one lookup instead of every family testing its lists, and for
/// most words no more than a table test.
#[inline]
fn families(w: &str) -> u16 {
    let (slot, bit) = filter_slot(w.as_bytes());
    if MAYBE_TRIGGER[slot] & bit == 0 {
        return 0;
    }
    families_of(w)
}

/// [`families`] of a word the filter let pass.
#[inline(never)]
fn families_of(w: &str) -> u16 {
    FAMILIES.get(w).copied().unwrap_or(0)
}

/// Finds the relations of one sentence.
///
/// `types` gives each entity's type by cluster index; `antecedent` is the
/// entity that "it" or "the company" refers to in this sentence.
pub fn extract_sentence(
    items: &[Item<'_>],
    types: &[EntityType],
    antecedent: Option<usize>,
) -> Vec<Found> {
    extract_sentence_in(items, types, antecedent, None)
}

/// [`extract_sentence`] with the document's last fundraiser: round members
/// named in a sentence without a raise verb ("Others in the round include
/// X") invest in it rather than in the sentence's or previous sentence's
/// first organisation.
pub fn extract_sentence_in(
    items: &[Item<'_>],
    types: &[EntityType],
    antecedent: Option<usize>,
    raiser: Option<usize>,
) -> Vec<Found> {
    // Every relation joins two different entities, each named in the
    // sentence or standing for the antecedent or the raiser: most sentences
    // offer fewer than two, and no rule can fire in them.
    if fewer_than_two_entities(items, antecedent, raiser) {
        return Vec::new();
    }
    let mut ctx = Ctx::new(items, types, antecedent, raiser);
    // Each word is looked up once: most trigger no rule family at all, and
    // only the triggers are kept (no vector for a sentence without one).
    let mut funding = false;
    let triggers: Vec<(usize, &str, u16)> = items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| {
            let w = item.word()?;
            let f = families(w);
            funding |= f & FUNDING_WORD != 0;
            (f & !FUNDING_WORD != 0).then_some((i, w, f))
        })
        .collect();
    for &(i, w, f) in &triggers {
        if f & ACQUISITIONS != 0 {
            acquisitions(&mut ctx, i, w);
        }
        if f & INVESTMENTS != 0 {
            investments(&mut ctx, i, w, funding);
        }
        if f & ROLES != 0 {
            roles(&mut ctx, i);
        }
        if f & FOUNDING != 0 {
            founding(&mut ctx, i, w);
        }
        if f & SUBSIDIARIES != 0 {
            subsidiaries(&mut ctx, i, w);
        }
        if f & PARTNERS != 0 {
            partners(&mut ctx, i, w);
        }
        if f & COMPETITORS != 0 {
            competitors(&mut ctx, i, w);
        }
        if f & CAREERS != 0 {
            careers(&mut ctx, i, w);
        }
        if f & STAFF != 0 {
            staff(&mut ctx, i, w);
        }
    }
    hyphen_rules(&mut ctx);
    if !ctx.out.is_empty() {
        attach_quantities(&mut ctx);
    }
    let mut out = ctx.out;
    // One relation per (head, kind, tail) per sentence: keep the first.
    let mut seen = std::collections::HashSet::new();
    out.retain(|f| seen.insert((f.head, f.kind, f.tail)));
    // A person who leads an org does not also work for it.
    let leads: std::collections::HashSet<(usize, usize)> = out
        .iter()
        .filter(|f| f.kind == RelationKind::Leads)
        .map(|f| (f.head, f.tail))
        .collect();
    out.retain(|f| !(f.kind == RelationKind::WorksFor && leads.contains(&(f.head, f.tail))));
    out
}

/// Whether the sentence's entities, its antecedent and the raiser are
/// together fewer than two distinct entities.
fn fewer_than_two_entities(
    items: &[Item<'_>],
    antecedent: Option<usize>,
    raiser: Option<usize>,
) -> bool {
    let mut first = None;
    for c in items
        .iter()
        .filter_map(Item::cluster)
        .chain(antecedent)
        .chain(raiser)
    {
        match first {
            None => first = Some(c),
            Some(f) if f != c => return false,
            Some(_) => {}
        }
    }
    true
}

/// The company a sentence says is raising money, with the amount: "X
/// raised $9 million", "Rao is in talks to raise $1 billion for a new
/// startup called Y". Round members named in later sentences invest in it.
pub fn sentence_raiser(
    items: &[Item<'_>],
    types: &[EntityType],
    antecedent: Option<usize>,
) -> Option<(usize, Option<f64>)> {
    let ctx = Ctx::new(items, types, antecedent, None);
    raise_target(&ctx)
}

/// See [`sentence_raiser`].
fn raise_target(ctx: &Ctx<'_>) -> Option<(usize, Option<f64>)> {
    let items = ctx.items;
    let r = items
        .iter()
        .position(|it| it.word().is_some_and(is_raise_verb))?;
    let hi = (r + 12).min(items.len());
    let amount = (r + 1..hi).find_map(|k| match items[k] {
        Item::Money {
            usd: Some(usd),
            per_share: false,
            ..
        } => Some(usd),
        _ => None,
    });
    // "raise $1 billion for (a new startup called) Y"
    let for_org = (r + 1..hi)
        .find(|&k| ctx.w(k) == "for")
        .and_then(|k| ctx.object(k, 6, |c| ctx.org(c)))
        .and_then(|(_, list)| list.first().copied());
    let subject = ctx.subject(r, |c| ctx.org(c)).first().copied();
    for_org.or(subject).map(|c| (c, amount))
}

/// A fraction stated in words at item k and followed by "of": "a third
/// of", "two-thirds of", "a quarter of", "half of". Returns the item of
/// "of" and the percentage.
fn fraction_at(ctx: &Ctx<'_>, k: usize) -> Option<(usize, f64)> {
    let (len, pct): (usize, f64) = match (ctx.w(k), ctx.w(k + 1), ctx.w(k + 2)) {
        ("a" | "one", "third", _) => (2, 100.0 / 3.0),
        ("a" | "one", "quarter", _) => (2, 25.0),
        ("two", "-", "thirds") => (3, 200.0 / 3.0),
        ("two", "thirds", _) => (2, 200.0 / 3.0),
        ("three", "-", "quarters") => (3, 75.0),
        ("three", "quarters", _) => (2, 75.0),
        // "half of X", not "the first half of 2004".
        ("half", _, _) if k == 0 || !matches!(ctx.w(k - 1), "first" | "second") => (1, 50.0),
        _ => return None,
    };
    let of = k + len;
    (ctx.w(of) == "of").then_some((of, (pct * 10.0).round() / 10.0))
}

fn is_passive(ctx: &Ctx<'_>, i: usize) -> bool {
    let before = (i.saturating_sub(3)..i).any(|k| {
        matches!(
            ctx.w(k),
            "be" | "been" | "being" | "was" | "were" | "is" | "are" | "get" | "got"
        )
    });
    let by = (i + 1..(i + 4).min(ctx.items.len())).any(|k| ctx.w(k) == "by");
    (before && by) || (ctx.w(i + 1) == "by" && i > 0 && ctx.w(i - 1) == ",")
}

fn acquisitions(ctx: &mut Ctx<'_>, i: usize, w: &str) {
    // "Meta's WhatsApp and Instagram purchases", "its Norrik acquisition":
    // the acquired companies stand before the noun, the buyer owns it.
    if ACQ_NOUNS.contains(&w) && i >= 2 && ctx.ent(i - 1).is_some_and(|c| ctx.org(c)) {
        let mut s = i - 1;
        while s >= 2
            && matches!(ctx.w(s - 1), "and" | ",")
            && ctx.ent(s - 2).is_some_and(|c| ctx.org(c))
        {
            s -= 2;
        }
        let tails: Vec<usize> = (s..i).filter_map(|k| ctx.ent(k)).collect();
        let heads: Vec<usize> = if s >= 2 && ctx.w(s - 1) == "'s" {
            ctx.ent(s - 2)
                .filter(|&c| ctx.org(c) || ctx.per(c))
                .into_iter()
                .collect()
        } else if s >= 1 && matches!(ctx.w(s - 1), "its" | "their") {
            ctx.subject(s - 1, |c| ctx.org(c) || ctx.per(c))
        } else {
            Vec::new()
        };
        for &h in &heads {
            for &t in &tails {
                ctx.push(h, RelationKind::Acquired, t, "acq.nominal-pre", 0.7, i);
            }
        }
        if !heads.is_empty() {
            return;
        }
    }
    // "takes over as chief executive" is a role, not a takeover.
    let take = matches!(
        w,
        "take" | "took" | "takes" | "taking" | "gain" | "gained" | "gains"
    );
    // "take over X", "take control of X"
    let take_over = take
        && ((ctx.w(i + 1) == "over" && ctx.w(i + 2) != "as")
            || (ctx.w(i + 1) == "control" && ctx.w(i + 2) == "of"));
    // "the purchase of", "a buy": a noun here; the nominal rule reads it.
    let noun_use = matches!(w, "purchase" | "buy" | "purchases")
        && i > 0
        && matches!(
            ctx.w(i - 1),
            "the"
                | "a"
                | "an"
                | "its"
                | "this"
                | "that"
                | "their"
                | "'s"
                | "future"
                | "proposed"
                | "planned"
                | "pending"
                | "possible"
                | "potential"
        );
    if (ACQ_VERBS.contains(&w) && !noun_use) || take_over {
        if matches!(w, "snapped" | "snaps" | "snap") && ctx.w(i + 1) != "up" {
            return;
        }
        let org_or_per = |c: usize| ctx.org(c) || ctx.per(c);
        if is_passive(ctx, i) {
            let by = (i + 1..(i + 4).min(ctx.items.len())).find(|&k| ctx.w(k) == "by");
            let Some(by) = by else { return };
            let heads = match ctx.object(by, 3, org_or_per) {
                Some((_, h)) => h,
                None => return,
            };
            // "The other two-thirds of X was bought by Y": a share of X.
            let mut tails = Vec::new();
            let mut share = None;
            {
                // The name right before the passive verb ("X was bought").
                let aux = |m: usize| {
                    matches!(
                        ctx.w(m),
                        "was"
                            | "were"
                            | "is"
                            | "are"
                            | "has"
                            | "have"
                            | "been"
                            | "being"
                            | "<markup>"
                    )
                };
                let name = (i.saturating_sub(4)..i)
                    .rev()
                    .find(|&k| ctx.ent(k).is_some())
                    .filter(|&k| (ctx.name_end(k) + 1..i).all(aux));
                let part = name.and_then(|k| {
                    (k.saturating_sub(4)..k).find_map(|f| {
                        fraction_at(ctx, f)
                            .filter(|&(of, _)| of + 1 == k)
                            .map(|(_, p)| p)
                            .or(match ctx.items[f] {
                                Item::Pct(p) if ctx.w(f + 1) == "of" && f + 2 == k => Some(p),
                                _ => None,
                            })
                    })
                });
                if let (Some(k), Some(p)) = (name, part) {
                    tails = ctx.ent(k).filter(|&c| ctx.org(c)).into_iter().collect();
                    share = Some(p);
                }
            }
            if share.is_none() {
                tails = ctx.subject(i, |c| ctx.org(c));
            }
            if share.is_some() {
                push_stakes(ctx, &heads, &tails, share, false, "stake.passive", 0.8, i);
            } else {
                for &t in &tails {
                    for &h in &heads {
                        ctx.push(h, RelationKind::Acquired, t, "acq.passive", 0.85, i);
                    }
                }
            }
            return;
        }
        // Stake purchases: "bought a 9.5 pct stake in Y" / "bought 15 pct of Y".
        let hi = (i + 10).min(ctx.items.len());
        let stake_word = (i + 1..hi).find(|&k| {
            matches!(
                ctx.w(k),
                "stake" | "interest" | "shares" | "holding" | "equity" | "pct" | "percent"
            )
        });
        // A figure, or a fraction in words ("a third of Seagram").
        let mut pct = (i + 1..hi).find_map(|k| match ctx.items[k] {
            Item::Pct(p) => Some((k, p)),
            _ => fraction_at(ctx, k).map(|(of, p)| (of - 1, p)),
        });
        if let Some(sw) = stake_word.or(pct.map(|(k, _)| k)) {
            let first_ent = (i + 1..hi).find(|&k| ctx.ent(k).is_some());
            if first_ent.is_none_or(|e| e > sw) {
                if pct.is_some_and(|(k, _)| k > sw + 2) {
                    pct = None;
                }
                // The holding is "in"/"of" the tail, never "by" it.
                let of_tail = (sw + 1..(sw + 4).min(ctx.items.len()))
                    .find(|&k| matches!(ctx.w(k), "in" | "of" | "into"))
                    .filter(|&k| (sw + 1..k).all(|j| ctx.w(j) != "by"));
                if let Some((_, tails)) = of_tail.and_then(|k| ctx.object(k, 3, |c| ctx.org(c))) {
                    let heads = ctx.subject(i, org_or_per);
                    let p = pct.map(|(_, p)| p);
                    let majority = ctx.w(sw - 1) == "majority";
                    push_stakes(ctx, &heads, &tails, p, majority, "stake.buy", 0.8, i);
                }
                return;
            }
        }
        // "Nervana Systems, which Intel Corp. acquired in 2016": the object
        // is the name the relative clause hangs on.
        if !take_over && i >= 4 {
            let rel = (i.saturating_sub(4)..i - 1).find(|&r| {
                matches!(ctx.w(r), "which" | "that")
                    && r >= 2
                    && ctx.w(r - 1) == ","
                    && ctx.ent(r + 1).is_some_and(org_or_per)
                    && (r + 1..i).all(|k| {
                        ctx.ent(k) == ctx.ent(r + 1) || matches!(ctx.w(k), "<markup>" | ".")
                    })
            });
            if let Some(r) = rel {
                let tail = ctx.name_before(r - 2).filter(|&c| ctx.org(c));
                if let (Some(t), Some(h)) = (tail, ctx.ent(r + 1)) {
                    ctx.push(h, RelationKind::Acquired, t, "acq.relative", 0.8, i);
                    return;
                }
            }
        }
        let from = if take_over && ctx.w(i + 1) == "control" {
            i + 2
        } else if take_over {
            i + 1
        } else if ctx.w(i + 1) == "the"
            && matches!(
                ctx.w(i + 2),
                "team" | "teams" | "company" | "startup" | "makers" | "maker" | "assets"
            )
            && matches!(ctx.w(i + 3), "behind" | "of")
        {
            // "acquires the team behind X": an acqui-hire of X.
            i + 3
        } else {
            i
        };
        // A description can be long: "the Sunnyvale, Calif., defense
        // electronics firm" (a description, not a name further on: "the
        // Canadian oil and gas reserves of X" are assets).
        let described = || {
            ctx.object(from, 11, |c| ctx.org(c))
                .filter(|&(j, _)| ctx.w(from + 1) == "the" && ctx.ent(j).is_none())
        };
        let Some((tj, tails)) = ctx.object(from, 8, |c| ctx.org(c)).or_else(described) else {
            return;
        };
        // "will purchase Renault's stake": something of X, not X; "TO BUY
        // BENEFICIAL UNIT": a unit of X.
        let mut after_tail = tj + 1;
        while after_tail < ctx.items.len()
            && (ctx.ent(after_tail) == ctx.ent(tj) || ctx.w(after_tail) == "<markup>")
        {
            after_tail += 1; // a ticker after the name: "BENEFICIAL <BNL> UNIT"
        }
        if matches!(ctx.w(after_tail), "'s" | "'") {
            return;
        }
        // "ACQUIRES ARCO RESEARCH UNIT": up to two plain words before the
        // unit noun.
        let unit = (after_tail..after_tail + 3)
            .take_while(|&k| {
                let w = ctx.w(k);
                ctx.ent(k).is_none()
                    && !w.is_empty()
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !PREPS.contains(&w)
                    && !matches!(
                        w,
                        "and" | "or" | "its" | "the" | "a" | "an" | "said" | "says"
                    )
            })
            .any(|k| {
                matches!(
                    ctx.w(k),
                    "unit" | "units" | "subsidiary" | "subsidiaries" | "division" | "arm"
                )
            });
        if unit {
            return;
        }
        // "acquire X from Y": X was Y's.
        let (_, tail_end) = ctx.list_from(tj, |c| ctx.org(c));
        let seller = (ctx.w(tail_end + 1) == "from")
            .then(|| ctx.ent(tail_end + 2).filter(|&c| ctx.org(c)))
            .flatten();
        // "buy back", "bought shares from X" are not acquisitions of X.
        if matches!(ctx.w(i + 1), "back" | "from") {
            return;
        }
        let mut heads = ctx.subject(i, org_or_per);
        // "Shanda may boost its stake in Sina, even buying it outright": an
        // object "it" is not the buyer; the nearest other company is.
        let mut tails = tails;
        if ctx.w(tj) == "it" && tails.iter().all(|t| heads.contains(t)) {
            tails = (0..i)
                .rev()
                .find_map(|k| ctx.ent(k).filter(|&c| ctx.org(c) && !heads.contains(&c)))
                .into_iter()
                .collect();
        }
        // "X's publishing unit, Y, agreed to acquire Z": the parent too.
        let parents: Vec<usize> = heads
            .iter()
            .filter_map(|&h| vehicle_parent(ctx, h, i))
            .collect();
        for p in parents {
            if !heads.contains(&p) {
                heads.push(p);
            }
        }
        let before = ctx.out.len();
        for &h in &heads {
            for &t in &tails {
                ctx.push(h, RelationKind::Acquired, t, "acq.active", 0.8, i);
            }
        }
        // "tried to buy X, ..., but lost out to Y": Y bought X and the
        // attempt failed; "outbid by Y": Y's higher offer is a bid.
        let lost = (tail_end + 1..ctx.items.len())
            .take_while(|&k| !matches!(ctx.w(k), "." | ";"))
            .find_map(|k| {
                if ctx.words_at(k, &["lost", "out", "to"])
                    || ctx.words_at(k, &["losing", "out", "to"])
                {
                    Some((k + 2, Status::Completed))
                } else if ctx.words_at(k, &["outbid", "by"]) {
                    Some((k + 1, Status::Proposed))
                } else {
                    None
                }
            });
        if let Some((at, won)) = lost {
            if let Some((_, winners)) = ctx.object(at, 6, |c| ctx.org(c)) {
                if won == Status::Completed {
                    for f in ctx.out.iter_mut().skip(before) {
                        f.status = Some(Status::Denied);
                    }
                }
                for &w in &winners {
                    for &t in &tails {
                        let at = ctx.out.len();
                        ctx.push(w, RelationKind::Acquired, t, "acq.lost-out", 0.7, i);
                        if let Some(f) = ctx.out.get_mut(at) {
                            f.status = Some(won);
                        }
                    }
                }
            }
        }
        if let Some(seller) = seller {
            for &t in &tails {
                if t != seller && !heads.contains(&seller) {
                    ctx.push(
                        t,
                        RelationKind::SubsidiaryOf,
                        seller,
                        "sub.sold-from",
                        0.7,
                        i,
                    );
                }
            }
        }
        return;
    }
    // "a rival offer of $90 million for X": the price between.
    let priced_bid = ctx.w(i + 1) == "of"
        && matches!(ctx.items.get(i + 2), Some(Item::Money { .. }))
        && ctx.w(i + 3) == "for";
    if ACQ_NOUNS.contains(&w)
        || (BID_NOUNS.contains(&w)
            && (matches!(ctx.w(i + 1), "for" | "to" | "by" | "from") || priced_bid))
    {
        let org_or_per = |c: usize| ctx.org(c) || ctx.per(c);
        // "acquisition of TAIL (by HEAD)"
        let mut tails = Vec::new();
        let mut after = i;
        if matches!(ctx.w(i + 1), "of" | "for") {
            if let Some((j, t)) = ctx.object(i + 1, 3, |c| ctx.org(c)) {
                tails = t;
                after = j;
            }
        } else if ctx.w(i + 1) == "to" && ACQ_VERBS.contains(&ctx.w(i + 2)) {
            // "offer to acquire X": the verb rule takes it.
            return;
        }
        if tails.is_empty() {
            // "a hostile bid by rival X" / "takeover by X": the target is
            // the subject of the clause.
            if matches!(ctx.w(i + 1), "by" | "from") && !(i > 0 && ctx.w(i - 1) == "'s") {
                if let Some((_, heads)) = ctx.object(i + 1, 3, |c| ctx.org(c)) {
                    let tails: Vec<usize> = ctx
                        .subject(i, |c| ctx.org(c))
                        .into_iter()
                        .filter(|t| !heads.contains(t))
                        .collect();
                    for &h in &heads {
                        for &t in &tails {
                            ctx.push(h, RelationKind::Acquired, t, "acq.nominal-by", 0.65, i);
                        }
                    }
                }
            }
            return;
        }
        let mut heads = Vec::new();
        if let Some(by) = (after + 1..(after + 3).min(ctx.items.len())).find(|&k| ctx.w(k) == "by")
        {
            match ctx.object(by, 2, org_or_per) {
                Some((_, h)) => heads = h,
                // "the purchase of WMC by Zurich-based X": the buyer is
                // named, just not recognised; guess no other.
                None => return,
            }
        }
        if heads.is_empty() {
            // Possessive: "Meta's $19 billion acquisition of".
            let lo = i.saturating_sub(5);
            for k in (lo..i).rev() {
                if ctx.w(k) == "'s" {
                    // ("'s" may open the sentence: nothing before it.)
                    if let Some(c) = ctx.ent_before(k).filter(|&c| org_or_per(c)) {
                        heads = vec![c];
                    }
                    break;
                }
                if ctx.w(k) == "its" || ctx.w(k) == "their" {
                    heads = ctx.antecedent.into_iter().collect();
                    break;
                }
                if ctx.ent(k).is_some() {
                    break;
                }
            }
        }
        if heads.is_empty() {
            heads = ctx.subject(i, org_or_per);
        }
        if heads.is_empty() {
            // "Pending approval is the purchase of X": the company the text
            // is about.
            heads = ctx
                .antecedent
                .filter(|a| !tails.contains(a))
                .into_iter()
                .collect();
        }
        for &h in &heads {
            for &t in &tails {
                ctx.push(h, RelationKind::Acquired, t, "acq.nominal", 0.7, i);
            }
        }
        return;
    }
    // "X agreed to merge into Y": Y takes X over.
    if matches!(w, "merge" | "merged" | "merges" | "merging") && ctx.w(i + 1) == "into" {
        if let Some((_, heads)) = ctx.object(i + 1, 3, |c| ctx.org(c)) {
            let tails = ctx.subject(i, |c| ctx.org(c));
            for &h in &heads {
                for &t in &tails {
                    ctx.push(h, RelationKind::Acquired, t, "acq.merge-into", 0.75, i);
                }
            }
        }
        return;
    }
    // "sold its X unit to Y": Y acquired X, X was a unit of the seller.
    if matches!(w, "sold" | "sells" | "sell" | "selling") {
        let Some((j, tails)) = ctx.object(i, 4, |c| ctx.org(c)) else {
            return;
        };
        let Some(to) = (j + 1..(j + 5).min(ctx.items.len())).find(|&k| ctx.w(k) == "to") else {
            return;
        };
        let Some((_, buyers)) = ctx.object(to, 3, |c| ctx.org(c) || ctx.per(c)) else {
            return;
        };
        let sellers = ctx.subject(i, |c| ctx.org(c) || ctx.per(c));
        for &t in &tails {
            for &b in &buyers {
                let before = ctx.out.len();
                ctx.push(b, RelationKind::Acquired, t, "acq.sale", 0.75, i);
                if let Some(f) = ctx.out.get_mut(before) {
                    if f.status == Some(Status::Former) {
                        f.status = Some(Status::Completed);
                    }
                }
            }
            if ctx.w(i + 1) == "its" {
                for &s in &sellers {
                    if ctx.org(s) {
                        let before = ctx.out.len();
                        ctx.push(t, RelationKind::SubsidiaryOf, s, "sub.sold", 0.7, i);
                        if let Some(f) = ctx.out.get_mut(before) {
                            f.status = Some(Status::Former);
                        }
                    }
                }
            }
        }
    }
}

/// The parent named in an apposition before entity `c` (left of item
/// `before`): "X's publishing unit, C," or "a unit of X, C,".
fn vehicle_parent(ctx: &Ctx<'_>, c: usize, before: usize) -> Option<usize> {
    const UNITS: &[&str] = &["unit", "subsidiary", "division", "arm", "affiliate"];
    let j = (2..before).find(|&j| ctx.ent(j) == Some(c) && ctx.w(j - 1) == ",")?;
    if !UNITS.contains(&ctx.w(j - 2)) {
        return None;
    }
    let lo = j.saturating_sub(6);
    for k in (lo..j - 2).rev() {
        if ctx.w(k) == "'s" && k >= 1 {
            return ctx.ent(k - 1).filter(|&p| ctx.org(p) && p != c);
        }
        if let Some(p) = ctx.ent(k) {
            // The possessive may be inside the mention ("Gulf Inc's unit").
            return Some(p).filter(|&p| ctx.org(p) && p != c);
        }
        if !ctx.w(k).chars().all(|ch| ch.is_alphabetic() || ch == '-') {
            return None;
        }
    }
    None
}

/// A stake of `heads` in `tails`: 50% or more (or "majority") is an
/// acquisition, anything else an investment; the stake rides along.
#[allow(clippy::too_many_arguments)]
fn push_stakes(
    ctx: &mut Ctx<'_>,
    heads: &[usize],
    tails: &[usize],
    pct: Option<f64>,
    majority: bool,
    rule: &'static str,
    conf: f64,
    trig: usize,
) {
    let kind = if pct.is_some_and(|p| p >= 50.0) || majority {
        RelationKind::Acquired
    } else {
        RelationKind::InvestsIn
    };
    for &h in heads {
        for &t in tails {
            let before = ctx.out.len();
            ctx.push(h, kind, t, rule, conf, trig);
            if let Some(f) = ctx.out.get_mut(before) {
                f.stake_pct = pct;
            }
        }
    }
}

fn investments(ctx: &mut Ctx<'_>, i: usize, w: &str, funding: bool) {
    let investor = |c: usize| ctx.org(c) || ctx.per(c);
    // "KESTREL HAS 96 PCT OF NORRIK": a stated holding.
    if matches!(w, "has" | "have") {
        if let Some(&Item::Pct(p)) = ctx.items.get(i + 1) {
            let at = if matches!(ctx.w(i + 2), "of" | "in") {
                i + 2
            } else {
                i + 1
            };
            if let Some((_, tails)) = ctx.object(at, 1, |c| ctx.org(c)) {
                let heads = ctx.subject(i, investor);
                let before = ctx.out.len();
                push_stakes(ctx, &heads, &tails, Some(p), false, "stake.has", 0.75, i);
                for f in ctx.out.iter_mut().skip(before) {
                    f.status = Some(Status::Completed);
                }
            }
        }
        return;
    }
    // "X repurchased 381,050 of its shares or 9.1 pct from Y": Y held a
    // stake in X and sold it back.
    if matches!(
        w,
        "repurchased" | "repurchases" | "repurchase" | "repurchasing"
    ) || (matches!(w, "bought" | "buys" | "buy" | "buying") && ctx.w(i + 1) == "back")
    {
        let hi = (i + 14).min(ctx.items.len());
        let Some(from) = (i + 1..hi)
            .take_while(|&k| ctx.ent(k).is_none() && !CLAUSE_BREAKS.contains(&ctx.w(k)))
            .find(|&k| ctx.w(k) == "from")
        else {
            return;
        };
        let own = (i + 1..from).any(|k| matches!(ctx.w(k), "its" | "own"))
            && (i + 1..from).any(|k| matches!(ctx.w(k), "shares" | "stock" | "stake"));
        if !own {
            return;
        }
        let pct = (i + 1..from).find_map(|k| match ctx.items[k] {
            Item::Pct(p) => Some(p),
            _ => None,
        });
        let Some((_, sellers)) = ctx.object(from, 3, investor) else {
            return;
        };
        for &b in &ctx.subject(i, |c| ctx.org(c)) {
            for &s in &sellers {
                let before = ctx.out.len();
                ctx.push(s, RelationKind::InvestsIn, b, "inv.repurchased", 0.7, i);
                if let Some(f) = ctx.out.get_mut(before) {
                    f.status = Some(Status::Former);
                    f.stake_pct = pct;
                }
            }
        }
        return;
    }
    // "invested $5 million in Tally"
    if INVEST_VERBS.contains(&w) {
        let hi = (i + 8).min(ctx.items.len());
        let Some(inn) = (i + 1..hi).find(|&k| matches!(ctx.w(k), "in" | "into")) else {
            return;
        };
        if (i + 1..inn).any(|k| ctx.ent(k).is_some()) {
            return;
        }
        if matches!(w, "put" | "puts")
            && !(i + 1..inn).any(|k| matches!(ctx.items[k], Item::Money { .. }))
        {
            return;
        }
        let Some((_, tails)) = ctx.object(inn, 3, |c| ctx.org(c)) else {
            return;
        };
        let heads = ctx.subject(i, investor);
        for &h in &heads {
            for &t in &tails {
                ctx.push(h, RelationKind::InvestsIn, t, "inv.verb", 0.8, i);
            }
        }
        return;
    }
    // "investment in X", "stake in X"
    // "investment (of $14.3 billion) in X"
    let mut inn = i + 1;
    if matches!(w, "investment" | "investments") && ctx.w(inn) == "of" {
        let mut k = inn + 1;
        while k < (inn + 5).min(ctx.items.len())
            && (matches!(ctx.items[k], Item::Money { .. })
                || matches!(
                    ctx.w(k),
                    "about"
                        | "nearly"
                        | "some"
                        | "approximately"
                        | "around"
                        | "over"
                        | "more"
                        | "than"
                        | "up"
                        | "to"
                ))
        {
            k += 1;
        }
        if k > inn + 1 && matches!(ctx.w(k), "in" | "into") {
            inn = k;
        }
    }
    if INVEST_NOUNS.contains(&w) && matches!(ctx.w(inn), "in" | "into") {
        if w == "interest"
            && !matches!(
                ctx.w(i.saturating_sub(1)),
                "minority" | "majority" | "controlling" | "equity"
            )
            && !matches!(ctx.items.get(i.saturating_sub(1)), Some(Item::Pct(_)))
        {
            return;
        }
        let Some((_, tails)) = ctx.object(inn, 3, |c| ctx.org(c)) else {
            return;
        };
        let mut heads = Vec::new();
        let lo = i.saturating_sub(8);
        for k in (lo..i).rev() {
            if ctx.w(k) == "'s" {
                if let Some(c) = ctx.ent_before(k).filter(|&c| investor(c)) {
                    heads = vec![c];
                }
                break;
            }
            if matches!(ctx.w(k), "its" | "their") {
                // "X raised its stake": the sentence's X, else the text's.
                heads = ctx
                    .pronoun_at(k)
                    .or(ctx.antecedent)
                    .filter(|c| !tails.contains(c))
                    .into_iter()
                    .collect();
                break;
            }
            if ctx.ent(k).is_some() {
                break;
            }
        }
        if heads.is_empty() {
            if let Some(by) = (i + 2..(i + 6).min(ctx.items.len())).find(|&k| {
                // A stake "from X" names the seller, not the investor.
                ctx.w(k) == "by" || (ctx.w(k) == "from" && w.starts_with("investment"))
            }) {
                if let Some((_, h)) = ctx.object(by, 2, investor) {
                    heads = h;
                }
            }
        }
        if heads.is_empty() {
            heads = ctx.subject(i, investor);
        }
        let pct = (i.saturating_sub(4)..i)
            .find_map(|k| match ctx.items[k] {
                Item::Pct(p) => Some(p),
                _ => None,
            })
            .or_else(|| {
                // "its stake in X to 28.5 pct": the stake it reaches.
                let hi = (inn + 8).min(ctx.items.len());
                let to = (inn + 1..hi).find(|&k| ctx.w(k) == "to")?;
                match ctx.items.get(to + 1) {
                    Some(Item::Pct(p)) => Some(*p),
                    _ => None,
                }
            });
        let majority =
            (i.saturating_sub(3)..i).any(|k| matches!(ctx.w(k), "majority" | "controlling"));
        push_stakes(ctx, &heads, &tails, pct, majority, "inv.noun", 0.75, i);
        return;
    }
    // "X pct owned by Y" / "owned by Y" / "owned 30 pct by Y" / "owned
    // 50/50 by A and B"
    let owned_by = (w == "owned")
        .then(|| {
            (i + 1..(i + 5).min(ctx.items.len()))
                .find(|&k| ctx.w(k) == "by")
                .filter(|&by| {
                    (i + 1..by).all(|k| {
                        matches!(ctx.items[k], Item::Pct(_))
                            || matches!(ctx.w(k), "50/50" | "50-50" | "equally" | "jointly" | "/")
                            || ctx.w(k).bytes().all(|b| b.is_ascii_digit())
                    })
                })
        })
        .flatten();
    if let Some(by) = owned_by {
        let Some((_, owners)) = ctx.object(by, 6, investor) else {
            return;
        };
        let halves = owners.len() == 2
            && (i + 1..by).any(|k| matches!(ctx.w(k), "50/50" | "50-50" | "equally" | "/"));
        let pct = match i.checked_sub(1).map(|k| &ctx.items[k]) {
            Some(Item::Pct(p)) => Some(*p),
            _ => (i + 1..by).find_map(|k| match ctx.items[k] {
                Item::Pct(p) => Some(p),
                _ => None,
            }),
        }
        .or(halves.then_some(50.0));
        let owned = ctx.subject(i, |c| ctx.org(c));
        for &o in &owned {
            for &h in &owners {
                let (kind, rule) = match pct {
                    // Held half-and-half, neither owner controls it.
                    _ if halves => (RelationKind::InvestsIn, "inv.owned-jointly"),
                    Some(p) if p < 50.0 => (RelationKind::InvestsIn, "inv.owned"),
                    _ if ctx.per(h) => (RelationKind::Acquired, "acq.owned"),
                    _ => (RelationKind::SubsidiaryOf, "sub.owned"),
                };
                let before = ctx.out.len();
                if kind == RelationKind::SubsidiaryOf {
                    ctx.push(o, kind, h, rule, 0.75, i);
                } else {
                    ctx.push(h, kind, o, rule, 0.75, i);
                }
                if let Some(f) = ctx.out.get_mut(before) {
                    f.stake_pct = pct;
                    if f.kind != RelationKind::SubsidiaryOf {
                        f.status = Some(Status::Completed);
                    }
                }
            }
        }
        return;
    }
    if !funding {
        return;
    }
    if investor_roles(ctx, i, w) {
        return;
    }
    // Funding rounds: "led by A", "participation from B", "backed by C",
    // "investors including D", "from E" after raised.
    let lead = (matches!(w, "led" | "co-led") && ctx.w(i + 1) == "by")
        // "Others in the round include X": a round's member list.
        || (matches!(w, "include" | "includes" | "included" | "including")
            && (i.saturating_sub(4)..i).any(|k| matches!(ctx.w(k), "round" | "deal" | "financing")))
        || (w == "participation" && matches!(ctx.w(i + 1), "from" | "of" | "by"))
        || (w == "backed" && ctx.w(i + 1) == "by")
        || (matches!(w, "investors" | "backers" | "investor")
            && (matches!(
                ctx.w(i + 1),
                "including" | "include" | "includes" | "included" | "like" | "such"
            ) || (ctx.w(i + 1) == "," && ctx.w(i + 2) == "including")
                || (matches!(ctx.w(i + 1), "," | ":")
                    && ctx.ent(i + 2).is_some()
                    && ctx.ent(i.saturating_sub(1)).is_none())))
        || (w == "from"
            && (i.saturating_sub(8)..i).any(|k| {
                matches!(
                    ctx.w(k),
                    "raised"
                        | "raises"
                        | "raise"
                        | "raising"
                        | "secured"
                        | "funding"
                        | "investment"
                )
            }));
    if !lead {
        return;
    }
    let investors = investor_list(ctx, i + 1);
    if investors.is_empty() {
        return;
    }
    // The company raising: subject of "raised", else the antecedent.
    let raise_at = (0..i).rev().find(|&k| is_raise_verb(ctx.w(k)));
    // "Y, a startup backed by X": the backed company is the phrase before.
    let backed_np = if w == "backed" {
        (i.saturating_sub(8)..i).rev().find_map(|k| {
            ctx.ent(k)
                .filter(|&c| ctx.org(c) && !investors.contains(&c))
        })
    } else {
        None
    };
    let raisers = match (backed_np, raise_at) {
        (Some(b), _) => vec![b],
        (None, Some(r)) => ctx.subject(r, |c| ctx.org(c)),
        (None, None) => {
            // "The round was led by X": the company from context.
            let first_org = (0..i).find_map(|k| {
                ctx.ent(k)
                    .filter(|&c| ctx.org(c) && !investors.contains(&c))
            });
            first_org
                .or(ctx.raiser.filter(|c| !investors.contains(c)))
                .or(ctx.antecedent)
                .into_iter()
                .collect()
        }
    };
    let rule = if w == "backed" {
        "inv.backed-by"
    } else {
        "inv.round"
    };
    for &r in &raisers {
        for &inv in &investors {
            if inv != r {
                let before = ctx.out.len();
                ctx.push(inv, RelationKind::InvestsIn, r, rule, 0.8, i);
                if let Some(f) = ctx.out.get_mut(before) {
                    if matches!(f.status, Some(Status::Announced)) {
                        f.status = Some(Status::Completed);
                    }
                }
            }
        }
    }
}

/// Holders and round members named around an investor noun or verb:
/// "X investors A and B", "A and B, two major X backers", "A also
/// participated in the round", "A agreed to lead the investment".
/// Returns whether a pattern matched.
fn investor_roles(ctx: &mut Ctx<'_>, i: usize, w: &str) -> bool {
    let investor = |c: usize| ctx.org(c) || ctx.per(c);
    let mut found: Vec<(usize, usize, &'static str, bool)> = Vec::new();
    if matches!(
        w,
        "investors" | "backers" | "investor" | "backer" | "shareholders" | "shareholder"
    ) && i > 0
    {
        if let Some(x) = ctx.ent(i - 1).filter(|&c| ctx.org(c)) {
            if ctx.ent(i + 1).is_some()
                || (matches!(ctx.w(i + 1), "," | "such" | "like" | "including")
                    && ctx.ent(i + 2).is_some())
            {
                // "X investors A and B"
                for inv in investor_list(ctx, i + 1) {
                    found.push((inv, x, "inv.holder", true));
                }
            } else {
                // "A and B, two major X backers"
                let mut k = i - 1;
                let mut steps = 0;
                while k > 0 && steps < 4 && ctx.w(k - 1) != "," && ctx.ent(k - 1).is_none() {
                    k -= 1;
                    steps += 1;
                }
                if k >= 2 && ctx.w(k - 1) == "," && ctx.ent(k - 2).is_some() {
                    let heads = ctx.subject(k - 1, investor);
                    for h in heads {
                        found.push((h, x, "inv.holder", true));
                    }
                }
            }
        }
    }
    let round_noun = |k: usize| {
        matches!(
            ctx.w(k),
            "round" | "deal" | "financing" | "investment" | "raise" | "funding"
        )
    };
    let joins = matches!(
        w,
        "participated"
            | "participating"
            | "participate"
            | "participates"
            | "joined"
            | "joins"
            | "join"
    );
    // "A participated in X's $17 million Series B": the round's owner.
    let owner = (joins && ctx.w(i + 1) == "in")
        .then(|| ctx.ent(i + 2).filter(|&c| ctx.org(c)))
        .flatten()
        .filter(|_| {
            let end = ctx.name_end(i + 2);
            matches!(ctx.w(end + 1), "'s" | "'")
                && (end + 2..(end + 8).min(ctx.items.len()))
                    .take_while(|&k| ctx.ent(k).is_none() && !CLAUSE_BREAKS.contains(&ctx.w(k)))
                    .any(|k| round_noun(k) || matches!(ctx.w(k), "series" | "seed"))
        });
    let member = (joins && (round_noun(i + 2) || round_noun(i + 3) || owner.is_some()))
        || (matches!(
            w,
            "lead" | "leads" | "led" | "leading" | "co-led" | "co-lead"
        ) && matches!(ctx.w(i + 1), "the" | "this" | "its")
            && round_noun(i + 2))
        // "X joined as a new investor"
        || (matches!(w, "joined" | "joins" | "join" | "came")
            && ctx.w(i + 1) == "as"
            && (i + 2..(i + 5).min(ctx.items.len()))
                .take_while(|&k| ctx.ent(k).is_none())
                .any(|k| matches!(ctx.w(k), "investor" | "backer" | "shareholder" | "investors" | "backers")));
    if member {
        // "A and B, a founder of C, also participated": skip the apposition.
        let mut at = i;
        if i >= 2 && (matches!(ctx.w(i - 1), "," | "also") || ctx.w(i - 2) == ",") {
            let lo = i.saturating_sub(16);
            if let Some(k) = (lo..i.saturating_sub(2)).rev().find(|&k| {
                ctx.w(k) == ","
                    && matches!(ctx.w(k + 1), "a" | "an" | "the")
                    && k >= 1
                    && ctx.ent(k - 1).is_some()
            }) {
                at = k;
            }
        }
        let heads = ctx.subject(at, investor);
        let raiser = owner
            .filter(|c| !heads.contains(c))
            .or(raise_target(ctx).map(|(c, _)| c))
            .filter(|c| !heads.contains(c))
            .or(ctx.raiser.filter(|c| !heads.contains(c)))
            .or(ctx.antecedent.filter(|c| !heads.contains(c)))
            .or((0..ctx.items.len())
                .find_map(|k| ctx.ent(k).filter(|&c| ctx.org(c) && !heads.contains(&c))));
        if let Some(r) = raiser {
            for h in heads {
                found.push((h, r, "inv.member", false));
            }
        }
    }
    if found.is_empty() {
        return false;
    }
    for (h, t, rule, holding) in found {
        if h == t {
            continue;
        }
        let before = ctx.out.len();
        ctx.push(h, RelationKind::InvestsIn, t, rule, 0.75, i);
        if let Some(f) = ctx.out.get_mut(before) {
            if holding || matches!(f.status, Some(Status::Announced) | None) {
                f.status = Some(Status::Completed);
            }
        }
    }
    true
}

/// The investors named from item `p` on: entities separated by commas,
/// "and", "with participation from" and the like. `X's PERSON` names the
/// firm X; `X's venture arm Y` names Y.
fn investor_list(ctx: &Ctx<'_>, p: usize) -> Vec<usize> {
    const FILLER: &[&str] = &[
        ",",
        "and",
        "with",
        "actor",
        "billionaire",
        "entrepreneur",
        "investment",
        "private",
        "equity",
        "credit",
        "growth",
        "venture",
        "management",
        "consultancy",
        "giant",
        "two",
        "three",
        "several",
        "backer",
        "previous",
        "participation",
        "from",
        "as",
        "well",
        "including",
        "other",
        "investors",
        "existing",
        "new",
        "also",
        "the",
        "its",
        "such",
        "like",
        "include",
        "includes",
        "included",
        "by",
        "of",
        "plus",
        "along",
        "alongside",
        "returning",
        "backers",
        "participating",
        "firms",
        "firm",
        "investor",
        "angel",
        "angels",
        "&",
        "co-led",
        "led",
        "both",
        "a",
        "an",
        "strategic",
        "venture",
        "capital",
        "fund",
        "funds",
    ];
    let n = ctx.items.len();
    let investor = |c: usize| ctx.org(c) || ctx.per(c);
    let mut out = Vec::new();
    let mut k = p;
    let mut gap = 0;
    while k < n && gap <= 4 {
        if let Some(c) = ctx.ent(k) {
            gap = 0;
            let mut pick = c;
            let mut next = k + 1;
            if ctx.w(k + 1) == "'s" {
                // Look past the possessive for the real investor.
                let mut j = k + 2;
                while j < n
                    && j < k + 6
                    && ctx.ent(j).is_none()
                    && ctx.w(j).chars().all(|ch| ch.is_alphabetic() || ch == '-')
                    && !ctx.w(j).is_empty()
                    && !matches!(ctx.w(j), "and" | "with")
                {
                    j += 1;
                }
                if let Some(d) = ctx.ent(j) {
                    if ctx.org(d) {
                        pick = d;
                    }
                    next = j + 1;
                } else {
                    next = j;
                }
            }
            if investor(pick) && !out.contains(&pick) {
                out.push(pick);
            }
            k = next;
            continue;
        }
        let w = ctx.w(k);
        if FILLER.contains(&w) {
            gap += 1;
            k += 1;
            continue;
        }
        break;
    }
    out
}

/// Matches the longest role phrase at item i: (length, kind) where kind is
/// Leads, WorksFor or Founded.
fn role_at(ctx: &Ctx<'_>, i: usize) -> Option<(usize, RelationKind)> {
    // The first word of a role phrase: most items start none, and are
    // rejected with one lookup.
    if families(ctx.w(i)) & ROLES == 0 {
        return None;
    }
    let mut best: Option<(usize, RelationKind)> = None;
    let w = ctx.w(i);
    for (set, kind) in [
        (FOUNDER_ROLES, RelationKind::Founded),
        (WORK_ROLES, RelationKind::WorksFor),
        (LEAD_ROLES, RelationKind::Leads),
    ] {
        for p in set {
            if phrase_at(ctx, i, w, p) && best.is_none_or(|(l, _)| p.len() > l) {
                best = Some((p.len(), kind));
            }
        }
    }
    // "chief innovation officer", "chief people officer": any other chief
    // officer works for the org.
    if ctx.w(i) == "chief" && best.is_none_or(|(l, _)| l < 3) {
        // "chief information technology officer": up to three words.
        let word = |k: usize| {
            let w = ctx.w(k);
            !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '-') && w != "executive"
        };
        for len in 1..=3 {
            if ctx.w(i + 1 + len) == "officer" && (i + 1..=i + len).all(word) {
                return Some((len + 2, RelationKind::WorksFor));
            }
        }
    }
    // "head of sales" is a function, not the org; "head of artificial
    // intelligence at Databricks" works there.
    if let Some((1, RelationKind::Leads)) = best {
        if matches!(ctx.w(i), "head" | "chief") && ctx.w(i + 1) == "of" && ctx.ent(i + 2).is_none()
        {
            let at = (i + 2..(i + 7).min(ctx.items.len()))
                .take_while(|&k| {
                    ctx.ent(k).is_none()
                        && ctx.w(k) != "at"
                        && ctx.w(k).chars().all(|c| c.is_lowercase() || c == '-')
                })
                .last()
                .map_or(i + 2, |k| k + 1);
            if at > i + 2 && ctx.w(at) == "at" && ctx.ent(at + 1).is_some() {
                return Some((at - i, RelationKind::WorksFor));
            }
            return None;
        }
        if ctx.w(i) == "chief" {
            return None;
        }
    }
    best
}

fn push_role(
    ctx: &mut Ctx<'_>,
    per: usize,
    org: usize,
    kind: RelationKind,
    rule: &'static str,
    trig: usize,
    also_lead: bool,
) {
    ctx.push(per, kind, org, rule, 0.8, trig);
    if also_lead && kind == RelationKind::Founded {
        ctx.push(per, RelationKind::Leads, org, rule, 0.75, trig);
    }
}

fn roles(ctx: &mut Ctx<'_>, i: usize) {
    let Some((len, kind)) = role_at(ctx, i) else {
        return;
    };
    // "founder and chief executive", "co-founder and CEO"
    let mut end = i + len;
    let mut also_lead = false;
    if kind == RelationKind::Founded && ctx.w(end) == "and" {
        if let Some((l2, k2)) = role_at(ctx, end + 1) {
            also_lead = k2 == RelationKind::Leads;
            end = end + 1 + l2;
        }
    }
    if kind == RelationKind::Leads && ctx.w(end) == "and" {
        if let Some((l2, RelationKind::Founded)) = role_at(ctx, end + 1) {
            // "chief executive and co-founder": leads + founded.
            end = end + 1 + l2;
            also_lead = true;
        }
    }
    // "chairman and chief executive of Renault": one role phrase.
    let mut kind = kind;
    if !also_lead && ctx.w(end) == "and" {
        if let Some((l2, k2)) = role_at(ctx, end + 1) {
            if matches!(ctx.w(end + 1 + l2), "of" | "at")
                && k2 != RelationKind::Founded
                // "president of agricultural solutions" is a function.
                && (ctx.ent(end + 2 + l2).is_some()
                    || matches!(ctx.w(end + 2 + l2), "the" | "its"))
            {
                if k2 == RelationKind::Leads {
                    kind = RelationKind::Leads;
                }
                end = end + 1 + l2;
            }
        }
    }
    let kind = if also_lead && kind == RelationKind::Leads {
        RelationKind::Founded
    } else {
        kind
    };
    // Modifiers before the role: former, interim, acting, new, its.
    let mut b = i;
    while b > 0
        && matches!(
            ctx.w(b - 1),
            "former"
                | "ex"
                | "ex-"
                | "-"
                | "interim"
                | "acting"
                | "new"
                | "then"
                | "current"
                | "outgoing"
                | "incoming"
                | "longtime"
                | "founding"
                | "deputy"
                | "senior"
                | "executive"
                | "group"
                | "global"
                | "joint"
                | "its"
                | "the"
                | "a"
                | "an"
                | "notoriously"
                | "independent"
                | "company"
                | "co"
        )
    {
        if matches!(ctx.w(b - 1), "deputy" | "senior") && kind == RelationKind::Leads {
            return; // deputy chairman etc. are not leaders; WORK_ROLES handle the listed ones
        }
        b -= 1;
    }
    // "its highly successful boss", "Nissan's long-serving chief executive":
    // plain lower-case modifiers after a possessive.
    if kind == RelationKind::Leads && (b == 0 || !matches!(ctx.w(b - 1), "its" | "'s")) {
        let mut k = b;
        while k > 0 && b - k < 3 {
            let m = ctx.w(k - 1);
            if m.is_empty()
                || !m.chars().all(|ch| ch.is_alphabetic() || ch == '-')
                || matches!(
                    m,
                    "and"
                        | "or"
                        | "is"
                        | "was"
                        | "as"
                        | "the"
                        | "a"
                        | "an"
                        | "to"
                        | "of"
                        | "who"
                        | "be"
                        | "will"
                        | "has"
                        | "said"
                        | "says"
                        | "its"
                        | "their"
                )
            {
                break;
            }
            k -= 1;
        }
        if k < b && k > 0 && matches!(ctx.w(k - 1), "its" | "'s") {
            b = k - 1;
            if ctx.w(b) == "'s" {
                b += 1;
            }
        }
    }
    // ", a telecoms analyst with": free modifiers after an article.
    for gap in 1..=2 {
        if b > gap
            && matches!(ctx.w(b - gap - 1), "a" | "an" | "the")
            && (b - gap..b).all(|k| {
                let w = ctx.w(k);
                !w.is_empty()
                    && w.chars().all(|c| c.is_lowercase() || c == '-')
                    && !matches!(w, "and" | "or" | "of" | "in" | "at" | "for" | "with" | "to")
            })
        {
            b -= gap + 1;
            break;
        }
    }
    let its = (b..i).any(|k| ctx.w(k) == "its");
    // Org before the role: "Chrysler Chairman Lee Iacocca", "Snap's CEO X".
    let mut org_before = None;
    if b > 0 {
        if let Some(c) = ctx.ent(b - 1).filter(|&c| ctx.org(c)) {
            org_before = Some(c);
        } else if ctx.w(b - 1) == "'s" && b >= 2 {
            org_before = ctx.ent(b - 2).filter(|&c| ctx.org(c));
        }
    }
    if its && org_before.is_none() {
        // "invested in Scale AI and recruited its CEO": the nearest
        // organisation before, whatever its role in the clause.
        let lo = b.saturating_sub(15);
        org_before = (lo..b)
            .rev()
            .find_map(|k| ctx.ent(k).filter(|&c| ctx.org(c)))
            .or(ctx.antecedent);
    }
    // Org after the role: "CEO of Scale AI", "analyst at Kestrel".
    let mut org_after = None;
    if matches!(ctx.w(end), "of" | "at" | "for" | "with") {
        let mut k = end + 1;
        if ctx.w(k) == "the" {
            k += 1;
        }
        org_after = ctx.ent(k).filter(|&c| ctx.org(c));
        // "CEO of banking giant Barclays": descriptors before the name.
        if org_after.is_none() {
            let mut d = k;
            while d < k + 6
                && ctx.ent(d).is_none()
                && !ctx.w(d).is_empty()
                && ctx.w(d).chars().all(|c| c.is_lowercase() || c == '-')
                && !matches!(
                    ctx.w(d),
                    "and" | "or" | "of" | "in" | "at" | "for" | "its" | "his" | "her" | "their"
                )
            {
                d += 1;
            }
            if d > k {
                org_after = ctx.ent(d).filter(|&c| ctx.org(c));
            }
        }
        if org_after.is_none() {
            org_after = ctx.pronoun_at(k);
        }
        // "chair of the Indian firm": a descriptor after one or two modifiers.
        if org_after.is_none() && ctx.w(k - 1) == "the" {
            for d in k + 1..k + 3 {
                if DESCRIPTORS.contains(&ctx.w(d))
                    && (k..d)
                        .all(|m| ctx.ent(m).is_none() && ctx.w(m).chars().all(char::is_alphabetic))
                {
                    let here = (0..b).find_map(|m| ctx.ent(m).filter(|&c| ctx.org(c)));
                    org_after = here.or(ctx.antecedent);
                    break;
                }
            }
        }
    }
    // Person after the role: "CEO Evan Spiegel", "chairman, Lee Iacocca".
    let mut p = end;
    if ctx.w(p) == "," && org_after.is_none() {
        p += 1;
    }
    let per_after = if org_after.is_some() {
        // "CEO of Scale AI, Alexandr Wang" / "CEO of Scale AI Alexandr Wang"
        let mut q = end + 2;
        if ctx.w(end + 1) == "the" {
            q += 1;
        }
        if ctx.w(q) == "," {
            q += 1;
        }
        ctx.ent(q).filter(|&c| ctx.per(c))
    } else {
        ctx.ent(p).filter(|&c| ctx.per(c))
    };
    // Person before: "Wang, CEO of Scale AI", "Wang, the company's CEO",
    // "Wang is the CEO of", "Wang, who is CEO of".
    let mut per_before = None;
    let mut per_before_at = 0;
    {
        let mut k = b;
        // skip "Y's" possessive org between comma and role
        if org_before.is_some() && k >= 2 && ctx.w(k - 1) == "'s" {
            k -= 2;
        } else if org_before.is_some() && k >= 1 && ctx.ent(k - 1).is_some() {
            k -= 1;
            // "Dunn, a former Facebook and Dropbox employee": the other
            // employers coordinated before, then the article.
            while k >= 2 && ctx.w(k - 1) == "and" && ctx.ent(k - 2).is_some_and(|c| ctx.org(c)) {
                k -= 2;
            }
            while k >= 1 && matches!(ctx.w(k - 1), "a" | "an" | "the" | "former" | "ex" | "then") {
                k -= 1;
            }
        }
        let mut steps = 0;
        while k > 0 && steps < 5 {
            let w = ctx.w(k - 1);
            if matches!(
                w,
                "," | "is"
                    | "was"
                    | "as"
                    | "became"
                    | "becomes"
                    | "become"
                    | "named"
                    | "appointed"
                    | "who"
                    | "has"
                    | "been"
                    | "will"
                    | "be"
                    | "remains"
                    | "remained"
                    | "serves"
                    | "served"
                    | "also"
                    | "to"
                    | "takes"
                    | "took"
                    | "take"
                    | "over"
                    | "now"
                    | "stays"
                    | "stay"
                    | "formerly"
                    | "previously"
                    | "once"
                    | "currently"
            ) {
                k -= 1;
                steps += 1;
                continue;
            }
            break;
        }
        if k > 0 && k < b {
            per_before = ctx.ent(k - 1).filter(|&c| ctx.per(c));
            per_before_at = k - 1;
        }
    }
    if org_after.is_none()
        && org_before.is_none()
        && per_after.is_some()
        && b >= 1
        && matches!(
            ctx.w(b - 1),
            "named" | "appointed" | "hired" | "promoted" | "installed"
        )
    {
        // "X appointed new CEO Y"
        org_before = ctx.subject(b - 1, |c| ctx.org(c)).first().copied();
    }
    // "analyst Nick Bubb of Evolution Securities": the org after the person.
    if org_after.is_none() && org_before.is_none() {
        if let Some(pa) = per_after {
            if let Some(pj) =
                (end..(end + 3).min(ctx.items.len())).find(|&k| ctx.ent(k) == Some(pa))
            {
                if matches!(ctx.w(pj + 1), "of" | "at") {
                    org_after = ctx.ent(pj + 2).filter(|&c| ctx.org(c));
                }
            }
        }
    }
    // "Founders A and B" opening a sentence: the founders of the company
    // the text is about.
    if org_after.is_none()
        && org_before.is_none()
        && kind == RelationKind::Founded
        && (b == 0 || matches!(ctx.w(b - 1), "its" | "their"))
    {
        if let Some(pa) = per_after {
            let (list, _) = ctx.list_from(
                (end..(end + 2).min(ctx.items.len()))
                    .find(|&k| ctx.ent(k) == Some(pa))
                    .unwrap_or(end),
                |c| ctx.per(c),
            );
            if let Some(a) = ctx.antecedent {
                for p in list {
                    ctx.push(p, RelationKind::Founded, a, "found.founders", 0.6, i);
                }
            }
        }
    }
    // "CEO Will Bryk says" in a sentence naming no organisation: the
    // company the text is about.
    // "..., says co-founder and CEO Adam Compain": a quote attributed to a
    // title with no company is the sentence's subject company's.
    let no_org_here = !(0..ctx.items.len()).any(|k| ctx.ent(k).is_some_and(|c| ctx.org(c)));
    let attribution = b >= 1 && matches!(ctx.w(b - 1), "says" | "said");
    // "President Obama", "Vice president Rangel": a head of state, most
    // often, not the text's company's head.
    let political = matches!(ctx.w(i), "president" | "vice" | "governor" | "minister");
    if org_after.is_none()
        && !political
        && org_before.is_none()
        && (no_org_here || attribution)
        && (kind == RelationKind::Leads || also_lead)
        // "co-chief executive X": a chief executive all the same.
        && (b == i
            || (b + 2 == i
                && ctx.words_at(b, &["co", "-"])
                && matches!(ctx.w(i), "chief" | "ceo")
                && !also_lead)
            || attribution)
        && per_after.is_some()
    {
        let topic = if no_org_here {
            ctx.antecedent
        } else {
            (0..b)
                .find(|&k| {
                    ctx.ent(k).is_some_and(|c| ctx.org(c))
                        && !(k > 0 && (PREPS.contains(&ctx.w(k - 1)) || ctx.w(k - 1) == "by"))
                })
                .and_then(|k| ctx.ent(k))
        };
        if let (Some(a), Some(p)) = (topic, per_after) {
            push_role(ctx, p, a, kind, "role.topic", i, also_lead);
            return;
        }
    }
    let org = org_after.or(org_before);
    let mut per = per_after.or(per_before);
    // "A will succeed B as president of X": A is the new head, B the one
    // in office until then.
    if let (Some(o), Some(pb), None) = (org, per_before, per_after) {
        let verb = per_before_at.checked_sub(1).filter(|&v| {
            matches!(
                ctx.w(v),
                "succeed" | "succeeds" | "succeeded" | "succeeding" | "replace" | "replaces"
            )
        });
        if let Some(v) = verb.filter(|_| kind == RelationKind::Leads) {
            let before = ctx.out.len();
            ctx.push(pb, kind, o, "role.succeeded", 0.75, i);
            if let Some(f) = ctx.out.get_mut(before) {
                f.status = None;
            }
            per = ctx.subject(v, |c| ctx.per(c)).first().copied();
        }
    }
    if let (Some(o), Some(p)) = (org, per) {
        let rule = if per_after.is_some() && org_before.is_some() {
            "role.compound"
        } else {
            "role.apposition"
        };
        push_role(ctx, p, o, kind, rule, i, also_lead);
        // "a former Facebook and Dropbox employee": every employer named.
        if org_after.is_none() && b >= 1 && ctx.ent(b - 1) == Some(o) {
            let mut k = b - 1;
            while k >= 2 && matches!(ctx.w(k - 1), "and" | ",") {
                let Some(c) = ctx.ent(k - 2).filter(|&c| ctx.org(c)) else {
                    break;
                };
                push_role(ctx, p, c, kind, rule, i, also_lead);
                k -= 2;
            }
        }
    }
    // "named X chief executive", "appointed X as CEO": subject org names a
    // person.
    let bb = if b >= 1 && ctx.w(b - 1) == "as" {
        b - 1
    } else {
        b
    };
    if per.is_none() && bb >= 1 {
        if let Some(pc) = ctx.ent(bb - 1).filter(|&c| ctx.per(c)) {
            if bb >= 2 && matches!(ctx.w(bb - 2), "named" | "appointed" | "hired" | "promoted") {
                let orgs = ctx.subject(bb - 2, |c| ctx.org(c));
                if let Some(&o) = orgs.first() {
                    push_role(ctx, pc, o, kind, "role.named", i, also_lead);
                }
            }
        }
    }
}

fn founding(ctx: &mut Ctx<'_>, i: usize, w: &str) {
    // "X, whose (other) founders are head of design A and B".
    if matches!(w, "founders" | "co-founders" | "cofounders") {
        let whose = (i.saturating_sub(3)..i)
            .rev()
            .find(|&k| ctx.w(k) == "whose");
        let org = whose
            .filter(|&k| k >= 2 && ctx.w(k - 1) == ",")
            .and_then(|k| ctx.ent(k - 2))
            .filter(|&c| ctx.org(c));
        if let Some(o) = org {
            if matches!(ctx.w(i + 1), "are" | "were" | "include" | "included") {
                let n = ctx.items.len();
                let end = (i + 2..n)
                    .find(|&k| matches!(ctx.w(k), "," | ";" | "." | "which" | "who"))
                    .map_or(n, |k| {
                        // "A, B and C": a comma between people continues.
                        let mut e = k;
                        while ctx.w(e) == "," && ctx.ent(e + 1).is_some_and(|c| ctx.per(c)) {
                            e = (e + 2..n)
                                .find(|&m| matches!(ctx.w(m), "," | ";" | "." | "which" | "who"))
                                .unwrap_or(n);
                        }
                        e
                    });
                for k in i + 2..end {
                    if let Some(p) = ctx.ent(k).filter(|&c| ctx.per(c)) {
                        ctx.push(p, RelationKind::Founded, o, "found.whose", 0.75, i);
                    }
                }
            }
        }
        return;
    }
    let founded_verb = matches!(
        w,
        "founded" | "co-founded" | "cofounded" | "started" | "established" | "created" | "formed"
    );
    if !founded_verb {
        if matches!(w, "set" | "sets") && ctx.w(i + 1) == "up" {
            // "set up by X" / "X set up Y" handled below with offset.
        } else {
            return;
        }
    }
    let person_or_org = |c: usize| ctx.per(c) || ctx.org(c);
    let off = if matches!(w, "set" | "sets") {
        i + 1
    } else {
        i
    };
    // "founded (in 2013) by X": "by" within a few items.
    let by = (off + 1..(off + 5).min(ctx.items.len()))
        .find(|&k| ctx.w(k) == "by")
        .filter(|&k| {
            (off + 1..k).all(|j| ctx.ent(j).is_none() && !matches!(ctx.w(j), "," | "and"))
        });
    if let Some(by) = by {
        let Some((fj, mut founders)) = ctx.object(by, 3, person_or_org) else {
            return;
        };
        // "founded by Alphabet executive chairman Eric Schmidt": the person
        // the title belongs to.
        if founders.len() == 1 && ctx.org(founders[0]) {
            // Up to four title words between the org and the person, none
            // of them a break ("former Google chief Sam Pell").
            let title = (fj + 1..(fj + 6).min(ctx.items.len()))
                .take_while(|&k| {
                    ctx.ent(k).is_none_or(|c| ctx.per(c))
                        && !matches!(ctx.w(k), "," | "and" | "." | ";" | "(" | "with" | "in")
                })
                .find(|&k| ctx.ent(k).is_some());
            if let Some(p) = title.and_then(|k| ctx.ent(k)) {
                if (fj + 1..).take_while(|&k| ctx.ent(k) != Some(p)).any(|k| {
                    let w = ctx.w(k);
                    w == "'s" || families(w) & ROLES != 0 || role_at(ctx, k).is_some()
                }) {
                    founders = vec![p];
                }
            }
        }
        // "founded by A, a former X engineer; B, ...; and C, ...": founders
        // listed with appositions between semicolons.
        if founders.iter().all(|&f| ctx.per(f)) {
            let n = ctx.items.len();
            let mut k = fj + 1;
            while k < n && !matches!(ctx.w(k), "." | "but") {
                if ctx.w(k) == ";" {
                    let mut m = k + 1;
                    if ctx.w(m) == "and" {
                        m += 1;
                    }
                    match ctx.ent(m).filter(|&c| ctx.per(c)) {
                        Some(p) => founders.push(p),
                        None => break,
                    }
                    k = m;
                }
                k += 1;
            }
        }
        let mut orgs = ctx.subject(i, |c| ctx.org(c));
        // "Founded by X in 2020, Y raised ...": a fronted participle
        // describes the name after its comma.
        let opens =
            (0..i).all(|k| ctx.ent(k).is_none() && matches!(ctx.w(k), "" | "<markup>" | "\""));
        if orgs.is_empty() && opens {
            let comma = (fj + 1..ctx.items.len()).find(|&k| matches!(ctx.w(k), "," | "." | ";"));
            orgs = comma
                .filter(|&k| ctx.w(k) == ",")
                .and_then(|k| ctx.ent(k + 1))
                .filter(|&c| ctx.org(c))
                .into_iter()
                .collect();
        }
        // "A and B, the firm founded by X": the apposition belongs to the
        // nearest name only.
        if orgs.len() > 1 {
            if let Some(last) = (0..i)
                .rev()
                .find(|&k| ctx.ent(k).is_some_and(|c| orgs.contains(&c)))
            {
                if (last..i).any(|k| ctx.w(k) == ",") {
                    orgs = ctx.ent(last).into_iter().collect();
                }
            }
        }
        for &o in &orgs {
            for &f in &founders {
                ctx.push(f, RelationKind::Founded, o, "found.passive", 0.85, i);
            }
        }
        return;
    }
    if matches!(w, "started" | "created" | "established" | "formed") {
        // Too ambiguous actively ("started trading"); passive only.
        return;
    }
    // "co-founded the machine learning platform Nervana Systems"
    let Some((_, orgs)) = ctx.object(off, 6, |c| ctx.org(c)) else {
        return;
    };
    let founders = ctx.subject(i, |c| ctx.per(c));
    for &f in &founders {
        for &o in &orgs {
            ctx.push(f, RelationKind::Founded, o, "found.active", 0.8, i);
        }
    }
}

/// Nouns of a part of an organisation.
const SUBSIDIARY_NOUNS: &[&str] = &[
    "unit",
    "subsidiary",
    "division",
    "arm",
    "subsidiaries",
    "units",
    "lab",
    "fund",
    "affiliate",
];

fn subsidiaries(ctx: &mut Ctx<'_>, i: usize, w: &str) {
    if matches!(w, "owns" | "own" | "controls" | "holds") && ctx.w(i + 1) != "up" {
        owns(ctx, i);
        return;
    }
    if !SUBSIDIARY_NOUNS.contains(&w) {
        // "holding company for A, B and C"
        if w == "holding" && ctx.w(i + 1) == "company" && matches!(ctx.w(i + 2), "for" | "of") {
            let Some((_, kids)) = ctx.object(i + 2, 3, |c| ctx.org(c)) else {
                return;
            };
            let parents = ctx.subject(i, |c| ctx.org(c));
            for &p in &parents {
                for &k in &kids {
                    ctx.push(k, RelationKind::SubsidiaryOf, p, "sub.holding", 0.75, i);
                }
            }
        }
        // "PARENT's (newly formed) X Lab": possessive + org with lab head.
        if w == "'s" && i > 0 {
            let _ = parent_lab(ctx, i);
        }
        return;
    }
    if w == "affiliate" {
        return;
    }
    // "CHILD, a unit of PARENT"
    if matches!(ctx.w(i + 1), "of") {
        let Some((_, parents)) = ctx.object(i + 1, 3, |c| ctx.org(c)) else {
            return;
        };
        // child: entity before ", a (wholly owned) unit"
        let mut k = i;
        while k > 0
            && matches!(
                ctx.w(k - 1),
                "a" | "the"
                    | "wholly"
                    | "owned"
                    | "wholly-owned"
                    | "-"
                    | "its"
                    | "former"
                    | "british"
                    | "u.s."
                    | "main"
                    | "european"
                    | "american"
                    | "investment"
                    | "venture"
                    | "capital"
                    | "subsidiary"
                    | "operating"
                    | "banking"
                    | "insurance"
            )
        {
            k -= 1;
        }
        let child = if k >= 2 && ctx.w(k - 1) == "," {
            ctx.ent(k - 2).filter(|&c| ctx.org(c))
        } else if k >= 1 && matches!(ctx.w(k - 1), "is" | "was" | "became" | "becomes" | "as") {
            ctx.subject(k - 1, |c| ctx.org(c)).first().copied()
        } else {
            None
        };
        if let Some(c) = child {
            for &p in &parents {
                ctx.push(c, RelationKind::SubsidiaryOf, p, "sub.apposition", 0.85, i);
            }
        }
        return;
    }
    // "CHILD, a PARENT subsidiary"
    if i >= 4
        && matches!(ctx.w(i - 2), "a" | "an" | "the")
        && ctx.w(i - 3) == ","
        && ctx.ent(i - 1).is_some_and(|c| ctx.org(c))
    {
        if let (Some(child), Some(parent)) = (ctx.ent(i - 4), ctx.ent(i - 1)) {
            if ctx.org(child) {
                ctx.push(
                    child,
                    RelationKind::SubsidiaryOf,
                    parent,
                    "sub.apposition",
                    0.8,
                    i,
                );
                return;
            }
        }
    }
    // "PARENT's CHILD unit" / "its A, B and C subsidiaries" / "PARENT unit
    // CHILD" / "PARENT's investment fund CHILD"
    if i >= 1 && ctx.ent(i - 1).is_some_and(|c| ctx.org(c)) {
        // Walk back over a coordinated list of children.
        let mut k = i - 1;
        loop {
            // ", B", " and B", ", and B"
            let sep = if k >= 3 && ctx.w(k - 1) == "and" && ctx.w(k - 2) == "," {
                3
            } else if k >= 2 && matches!(ctx.w(k - 1), "," | "and") {
                2
            } else {
                break;
            };
            if !ctx.ent(k - sep).is_some_and(|c| ctx.org(c)) {
                break;
            }
            k -= sep;
        }
        let children: Vec<usize> = (k..i).filter_map(|m| ctx.ent(m)).collect();
        let parent = if k >= 2 && ctx.w(k - 1) == "'s" {
            ctx.ent(k - 2).filter(|&c| ctx.org(c)).map(|p| (p, 0.8))
        } else if k >= 1 && ctx.w(k - 1) == "its" {
            ctx.pronoun_at(k - 1).map(|p| (p, 0.7))
        } else {
            None
        };
        if let Some((p, conf)) = parent {
            for c in children {
                if c != p {
                    ctx.push(c, RelationKind::SubsidiaryOf, p, "sub.possessive", conf, i);
                }
            }
            return;
        }
    }
    let child_after = ctx
        .ent(i + 1)
        .or_else(|| (ctx.w(i + 1) == ",").then(|| ctx.ent(i + 2)).flatten());
    if let Some(child) = child_after.filter(|&c| ctx.org(c)) {
        // PARENT unit CHILD / PARENT's (adj) fund CHILD / PARENT's unit, CHILD
        let mut k = i;
        let mut steps = 0;
        while k > 0
            && steps < 4
            && ctx.ent(k - 1).is_none()
            && ctx.w(k - 1) != "'s"
            && ctx.w(k - 1).chars().all(|c| c.is_alphabetic() || c == '-')
            && !ctx.w(k - 1).is_empty()
        {
            k -= 1;
            steps += 1;
        }
        let parent = if k >= 1 && ctx.ent(k - 1).is_some() {
            ctx.ent(k - 1)
        } else if k >= 2 && ctx.w(k - 1) == "'s" {
            ctx.ent(k - 2)
        } else if k >= 1 && ctx.w(k - 1) == "its" {
            ctx.antecedent
        } else {
            None
        };
        if let Some(p) = parent.filter(|&c| ctx.org(c)) {
            ctx.push(
                child,
                RelationKind::SubsidiaryOf,
                p,
                "sub.compound",
                0.75,
                i,
            );
        }
    }
}

/// "X (wholly) owns Y", "X owns 20 pct of Y": a holding stated without a
/// purchase (guidelines: under 50% invests_in, 50% or more by an
/// organisation subsidiary_of, by a person acquired).
fn owns(ctx: &mut Ctx<'_>, i: usize) {
    let Some((j, tails)) = ctx.object(i, 6, |c| ctx.org(c)) else {
        return;
    };
    let pct = (i + 1..j).find_map(|k| match ctx.items[k] {
        Item::Pct(p) => Some(p),
        _ => None,
    });
    // "owns a stake in", "holds talks with": only a stake or a plain object.
    if (i + 1..j).any(|k| {
        matches!(
            ctx.w(k),
            "talks" | "meetings" | "rights" | "patents" | "brand" | "brands"
        )
    }) {
        return;
    }
    if pct.is_none() && (i + 1..j).any(|k| matches!(ctx.w(k), "stake" | "interest" | "shares")) {
        // The holding is "in"/"of" the company: "controls the shares told
        // Reuters" names no company.
        let of = (j.saturating_sub(2)..j).any(|k| matches!(ctx.w(k), "in" | "of"));
        if !of {
            return;
        }
        // "holds a stake in X" without a figure: a minority holding.
        for &h in &ctx.subject(i, |c| ctx.org(c) || ctx.per(c)) {
            for &t in &tails {
                ctx.push(h, RelationKind::InvestsIn, t, "inv.holds", 0.7, i);
            }
        }
        return;
    }
    let majority = pct.is_none_or(|p| p >= 50.0);
    for &h in &ctx.subject(i, |c| ctx.org(c) || ctx.per(c)) {
        for &t in &tails {
            let before = ctx.out.len();
            if !majority {
                ctx.push(h, RelationKind::InvestsIn, t, "inv.owns", 0.7, i);
            } else if ctx.per(h) {
                ctx.push(h, RelationKind::Acquired, t, "acq.owns", 0.7, i);
            } else {
                ctx.push(t, RelationKind::SubsidiaryOf, h, "sub.owns", 0.7, i);
            }
            for f in ctx.out.iter_mut().skip(before) {
                f.stake_pct = pct;
                if f.kind != RelationKind::SubsidiaryOf {
                    f.status = Some(Status::Completed);
                }
            }
        }
    }
}

/// "Meta's newly formed Superintelligence Lab": a possessive org followed by
/// an org whose name ends in a unit head word.
fn parent_lab(ctx: &mut Ctx<'_>, i: usize) -> Option<()> {
    let parent = ctx.ent(i.checked_sub(1)?).filter(|&c| ctx.org(c))?;
    let mut k = i + 1;
    let mut steps = 0;
    while steps < 3 && ctx.ent(k).is_none() {
        let w = ctx.w(k);
        if w.is_empty()
            || !w.chars().all(|c| c.is_alphabetic() || c == '-')
            || matches!(w, "and" | "in" | "of" | "to" | "with" | "for")
        {
            return None;
        }
        k += 1;
        steps += 1;
    }
    let child = ctx.ent(k).filter(|&c| ctx.org(c))?;
    // Rules see types, not names: accept an org after "newly formed" style
    // modifiers, or one followed by a unit word.
    let new_unit = (i + 1..k).any(|x| {
        matches!(
            ctx.w(x),
            "newly" | "formed" | "new" | "own" | "in-house" | "internal"
        )
    });
    if new_unit
        || matches!(
            ctx.w(k + 1),
            "unit" | "division" | "subsidiary" | "arm" | "lab"
        )
    {
        ctx.push(
            child,
            RelationKind::SubsidiaryOf,
            parent,
            "sub.possessive-new",
            0.65,
            i,
        );
    }
    Some(())
}

/// Nouns of a partnership.
const PARTNER_NOUNS: &[&str] = &[
    "partnership",
    "alliance",
    "collaboration",
    "venture",
    "pact",
    "tie-up",
    "partnerships",
    "alliances",
    "deal",
    "agreement",
    "contract",
];

/// Verbs of a partnership.
const PARTNER_VERBS: &[&str] = &[
    "partner",
    "partnered",
    "partners",
    "partnering",
    "teamed",
    "team",
    "teaming",
    "allied",
    "collaborate",
    "collaborated",
    "collaborating",
    "collaborates",
];

fn partners(ctx: &mut Ctx<'_>, i: usize, w: &str) {
    let org = |c: usize| ctx.org(c);
    let is_noun =
        PARTNER_NOUNS.contains(&w) && (w != "venture" || ctx.w(i.saturating_sub(1)) == "joint");
    let is_verb = PARTNER_VERBS.contains(&w);
    if !is_noun && !is_verb {
        return;
    }
    if matches!(w, "deal" | "agreement" | "contract") {
        // Only licensing / supply / partnership agreements.
        let lo = i.saturating_sub(3);
        if !(lo..i).any(|k| {
            matches!(
                ctx.w(k),
                "licensing"
                    | "supply"
                    | "partnership"
                    | "distribution"
                    | "marketing"
                    | "cooperation"
                    | "strategic"
                    | "technology"
                    | "commercial"
            )
        }) {
            return;
        }
    }
    // "partnership between A and B"
    if ctx.w(i + 1) == "between" {
        if let Some((_, list)) = ctx.object(i + 1, 2, org) {
            if list.len() >= 2 {
                for a in 0..list.len() {
                    for b in a + 1..list.len() {
                        ctx.push(
                            list[a],
                            RelationKind::PartnersWith,
                            list[b],
                            "partner.between",
                            0.8,
                            i,
                        );
                    }
                }
            }
        }
        return;
    }
    // "... with B"
    let hi = (i + 4).min(ctx.items.len());
    let with = (i + 1..hi).find(|&k| ctx.w(k) == "with");
    let mut b_side = Vec::new();
    if let Some(wk) = with {
        if let Some((_, list)) = ctx.object(wk, 2, org) {
            b_side = list;
        }
    }
    let a_side = ctx.subject(i, org);
    if b_side.is_empty() {
        // "A and B formed a joint venture"
        if a_side.len() >= 2 {
            for a in 0..a_side.len() {
                for b in a + 1..a_side.len() {
                    ctx.push(
                        a_side[a],
                        RelationKind::PartnersWith,
                        a_side[b],
                        "partner.coordinated",
                        0.7,
                        i,
                    );
                }
            }
        }
        return;
    }
    for &a in &a_side {
        for &b in &b_side {
            ctx.push(a, RelationKind::PartnersWith, b, "partner.with", 0.75, i);
        }
    }
}

fn competitors(ctx: &mut Ctx<'_>, i: usize, w: &str) {
    let org = |c: usize| ctx.org(c);
    if matches!(w, "compete" | "competes" | "competed" | "competing")
        && matches!(ctx.w(i + 1), "with" | "against")
    {
        let Some((_, bs)) = ctx.object(i + 1, 2, org) else {
            return;
        };
        for &a in &ctx.subject(i, org) {
            for &b in &bs {
                ctx.push(a, RelationKind::CompetesWith, b, "compete.verb", 0.8, i);
            }
        }
        return;
    }
    if !matches!(
        w,
        "rival" | "rivals" | "competitor" | "competitors" | "competition"
    ) {
        return;
    }
    if w == "rival" && matches!(ctx.w(i + 1), "bid" | "offer" | "bidder" | "bids" | "offers") {
        return;
    }
    // "competitors like B, C" / "rival B"
    let mut k = i;
    if matches!(ctx.w(k + 1), "like" | "including" | "such" | "to" | "of") {
        k += 1;
        if ctx.w(k) == "such" && ctx.w(k + 1) == "as" {
            k += 1;
        }
    }
    let bs: Vec<usize> = match ctx.ent(k + 1) {
        Some(_) => ctx.list_from(k + 1, org).0,
        None => Vec::new(),
    };
    let of_to = matches!(ctx.w(i + 1), "to" | "of");
    // A: possessive before ("Meta's rival"), or the nearest org to the left.
    let mut a_side = Vec::new();
    if i >= 2 && ctx.w(i - 1) == "'s" {
        a_side.extend(ctx.ent(i - 2).filter(|&c| org(c)));
    } else if i >= 1 {
        if let Some(c) = ctx.ent(i - 1).filter(|&c| org(c)) {
            a_side.push(c);
        }
    }
    if of_to {
        // "B, a rival of A": B before.
        let lo = i.saturating_sub(4);
        let b = (lo..i)
            .rev()
            .find_map(|k| ctx.ent(k).filter(|&c| org(c)))
            .or_else(|| ctx.subject(i, org).first().copied());
        if let (Some(b), Some(a)) = (b, bs.first()) {
            ctx.push(*a, RelationKind::CompetesWith, b, "compete.of", 0.75, i);
        }
        return;
    }
    if a_side.is_empty() {
        // The subject of the clause ("Qwest ... after losing out to rival
        // Verizon"), else the nearest organisation before.
        let subj: Vec<usize> = ctx
            .subject(i, org)
            .into_iter()
            .filter(|c| !bs.contains(c))
            .collect();
        if !subj.is_empty() {
            a_side = subj;
        } else {
            let lo = i.saturating_sub(14);
            if let Some(c) = (lo..i)
                .rev()
                .find_map(|k| ctx.ent(k).filter(|&c| org(c) && !bs.contains(&c)))
            {
                a_side.push(c);
            }
        }
    }
    for &a in &a_side {
        for &b in &bs {
            ctx.push(a, RelationKind::CompetesWith, b, "compete.noun", 0.7, i);
        }
    }
}

/// A person joining or taking the lead of an organisation: "Wang will join
/// Meta", "Droege joined X as chief executive", "Wang will lead X",
/// "a leadership role at X".
fn careers(ctx: &mut Ctx<'_>, i: usize, w: &str) {
    let join = matches!(
        w,
        "join" | "joins" | "joined" | "joining" | "rejoin" | "rejoined" | "rejoins"
    );
    let noun_use = i > 0
        && matches!(
            ctx.w(i - 1),
            "the" | "a" | "an" | "its" | "his" | "her" | "their"
        );
    let lead = !noun_use
        && matches!(
            w,
            "lead"
                | "leads"
                | "head"
                | "heads"
                | "headed"
                | "run"
                | "runs"
                | "oversee"
                | "oversees"
                | "helm"
                | "helms"
        )
        && ctx.w(i + 1) != "by";
    let role_noun = w == "leadership" && matches!(ctx.w(i + 1), "role" | "position" | "post");
    if !(join || lead || role_noun) {
        return;
    }
    let start = if role_noun { i + 2 } else { i };
    if role_noun && !matches!(ctx.w(start), "at" | "in" | "within" | "with" | "of") {
        return;
    }
    let Some((j, orgs)) = ctx.object(start, 5, |c| ctx.org(c)) else {
        return;
    };
    // "leads Databricks' AI efforts" leads a function, not the company.
    if lead && matches!(ctx.w(j + 1), "'s" | "'") {
        return;
    }
    // "lead the investment": a round, not a company.
    if lead
        && (i + 1..j).any(|k| {
            matches!(
                ctx.w(k),
                "investment" | "round" | "deal" | "financing" | "funding" | "effort" | "efforts"
            )
        })
    {
        return;
    }
    // An organisation that is the subject of its own clause in between
    // ("Brisk has agreed to lead ...") leaves no person to lead.
    let org_clause = ctx
        .subject(i, |c| ctx.per(c) || ctx.org(c))
        .first()
        .filter(|&&c| ctx.org(c))
        .and_then(|&c| (0..i).rev().find(|&k| ctx.ent(k) == Some(c)))
        .is_some_and(|k| {
            matches!(
                ctx.w(k + 1),
                "has" | "have" | "had" | "is" | "was" | "will" | "would" | "agreed" | "plans"
            )
        });
    if org_clause {
        return;
    }
    let people = ctx.subject(i, |c| ctx.per(c));
    if people.is_empty() {
        return;
    }
    // "joined X as chief executive": the role decides the kind.
    let mut kind = if join {
        RelationKind::WorksFor
    } else {
        RelationKind::Leads
    };
    if join && ctx.w(j + 1) == "as" {
        let mut k = j + 2;
        while matches!(
            ctx.w(k),
            "its" | "the" | "a" | "an" | "new" | "interim" | "acting"
        ) {
            k += 1;
        }
        if let Some((_, RelationKind::Leads)) = role_at(ctx, k) {
            kind = RelationKind::Leads;
        }
    }
    // Status: future or reported; plainly asserted otherwise.
    let lo = i.saturating_sub(6);
    let reported = (0..ctx.items.len()).any(|k| any_at(ctx, k, REPORTED))
        || phrase_in(ctx, 0, ctx.items.len(), &REPORTED_SET);
    let future = (lo..i).any(|k| matches!(ctx.w(k), "will" | "to" | "set" | "expected" | "shall"));
    let status = if reported {
        Some(Status::Reported)
    } else if future {
        Some(Status::Announced)
    } else {
        None
    };
    let rule = if join { "career.join" } else { "career.lead" };
    for &p in &people {
        for &o in &orgs {
            if p == o {
                continue;
            }
            ctx.out.push(Found {
                head: p,
                kind,
                tail: o,
                rule,
                confidence: 0.7,
                status,
                amount_usd: None,
                stake_pct: None,
                trigger: i,
            });
        }
    }
}

/// "SoftBank's Justin Wilson": a person named as an organisation's; "X
/// sits on the OYO board": a director there.
fn staff(ctx: &mut Ctx<'_>, i: usize, w: &str) {
    if w == "'s" && i >= 1 {
        let Some(o) = ctx.ent(i - 1).filter(|&c| ctx.org(c)) else {
            return;
        };
        let Some(p) = ctx.ent(i + 1).filter(|&c| ctx.per(c)) else {
            return;
        };
        // "Meta's Wang-led lab", "Google's Eric Schmidt-backed fund".
        if ctx.w(i + 2) == "-" {
            return;
        }
        ctx.push(p, RelationKind::WorksFor, o, "work.possessive", 0.6, i);
        return;
    }
    if matches!(w, "sits" | "sit" | "sat" | "serves" | "served" | "seat")
        && ctx.w(i + 1) == "on"
        && matches!(ctx.w(i + 2), "the" | "its")
    {
        let Some(o) = ctx.ent(i + 3).filter(|&c| ctx.org(c)) else {
            return;
        };
        if !matches!(ctx.w(i + 4), "board" | "'s") {
            return;
        }
        let people: Vec<usize> = ctx
            .subject(i, |c| ctx.per(c) || ctx.org(c))
            .into_iter()
            .filter(|&c| ctx.per(c))
            .collect();
        for p in people {
            ctx.push(p, RelationKind::WorksFor, o, "work.board", 0.7, i);
        }
    }
}

/// Verbs of a company raising money ("raised $18 million").
const RAISE_VERBS: [&str; 10] = [
    "raised", "raises", "raise", "raising", "secured", "secures", "closed", "closes", "landed",
    "lands",
];

/// Whether a word is one of [`RAISE_VERBS`].
// Inlined: asked of every word of the sentences `raise_target` reads, and
// mostly answered by the word's first letter, before any comparison of
// whole words.
#[inline(always)]
fn is_raise_verb(w: &str) -> bool {
    matches!(w.as_bytes().first(), Some(b'r' | b's' | b'c' | b'l')) && RAISE_VERBS.contains(&w)
}

/// Finds the [`RAISE_VERBS`] anywhere in a text: aho-corasick's SIMD
/// searcher for a few patterns (its automaton would search with a
/// prefilter for bytes that are common in text). `None` where the CPU
/// lacks the instructions it needs.
static RAISE_VERB_FINDER: LazyLock<Option<packed::Searcher>> =
    LazyLock::new(|| packed::Searcher::new(RAISE_VERBS));

/// Whether [`sentence_raiser`] may find a raiser in a sentence of `lower`
/// (a document's text or a sentence, ASCII letters lower-cased): whether
/// one of its verbs occurs in it at all (or, without a searcher, always).
/// Most documents name none, and a search of the whole text costs less
/// than looking at every word of every sentence.
pub fn may_name_raiser(lower: &str) -> bool {
    RAISE_VERB_FINDER
        .as_ref()
        .is_none_or(|finder| finder.find(lower).is_some())
}

/// Whether a word before an entity makes it the object of a verb ("bought
/// Instagram"), so that it is not what a later "it" refers to.
fn is_object_verb(w: &str) -> bool {
    ACQ_VERBS.contains(&w)
        || INVEST_VERBS.contains(&w)
        || (w.len() > 4
            && w.ends_with("ed")
            && !matches!(w, "based" | "listed" | "owned" | "controlled" | "backed"))
}

/// "X-backed Y", "X-owned Y", "X-controlled Y".
fn hyphen_rules(ctx: &mut Ctx<'_>) {
    let n = ctx.items.len();
    for i in 0..n {
        if ctx.w(i) != "-" || i == 0 {
            continue;
        }
        let Some(h) = ctx.ent(i - 1) else { continue };
        let w = ctx.w(i + 1).to_string();
        let Some(t) = ctx.ent(i + 2).filter(|&c| ctx.org(c)) else {
            continue;
        };
        let before = ctx.out.len();
        match w.as_str() {
            "backed" | "funded" => {
                ctx.push(h, RelationKind::InvestsIn, t, "inv.x-backed", 0.8, i + 1)
            }
            "controlled" => ctx.push(
                h,
                RelationKind::Acquired,
                t,
                "acq.x-controlled",
                0.75,
                i + 1,
            ),
            "owned" if ctx.org(h) => {
                ctx.push(t, RelationKind::SubsidiaryOf, h, "sub.x-owned", 0.75, i + 1)
            }
            "owned" => ctx.push(h, RelationKind::Acquired, t, "acq.x-owned", 0.7, i + 1),
            _ => {}
        }
        for f in ctx.out.iter_mut().skip(before) {
            if matches!(f.kind, RelationKind::InvestsIn | RelationKind::Acquired) {
                f.status = Some(Status::Completed);
            }
        }
    }
}

/// Attaches the sentence's deal amount and stake to acquired / invests_in
/// relations that have none: the first USD amount that is not a per-share
/// price, a valuation, revenue or a fund size.
fn attach_quantities(ctx: &mut Ctx<'_>) {
    let n = ctx.items.len();
    let mut amounts: Vec<(usize, f64)> = Vec::new();
    for k in 0..n {
        if let Item::Money {
            usd: Some(v),
            per_share: false,
            ..
        } = ctx.items[k]
        {
            let lo = k.saturating_sub(4);
            let blocked = (lo..k)
                .any(|j| NOT_A_PRICE.contains(&ctx.w(j)) || matches!(ctx.w(j), "worth" | "market"))
                || (k + 2 < n
                    && ctx.w(k + 1) == "in"
                    && matches!(
                        ctx.w(k + 2),
                        "revenue" | "sales" | "assets" | "debt" | "arr"
                    ))
                || (lo..k).any(|j| ctx.words_at(j, &["to", "date"]))
                // "$100 billion global fund": a fund's size.
                || (k + 1..k + 3).any(|j| matches!(ctx.w(j), "fund" | "valuation"));
            if !blocked {
                amounts.push((k, v));
            }
        }
    }
    // Clause segments: an amount goes to relations whose trigger is in its
    // segment; a lone amount in a sentence whose other segments state no
    // deal goes to all.
    let mut segs = Vec::with_capacity(n + 1);
    let mut cur = 0;
    for j in 0..n {
        segs.push(cur);
        if matches!(ctx.w(j), ";" | "but" | "while" | "whereas")
            || (ctx.w(j) == ","
                && matches!(ctx.w(j + 1), "and" | "while" | "but" | "which" | "who"))
        {
            cur += 1;
        }
    }
    segs.push(cur);
    let seg_of = |k: usize| -> usize { segs.get(k).copied().unwrap_or(cur) };
    let deal_segs: Vec<usize> = ctx
        .out
        .iter()
        .filter(|f| matches!(f.kind, RelationKind::Acquired | RelationKind::InvestsIn))
        .map(|f| seg_of(f.trigger))
        .collect();
    let money_segs: Vec<(usize, f64)> = amounts.iter().map(|&(k, v)| (seg_of(k), v)).collect();
    let amount_for = |trigger: usize| -> Option<f64> {
        let seg = seg_of(trigger);
        if let Some(&(_, v)) = money_segs.iter().find(|(s, _)| *s == seg) {
            return Some(v);
        }
        let (s, v) = *money_segs.first()?;
        if deal_segs.iter().all(|d| *d == seg || *d != s) && !deal_segs.contains(&s) {
            Some(v)
        } else {
            None
        }
    };
    let mut stake = None;
    for k in 0..n {
        if let Item::Pct(p) = ctx.items[k] {
            let near = (k + 1..(k + 4).min(n))
                .any(|j| matches!(ctx.w(j), "stake" | "interest" | "of" | "owned" | "holding"))
                // "bringing its stake in the company to 29.9 pct"
                || (k >= 1
                    && ctx.w(k - 1) == "to"
                    && (k.saturating_sub(8)..k)
                        .any(|j| matches!(ctx.w(j), "stake" | "holding" | "interest")));
            if near {
                stake = Some(p);
                break;
            }
        }
    }
    for f in &mut ctx.out {
        if matches!(f.kind, RelationKind::Acquired | RelationKind::InvestsIn) {
            if f.amount_usd.is_none() {
                f.amount_usd = amount_for(f.trigger);
            }
            if f.stake_pct.is_none() && f.rule != "inv.round" {
                f.stake_pct = stake;
            }
        } else if f.kind == RelationKind::SubsidiaryOf
            && f.stake_pct.is_none()
            && f.rule == "sub.owned"
        {
            f.stake_pct = stake;
        }
    }
    // Re-type: a purchase of 50% or more is an acquisition.
    for f in &mut ctx.out {
        if f.kind == RelationKind::InvestsIn
            && f.stake_pct.is_some_and(|p| p >= 50.0)
            && f.rule != "inv.owned-jointly"
        {
            f.kind = RelationKind::Acquired;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every lower-case word quoted in the rules and cue lexicons, with the
    /// punctuation items rules look at.
    fn vocabulary() -> Vec<&'static str> {
        let sources = [include_str!("rules.rs"), include_str!("cues.rs")];
        let mut words: Vec<&'static str> = sources
            .iter()
            .flat_map(|s| s.split('"').skip(1).step_by(2))
            .filter(|w| {
                !w.is_empty()
                    && w.len() <= 20
                    && !w.contains([' ', '\\', '{'])
                    && !w.chars().any(char::is_uppercase)
            })
            .collect();
        words.extend([",", ".", ";", "'s", "'", "-", "(", ")", "<markup>", "the"]);
        words.sort_unstable();
        words.dedup();
        words
    }

    #[test]
    fn phrase_filters_pass_every_first_word() {
        for set in [&DENIED_SET, &FORMER_SET, &REPORTED_SET, &PROPOSED_SET] {
            for p in set.list {
                assert!(set.may_start(p[0]), "{p:?}");
            }
            let firsts: Vec<&str> = set.list.iter().map(|p| p[0]).collect();
            for w in vocabulary().into_iter().chain(["", "x"]) {
                if firsts.contains(&w) {
                    assert!(set.may_start(w), "{w:?}");
                }
            }
        }
    }

    #[test]
    fn raiser_filter_finds_every_raise_verb() {
        for w in RAISE_VERBS {
            assert!(is_raise_verb(w), "{w:?}");
            assert!(may_name_raiser(&format!("acme {w} $5 mln.")), "{w:?}");
        }
        assert!(!may_name_raiser("acme said it would buy beta for $5 mln."));
    }

    #[test]
    fn trigger_filter_passes_every_trigger() {
        for (&w, &f) in FAMILIES.iter() {
            assert_ne!(f, 0, "{w:?}");
            assert_eq!(families(w), f, "{w:?}");
        }
        for w in vocabulary().into_iter().chain(["", "x", "said", "the"]) {
            assert_eq!(families(w), FAMILIES.get(w).copied().unwrap_or(0), "{w:?}");
        }
    }

    /// Relations found by running every family at every word, as the
    /// sentence loop did before the trigger table.
    fn every_family(ctx: &mut Ctx<'_>, funding: bool) {
        for (i, item) in ctx.items.iter().enumerate() {
            let Some(w) = item.word() else {
                continue;
            };
            acquisitions(ctx, i, w);
            investments(ctx, i, w, funding);
            roles(ctx, i);
            founding(ctx, i, w);
            subsidiaries(ctx, i, w);
            partners(ctx, i, w);
            competitors(ctx, i, w);
            careers(ctx, i, w);
            staff(ctx, i, w);
        }
    }

    /// Relations found by running only the families the table gives.
    fn gated_families(ctx: &mut Ctx<'_>, funding: bool) {
        for (i, item) in ctx.items.iter().enumerate() {
            let Some(w) = item.word() else {
                continue;
            };
            let f = families(w);
            if f & ACQUISITIONS != 0 {
                acquisitions(ctx, i, w);
            }
            if f & INVESTMENTS != 0 {
                investments(ctx, i, w, funding);
            }
            if f & ROLES != 0 {
                roles(ctx, i);
            }
            if f & FOUNDING != 0 {
                founding(ctx, i, w);
            }
            if f & SUBSIDIARIES != 0 {
                subsidiaries(ctx, i, w);
            }
            if f & PARTNERS != 0 {
                partners(ctx, i, w);
            }
            if f & COMPETITORS != 0 {
                competitors(ctx, i, w);
            }
            if f & CAREERS != 0 {
                careers(ctx, i, w);
            }
            if f & STAFF != 0 {
                staff(ctx, i, w);
            }
        }
    }

    /// The trigger table leaves out no word at which a family can match:
    /// random sentences of rule words and entities find the same relations
    /// with and without it.
    #[test]
    fn trigger_table_skips_only_families_that_cannot_match() {
        let vocab = vocabulary();
        // Words that join a trigger to its arguments, drawn often.
        let glue = [
            "to", "by", "of", "in", "into", "with", "the", "a", ",", "and", "'s", "as", "for",
            "from", "at", "on", "up", "back", "its", "over", "said",
        ];
        let types = [
            EntityType::Org,
            EntityType::Person,
            EntityType::Org,
            EntityType::Person,
            EntityType::Org,
        ];
        let mut rng = crate::test_rng::XorShift::new(0x2545_f491_4f6c_dd1d);
        let mut next = move |n: usize| rng.below(n);
        for _ in 0..200_000 {
            let len = 2 + next(16);
            let items: Vec<Item<'_>> = (0..len)
                .map(|m| match next(20) {
                    0..=5 => Item::Ent {
                        cluster: next(types.len()),
                        mention: m,
                    },
                    6 => Item::Money {
                        usd: Some(1e6),
                        per_share: false,
                        span: (0, 0),
                    },
                    7 => Item::Pct(10.0 * next(10) as f64),
                    8..=12 => Item::Word(glue[next(glue.len())].into()),
                    _ => Item::Word(vocab[next(vocab.len())].into()),
                })
                .collect();
            let antecedent = Some(next(types.len())).filter(|_| next(2) == 0);
            let raiser = Some(next(types.len())).filter(|_| next(3) == 0);
            let funding = next(2) == 0;
            let ctx = || Ctx::new(&items, &types, antecedent, raiser);
            let (mut all, mut gated) = (ctx(), ctx());
            every_family(&mut all, funding);
            gated_families(&mut gated, funding);
            assert_eq!(all.out, gated.out, "{items:?}");
        }
    }
}
