//! The README's rules-file example is a valid rules file.

use std::path::Path;

#[test]
fn readme_rules_example_loads() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md");
    let start = readme
        .find("```toml\n")
        .expect("a toml block in the README")
        + "```toml\n".len();
    let len = readme[start..].find("```").expect("end of the toml block");
    let toml = &readme[start..start + len];
    let rules = kgraph::config::Rules::from_toml_str(Path::new("README.md"), toml)
        .expect("the README's rules example parses");
    assert_eq!(rules.entities.len(), 1);
    assert_eq!(rules.stop_names, vec!["Reuters".to_string()]);
    kgraph::Pipeline::builder()
        .rules_str("README.md", toml)
        .build()
        .expect("the README's rules build a pipeline");
}
