//! The comparison the panel shows when someone else saved the settings first: their values
//! beside the administrator's, setting by setting, with the ones that differ marked.

use leptos::prelude::*;
use xms_m365_contract::{LicenceMode, OrganizationSettings, Worker};

use super::form::interval_words;
use crate::i18n::{I18n, t, use_i18n};

/// The administrator's settings beside those saved meanwhile.
#[component]
pub fn ConflictRows(
    mine: OrganizationSettings,
    theirs: OrganizationSettings,
    workers: Vec<Worker>,
) -> impl IntoView {
    let i18n = use_i18n();
    // Which rows differ is a fact of the moment the conflict was found; their words follow the
    // language, so they are worded in the view.
    let compared = StoredValue::new((mine, theirs, workers));
    view! {
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
                {[Row::Licence, Row::Interval, Row::Worker]
                    .into_iter()
                    .map(|row| {
                        let differs = compared.with_value(|(mine, theirs, _)| row.differs(mine, theirs));
                        view! {
                            <tr class:m365-conflict__differs=differs>
                                <th scope="row">
                                    {move || row.label(i18n)}
                                    {move || differs.then(|| t!(i18n, "conflict-differs"))}
                                </th>
                                <td>
                                    {move || compared.with_value(|(mine, _, workers)| row.words(i18n, mine, workers))}
                                </td>
                                <td>
                                    {move || compared.with_value(|(_, theirs, workers)| row.words(i18n, theirs, workers))}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

/// A row of the comparison: one setting.
#[derive(Debug, Clone, Copy)]
enum Row {
    Licence,
    Interval,
    Worker,
}

impl Row {
    fn label(self, i18n: I18n) -> String {
        match self {
            Self::Licence => t!(i18n, "licence-heading"),
            Self::Interval => t!(i18n, "sync-heading"),
            Self::Worker => t!(i18n, "worker-heading"),
        }
    }

    fn differs(self, a: &OrganizationSettings, b: &OrganizationSettings) -> bool {
        match self {
            Self::Licence => a.licence_mode != b.licence_mode,
            Self::Interval => a.user_sync_interval_hours != b.user_sync_interval_hours,
            Self::Worker => a.default_worker_id != b.default_worker_id,
        }
    }

    /// The setting's value in `settings`; a worker by its name, or by its id once it is gone.
    fn words(self, i18n: I18n, settings: &OrganizationSettings, workers: &[Worker]) -> String {
        match self {
            Self::Licence => match settings.licence_mode {
                LicenceMode::Automatic => t!(i18n, "licence-automatic"),
                LicenceMode::Manual => t!(i18n, "licence-manual"),
            },
            Self::Interval => interval_words(i18n, settings.user_sync_interval_hours),
            Self::Worker => workers
                .iter()
                .find(|w| w.id == settings.default_worker_id)
                .map_or_else(|| settings.default_worker_id.0.clone(), |w| w.name.clone()),
        }
    }
}
