//! Recognition: name mentions in a document, typed PERSON or ORG (places,
//! products and amounts are recognised only to keep them out).
//!
//! Passes, strongest first (TokensRegexNER-style priorities: a span taken
//! by a stronger pass is not re-typed by a weaker one):
//! 1. rules-file entities and the built-in gazetteer (aho-corasick);
//! 2. Reuters markup (`<Allegheny International Inc>`, `Name <TICK>`);
//! 3. name chunks (runs of capitalised tokens) typed by legal designator or
//!    organisation head word, honorific, first-name lexicon, role words and
//!    organisation contexts ("startup X", "shares of X", "X said it");
//! 4. document propagation: a string typed once types its other
//!    occurrences, short forms and surnames;
//! 5. titles and all-capitals headlines only match names known from
//!    passes 1-4.

mod gazetteer;
pub mod lexicon;

pub use gazetteer::{Entry, EntrySource, GazMatch, Gazetteer};

use std::borrow::Cow;
use std::cell::{Cell, LazyCell, OnceCell};

use crate::hash::{HashMap, HashSet};
use crate::kinds::EntityType;
use crate::resolve::{KeyWords, acronym_of_words, merge_key, merge_key_into};
use crate::text::{Analysis, Token, TokenKind};

/// Which pass found a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Source {
    /// A rules-file entity.
    Rules,
    /// The built-in gazetteer.
    Gazetteer,
    /// Reuters `<...>` markup.
    Markup,
    /// A ticker in markup after a name.
    Ticker,
    /// A legal designator at the end (Inc, Corp, Ltd).
    Designator,
    /// An organisation head word at the end (Group, Bank, Capital).
    HeadWord,
    /// An honorific before (Mr, Dr).
    Honorific,
    /// A known first name.
    FirstName,
    /// A role word next to it (CEO, founder, analyst).
    Role,
    /// An organisation context (startup X, shares of X, X said it).
    Context,
    /// Typed by another mention of the same document.
    Propagated,
}

impl Source {
    /// The name of the pass, as written in the merge log.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Rules => "rules",
            Source::Gazetteer => "gazetteer",
            Source::Markup => "markup",
            Source::Ticker => "ticker",
            Source::Designator => "designator",
            Source::HeadWord => "head-word",
            Source::Honorific => "honorific",
            Source::FirstName => "first-name",
            Source::Role => "role",
            Source::Context => "context",
            Source::Propagated => "propagated",
        }
    }
}

/// A typed name mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Byte offset of the start in the document text.
    pub start: usize,
    /// Byte offset of the end.
    pub end: usize,
    /// Index of the first token.
    pub first: usize,
    /// Index one past the last token.
    pub last: usize,
    /// Sentence index.
    pub sentence: usize,
    /// The surface, normalised (control characters removed, white space
    /// folded).
    pub surface: String,
    /// The entity type.
    pub entity_type: EntityType,
    /// Which pass found it.
    pub source: Source,
    /// The canonical name from a gazetteer or rules entry.
    pub canonical: Option<String>,
    /// For a ticker, the index of the mention it names.
    pub ticker_of: Option<usize>,
}

/// Role words that mark a person next to them (lower case).
pub const ROLE_WORDS: &[&str] = &[
    "ceo",
    "chief",
    "executive",
    "chairman",
    "chairwoman",
    "chair",
    "president",
    "founder",
    "co-founder",
    "cofounder",
    "director",
    "analyst",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "economist",
    "partner",
    "head",
    "boss",
    "cfo",
    "coo",
    "cto",
    "vice",
    "managing",
    "officer",
    "treasurer",
    "secretary",
    "chancellor",
    "minister",
    "governor",
    "investor",
    "engineer",
    "researcher",
    "professor",
    "manager",
    "leader",
    "trader",
    "strategist",
    "lawyer",
    "attorney",
    "general",
    "counsel",
    "editor",
    "reporter",
    "correspondent",
    "deputy",
    "senior",
    "principal",
    "co-ceo",
    "owner",
    "cofounders",
    "founders",
    "co-founders",
    "executives",
    "chairmen",
];

/// Days and months, never the first word of a name.
const CALENDAR: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
];

/// Capitalised role words that cut a run of capitals into names
/// ("Chrysler Chairman Lee Iacocca").
const ROLE_CUT: &[&str] = &[
    "secretary",
    "minister",
    "chancellor",
    "governor",
    "senator",
    "premier",
    "mayor",
    "commissioner",
    "ambassador",
    "ceo",
    "chairman",
    "chairwoman",
    "president",
    "founder",
    "co-founder",
    "cofounder",
    "chief",
    "executive",
    "director",
    "analyst",
    "spokesman",
    "spokeswoman",
    "cfo",
    "coo",
    "cto",
    "vice",
    "boss",
    "economist",
    "co-ceo",
];

/// Words before a name that make it an organisation (lower case).
const ORG_BEFORE: &[&str] = &[
    "startup",
    "start-up",
    "company",
    "firm",
    "maker",
    "lender",
    "insurer",
    "retailer",
    "rival",
    "rivals",
    "acquirer",
    "fund",
    "unit",
    "subsidiary",
    "carrier",
    "giant",
    "conglomerate",
    "operator",
    "provider",
    "developer",
    "platform",
    "group",
    "bank",
    "brokerage",
    "automaker",
    "carmaker",
    "chipmaker",
    "airline",
    "broker",
    "subsidiaries",
    "companies",
    "firms",
    "startups",
    "competitor",
    "competitors",
    "investors",
    "backers",
    "vc",
    "incubator",
    "accelerator",
    "exchange",
    "regulator",
    "watchdog",
    "agency",
    "outlet",
    "publisher",
    "studio",
    "label",
    "partner",
    "partners",
    "division",
    "affiliate",
];

/// Words that make a sentence about funding (lower case).
const FUNDING_WORDS: &[&str] = &[
    "raised",
    "raises",
    "round",
    "funding",
    "series",
    "seed",
    "investors",
    "backers",
];

/// Words that cue an investor list in a funding sentence ("led by",
/// "participated"; lower case).
const CUE_WORDS: &[&str] = &[
    "led",
    "co-led",
    "participation",
    "investors",
    "backers",
    "including",
    "participated",
    "participating",
];

/// Words after a name that make it an organisation (lower case).
const ORG_AFTER: &[&str] = &[
    "raised",
    "raises",
    "shares",
    "stock",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "shareholders",
    "stockholders",
    "board",
    "management",
    "employees",
    "ceo",
    "chairman",
    "president",
    "executives",
    "subsidiary",
    "unit",
    "division",
    "headquarters",
    "investors",
    "customers",
    "acquired",
    "acquires",
    "bought",
    "announced",
    "secured",
    "closed",
    "backed",
    "valued",
    "plans",
    "agreed",
    "reported",
    "posted",
    "owns",
    "operates",
];

/// Builds typed mentions for one document.
#[derive(Clone, Debug)]
pub struct Recognizer {
    gazetteer: Gazetteer,
    stop_keys: HashSet<String>,
}

impl Recognizer {
    /// Creates a recogniser over a compiled gazetteer, with names that must
    /// never become nodes.
    pub fn new(gazetteer: Gazetteer, stop_names: &[String]) -> Recognizer {
        Recognizer {
            gazetteer,
            stop_keys: stop_names.iter().map(|s| merge_key(s)).collect(),
        }
    }

    /// Finds the mentions of a document, sorted by start.
    pub fn recognize(&self, text: &str, a: &Analysis) -> Vec<Mention> {
        let toks = &a.tokens;
        let mut taken = vec![false; toks.len()];
        // (Sized for a name about every eight tokens, more than most
        // documents have: growing the vector copied its mentions again.)
        let mut out: Vec<Mention> = Vec::with_capacity(toks.len() / 8);
        let index = TokenIndex::new(toks);
        let bits = TokenBits::new(text, toks);

        // Pass 1: gazetteer and rules entities over body sentences.
        for (si, s) in a.sentences.iter().enumerate() {
            if s.all_caps {
                continue;
            }
            let starts = toks[s.first..s.last].iter().map(|t| t.start);
            for m in self.gazetteer.find_at(text, starts, s.end, false) {
                self.push_gaz(text, m, si, &index, &mut taken, &mut out);
            }
        }

        // Pass 2 and 3: markup and name chunks.
        let fixed = OnceCell::new();
        // One buffer for every sentence's chunks.
        let mut spans = Vec::new();
        let mut weak: Vec<Mention> = Vec::new();
        for (si, s) in a.sentences.iter().enumerate() {
            if s.all_caps || s.headline {
                continue;
            }
            self.markup(text, toks, si, s.first, s.last, &mut taken, &mut out);
            let cues = FundingCues::new(&bits, s.first, s.last);
            chunks(&bits, s.first, s.last, &taken, &fixed, &mut spans);
            for &(f, l) in &spans {
                if let Some(m) = self.classify(&bits, si, s.first, s.last, f, l, &out, &cues) {
                    for t in &mut taken[m.first..m.last] {
                        *t = true;
                    }
                    if m.source == Source::Propagated {
                        weak.push(m);
                    } else {
                        out.push(m);
                    }
                }
            }
        }
        // Tickers right after a typed name make an untyped chunk before them
        // an ORG; handled in `markup` for typed names.

        // Pass 4: propagation over weak candidates.
        // The merge key and key words of each node mention of `out` (by
        // index; a ticker has none), computed once for the passes below,
        // whose maps borrow their keys from here.
        let keys: Vec<Option<(String, KeyWords)>> = out
            .iter()
            .map(|m| {
                (m.entity_type.is_node() && m.source != Source::Ticker).then(|| {
                    let words = KeyWords::of(&m.surface);
                    (words.merge_key(), words)
                })
            })
            .collect();
        // (The maps are sized for every mention up front: growing them
        // rehashed their keys again and again.)
        let mut typed: HashMap<&str, EntityType> =
            HashMap::with_capacity_and_hasher(out.len(), Default::default());
        // First words of organisations and last words of persons named in
        // two words or more.
        let mut first_words: HashSet<&str> =
            HashSet::with_capacity_and_hasher(out.len(), Default::default());
        let mut surnames: HashSet<&str> =
            HashSet::with_capacity_and_hasher(out.len(), Default::default());
        for (m, key) in out.iter().zip(&keys) {
            let Some((key, words)) = key else {
                continue;
            };
            typed.insert(key, m.entity_type);
            if m.entity_type == EntityType::Org && words.len() >= 2 {
                first_words.extend(words.first());
            }
            if m.entity_type == EntityType::Person && words.len() >= 2 {
                surnames.extend(words.last());
            }
        }
        // The organisations' names without designators, for acronyms
        // ("PCRI" after "Plant Cell Research Institute"): built only when
        // an all-capitals candidate needs them, from the mentions typed so
        // far.
        let typed_so_far = out.len();
        let org_words: OnceCell<Vec<KeyWords>> = OnceCell::new();
        // The keys of the weak candidates typed below, in the order they
        // join `out` (after the mentions of `keys`).
        let mut weak_keys: Vec<(String, KeyWords)> = Vec::new();
        // One buffer for the keys only looked up.
        let mut key = String::new();
        // A candidate is typed by its key or its one word, looked up in
        // these maps (or by its capitals, as an acronym): one whose key
        // opens like none of theirs needs no key words made.
        let openings = KeyOpenings::new(typed.keys().chain(&first_words).chain(&surnames).copied());
        for mut m in weak {
            if !openings.may_be_known(&m.surface)
                && !m.surface.bytes().all(|b| b.is_ascii_uppercase())
            {
                continue;
            }
            // (The merge key from the key words: the name is read once.)
            let words = KeyWords::of(&m.surface);
            words.merge_key_into(&mut key);
            let only = words.first().filter(|_| words.len() == 1);
            let ty = if let Some(t) = typed.get(key.as_str()) {
                Some(*t)
            } else if only.is_some_and(|w| surnames.contains(w)) {
                Some(EntityType::Person)
            } else if only.is_some()
                && (only.is_some_and(|w| first_words.contains(w))
                    || (m.surface.bytes().all(|b| b.is_ascii_uppercase())
                        && org_words
                            .get_or_init(|| org_name_words(&out[..typed_so_far], &keys))
                            .iter()
                            .any(|w| acronym_of_words(&m.surface, w.iter()))))
            {
                Some(EntityType::Org)
            } else {
                None
            };
            if let Some(t) = ty {
                m.entity_type = t;
                weak_keys.push((key.clone(), words));
                out.push(m);
            }
        }
        // The keys of mention `ix` of `out`, if a node mention (all of
        // those typed so far are).
        let key_of = |ix: usize| match ix.checked_sub(typed_so_far) {
            None => keys[ix].as_ref(),
            Some(w) => weak_keys.get(w),
        };

        // A one-word name typed ORG only by a weak context that is the
        // surname of a person named in full in the document is that person.
        let any_person = out.iter().any(|m| m.entity_type == EntityType::Person);
        for (ix, m) in out.iter_mut().enumerate() {
            if m.entity_type == EntityType::Org && m.source == Source::Context && any_person {
                let Some((_, words)) = key_of(ix) else {
                    continue;
                };
                if words.len() == 1 && words.first().is_some_and(|w| surnames.contains(w)) {
                    m.entity_type = EntityType::Person;
                }
            }
        }

        // Pass 5: headlines and all-caps sentences match known names.
        // (A mention adds its key and maybe one word, with its type and
        // its index: the pass only adds mentions, and a name found takes
        // the canonical name of that mention.)
        let mut known: HashMap<&str, (EntityType, usize)> =
            HashMap::with_capacity_and_hasher(2 * out.len(), Default::default());
        for (ix, m) in out.iter().enumerate() {
            if m.entity_type.is_node() && m.source != Source::Ticker {
                let Some((key, words)) = key_of(ix) else {
                    continue;
                };
                known.entry(key).or_insert((m.entity_type, ix));
                // The first word of an organisation, the last of a person.
                let part = match m.entity_type {
                    EntityType::Org if words.len() >= 2 => words.first(),
                    EntityType::Person if words.len() >= 2 => words.last(),
                    _ => None,
                };
                if let Some(w) = part {
                    known.entry(w).or_insert((m.entity_type, ix));
                }
            }
        }
        let known_opening = KeyOpenings::new(known.keys().copied());
        for (si, s) in a.sentences.iter().enumerate() {
            if !(s.all_caps || s.headline) {
                continue;
            }
            // Title-case headlines had the case-sensitive pass with the
            // body; all-capitals ones get a case-blind one here.
            if s.all_caps {
                let starts = toks[s.first..s.last].iter().map(|t| t.start);
                for m in self.gazetteer.find_at(text, starts, s.end, true) {
                    self.push_gaz(text, m, si, &index, &mut taken, &mut out);
                }
            }
            let mut i = s.first;
            while i < s.last {
                if taken[i] || toks[i].kind != TokenKind::Word {
                    i += 1;
                    continue;
                }
                let mut found = None;
                let max = (i + 6).min(s.last);
                for j in (i + 1..=max).rev() {
                    if (i..j).any(|k| taken[k] || toks[k].kind == TokenKind::Markup) {
                        continue;
                    }
                    let surface = &text[toks[i].start..toks[j - 1].end];
                    if !known_opening.may_be_known(surface) {
                        continue;
                    }
                    merge_key_into(surface, &mut key);
                    if let Some(&(t, ix)) = known.get(key.as_str()) {
                        found = Some((j, t, out[ix].canonical.clone()));
                        break;
                    }
                }
                if let Some((j, t, c)) = found {
                    for tk in &mut taken[i..j] {
                        *tk = true;
                    }
                    out.push(Mention {
                        start: toks[i].start,
                        end: toks[j - 1].end,
                        first: i,
                        last: j,
                        sentence: si,
                        surface: normalize_name(&text[toks[i].start..toks[j - 1].end]),
                        entity_type: t,
                        source: Source::Propagated,
                        canonical: c,
                        ticker_of: None,
                    });
                    i = j;
                } else {
                    i += 1;
                }
            }
            // Markup in headlines: tickers after known names.
            self.markup(text, toks, si, s.first, s.last, &mut taken, &mut out);
        }
        if !self.stop_keys.is_empty() {
            out.retain(|m| !self.stop_keys.contains(&merge_key(&m.surface)));
        }
        out.sort_by_key(|m| (m.start, m.end));
        // Re-point tickers after sorting.
        fix_tickers(&mut out);
        out
    }

    fn push_gaz(
        &self,
        text: &str,
        m: GazMatch,
        si: usize,
        index: &TokenIndex<'_>,
        taken: &mut [bool],
        out: &mut Vec<Mention>,
    ) {
        let toks = index.toks;
        let (Some(f), Some(l)) = (index.starting_at(m.start), index.ending_at(m.end)) else {
            return;
        };
        if (f..=l).any(|k| taken[k]) {
            return;
        }
        let e = self.gazetteer.entry(m.entry);
        // A known organisation name followed by more capitalised words is
        // part of a longer name ("DBS Vickers", "Samsung Next"): leave it to
        // the chunker, which types it from its known head.
        if e.entity_type == EntityType::Org && e.source == EntrySource::Builtin {
            if let Some(next) = toks.get(l + 1) {
                let glued =
                    toks[l].end < next.start && !text[toks[l].end..next.start].contains('\n');
                // Only an acronym ("DBS Vickers") or a run ending in an
                // organisation head ("Monsanto Growth Ventures") makes a new
                // name; "Google Glass" stays Google and a product.
                let capital = |t: &Token| {
                    t.kind == TokenKind::Word
                        && t.text(text)
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_uppercase())
                        && t.text(text).chars().any(|c| c.is_lowercase())
                        && !is_function_word(t.text(text))
                        && !is_designator(t.text(text))
                        && !matches!(t.text(text), "Companies" | "Cos" | "Group" | "Holdings")
                        && !is_role_word(t.text(text))
                };
                if glued && capital(next) {
                    let matched = &text[m.start..m.end];
                    let acronym = matched.chars().filter(|c| c.is_alphabetic()).count() >= 2
                        && !matched.chars().any(|c| c.is_lowercase());
                    let mut k = l + 1;
                    while toks.get(k + 1).is_some_and(capital) && k < l + 4 {
                        k += 1;
                    }
                    let last = toks[k].text(text);
                    let head_run = is_org_head(last);
                    // "Sequoia India", "Microsoft Ireland": a named arm.
                    let regional_arm = k == l + 1 && lexicon::is_place(next.text(text));
                    if head_run || regional_arm || (acronym && extends_name(next.text(text))) {
                        return;
                    }
                }
            }
        }
        // "Anheuser-Busch Companies", "Acme Corp": a designator or a generic
        // group word after a known organisation belongs to its mention.
        let mut l = l;
        let mut end = m.end;
        if e.entity_type == EntityType::Org {
            while let Some(next) = toks.get(l + 1) {
                let w = next.text(text);
                let glued = toks[l].end < next.start
                    && !text[toks[l].end..next.start].contains('\n')
                    && !taken.get(l + 1).copied().unwrap_or(true);
                if glued
                    && next.kind == TokenKind::Word
                    && (is_designator(w) || matches!(w, "Companies" | "Cos" | "Group" | "Holdings"))
                {
                    l += 1;
                    end = next.end;
                    // Keep the period of "Inc." / "Corp.".
                    if let Some(dot) = toks.get(l + 1) {
                        if dot.start == end
                            && dot.text(text) == "."
                            && lexicon::exact(w) & lexicon::LEGAL_DOT != 0
                        {
                            l += 1;
                            end = dot.end;
                        }
                    }
                } else {
                    break;
                }
            }
        }
        for t in &mut taken[f..=l] {
            *t = true;
        }
        out.push(Mention {
            start: m.start,
            end,
            first: f,
            last: l + 1,
            sentence: si,
            surface: normalize_name(&text[m.start..end]),
            entity_type: e.entity_type,
            source: match e.source {
                EntrySource::Rules => Source::Rules,
                EntrySource::Builtin => Source::Gazetteer,
            },
            canonical: Some(e.name.clone()),
            ticker_of: None,
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn markup(
        &self,
        text: &str,
        toks: &[Token],
        si: usize,
        first: usize,
        last: usize,
        taken: &mut [bool],
        out: &mut Vec<Mention>,
    ) {
        // A markup token opens with `<`: a sentence without one (most of
        // them) is ruled out by one memchr rather than a look at each token.
        let Some(span) = toks.get(first..last).filter(|t| !t.is_empty()) else {
            return;
        };
        let bytes = &text.as_bytes()[span[0].start..span[span.len() - 1].end];
        if memchr::memchr(b'<', bytes).is_none() {
            return;
        }
        for (i, t) in (first..last).zip(span) {
            if t.kind != TokenKind::Markup || taken[i] {
                continue;
            }
            let inner_start = toks[i].start + 1;
            let inner_end = toks[i].end - 1;
            let inner = &text[inner_start..inner_end];
            let ticker = is_ticker(inner);
            // A ticker right after a mention names that mention.
            let anchor = if i > first {
                out.iter().rposition(|m| m.last == i && m.sentence == si)
            } else {
                None
            };
            if ticker {
                if let Some(a) = anchor {
                    taken[i] = true;
                    let t = out[a].entity_type;
                    if t == EntityType::Org {
                        out.push(Mention {
                            start: inner_start,
                            end: inner_end,
                            first: i,
                            last: i + 1,
                            sentence: si,
                            surface: normalize_name(inner),
                            entity_type: EntityType::Org,
                            source: Source::Ticker,
                            canonical: out[a].canonical.clone(),
                            ticker_of: Some(a),
                        });
                    }
                }
                continue;
            }
            if inner.chars().any(|c| c.is_lowercase()) || inner.contains(' ') {
                taken[i] = true;
                // "<Plant Cell Research Institute - PCRI>": the name, and its
                // acronym (which a later mention finds by its initials).
                let name = inner
                    .rsplit_once(" - ")
                    .filter(|(n, a)| {
                        n.contains(' ')
                            && (2..=6).contains(&a.len())
                            && a.chars().all(|c| c.is_ascii_uppercase())
                    })
                    .map_or(inner, |(n, _)| n);
                out.push(Mention {
                    start: inner_start,
                    end: inner_start + name.len(),
                    first: i,
                    last: i + 1,
                    sentence: si,
                    surface: normalize_name(name),
                    entity_type: EntityType::Org,
                    source: Source::Markup,
                    canonical: None,
                    ticker_of: None,
                });
            }
        }
    }

    /// Types chunk `f..l` of sentence `si` (tokens `sfirst..slast`): a
    /// mention, or `None` when the chunk names nothing.
    #[allow(clippy::too_many_arguments)]
    fn classify(
        &self,
        bits: &TokenBits<'_>,
        si: usize,
        sfirst: usize,
        slast: usize,
        f: usize,
        l: usize,
        out: &[Mention],
        cues: &FundingCues<'_>,
    ) -> Option<Mention> {
        let toks = bits.toks;
        // (Borrowed from the text when folded already, as most chunks are,
        // and copied only for a chunk that makes a mention.)
        //
        // A token other than markup holds no white space or control
        // character, and a chunk holds no markup: its text is folded when
        // each gap between its tokens is empty or one space, as it is for
        // most chunks (a chunk of one word has no gap), without a look at
        // every byte.
        debug_assert!(toks[f..l].iter().all(|t| t.kind != TokenKind::Markup));
        let text = &bits.text[toks[f].start..toks[l - 1].end];
        let gaps_folded = toks[f..l]
            .windows(2)
            .all(|p| matches!(&bits.text.as_bytes()[p[0].end..p[1].start], [] | [b' ']));
        let surface = if gaps_folded {
            Cow::Borrowed(text)
        } else {
            crate::text::fold_ws(text)
        };
        let (entity_type, source) =
            self.chunk_type(bits, sfirst, slast, f, l, &surface, si, out, cues)?;
        Some(Mention {
            start: toks[f].start,
            end: toks[l - 1].end,
            first: f,
            last: l,
            sentence: si,
            surface: surface.into_owned(),
            entity_type,
            source,
            canonical: None,
            ticker_of: None,
        })
    }

    /// The type of chunk `f..l` (normalised `surface`) of sentence `si`
    /// (tokens `sfirst..slast`), and the pass that gave it.
    #[allow(clippy::too_many_arguments)]
    fn chunk_type(
        &self,
        bits: &TokenBits<'_>,
        sfirst: usize,
        slast: usize,
        f: usize,
        l: usize,
        surface: &str,
        si: usize,
        out: &[Mention],
        cues: &FundingCues<'_>,
    ) -> Option<(EntityType, Source)> {
        let (text, toks) = (bits.text, bits.toks);
        // The chunk's words, by token index (a chunk has a few tokens: walked
        // again when asked rather than collected).
        let words = || (f..l).filter(|&k| toks[k].kind == TokenKind::Word);
        let n = words().count();
        let last_k = words().next_back()?;
        let lastw = toks[last_k].text(text);
        let first_k = words().next()?;
        let last_head = bits.exact(last_k, lexicon::ORG_HEAD);
        // A head word alone ("Group", "Companies") is a fragment, not a name;
        // a few bodies are named by one head word.
        if n == 1
            && last_head
            && !matches!(lastw, "Treasury" | "Parliament" | "Congress" | "Senate")
        {
            return None;
        }
        if n == 1 && bits.exact(last_k, lexicon::LEGAL) {
            // A designator alone ("Inc" wrapped onto the next line) is no name.
            return None;
        }
        if !self.stop_keys.is_empty() && self.stop_keys.contains(&merge_key(surface)) {
            return None;
        }
        // A ticker in markup right after the chunk.
        if l < slast && toks[l].kind == TokenKind::Markup {
            let inner = &text[toks[l].start + 1..toks[l].end - 1];
            if is_ticker(inner) {
                return Some((EntityType::Org, Source::Markup));
            }
        }
        // A known organisation name extended by more capitalised words
        // ("DBS Vickers"): an organisation.
        if n >= 2
            && self
                .gazetteer
                .match_at(text, toks[f].start, toks[l - 1].end, false)
                .is_some_and(|m| self.gazetteer.entry(m.entry).entity_type == EntityType::Org)
        {
            return Some((EntityType::Org, Source::Context));
        }
        if n >= 2 && bits.exact(last_k, lexicon::LEGAL) {
            return Some((EntityType::Org, Source::Designator));
        }
        // The neighbours in the sentence, lower-cased ("" outside it), each
        // only when a rule asks (the rules above need none, and many chunks
        // are typed before their neighbours matter).
        let lower = |k: usize, within: bool| -> Cow<'_, str> {
            if within {
                lexicon::lower(toks[k].text(text))
            } else {
                Cow::Borrowed("")
            }
        };
        let prev = LazyCell::new(|| lower(f.wrapping_sub(1), f > sfirst));
        let next = LazyCell::new(|| lower(l, l < slast));
        let prev2 = LazyCell::new(|| lower(f.wrapping_sub(2), f > sfirst + 1));
        let next2 = LazyCell::new(|| lower(l + 1, l + 1 < slast));
        let next3 = LazyCell::new(|| lower(l + 2, l + 2 < slast));
        // The class bits of the neighbours within the sentence (the class
        // of a word is that of its lower case).
        let class_at = |k: usize, within: bool, b: u16| within && bits.class(k, b);
        let prev_c = |b: u16| class_at(f.wrapping_sub(1), f > sfirst, b);
        let prev2_c = |b: u16| class_at(f.wrapping_sub(2), f > sfirst + 1, b);
        let next_c = |b: u16| class_at(l, l < slast, b);
        let next2_c = |b: u16| class_at(l + 1, l + 1 < slast, b);
        let first_c = |b: u16| bits.class(first_k, b);
        let honorific =
            prev_c(lexicon::HONORIFIC_LOWER) || (*prev == "." && prev2_c(lexicon::HONORIFIC_LOWER));
        let person_shape = (1..=4).contains(&n)
            && words().all(|k| {
                toks[k]
                    .text(text)
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase())
            })
            && !last_head;
        if honorific && person_shape {
            return Some((EntityType::Person, Source::Honorific));
        }
        // (Forced once here, as the rules below ask of it again and again:
        // each look through the `LazyCell` cost a check.)
        let prev: &str = &prev;
        // "Kunal Bahl and Rohit Bansal": a name coordinated with a person.
        if (2..=3).contains(&n)
            && person_shape
            && prev == "and"
            && out
                .iter()
                .any(|m| m.entity_type == EntityType::Person && m.last + 1 == f && m.sentence == si)
        {
            return Some((EntityType::Person, Source::Context));
        }
        // "Chinese Insurance giant Ping An": a demonym and an industry word
        // before a classifier describe the name that follows.
        if n >= 2
            && first_c(lexicon::PLACE)
            && words().skip(1).all(|k| bits.exact(k, lexicon::ORG_HEAD))
            && next_c(lexicon::ORG_BEFORE)
        {
            return None;
        }
        // "Recent AI Investments", "Top Tech Companies": a title-case
        // heading, not a name.
        if n >= 2
            && matches!(
                toks[first_k].text(text),
                "Recent" | "Latest" | "Top" | "Major" | "Key" | "Biggest" | "Largest" | "Notable"
            )
            && lastw.ends_with('s')
        {
            return None;
        }
        // Also "Bank of England" style: head first, multiple words.
        if n >= 2 && last_head {
            return Some((EntityType::Org, Source::HeadWord));
        }
        // "Bill May, chairman of X": a first name and a role after the
        // comma make a person even of words that are also common words.
        if (2..=3).contains(&n)
            && person_shape
            && first_c(lexicon::FIRST_NAME)
            && *next == ","
            && next2_c(lexicon::ROLE)
        {
            return Some((EntityType::Person, Source::Role));
        }
        let non = lexicon::NON_ENTITY | lexicon::PLACE | lexicon::ROLE;
        let all_non = first_c(non) && words().skip(1).all(|k| bits.class(k, non));
        // A one-token name's lists are its token's (its surface is the
        // token's text: a token other than markup has no white space to
        // fold).
        let lists = if l - f == 1 {
            lexicon::Lists::of_class(bits.class_bits(f))
        } else {
            lexicon::lists(surface)
        };
        if lists.place() || lists.non_entity() || all_non {
            return None;
        }
        // A classifier noun right before the name: "consultancy firm X",
        // "a startup called X".
        // (A `match`, not a list searched: asked of most chunks.)
        let classifier = |w: &str| {
            matches!(
                w,
                "company"
                    | "firm"
                    | "startup"
                    | "start-up"
                    | "maker"
                    | "lender"
                    | "giant"
                    | "conglomerate"
                    | "bank"
                    | "carrier"
                    | "brokerage"
                    | "insurer"
                    | "retailer"
                    | "automaker"
                    | "carmaker"
                    | "chipmaker"
                    | "airline"
                    | "subsidiary"
                    | "unit"
                    | "division"
            )
        };
        if classifier(prev)
            || (matches!(prev, "called" | "named" | "dubbed")
                && (classifier(&prev2) || prev2_c(lexicon::ORG_BEFORE)))
        {
            return Some((EntityType::Org, Source::Context));
        }
        // (As `prev` above.)
        let next: &str = &next;
        // A company named after a person ("Laura Ashley boss", "Ralph
        // Lauren's shares"): words only a company takes beat the first name.
        let company_only = matches!(
            next,
            "boss" | "shares" | "shareholders" | "stores" | "plc" | "bosses" | "chief" | "ceo"
        ) || (matches!(next, "'s" | "’s")
            && matches!(
                &**next2,
                "shares"
                    | "shareholders"
                    | "board"
                    | "boss"
                    | "chief"
                    | "ceo"
                    | "chairman"
                    | "subsidiary"
                    | "unit"
                    | "stores"
                    | "profits"
                    | "sales"
                    | "stock"
            ));
        // "Laura Ashley, which floated in 1995": "which", not "who".
        let which = next == "," && *next2 == "which" && n >= 2;
        if (company_only || which) && n <= 4 {
            return Some((EntityType::Org, Source::Context));
        }
        if (2..=4).contains(&n) && person_shape && first_c(lexicon::FIRST_NAME) {
            return Some((EntityType::Person, Source::FirstName));
        }
        let role_before = prev_c(lexicon::ROLE) && !matches!(prev, "partner" | "partners");
        // "Innovation Endeavors, the venture capital firm": an organisation's
        // apposition, not a person's.
        let org_appos = next == ","
            && matches!(&**next2, "a" | "an" | "the" | "which" | "one")
            && !(f == sfirst && n == 1 && lastw.ends_with("ly")) // "Obviously, the app"
            && org_apposition(text, toks, l + 1, slast);
        // "Defense Llama, a specialized large language model": a product
        // is no node at all.
        if next == ","
            && matches!(&**next2, "a" | "an" | "the")
            && !org_appos
            && product_apposition(text, toks, l + 1, slast)
        {
            return None;
        }
        let role_after = next == ","
            && (next2_c(lexicon::ROLE) || matches!(&**next2, "who" | "the" | "a"))
            && !org_appos
            && n >= 2;
        if (2..=3).contains(&n) && person_shape && (role_before || role_after) {
            return Some((EntityType::Person, Source::Role));
        }
        // Organisation contexts.
        let org_before = prev_c(lexicon::ORG_BEFORE)
            // "its publishing unit, Brant and Kessler,"
            || (prev == "," && prev2_c(lexicon::ORG_BEFORE))
            || (prev == "of"
                && matches!(
                    &**prev2,
                    "shares"
                        | "stake"
                        | "acquisition"
                        | "purchase"
                        | "takeover"
                        | "unit"
                        | "subsidiary"
                        | "division"
                        | "ceo"
                        | "founder"
                        | "co-founder"
                        | "chairman"
                        | "chairwoman"
                        | "president"
                        | "executive"
                        | "officer"
                ))
            || matches!(
                prev,
                "acquire"
                    | "acquired"
                    | "acquiring"
                    | "acquires"
                    | "buy"
                    | "bought"
                    | "buying"
                    | "buys"
            );
        let raise_verb =
            |w: &str| matches!(w, "raised" | "secured" | "closed" | "acquired" | "agreed");
        let org_after = next_c(lexicon::ORG_AFTER)
            || (matches!(next, "has" | "had")
                && (raise_verb(&next2) || (*next2 == "now" && raise_verb(&next3))))
            || (next == "said" && *next2 == "it")
            // "a former Halvard engineer": an employer before a job title.
            || (matches!(prev, "former" | "ex" | "ex-")
                && (next_c(lexicon::ROLE)
                    || matches!(next, "employee" | "employees" | "staffer")))
            // "Kite was founded in", "Kite, whose founders": said only of
            // companies.
            || (matches!(next, "was" | "is")
                && matches!(
                    &**next2,
                    "founded" | "co-founded" | "acquired" | "incorporated" | "spun" | "valued"
                ))
            || (next == ","
                && *next2 == "whose"
                && matches!(
                    &**next3,
                    "founders"
                        | "co-founders"
                        | "other"
                        | "investors"
                        | "backers"
                        | "customers"
                        | "clients"
                        | "shares"
                        | "products"
                        | "parent"
                ))
            || (matches!(next, "'s" | "’s") && next2_c(lexicon::ORG_AFTER))
            || (next == "-" && matches!(&**next2, "backed" | "owned" | "controlled" | "led"))
            || org_appos;
        let starts_sentence = f == sfirst;
        if (org_before || org_after)
            && n <= 5
            && !(starts_sentence && n == 1 && first_c(lexicon::NON_ENTITY))
        {
            return Some((EntityType::Org, Source::Context));
        }
        // Investor lists in funding sentences: "led by X", "from A, B and C".
        // Also the first of a list opening the sentence ("NEA, DCLI and X
        // also participated in the round").
        // (Not a person's name: two or three words, the first a known first
        // name.)
        let list_start = starts_sentence
            && next == ","
            && !((2..=3).contains(&n) && first_c(lexicon::FIRST_NAME));
        if (matches!(
            prev,
            "," | "and" | "by" | "from" | "including" | "included" | "include" | "includes"
        ) && !starts_sentence
            || list_start)
            && n <= 4
        {
            let (funding, cue_at) = cues.get();
            let near = f.saturating_sub(30).max(sfirst)..(l + 30).min(slast);
            let cue = cue_at.iter().any(|k| near.contains(&(sfirst + k)));
            if cue && funding {
                return Some((EntityType::Org, Source::Context));
            }
        }
        // A one-word name with a capital inside ("ClearMetal", "BoxGroup",
        // "NVentures") is a brand or company, not a person or a word.
        if n == 1 && is_camel_case(lastw) {
            return Some((EntityType::Org, Source::Context));
        }
        // Untyped: a candidate for propagation.
        Some((EntityType::Org, Source::Propagated))
    }
}

/// A sentence's funding words and investor-list cues ("led",
/// "participated"), looked for once, when a chunk of the sentence first
/// needs them: every list chunk asks, and scanning the sentence for each
/// cost a sizeable share of recognition.
struct FundingCues<'b> {
    bits: &'b TokenBits<'b>,
    /// The sentence's tokens.
    first: usize,
    last: usize,
    /// Whether the sentence has a funding word, and the indices (in the
    /// sentence) of its cue words.
    found: OnceCell<(bool, Vec<usize>)>,
}

impl<'b> FundingCues<'b> {
    /// The cues of the sentence of tokens `first..last`.
    fn new(bits: &'b TokenBits<'b>, first: usize, last: usize) -> FundingCues<'b> {
        FundingCues {
            bits,
            first,
            last,
            found: OnceCell::new(),
        }
    }

    /// Whether the sentence has a funding word, and where its cue words
    /// are (ascending token indices within the sentence).
    fn get(&self) -> (bool, &[usize]) {
        let (funding, cues) = self.found.get_or_init(|| {
            let mut funding = false;
            let mut cues = Vec::new();
            for k in self.first..self.last {
                if !may_be_cue(self.bits.toks[k].text(self.bits.text)) {
                    continue;
                }
                let class = self.bits.class_bits(k);
                funding |= class & lexicon::FUNDING != 0;
                if class & lexicon::CUE != 0 {
                    cues.push(k - self.first);
                }
            }
            (funding, cues)
        });
        (*funding, cues)
    }
}

/// Whether a word may be a funding or cue word ([`FUNDING_WORDS`],
/// [`CUE_WORDS`]): all of them have 3 to 13 letters and open with one of a
/// few pairs of letters, which rules out most words of a sentence before a
/// lookup (a word not ASCII is always looked up: its lower case may be
/// shorter).
fn may_be_cue(w: &str) -> bool {
    let b = w.as_bytes();
    ((3..=13).contains(&b.len())
        && matches!(
            [b[0], b[1]].map(|b| b.to_ascii_lowercase()),
            [b'r', b'a' | b'o']
                | [b'f', b'u']
                | [b's', b'e']
                | [b'i', b'n']
                | [b'b', b'a']
                | [b'l', b'e']
                | [b'c', b'o']
                | [b'p', b'a']
        ))
        || !w.is_ascii()
}

/// The word-list bits of a document's tokens ([`lexicon::exact`] and
/// [`lexicon::class`] of each token's text), each looked up when first
/// asked: the chunker, the classifier (a chunk's words and its neighbours)
/// and the funding cues ask of the same tokens again and again.
struct TokenBits<'t> {
    text: &'t str,
    toks: &'t [Token],
    /// Per token, its bits once looked up.
    bits: Vec<LookedUp>,
}

/// A token's [`lexicon::exact`] and [`lexicon::class`] bits, once looked up.
#[derive(Clone, Default)]
struct LookedUp {
    exact: Cell<Option<u16>>,
    class: Cell<Option<u16>>,
}

impl<'t> TokenBits<'t> {
    fn new(text: &'t str, toks: &'t [Token]) -> TokenBits<'t> {
        TokenBits {
            text,
            toks,
            bits: vec![Default::default(); toks.len()],
        }
    }

    /// Whether token `k` (as written) has any of these [`lexicon::exact`]
    /// bits.
    fn exact(&self, k: usize, bits: u16) -> bool {
        let all = Self::cached(&self.bits[k].exact, || {
            lexicon::exact(self.toks[k].text(self.text))
        });
        all & bits != 0
    }

    /// Whether token `k` (any case) has any of these [`lexicon::class`]
    /// bits.
    fn class(&self, k: usize, bits: u16) -> bool {
        self.class_bits(k) & bits != 0
    }

    /// The [`lexicon::class`] bits of token `k`.
    fn class_bits(&self, k: usize) -> u16 {
        Self::cached(&self.bits[k].class, || {
            lexicon::class(self.toks[k].text(self.text))
        })
    }

    /// The bits in `cell`, looked up and kept there if not yet.
    fn cached(cell: &Cell<Option<u16>>, look_up: impl FnOnce() -> u16) -> u16 {
        cell.get().unwrap_or_else(|| {
            let b = look_up();
            cell.set(Some(b));
            b
        })
    }
}

/// The first two bytes of a set of merge keys. An ASCII name's key is a
/// prefix of its letters and digits, lower-cased, one after the other
/// (periods, apostrophes and white space dropped, a possessive and legal
/// suffixes cut off the end): a key of one byte is the name's first letter
/// or digit, a longer one opens with its first two. Most spans of a
/// headline, and most weak candidates, are ruled out without computing
/// their key.
struct KeyOpenings {
    /// The keys of one byte, by [`key_byte`] (bit per byte).
    single: u64,
    /// The first two bytes of longer keys: bit `key_byte(b1)` of row
    /// `key_byte(b0)`. (A key opening with any other byte is never an ASCII
    /// name's.)
    pairs: [u64; KEY_BYTES],
    /// Whether the empty key is among them (it has no first byte).
    empty: bool,
}

/// How many bytes an ASCII name's key is made of: `a` to `z` and `0` to `9`.
const KEY_BYTES: usize = 36;

/// The index of a byte of an ASCII name's key (a lower-case letter or a
/// digit), if it is one.
fn key_byte(b: u8) -> Option<usize> {
    match b {
        b'a'..=b'z' => Some(usize::from(b - b'a')),
        b'0'..=b'9' => Some(26 + usize::from(b - b'0')),
        _ => None,
    }
}

impl KeyOpenings {
    fn new<'k>(keys: impl IntoIterator<Item = &'k str>) -> KeyOpenings {
        let mut open = KeyOpenings {
            single: 0,
            pairs: [0; KEY_BYTES],
            empty: false,
        };
        for k in keys {
            match *k.as_bytes() {
                [] => open.empty = true,
                [b0] => {
                    if let Some(i) = key_byte(b0) {
                        open.single |= 1 << i;
                    }
                }
                [b0, b1, ..] => {
                    if let (Some(i), Some(j)) = (key_byte(b0), key_byte(b1)) {
                        open.pairs[i] |= 1 << j;
                    }
                }
            }
        }
        open
    }

    /// Whether the merge key of `name` may be one of the keys.
    fn may_be_known(&self, name: &str) -> bool {
        if self.empty || !name.is_ascii() {
            return true;
        }
        let mut alnum = name
            .bytes()
            .filter_map(|b| key_byte(b.to_ascii_lowercase()));
        let Some(i) = alnum.next() else {
            return false;
        };
        self.single >> i & 1 == 1 || alnum.next().is_some_and(|j| self.pairs[i] >> j & 1 == 1)
    }
}

/// A document's tokens, found by start and by end byte offset: tokens are
/// in text order and do not overlap, so both their starts and their ends
/// ascend and a binary search finds a gazetteer match's tokens (two arrays
/// the size of the text per document cost more than the few searches).
struct TokenIndex<'t> {
    toks: &'t [Token],
}

impl<'t> TokenIndex<'t> {
    fn new(toks: &'t [Token]) -> TokenIndex<'t> {
        TokenIndex { toks }
    }

    /// The token starting at byte `at` (the last one, if several do).
    fn starting_at(&self, at: usize) -> Option<usize> {
        let i = self
            .toks
            .partition_point(|t| t.start <= at)
            .checked_sub(1)?;
        (self.toks[i].start == at).then_some(i)
    }

    /// The token ending at byte `at` (the last one, if several do).
    fn ending_at(&self, at: usize) -> Option<usize> {
        let i = self.toks.partition_point(|t| t.end <= at).checked_sub(1)?;
        (self.toks[i].end == at).then_some(i)
    }
}

/// Whether the words after `, a` describe an organisation.
fn org_apposition(text: &str, toks: &[Token], from: usize, slast: usize) -> bool {
    const HEADS: &[&str] = &[
        "company",
        "firm",
        "startup",
        "start-up",
        "maker",
        "provider",
        "developer",
        "unit",
        "subsidiary",
        "lender",
        "bank",
        "insurer",
        "retailer",
        "group",
        "operator",
        "platform",
        "manufacturer",
        "producer",
        "supplier",
        "distributor",
        "concern",
        "corporation",
        "holding",
        "fund",
        "airline",
        "carrier",
        "chain",
        "business",
        "venture",
        "lab",
        "laboratory",
        "service",
        "app",
        "network",
        "agency",
        "consultancy",
    ];
    // The head comes before any preposition or role word: "a founder of
    // cloud platform X" is a person's apposition.
    let mut from = from;
    // "X, one of the largest retail groups in Y": the head follows.
    let word = |k: usize| toks.get(k).map(|t| lexicon::lower(t.text(text)));
    if word(from + 1).as_deref() == Some("one") && word(from + 2).as_deref() == Some("of") {
        from += 2;
    }
    apposition_head_in(text, toks, from, slast, HEADS)
}

/// Whether the head noun of the apposition after the comma at token `from`
/// (within eight tokens, before any preposition or role word) is one of
/// `heads` (or its plural).
fn apposition_head_in(
    text: &str,
    toks: &[Token],
    from: usize,
    slast: usize,
    heads: &[&str],
) -> bool {
    let end = (from + 8).min(slast).max(from + 1);
    for tok in toks.get(from + 1..end).unwrap_or_default() {
        let w = lexicon::lower(tok.text(text));
        if heads.contains(&w.trim_end_matches('s')) {
            return true;
        }
        if is_role_word(&w) || matches!(&*w, "of" | "at" | "for" | "with" | "in" | "who" | ",") {
            return false;
        }
    }
    false
}

/// The key words, without legal designators, of the names of two words or
/// more among these organisation mentions (tickers left out), from the
/// mentions' `keys` (as pass 4 made them: each node mention's but a
/// ticker's).
fn org_name_words(mentions: &[Mention], keys: &[Option<(String, KeyWords)>]) -> Vec<KeyWords> {
    mentions
        .iter()
        .zip(keys)
        .filter(|(m, _)| m.entity_type == EntityType::Org && m.source != Source::Ticker)
        .filter_map(|(_, key)| key.as_ref())
        // (Dropping suffixes only shortens a name: a one-word name is left
        // out before its words are copied.)
        .filter(|(_, words)| words.len() >= 2)
        .map(|(_, words)| {
            let mut w = words.clone();
            w.strip_legal();
            w
        })
        .filter(|w| w.len() >= 2)
        .collect()
}

/// Whether the apposition after the comma at token `from` describes a
/// product ("Defense Llama, a specialized large language model"): its head
/// noun, before any preposition, is a product noun.
fn product_apposition(text: &str, toks: &[Token], from: usize, slast: usize) -> bool {
    const HEADS: &[&str] = &[
        "model",
        "chatbot",
        "product",
        "tool",
        "chip",
        "processor",
        "drug",
        "vaccine",
        "device",
        "smartphone",
        "phone",
        "handset",
        "console",
        "game",
        "vehicle",
        "car",
        "truck",
        "robot",
        "drone",
        "satellite",
        "rocket",
        "aircraft",
        "jet",
        "software",
        "feature",
    ];
    apposition_head_in(text, toks, from, slast, HEADS)
}

fn is_role_word(w: &str) -> bool {
    lexicon::class(w) & lexicon::ROLE != 0
}

/// Whether a word (as written) is an organisation head word.
fn is_org_head(w: &str) -> bool {
    lexicon::exact(w) & lexicon::ORG_HEAD != 0
}

/// Whether a word (as written) is a legal designator.
fn is_designator(w: &str) -> bool {
    lexicon::exact(w) & lexicon::LEGAL != 0
}

/// Whether a word (as written) is a function word.
fn is_function_word(w: &str) -> bool {
    lexicon::exact(w) & lexicon::FUNCTION != 0
}

/// Whether a word after a known organisation name makes a longer name: a
/// capitalised word that is not a role, function word, designator or
/// calendar word ("DBS Vickers", but not "Meta CEO" or "Google Inc").
fn extends_name(w: &str) -> bool {
    use lexicon::{CALENDAR, FIRST_NAME, FUNCTION, HONORIFIC, LEGAL, NON_ENTITY, PLACE};
    let cap = w.chars().next().is_some_and(|c| c.is_uppercase());
    cap && w.chars().any(|c| c.is_lowercase())
        && lexicon::exact(w) & (FUNCTION | HONORIFIC | CALENDAR | LEGAL) == 0
        && lexicon::class(w) & (lexicon::ROLE_CUT | lexicon::ROLE | FIRST_NAME | PLACE | NON_ENTITY)
            == 0
}

/// Whether a word has a capital after a lower-case letter, or starts with
/// two capitals followed by lower case ("ClearMetal", "NVentures"), and is
/// not a surname pattern (McDonald, MacArthur, DeLuca, LeBlanc).
fn is_camel_case(w: &str) -> bool {
    if w.is_ascii() {
        return is_camel_case_ascii(w.as_bytes());
    }
    is_camel_case_chars(w)
}

/// [`is_camel_case`] of an ASCII word, on its bytes (asked of every
/// one-word candidate).
fn is_camel_case_ascii(w: &[u8]) -> bool {
    if w.len() < 4 {
        return false;
    }
    // The shape first: most words asked ("Reuters") have none, and are
    // ruled out before the alphanumeric check and the surname prefixes.
    let inner = w
        .windows(2)
        .any(|p| p[0].is_ascii_lowercase() && p[1].is_ascii_uppercase());
    let two_caps =
        w[0].is_ascii_uppercase() && w[1].is_ascii_uppercase() && w[2].is_ascii_lowercase();
    (inner || two_caps)
        && w.iter().all(u8::is_ascii_alphanumeric)
        && !["Mc", "Mac", "De", "Le", "La", "Di", "Da", "Van", "Von", "O"]
            .iter()
            .any(|prefix| {
                w.strip_prefix(prefix.as_bytes())
                    .is_some_and(|rest| rest.first().is_some_and(u8::is_ascii_uppercase))
            })
}

/// [`is_camel_case`] of any word.
fn is_camel_case_chars(w: &str) -> bool {
    if !w.chars().all(|c| c.is_alphanumeric()) || w.chars().count() < 4 {
        return false;
    }
    for prefix in ["Mc", "Mac", "De", "Le", "La", "Di", "Da", "Van", "Von", "O"] {
        if let Some(rest) = w.strip_prefix(prefix) {
            if rest.chars().next().is_some_and(|c| c.is_uppercase()) {
                return false;
            }
        }
    }
    let chars: Vec<char> = w.chars().collect();
    let inner = chars
        .windows(2)
        .any(|p| p[0].is_lowercase() && p[1].is_uppercase());
    let two_caps = chars.len() > 3
        && chars[0].is_uppercase()
        && chars[1].is_uppercase()
        && chars[2].is_lowercase();
    inner || two_caps
}

/// Whether the inside of `<...>` is a ticker (`TWA`, `ARBG.F`, `AMO.N`).
fn is_ticker(inner: &str) -> bool {
    !inner.is_empty()
        && inner.len() <= 10
        && !inner.contains(' ')
        && inner
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.')
}

fn fix_tickers(out: &mut [Mention]) {
    // After sorting, ticker_of indices are stale: re-point each ticker to
    // the mention that ends right before it in the same sentence.
    for i in 0..out.len() {
        if out[i].source == Source::Ticker {
            let first = out[i].first;
            let sent = out[i].sentence;
            out[i].ticker_of = out[..i]
                .iter()
                .rposition(|m| m.last == first && m.sentence == sent);
        }
    }
}

/// Pairs of capitalised words joined by "and" more than once in a text
/// ("Simon and Schuster ... Simon and Schuster's"): a fixed name, which the
/// chunker keeps whole.
fn repeated_and_pairs<'t>(text: &'t str, toks: &[Token]) -> HashSet<(&'t str, &'t str)> {
    let cap = |t: &Token| {
        t.kind == TokenKind::Word
            && t.text(text).chars().next().is_some_and(char::is_uppercase)
            && t.text(text).chars().any(char::is_lowercase)
            && !is_function_word(t.text(text))
    };
    let mut seen: HashMap<(&str, &str), usize> = HashMap::default();
    for w in toks.windows(3) {
        if &text.as_bytes()[w[1].start..w[1].end] == b"and" && cap(&w[0]) && cap(&w[2]) {
            *seen.entry((w[0].text(text), w[2].text(text))).or_insert(0) += 1;
        }
    }
    seen.into_iter()
        .filter(|&(_, n)| n >= 2)
        .map(|(pair, _)| pair)
        .collect()
}

/// Splits a sentence's untaken tokens into name chunks, written into `out`
/// (cleared first): runs of capitalised words, joined over `&`,
/// name-internal hyphens, initials, `, Inc.` and `of` before a capital;
/// leading function words stripped; role words cut. `fixed`: the
/// document's [`repeated_and_pairs`], found when a chunk first needs them
/// (most documents have no "and" that only they would join).
fn chunks<'t>(
    bits: &TokenBits<'t>,
    first: usize,
    last: usize,
    taken: &[bool],
    fixed: &OnceCell<HashSet<(&'t str, &'t str)>>,
    out: &mut Vec<(usize, usize)>,
) {
    use lexicon::{CALENDAR, FUNCTION, HONORIFIC, LEGAL, LEGAL_DOT, ORG_HEAD, PLACE, ROLE_CUT};
    let (text, toks) = (bits.text, bits.toks);
    let is_cap = |k: usize| capitalised(text, toks, taken, k);
    out.clear();
    let mut i = first;
    while i < last {
        if !is_cap(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        loop {
            if j < last && is_cap(j) {
                j += 1;
                continue;
            }
            if j + 1 < last && !taken[j] {
                let w = toks[j].text(text);
                let glued = toks[j].start == toks[j - 1].end && toks[j + 1].start == toks[j].end;
                // Hewlett-Packard, Marks & Spencer, Carl C. Icahn
                if (w == "-" && glued && is_cap(j + 1))
                    || (w == "&" && is_cap(j + 1))
                    || (w == "." && toks[j - 1].end - toks[j - 1].start == 1 && is_cap(j + 1))
                {
                    j += 2;
                    continue;
                }
                // "Shaw's Supermarkets Inc": a possessive inside a name that
                // ends in a legal designator.
                // One word before it ("Alan Bond's Bond Corp" is two names).
                if toks[j].kind == TokenKind::Possessive
                    && w.ends_with('s')
                    && (j == i + 1 || (j == i + 2 && bits.class(i, PLACE)))
                    && is_cap(j + 1)
                {
                    let mut e = j + 1;
                    while e < last && is_cap(e) && e < j + 5 {
                        e += 1;
                    }
                    if e > j + 2 && bits.exact(e - 1, LEGAL) {
                        j = e;
                        continue;
                    }
                }
                // Name, Inc.
                if w == "," && bits.exact(j + 1, LEGAL) && !taken[j + 1] {
                    j += 2;
                    continue;
                }
                // Bank of England, University of Oxford.
                if matches!(w, "of" | "de" | "du" | "van" | "von" | "der" | "for")
                    && is_cap(j + 1)
                    && bits.exact(j - 1, ORG_HEAD)
                {
                    j += 2;
                    continue;
                }
                // Kohlberg Kravis Roberts and Co, Securities and Exchange
                // Commission: "and" inside a name that ends in a designator
                // or head word.
                if (w == "and" || w == "&") && is_cap(j + 1) {
                    let mut e = j + 1;
                    while e < last && is_cap(e) {
                        e += 1;
                    }
                    // "Kalaari Capital and Nexus Venture Partners": two
                    // complete names, each with its own head word.
                    let left = toks[j - 1].text(text);
                    let two_names = w == "and"
                        && j >= i + 2
                        && e >= j + 3
                        && (bits.exact(j - 1, ORG_HEAD | LEGAL) || bits.class(j - 1, PLACE));
                    let fixed_name = || {
                        let fixed = fixed.get_or_init(|| repeated_and_pairs(text, toks));
                        !fixed.is_empty() && fixed.contains(&(left, toks[j + 1].text(text)))
                    };
                    if (!two_names && bits.exact(e - 1, LEGAL | ORG_HEAD))
                        || (w == "and" && fixed_name())
                    {
                        j += 2;
                        continue;
                    }
                }
            }
            break;
        }
        // Keep the period of "Inc." / "Corp." inside.
        if j < last
            && toks[j].text(text) == "."
            && toks[j].start == toks[j - 1].end
            && bits.exact(j - 1, LEGAL_DOT)
            && !taken[j]
        {
            j += 1;
        }
        // Strip leading function words, honorifics and role words; cut at
        // role words inside ("Chrysler Chairman Lee Iacocca").
        let mut s = i;
        while s < j && bits.exact(s, FUNCTION | HONORIFIC | CALENDAR) {
            s += 1;
        }
        // "the U.S. Shaw's Supermarkets Inc": a place before a possessive
        // name is not part of it.
        if s + 2 < j && bits.class(s, PLACE) && toks[s + 2].kind == TokenKind::Possessive {
            s += 1;
        }
        let mut start = s;
        let mut k = s;
        while k < j {
            if toks[k].kind == TokenKind::Word && bits.class(k, ROLE_CUT) {
                if k > start {
                    out.push((start, k));
                }
                start = k + 1;
            }
            k += 1;
        }
        if start < j {
            // Trailing punctuation is not part of a name.
            let mut e = j;
            while e > start && matches!(toks[e - 1].text(text), "," | "-" | "&") {
                e -= 1;
            }
            if e > start {
                out.push((start, e));
            }
        }
        i = j.max(i + 1);
    }
}

/// Whether token `k` is an untaken capitalised word (or a word of digits
/// and letters opening with a digit). Asked of every token, so inlined
/// (as a call it cost a third of the chunker), and the first byte decides
/// most words without decoding a char.
#[inline(always)]
fn capitalised(text: &str, toks: &[Token], taken: &[bool], k: usize) -> bool {
    let t = toks[k];
    if t.kind != TokenKind::Word || taken[k] {
        return false;
    }
    // (Bytes: a `str` slice would check its ends are char boundaries.)
    let w = &text.as_bytes()[t.start..t.end];
    match w.first() {
        Some(b'A'..=b'Z') => true,
        Some(b'0'..=b'9') => !w.iter().all(u8::is_ascii_digit),
        Some(b) if b.is_ascii() => false,
        // Not ASCII, so not all ASCII digits.
        _ => t.text(text).chars().next().is_some_and(char::is_uppercase),
    }
}

/// Normalises a name once, at recognition: C0 control characters removed,
/// runs of white space folded to one space, trimmed.
pub fn normalize_name(s: &str) -> String {
    crate::text::fold_whitespace(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn camel_case_names() {
        for yes in [
            "ClearMetal",
            "BoxGroup",
            "NVentures",
            "MyFitnessPal",
            "HartBeat",
        ] {
            assert!(is_camel_case(yes), "{yes}");
        }
        for no in [
            "McDonald",
            "MacArthur",
            "DeLuca",
            "Google",
            "IBM",
            "Apple",
            "OBrien",
            "A1",
        ] {
            assert!(!is_camel_case(no), "{no}");
        }
    }

    #[test]
    fn cue_prefilter_keeps_the_cue_words() {
        for w in FUNDING_WORDS.iter().chain(CUE_WORDS) {
            for v in [
                w.to_string(),
                w.to_uppercase(),
                w[..1].to_uppercase() + &w[1..],
            ] {
                assert!(may_be_cue(&v), "{v}");
            }
        }
        assert!(!may_be_cue("the") && !may_be_cue("Tuesday") && !may_be_cue(""));
        assert!(!may_be_cue("raised-and-then-some") && !may_be_cue("Reuters"));
        assert!(may_be_cue("Roundup"));
        assert!(may_be_cue("\u{212A}ey"));
    }

    #[test]
    fn camel_case_fast_path_matches_chars() {
        for w in [
            "ClearMetal",
            "BoxGroup",
            "NVentures",
            "McDonald",
            "MacArthur",
            "DeLuca",
            "Google",
            "IBM",
            "OBrien",
            "A1",
            "",
            "abcD",
            "ABc",
            "ABcd",
            "VanHalen",
            "Van",
            "OK",
            "iPhone",
            "eBay",
            "x-Ray",
            "AbCd",
            "ABCDe",
            "O",
            "Oo",
            "OoOo",
        ] {
            assert_eq!(
                is_camel_case_ascii(w.as_bytes()),
                is_camel_case_chars(w),
                "{w}"
            );
        }
    }

    #[test]
    fn tickers() {
        assert!(is_ticker("TWA") && is_ticker("ARBG.F"));
        assert!(!is_ticker("Allegheny International Inc") && !is_ticker(""));
    }

    #[test]
    fn key_openings_keep_every_name_of_a_key() {
        let names = [
            "A's",
            "AB's",
            "A Inc",
            "Co Inc",
            "Co. Ltd",
            "U.S. Steel Corp",
            "3M",
            "X",
            "'s",
            "...",
            "O'Neill",
            " Meta",
            "A. B.",
            "Zoë",
            "I B M",
            "Bank of America's",
            "ab",
        ];
        for name in names {
            let key = merge_key(name);
            let open = KeyOpenings::new([key.as_str()]);
            assert!(open.may_be_known(name), "{name:?} (key {key:?})");
        }
        let open = KeyOpenings::new(["meta", "x"]);
        assert!(open.may_be_known("META Platforms") && open.may_be_known("X-Ray"));
        assert!(
            !open.may_be_known("Mobil") && !open.may_be_known("Google") && !open.may_be_known("..")
        );
    }

    #[test]
    fn known_names_extend_only_into_names() {
        assert!(extends_name("Vickers"));
        assert!(!extends_name("CEO") && !extends_name("Inc") && !extends_name("Monday"));
    }
}
