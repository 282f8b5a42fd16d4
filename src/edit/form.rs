//! The panel's three settings: licence management (with what switching to automatic would
//! take), the user sync interval (with the last and next sync, and **Sync now**) and the
//! default worker (an offline one only after a warning).

use leptos::{prelude::*, task::spawn_local};
use xms_m365_contract::{
    LicenceMode, LicensingPreview, OrganizationId, OrganizationSettings, SettingsView,
    USER_SYNC_INTERVALS_HOURS, Worker, WorkerKind,
};

use crate::{
    api::ApiClient,
    organizations::{exact_time, group_thousands, relative_time, time_until},
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
    offline_acknowledged: RwSignal<bool>,
    errors: FieldErrors,
) -> impl IntoView {
    view! {
        <LicenceField values saved error=errors.licence_mode/>
        <SyncField id values saved error=errors.user_sync_interval_hours/>
        <WorkerField values saved workers offline_acknowledged error=errors.default_worker_id/>
    }
}

/// An error under a field, announced when it appears.
#[component]
fn FieldError(id: &'static str, error: Signal<Option<String>>) -> impl IntoView {
    view! {
        <p id=id class="m365-field-error" aria-live="polite">
            {move || error.get().map(|message| view! {
                <span aria-hidden="true">"✕ "</span>
                {message}
            })}
        </p>
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
    let choice = move |value: LicenceMode, label: &'static str, hint: &'static str| {
        view! {
            <label class="m365-choice">
                <input
                    type="radio"
                    name="licence_mode"
                    prop:checked=move || mode.get() == value
                    on:change=move |_| values.update(|v| v.licence_mode = value)
                />
                <span>
                    <span class="m365-choice__label">{label}</span>
                    <span class="m365-choice__hint">{hint}</span>
                </span>
            </label>
        }
    };
    view! {
        <fieldset
            class="m365-settings__section"
            aria-describedby="m365-licence-error"
            aria-invalid=move || error.with(Option::is_some).to_string()
        >
            <legend class="m365-settings__heading">"Licence management"</legend>
            {choice(
                LicenceMode::Automatic,
                "Automatic",
                "Every Microsoft 365 user gets a licence and protection, new users as they appear.",
            )}
            {choice(
                LicenceMode::Manual,
                "Manual",
                "You choose which users are protected.",
            )}
            <Show when=switching_to_automatic>
                {move || preview_view(saved.with(|s| s.automatic_licensing))}
            </Show>
            <FieldError id="m365-licence-error" error/>
        </fieldset>
    }
}

/// What switching to automatic licence management would take, with a warning when the
/// free licences do not cover it.
fn preview_view(preview: LicensingPreview) -> impl IntoView {
    let users = |n: u32| {
        format!(
            "{} user{}",
            group_thousands(u64::from(n)),
            if n == 1 { "" } else { "s" }
        )
    };
    let licences = |n: u32| {
        format!(
            "{} licence{}",
            group_thousands(u64::from(n)),
            if n == 1 { "" } else { "s" }
        )
    };
    let summary = if preview.unprotected_users == 0 {
        "Every user is protected already; new users will be protected as they appear.".to_owned()
    } else {
        format!(
            "Switching protects {} not protected now, using {} of the {} free.",
            users(preview.unprotected_users),
            licences(preview.unprotected_users.min(preview.free_licences)),
            licences(preview.free_licences),
        )
    };
    let shortfall = preview.shortfall();
    view! {
        <div class="m365-preview">
            <p>{summary}</p>
            {(shortfall > 0).then(|| view! {
                <p class="m365-warning">
                    <strong>"Warning: not enough licences. "</strong>
                    {format!(
                        "Only {} free, so {} would stay unprotected. Add licences to your Xopero ONE subscription, or keep protecting users manually.",
                        licences(preview.free_licences),
                        users(shortfall),
                    )}
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
    let api = expect_context::<ApiClient>();
    let hours = Memo::new(move |_| values.with(|v| v.user_sync_interval_hours));
    let (syncing, set_syncing) = signal(false);
    let (sync_message, set_sync_message) = signal(String::new());
    let sync_now = move |_| {
        if syncing.get_untracked() {
            return;
        }
        set_syncing.set(true);
        set_sync_message.set("Synchronizing users…".to_owned());
        let api = api.clone();
        let id = id.clone();
        spawn_local(async move {
            match api.sync_users(&id).await {
                Ok(view) => {
                    // Only the sync's facts: the settings being edited stay as they are.
                    saved.try_update(|s| {
                        s.last_user_sync_at = view.last_user_sync_at;
                        s.next_user_sync_at = view.next_user_sync_at;
                        s.automatic_licensing = view.automatic_licensing;
                    });
                    set_sync_message.try_set("Users synchronized.".to_owned());
                }
                Err(failure) => {
                    set_sync_message.try_set(format!("The sync did not run. {failure}"));
                }
            }
            set_syncing.try_set(false);
        });
    };
    let last = move || {
        saved.with(|s| match &s.last_user_sync_at {
            Some(at) => {
                let ago = relative_time(js_sys::Date::now() - js_sys::Date::parse(at));
                format!("Last sync: {ago} ({}).", exact_time(at))
            }
            None => "No sync has run yet.".to_owned(),
        })
    };
    let next = move || {
        saved.with(|s| match &s.next_user_sync_at {
            Some(at) => {
                let when = time_until(js_sys::Date::parse(at) - js_sys::Date::now());
                format!(" Next sync: {when} ({}).", exact_time(at))
            }
            None => " No sync runs until the organization is re-authorized.".to_owned(),
        })
    };
    view! {
        <div class="m365-settings__section">
            <label class="m365-settings__heading" for="m365-sync-interval">"User sync interval"</label>
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
                            {interval_words(h)}
                        </option>
                    })
                    .collect_view()}
            </select>
            <p id="m365-sync-facts" class="m365-settings__facts">{last}{next}</p>
            <div class="m365-settings__inline">
                <button
                    type="button"
                    class="m365-button m365-button--secondary"
                    aria-disabled=move || syncing.get().to_string()
                    on:click=sync_now
                >
                    "Sync now"
                </button>
                <span class="m365-status" role="status">{sync_message}</span>
            </div>
            <FieldError id="m365-sync-error" error/>
        </div>
    }
}

#[component]
fn WorkerField(
    values: RwSignal<OrganizationSettings>,
    saved: RwSignal<SettingsView>,
    workers: Vec<Worker>,
    offline_acknowledged: RwSignal<bool>,
    error: Signal<Option<String>>,
) -> impl IntoView {
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
    // A new offline choice needs its own confirmation.
    Effect::new(move |_| {
        chosen.track();
        offline_acknowledged.set(false);
    });
    let options = workers
        .into_iter()
        .map(|worker| {
            let id = worker.id.clone();
            let checked = {
                let id = id.clone();
                move || chosen.with(|c| *c == id)
            };
            let facts = [
                match worker.kind {
                    WorkerKind::Cloud => "Cloud",
                    WorkerKind::Local => "Local",
                },
                if worker.online { "Online" } else { "Offline" },
            ]
            .join(" · ")
                + if worker.main { " · Main worker" } else { "" };
            view! {
                <label class="m365-choice">
                    <input
                        type="radio"
                        name="default_worker"
                        prop:checked=checked
                        on:change=move |_| values.update(|v| v.default_worker_id = id.clone())
                    />
                    <span>
                        <span class="m365-choice__label">{worker.name}</span>
                        <span class="m365-choice__hint">{facts}</span>
                    </span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset
            class="m365-settings__section"
            aria-describedby="m365-worker-error"
            aria-invalid=move || error.with(Option::is_some).to_string()
        >
            <legend class="m365-settings__heading">"Default worker"</legend>
            {options}
            {move || offline_choice.get().map(|name| view! {
                <div class="m365-warning">
                    <p>
                        <strong>"Warning: "</strong>
                        {format!("{name} is offline. This organization's backups will wait until it is back online.")}
                    </p>
                    <label class="m365-choice">
                        <input
                            type="checkbox"
                            prop:checked=move || offline_acknowledged.get()
                            on:change=move |event| offline_acknowledged.set(event_target_checked(&event))
                        />
                        <span class="m365-choice__label">"Use it anyway"</span>
                    </label>
                </div>
            })}
            <FieldError id="m365-worker-error" error/>
        </fieldset>
    }
}

/// `6` as "Every 6 hours".
pub fn interval_words(hours: u8) -> String {
    match hours {
        1 => "Every hour".to_owned(),
        24 => "Every 24 hours (daily)".to_owned(),
        h => format!("Every {h} hours"),
    }
}
