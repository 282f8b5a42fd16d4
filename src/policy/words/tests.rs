//! Tests of how the policy editor words its summary and the next runs XMS computed, in
//! Chromium (the words come from `Intl` and the catalogues).

use wasm_bindgen_test::*;
use xms_m365_contract::{
    BackupKind, BackupScope, EncryptionAlgorithm, Frequency, PlannedRun, Policy, Recurrence,
    Retention, Schedule, SchedulePlan, StorageId, UserScope, Weekday,
};

use super::*;
use crate::i18n::{Locale, learn_panel_words};

wasm_bindgen_test_configure!(run_in_browser);

/// `locale` with the policy editor's words, as the editor speaks it.
fn speaking(locale: Locale) -> I18n {
    learn_panel_words();
    I18n::new(locale)
}

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
            speaking(Locale::En),
            &run("2026-11-26T22:00", BackupKind::Incremental),
            today,
            tomorrow
        ),
        "today 22:00"
    );
    assert_eq!(
        run_time(
            speaking(Locale::En),
            &run("2026-11-27T02:30", BackupKind::Full),
            today,
            tomorrow
        ),
        "tomorrow 02:30"
    );
    assert_eq!(
        run_time(
            speaking(Locale::En),
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
        next_runs(speaking(Locale::En), &runs, "2026-11-26", "2026-11-27"),
        "Next: today 22:00 incremental, Dec 1 22:00 full"
    );
    assert_eq!(
        next_runs(speaking(Locale::En), &runs[2..], "2026-11-26", "2026-11-27"),
        "Next: Dec 1 22:00 full"
    );
    assert_eq!(
        next_runs(speaking(Locale::En), &[], "2026-11-26", "2026-11-27"),
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
        next_runs(speaking(Locale::Pl), &runs, today, tomorrow),
        "Następne: dzisiaj 22:00 przyrostowa, 1 gru 22:00 pełna"
    );
    assert_eq!(
        next_runs(speaking(Locale::De), &runs, today, tomorrow),
        "Nächste: heute 22:00 inkrementell, 1. Dez. 22:00 vollständig"
    );
}

#[wasm_bindgen_test]
fn tomorrow_is_said_in_the_readers_language() {
    let tomorrow = run("2026-11-27T02:30", BackupKind::Full);
    assert_eq!(
        run_time(speaking(Locale::Pl), &tomorrow, "2026-11-26", "2026-11-27"),
        "jutro 02:30"
    );
    assert_eq!(
        run_time(speaking(Locale::De), &tomorrow, "2026-11-26", "2026-11-27"),
        "morgen 02:30"
    );
}

fn policy(plan: SchedulePlan, retention: Retention) -> Policy {
    Policy {
        scope: BackupScope {
            mail: true,
            calendars: false,
            contacts: false,
            shared_mailboxes: false,
            onedrive: true,
            sharepoint: false,
            groups: false,
            users: UserScope::AllProtected,
        },
        schedule: Schedule {
            plan,
            time_zone: "Europe/Warsaw".into(),
        },
        retention,
        encryption: EncryptionAlgorithm::Off,
        worker_id: None,
        storage_id: StorageId("office-nfs".into()),
    }
}

/// The summary's sentence about the schedule (its second).
fn schedule_sentence(i18n: I18n, plan: SchedulePlan) -> String {
    let retention = Retention::ByTime {
        full_days: 90,
        differential_days: Some(35),
        incremental_days: 1,
    };
    summary(i18n, &policy(plan, retention), "Office NAS", "NFS", &[])[1].clone()
}

#[wasm_bindgen_test]
fn the_summary_says_what_each_schedule_does() {
    let en = speaking(Locale::En);
    // Basic runs every day: not "every other day", which would be every second one.
    assert_eq!(
        schedule_sentence(
            en,
            SchedulePlan::Basic {
                time: "21:00".into()
            }
        ),
        "Every day at 21:00 (Europe/Warsaw): a full backup on the 1st of each month, \
         incremental on the other days."
    );
    let gfs = |day| SchedulePlan::Gfs {
        time: "23:30".into(),
        full_day_of_month: day,
        differential_weekday: Weekday::Sunday,
    };
    assert_eq!(
        schedule_sentence(en, gfs(31)),
        "Every day at 23:30 (Europe/Warsaw): a full backup monthly on the last day of the \
         month, differential every Sunday, incremental on the other days."
    );
    assert_eq!(
        schedule_sentence(en, gfs(30)),
        "Every day at 23:30 (Europe/Warsaw): a full backup monthly on day 30 (in shorter \
         months, their last day), differential every Sunday, incremental on the other days."
    );
    assert_eq!(
        schedule_sentence(en, gfs(15)),
        "Every day at 23:30 (Europe/Warsaw): a full backup monthly on day 15, differential \
         every Sunday, incremental on the other days."
    );
    let monthly = Recurrence {
        frequency: Frequency::Monthly,
        time: "03:00".into(),
        weekday: Weekday::Monday,
        day_of_month: 31,
    };
    let hourly = Recurrence {
        frequency: Frequency::Hourly,
        time: "00:17".into(),
        weekday: Weekday::Monday,
        day_of_month: 1,
    };
    assert_eq!(
        schedule_sentence(
            en,
            SchedulePlan::Custom {
                full: monthly,
                incremental: hourly
            }
        ),
        "Full backup monthly on the last day of the month at 03:00, incremental every hour \
         at minute 17 (Europe/Warsaw)."
    );
    assert_eq!(
        schedule_sentence(
            speaking(Locale::Pl),
            SchedulePlan::Basic {
                time: "21:00".into()
            }
        ),
        "Codziennie o 21:00 (Europe/Warsaw): kopia pełna 1. dnia każdego miesiąca, \
         przyrostowa w pozostałe dni."
    );
    assert_eq!(
        schedule_sentence(speaking(Locale::De), gfs(31)),
        "Täglich um 23:30 (Europe/Warsaw): Vollsicherung am letzten Tag jedes Monats, \
         differenziell jeden Sonntag, an den übrigen Tagen inkrementell."
    );
}

#[wasm_bindgen_test]
fn the_summary_says_how_long_copies_are_kept() {
    let en = speaking(Locale::En);
    let basic = SchedulePlan::Basic {
        time: "21:00".into(),
    };
    let keep = |retention| summary(en, &policy(basic.clone(), retention), "W", "S", &[])[2].clone();
    assert_eq!(
        keep(Retention::ByTime {
            full_days: 90,
            differential_days: None,
            incremental_days: 1
        }),
        "Keeps full copies for 90 days and incremental ones for 1 day."
    );
    assert_eq!(keep(Retention::Forever), "Keeps every copy forever.");
}
