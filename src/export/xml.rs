//! The indented XML writer of the XML formats (GraphML, its yEd flavour,
//! GEXF): every attribute value and text goes through
//! [`escape::xml_attr_into`] / [`escape::xml_text_into`], so line breaks and
//! tabs in attributes survive and characters XML forbids never reach the
//! file.
//!
//! The layout is quick-xml's indenting writer's (two spaces a level), which
//! these formats were first written with: the declaration, then each
//! element on a line of its own at its depth, text only inside elements
//! written in one piece ([`XmlOut::text_element`]), and a final line break.
//! Tags are appended straight to one buffer, which goes to the output in
//! large chunks.

use std::io::Write;

use super::escape;
use crate::error::Result;

/// A line break and spaces for indentation, sliced (deeper levels take
/// more spaces after it).
const NEWLINE_INDENT: &str = "\n                                ";

/// The buffer is passed on to the output once this much is pending.
const CHUNK: usize = 1 << 16;

/// An indented XML writer.
pub(crate) struct XmlOut<'w> {
    out: &'w mut dyn Write,
    /// Text not yet passed on to `out`.
    buf: String,
    /// Number of open elements.
    depth: usize,
}

impl<'w> XmlOut<'w> {
    /// Starts a document with the UTF-8 declaration.
    pub(crate) fn new(out: &'w mut dyn Write) -> Result<XmlOut<'w>> {
        let mut buf = String::with_capacity(CHUNK + CHUNK / 2);
        buf.push_str(r#"<?xml version="1.0" encoding="UTF-8"?>"#);
        Ok(XmlOut { out, buf, depth: 0 })
    }

    /// A line break and the indentation of the current depth.
    fn newline(&mut self) {
        let mut n = 2 * self.depth;
        let k = n.min(NEWLINE_INDENT.len() - 1);
        self.buf.push_str(&NEWLINE_INDENT[..k + 1]);
        n -= k;
        while n > 0 {
            let k = n.min(NEWLINE_INDENT.len() - 1);
            self.buf.push_str(&NEWLINE_INDENT[1..k + 1]);
            n -= k;
        }
    }

    /// A new line, `<name`, and the attributes ` a="v"`, each value
    /// escaped by [`escape::xml_attr_into`] (names are fixed words).
    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start_fixed(name);
        self.attrs(attrs);
    }

    /// The attributes ` a="v"`, each value escaped.
    fn attrs(&mut self, attrs: &[(&str, &str)]) {
        for (k, v) in attrs {
            self.buf.push(' ');
            self.buf.push_str(k);
            self.buf.push_str("=\"");
            escape::xml_attr_into(&mut self.buf, v);
            self.buf.push('"');
        }
    }

    /// A new line and `<head`, where `head` is a fixed start of a tag,
    /// already escaped (`data key="node_label"`).
    fn start_fixed(&mut self, head: &str) {
        self.newline();
        self.buf.push('<');
        self.buf.push_str(head);
    }

    /// Passes the buffer on to the output when it is big enough.
    fn spill(&mut self) -> Result<()> {
        if self.buf.len() >= CHUNK {
            self.out.write_all(self.buf.as_bytes())?;
            self.buf.clear();
        }
        Ok(())
    }

    /// `<name a="v">`.
    pub(crate) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.start(name, attrs);
        self.buf.push('>');
        self.depth += 1;
        self.spill()
    }

    /// `</name>`.
    pub(crate) fn close(&mut self, name: &str) -> Result<()> {
        self.depth = self.depth.saturating_sub(1);
        self.newline();
        self.buf.push_str("</");
        self.buf.push_str(name);
        self.buf.push('>');
        self.spill()
    }

    /// `<name a="v"/>`.
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.start(name, attrs);
        self.buf.push_str("/>");
        self.spill()
    }

    /// `<name a="v">text</name>`.
    pub(crate) fn text_element(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        text: &str,
    ) -> Result<()> {
        self.start(name, attrs);
        self.buf.push('>');
        escape::xml_text_into(&mut self.buf, text);
        self.buf.push_str("</");
        self.buf.push_str(name);
        self.buf.push('>');
        self.spill()
    }

    /// `<head>text</name>`, where `head` is the fixed inside of the start
    /// tag, written as it is (`data key="node_label"`, made with
    /// `concat!`): for the many elements whose tag never changes, so that
    /// only the text is escaped.
    pub(crate) fn text_element_fixed(&mut self, head: &str, name: &str, text: &str) -> Result<()> {
        self.start_fixed(head);
        self.buf.push('>');
        escape::xml_text_into(&mut self.buf, text);
        self.buf.push_str("</");
        self.buf.push_str(name);
        self.buf.push('>');
        self.spill()
    }

    /// `<head a="v"/>`: [`XmlOut::empty`] with the fixed start `head`
    /// (`attvalue for="type"`) written as it is.
    pub(crate) fn empty_fixed(&mut self, head: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.start_fixed(head);
        self.attrs(attrs);
        self.buf.push_str("/>");
        self.spill()
    }

    /// Ends the document with a line break.
    pub(crate) fn finish(mut self) -> Result<()> {
        self.buf.push('\n');
        self.out.write_all(self.buf.as_bytes())?;
        self.out.flush()?;
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
            x.text_element_fixed("d k=\"f\"", "d", "x&")?;
            x.empty_fixed("e k=\"f\"", &[("v", "<")])?;
            x.close("b")?;
            x.close("a")?;
            x.finish()
        })();
        assert!(r.is_ok(), "{r:?}");
        assert_eq!(
            String::from_utf8(out).unwrap_or_default(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a k=\"v&lt;&quot;&amp;&#10;\">\n  <b>\n    <c x=\"1\" y=\"&#9;\"/>\n    <d>t&apos;&lt;&amp;&gt;&#13;</d>\n    <d k=\"f\">x&amp;</d>\n    <e k=\"f\" v=\"&lt;\"/>\n  </b>\n</a>\n"
        );
    }
}
