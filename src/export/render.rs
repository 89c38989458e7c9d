//! Pictures (`graph.svg`, `graph.png`) drawn by Graphviz from the DOT text
//! of [`DotExporter`](super::DotExporter).
//!
//! Runs the `dot` program when it is installed (Debian/Ubuntu:
//! `apt-get install graphviz`) and fails with a clear error when it is not.
//! Graphviz's `dot` layout takes minutes on thousands of edges, so big
//! graphs are laid out with `sfdp` unless a layout is chosen; cutting a
//! readable piece out of a big graph first (relations, support, focus) is
//! the better cure.

use std::io::{Read, Write};
use std::process::{Command, Stdio};

use super::{DotExporter, Exporter};
use crate::error::{Error, ErrorKind, Result};
use crate::graph::GraphView;

/// Above this many nodes or edges the automatic layout is `sfdp`.
const DOT_LAYOUT_LIMIT: usize = 300;

/// The picture formats Graphviz renders.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Picture {
    /// Scalable vector graphics (`graph.svg`), with tooltips.
    Svg,
    /// Portable network graphics (`graph.png`).
    Png,
}

/// Renders the graph through Graphviz.
#[derive(Clone, Debug)]
pub struct RenderExporter {
    picture: Picture,
    layout: Option<String>,
    program: String,
    dot: DotExporter,
}

impl RenderExporter {
    /// A renderer for one picture format, with the automatic layout.
    pub fn new(picture: Picture) -> RenderExporter {
        RenderExporter {
            picture,
            layout: None,
            program: "dot".to_string(),
            dot: DotExporter::default(),
        }
    }

    /// Uses this Graphviz layout engine (`dot`, `sfdp`, `neato`, `osage`,
    /// ...) instead of choosing by size.
    pub fn layout(mut self, engine: impl Into<String>) -> RenderExporter {
        self.layout = Some(engine.into());
        self
    }

    /// Runs this program instead of `dot` from `PATH`.
    pub fn program(mut self, path: impl Into<String>) -> RenderExporter {
        self.program = path.into();
        self
    }

    fn engine(&self, view: &GraphView<'_>) -> String {
        match &self.layout {
            Some(l) => l.clone(),
            None if view.nodes().len() > DOT_LAYOUT_LIMIT
                || view.edges().len() > DOT_LAYOUT_LIMIT =>
            {
                "sfdp".to_string()
            }
            None => "dot".to_string(),
        }
    }
}

impl Exporter for RenderExporter {
    fn files(&self) -> &'static [&'static str] {
        match self.picture {
            Picture::Svg => &["graph.svg"],
            Picture::Png => &["graph.png"],
        }
    }

    fn write_file(&self, view: &GraphView<'_>, _file: usize, out: &mut dyn Write) -> Result<()> {
        let text = self.dot.to_dot(view);
        let format = match self.picture {
            Picture::Svg => "-Tsvg",
            Picture::Png => "-Tpng",
        };
        let engine = format!("-K{}", self.engine(view));
        let mut child = Command::new(&self.program)
            .args([format, engine.as_str()])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| {
                if e.kind() == std::io::ErrorKind::NotFound {
                    Error::new(
                        ErrorKind::Export,
                        format!(
                            "cannot draw {}: Graphviz is not installed (no `{}` program on PATH); \
                             install it (e.g. `apt-get install graphviz` or `brew install graphviz`) \
                             or write `-f dot` and render it elsewhere",
                            self.files()[0],
                            self.program
                        ),
                    )
                } else {
                    Error::new(
                        ErrorKind::Export,
                        format!("cannot run Graphviz `{}`: {e}", self.program),
                    )
                }
            })?;
        let mut stdin = child.stdin.take();
        let mut stdout = child.stdout.take();
        let mut stderr = child.stderr.take();
        let (written, picture, errors) = std::thread::scope(|s| {
            let writer = s.spawn(move || -> std::io::Result<()> {
                if let Some(mut w) = stdin.take() {
                    w.write_all(text.as_bytes())?;
                }
                Ok(())
            });
            let err_reader = s.spawn(move || {
                let mut buf = String::new();
                if let Some(mut r) = stderr.take() {
                    let _ = r.read_to_string(&mut buf);
                }
                buf
            });
            let mut picture = Vec::new();
            let read = match stdout.take() {
                Some(mut r) => r.read_to_end(&mut picture).map(|_| ()),
                None => Ok(()),
            };
            let written = writer
                .join()
                .unwrap_or_else(|_| Err(std::io::Error::other("writer thread panicked")))
                .and(read);
            let errors = err_reader.join().unwrap_or_default();
            (written, picture, errors)
        });
        let status = child.wait()?;
        if !status.success() {
            return Err(Error::new(
                ErrorKind::Export,
                format!(
                    "Graphviz `{} {format} {engine}` failed ({status}): {}",
                    self.program,
                    errors.trim()
                ),
            ));
        }
        written?;
        out.write_all(&picture)?;
        Ok(())
    }
}
