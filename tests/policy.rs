//! Component tests of how the policy editor words the next runs XMS computed.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;
use xms_m365::{I18n, Locale, next_runs_words, run_time};
use xms_m365_contract::{BackupKind, PlannedRun};

wasm_bindgen_test_configure!(run_in_browser);

fn run(local: &str, kind: BackupKind) -> PlannedRun {
    PlannedRun {
        at: format!("{local}:00Z"),
        local: local.into(),
        kind,
    }
}

#[wasm_bindgen_test]
fn runs_read_as_today_tomorrow_or_a_date() {
    let (today, tomorrow) = ("2026-11-26", "2026-11-27");
    assert_eq!(
        run_time(
            I18n::new(Locale::En),
            &run("2026-11-26T22:00", BackupKind::Incremental),
            today,
            tomorrow
        ),
        "today 22:00"
    );
    assert_eq!(
        run_time(
            I18n::new(Locale::En),
            &run("2026-11-27T02:30", BackupKind::Full),
            today,
            tomorrow
        ),
        "tomorrow 02:30"
    );
    assert_eq!(
        run_time(
            I18n::new(Locale::En),
            &run("2026-12-01T22:00", BackupKind::Full),
            today,
            tomorrow
        ),
        "Dec 1 22:00"
    );
}

#[wasm_bindgen_test]
fn the_summary_names_the_next_run_and_the_next_full_one() {
    let runs = [
        run("2026-11-26T22:00", BackupKind::Incremental),
        run("2026-11-27T22:00", BackupKind::Incremental),
        run("2026-12-01T22:00", BackupKind::Full),
    ];
    assert_eq!(
        next_runs_words(I18n::new(Locale::En), &runs, "2026-11-26", "2026-11-27"),
        "Next: today 22:00 incremental, Dec 1 22:00 full"
    );
    assert_eq!(
        next_runs_words(
            I18n::new(Locale::En),
            &runs[2..],
            "2026-11-26",
            "2026-11-27"
        ),
        "Next: Dec 1 22:00 full"
    );
    assert_eq!(
        next_runs_words(I18n::new(Locale::En), &[], "2026-11-26", "2026-11-27"),
        "No run is planned."
    );
}

#[wasm_bindgen_test]
fn runs_read_naturally_in_polish_and_german() {
    let runs = [
        run("2026-11-26T22:00", BackupKind::Incremental),
        run("2026-12-01T22:00", BackupKind::Full),
    ];
    let (today, tomorrow) = ("2026-11-26", "2026-11-27");
    assert_eq!(
        next_runs_words(I18n::new(Locale::Pl), &runs, today, tomorrow),
        "Następne: dzisiaj 22:00 przyrostowa, 1 gru 22:00 pełna"
    );
    assert_eq!(
        next_runs_words(I18n::new(Locale::De), &runs, today, tomorrow),
        "Nächste: heute 22:00 inkrementell, 1. Dez. 22:00 vollständig"
    );
}

#[wasm_bindgen_test]
fn tomorrow_is_said_in_the_readers_language() {
    let tomorrow = run("2026-11-27T02:30", BackupKind::Full);
    assert_eq!(
        run_time(I18n::new(Locale::Pl), &tomorrow, "2026-11-26", "2026-11-27"),
        "jutro 02:30"
    );
    assert_eq!(
        run_time(I18n::new(Locale::De), &tomorrow, "2026-11-26", "2026-11-27"),
        "morgen 02:30"
    );
}
