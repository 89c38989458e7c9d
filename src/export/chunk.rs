//! A writer that gathers an export's many small writes into large chunks.

use std::io::{self, Write};

/// Bytes gathered before they go on to the underlying writer.
const CHUNK: usize = 1 << 16;

/// Gathers writes in memory and passes them on in chunks of about 64 KiB.
///
/// serde_json and quick-xml write a few bytes at a time; through a `dyn
/// Write` each of those is a virtual call into a `BufWriter`. Appending to
/// a `Vec` here instead is inlined at every call site. Call
/// [`Chunked::finish`] at the end: dropping it unfinished loses the last
/// chunk.
pub(crate) struct Chunked<'w> {
    buf: Vec<u8>,
    out: &'w mut dyn Write,
}

impl<'w> Chunked<'w> {
    /// A writer passing chunks on to `out`.
    pub(crate) fn new(out: &'w mut dyn Write) -> Chunked<'w> {
        Chunked {
            buf: Vec::with_capacity(CHUNK + CHUNK / 4),
            out,
        }
    }

    /// Passes on what is left.
    ///
    /// # Errors
    /// Fails when the underlying writer fails.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.pass_on()
    }

    fn pass_on(&mut self) -> io::Result<()> {
        if !self.buf.is_empty() {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }
}

impl Write for Chunked<'_> {
    #[inline]
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.write_all(bytes)?;
        Ok(bytes.len())
    }

    #[inline]
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= CHUNK {
            self.pass_on()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.pass_on()?;
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passes_everything_on_in_order() {
        let mut out = Vec::new();
        let mut w = Chunked::new(&mut out);
        let piece = [7u8; 1000];
        for _ in 0..100 {
            w.write_all(&piece).unwrap_or_default();
        }
        w.write_all(b"end").unwrap_or_default();
        w.finish().unwrap_or_default();
        assert_eq!(out.len(), 100_003);
        assert!(out.ends_with(b"\x07end"));
    }
}
