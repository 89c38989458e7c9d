//! Resolution: mentions of one entity become one entity.
//!
//! Within a document, a multi-pass sieve merges mentions from the most to
//! the least precise evidence (exact key, defined acronyms and tickers,
//! designator variants, short forms after the full form, surnames). Across
//! documents, entities meet through their merge key ([`merge_key`]).

mod cluster;
mod key;

pub(crate) use cluster::acronym_of_words;
pub use cluster::{
    Cluster, ResolveOptions, clean_label, is_acronym_of, resolve, retype_surnames, unify_types,
};

pub use key::{
    KeyWords, LEGAL_SUFFIXES, fold_accents, key_words, merge_key, merge_key_into,
    merge_key_of_words, strip_legal,
};
