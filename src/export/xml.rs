//! A thin layer over quick-xml's event writer for the XML formats (GraphML,
//! its yEd flavour, GEXF): every attribute value and text goes through
//! [`escape::xml_attr`] / [`escape::xml_text`], so line breaks and tabs in
//! attributes survive and characters XML forbids never reach the file.

use std::borrow::Cow;
use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::chunk::Chunked;
use super::escape;
use crate::error::Result;

/// An indented XML writer.
pub(crate) struct XmlOut<'w> {
    w: Writer<Chunked<'w>>,
    /// The inside of the tag being written (`name a="v"`), reused so that
    /// no tag allocates.
    tag: String,
}

/// Writes the inside of a start tag, `name a="v" ...`, into `tag`, with
/// each value escaped by [`escape::xml_attr_into`].
fn start<'t>(tag: &'t mut String, name: &str, attrs: &[(&str, &str)]) -> BytesStart<'t> {
    tag.clear();
    tag.push_str(name);
    for (k, v) in attrs {
        tag.push(' ');
        tag.push_str(k);
        tag.push_str("=\"");
        escape::xml_attr_into(tag, v);
        tag.push('"');
    }
    BytesStart::from_content(Cow::Borrowed(tag.as_str()), name.len())
}

impl<'w> XmlOut<'w> {
    /// Starts a document with the UTF-8 declaration.
    pub(crate) fn new(out: &'w mut dyn Write) -> Result<XmlOut<'w>> {
        let mut w = Writer::new_with_indent(Chunked::new(out), b' ', 2);
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
        self.w
            .write_event(Event::Empty(start(&mut self.tag, name, attrs)))?;
        Ok(())
    }

    /// `<name a="v">text</name>`.
    pub(crate) fn text_element(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        text: &str,
    ) -> Result<()> {
        self.w
            .write_event(Event::Start(start(&mut self.tag, name, attrs)))?;
        self.w
            .write_event(Event::Text(BytesText::from_escaped(escape::xml_text(text))))?;
        self.w.write_event(Event::End(BytesEnd::new(name)))?;
        Ok(())
    }

    /// Ends the document with a line break.
    pub(crate) fn finish(mut self) -> Result<()> {
        self.w.get_mut().write_all(b"\n")?;
        self.w.into_inner().finish()?;
        Ok(())
    }
}
