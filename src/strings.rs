//! Strings kept end to end in one buffer, by number: the tables that hold
//! a string per document or per name for a whole run (the merge's doc ids
//! and names, the ids seen by the input), where a `String` each (and a
//! second copy as a hash map key) would cost an allocation per string.

use std::hash::BuildHasher;

use hashbrown::HashTable;

/// Strings by number, kept end to end in one buffer, so that a string
/// costs its bytes and an offset rather than an allocation of its own.
#[derive(Clone, Debug, Default)]
pub(crate) struct Strings {
    /// The strings, end to end.
    text: String,
    /// `ends[n]`: where string `n` ends in `text` (it starts where string
    /// `n - 1` ends).
    ends: Vec<usize>,
}

impl Strings {
    /// Adds a string; its number is the number of strings before it.
    pub(crate) fn push(&mut self, s: &str) -> u32 {
        let n = u32::try_from(self.ends.len()).unwrap_or(u32::MAX);
        self.text.push_str(s);
        self.ends.push(self.text.len());
        n
    }

    /// String number `n`.
    pub(crate) fn get(&self, n: u32) -> &str {
        let n = n as usize;
        let start = if n == 0 { 0 } else { self.ends[n - 1] };
        &self.text[start..self.ends[n]]
    }

    /// How many strings there are.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }
}

/// Distinct strings, each with a number in order of arrival; the caller
/// works with the numbers and turns them back into strings (in sorted
/// order where it matters) only at the end.
///
/// The strings are kept once, in [`Strings`], rather than as a `String`
/// each (and a second copy as a hash map key): the merge and the input
/// hold tens of thousands of them for the whole run, and every byte it holds
/// is a fresh page to zero. Only looked up, never iterated, so the fast
/// fixed-seed hasher cannot change any output.
#[derive(Debug, Default)]
pub(crate) struct Numbered {
    /// The numbers, hashed by their strings, each with its string's
    /// [`hash`]: growing the table then reads no string and hashes none.
    table: HashTable<(u32, u32)>,
    pub(crate) strings: Strings,
}

/// The hash of a string in a [`Numbered`], folded to the 32 bits kept.
fn hash(s: &str) -> u32 {
    let h = foldhash::fast::FixedState::default().hash_one(s);
    (h >> 32) as u32 ^ h as u32
}

/// The table hash of a [`hash`]: it in both halves, so that the bucket
/// (hashbrown takes the low bits) and the tag (the top seven bits) both
/// come from it.
fn table_hash(h: u32) -> u64 {
    (u64::from(h) << 32) | u64::from(h)
}

impl Numbered {
    /// An empty table with room for `n` strings.
    pub(crate) fn with_capacity(n: usize) -> Numbered {
        Numbered {
            table: HashTable::with_capacity(n),
            strings: Strings::default(),
        }
    }

    /// The number of `s`, new if `s` was not seen before; also whether it
    /// is new.
    pub(crate) fn number(&mut self, s: &str) -> (u32, bool) {
        let Numbered { table, strings } = self;
        let h = hash(s);
        let entry = table.entry(
            table_hash(h),
            |&(n, nh)| nh == h && strings.get(n) == s,
            |&(_, nh)| table_hash(nh),
        );
        match entry {
            hashbrown::hash_table::Entry::Occupied(e) => (e.get().0, false),
            hashbrown::hash_table::Entry::Vacant(e) => {
                let n = strings.push(s);
                e.insert((n, h));
                (n, true)
            }
        }
    }

    /// The string of number `n`.
    pub(crate) fn string(&self, n: u32) -> &str {
        self.strings.get(n)
    }

    /// How many strings there are.
    pub(crate) fn len(&self) -> usize {
        self.strings.len()
    }
}
