//! The custom backup policy editor, a full view at `organizations/{id}/policy` under the
//! module's base: what to back up, when, for how long, how securely, where; a live summary
//! whose next runs XMS computes; saved against the version read, like the settings, and with
//! an edit in progress kept when the view closes or a save fails.

mod sections;
mod words;

pub use words::{next_runs as next_runs_words, run_time, summary as policy_summary};

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{
    NavigateOptions,
    components::A,
    hooks::{use_navigate, use_params_map},
};
use xms_m365_contract::{
    EncryptionAlgorithm, ErrorCode, Group, OrganizationId, PlannedRun, Policy, PolicyKind,
    PolicyView, SavePolicy, Storage, Worker,
};

use crate::{
    api::{ApiClient, ApiError},
    i18n::{MessageId, msg, t, use_i18n},
    routes::{BasePath, Page},
    state::{Dashboard, DraftStore},
    widgets::LoadFailed,
};
use sections::{
    EncryptionSection, PlacementSection, RetentionSection, ScheduleSection, ScopeSection,
};

/// A policy edit in progress and the version it began from.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyDraft {
    base: PolicyView,
    policy: Policy,
}

/// Every organization's policy edit in progress.
pub type PolicyDrafts = DraftStore<PolicyDraft>;

/// The editor of the organization the address names.
#[component]
pub fn PolicyEditor() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).map(OrganizationId));
    move || id.get().map(|id| view! { <Loader id/> })
}

#[derive(Debug, Clone, PartialEq)]
enum Loaded {
    Loading,
    Failed(ApiError),
    Ready(Box<PolicyView>, Vec<Worker>, Vec<Storage>, Vec<Group>),
}

#[component]
fn Loader(id: OrganizationId) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let dashboard = expect_context::<Dashboard>();
    let back = expect_context::<BasePath>().href(&Page::Organizations);
    // The editor's words follow its own copy of the language, which goes when it closes.
    let i18n = use_i18n().scoped();
    provide_context(i18n);
    let name = {
        let id = id.clone();
        Memo::new(move |_| {
            dashboard
                .organization(&id)
                .map(|o| o.with(|o| o.name.clone()))
        })
    };
    let loaded = RwSignal::new(Loaded::Loading);
    let (retrying, set_retrying) = signal(false);
    let load = {
        let id = id.clone();
        move || {
            set_retrying.set(true);
            let api = api.clone();
            let id = id.clone();
            spawn_local(async move {
                let (policy, workers, storages, groups) = futures::join!(
                    api.policy(&id),
                    api.workers(),
                    api.storages(),
                    api.groups(&id)
                );
                let result = match (policy, workers, storages, groups) {
                    (Ok(policy), Ok(workers), Ok(storages), Ok(groups)) => Loaded::Ready(
                        Box::new(policy),
                        workers.workers,
                        storages.storages,
                        groups.groups,
                    ),
                    (Err(e), ..) | (_, Err(e), ..) | (_, _, Err(e), _) | (.., Err(e)) => {
                        Loaded::Failed(e)
                    }
                };
                loaded.try_set(result);
                set_retrying.try_set(false);
            });
        }
    };
    load();
    view! {
        <section class="m365-page m365-policy" aria-labelledby="m365-policy-title">
            <h1 id="m365-policy-title" class="m365-page__title">
                {move || match name.get() {
                    Some(name) => t!(i18n, "policy-title-of", name = name),
                    None => t!(i18n, "title-policy"),
                }}
            </h1>
            {move || match loaded.get() {
                Loaded::Loading => view! {
                    <p class="m365-status" role="status">{move || t!(i18n, "policy-loading")}</p>
                }
                .into_any(),
                Loaded::Failed(error) => view! {
                    <LoadFailed error=error.clone() retrying=retrying on_retry=load.clone()/>
                    <A href=back.clone()>{move || t!(i18n, "policy-back")}</A>
                }
                .into_any(),
                Loaded::Ready(view, workers, storages, groups) => view! {
                    <Editor id=id.clone() view=*view workers storages groups/>
                }
                .into_any(),
            }}
        </section>
    }
}

/// How the last save went.
#[derive(Debug, Clone, PartialEq)]
enum Save {
    Idle,
    Saving,
    Saved(MessageId),
    Failed(ApiError),
    /// Someone else changed the policy first: theirs.
    Conflict(Box<PolicyView>),
}

/// What XMS said of the policy as it stands in the editor.
#[derive(Debug, Clone, PartialEq, Default)]
struct Preview {
    runs: Vec<PlannedRun>,
    errors: Vec<(String, String)>,
    pending: bool,
    failed: Option<ApiError>,
}

#[component]
fn Editor(
    id: OrganizationId,
    view: PolicyView,
    workers: Vec<Worker>,
    storages: Vec<Storage>,
    groups: Vec<Group>,
) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let i18n = use_i18n();
    let drafts = expect_context::<PolicyDrafts>();
    let dashboard = expect_context::<Dashboard>();
    let navigate = use_navigate();
    let dashboard_href = expect_context::<BasePath>().href(&Page::Organizations);
    let draft = drafts.get(&id);
    let restored = draft.is_some();
    let saved = RwSignal::new(
        draft
            .as_ref()
            .map_or_else(|| view.clone(), |d| d.base.clone()),
    );
    let policy = RwSignal::new(
        draft
            .as_ref()
            .map_or_else(|| view.policy.clone(), |d| d.policy.clone()),
    );
    let save = RwSignal::new(match &draft {
        Some(draft) if draft.base.etag != view.etag => Save::Conflict(Box::new(view.clone())),
        _ => Save::Idle,
    });
    let changing_password = RwSignal::new(false);
    let password = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let preview = RwSignal::new(Preview {
        runs: view.next_runs.clone(),
        ..Preview::default()
    });
    let server_errors = RwSignal::new(Vec::<(String, String)>::new());

    let password_set = Signal::derive(move || saved.with(|s| s.encryption_password_set));
    let needs_password = Signal::derive(move || {
        let algorithm = policy.with(|p| p.encryption);
        algorithm != EncryptionAlgorithm::Off
            && (changing_password.get()
                || !password_set.get()
                || saved.with(|s| s.policy.encryption != algorithm))
    });
    let password_problems = Memo::new(move |_| {
        if !needs_password.get() {
            return Vec::new();
        }
        let (first, second) = (password.get(), again.get());
        let mut problems = Vec::new();
        if first.chars().count() < 8 {
            problems.push(t!(i18n, "policy-password-short"));
        }
        if first != second {
            problems.push(t!(i18n, "policy-password-differ"));
        }
        problems
    });
    let dirty = Memo::new(move |_| {
        saved.with(|s| policy.with(|p| *p != s.policy))
            || (needs_password.get() && !password.with(String::is_empty))
    });

    // Keep the edit in progress outside the view.
    {
        let id = id.clone();
        Effect::new(move |_| {
            let draft = PolicyDraft {
                base: saved.get(),
                policy: policy.get(),
            };
            if draft.policy == draft.base.policy {
                drafts.forget(&id);
            } else {
                drafts.keep(&id, draft);
            }
        });
    }
    // XMS previews every change: the next runs, or what is wrong.
    {
        let api = api.clone();
        let id = id.clone();
        let generation = StoredValue::new(0_u64);
        Effect::new(move |previous: Option<()>| {
            let current = policy.get();
            if previous.is_none() {
                return; // the loaded view already carries its next runs
            }
            let Some(mine) = generation.try_update_value(|g| {
                *g += 1;
                *g
            }) else {
                return;
            };
            preview.update(|p| p.pending = true);
            let api = api.clone();
            let id = id.clone();
            spawn_local(async move {
                // Typing a time or a number of days changes the policy several times quickly.
                gloo_timers::future::sleep(std::time::Duration::from_millis(250)).await;
                if generation.try_get_value() != Some(mine) {
                    return;
                }
                let result = api.preview_policy(&id, &current).await;
                if generation.try_get_value() != Some(mine) {
                    return;
                }
                preview.try_update(|p| {
                    p.pending = false;
                    match result {
                        Ok(next) => {
                            p.runs = next.next_runs;
                            p.errors.clear();
                            p.failed = None;
                        }
                        Err(error) if error.code() == Some(ErrorCode::ValidationFailed) => {
                            p.errors = error
                                .field_errors()
                                .iter()
                                .map(|f| (f.field.clone(), f.message.clone()))
                                .collect();
                            p.failed = None;
                        }
                        Err(error) => {
                            p.failed = Some(error);
                        }
                    }
                });
            });
        });
    }
    let section_errors = move |prefixes: &'static [&'static str],
                               extra: Option<Memo<Vec<String>>>| {
        Signal::derive(move || {
            let matching = |errors: &Vec<(String, String)>| -> Vec<String> {
                errors
                    .iter()
                    .filter(|(field, _)| prefixes.iter().any(|p| field.starts_with(p)))
                    .map(|(_, message)| message.clone())
                    .collect()
            };
            let mut all = preview.with(|p| matching(&p.errors));
            for message in server_errors.with(matching) {
                if !all.contains(&message) {
                    all.push(message);
                }
            }
            if let Some(extra) = extra {
                all.extend(extra.get());
            }
            all
        })
    };
    let blocked = move || {
        preview.with(|p| p.pending || !p.errors.is_empty())
            || password_problems.with(|p| !p.is_empty())
            || save.with(|s| matches!(s, Save::Saving | Save::Conflict(_)))
            || !dirty.get()
    };

    let submit = {
        let api = api.clone();
        let id = id.clone();
        Callback::new(move |etag: String| {
            if save.get_untracked() == Save::Saving {
                return;
            }
            save.set(Save::Saving);
            let body = SavePolicy {
                policy: policy.get_untracked(),
                encryption_password: needs_password
                    .get_untracked()
                    .then(|| password.get_untracked()),
            };
            let api = api.clone();
            let id = id.clone();
            spawn_local(async move {
                let outcome = match api.save_policy(&id, &etag, &body).await {
                    Ok(view) => {
                        policy.try_set(view.policy.clone());
                        saved.try_set(view);
                        password.try_set(String::new());
                        again.try_set(String::new());
                        changing_password.try_set(false);
                        server_errors.try_set(Vec::new());
                        Save::Saved(msg!("policy-saved"))
                    }
                    Err(error) if error.code() == Some(ErrorCode::PreconditionFailed) => {
                        match api.policy(&id).await {
                            Ok(theirs) => Save::Conflict(Box::new(theirs)),
                            Err(error) => Save::Failed(error),
                        }
                    }
                    Err(error) => {
                        server_errors.try_set(
                            error
                                .field_errors()
                                .iter()
                                .map(|f| (f.field.clone(), f.message.clone()))
                                .collect(),
                        );
                        Save::Failed(error)
                    }
                };
                save.try_set(outcome);
            });
        })
    };
    let save_now = Callback::new(move |()| {
        if !blocked() {
            submit.run(saved.with_untracked(|s| s.etag.clone()));
        }
    });
    let reset = {
        let api = api.clone();
        let id = id.clone();
        move |_| {
            let question = t!(@now i18n, "policy-reset-question");
            if !window().confirm_with_message(&question).unwrap_or(false) {
                return;
            }
            save.set(Save::Saving);
            let api = api.clone();
            let id = id.clone();
            let etag = saved.with_untracked(|s| s.etag.clone());
            spawn_local(async move {
                let outcome = match api.reset_policy(&id, &etag).await {
                    Ok(view) => {
                        policy.try_set(view.policy.clone());
                        preview.try_update(|p| p.runs = view.next_runs.clone());
                        saved.try_set(view);
                        Save::Saved(msg!("policy-reset-done"))
                    }
                    Err(error) => Save::Failed(error),
                };
                save.try_set(outcome);
            });
        }
    };
    let leave = {
        let id = id.clone();
        move |event: web_sys::MouseEvent| {
            event.prevent_default();
            if dirty.get_untracked() {
                let question = t!(@now i18n, "policy-discard-question");
                if !window().confirm_with_message(&question).unwrap_or(false) {
                    return;
                }
                drafts.forget(&id);
            }
            navigate(&Page::Organizations.path(), NavigateOptions::default());
        }
    };

    let default_worker = dashboard
        .organization(&id)
        .map(|o| o.with_untracked(|o| o.default_worker.name.clone()))
        .unwrap_or_default();
    let names = (
        StoredValue::new(workers.clone()),
        StoredValue::new(storages.clone()),
        StoredValue::new(
            groups
                .iter()
                .map(|g| (g.id.clone(), g.name.clone()))
                .collect::<Vec<_>>(),
        ),
    );
    let summary = {
        let default_worker = default_worker.clone();
        move || {
            policy.with(|p| {
                let worker = p
                    .worker_id
                    .as_ref()
                    .and_then(|w| {
                        names
                            .0
                            .with_value(|ws| ws.iter().find(|x| x.id == *w).map(|x| x.name.clone()))
                    })
                    .unwrap_or_else(|| default_worker.clone());
                let storage = names
                    .1
                    .with_value(|ss| {
                        ss.iter()
                            .find(|s| s.id == p.storage_id)
                            .map(|s| s.name.clone())
                    })
                    .unwrap_or_default();
                names
                    .2
                    .with_value(|groups| words::summary(i18n, p, &worker, &storage, groups))
            })
        }
    };
    let zone = Memo::new(move |_| policy.with(|p| p.schedule.time_zone.clone()));
    let next_words = move || {
        let (today, tomorrow) = today_and_tomorrow(&zone.get());
        preview.with(|p| words::next_runs(i18n, &p.runs, &today, &tomorrow))
    };

    view! {
        <p class="m365-policy__kind">
            {move || match saved.with(|s| s.kind) {
                PolicyKind::Default => t!(i18n, "policy-kind-default"),
                PolicyKind::Custom => t!(i18n, "policy-kind-custom"),
            }}
        </p>
        <Show when=move || restored>
            <p class="m365-note" role="status">
                {move || t!(i18n, "policy-restored")}
            </p>
        </Show>
        <form
            class="m365-settings m365-policy__form"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                save_now.run(());
            }
        >
            <ScopeSection policy groups errors=section_errors(&["scope"], None)/>
            <ScheduleSection policy errors=section_errors(&["schedule"], None)/>
            <RetentionSection policy errors=section_errors(&["retention"], None)/>
            <EncryptionSection
                policy
                password_set
                needs_password
                changing=changing_password
                password
                again
                errors=section_errors(&["encryption"], Some(password_problems))
            />
            <PlacementSection
                policy
                workers
                storages
                default_worker
                errors=section_errors(&["worker_id", "storage_id"], None)
            />
            <section class="m365-policy__summary" aria-labelledby="m365-summary-title">
                <h2 id="m365-summary-title" class="m365-settings__heading">
                    {move || t!(i18n, "policy-summary-heading")}
                </h2>
                {move || summary().into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                <p class="m365-policy__next" role="status">
                    {move || {
                        preview
                            .with(|p| p.failed.clone())
                            .map(|error| t!(i18n, "policy-next-runs-failed", reason = error.words(i18n)))
                            .unwrap_or_else(next_words)
                    }}
                </p>
                <ol class="m365-policy__runs" aria-label=move || t!(i18n, "policy-next-runs")>
                    {move || {
                        let (today, tomorrow) = today_and_tomorrow(&zone.get());
                        preview.with(|p| p.runs.iter().map(|run| view! {
                            <li>
                                <time datetime=run.at.clone()>{words::run_time(i18n, run, &today, &tomorrow)}</time>
                                " "
                                {words::kind(i18n, run.kind)}
                            </li>
                        }).collect_view())
                    }}
                </ol>
            </section>
            {move || match save.get() {
                Save::Conflict(theirs) => view! {
                    <div class="m365-conflict">
                        <p role="alert">
                            <strong>{move || t!(i18n, "policy-conflict-title")}</strong>
                            " "
                            {move || t!(i18n, "policy-conflict-text")}
                        </p>
                        <div class="m365-settings__inline">
                            <button type="button" class="m365-button" on:click={
                                let theirs = theirs.clone();
                                move |_| {
                                    saved.set((*theirs).clone());
                                    save.set(Save::Idle);
                                    submit.run(theirs.etag.clone());
                                }
                            }>{move || t!(i18n, "policy-keep-mine")}</button>
                            <button type="button" class="m365-button m365-button--secondary" on:click=move |_| {
                                policy.set(theirs.policy.clone());
                                saved.set((*theirs).clone());
                                save.set(Save::Idle);
                            }>{move || t!(i18n, "policy-take-theirs")}</button>
                        </div>
                    </div>
                }
                .into_any(),
                Save::Failed(error) => {
                    let has_fields = !error.field_errors().is_empty();
                    view! {
                        <div class="m365-alert" role="alert">
                            <p class="m365-alert__message">
                                {move || if has_fields {
                                    t!(i18n, "policy-save-fields")
                                } else {
                                    t!(i18n, "policy-save-failed", reason = error.words(i18n))
                                }}
                            </p>
                            <Show when=move || !has_fields>
                                <button type="button" class="m365-button" on:click=move |_| save_now.run(())>
                                    {move || t!(i18n, "policy-save-retry")}
                                </button>
                            </Show>
                        </div>
                    }
                    .into_any()
                }
                Save::Saved(message) => view! {
                    <p class="m365-note" role="status">{move || i18n.say(message)}</p>
                }
                .into_any(),
                Save::Saving => view! {
                    <p class="m365-status" role="status">{move || t!(i18n, "policy-saving")}</p>
                }
                .into_any(),
                Save::Idle => ().into_any(),
            }}
            <div class="m365-settings__actions">
                <button type="submit" class="m365-button" aria-disabled=move || blocked().to_string()>
                    {move || t!(i18n, "policy-save")}
                </button>
                <Show when=move || saved.with(|s| s.kind == PolicyKind::Custom)>
                    <button type="button" class="m365-button m365-button--secondary" on:click=reset.clone()>
                        {move || t!(i18n, "policy-reset")}
                    </button>
                </Show>
                <a href=dashboard_href class="m365-button m365-button--secondary" on:click=leave>
                    {move || t!(i18n, "policy-back")}
                </a>
            </div>
        </form>
    }
}

/// Today's and tomorrow's dates (`YYYY-MM-DD`) in `zone`, as the browser knows them.
///
/// They are keys compared with the runs' local dates and never shown (the day a reader sees
/// comes from [`crate::I18n::day_and_month`] in the active language), so they are put together
/// from `Intl`'s date parts rather than taken from how some language writes a date, which
/// browsers have changed between versions.
fn today_and_tomorrow(zone: &str) -> (String, String) {
    let options = js_sys::Object::new();
    for (key, value) in [
        ("timeZone", zone),
        ("year", "numeric"),
        ("month", "2-digit"),
        ("day", "2-digit"),
        ("numberingSystem", "latn"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::of1(&"en".into()), &options);
    let date = |ms: f64| -> String {
        let parts = format.format_to_parts(&js_sys::Date::new(&ms.into()));
        let part = |kind: &str| -> String {
            parts
                .iter()
                .find(|part| {
                    js_sys::Reflect::get(part, &"type".into())
                        .ok()
                        .and_then(|t| t.as_string())
                        .is_some_and(|t| t == kind)
                })
                .and_then(|part| js_sys::Reflect::get(&part, &"value".into()).ok())
                .and_then(|value| value.as_string())
                .unwrap_or_default()
        };
        format!("{}-{}-{}", part("year"), part("month"), part("day"))
    };
    let now = js_sys::Date::now();
    (date(now), date(now + 86_400_000.0))
}
