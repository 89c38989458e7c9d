//! Hash maps and sets for lookups on the hot path.
//!
//! Words, names and merge keys are looked up by the hundred thousand per
//! corpus, and SipHash (std's default, which resists hash flooding) was a
//! sizeable share of recognition and of the relation rules. These use
//! foldhash with a fixed seed instead. Only for maps and sets that are
//! looked up and never iterated into output: their order would then depend
//! on the hasher.

/// A `HashMap` with foldhash's fixed-seed hasher.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::FixedState>;

/// A `HashSet` with foldhash's fixed-seed hasher.
pub(crate) type HashSet<T> = std::collections::HashSet<T, foldhash::fast::FixedState>;
