//! Plain aligned tables for the read-only subcommands.
//!
//! Columns are padded to the widest cell (counted in characters), the last
//! column is not padded, and control characters in cells are escaped so a
//! hostile name cannot break a row or move the cursor.

use std::io::Write;

use anyhow::{Context, Result};

use super::output;

/// A table with a header row.
#[derive(Debug)]
pub struct Table {
    rows: Vec<Vec<String>>,
    right: Vec<bool>,
}

impl Table {
    /// A table with these column headers; columns named in `right` are
    /// right-aligned (numbers).
    pub fn new(headers: &[&str], right: &[&str]) -> Table {
        Table {
            rows: vec![headers.iter().map(|h| (*h).to_string()).collect()],
            right: headers.iter().map(|h| right.contains(h)).collect(),
        }
    }

    /// A table without a header row, of `columns` columns; those whose
    /// index is in `right` are right-aligned.
    pub fn headless(columns: usize, right: &[usize]) -> Table {
        Table {
            rows: Vec::new(),
            right: (0..columns).map(|i| right.contains(&i)).collect(),
        }
    }

    /// Adds a row (one cell per column).
    pub fn row(&mut self, cells: Vec<String>) {
        self.rows.push(cells.iter().map(|c| clean(c)).collect());
    }

    /// The table as text, one line per row.
    pub fn render(&self) -> String {
        let columns = self.right.len();
        let mut widths = vec![0; columns];
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let mut out = String::new();
        for row in &self.rows {
            let mut line = String::new();
            for (i, cell) in row.iter().enumerate() {
                if i > 0 {
                    line.push_str("  ");
                }
                let pad = widths[i].saturating_sub(cell.chars().count());
                if self.right[i] {
                    line.extend(std::iter::repeat_n(' ', pad));
                    line.push_str(cell);
                } else {
                    line.push_str(cell);
                    if i + 1 < columns {
                        line.extend(std::iter::repeat_n(' ', pad));
                    }
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out
    }

    /// Prints the table on stdout.
    pub fn print(&self) -> Result<()> {
        let mut out = output::stdout();
        out.write_all(self.render().as_bytes())
            .and_then(|()| out.flush())
            .context("cannot write to stdout")
    }
}

/// Escapes control characters (newlines, tabs, escape sequences).
fn clean(cell: &str) -> String {
    if !cell.chars().any(char::is_control) {
        return cell.to_string();
    }
    cell.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Shortens `text` to at most `max` characters, ending in `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A dollar amount, short: `$14.3B`, `$250M`, `$5K`, `$950`.
pub fn money(usd: f64) -> String {
    let (value, unit) = if usd.abs() >= 1e12 {
        (usd / 1e12, "T")
    } else if usd.abs() >= 1e9 {
        (usd / 1e9, "B")
    } else if usd.abs() >= 1e6 {
        (usd / 1e6, "M")
    } else if usd.abs() >= 1e3 {
        (usd / 1e3, "K")
    } else {
        (usd, "")
    };
    format!("${}{unit}", number(value))
}

/// A percentage: `49%`, `9.5%`.
pub fn percent(pct: f64) -> String {
    format!("{}%", number(pct))
}

/// A number with at most two decimals and no trailing zeros.
fn number(value: f64) -> String {
    let s = format!("{value:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_and_escapes() {
        let mut t = Table::new(&["ID", "N", "NAME"], &["N"]);
        t.row(vec!["a".into(), "7".into(), "x\ny".into()]);
        t.row(vec!["long-id".into(), "12".into(), "z".into()]);
        assert_eq!(
            t.render(),
            "ID        N  NAME\na         7  x\\ny\nlong-id  12  z\n"
        );
    }

    #[test]
    fn amounts() {
        assert_eq!(money(14.3e9), "$14.3B");
        assert_eq!(money(15e9), "$15B");
        assert_eq!(money(250e6), "$250M");
        assert_eq!(money(950.0), "$950");
        assert_eq!(percent(49.0), "49%");
        assert_eq!(percent(9.5), "9.5%");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("abc", 4), "abc");
    }
}
