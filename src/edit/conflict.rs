//! What the panel shows when someone else saved the settings first: their values beside the
//! administrator's, and the choice to keep one or the other. Nothing is overwritten until the
//! administrator chooses.

use leptos::prelude::*;
use xms_m365_contract::{LicenceMode, OrganizationSettings, SettingsView, Worker};

use super::form::interval_words;

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
    let worker = |settings: &OrganizationSettings| {
        workers
            .iter()
            .find(|w| w.id == settings.default_worker_id)
            .map_or_else(|| settings.default_worker_id.0.clone(), |w| w.name.clone())
    };
    let rows = [
        (
            "Licence management",
            licence_words(mine.licence_mode),
            licence_words(theirs.settings.licence_mode),
        ),
        (
            "User sync interval",
            interval_words(mine.user_sync_interval_hours),
            interval_words(theirs.settings.user_sync_interval_hours),
        ),
        ("Default worker", worker(&mine), worker(&theirs.settings)),
    ];
    let theirs_for_keep = theirs.clone();
    view! {
        <div class="m365-conflict">
            <p role="alert">
                <strong>"Someone else changed these settings while you were editing them."</strong>
                " Nothing has been overwritten. Compare, then keep yours or take theirs."
            </p>
            <table class="m365-conflict__table">
                <caption class="m365-visually-hidden">"Your settings beside the saved ones"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Setting"</th>
                        <th scope="col">"Yours"</th>
                        <th scope="col">"Saved by someone else"</th>
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
                                        {differs.then_some(" (differs)")}
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
                    "Keep mine"
                </button>
                <button
                    type="button"
                    class="m365-button m365-button--secondary"
                    on:click=move |_| take_theirs.run(theirs.clone())
                >
                    "Take theirs"
                </button>
            </div>
        </div>
    }
}

fn licence_words(mode: LicenceMode) -> String {
    match mode {
        LicenceMode::Automatic => "Automatic",
        LicenceMode::Manual => "Manual",
    }
    .to_owned()
}
