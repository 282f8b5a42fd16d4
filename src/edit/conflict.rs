//! What the panel shows when someone else saved the settings first: their values beside the
//! administrator's, and the choice to keep one or the other. Nothing is overwritten until the
//! administrator chooses.

use leptos::prelude::*;
use xms_m365_contract::{LicenceMode, OrganizationSettings, SettingsView, Worker};

use super::form::interval_words;
use crate::i18n::{I18n, t, use_i18n};

/// The administrator's settings beside those saved meanwhile.
#[component]
pub fn ConflictView(
    mine: OrganizationSettings,
    theirs: SettingsView,
    workers: Vec<Worker>,
    /// Saves the administrator's settings over `theirs`.
    keep_mine: Callback<SettingsView>,
    /// Takes `theirs`, dropping the administrator's changes.
    take_theirs: Callback<SettingsView>,
) -> impl IntoView {
    let i18n = use_i18n();
    let worker = |settings: &OrganizationSettings| {
        workers
            .iter()
            .find(|w| w.id == settings.default_worker_id)
            .map_or_else(|| settings.default_worker_id.0.clone(), |w| w.name.clone())
    };
    // Read once: the comparison is of the moment the conflict was found.
    let i18n_now = I18n::new(i18n.locale_untracked());
    let rows = [
        (
            t!(i18n_now, "licence-heading"),
            licence_words(i18n_now, mine.licence_mode),
            licence_words(i18n_now, theirs.settings.licence_mode),
        ),
        (
            t!(i18n_now, "sync-heading"),
            interval_words(i18n_now, mine.user_sync_interval_hours),
            interval_words(i18n_now, theirs.settings.user_sync_interval_hours),
        ),
        (
            t!(i18n_now, "worker-heading"),
            worker(&mine),
            worker(&theirs.settings),
        ),
    ];
    let theirs_for_keep = theirs.clone();
    view! {
        <div class="m365-conflict">
            <p role="alert">
                <strong>{move || t!(i18n, "conflict-title")}</strong>
                " "
                {move || t!(i18n, "conflict-text")}
            </p>
            <table class="m365-conflict__table">
                <caption class="m365-visually-hidden">{move || t!(i18n, "conflict-caption")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{move || t!(i18n, "conflict-setting")}</th>
                        <th scope="col">{move || t!(i18n, "conflict-yours")}</th>
                        <th scope="col">{move || t!(i18n, "conflict-theirs")}</th>
                    </tr>
                </thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|(setting, mine, theirs)| {
                            let differs = mine != theirs;
                            view! {
                                <tr class:m365-conflict__differs=differs>
                                    <th scope="row">
                                        {setting}
                                        {differs.then(|| t!(i18n_now, "conflict-differs"))}
                                    </th>
                                    <td>{mine}</td>
                                    <td>{theirs}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <div class="m365-settings__inline">
                <button
                    type="button"
                    class="m365-button"
                    on:click=move |_| keep_mine.run(theirs_for_keep.clone())
                >
                    {move || t!(i18n, "conflict-keep-mine")}
                </button>
                <button
                    type="button"
                    class="m365-button m365-button--secondary"
                    on:click=move |_| take_theirs.run(theirs.clone())
                >
                    {move || t!(i18n, "conflict-take-theirs")}
                </button>
            </div>
        </div>
    }
}

fn licence_words(i18n: I18n, mode: LicenceMode) -> String {
    match mode {
        LicenceMode::Automatic => t!(i18n, "licence-automatic"),
        LicenceMode::Manual => t!(i18n, "licence-manual"),
    }
}
