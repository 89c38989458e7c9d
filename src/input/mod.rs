//! Inputs: files, folders, stdin and JSON-lines corpora, read lazily into
//! [`Document`](crate::Document)s.
