//! The device-login pages' Fluent catalogues: every language says everything English says,
//! nothing more, and English says nothing the pages never ask for.

use std::{
    collections::BTreeSet,
    fs,
    path::{Path, PathBuf},
};

use fluent_syntax::{ast::Entry, parser};

/// The languages besides English the pages speak.
const TRANSLATIONS: [&str; 2] = ["pl", "de"];

fn crate_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// The message ids of `language`'s catalogue, which must parse cleanly and open with a
/// comment saying what it holds.
fn message_ids(language: &str) -> BTreeSet<String> {
    let path = crate_path(&format!("locales/{language}/authority.ftl"));
    let source = fs::read_to_string(&path).unwrap();
    assert!(
        source.starts_with("# "),
        "{} should open with a comment saying what it holds",
        path.display()
    );
    let resource = parser::parse(source.as_str())
        .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// The Rust source of `dir` and everything under it, concatenated.
fn rust_source(dir: &Path) -> String {
    let mut source = String::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source.push_str(&rust_source(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            source.push_str(&fs::read_to_string(&path).unwrap());
        }
    }
    source
}

#[test]
fn every_language_has_exactly_the_english_message_ids() {
    let english = message_ids("en");
    assert!(!english.is_empty());
    let mismatches: Vec<String> = TRANSLATIONS
        .iter()
        .filter_map(|language| {
            let ids = message_ids(language);
            let missing: Vec<&String> = english.difference(&ids).collect();
            let extra: Vec<&String> = ids.difference(&english).collect();
            (!missing.is_empty() || !extra.is_empty())
                .then(|| format!("{language}: missing {missing:?}, extra {extra:?}"))
        })
        .collect();
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn every_english_message_is_used_by_the_server() {
    let source = rust_source(&crate_path("src"));
    let unused: Vec<String> = message_ids("en")
        .into_iter()
        .filter(|id| !source.contains(&format!("\"{id}\"")))
        .collect();
    assert!(
        unused.is_empty(),
        "no string literal in crates/server/src names {unused:?}"
    );
}
