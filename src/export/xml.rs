//! A thin layer over quick-xml's event writer for the XML formats (GraphML,
//! its yEd flavour, GEXF): every attribute value and text goes through
//! [`escape::xml_attr`] / [`escape::xml_text`], so line breaks and tabs in
//! attributes survive and characters XML forbids never reach the file.

use std::borrow::Cow;
use std::io::{BufWriter, Write};

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};

use super::chunked;
use super::escape;
use crate::error::Result;

/// An indented XML writer.
pub(crate) struct XmlOut<'w> {
    w: Writer<BufWriter<&'w mut dyn Write>>,
    /// The inside of the tag being written (`name a="v"`), reused so that
    /// no tag allocates.
    tag: String,
}

/// Appends the inside of a start tag, `name a="v" ...`, to `tag`, with
/// each value escaped by [`escape::xml_attr_into`].
fn push_tag(tag: &mut String, name: &str, attrs: &[(&str, &str)]) {
    tag.push_str(name);
    for (k, v) in attrs {
        tag.push(' ');
        tag.push_str(k);
        tag.push_str("=\"");
        escape::xml_attr_into(tag, v);
        tag.push('"');
    }
}

/// A start tag whose inside is written into `tag`.
fn start<'t>(tag: &'t mut String, name: &str, attrs: &[(&str, &str)]) -> BytesStart<'t> {
    tag.clear();
    push_tag(tag, name, attrs);
    BytesStart::from_content(Cow::Borrowed(tag.as_str()), name.len())
}

impl<'w> XmlOut<'w> {
    /// Starts a document with the UTF-8 declaration.
    pub(crate) fn new(out: &'w mut dyn Write) -> Result<XmlOut<'w>> {
        let mut w = Writer::new_with_indent(chunked(out), b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        Ok(XmlOut {
            w,
            tag: String::new(),
        })
    }

    /// `<name a="v">`.
    pub(crate) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.w
            .write_event(Event::Start(start(&mut self.tag, name, attrs)))?;
        Ok(())
    }

    /// `</name>`.
    pub(crate) fn close(&mut self, name: &str) -> Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))?;
        Ok(())
    }

    /// `<name a="v"/>`.
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.tag.clear();
        self.tag.push('<');
        push_tag(&mut self.tag, name, attrs);
        self.tag.push_str("/>");
        self.write_line()
    }

    /// `<name a="v">text</name>`.
    pub(crate) fn text_element(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        text: &str,
    ) -> Result<()> {
        self.tag.clear();
        self.tag.push('<');
        push_tag(&mut self.tag, name, attrs);
        self.tag.push('>');
        self.tag.push_str(&escape::xml_text(text));
        self.tag.push_str("</");
        self.tag.push_str(name);
        self.tag.push('>');
        self.write_line()
    }

    /// Writes the element in `tag` on a new line at the current
    /// indentation, as the writer would have written it from events (one
    /// write instead of up to a dozen). The writer starts a new line before
    /// every element unless text came just before, and the only text
    /// written is inside elements written here, so a new line always
    /// starts here; such an element leaves the indentation as it was.
    fn write_line(&mut self) -> Result<()> {
        self.w.write_indent()?;
        self.w.get_mut().write_all(self.tag.as_bytes())?;
        Ok(())
    }

    /// Ends the document with a line break.
    pub(crate) fn finish(mut self) -> Result<()> {
        self.w.get_mut().write_all(b"\n")?;
        self.w.into_inner().flush()?;
        Ok(())
    }
}
