//! Documents: the unit of input, with a stable id and its text.

use std::fmt;
use std::sync::Arc;

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One input document.
///
/// The text is what every offset in the graph points into: sentence spans,
/// mention spans and evidence offsets are UTF-8 byte offsets into
/// [`Document::text`]. For a JSON-lines record with a title, the text is
/// `title + "\n\n" + text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    id: String,
    text: String,
    /// Shared with the evidence of the document's edges.
    meta: Arc<Meta>,
}

impl Document {
    /// Creates a document from an id and its text.
    ///
    /// # Example
    /// ```
    /// let doc = kgraph::Document::new("a.txt", "Meta invested $14.3 billion in Scale AI.");
    /// assert_eq!(doc.id(), "a.txt");
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            meta: Arc::default(),
        }
    }

    /// Creates a document from a title and a body: the text is
    /// `title + "\n\n" + body`, or the body alone when the title is empty.
    pub fn with_title(id: impl Into<String>, title: &str, body: &str) -> Document {
        let text = if title.trim().is_empty() {
            body.to_string()
        } else {
            format!("{title}\n\n{body}")
        };
        Document::new(id, text)
    }

    /// Adds a metadata field (such as `date` or `url`) that travels with the
    /// document into the evidence of its edges.
    pub fn with_meta(mut self, key: impl Into<String>, value: impl Into<String>) -> Document {
        Arc::make_mut(&mut self.meta).insert(key.into(), value.into());
        self
    }

    /// The document's stable id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The document's text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Metadata fields, sorted by key.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// The metadata fields as the shared map the evidence of the
    /// document's edges holds (cloning it copies no field).
    pub fn shared_meta(&self) -> &Arc<Meta> {
        &self.meta
    }
}

/// Document metadata: `(key, value)` fields sorted by key, each key once.
///
/// A small sorted vector rather than a map: a document usually has one to
/// three fields (`date`, `url`, `title`), and every piece of evidence of the
/// document shares its [`Meta`], so it should cost one small allocation.
/// It serializes as a map in key order (exactly as a
/// `BTreeMap<String, String>` would) and deserializes from a map, where a
/// repeated key's last value counts.
///
/// # Example
/// ```
/// let mut meta = kgraph::Meta::default();
/// meta.insert("url", "https://x.test/1");
/// meta.insert("date", "2025-06-12");
/// meta.insert("date", "2025-06-13");
/// assert_eq!(meta.get("date"), Some("2025-06-13"));
/// let fields: Vec<_> = meta.iter().collect();
/// assert_eq!(fields, [("date", "2025-06-13"), ("url", "https://x.test/1")]);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Meta {
    /// Sorted by key, keys unique.
    fields: Vec<(String, String)>,
}

impl Meta {
    /// An empty set of fields (allocates nothing).
    pub const fn new() -> Meta {
        Meta { fields: Vec::new() }
    }

    /// The value of a field, if the document has it.
    ///
    /// # Example
    /// ```
    /// let meta: kgraph::Meta = [("date".to_string(), "1987-03-02".to_string())]
    ///     .into_iter()
    ///     .collect();
    /// assert_eq!(meta.get("date"), Some("1987-03-02"));
    /// assert_eq!(meta.get("url"), None);
    /// ```
    pub fn get(&self, key: &str) -> Option<&str> {
        self.position(key).ok().map(|i| self.fields[i].1.as_str())
    }

    /// The fields as `(key, value)`, sorted by key.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &str)> + DoubleEndedIterator {
        self.into_iter()
    }

    /// The number of fields.
    pub fn len(&self) -> usize {
        self.fields.len()
    }

    /// Whether there are no fields.
    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// Sets a field: replaces the value of an existing key, or adds the key
    /// in its sorted place. Capacity grows by exactly one field, so a
    /// one-field set is one allocation of one `(String, String)`.
    ///
    /// # Example
    /// ```
    /// let mut meta = kgraph::Meta::new();
    /// meta.insert("title", "A");
    /// meta.insert("title", "B");
    /// assert_eq!(meta.len(), 1);
    /// assert_eq!(meta.get("title"), Some("B"));
    /// ```
    pub fn insert(&mut self, key: impl Into<String>, value: impl Into<String>) {
        let key = key.into();
        match self.position(&key) {
            Ok(i) => self.fields[i].1 = value.into(),
            Err(i) => {
                self.fields.reserve_exact(1);
                self.fields.insert(i, (key, value.into()));
            }
        }
    }

    /// Where `key` is (`Ok`) or would go (`Err`) in the sorted fields.
    fn position(&self, key: &str) -> Result<usize, usize> {
        self.fields.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }
}

/// Collects fields; a repeated key's last value counts.
impl FromIterator<(String, String)> for Meta {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(iter: I) -> Meta {
        let mut fields: Vec<(String, String)> = iter.into_iter().collect();
        // Stable: equal keys keep their input order, so the last is last.
        fields.sort_by(|a, b| a.0.cmp(&b.0));
        // `dedup_by` keeps the first of a run; move each later value into it.
        fields.dedup_by(|later, kept| {
            let same = later.0 == kept.0;
            if same {
                std::mem::swap(&mut later.1, &mut kept.1);
            }
            same
        });
        fields.shrink_to_fit();
        Meta { fields }
    }
}

impl<'a> IntoIterator for &'a Meta {
    type Item = (&'a str, &'a str);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, String)>,
        fn(&'a (String, String)) -> (&'a str, &'a str),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.fields.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// A map of its fields in key order.
impl Serialize for Meta {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self)
    }
}

/// From a map of string values (through `deserialize_map`, so it works as a
/// `#[serde(flatten)]` field); a repeated key's last value counts.
impl<'de> Deserialize<'de> for Meta {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Meta, D::Error> {
        struct MetaVisitor;

        impl<'de> Visitor<'de> for MetaVisitor {
            type Value = Meta;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of strings")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Meta, A::Error> {
                let mut fields = Vec::with_capacity(access.size_hint().unwrap_or(0).min(64));
                while let Some(field) = access.next_entry::<String, String>()? {
                    fields.push(field);
                }
                Ok(fields.into_iter().collect())
            }
        }

        deserializer.deserialize_map(MetaVisitor)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn fields(meta: &Meta) -> Vec<(&str, &str)> {
        meta.iter().collect()
    }

    #[test]
    fn insert_order_does_not_matter() {
        let pairs = [("url", "u"), ("date", "d"), ("title", "t"), ("a", "")];
        let mut forward = Meta::new();
        for (k, v) in pairs {
            forward.insert(k, v);
        }
        let mut backward = Meta::new();
        for (k, v) in pairs.iter().rev() {
            backward.insert(*k, *v);
        }
        assert_eq!(forward, backward);
        assert_eq!(
            fields(&forward),
            [("a", ""), ("date", "d"), ("title", "t"), ("url", "u")]
        );
        assert_eq!(forward.len(), 4);
        assert!(!forward.is_empty());
        assert!(Meta::new().is_empty());
    }

    #[test]
    fn insert_replaces_a_key() {
        let mut meta = Meta::new();
        meta.insert("date", "1");
        meta.insert("url", "u");
        meta.insert("date", "2");
        assert_eq!(fields(&meta), [("date", "2"), ("url", "u")]);
        assert_eq!(meta.get("date"), Some("2"));
        assert_eq!(meta.get("dat"), None);
        // Capacity grows one field at a time.
        let mut one = Meta::new();
        one.insert("date", "d");
        assert_eq!(one.fields.capacity(), 1);
    }

    #[test]
    fn collect_sorts_and_keeps_the_last_value() {
        let meta: Meta = [("b", "1"), ("a", "2"), ("b", "3"), ("c", "4"), ("b", "5")]
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        assert_eq!(fields(&meta), [("a", "2"), ("b", "5"), ("c", "4")]);
        assert_eq!(meta.fields.capacity(), 3);
    }

    #[test]
    fn serde_matches_a_btreemap() {
        let json = r#"{"z":"1","a":"2","m":"3","a":"4"}"#;
        let meta: Meta = serde_json::from_str(json).unwrap();
        let map: BTreeMap<String, String> = serde_json::from_str(json).unwrap();
        assert_eq!(
            serde_json::to_string(&meta).unwrap(),
            serde_json::to_string(&map).unwrap()
        );
        assert_eq!(
            serde_json::to_string(&meta).unwrap(),
            r#"{"a":"4","m":"3","z":"1"}"#
        );
        assert!(serde_json::from_str::<Meta>(r#"{"a":1}"#).is_err());
        assert!(serde_json::from_str::<Meta>(r#"["a"]"#).is_err());
        let doc = Document::new("d", "t")
            .with_meta("url", "u")
            .with_meta("date", "d");
        assert_eq!(fields(doc.meta()), [("date", "d"), ("url", "u")]);
    }
}
