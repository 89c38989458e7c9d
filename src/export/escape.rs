//! Escaping for every output format, in one place.

/// Removes C0 control characters other than tab, newline and carriage
/// return (XML 1.0 forbids them).
pub fn strip_xml_controls(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(is_xml_forbidden) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(s.chars().filter(|c| !is_xml_forbidden(*c)).collect())
}

fn is_xml_forbidden(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}
