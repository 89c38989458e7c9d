//! Relations: typed edges between resolved entities, found by trigger
//! lexicons plus argument patterns over sentence items, with status,
//! amount and stake read from the same sentence.
//!
//! Each rule has an id (`acq.active`, `lead.apposition`, ...) written into
//! the edge's evidence, so a wrong edge points at its rule. Status comes from
//! modality cues around the trigger (see [`cues`]) with the precedence
//! denied > former > reported > proposed > announced > completed.

pub mod cues;
mod items;
mod rules;

pub use items::{Item, sentence_items, sentence_items_into, sentence_words_only};
pub use rules::{Found, extract_sentence, extract_sentence_in, may_name_raiser, sentence_raiser};
