//! A thin layer over quick-xml's event writer for the XML formats (GraphML,
//! its yEd flavour, GEXF): every attribute value and text goes through
//! [`escape::xml_attr`] / [`escape::xml_text_into`], so line breaks and
//! tabs in attributes survive and characters XML forbids never reach the
//! file.
//!
//! Start tags are built in one reused string (attributes escaped into it)
//! and handed to quick-xml as a borrowed [`BytesStart`], so that no tag
//! allocates; elements without children
//! are written in one piece at the writer's indentation (see
//! [`XmlOut::empty`]), the line break and indentation before them kept at
//! the start of that string, so that each is one write.

use std::io::{BufWriter, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};

use super::chunked;
use super::escape;
use crate::error::Result;

/// An indented XML writer.
pub(crate) struct XmlOut<'w> {
    w: Writer<BufWriter<&'w mut dyn Write>>,
    /// Reused: a line break and the indentation of the current depth (what
    /// quick-xml's `write_indent` writes), then a start tag or an element
    /// without children being written.
    leaf: String,
    /// The length of the line break and indentation at the start of `leaf`.
    indent: usize,
}

/// The indentation quick-xml adds per depth (see [`XmlOut::new`]).
const INDENT: &str = "  ";

/// Appends the attributes ` a="v" ...` to `tag`, each value escaped by
/// [`escape::xml_attr_into`].
fn push_attrs(tag: &mut String, attrs: &[(&str, &str)]) {
    for (k, v) in attrs {
        tag.push(' ');
        tag.push_str(k);
        tag.push_str("=\"");
        escape::xml_attr_into(tag, v);
        tag.push('"');
    }
}

impl<'w> XmlOut<'w> {
    /// Starts a document with the UTF-8 declaration.
    pub(crate) fn new(out: &'w mut dyn Write) -> Result<XmlOut<'w>> {
        let mut w = Writer::new_with_indent(chunked(out), b' ', INDENT.len());
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        Ok(XmlOut {
            w,
            leaf: String::from("\n"),
            indent: 1,
        })
    }

    /// Empties `leaf` but for the line break and indentation.
    fn clear(&mut self) {
        self.leaf.truncate(self.indent);
    }

    /// `<name a="v">`.
    pub(crate) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        // The tag's inside is made in `leaf` (values escaped here: quick-xml's
        // own escaping keeps line breaks and tabs, which attribute
        // normalisation would turn into spaces) and handed to quick-xml as
        // it is, which indents it and the element's children.
        self.clear();
        self.leaf.push_str(name);
        push_attrs(&mut self.leaf, attrs);
        let start = BytesStart::from_content(&self.leaf[self.indent..], name.len());
        self.w.write_event(Event::Start(start))?;
        // One level deeper, as quick-xml's indentation now is.
        self.clear();
        self.leaf.push_str(INDENT);
        self.indent = self.leaf.len();
        Ok(())
    }

    /// `</name>`.
    pub(crate) fn close(&mut self, name: &str) -> Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))?;
        // `leaf` still starts with the line break and this indentation.
        self.indent = self.indent.saturating_sub(INDENT.len()).max(1);
        Ok(())
    }

    /// `<name a="v"/>`.
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.empty_fixed(name, attrs)
    }

    /// `<head a="v"/>`: [`XmlOut::empty`] with a fixed start `head`
    /// (`attvalue for="type"`, already escaped) written as it is.
    pub(crate) fn empty_fixed(&mut self, head: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.clear();
        self.leaf.push('<');
        self.leaf.push_str(head);
        push_attrs(&mut self.leaf, attrs);
        self.leaf.push_str("/>");
        self.write_leaf()
    }

    /// `<name a="v">text</name>`.
    pub(crate) fn text_element(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        text: &str,
    ) -> Result<()> {
        self.clear();
        self.leaf.push('<');
        self.leaf.push_str(name);
        push_attrs(&mut self.leaf, attrs);
        self.push_text_end(name, text);
        self.write_leaf()
    }

    /// `<head>text</name>` from its fixed parts: `start` is the whole start
    /// tag and `end` the end tag, written as they are (`<data
    /// key="node_label">` and `</data>`, made with `concat!`), for the many
    /// elements whose tags never change, so that only the text is escaped.
    #[inline(always)]
    pub(crate) fn text_element_fixed(&mut self, start: &str, text: &str, end: &str) -> Result<()> {
        self.clear();
        self.leaf.push_str(start);
        escape::xml_text_into(&mut self.leaf, text);
        self.leaf.push_str(end);
        self.write_leaf()
    }

    /// An element without children from its fixed parts and one attribute
    /// value: `start` up to the value's opening quote (`<attvalue
    /// for="type" value="`), the value escaped, then `end` (`"/>`).
    pub(crate) fn attr_element_fixed(&mut self, start: &str, value: &str, end: &str) -> Result<()> {
        self.clear();
        self.leaf.push_str(start);
        escape::xml_attr_into(&mut self.leaf, value);
        self.leaf.push_str(end);
        self.write_leaf()
    }

    /// `>text</name>`, the text escaped.
    fn push_text_end(&mut self, name: &str, text: &str) {
        self.leaf.push('>');
        escape::xml_text_into(&mut self.leaf, text);
        self.leaf.push_str("</");
        self.leaf.push_str(name);
        self.leaf.push('>');
    }

    /// Writes the element in `leaf` on a new line at the current
    /// indentation (both already in `leaf`), as the writer would have
    /// written it from events (one write instead of up to a dozen). The
    /// writer starts a new line before every element unless text came just
    /// before, and the only text written is inside elements written here,
    /// so a new line always starts here; such an element leaves the
    /// indentation as it was.
    fn write_leaf(&mut self) -> Result<()> {
        self.w.get_mut().write_all(self.leaf.as_bytes())?;
        Ok(())
    }

    /// Ends the document with a line break.
    pub(crate) fn finish(mut self) -> Result<()> {
        self.w.get_mut().write_all(b"\n")?;
        self.w.into_inner().flush()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indented_like_quick_xml() {
        let mut out = Vec::new();
        let r = (|| -> Result<()> {
            let mut x = XmlOut::new(&mut out)?;
            x.open("a", &[("k", "v<\"&\n")])?;
            x.open("b", &[])?;
            x.empty("c", &[("x", "1"), ("y", "\t")])?;
            x.text_element("d", &[], "t'<&>\r\u{1}")?;
            x.text_element_fixed("<d k=\"f\">", "x&", "</d>")?;
            x.attr_element_fixed("<d k=\"f\" v=\"", "\"\n'", "\"/>")?;
            x.empty_fixed("e k=\"f\"", &[("v", "<")])?;
            x.close("b")?;
            x.close("a")?;
            x.finish()
        })();
        assert!(r.is_ok(), "{r:?}");
        assert_eq!(
            String::from_utf8(out).unwrap_or_default(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a k=\"v&lt;&quot;&amp;&#10;\">\n  <b>\n    <c x=\"1\" y=\"&#9;\"/>\n    <d>t&apos;&lt;&amp;&gt;&#13;</d>\n    <d k=\"f\">x&amp;</d>\n    <d k=\"f\" v=\"&quot;&#10;'\"/>\n    <e k=\"f\" v=\"&lt;\"/>\n  </b>\n</a>\n"
        );
    }
}
