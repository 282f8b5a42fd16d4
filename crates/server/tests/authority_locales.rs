//! The device-login pages' Fluent catalogues say what they hold. (That every language says
//! everything English says, and nothing unused, is checked with the module's catalogues by
//! `crates/catalogues`.)

use std::{fs, path::PathBuf};

fn server() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_catalogue_opens_with_a_comment_saying_what_it_holds() {
    for language in ["en", "pl", "de"] {
        let path = server().join(format!("locales/{language}/authority.ftl"));
        let source = fs::read_to_string(&path).unwrap();
        assert!(source.starts_with("# "), "{}", path.display());
    }
}
