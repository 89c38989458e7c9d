//! The library's error type: one opaque [`Error`] with an [`ErrorKind`].

use std::fmt;
use std::path::PathBuf;

/// What went wrong, in broad classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing a file or stream failed.
    Io,
    /// A rules or configuration file is malformed.
    Config,
    /// An input document could not be read as text.
    Input,
    /// A fact file (from `kgraph extract`) is malformed.
    Facts,
    /// An exporter could not write its format.
    Export,
    /// A caller asked for something that cannot be done (for example one
    /// stream for a format that writes several files).
    Usage,
}

/// An error from the kgraph library.
///
/// The message names the file (and line, where there is one) it concerns.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    path: Option<PathBuf>,
    line: Option<usize>,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl Error {
    /// Creates an error of a kind with a message.
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            path: None,
            line: None,
            source: None,
        }
    }

    /// Creates an I/O error about a path.
    pub(crate) fn io(path: impl Into<PathBuf>, err: std::io::Error) -> Error {
        let path = path.into();
        Error {
            kind: ErrorKind::Io,
            message: err.to_string(),
            path: Some(path),
            line: None,
            source: Some(Box::new(err)),
        }
    }

    /// Sets the file this error concerns.
    pub(crate) fn with_path(mut self, path: impl Into<PathBuf>) -> Error {
        self.path = Some(path.into());
        self
    }

    /// Sets the 1-based line this error concerns.
    pub(crate) fn with_line(mut self, line: usize) -> Error {
        self.line = Some(line);
        self
    }

    /// The class of this error.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file this error concerns, if any.
    pub fn path(&self) -> Option<&std::path::Path> {
        self.path.as_deref()
    }

    /// The 1-based line this error concerns, if any.
    pub fn line(&self) -> Option<usize> {
        self.line
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(p), Some(l)) => write!(f, "{}:{}: {}", p.display(), l, self.message),
            (Some(p), None) => write!(f, "{}: {}", p.display(), self.message),
            (None, Some(l)) => write!(f, "line {}: {}", l, self.message),
            (None, None) => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_ref()
            .map(|e| e.as_ref() as &(dyn std::error::Error + 'static))
    }
}

impl From<std::io::Error> for Error {
    fn from(err: std::io::Error) -> Error {
        Error {
            kind: ErrorKind::Io,
            message: err.to_string(),
            path: None,
            line: None,
            source: Some(Box::new(err)),
        }
    }
}

/// A `Result` with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
