//! The closed vocabularies of the graph: entity types, relation kinds and
//! statuses.
//!
//! Each enum has exactly one name table (`as_str` / [`FromStr`] /
//! [`Display`](std::fmt::Display) / serde all go through it), so a rules file, the CLI and every
//! exporter spell a kind the same way. Unknown names are errors, never
//! silently mapped to a default.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Generates the name table, `FromStr`, `Display` and serde impls for a
/// fieldless enum.
macro_rules! name_table {
    ($(#[$meta:meta])* $name:ident, $what:literal { $($(#[$vmeta:meta])* $variant:ident => $text:literal $(| $alt:literal)*),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The canonical name of this value, as written in every output.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }

        impl FromStr for $name {
            type Err = UnknownName;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                let t = s.trim();
                $(
                    if t.eq_ignore_ascii_case($text) $(|| t.eq_ignore_ascii_case($alt))* {
                        return Ok($name::$variant);
                    }
                )+
                Err(UnknownName {
                    what: $what,
                    name: s.to_string(),
                    expected: &[$($text),+],
                })
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = String::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// A name that is not in an enum's name table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName {
    what: &'static str,
    name: String,
    expected: &'static [&'static str],
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} {:?} (expected one of: {})",
            self.what,
            self.name,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownName {}

name_table! {
    /// The type of a recognised entity. Only [`EntityType::Person`] and
    /// [`EntityType::Org`] become graph nodes; the others are recognised so
    /// that they do not turn into false people or organisations.
    EntityType, "entity type" {
        /// A named person.
        Person => "PERSON" | "PER",
        /// A company, fund, government body, university or named division.
        Org => "ORG" | "ORGANIZATION" | "ORGANISATION",
        /// A product or model name.
        Product => "PRODUCT",
        /// A place.
        Location => "LOCATION" | "GPE" | "LOC",
    }
}

impl EntityType {
    /// Whether entities of this type become nodes of the graph.
    pub fn is_node(self) -> bool {
        matches!(self, EntityType::Person | EntityType::Org)
    }

    /// The prefix of node ids of this type (`org` in `org:scale-ai`).
    pub fn id_prefix(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Org => "org",
            EntityType::Product => "product",
            EntityType::Location => "location",
        }
    }
}

name_table! {
    /// The type of a directed edge (see the gold guidelines for each
    /// definition).
    RelationKind, "relation kind" {
        /// Head invests in, or holds a minority stake in, the tail.
        InvestsIn => "invests_in" | "invests-in" | "investsin",
        /// Head took over the tail (or bought 50% or more of it).
        Acquired => "acquired",
        /// Head (a person) leads the tail: CEO, chairman, president.
        Leads => "leads",
        /// Head founded the tail.
        Founded => "founded",
        /// Head (a person) has another role at the tail.
        WorksFor => "works_for" | "works-for" | "worksfor",
        /// Head is a unit, division, subsidiary or lab of the tail.
        SubsidiaryOf => "subsidiary_of" | "subsidiary-of" | "subsidiaryof",
        /// Head and tail are partners (symmetric).
        PartnersWith => "partners_with" | "partners-with" | "partnerswith",
        /// Head and tail are named competitors (symmetric).
        CompetesWith => "competes_with" | "competes-with" | "competeswith",
    }
}

impl RelationKind {
    /// Whether the relation has no direction (stored once, ends sorted).
    pub fn is_symmetric(self) -> bool {
        matches!(
            self,
            RelationKind::PartnersWith | RelationKind::CompetesWith
        )
    }

    /// Whether the relation is one of the three core kinds.
    pub fn is_core(self) -> bool {
        matches!(
            self,
            RelationKind::InvestsIn | RelationKind::Acquired | RelationKind::Leads
        )
    }

    /// The relation in words, for labels ("invests in").
    pub fn words(self) -> &'static str {
        match self {
            RelationKind::InvestsIn => "invests in",
            RelationKind::Acquired => "acquired",
            RelationKind::Leads => "leads",
            RelationKind::Founded => "founded",
            RelationKind::WorksFor => "works for",
            RelationKind::SubsidiaryOf => "subsidiary of",
            RelationKind::PartnersWith => "partners with",
            RelationKind::CompetesWith => "competes with",
        }
    }

    /// The relation as an UPPER_SNAKE relationship type (Neo4j, Cypher).
    pub fn upper_snake(self) -> &'static str {
        match self {
            RelationKind::InvestsIn => "INVESTS_IN",
            RelationKind::Acquired => "ACQUIRED",
            RelationKind::Leads => "LEADS",
            RelationKind::Founded => "FOUNDED",
            RelationKind::WorksFor => "WORKS_FOR",
            RelationKind::SubsidiaryOf => "SUBSIDIARY_OF",
            RelationKind::PartnersWith => "PARTNERS_WITH",
            RelationKind::CompetesWith => "COMPETES_WITH",
        }
    }
}

name_table! {
    /// What a mention states about its relation: the modality of the claim.
    /// No status means plainly asserted and current.
    Status, "status" {
        /// Done, or announced as done.
        Completed => "completed",
        /// Agreed or signed, not yet closed.
        Announced => "announced",
        /// Offered, planned, under discussion.
        Proposed => "proposed",
        /// Attributed to third-party sources.
        Reported => "reported",
        /// A role or holding that has ended.
        Former => "former",
        /// Explicitly denied or called off.
        Denied => "denied",
    }
}

impl Status {
    /// Precedence used when several cues touch one trigger, highest first:
    /// denied > former > reported > proposed > announced > completed.
    pub fn cue_rank(self) -> u8 {
        match self {
            Status::Denied => 6,
            Status::Former => 5,
            Status::Reported => 4,
            Status::Proposed => 3,
            Status::Announced => 2,
            Status::Completed => 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for k in RelationKind::ALL {
            assert_eq!(k.as_str().parse::<RelationKind>().unwrap(), *k);
        }
        for s in Status::ALL {
            assert_eq!(s.to_string().parse::<Status>().unwrap(), *s);
        }
        for t in EntityType::ALL {
            assert_eq!(t.as_str().parse::<EntityType>().unwrap(), *t);
        }
    }

    #[test]
    fn unknown_names_fail() {
        let e = "buys".parse::<RelationKind>().unwrap_err();
        assert!(e.to_string().contains("invests_in"));
        assert!("ORGANIZATION".parse::<EntityType>().is_ok());
        assert!("COMPANY".parse::<EntityType>().is_err());
    }
}
