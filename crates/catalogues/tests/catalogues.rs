//! The catalogue check on the project's own catalogues, and on broken ones it must refuse.

use std::{fs, path::PathBuf};

use xms_catalogues::{check, check_chunk_words};

fn workspace() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn assert_clean(result: Result<(), Vec<String>>) {
    if let Err(problems) = result {
        panic!("the catalogues need fixing:\n{}", problems.join("\n"));
    }
}

#[test]
fn the_module_speaks_every_language_completely() {
    let root = workspace();
    assert_clean(check(&root.join("locales"), &[&root.join("src")]));
}

#[test]
fn the_chunks_words_are_said_only_by_their_code() {
    let root = workspace();
    let editors: &[&str] = &["edit.rs", "edit", "policy.rs", "policy"];
    assert_clean(check_chunk_words(
        &root.join("locales"),
        &root.join("src"),
        &[
            ("connect", &["connect.rs", "connect"]),
            ("edit", &["edit.rs", "edit"]),
            ("policy", &["policy.rs", "policy"]),
            ("users", &["users.rs", "users"]),
            ("history", &["history.rs", "history"]),
            (
                "summary",
                &["organizations/attention.rs", "organizations/table.rs"],
            ),
            (
                "forms",
                &[
                    editors,
                    &[
                        "widgets/field_words.rs",
                        "widgets/pager.rs",
                        "widgets/sync_now.rs",
                        "widgets/versioned.rs",
                    ],
                ]
                .concat(),
            ),
        ],
    ));
}

#[test]
fn a_chunks_word_said_elsewhere_is_named() {
    let dir = project(
        "feature-words",
        &[
            ("locales/en/app.ftl", "greeting = Hello\n"),
            ("locales/en/edit.ftl", "edit-title = Edit\n"),
            (
                "src/edit.rs",
                r#"fn f() { t!(i18n, "edit-title"); t!(i18n, "greeting"); }"#,
            ),
            ("src/app.rs", r#"fn f() { t!(i18n, "greeting"); }"#),
        ],
    );
    let edit: &[(&str, &[&str])] = &[("edit", &["edit.rs", "edit"])];
    assert_clean(check_chunk_words(
        &dir.join("locales"),
        &dir.join("src"),
        edit,
    ));
    fs::write(
        dir.join("src/tile.rs"),
        r#"fn f() { t!(i18n, "edit-title"); }"#,
    )
    .unwrap();
    let problems = check_chunk_words(&dir.join("locales"), &dir.join("src"), edit).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("tile.rs") && problems[0].contains("`edit-title`"));
}

#[test]
fn the_device_login_pages_speak_every_language_completely() {
    let server = workspace().join("crates/server");
    assert_clean(check(&server.join("locales"), &[&server.join("src")]));
}

/// A throw-away project with `files` (path, text) written under it.
fn project(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("xms-catalogues-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }
    dir
}

const ENGLISH: &str = "
# Test catalogue.
greeting = Hello, { $name }
users = { $count ->
    [one] { $count } user
   *[other] { $count } users
}
";
const CODE: &str = r#"fn f() { t!(i18n, "greeting", name = n); t!(i18n, "users", count = 2); }"#;

#[test]
fn complete_catalogues_pass() {
    let dir = project(
        "complete",
        &[
            ("locales/en/a.ftl", ENGLISH),
            (
                "locales/pl/a.ftl",
                "greeting = Cześć, { $name }\nusers = { $count ->\n    [one] { $count } użytkownik\n    [few] { $count } użytkownicy\n    [many] { $count } użytkowników\n   *[other] { $count } użytkownika\n}\n",
            ),
            ("src/lib.rs", CODE),
        ],
    );
    assert_clean(check(&dir.join("locales"), &[&dir.join("src")]));
}

#[test]
fn a_message_takes_the_variables_of_those_it_refers_to() {
    let english = format!("{ENGLISH}welcome = {{ greeting }}! You have {{ users }}.\n");
    let dir = project(
        "references",
        &[
            ("locales/en/a.ftl", &english),
            (
                "src/lib.rs",
                &format!(r#"{CODE} fn g() {{ t!(i18n, "welcome", name = n, count = 2); }}"#),
            ),
        ],
    );
    assert_clean(check(&dir.join("locales"), &[&dir.join("src")]));
    fs::write(
        dir.join("src/lib.rs"),
        format!(r#"{CODE} fn g() {{ t!(i18n, "welcome", name = n); }}"#),
    )
    .unwrap();
    let problems = check(&dir.join("locales"), &[&dir.join("src")]).unwrap_err();
    assert!(
        problems.iter().any(|problem| problem.contains(
            "gives `welcome` the arguments {\"name\"}, but its English text uses {\"count\", \"name\"}"
        )),
        "{problems:#?}"
    );
    fs::write(dir.join("locales/en/a.ftl"), "welcome = { greeting }!\n").unwrap();
    let problems = check(&dir.join("locales"), &[&dir.join("src")]).unwrap_err();
    assert!(
        problems.iter().any(|problem| problem
            .contains("`welcome` refers to `greeting`, which this language does not have")),
        "{problems:#?}"
    );
}

#[test]
fn missing_extra_unused_and_wrong_plurals_are_each_named() {
    let dir = project(
        "broken",
        &[
            ("locales/en/a.ftl", &format!("{ENGLISH}farewell = Bye\n")),
            (
                "locales/pl/a.ftl",
                // No `farewell`; an extra `stray`; `greeting` drops $name; `users` lacks few/many.
                "greeting = Cześć\nstray = Zbłąkany\nusers = { $count ->\n    [one] { $count } użytkownik\n   *[other] { $count } użytkowników\n}\n",
            ),
            ("src/lib.rs", CODE),
        ],
    );
    let problems = check(&dir.join("locales"), &[&dir.join("src")]).unwrap_err();
    let said = |needle: &str| problems.iter().any(|problem| problem.contains(needle));
    assert!(said("pl: lacks `farewell`"), "{problems:#?}");
    assert!(said("has `stray`, which English does not"), "{problems:#?}");
    assert!(
        said("`greeting` uses {} where English uses {\"name\"}"),
        "{problems:#?}"
    );
    assert!(
        said("`users` lacks the plural form(s) [\"few\", \"many\"]"),
        "{problems:#?}"
    );
    assert!(
        said("`farewell` is in the catalogues but no source file names it"),
        "{problems:#?}"
    );
}

#[test]
fn exact_numbers_are_not_plurals_but_plurals_among_them_are() {
    let day = "day = { $day ->\n    [31] the last day\n   *[other] day { $day }\n}\n";
    let mixed = "mixed = { $n ->\n    [0] none\n    [one] one\n   *[other] many\n}\n";
    let dir = project(
        "exact",
        &[
            ("locales/en/a.ftl", &format!("{day}{mixed}")),
            ("locales/pl/a.ftl", &format!("{day}{mixed}")),
            (
                "src/lib.rs",
                r#"fn f() { t!(i18n, "day", day = 31); t!(i18n, "mixed", n = 0); }"#,
            ),
        ],
    );
    let problems = check(&dir.join("locales"), &[&dir.join("src")]).unwrap_err();
    assert_eq!(
        problems.len(),
        1,
        "only `mixed` lacks Polish forms: {problems:#?}"
    );
    assert!(problems[0].contains("`mixed` lacks the plural form(s) [\"few\", \"many\"]"));
}

#[test]
fn ids_and_arguments_the_code_names_must_exist_and_match() {
    let code = r#"
        fn f() {
            t!(i18n, "greting", name = n);          // misspelled
            t!(i18n, "users", total = 2);           // the message says $count
            view! { <p>{move || i18n.t(label)}</p> } // chosen at run time, unseen
            let chosen = msg!("farewell");          // in no catalogue
            t!(i18n, "greeting", name = n);
            words.t_with("users", &[("count", "2")]);
            macro_rules! t { ($i18n:expr, $id:literal) => { $i18n.t($id) }; }
        }
    "#;
    let dir = project(
        "names",
        &[("locales/en/a.ftl", ENGLISH), ("src/lib.rs", code)],
    );
    let problems = check(&dir.join("locales"), &[&dir.join("src")]).unwrap_err();
    let said = |needle: &str| problems.iter().any(|problem| problem.contains(needle));
    assert!(
        said("names `greting`, which no catalogue has"),
        "{problems:#?}"
    );
    assert!(
        said("names `farewell`, which no catalogue has"),
        "{problems:#?}"
    );
    assert!(
        said("gives `users` the arguments {\"total\"}, but its English text uses {\"count\"}"),
        "{problems:#?}"
    );
    assert!(
        said("a message is named by `label`, not a literal id"),
        "{problems:#?}"
    );
    assert_eq!(problems.len(), 4, "the right calls pass: {problems:#?}");
}

#[test]
fn a_syntax_error_is_reported() {
    let dir = project(
        "syntax",
        &[
            ("locales/en/a.ftl", "greeting = { $name\n"),
            ("src/lib.rs", CODE),
        ],
    );
    let problems = check(&dir.join("locales"), &[&dir.join("src")]).unwrap_err();
    assert!(
        problems.iter().any(|p| p.contains("a.ftl")),
        "{problems:#?}"
    );
}
