//! Helpers for tests that spawn the real `kgraph` binary in a temporary
//! working folder.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Short news texts written for these tests. They only need to be text;
/// no test depends on what is extracted from them.
pub const DOCS: &[(&str, &str)] = &[
    (
        "a.txt",
        "Meta Platforms said on Thursday it would invest $14.3 billion in Scale AI, \
         taking a 49% stake. Alexandr Wang, the founder of Scale AI, will join Meta.",
    ),
    (
        "b.txt",
        "Scale AI named Jason Droege interim chief executive. Droege was previously \
         chief strategy officer of the company.",
    ),
    (
        "c.txt",
        "Meta bought WhatsApp for $19 billion in 2014 and Instagram in 2012. \
         Google and OpenAI compete with Meta in artificial intelligence.",
    ),
    (
        "d.txt",
        "Anduril Industries and Meta Platforms said they would partner on military \
         headsets. Anduril was founded by Palmer Luckey.",
    ),
];

/// A temporary working folder.
pub struct Dir {
    dir: tempfile::TempDir,
}

impl Dir {
    /// A new, empty folder.
    pub fn new() -> Dir {
        Dir {
            dir: tempfile::tempdir().expect("create temp dir"),
        }
    }

    /// A folder holding [`DOCS`].
    pub fn with_docs() -> Dir {
        let dir = Dir::new();
        for (name, text) in DOCS {
            dir.write(name, text);
        }
        dir
    }

    /// The folder's path.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the folder.
    pub fn join(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes a file (creating folders on the way).
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create folder");
        }
        std::fs::write(&path, contents).expect("write file");
        path
    }

    /// Reads a file.
    pub fn read(&self, rel: &str) -> Vec<u8> {
        std::fs::read(self.join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    /// `kgraph` with these arguments, run in this folder.
    pub fn cmd<I, S>(&self, args: I) -> assert_cmd::Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        let mut cmd = assert_cmd::Command::new(bin());
        cmd.current_dir(self.path()).args(args);
        cmd
    }

    /// Every file below `rel` (relative paths, sorted).
    pub fn files_below(&self, rel: &str) -> Vec<String> {
        let root = self.join(rel);
        let mut out = Vec::new();
        let mut stack = vec![root.clone()];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries {
                let path = entry.expect("dir entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    let rel = path.strip_prefix(&root).expect("below root");
                    out.push(rel.to_string_lossy().replace('\\', "/"));
                }
            }
        }
        out.sort();
        out
    }
}

/// The path of the `kgraph` binary under test.
pub fn bin() -> &'static Path {
    Path::new(env!("CARGO_BIN_EXE_kgraph"))
}

/// Output of a finished command, as text.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
