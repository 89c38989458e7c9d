//! Rules files: user entities, stop-names, forced merges and splits,
//! gazetteer switches and extra trigger words, validated at load time.
//!
//! A rules file is TOML:
//!
//! ```toml
//! [[entity]]
//! name = "Scale AI"
//! type = "ORG"            # or "PERSON"
//! aliases = ["Scale", "ScaleAI"]
//!
//! stop_names = ["Reuters", "TechCrunch"]      # never a node
//!
//! [[same]]                                     # these names are one entity
//! names = ["Facebook", "Meta Platforms"]
//!
//! [[distinct]]                                 # never merge these names
//! names = ["Scale", "Scale AI"]
//!
//! [gazetteer]
//! disable = ["Apple"]                          # built-in entries switched off
//!
//! [triggers]                                   # extra trigger words
//! acquired = ["gobbled up"]
//! invests_in = ["bankrolled"]
//! ```
//!
//! Every mistake fails at load with [`ErrorKind::Config`], naming the file
//! and the 1-based line: malformed TOML, unknown keys, an unknown entity type
//! or relation kind, an empty name, a group of fewer than two names, an
//! entity defined twice, and a pair of names that is both forced together
//! and kept apart.
//!
//! Every name is normalised once, here, with [`normalize_name`].
//!
//! # Example
//! ```
//! use std::path::Path;
//! use kgraph::config::Rules;
//!
//! let rules = Rules::from_toml_str(
//!     Path::new("rules.toml"),
//!     "[[entity]]\nname = \"Scale AI\"\ntype = \"ORG\"\naliases = [\"Scale\"]\n",
//! )
//! .unwrap();
//! assert_eq!(rules.entities[0].name, "Scale AI");
//!
//! let err = Rules::from_toml_str(Path::new("rules.toml"), "[[entity]]\nname = \"X\"\ntype = \"CITY\"\n")
//!     .unwrap_err();
//! assert_eq!(err.line(), Some(3));
//! ```

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, ErrorKind, Result};
use crate::kinds::{EntityType, RelationKind};

/// A user-defined entity: its name (the node label, verbatim), its type and
/// the other surface forms that mean it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityRule {
    /// The entity's name, normalised; it becomes the node label.
    pub name: String,
    /// [`EntityType::Person`] or [`EntityType::Org`] (no other type is
    /// accepted in a rules file).
    pub entity_type: EntityType,
    /// Other names of the entity, normalised, without duplicates and without
    /// the name itself, in file order.
    pub aliases: Vec<String>,
}

/// A validated rules file (or several, merged with [`Rules::merge`]).
///
/// Every name is normalised with [`normalize_name`] and non-empty; lists keep
/// file order and hold no duplicates.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    /// User entities (`[[entity]]`), at most one per name.
    pub entities: Vec<EntityRule>,
    /// Names that never become a node (`stop_names`).
    pub stop_names: Vec<String>,
    /// Forced merges (`[[same]]`): each group, of two or more names, is one
    /// entity.
    pub same: Vec<Vec<String>>,
    /// Forced splits (`[[distinct]]`): the names of each group, two or more,
    /// are never merged with each other.
    pub distinct: Vec<Vec<String>>,
    /// Names of built-in gazetteer entries to switch off (`[gazetteer]
    /// disable`).
    pub disabled_gazetteer: Vec<String>,
    /// Extra trigger words per relation kind (`[triggers]`).
    pub triggers: BTreeMap<RelationKind, Vec<String>>,
}

impl Rules {
    /// Parses and validates rules from TOML text; `origin` names the file in
    /// errors.
    ///
    /// # Errors
    /// Fails with [`ErrorKind::Config`], naming `origin` and the 1-based line,
    /// when the text is not valid TOML, has an unknown key, names an unknown
    /// entity type (or one other than `PERSON` / `ORG`) or relation kind, has
    /// an empty name, a `[[same]]` or `[[distinct]]` group of fewer than two
    /// names, an entity defined twice, or a pair of names that is in both a
    /// `[[same]]` and a `[[distinct]]` group.
    pub fn from_toml_str(origin: &Path, text: &str) -> Result<Rules> {
        let raw: RawRules = toml::from_str(text).map_err(|e| {
            let err = config_error(origin, with_hint(e.message().trim()));
            match e.span() {
                Some(span) => err.with_line(line_of(text, span.start)),
                None => err,
            }
        })?;
        Validator { origin, text }.validate(raw)
    }

    /// Reads, parses and validates a rules file.
    ///
    /// # Errors
    /// Fails with [`ErrorKind::Io`] when the file cannot be read, and with
    /// [`ErrorKind::Config`] (naming the file and line) when it is not UTF-8
    /// or not valid rules (see [`Rules::from_toml_str`]).
    pub fn load(path: impl AsRef<Path>) -> Result<Rules> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            let line = line_of_bytes(e.as_bytes(), offset);
            config_error(path, format!("invalid UTF-8 at byte offset {offset}")).with_line(line)
        })?;
        Rules::from_toml_str(path, &text)
    }

    /// Adds the rules of `other` (a later file) to these.
    ///
    /// An entity of `other` replaces an entity of the same name here; the
    /// other lists are appended, dropping names already present.
    pub fn merge(&mut self, other: Rules) {
        for entity in other.entities {
            self.entities.retain(|e| e.name != entity.name);
            self.entities.push(entity);
        }
        extend_unique(&mut self.stop_names, other.stop_names);
        for group in other.same {
            if !self.same.contains(&group) {
                self.same.push(group);
            }
        }
        for group in other.distinct {
            if !self.distinct.contains(&group) {
                self.distinct.push(group);
            }
        }
        extend_unique(&mut self.disabled_gazetteer, other.disabled_gazetteer);
        for (kind, words) in other.triggers {
            extend_unique(self.triggers.entry(kind).or_default(), words);
        }
    }

    /// Whether there are no rules at all.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
            && self.stop_names.is_empty()
            && self.same.is_empty()
            && self.distinct.is_empty()
            && self.disabled_gazetteer.is_empty()
            && self.triggers.values().all(Vec::is_empty)
    }
}

/// Normalises a name: C0 control characters (and DEL) other than white space
/// are removed, runs of white space are folded to one space, and the ends
/// are trimmed.
///
/// # Example
/// ```
/// assert_eq!(kgraph::config::normalize_name("  Scale\u{0}\n\tAI "), "Scale AI");
/// ```
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.chars() {
        if c.is_whitespace() {
            pending_space = true;
        } else if c.is_control() && (c <= '\u{1f}' || c == '\u{7f}') {
            // Removed outright: it neither separates nor joins words.
        } else {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    }
    out
}

/// The keys of the top level of a rules file.
const TOP_LEVEL_KEYS: &[&str] = &[
    "stop_names",
    "entity",
    "same",
    "distinct",
    "gazetteer",
    "triggers",
];

/// Adds a hint to a TOML error about the usual trap: a top-level key written
/// after a table header belongs to that table.
fn with_hint(message: &str) -> String {
    let misplaced = TOP_LEVEL_KEYS
        .iter()
        .find(|key| message.contains(&format!("unknown field `{key}`")));
    match misplaced {
        Some(key) => format!(
            "{message} (`{key}` belongs at the top of the file, before the first `[[...]]` or `[...]` header)"
        ),
        None => message.to_string(),
    }
}

fn extend_unique(list: &mut Vec<String>, more: Vec<String>) {
    for item in more {
        if !list.contains(&item) {
            list.push(item);
        }
    }
}

fn config_error(origin: &Path, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::Config, message).with_path(PathBuf::from(origin))
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    line_of_bytes(text.as_bytes(), offset)
}

fn line_of_bytes(bytes: &[u8], offset: usize) -> usize {
    bytes.iter().take(offset).filter(|&&b| b == b'\n').count() + 1
}

/// The file as written, before validation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    #[serde(default)]
    entity: Vec<RawEntity>,
    #[serde(default)]
    stop_names: Vec<Spanned<String>>,
    #[serde(default)]
    same: Vec<RawGroup>,
    #[serde(default)]
    distinct: Vec<RawGroup>,
    #[serde(default)]
    gazetteer: RawGazetteer,
    #[serde(default)]
    triggers: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    name: Spanned<String>,
    #[serde(rename = "type")]
    entity_type: Spanned<String>,
    #[serde(default)]
    aliases: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    names: Spanned<Vec<Spanned<String>>>,
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGazetteer {
    #[serde(default)]
    disable: Vec<Spanned<String>>,
}

/// Turns a [`RawRules`] into [`Rules`], with errors that point into `text`.
struct Validator<'a> {
    origin: &'a Path,
    text: &'a str,
}

impl Validator<'_> {
    fn error(&self, span: Range<usize>, message: impl Into<String>) -> Error {
        config_error(self.origin, message).with_line(line_of(self.text, span.start))
    }

    fn line(&self, span: &Range<usize>) -> usize {
        line_of(self.text, span.start)
    }

    /// A normalised, non-empty name.
    fn name(&self, raw: &Spanned<String>, what: &str) -> Result<String> {
        let name = normalize_name(raw.get_ref());
        if name.is_empty() {
            return Err(self.error(raw.span(), format!("empty {what}")));
        }
        Ok(name)
    }

    fn names(&self, raw: &[Spanned<String>], what: &str) -> Result<Vec<String>> {
        let mut out = Vec::with_capacity(raw.len());
        for item in raw {
            let name = self.name(item, what)?;
            if !out.contains(&name) {
                out.push(name);
            }
        }
        Ok(out)
    }

    fn validate(&self, raw: RawRules) -> Result<Rules> {
        let mut rules = Rules::default();
        let mut entity_lines: BTreeMap<String, usize> = BTreeMap::new();
        for entity in &raw.entity {
            let name = self.name(&entity.name, "entity name")?;
            if let Some(first) = entity_lines.get(&name) {
                return Err(self.error(
                    entity.name.span(),
                    format!("entity {name:?} is already defined on line {first}"),
                ));
            }
            entity_lines.insert(name.clone(), self.line(&entity.name.span()));
            let entity_type = self.entity_type(&entity.entity_type)?;
            let mut aliases = self.names(&entity.aliases, "alias")?;
            aliases.retain(|a| *a != name);
            rules.entities.push(EntityRule {
                name,
                entity_type,
                aliases,
            });
        }
        rules.stop_names = self.names(&raw.stop_names, "stop name")?;
        rules.same = self.groups(&raw.same, "[[same]]")?;
        rules.distinct = self.groups(&raw.distinct, "[[distinct]]")?;
        self.check_contradictions(&raw, &rules)?;
        rules.disabled_gazetteer = self.names(&raw.gazetteer.disable, "gazetteer name")?;
        for (key, words) in &raw.triggers {
            let kind: RelationKind = key
                .get_ref()
                .parse()
                .map_err(|e| self.error(key.span(), format!("in [triggers]: {e}")))?;
            let words = self.names(words, "trigger word")?;
            extend_unique(rules.triggers.entry(kind).or_default(), words);
        }
        Ok(rules)
    }

    fn entity_type(&self, raw: &Spanned<String>) -> Result<EntityType> {
        let entity_type: EntityType = raw
            .get_ref()
            .parse()
            .map_err(|e| self.error(raw.span(), format!("{e}")))?;
        if !entity_type.is_node() {
            return Err(self.error(
                raw.span(),
                format!(
                    "entity type {:?} is not allowed in a rules file (expected one of: PERSON, ORG)",
                    raw.get_ref()
                ),
            ));
        }
        Ok(entity_type)
    }

    fn groups(&self, raw: &[RawGroup], what: &str) -> Result<Vec<Vec<String>>> {
        let mut out = Vec::with_capacity(raw.len());
        for group in raw {
            let names = self.names(group.names.get_ref(), "name")?;
            if names.len() < 2 {
                return Err(self.error(
                    group.names.span(),
                    format!("a {what} group needs at least two different names"),
                ));
            }
            out.push(names);
        }
        Ok(out)
    }

    /// Fails when two names are both forced together and kept apart.
    fn check_contradictions(&self, raw: &RawRules, rules: &Rules) -> Result<()> {
        for (d, distinct) in rules.distinct.iter().enumerate() {
            for (i, a) in distinct.iter().enumerate() {
                for b in distinct.iter().skip(i + 1) {
                    let clash = rules
                        .same
                        .iter()
                        .position(|same| same.contains(a) && same.contains(b));
                    if let (Some(s), Some(d_raw)) = (clash, raw.distinct.get(d)) {
                        let same_line = raw
                            .same
                            .get(s)
                            .map(|g| self.line(&g.names.span()))
                            .unwrap_or_default();
                        return Err(self.error(
                            d_raw.names.span(),
                            format!(
                                "{a:?} and {b:?} are kept apart here but forced together by the [[same]] group on line {same_line}"
                            ),
                        ));
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Rules> {
        Rules::from_toml_str(Path::new("dir/my-rules.toml"), text)
    }

    /// Asserts that `text` fails with a config error on `line`, whose message
    /// names the file and contains `needle`.
    fn assert_fails(text: &str, line: usize, needle: &str) {
        let err = match parse(text) {
            Ok(rules) => panic!("expected an error, got {rules:?}"),
            Err(e) => e,
        };
        let msg = err.to_string();
        assert_eq!(err.kind(), ErrorKind::Config, "{msg}");
        assert_eq!(err.line(), Some(line), "{msg}");
        assert!(msg.contains("my-rules.toml"), "{msg}");
        assert!(
            msg.contains(&format!("my-rules.toml:{line}:")),
            "{msg} should name line {line}"
        );
        assert!(msg.contains(needle), "{msg} should contain {needle:?}");
    }

    const FULL: &str = r#"
# A full rules file.
[[entity]]
name = "Scale AI"
type = "ORG"
aliases = ["Scale", "ScaleAI", "Scale", "Scale AI"]

[[entity]]
name = "  Alexandr \t Wang\u0001 "
type = "person"

stop_names = ["Reuters", "TechCrunch"]

[[same]]
names = ["Facebook", "Meta Platforms"]

[[distinct]]
names = ["Scale", "Scale AI"]

[gazetteer]
disable = ["Apple"]

[triggers]
acquired = ["gobbled up", "gobbled  up"]
invests_in = ["bankrolled"]
"#;

    #[test]
    fn full_file() {
        // `stop_names` after `[[entity]]` belongs to that table in TOML, so the
        // full example puts top-level keys first.
        let text = FULL.replace("stop_names = [\"Reuters\", \"TechCrunch\"]\n", "");
        let text = format!("stop_names = [\"Reuters\", \"TechCrunch\"]\n{text}");
        let rules = parse(&text).unwrap();
        assert_eq!(
            rules.entities,
            vec![
                EntityRule {
                    name: "Scale AI".into(),
                    entity_type: EntityType::Org,
                    aliases: vec!["Scale".into(), "ScaleAI".into()],
                },
                EntityRule {
                    name: "Alexandr Wang".into(),
                    entity_type: EntityType::Person,
                    aliases: vec![],
                },
            ]
        );
        assert_eq!(rules.stop_names, ["Reuters", "TechCrunch"]);
        assert_eq!(rules.same, [["Facebook", "Meta Platforms"]]);
        assert_eq!(rules.distinct, [["Scale", "Scale AI"]]);
        assert_eq!(rules.disabled_gazetteer, ["Apple"]);
        assert_eq!(rules.triggers.len(), 2);
        assert_eq!(rules.triggers[&RelationKind::Acquired], ["gobbled up"]);
        assert_eq!(rules.triggers[&RelationKind::InvestsIn], ["bankrolled"]);
        assert!(!rules.is_empty());
    }

    #[test]
    fn empty_file_is_empty_rules() {
        let rules = parse("# nothing\n").unwrap();
        assert!(rules.is_empty());
        assert_eq!(rules, Rules::default());
    }

    #[test]
    fn stop_names_after_entity_is_an_unknown_key() {
        // The TOML trap: a bare key after [[entity]] belongs to the entity.
        assert_fails(FULL, 12, "unknown field `stop_names`");
        assert_fails(FULL, 12, "belongs at the top of the file");
    }

    #[test]
    fn malformed_toml() {
        assert_fails("stop_names = [\"a\"]\n\n[[entity]\nname = \"x\"\n", 3, "");
        assert_fails("stop_names = [\"a\"\n", 1, "");
        assert_fails("[[entity]]\nname = \"X\"\ntype = ORG\n", 3, "");
    }

    #[test]
    fn unknown_keys() {
        assert_fails("stopnames = [\"a\"]\n", 1, "unknown field `stopnames`");
        assert_fails(
            "[[entity]]\nname = \"X\"\ntype = \"ORG\"\nalias = [\"Y\"]\n",
            4,
            "unknown field `alias`",
        );
        assert_fails("\n[gazetteer]\nenable = [\"Apple\"]\n", 3, "unknown field");
        assert_fails(
            "[[same]]\nnames = [\"a\", \"b\"]\nkind = 1\n",
            3,
            "unknown field",
        );
    }

    #[test]
    fn wrong_value_types() {
        assert_fails("stop_names = \"Reuters\"\n", 1, "");
        assert_fails("\n\n[[entity]]\nname = 5\ntype = \"ORG\"\n", 4, "");
    }

    #[test]
    fn missing_entity_fields() {
        let err = parse("[[entity]]\nname = \"X\"\n").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Config);
        assert!(err.to_string().contains("my-rules.toml"), "{err}");
        assert!(err.to_string().contains("type"), "{err}");
        assert!(err.line().is_some(), "{err}");
    }

    #[test]
    fn unknown_entity_type() {
        let text = "[[entity]]\nname = \"Scale AI\"\n\ntype = \"COMPANY\"\n";
        assert_fails(text, 4, "unknown entity type \"COMPANY\"");
    }

    #[test]
    fn non_node_entity_type() {
        let text = "[[entity]]\nname = \"Llama\"\ntype = \"PRODUCT\"\n";
        assert_fails(text, 3, "not allowed in a rules file");
    }

    #[test]
    fn unknown_relation_kind() {
        let text = "[triggers]\nacquired = [\"bought\"]\nbuys = [\"x\"]\n";
        assert_fails(text, 3, "unknown relation kind \"buys\"");
    }

    #[test]
    fn empty_names() {
        assert_fails(
            "[[entity]]\nname = \" \\u0007 \"\ntype = \"ORG\"\n",
            2,
            "empty entity name",
        );
        assert_fails(
            "[[entity]]\nname = \"X\"\ntype = \"ORG\"\naliases = [\"Y\",\n  \"\"]\n",
            5,
            "empty alias",
        );
        assert_fails("stop_names = [\"\"]\n", 1, "empty stop name");
        assert_fails(
            "[gazetteer]\ndisable = [\"\\t\"]\n",
            2,
            "empty gazetteer name",
        );
        assert_fails("[triggers]\nleads = [\" \"]\n", 2, "empty trigger word");
        assert_fails("[[same]]\nnames = [\"a\", \"\"]\n", 2, "empty name");
    }

    #[test]
    fn groups_need_two_names() {
        assert_fails("[[same]]\nnames = [\"a\"]\n", 2, "at least two");
        assert_fails("[[distinct]]\nnames = [\"a\", \" a\"]\n", 2, "at least two");
        assert_fails("[[same]]\n", 1, "names");
    }

    #[test]
    fn duplicate_entity() {
        let text = "[[entity]]\nname = \"X\"\ntype = \"ORG\"\n\n[[entity]]\nname = \"X \"\ntype = \"PERSON\"\n";
        assert_fails(text, 6, "already defined on line 2");
    }

    #[test]
    fn same_and_distinct_contradict() {
        let text =
            "[[same]]\nnames = [\"A\", \"B\", \"C\"]\n\n[[distinct]]\nnames = [\"C\", \"A\"]\n";
        assert_fails(text, 5, "[[same]] group on line 2");
    }

    #[test]
    fn load_names_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("my-rules.toml");
        std::fs::write(&path, "[[entity]]\nname = \"X\"\ntype = \"ORGAN\"\n").unwrap();
        let err = Rules::load(&path).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Config);
        assert_eq!(err.path(), Some(path.as_path()));
        assert_eq!(err.line(), Some(3));

        std::fs::write(&path, b"stop_names = [\"a\"]\n# \xff\n").unwrap();
        let err = Rules::load(&path).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Config);
        assert_eq!(err.line(), Some(2));
        assert!(err.to_string().contains("byte offset 21"), "{err}");

        let err = Rules::load(dir.path().join("missing.toml")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io);
        assert!(err.to_string().contains("missing.toml"), "{err}");

        std::fs::write(&path, "stop_names = [\"Reuters\"]\n").unwrap();
        assert_eq!(Rules::load(&path).unwrap().stop_names, ["Reuters"]);
    }

    #[test]
    fn merge_later_wins_and_dedupes() {
        let mut a = parse(
            "stop_names = [\"Reuters\"]\n[[entity]]\nname = \"X\"\ntype = \"ORG\"\n[triggers]\nleads = [\"helms\"]\n",
        )
        .unwrap();
        let b = parse(
            "stop_names = [\"Reuters\", \"AP\"]\n[[entity]]\nname = \"X\"\ntype = \"PERSON\"\n[triggers]\nleads = [\"helms\", \"steers\"]\n",
        )
        .unwrap();
        a.merge(b);
        assert_eq!(a.stop_names, ["Reuters", "AP"]);
        assert_eq!(a.entities.len(), 1);
        assert_eq!(a.entities[0].entity_type, EntityType::Person);
        assert_eq!(a.triggers[&RelationKind::Leads], ["helms", "steers"]);
    }

    #[test]
    fn normalisation() {
        assert_eq!(normalize_name("a\u{0}b"), "ab");
        assert_eq!(normalize_name("\u{1b}[31mRed\u{7f}"), "[31mRed");
        assert_eq!(normalize_name(" a \r\n b\u{a0}c "), "a b c");
        assert_eq!(normalize_name("\n\t "), "");
    }
}
