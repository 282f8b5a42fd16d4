//! The panel's three settings: licence management (with what switching to automatic would
//! take), the user sync interval (with the last and next sync, and **Sync now**) and the
//! default worker (an offline one only after a warning).

use leptos::prelude::*;
use xms_m365_contract::{
    LicenceMode, LicensingPreview, OrganizationId, OrganizationSettings, SettingsView,
    USER_SYNC_INTERVALS_HOURS, Worker, WorkerId, WorkerKind,
};

use crate::{
    i18n::{I18n, MessageId, msg, t, use_i18n},
    routes::{BasePath, Page},
    widgets::{SyncNow, field_message, radio_choice, user_sync},
};

/// What is wrong with each field, if anything.
#[derive(Debug, Clone, Copy)]
pub struct FieldErrors {
    /// Licence management.
    pub licence_mode: Signal<Option<String>>,
    /// The user sync interval.
    pub user_sync_interval_hours: Signal<Option<String>>,
    /// The default worker.
    pub default_worker_id: Signal<Option<String>>,
}

/// The settings' fields, bound to `values`; `saved` is what XMS has.
#[component]
pub fn SettingsForm(
    id: OrganizationId,
    values: RwSignal<OrganizationSettings>,
    saved: RwSignal<SettingsView>,
    workers: Vec<Worker>,
    offline_acknowledged: RwSignal<Option<WorkerId>>,
    errors: FieldErrors,
) -> impl IntoView {
    view! {
        <LicenceField values saved error=errors.licence_mode/>
        <SyncField id values saved error=errors.user_sync_interval_hours/>
        <WorkerField values saved workers offline_acknowledged error=errors.default_worker_id/>
    }
}

#[component]
fn LicenceField(
    values: RwSignal<OrganizationSettings>,
    saved: RwSignal<SettingsView>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let mode = Memo::new(move |_| values.with(|v| v.licence_mode));
    let switching_to_automatic = move || {
        mode.get() == LicenceMode::Automatic
            && saved.with(|s| s.settings.licence_mode == LicenceMode::Manual)
    };
    let i18n = use_i18n();
    let users_href = expect_context::<BasePath>().href(&Page::Users(
        saved.with_untracked(|s| s.organization_id.clone()),
    ));
    let choice = move |value: LicenceMode, label: MessageId, hint: MessageId| {
        radio_choice(
            "licence_mode",
            move || mode.get() == value,
            move || values.update(|v| v.licence_mode = value),
            move || i18n.say(label),
            move || i18n.say(hint),
        )
    };
    view! {
        <fieldset
            class="m365-settings__section"
            aria-describedby="m365-licence-error"
            aria-invalid=move || error.with(Option::is_some).to_string()
        >
            <legend class="m365-settings__heading">{move || t!(i18n, "licence-heading")}</legend>
            {choice(LicenceMode::Automatic, msg!("licence-automatic"), msg!("licence-automatic-hint"))}
            {choice(LicenceMode::Manual, msg!("licence-manual"), msg!("licence-manual-hint"))}
            <Show when=switching_to_automatic>
                {move || preview_view(i18n, saved.with(|s| s.automatic_licensing))}
            </Show>
            <p class="m365-choice__hint">
                <a href=users_href>{move || t!(i18n, "licence-users-link")}</a>
            </p>
            {field_message("m365-licence-error", error)}
        </fieldset>
    }
}

/// What switching to automatic licence management would take, with a warning when the
/// free licences do not cover it.
fn preview_view(i18n: I18n, preview: LicensingPreview) -> impl IntoView {
    let summary = if preview.unprotected_users == 0 {
        t!(i18n, "licence-preview-all-protected")
    } else {
        t!(
            i18n,
            "licence-preview",
            users = preview.unprotected_users,
            used = preview.unprotected_users.min(preview.free_licences),
            free = preview.free_licences
        )
    };
    let shortfall = preview.shortfall();
    view! {
        <div class="m365-preview">
            <p>{summary}</p>
            {(shortfall > 0).then(|| view! {
                <p class="m365-warning">
                    <strong>{t!(i18n, "licence-shortfall-warning")}</strong>
                    " "
                    {t!(i18n, "licence-shortfall", free = preview.free_licences, users = shortfall)}
                </p>
            })}
        </div>
    }
}

#[component]
fn SyncField(
    id: OrganizationId,
    values: RwSignal<OrganizationSettings>,
    saved: RwSignal<SettingsView>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let clock = i18n.clock();
    let hours = Memo::new(move |_| values.with(|v| v.user_sync_interval_hours));
    let sync = user_sync(id, move |view| {
        // Only the sync's facts: the settings being edited stay as they are.
        saved.try_update(|s| {
            s.last_user_sync_at = view.last_user_sync_at;
            s.next_user_sync_at = view.next_user_sync_at;
            s.automatic_licensing = view.automatic_licensing;
        });
    });
    let last = move || {
        saved.with(|s| match &s.last_user_sync_at {
            Some(at) => {
                let ago = i18n.time_ago(clock.now() - js_sys::Date::parse(at));
                t!(i18n, "sync-last", ago = ago, at = i18n.date_time(at))
            }
            None => t!(i18n, "sync-last-none"),
        })
    };
    let next = move || {
        saved.with(|s| match &s.next_user_sync_at {
            Some(at) => {
                let when = i18n.time_until(js_sys::Date::parse(at) - clock.now());
                t!(i18n, "sync-next", when = when, at = i18n.date_time(at))
            }
            None => t!(i18n, "sync-next-none"),
        })
    };
    view! {
        <div class="m365-settings__section">
            <label class="m365-settings__heading" for="m365-sync-interval">
                {move || t!(i18n, "sync-heading")}
            </label>
            <select
                id="m365-sync-interval"
                class="m365-input"
                aria-describedby="m365-sync-facts m365-sync-error"
                aria-invalid=move || error.with(Option::is_some).to_string()
                on:change=move |event| {
                    if let Ok(hours) = event_target_value(&event).parse() {
                        values.update(|v| v.user_sync_interval_hours = hours);
                    }
                }
            >
                {USER_SYNC_INTERVALS_HOURS
                    .into_iter()
                    .map(|h| view! {
                        <option value=h.to_string() prop:selected=move || hours.get() == h>
                            {move || interval_words(i18n, h)}
                        </option>
                    })
                    .collect_view()}
            </select>
            <p id="m365-sync-facts" class="m365-settings__facts">{last}" "{next}</p>
            <div class="m365-settings__inline">
                <SyncNow sync/>
            </div>
            {field_message("m365-sync-error", error)}
        </div>
    }
}

#[component]
fn WorkerField(
    values: RwSignal<OrganizationSettings>,
    saved: RwSignal<SettingsView>,
    workers: Vec<Worker>,
    offline_acknowledged: RwSignal<Option<WorkerId>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = Memo::new(move |_| values.with(|v| v.default_worker_id.clone()));
    let offline_choice = {
        let workers = workers.clone();
        Memo::new(move |_| {
            let chosen = chosen.get();
            let is_new = saved.with(|s| s.settings.default_worker_id != chosen);
            workers
                .iter()
                .find(|w| w.id == chosen && !w.online && is_new)
                .map(|w| w.name.clone())
        })
    };
    let options = workers
        .into_iter()
        .map(|worker| {
            let id = worker.id.clone();
            let checked = {
                let id = id.clone();
                move || chosen.with(|c| *c == id)
            };
            let facts = move || {
                let mut facts = vec![
                    match worker.kind {
                        WorkerKind::Cloud => t!(i18n, "worker-cloud"),
                        WorkerKind::Local => t!(i18n, "worker-local"),
                    },
                    if worker.online {
                        t!(i18n, "worker-online")
                    } else {
                        t!(i18n, "worker-offline")
                    },
                ];
                if worker.main {
                    facts.push(t!(i18n, "worker-main"));
                }
                facts.join(" · ")
            };
            radio_choice(
                "default_worker",
                checked,
                move || values.update(|v| v.default_worker_id = id.clone()),
                worker.name,
                facts,
            )
        })
        .collect_view();
    view! {
        <fieldset
            class="m365-settings__section"
            aria-describedby="m365-worker-error"
            aria-invalid=move || error.with(Option::is_some).to_string()
        >
            <legend class="m365-settings__heading">{move || t!(i18n, "worker-heading")}</legend>
            {options}
            {move || offline_choice.get().map(|name| view! {
                <div class="m365-warning">
                    <p>
                        <strong>{move || t!(i18n, "worker-offline-warning")}</strong>
                        " "
                        {move || t!(i18n, "worker-offline-text", name = name.clone())}
                    </p>
                    <label class="m365-choice">
                        <input
                            type="checkbox"
                            prop:checked=move || offline_acknowledged.with(|a| a.as_ref() == Some(&chosen.get()))
                            on:change=move |event| offline_acknowledged.set(
                                event_target_checked(&event).then(|| chosen.get_untracked()),
                            )
                        />
                        <span class="m365-choice__label">{move || t!(i18n, "worker-use-anyway")}</span>
                    </label>
                </div>
            })}
            {field_message("m365-worker-error", error)}
        </fieldset>
    }
}

/// `6` as "Every 6 hours".
pub fn interval_words(i18n: I18n, hours: u8) -> String {
    match hours {
        24 => t!(i18n, "sync-interval-daily"),
        h => t!(i18n, "sync-interval", hours = h),
    }
}
