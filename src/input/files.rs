//! Plain files: reading one text document with its checks (size, binary,
//! UTF-8, empty), and the small file-system helpers of the folder walk.

use std::ffi::OsStr;
use std::io::{self, Read};
use std::path::Path;

/// How many leading bytes are searched for a NUL byte to call a file binary.
pub(super) const SNIFF_BYTES: usize = 8 * 1024;

/// The outcome of reading one text input.
#[derive(Debug)]
pub(super) enum TextRead {
    /// The text, and the byte offset of the first invalid UTF-8 byte when it
    /// had to be decoded lossily.
    Text {
        text: String,
        bad_utf8_at: Option<usize>,
    },
    /// The input is skipped, for the reason given.
    Skip(String),
}

/// Reads a whole text input of at most `max` bytes (`known_len` is its size
/// when the file system knows it) and checks it.
pub(super) fn read_text(reader: impl Read, known_len: Option<u64>, max: usize) -> TextRead {
    if let Some(len) = known_len {
        if len > max as u64 {
            return TextRead::Skip(too_big(len, max));
        }
    }
    let mut bytes = Vec::with_capacity(known_len.map_or(0, |n| n as usize).saturating_add(1));
    let limit = (max as u64).saturating_add(1);
    if let Err(e) = reader.take(limit).read_to_end(&mut bytes) {
        return TextRead::Skip(format!("cannot read: {e}"));
    }
    if bytes.len() > max {
        return TextRead::Skip(format!("over the limit of {max} bytes (file size limit)"));
    }
    decode_text(bytes)
}

/// Checks and decodes the bytes of a text input.
pub(super) fn decode_text(bytes: Vec<u8>) -> TextRead {
    if let Some(at) = nul_offset(&bytes) {
        return TextRead::Skip(format!("binary file (NUL byte at byte offset {at})"));
    }
    let (text, bad_utf8_at) = decode_lossy(bytes);
    let text = strip_bom(text);
    if text.is_empty() {
        return TextRead::Skip("empty file".to_string());
    }
    if text.trim().is_empty() {
        return TextRead::Skip("file holds only white space".to_string());
    }
    TextRead::Text { text, bad_utf8_at }
}

/// The offset of a NUL byte among the first [`SNIFF_BYTES`] bytes.
pub(super) fn nul_offset(bytes: &[u8]) -> Option<usize> {
    bytes.iter().take(SNIFF_BYTES).position(|&b| b == 0)
}

/// Decodes UTF-8, replacing invalid sequences with U+FFFD; also returns the
/// byte offset of the first invalid byte, if any.
pub(super) fn decode_lossy(bytes: Vec<u8>) -> (String, Option<usize>) {
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            (String::from_utf8_lossy(e.as_bytes()).into_owned(), Some(at))
        }
    }
}

/// Removes a leading byte-order mark.
fn strip_bom(text: String) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// The message for an input over the size limit.
pub(super) fn too_big(len: u64, max: usize) -> String {
    format!("file is {len} bytes, over the limit of {max} bytes")
}

/// Whether a file name marks a JSON-lines corpus (`.jsonl`, `.ndjson`).
pub(super) fn is_json_lines(path: &Path) -> bool {
    path.extension()
        .and_then(OsStr::to_str)
        .is_some_and(|ext| ext.eq_ignore_ascii_case("jsonl") || ext.eq_ignore_ascii_case("ndjson"))
}

/// Whether a folder entry is hidden (its name starts with a dot).
pub(super) fn is_hidden(name: &OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Whether an I/O error says that symbolic links form a loop (`ELOOP`).
pub(super) fn is_symlink_loop(e: &io::Error) -> bool {
    // `io::ErrorKind::FilesystemLoop` is not stable to name yet, but std
    // already maps ELOOP to it, and its Debug form is its name.
    format!("{:?}", e.kind()) == "FilesystemLoop"
}

/// Why a path's metadata could not be read, in words.
pub(super) fn metadata_problem(path: &Path, e: &io::Error) -> String {
    if is_symlink_loop(e) {
        return "symbolic link loop (too many levels of symbolic links)".to_string();
    }
    if e.kind() == io::ErrorKind::NotFound {
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if is_link {
            return "broken symbolic link (its target does not exist)".to_string();
        }
        return "no such file or folder".to_string();
    }
    format!("cannot read: {e}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(r: TextRead) -> (String, Option<usize>) {
        match r {
            TextRead::Text { text, bad_utf8_at } => (text, bad_utf8_at),
            TextRead::Skip(why) => panic!("skipped: {why}"),
        }
    }

    fn skip_of(r: TextRead) -> String {
        match r {
            TextRead::Skip(why) => why,
            TextRead::Text { text, .. } => panic!("read {text:?}"),
        }
    }

    #[test]
    fn reads_and_checks() {
        assert_eq!(
            text_of(decode_text(b"Meta.".to_vec())),
            ("Meta.".into(), None)
        );
        assert_eq!(
            text_of(decode_text(b"\xef\xbb\xbfMeta.".to_vec())),
            ("Meta.".into(), None)
        );
        assert_eq!(
            text_of(decode_text(b"ab\xffcd".to_vec())),
            ("ab\u{fffd}cd".into(), Some(2))
        );
        assert!(skip_of(decode_text(b"ab\0cd".to_vec())).contains("offset 2"));
        assert_eq!(skip_of(decode_text(Vec::new())), "empty file");
        assert!(skip_of(decode_text(b" \n\t\r\n".to_vec())).contains("white space"));
        // A NUL byte after the sniffed prefix does not make a file binary.
        let mut late = vec![b'a'; SNIFF_BYTES];
        late.push(0);
        assert!(matches!(decode_text(late), TextRead::Text { .. }));
    }

    #[test]
    fn size_limit() {
        assert!(skip_of(read_text(&b"abcdef"[..], Some(6), 5)).contains("limit of 5"));
        assert!(skip_of(read_text(&b"abcdef"[..], None, 5)).contains("limit of 5"));
        assert_eq!(text_of(read_text(&b"abcde"[..], None, 5)).0, "abcde");
    }

    #[test]
    fn names() {
        assert!(is_json_lines(Path::new("a/b.jsonl")));
        assert!(is_json_lines(Path::new("b.NDJSON")));
        assert!(!is_json_lines(Path::new("b.json")));
        assert!(!is_json_lines(Path::new("jsonl")));
        assert!(is_hidden(OsStr::new(".git")));
        assert!(!is_hidden(OsStr::new("a.txt")));
    }
}
