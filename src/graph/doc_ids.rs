//! [`DocIds`]: the documents of a node as numbers into one table of doc
//! ids shared by all nodes of a graph.
//!
//! A node is mentioned in a few documents, a graph has many nodes, and the
//! same doc id comes back in the lists of many of them: as owned
//! `String`s, one per (node, document), the lists grew with the corpus
//! into the largest part of the nodes. Here each doc id is kept once, and a
//! node holds four bytes per document.

use std::fmt;
use std::sync::Arc;

use serde::{Serialize, Serializer};

use crate::strings::Strings;

/// Ids of documents, sorted: numbers into a table of doc ids shared by all
/// nodes of a graph.
///
/// It reads like a list of strings: [`DocIds::iter`], [`DocIds::get`],
/// [`DocIds::len`]; it compares, prints ([`Debug`](fmt::Debug)) and
/// serialises exactly as the `Vec<String>` of its ids would. Build one by
/// hand from strings with [`From<Vec<String>>`](DocIds#impl-From<Vec<String>>-for-DocIds)
/// or [`collect`](Iterator::collect); they are kept in the order given.
///
/// ```
/// use kgraph::graph::DocIds;
///
/// let docs = DocIds::from(vec!["d1".to_owned(), "d2".to_owned()]);
/// assert_eq!(docs.len(), 2);
/// assert_eq!(docs.get(1), Some("d2"));
/// assert_eq!(docs.iter().collect::<Vec<_>>(), ["d1", "d2"]);
/// assert_eq!(serde_json::to_string(&docs).unwrap(), r#"["d1","d2"]"#);
/// ```
#[derive(Clone, Default)]
pub struct DocIds {
    /// The doc ids the numbers point into, shared.
    table: Arc<Strings>,
    /// The numbers of this list's doc ids in `table`, in order.
    ids: Box<[u32]>,
}

impl DocIds {
    /// The doc ids numbered `ids` in `table`, in that order.
    pub(crate) fn new(table: &Arc<Strings>, ids: &[u32]) -> DocIds {
        DocIds {
            table: Arc::clone(table),
            ids: ids.into(),
        }
    }

    /// The strings, in the order given, in a table of their own.
    fn own_table<S: AsRef<str>>(iter: impl IntoIterator<Item = S>) -> DocIds {
        let mut table = Strings::default();
        let ids: Vec<u32> = iter.into_iter().map(|s| table.push(s.as_ref())).collect();
        DocIds {
            table: Arc::new(table),
            ids: ids.into_boxed_slice(),
        }
    }

    /// The doc ids, in order.
    pub fn iter(&self) -> DocIdsIter<'_> {
        DocIdsIter {
            table: &self.table,
            ids: self.ids.iter(),
        }
    }

    /// Number of doc ids.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Doc id number `i` of the list (from 0), if there are that many.
    pub fn get(&self, i: usize) -> Option<&str> {
        self.ids.get(i).map(|&n| self.table.get(n))
    }

    /// The doc ids as owned strings.
    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_owned).collect()
    }
}

/// The doc ids of a [`DocIds`], in order: made by [`DocIds::iter`].
#[derive(Clone, Debug)]
pub struct DocIdsIter<'a> {
    table: &'a Strings,
    ids: std::slice::Iter<'a, u32>,
}

impl<'a> Iterator for DocIdsIter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.ids.next().map(|&n| self.table.get(n))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.ids.size_hint()
    }
}

impl ExactSizeIterator for DocIdsIter<'_> {}

impl DoubleEndedIterator for DocIdsIter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.ids.next_back().map(|&n| self.table.get(n))
    }
}

impl std::iter::FusedIterator for DocIdsIter<'_> {}

impl<'a> IntoIterator for &'a DocIds {
    type Item = &'a str;
    type IntoIter = DocIdsIter<'a>;

    fn into_iter(self) -> DocIdsIter<'a> {
        self.iter()
    }
}

impl PartialEq for DocIds {
    /// Equal when the doc ids are, in order (whatever tables they are in).
    fn eq(&self, other: &DocIds) -> bool {
        if Arc::ptr_eq(&self.table, &other.table) {
            return self.ids == other.ids;
        }
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for DocIds {}

impl fmt::Debug for DocIds {
    /// As a list of strings: `["d1", "d2"]`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for DocIds {
    /// A sequence of strings, as `Vec<String>` serialises.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl FromIterator<String> for DocIds {
    /// The strings, in the order given, in a table of their own.
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> DocIds {
        DocIds::own_table(iter)
    }
}

impl<'a> FromIterator<&'a str> for DocIds {
    /// The strings, in the order given, in a table of their own.
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> DocIds {
        DocIds::own_table(iter)
    }
}

impl From<Vec<String>> for DocIds {
    /// The strings, in the order given, in a table of their own.
    fn from(docs: Vec<String>) -> DocIds {
        docs.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(ids: &[&str]) -> Vec<String> {
        ids.iter().map(|&s| s.to_owned()).collect()
    }

    /// Doc ids numbered into a shared table, as the builder makes them.
    fn shared() -> (Arc<Strings>, DocIds, DocIds) {
        let mut table = Strings::default();
        for s in ["d3 <\"hostile\">", "d1", "", "d2", "東京"] {
            table.push(s);
        }
        let table = Arc::new(table);
        let a = DocIds::new(&table, &[1, 3, 0]);
        let b = DocIds::new(&table, &[2, 4]);
        (table, a, b)
    }

    #[test]
    fn iterates_in_order() {
        let (_, a, b) = shared();
        assert_eq!(
            a.iter().collect::<Vec<_>>(),
            ["d1", "d2", "d3 <\"hostile\">"]
        );
        assert_eq!(b.iter().collect::<Vec<_>>(), ["", "東京"]);
        assert_eq!(a.iter().next_back(), Some("d3 <\"hostile\">"));
        assert_eq!((&a).into_iter().len(), 3);
        let mut it = a.iter();
        it.next();
        assert_eq!(it.len(), 2);
        assert_eq!(a.len(), 3);
        assert!(!a.is_empty());
        assert_eq!(a.get(0), Some("d1"));
        assert_eq!(a.get(2), Some("d3 <\"hostile\">"));
        assert_eq!(a.get(3), None);
        assert_eq!(a.to_vec(), strings(&["d1", "d2", "d3 <\"hostile\">"]));
        let empty = DocIds::default();
        assert!(empty.is_empty());
        assert_eq!(empty.iter().next(), None);
        assert_eq!(empty.get(0), None);
    }

    #[test]
    fn equal_by_strings() {
        let (table, a, b) = shared();
        assert_eq!(a, DocIds::new(&table, &[1, 3, 0]));
        assert_ne!(a, b);
        assert_ne!(a, DocIds::new(&table, &[1, 3]));
        assert_ne!(a, DocIds::new(&table, &[3, 1, 0]));
        // Across tables: by the strings, not the numbers.
        assert_eq!(a, DocIds::from(strings(&["d1", "d2", "d3 <\"hostile\">"])));
        assert_eq!(b, ["", "東京"].into_iter().collect::<DocIds>());
        assert_ne!(b, DocIds::from(strings(&["", "東京", "x"])));
        assert_eq!(DocIds::default(), DocIds::from(Vec::new()));
    }

    #[test]
    fn serialises_as_vec_of_strings() {
        let (_, a, b) = shared();
        for (docs, want) in [
            (&a, strings(&["d1", "d2", "d3 <\"hostile\">"])),
            (&b, strings(&["", "東京"])),
            (&DocIds::default(), Vec::new()),
        ] {
            assert_eq!(
                serde_json::to_string(docs).unwrap(),
                serde_json::to_string(&want).unwrap()
            );
            assert_eq!(
                serde_json::to_string_pretty(docs).unwrap(),
                serde_json::to_string_pretty(&want).unwrap()
            );
            assert_eq!(format!("{docs:?}"), format!("{want:?}"));
        }
    }

    #[test]
    fn built_by_hand() {
        let docs: DocIds = strings(&["b", "a", "b"]).into_iter().collect();
        assert_eq!(docs.to_vec(), strings(&["b", "a", "b"]));
        assert_eq!(DocIds::from(strings(&["b", "a", "b"])), docs);
    }
}
