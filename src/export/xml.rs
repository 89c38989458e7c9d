//! A thin layer over quick-xml's event writer for the XML formats (GraphML,
//! its yEd flavour, GEXF): every attribute value and text goes through
//! [`escape::xml_attr`] / [`escape::xml_text`], so line breaks and tabs in
//! attributes survive and characters XML forbids never reach the file.

use std::borrow::Cow;
use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;

use super::escape;
use crate::error::Result;

/// An indented XML writer.
pub(crate) struct XmlOut<'w> {
    w: Writer<&'w mut dyn Write>,
}

fn attr<'a>(key: &'a str, value: &'a str) -> Attribute<'a> {
    Attribute {
        key: QName(key.as_bytes()),
        value: match escape::xml_attr(value) {
            Cow::Borrowed(s) => Cow::Borrowed(s.as_bytes()),
            Cow::Owned(s) => Cow::Owned(s.into_bytes()),
        },
    }
}

fn start<'a>(name: &'a str, attrs: &[(&'a str, &'a str)]) -> BytesStart<'a> {
    let mut e = BytesStart::new(name);
    for (k, v) in attrs {
        e.push_attribute(attr(k, v));
    }
    e
}

impl<'w> XmlOut<'w> {
    /// Starts a document with the UTF-8 declaration.
    pub(crate) fn new(out: &'w mut dyn Write) -> Result<XmlOut<'w>> {
        let mut w = Writer::new_with_indent(out, b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
        Ok(XmlOut { w })
    }

    /// `<name a="v">`.
    pub(crate) fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.w.write_event(Event::Start(start(name, attrs)))?;
        Ok(())
    }

    /// `</name>`.
    pub(crate) fn close(&mut self, name: &str) -> Result<()> {
        self.w.write_event(Event::End(BytesEnd::new(name)))?;
        Ok(())
    }

    /// `<name a="v"/>`.
    pub(crate) fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> Result<()> {
        self.w.write_event(Event::Empty(start(name, attrs)))?;
        Ok(())
    }

    /// `<name a="v">text</name>`.
    pub(crate) fn text_element(
        &mut self,
        name: &str,
        attrs: &[(&str, &str)],
        text: &str,
    ) -> Result<()> {
        self.w.write_event(Event::Start(start(name, attrs)))?;
        self.w
            .write_event(Event::Text(BytesText::from_escaped(escape::xml_text(text))))?;
        self.w.write_event(Event::End(BytesEnd::new(name)))?;
        Ok(())
    }

    /// Ends the document with a line break.
    pub(crate) fn finish(mut self) -> Result<()> {
        self.w.get_mut().write_all(b"\n")?;
        Ok(())
    }
}
