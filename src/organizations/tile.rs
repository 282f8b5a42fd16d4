//! One organization's tile: who it is, how its backup stands (in words and a symbol, never
//! colour alone), its users and licences, its last and next backup, its policy and worker, and
//! **Run backup** with the running backup's progress. Each part follows only the piece of the
//! organization it shows, so a progress event updates the progress bar and nothing else.

use leptos::{html, prelude::*, task::spawn_local};
use leptos_router::hooks::use_location;
use xms_m365_contract::{
    Job, JobId, JobState, LastBackup, Organization, OrganizationStatus, PolicyKind, Worker,
};

use super::{
    Announcer,
    dashboard::{Dashboard, Entry},
};
use crate::{api::ApiClient, app::BasePath};

/// The tile of one organization.
#[component]
pub fn OrganizationTile(entry: Entry) -> impl IntoView {
    let organization = RwSignal::from(entry.organization);
    // Texts are read afresh when the organization changes: the DOM is only written when one
    // differs, and a memo for each would cost more to set up for a thousand tiles than the
    // comparisons it saves. The name is a memo because the labels of the tile's controls share it.
    let name = Memo::new(move |_| organization.with(|o| o.name.clone()));
    let part = move |read: fn(&Organization) -> String| move || organization.with(read);
    let domain = part(|o| o.primary_domain.clone());
    let users = part(|o| {
        format!(
            "{} of {}",
            group_thousands(u64::from(o.protected_users)),
            group_thousands(u64::from(o.user_count))
        )
    });
    let licences = part(|o| group_thousands(u64::from(o.licences_used)));
    let status = Memo::new(move |_| organization.with(|o| o.status));
    let last_backup = Memo::new(move |_| organization.with(|o| o.last_backup.clone()));
    let next_backup = Memo::new(move |_| organization.with(|o| o.next_backup_at.clone()));
    let policy = move || organization.with(|o| policy_words(o.policy));
    let worker = Memo::new(move |_| organization.with(|o| o.default_worker.clone()));
    let job = Memo::new(move |_| organization.with(|o| o.active_job.clone()));
    let title_id = format!("m365-tile-{}", entry.id.0);
    let base = expect_context::<BasePath>();
    let edit = edit_href(base.to(&format!("organizations/{}/edit", entry.id.0)));
    let hint_href = edit.clone();
    let policy_href = base.to(&format!("organizations/{}/policy", entry.id.0));

    view! {
        <li class="m365-tile">
            <article class="m365-tile__body" aria-labelledby=title_id.clone()>
                <h2 class="m365-tile__name" id=title_id.clone()>{name}</h2>
                <p class="m365-tile__domain">{domain}</p>
                {move || status_view(status.get())}
                <Show when=move || status.get() == OrganizationStatus::NeedsReauthorization>
                    <p class="m365-tile__hint">
                        "XMS can no longer reach its data. "
                        <a href=hint_href.clone()>"Re-authorize it in Edit"</a>
                    </p>
                </Show>
                <dl class="m365-tile__facts">
                    <dt>"Protected users"</dt>
                    <dd>{users}</dd>
                    <dt>"Licences in use"</dt>
                    <dd>{licences}</dd>
                    <dt>"Last backup"</dt>
                    <dd>{move || last_backup_view(last_backup.get())}</dd>
                    <dt>"Next backup"</dt>
                    <dd>{move || next_backup_view(next_backup.get())}</dd>
                    <dt>"Policy"</dt>
                    <dd>{policy}</dd>
                    <dt>"Worker"</dt>
                    <dd>{move || worker_view(&worker.get())}</dd>
                </dl>
                <Show when=move || job.with(Option::is_some)>
                    <Progress job name/>
                </Show>
                <BackupActions organization name job>
                    <a
                        href=policy_href
                        class="m365-button m365-button--secondary"
                        aria-label=move || format!("Custom policy of {}", name.get())
                    >
                        "Custom policy"
                    </a>
                    <a
                        href=edit
                        class="m365-button m365-button--secondary"
                        aria-label=move || format!("Edit {}", name.get())
                    >
                        "Edit"
                    </a>
                </BackupActions>
            </article>
        </li>
    }
}

/// The Edit panel's address (`path`), keeping the dashboard's filter and sort.
fn edit_href(path: String) -> impl Fn() -> String + Clone + Send + Sync + 'static {
    let location = use_location();
    move || {
        location
            .search
            .with(|search| match search.trim_start_matches('?') {
                "" => path.clone(),
                query => format!("{path}?{query}"),
            })
    }
}

/// **Run backup**, and **Cancel backup** while one runs; a failure is said under them.
#[component]
fn BackupActions(
    organization: RwSignal<Organization>,
    name: Memo<String>,
    job: Memo<Option<Job>>,
    /// The tile's other actions, after the backup's.
    children: Children,
) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let dashboard = expect_context::<Dashboard>();
    let announcer = expect_context::<Announcer>();
    let run_button = NodeRef::<html::Button>::new();
    let (busy, set_busy) = signal(false);
    let (error, set_error) = signal(None::<String>);
    let running = move || job.with(Option::is_some);
    let started_here = announce_backup(organization, name, job);

    let run = {
        let api = api.clone();
        move |_| {
            if busy.get_untracked() || running() {
                return;
            }
            set_busy.set(true);
            set_error.set(None);
            let id = organization.with_untracked(|o| o.id.clone());
            let api = api.clone();
            spawn_local(async move {
                match api.start_backup(&id).await {
                    Ok(job) => {
                        announcer.say(format!("Backup of {} started.", name.get_untracked()));
                        started_here.set(Some((job.id.clone(), 0)));
                        dashboard.job_changed(job);
                    }
                    Err(failure) => set_error.set(Some(failure.to_string())),
                }
                set_busy.set(false);
            });
        }
    };
    let cancel = move |_| {
        let Some(active) = job.get_untracked() else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        set_busy.set(true);
        set_error.set(None);
        let api = api.clone();
        spawn_local(async move {
            match api.cancel_job(&active.id).await {
                Ok(job) => {
                    dashboard.job_changed(job);
                    // The Cancel button is gone: keep the keyboard in the tile.
                    if let Some(button) = run_button.get_untracked() {
                        let _ = button.focus();
                    }
                }
                Err(failure) => set_error.set(Some(failure.to_string())),
            }
            set_busy.set(false);
        });
    };

    view! {
        <div class="m365-tile__actions">
            // `aria-disabled` rather than `disabled`: the button keeps focus while the backup
            // it started runs, and says why it does nothing.
            <button
                type="button"
                class="m365-button"
                node_ref=run_button
                aria-label=move || format!("Run backup of {}", name.get())
                aria-disabled=move || (busy.get() || running()).to_string()
                on:click=run
            >
                "Run backup"
            </button>
            <Show when=running>
                <button
                    type="button"
                    class="m365-button m365-button--secondary"
                    aria-label=move || format!("Cancel backup of {}", name.get())
                    aria-disabled=move || busy.get().to_string()
                    on:click=cancel.clone()
                >
                    "Cancel backup"
                </button>
            </Show>
            {children()}
        </div>
        <Show when=move || error.with(Option::is_some)>
            <p class="m365-tile__error" role="alert">{move || error.get()}</p>
        </Show>
    }
}

/// Announces the backup the administrator started from this tile: that it started, each
/// quarter done, and how it ended. Backups started elsewhere (the schedule, another admin)
/// only show on their tiles: announcing every one of a thousand would drown the page.
/// Returns where Run backup records the job it started and the last quarter announced.
fn announce_backup(
    organization: RwSignal<Organization>,
    name: Memo<String>,
    job: Memo<Option<Job>>,
) -> RwSignal<Option<(JobId, u8)>> {
    let announcer = expect_context::<Announcer>();
    let started_here = RwSignal::new(None::<(JobId, u8)>);
    Effect::new(move |_| {
        // Until Run backup is pressed this follows `started_here` only, not the job.
        let Some((id, announced)) = started_here.get() else {
            return;
        };
        let name = name.get_untracked();
        match job.get().map(|job| job.state) {
            None => {
                started_here.set(None);
                let result = organization.with_untracked(|o| {
                    o.last_backup
                        .as_ref()
                        .filter(|last| last.job_id == id)
                        .map(|last| (last.items, last.failure.clone()))
                });
                announcer.say(match result {
                    Some((items, None)) => format!(
                        "The backup of {name} succeeded: {} items.",
                        group_thousands(items)
                    ),
                    Some((_, Some(reason))) => format!("The backup of {name} failed: {reason}"),
                    None => format!("The backup of {name} ended without finishing."),
                });
            }
            Some(JobState::Running { percent, .. })
                if percent / 25 > announced && percent < 100 =>
            {
                started_here.set(Some((id, percent / 25)));
                announcer.say(format!("Backup of {name}: {} % done.", percent / 25 * 25));
            }
            Some(_) => {}
        }
    });
    started_here
}

fn status_view(status: OrganizationStatus) -> impl IntoView {
    let (modifier, symbol, label) = status_words(status);
    view! {
        <p class=format!("m365-tile__status m365-tile__status--{modifier}")>
            <span class="m365-tile__symbol" aria-hidden="true">{symbol}</span>
            {label}
        </p>
    }
}

/// The BEM modifier, the symbol and the words for a status.
fn status_words(status: OrganizationStatus) -> (&'static str, &'static str, &'static str) {
    match status {
        OrganizationStatus::Healthy => ("healthy", "✓", "Protected"),
        OrganizationStatus::LastBackupFailed => ("failed", "✕", "Last backup failed"),
        OrganizationStatus::BackupRunning => ("running", "↻", "Backup running"),
        OrganizationStatus::NeedsReauthorization => ("reauthorize", "!", "Needs re-authorization"),
        OrganizationStatus::NeverBackedUp => ("never", "–", "Never backed up"),
    }
}

/// The running backup's progress bar and its words. The bar stays while the job runs and
/// only its value changes, so it moves smoothly and is announced as one control.
#[component]
fn Progress(job: Memo<Option<Job>>, name: Memo<String>) -> impl IntoView {
    let state = Memo::new(move |_| job.with(|job| job.as_ref().map(|job| job.state.clone())));
    let percent = Memo::new(move |_| match state.get() {
        Some(JobState::Running { percent, .. }) => Some(percent),
        _ => None,
    });
    let words = Memo::new(move |_| match state.get() {
        Some(JobState::Running {
            percent,
            items_done,
            items_total,
        }) => format!(
            "{percent} % · {} of {} items",
            group_thousands(items_done),
            group_thousands(items_total)
        ),
        _ => "Queued, waiting for the worker".to_owned(),
    });
    view! {
        <div class="m365-progress">
            // Without a value while queued: an indeterminate progress bar.
            <div
                class="m365-progress__track"
                role="progressbar"
                aria-label=move || format!("Backup of {}", name.get())
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || percent.get().map(|p| p.to_string())
                aria-valuetext=words
            >
                <div
                    class="m365-progress__bar"
                    class:m365-progress__bar--waiting=move || percent.get().is_none()
                    style:width=move || format!("{}%", percent.get().unwrap_or(100))
                ></div>
            </div>
            <p class="m365-progress__words" aria-hidden="true">{words}</p>
        </div>
    }
}

fn last_backup_view(last: Option<LastBackup>) -> AnyView {
    let Some(last) = last else {
        return "None yet".into_any();
    };
    let result = match &last.failure {
        None => format!("Succeeded, {} items", group_thousands(last.items)),
        Some(reason) => format!("Failed: {reason}"),
    };
    let relative = relative_time(js_sys::Date::now() - js_sys::Date::parse(&last.finished_at));
    view! {
        <span class="m365-tile__result">{result}</span>
        " "
        {time_view(last.finished_at, relative)}
    }
    .into_any()
}

fn next_backup_view(next: Option<String>) -> AnyView {
    let Some(next) = next else {
        return "None scheduled until re-authorized".into_any();
    };
    let relative = time_until(js_sys::Date::parse(&next) - js_sys::Date::now());
    time_view(next, relative).into_any()
}

/// A time in words, with the exact time shown on hover and on keyboard focus and read with it.
fn time_view(rfc3339: String, relative: String) -> impl IntoView {
    let exact = exact_time(&rfc3339);
    view! {
        <time class="m365-tile__when" datetime=rfc3339 tabindex="0">
            {relative}
            <span class="m365-tile__exact">{format!(" ({exact})")}</span>
        </time>
    }
}

fn policy_words(policy: PolicyKind) -> &'static str {
    match policy {
        PolicyKind::Default => "Default policy",
        PolicyKind::Custom => "Custom policy",
    }
}

fn worker_view(worker: &Worker) -> impl IntoView + use<> {
    let offline = (!worker.online).then(|| {
        view! {
            " "
            <span class="m365-tile__offline">"(offline: backups wait for it)"</span>
        }
    });
    view! { {worker.name.clone()} {offline} }
}

/// `1250` as `1,250`.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

/// How long ago something happened, `elapsed_ms` ago, in words.
pub fn relative_time(elapsed_ms: f64) -> String {
    let minutes = (elapsed_ms / 60_000.0).floor().max(0.0) as u64;
    match minutes {
        0 => "just now".to_owned(),
        1..=59 => format!("{} ago", plural(minutes, "minute")),
        60..=1439 => format!("{} ago", plural(minutes / 60, "hour")),
        1440..=2879 => "yesterday".to_owned(),
        _ => format!("{} ago", plural(minutes / 1440, "day")),
    }
}

/// How long until something happens, in `remaining_ms`, in words.
pub fn time_until(remaining_ms: f64) -> String {
    let minutes = (remaining_ms / 60_000.0).ceil().max(0.0) as u64;
    match minutes {
        0 => "due now".to_owned(),
        1..=59 => format!("in {}", plural(minutes, "minute")),
        60..=1440 => format!("in {}", plural(minutes / 60, "hour")),
        _ => format!("in {}", plural(minutes / 1440, "day")),
    }
}

fn plural(n: u64, unit: &str) -> String {
    format!("{n} {unit}{}", if n == 1 { "" } else { "s" })
}

/// An RFC 3339 UTC time from XMS (`2026-11-26T14:03:00Z`) as `2026-11-26 14:03 UTC`.
pub fn exact_time(rfc3339: &str) -> String {
    match (rfc3339.get(..10), rfc3339.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time} UTC"),
        _ => rfc3339.to_owned(),
    }
}
