//! # Custom rules: your own entities, stop-names and trigger words
//!
//! Shows the two ways to add knowledge without recompiling kgraph: rules as
//! TOML text given in code, and a rules file on disk (the same format that
//! `kgraph build --rules FILE` reads).
//!
//! Run with `cargo run --example custom_rules`.

use kgraph::{Document, EntityType, Pipeline, RelationKind};

fn main() {
    if let Err(err) = try_main() {
        eprintln!("error: {err}");
        std::process::exit(1);
    }
}

fn try_main() -> Result<(), Box<dyn std::error::Error>> {
    // # Step 1: rules in code. "Tally" is a common word, so no built-in
    // rule would make it a company; here we say it is one, and teach a new
    // acquisition verb.
    let rules = r#"
        stop_names = ["Newswire Daily"]

        [[entity]]
        name = "Tally Payroll"
        type = "ORG"
        aliases = ["Tally"]

        [[entity]]
        name = "Quillon Works"
        type = "ORG"
        aliases = ["Quillon"]

        [triggers]
        acquired = ["gobbled up"]
    "#;

    // # Step 2: the same kind of rules from a file (written here to a
    // temporary folder so the example is self-contained).
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("people.toml");
    std::fs::write(
        &path,
        "[[entity]]\nname = \"Dana Okafor\"\ntype = \"PERSON\"\naliases = [\"Okafor\"]\n",
    )?;

    let pipeline = Pipeline::builder()
        .rules_str("inline rules", rules)
        .rules_file(&path)?
        .build()?;

    // # Step 3: run it.
    let doc = Document::new(
        "rules.txt",
        "Quillon gobbled up Tally last week, Newswire Daily said. \
         Okafor, the chief executive of Quillon, called the deal a good fit.",
    );
    let graph = pipeline.build(vec![doc]);

    // # Step 4: the user entities are nodes, labelled verbatim.
    for node in graph.nodes_of_type(EntityType::Org) {
        println!(
            "ORG    {} (aliases: {})",
            node.label,
            node.aliases.join(", ")
        );
    }
    for node in graph.nodes_of_type(EntityType::Person) {
        println!(
            "PERSON {} (aliases: {})",
            node.label,
            node.aliases.join(", ")
        );
    }
    for edge in graph.edges_of_kind(RelationKind::Acquired) {
        println!(
            "{} acquired {} ({:?})",
            edge.source, edge.target, edge.status
        );
    }
    let acquired = graph.edges_of_kind(RelationKind::Acquired).count();
    if acquired == 0 {
        return Err("the custom trigger found no acquisition".into());
    }
    Ok(())
}
