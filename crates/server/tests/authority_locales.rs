//! The device-login pages' Fluent catalogues: every language says everything English says,
//! nothing more, and English says nothing the pages never ask for.

use std::{fs, path::PathBuf};

fn server() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_language_has_exactly_the_english_messages_and_all_are_used() {
    // The project's one catalogue check (fluent-syntax's parser): it names each missing or
    // extra id per language, each English id no string literal in src/ names, and each
    // message whose variables differ from English.
    let server = server();
    if let Err(problems) = xms_catalogues::check(&server.join("locales"), &[&server.join("src")]) {
        panic!(
            "the device-login catalogues need fixing:\n{}",
            problems.join("\n")
        );
    }
}

#[test]
fn every_catalogue_opens_with_a_comment_saying_what_it_holds() {
    for language in ["en", "pl", "de"] {
        let path = server().join(format!("locales/{language}/authority.ftl"));
        let source = fs::read_to_string(&path).unwrap();
        assert!(source.starts_with("# "), "{}", path.display());
    }
}
