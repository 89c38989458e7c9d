//! The visual vocabulary shared by the drawing formats (DOT, GraphML's
//! Gephi keys, the yEd flavour, GEXF `viz:color`): colours and shapes by
//! entity type, line styles by status, and the edge label text.

use crate::graph::Edge;
use crate::kinds::{EntityType, RelationKind, Status};

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub(crate) fn hex(self) -> String {
        let mut s = String::with_capacity(7);
        self.hex_into(&mut s);
        s
    }

    /// [`Rgb::hex`], appended to `out`.
    pub(crate) fn hex_into(self, out: &mut String) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        out.push('#');
        for c in [self.0, self.1, self.2] {
            out.push(char::from(HEX[usize::from(c >> 4)]));
            out.push(char::from(HEX[usize::from(c & 0xf)]));
        }
    }

    /// `#rrggbbaa`.
    pub(crate) fn hex_alpha(self, alpha: u8) -> String {
        format!("#{:02x}{:02x}{:02x}{alpha:02x}", self.0, self.1, self.2)
    }
}

/// The fill colour of a node of this type.
pub(crate) fn node_fill(t: EntityType) -> Rgb {
    match t {
        EntityType::Person => Rgb(0xcf, 0xe2, 0xff),
        EntityType::Org => Rgb(0xff, 0xe5, 0xb4),
        EntityType::Product => Rgb(0xd4, 0xed, 0xda),
        EntityType::Location => Rgb(0xe2, 0xe3, 0xe5),
    }
}

/// The node type in words, for legends.
pub(crate) fn type_words(t: EntityType) -> &'static str {
    match t {
        EntityType::Person => "person",
        EntityType::Org => "organisation",
        EntityType::Product => "product",
        EntityType::Location => "location",
    }
}

/// The PascalCase Neo4j label of a node type (besides the common `Entity`).
pub(crate) fn neo4j_label(t: EntityType) -> &'static str {
    match t {
        EntityType::Person => "Person",
        EntityType::Org => "Organization",
        EntityType::Product => "Product",
        EntityType::Location => "Location",
    }
}

/// The line colour of an edge of this kind.
pub(crate) fn kind_colour(k: RelationKind) -> Rgb {
    match k {
        RelationKind::InvestsIn => Rgb(0x2e, 0x7d, 0x32),
        RelationKind::Acquired => Rgb(0xc6, 0x28, 0x28),
        RelationKind::Leads => Rgb(0x15, 0x65, 0xc0),
        RelationKind::Founded => Rgb(0x6a, 0x1b, 0x9a),
        RelationKind::WorksFor => Rgb(0x54, 0x6e, 0x7a),
        RelationKind::SubsidiaryOf => Rgb(0xef, 0x6c, 0x00),
        RelationKind::PartnersWith => Rgb(0x00, 0x83, 0x8f),
        RelationKind::CompetesWith => Rgb(0x8d, 0x6e, 0x63),
    }
}

/// Grey, for denied edges.
pub(crate) const GREY: Rgb = Rgb(0x9e, 0x9e, 0x9e);

/// How an edge line is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// Stated as done, agreed or plainly asserted.
    Solid,
    /// Reported or proposed: not (yet) a fact.
    Dashed,
    /// Denied or called off.
    Dotted,
}

/// The look of an edge: line style, colour and whether it is faded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct EdgeLook {
    /// Line style.
    pub line: Line,
    /// Line colour.
    pub colour: Rgb,
    /// Faded (a former role or holding).
    pub faded: bool,
}

/// Reported/proposed edges dashed, denied edges dotted grey, former edges
/// faded, the rest solid in the colour of their kind.
pub(crate) fn edge_look(e: &Edge) -> EdgeLook {
    let colour = kind_colour(e.kind);
    match e.status {
        Some(Status::Reported | Status::Proposed) => EdgeLook {
            line: Line::Dashed,
            colour,
            faded: false,
        },
        Some(Status::Denied) => EdgeLook {
            line: Line::Dotted,
            colour: GREY,
            faded: false,
        },
        Some(Status::Former) => EdgeLook {
            line: Line::Solid,
            colour,
            faded: true,
        },
        Some(Status::Completed | Status::Announced) | None => EdgeLook {
            line: Line::Solid,
            colour,
            faded: false,
        },
    }
}

/// The edge label: relation words plus amount and stake where known
/// (`invests in · $14.3B · 49%`).
pub(crate) fn edge_label(e: &Edge) -> String {
    let mut s = e.kind.words().to_string();
    if let Some(a) = e.amount_usd.filter(|a| a.is_finite()) {
        s.push_str(" · ");
        s.push_str(&money(a));
    }
    if let Some(p) = e.stake_pct.filter(|p| p.is_finite()) {
        s.push_str(" · ");
        s.push_str(&percent(p));
    }
    s
}

/// A dollar amount, short: `$14.3B`, `$250M`, `$1.25T`, `$900`.
pub(crate) fn money(a: f64) -> String {
    let (v, unit) = match a.abs() {
        x if x >= 1e12 => (a / 1e12, "T"),
        x if x >= 1e9 => (a / 1e9, "B"),
        x if x >= 1e6 => (a / 1e6, "M"),
        x if x >= 1e3 => (a / 1e3, "K"),
        _ => (a, ""),
    };
    format!("${}{unit}", trim_decimals(v))
}

/// A percentage: `49%`, `12.5%`.
pub(crate) fn percent(p: f64) -> String {
    format!("{}%", trim_decimals(p))
}

/// At most two decimals, trailing zeros removed.
fn trim_decimals(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_and_percent() {
        assert_eq!(money(14.3e9), "$14.3B");
        assert_eq!(money(250e6), "$250M");
        assert_eq!(money(1.25e12), "$1.25T");
        assert_eq!(money(900.0), "$900");
        assert_eq!(money(2e9), "$2B");
        assert_eq!(percent(49.0), "49%");
        assert_eq!(percent(12.5), "12.5%");
    }

    #[test]
    fn colours() {
        assert_eq!(node_fill(EntityType::Person).hex(), "#cfe2ff");
        assert_eq!(GREY.hex_alpha(0x80), "#9e9e9e80");
    }
}
