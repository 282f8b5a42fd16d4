//! One organization's tile: who it is, how its backup stands (in words and a symbol, never
//! colour alone), its users and licences, its last and next backup, its policy and worker, and
//! **Run backup** with the running backup's progress. Each part follows only the piece of the
//! organization it shows, so a progress event updates the progress bar and nothing else.

use leptos::{html, prelude::*, task::spawn_local};
use leptos_router::hooks::use_location;
use xms_m365_contract::{
    CredentialProblem, Job, JobId, JobState, LastBackup, Organization, OrganizationId,
    OrganizationStatus, PolicyKind, Worker,
};

use crate::{
    api::{ApiClient, ApiError},
    i18n::{I18n, t, use_i18n},
    routes::{BasePath, Page},
    state::{Announcer, Attention, Dashboard, Entry},
    widgets::ButtonStyle,
};

/// The tile of one organization.
#[component]
pub fn OrganizationTile(entry: Entry) -> impl IntoView {
    // A tile's words follow its own copy of the language: tiles come and go with the filter,
    // and their many words go with them (see `I18n::scoped`).
    let i18n = use_i18n().scoped();
    provide_context(i18n);
    let Followed {
        organization,
        name,
        status,
        facts,
        job,
        running,
    } = Followed::of(entry.organization);
    let domain = move || organization.with(|o| o.primary_domain.clone());
    let title_id = format!("m365-tile-{}", entry.id.0);
    let Links {
        edit,
        users: users_href,
        history: history_href,
    } = Links::of(&entry.id);
    let hint_href = edit.clone();
    let policy_href = expect_context::<BasePath>().href(&Page::Policy(entry.id));

    view! {
        <li class="m365-tile">
            <article class="m365-tile__body" aria-labelledby=title_id.clone()>
                <h2 class="m365-tile__name" id=title_id.clone()>{name}</h2>
                <p class="m365-tile__domain">{domain}</p>
                {move || status_view(i18n, status.get(), hint_href.clone())}
                // The facts are rendered together, and again only when one of them or the
                // language changes (a progress event changes none): one memo and one closure per
                // tile, where one for each fact would cost a thousand tiles more than it saves.
                <dl class="m365-tile__facts">
                    {move || {
                        name.with(|name| facts.with(|facts| facts_view(i18n, facts, name, (&users_href, &history_href))))
                    }}
                </dl>
                {move || running.get().then(|| view! { <Progress job name/> })}
                <BackupActions organization name job running>
                    <a
                        href=policy_href
                        class=ButtonStyle::Secondary.class()
                        aria-label=move || t!(i18n, "tile-custom-policy-label", name = name.get())
                    >
                        {move || t!(i18n, "tile-custom-policy")}
                    </a>
                    {edit_link(i18n, edit, name)}
                </BackupActions>
            </article>
        </li>
    }
}

/// What a tile or a table's row follows of one organization, each part apart, so that a
/// progress event updates what shows progress and nothing else.
///
/// The helpers the tile shares with the table's rows are `#[inline(always)]`: a copy in each
/// caller, so that the rows' copy travels in the panels' chunk; called from both, they were
/// kept whole in the first load (+1.5 KB).
#[derive(Clone, Copy)]
pub(super) struct Followed {
    pub organization: RwSignal<Organization>,
    /// A memo because the labels of the controls share it.
    pub name: Memo<String>,
    pub status: Memo<Standing>,
    pub facts: Memo<Facts>,
    pub job: Memo<Option<Job>>,
    /// What follows whether a backup runs (the progress bar, Cancel backup) follows this, not
    /// every progress event.
    pub running: Memo<bool>,
}

impl Followed {
    #[inline(always)]
    pub fn of(organization: ArcRwSignal<Organization>) -> Self {
        let organization = RwSignal::from(organization);
        let job = Memo::new(move |_| organization.with(|o| o.active_job.clone()));
        Self {
            organization,
            name: Memo::new(move |_| organization.with(|o| o.name.clone())),
            status: Memo::new(move |_| organization.with(Standing::of)),
            facts: Memo::new(move |_| organization.with(Facts::of)),
            job,
            running: Memo::new(move |_| job.with(Option::is_some)),
        }
    }
}

/// Where a tile or a row links to: the organization's Edit panel (keeping the dashboard's
/// filter and sort), its users and its history.
pub(super) struct Links<E> {
    pub edit: E,
    pub users: String,
    pub history: String,
}

impl Links<()> {
    #[inline(always)]
    pub fn of(
        id: &OrganizationId,
    ) -> Links<impl Fn() -> String + Clone + Send + Sync + 'static + use<>> {
        let base = expect_context::<BasePath>();
        Links {
            edit: edit_href(base.href(&Page::Edit(id.clone()))),
            users: base.href(&Page::Users(id.clone())),
            history: base.href(&Page::History(id.clone())),
        }
    }
}

/// **Edit**, to the organization `name`'s Edit panel at `href`.
#[inline(always)]
pub(super) fn edit_link(
    i18n: I18n,
    href: impl Fn() -> String + Send + Sync + 'static,
    name: Memo<String>,
) -> impl IntoView {
    view! {
        <a
            href=href
            class=ButtonStyle::Secondary.class()
            aria-label=move || t!(i18n, "tile-edit-label", name = name.get())
        >
            {move || t!(i18n, "tile-edit")}
        </a>
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
pub(super) fn BackupActions(
    organization: RwSignal<Organization>,
    name: Memo<String>,
    job: Memo<Option<Job>>,
    /// Whether a backup runs.
    running: Memo<bool>,
    /// The tile's other actions, after the backup's.
    children: Children,
) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let dashboard = expect_context::<Dashboard>();
    let announcer = expect_context::<Announcer>();
    let i18n = use_i18n();
    let run_button = NodeRef::<html::Button>::new();
    let (busy, set_busy) = signal(false);
    let (error, set_error) = signal(None::<ApiError>);
    // Where Run backup records the job it started and the last quarter announced. The effect
    // that announces it is made when Run backup is first pressed: an effect is a task of its
    // own, too dear to set up for each of a thousand tiles that may never start a backup.
    let started_here = RwSignal::new(None::<(JobId, u8)>);
    let tile = Owner::current();
    let mut announcing = false;

    let run = {
        let api = api.clone();
        move |_| {
            if busy.get_untracked() || running.get_untracked() {
                return;
            }
            if !std::mem::replace(&mut announcing, true)
                && let Some(tile) = &tile
            {
                tile.with(|| announce_backup(announcer, organization, name, job, started_here));
            }
            set_busy.set(true);
            set_error.set(None);
            let id = organization.with_untracked(|o| o.id.clone());
            let api = api.clone();
            spawn_local(async move {
                match api.start_backup(&id).await {
                    Ok(job) => {
                        let name = name.get_untracked();
                        announcer.tell(move |i18n| {
                            t!(i18n, "announce-backup-started", name = name.as_str())
                        });
                        started_here.set(Some((job.id.clone(), 0)));
                        dashboard.job_changed(job);
                    }
                    Err(failure) => set_error.set(Some(failure)),
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
                Err(failure) => set_error.set(Some(failure)),
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
                class=ButtonStyle::Primary.class()
                node_ref=run_button
                aria-label=move || t!(i18n, "tile-run-backup-label", name = name.get())
                aria-disabled=move || (busy.get() || running.get()).to_string()
                on:click=run
            >
                {move || t!(i18n, "tile-run-backup")}
            </button>
            {move || {
                running.get().then(|| {
                    view! {
                        <button
                            type="button"
                            class=ButtonStyle::Secondary.class()
                            aria-label=move || {
                                t!(i18n, "tile-cancel-backup-label", name = name.get())
                            }
                            aria-disabled=move || busy.get().to_string()
                            on:click=cancel.clone()
                        >
                            {move || t!(i18n, "tile-cancel-backup")}
                        </button>
                    }
                })
            }}
            {children()}
        </div>
        {move || {
            error.with(|error| {
                error.as_ref().map(|error| {
                    view! { <p class="m365-tile__error" role="alert">{error.words(i18n)}</p> }
                })
            })
        }}
    }
}

/// Announces the backup the administrator started from this tile: that it started, each
/// quarter done, and how it ended. Backups started elsewhere (the schedule, another admin)
/// only show on their tiles: announcing every one of a thousand would drown the page.
/// Follows `started_here`, where Run backup records the job it started and the last quarter
/// announced.
fn announce_backup(
    announcer: Announcer,
    organization: RwSignal<Organization>,
    name: Memo<String>,
    job: Memo<Option<Job>>,
    started_here: RwSignal<Option<(JobId, u8)>>,
) {
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
                announcer.tell(move |i18n| match &result {
                    Some((items, None)) => t!(
                        i18n,
                        "announce-backup-succeeded",
                        name = name.as_str(),
                        items = *items
                    ),
                    Some((_, Some(reason))) => t!(
                        i18n,
                        "announce-backup-failed",
                        name = name.as_str(),
                        reason = reason.as_str()
                    ),
                    None => t!(i18n, "announce-backup-ended", name = name.as_str()),
                });
            }
            Some(JobState::Running { percent, .. })
                if percent / 25 > announced && percent < 100 =>
            {
                started_here.set(Some((id, percent / 25)));
                let done = f64::from(percent / 25 * 25) / 100.0;
                announcer.tell(move |i18n| {
                    t!(
                        i18n,
                        "announce-backup-progress",
                        name = name.as_str(),
                        done = done
                    )
                });
            }
            Some(_) => {}
        }
    });
}

/// How an organization stands: its status and, when it signs in with its own application,
/// what its client secret needs.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Standing {
    status: OrganizationStatus,
    /// What the last check found wrong with its own credential.
    problem: Option<CredentialProblem>,
    /// When its client secret or certificate expires, if that asks for attention.
    expiring: Option<String>,
    /// Whether that is a certificate.
    certificate: bool,
}

impl Standing {
    fn of(organization: &Organization) -> Self {
        Self {
            status: organization.status,
            problem: organization.credential_problem,
            expiring: Attention::secret_expiring(organization)
                .then(|| {
                    (organization.secret_expires_at.clone())
                        .or_else(|| organization.certificate_expires_at.clone())
                })
                .flatten(),
            certificate: organization.certificate_expires_at.is_some(),
        }
    }
}

/// The status in words and a symbol; when the organization needs re-authorizing, why and how
/// to do it, and when its client secret expires soon, when; each with a link to the Edit panel
/// (`edit`).
pub(super) fn status_view(
    i18n: I18n,
    standing: Standing,
    edit: impl Fn() -> String + Send + Sync + 'static,
) -> impl IntoView {
    let Standing {
        status,
        problem,
        expiring,
        certificate,
    } = standing;
    let (modifier, symbol, label) = status_words(i18n, status);
    // One shape for both hints: each view shape costs the first load its own code.
    let hint = if status == OrganizationStatus::NeedsReauthorization {
        let why = match problem {
            Some(CredentialProblem::ConsentRevoked) => t!(i18n, "tile-problem-consent"),
            Some(CredentialProblem::PermissionMissing) => t!(i18n, "tile-problem-permission"),
            Some(CredentialProblem::SecretExpired) => t!(i18n, "tile-problem-expired"),
            Some(CredentialProblem::SecretRejected) => t!(i18n, "tile-problem-rejected"),
            Some(CredentialProblem::ApplicationMissing) => t!(i18n, "tile-problem-application"),
            Some(CredentialProblem::Unreadable) => t!(i18n, "tile-problem-unreadable"),
            Some(CredentialProblem::CertificateExpired) => {
                t!(i18n, "tile-problem-certificate-expired")
            }
            Some(CredentialProblem::CertificateRejected) => {
                t!(i18n, "tile-problem-certificate-rejected")
            }
            Some(CredentialProblem::Unknown) | None => t!(i18n, "tile-reauthorize-hint"),
        };
        Some((why, None, t!(i18n, "tile-reauthorize-link")))
    } else {
        // Once it has expired, XMS's next check (within a scheduler pass) makes it need
        // re-authorization, which the branch above words.
        expiring.map(|at| {
            (
                if certificate {
                    t!(i18n, "tile-certificate-expires")
                } else {
                    t!(i18n, "tile-secret-expires")
                },
                Some(at),
                t!(i18n, "tile-secret-link"),
            )
        })
    };
    let hint = hint.map(|(words, expires_at, link)| {
        // The warning's symbol is the style's (`--warning`), silent to screen readers.
        let class = if expires_at.is_some() {
            "m365-tile__hint m365-tile__hint--warning"
        } else {
            "m365-tile__hint"
        };
        view! {
            <p class=class>
                {words}
                {expires_at.map(|at| view! { " " {time_view(i18n, at, true)} "." })}
                " "
                <a href=edit>{link}</a>
            </p>
        }
    });
    view! {
        <p class=format!("m365-tile__status m365-tile__status--{modifier}")>
            <span class="m365-tile__symbol" aria-hidden="true">{symbol}</span>
            {label}
        </p>
        {hint}
    }
}

/// The BEM modifier, the symbol and the words for a status.
fn status_words(i18n: I18n, status: OrganizationStatus) -> (&'static str, &'static str, String) {
    match status {
        OrganizationStatus::Healthy => ("healthy", "✓", t!(i18n, "status-healthy")),
        OrganizationStatus::LastBackupFailed => ("failed", "✕", t!(i18n, "status-failed")),
        OrganizationStatus::BackupRunning => ("running", "↻", t!(i18n, "status-running")),
        OrganizationStatus::NeedsReauthorization => {
            ("reauthorize", "!", t!(i18n, "status-reauthorize"))
        }
        OrganizationStatus::NeverBackedUp => ("never", "–", t!(i18n, "status-never")),
    }
}

/// The running backup's progress bar and its words. The bar stays while the job runs and
/// only its value changes, so it moves smoothly and is announced as one control.
#[component]
pub(super) fn Progress(job: Memo<Option<Job>>, name: Memo<String>) -> impl IntoView {
    let i18n = use_i18n();
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
        }) => t!(
            i18n,
            "progress-running",
            done = f64::from(percent) / 100.0,
            items_done = items_done,
            items_total = items_total
        ),
        _ => t!(i18n, "progress-queued"),
    });
    view! {
        <div class="m365-progress">
            // Without a value while queued: an indeterminate progress bar.
            <div
                class="m365-progress__track"
                role="progressbar"
                aria-label=move || t!(i18n, "progress-label", name = name.get())
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

/// The facts a tile lists, as it shows them.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Facts {
    protected_users: u32,
    user_count: u32,
    licences_used: u32,
    pub last_backup: Option<LastBackup>,
    pub next_backup_at: Option<String>,
    policy: PolicyKind,
    pub worker: Worker,
}

impl Facts {
    fn of(organization: &Organization) -> Self {
        Self {
            protected_users: organization.protected_users,
            user_count: organization.user_count,
            licences_used: organization.licences_used,
            last_backup: organization.last_backup.clone(),
            next_backup_at: organization.next_backup_at.clone(),
            policy: organization.policy,
            worker: organization.default_worker.clone(),
        }
    }
}

/// The facts of the organization `name`; the protected users link to its users at
/// `users_href`, the last backup to its history at `history_href` (to its failures, when it
/// failed).
fn facts_view(
    i18n: I18n,
    facts: &Facts,
    name: &str,
    (users_href, history_href): (&str, &str),
) -> impl IntoView + use<> {
    view! {
        <dt>{t!(i18n, "tile-protected-users")}</dt>
        <dd>{users_link(i18n, facts, name, users_href)}</dd>
        <dt>{t!(i18n, "tile-licences")}</dt>
        <dd>{i18n.number(f64::from(facts.licences_used))}</dd>
        <dt>{t!(i18n, "tile-last-backup")}</dt>
        <dd>{last_backup_view(i18n, facts.last_backup.as_ref(), name, history_href)}</dd>
        <dt>{t!(i18n, "tile-next-backup")}</dt>
        <dd>{next_backup_view(i18n, facts.next_backup_at.as_deref())}</dd>
        <dt>{t!(i18n, "tile-policy")}</dt>
        <dd>{policy_words(i18n, facts.policy)}</dd>
        <dt>{t!(i18n, "tile-worker")}</dt>
        <dd>{worker_view(i18n, &facts.worker)}</dd>
    }
}

/// How many of the organization `name`'s users are protected, linked to its users at `href`.
#[inline(always)]
pub(super) fn users_link(
    i18n: I18n,
    facts: &Facts,
    name: &str,
    href: &str,
) -> impl IntoView + use<> {
    let (protected, total) = (facts.protected_users, facts.user_count);
    view! {
        <a
            href=href.to_owned()
            aria-label=t!(i18n, "tile-users-link-label", name = name, protected = protected, total = total)
        >
            {t!(i18n, "tile-users-protected", protected = protected, total = total)}
        </a>
    }
}

/// The last backup's result, linked to the organization `name`'s history at `history`.
#[inline(always)]
pub(super) fn last_backup_view(
    i18n: I18n,
    last: Option<&LastBackup>,
    name: &str,
    history: &str,
) -> AnyView {
    let Some(last) = last else {
        return t!(i18n, "tile-last-backup-none").into_any();
    };
    let (result, href) = match &last.failure {
        None => (
            t!(i18n, "tile-last-backup-succeeded", items = last.items),
            history.to_owned(),
        ),
        Some(reason) => (
            t!(i18n, "tile-last-backup-failed", reason = reason.as_str()),
            format!("{history}?result=failed"),
        ),
    };
    let label = t!(
        i18n,
        "tile-history-link-label",
        name = name,
        result = result.as_str()
    );
    view! {
        <a class="m365-tile__result" href=href aria-label=label>{result}</a>
        " "
        {time_view(i18n, last.finished_at.clone(), false)}
    }
    .into_any()
}

#[inline(always)]
pub(super) fn next_backup_view(i18n: I18n, next: Option<&str>) -> AnyView {
    let Some(next) = next else {
        return t!(i18n, "tile-next-backup-none").into_any();
    };
    time_view(i18n, next.to_owned(), true).into_any()
}

/// A time in words, how long ago or (`future`) how soon it is by the module's clock, with the
/// exact time shown on hover and on keyboard focus and read with it. The words follow the
/// clock; their text changes only when they do.
fn time_view(i18n: I18n, rfc3339: String, future: bool) -> impl IntoView {
    let exact = i18n.date_time(&rfc3339);
    let at = js_sys::Date::parse(&rfc3339);
    let clock = i18n.clock();
    let relative = move || {
        let offset = at - clock.now();
        if future {
            i18n.time_until(offset)
        } else {
            i18n.time_ago(-offset)
        }
    };
    view! {
        <time class="m365-tile__when" datetime=rfc3339 tabindex="0">
            {relative}
            <span class="m365-tile__exact">{format!(" ({exact})")}</span>
        </time>
    }
}

fn policy_words(i18n: I18n, policy: PolicyKind) -> String {
    match policy {
        PolicyKind::Default => t!(i18n, "tile-policy-default"),
        PolicyKind::Custom => t!(i18n, "tile-policy-custom"),
    }
}

#[inline(always)]
pub(super) fn worker_view(i18n: I18n, worker: &Worker) -> impl IntoView + use<> {
    let offline = (!worker.online).then(|| {
        view! {
            " "
            <span class="m365-tile__offline">{t!(i18n, "tile-worker-offline")}</span>
        }
    });
    view! { {worker.name.clone()} {offline} }
}
