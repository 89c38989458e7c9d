//! Documents: the unit of input, with a stable id and its text.

use std::collections::BTreeMap;
use std::sync::Arc;

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
    meta: Arc<BTreeMap<String, String>>,
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
    pub fn meta(&self) -> &BTreeMap<String, String> {
        &self.meta
    }

    /// The metadata fields as the shared map the evidence of the
    /// document's edges holds (cloning it copies no field).
    pub fn shared_meta(&self) -> &Arc<BTreeMap<String, String>> {
        &self.meta
    }
}
