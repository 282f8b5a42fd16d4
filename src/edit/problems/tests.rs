//! Tests of the Edit panel's own checks, made before XMS is asked, in Chromium.

use wasm_bindgen_test::*;
use xms_m365_contract::{LicenceMode, WorkerId, WorkerKind};

use super::*;
use crate::i18n::{Locale, learn_panel_words};

wasm_bindgen_test_configure!(run_in_browser);

fn worker(id: &str, online: bool) -> Worker {
    Worker {
        id: WorkerId(id.into()),
        name: format!("Worker {id}"),
        kind: WorkerKind::Local,
        online,
        main: false,
    }
}

fn settings(hours: u8, worker: &str) -> OrganizationSettings {
    OrganizationSettings {
        licence_mode: LicenceMode::Manual,
        user_sync_interval_hours: hours,
        default_worker_id: WorkerId(worker.into()),
    }
}

fn fields(values: &OrganizationSettings, acknowledged: bool) -> Vec<&'static str> {
    learn_panel_words();
    let workers = [worker("cloud", true), worker("nas", false)];
    problems(
        I18n::new(Locale::En),
        values,
        &settings(24, "cloud"),
        &workers,
        acknowledged,
    )
    .into_iter()
    .map(|(field, _)| field)
    .collect()
}

#[wasm_bindgen_test]
fn listed_choices_pass() {
    assert!(fields(&settings(6, "cloud"), false).is_empty());
}

#[wasm_bindgen_test]
fn an_unlisted_interval_or_worker_is_refused_field_by_field() {
    assert_eq!(
        fields(&settings(5, "gone"), false),
        ["user_sync_interval_hours", "default_worker_id"]
    );
}

#[wasm_bindgen_test]
fn a_newly_chosen_offline_worker_needs_its_warning_accepted() {
    assert_eq!(fields(&settings(24, "nas"), false), ["default_worker_id"]);
    assert!(fields(&settings(24, "nas"), true).is_empty());
    let workers = [worker("nas", false)];
    let already = settings(24, "nas");
    assert!(
        problems(I18n::new(Locale::En), &already, &already, &workers, false).is_empty(),
        "a worker already saved needs no new confirmation"
    );
}
