//! The custom backup policy editor, a full view at `organizations/{id}/policy` under the
//! module's base: what to back up, when, for how long, how securely, where; a live summary
//! whose next runs XMS computes; saved against the version read, like the settings, and with
//! an edit in progress kept when the view closes or a save fails.

mod sections;
mod words;

use leptos::prelude::*;
use leptos_router::{
    NavigateOptions,
    components::A,
    hooks::{use_navigate, use_params_map},
};
use leptos_use::use_debounce_fn;
use xms_m365_contract::{
    EncryptionAlgorithm, ErrorCode, FieldError, Group, MIN_PASSWORD_CHARS, OrganizationId,
    PlannedRun, Policy, PolicyKind, PolicyView, SavePolicy, Storage, Worker,
};

use crate::{
    api::{ApiClient, ApiError, Change},
    i18n::{learn_panel_words, msg, t, use_i18n},
    routes::{BasePath, Page},
    state::{Dashboard, Drafts},
    widgets::{
        ButtonStyle, Confirm, FormWords, Loadable, SaveStatus, VersionedForm, add_styles,
        field_words,
    },
};
use sections::{
    EncryptionSection, PlacementSection, RetentionSection, ScheduleSection, ScopeSection,
};

/// The editor of the organization the address names.
#[component]
pub fn PolicyEditor() -> impl IntoView {
    learn_panel_words();
    add_styles(style!("policy"));
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).map(OrganizationId));
    move || id.get().map(|id| view! { <Loader id/> })
}

/// What the editor needs: the policy, and what its choices are made among.
type Loaded = (PolicyView, Vec<Worker>, Vec<Storage>, Vec<Group>);

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
    let read = {
        let id = id.clone();
        LocalResource::new(move || {
            let (api, id) = (api.clone(), id.clone());
            async move {
                let (policy, workers, storages, groups) = futures::join!(
                    api.policy(&id),
                    api.workers(),
                    api.storages(),
                    api.groups(&id)
                );
                Ok::<Loaded, ApiError>((
                    policy?,
                    workers?.workers,
                    storages?.storages,
                    groups?.groups,
                ))
            }
        })
    };
    view! {
        <section class="m365-page m365-policy" aria-labelledby="m365-policy-title">
            <h1 id="m365-policy-title" class="m365-page__title">
                {move || match name.get() {
                    Some(name) => t!(i18n, "policy-title-of", name = name),
                    None => t!(i18n, "title-policy"),
                }}
            </h1>
            <Loadable
                read
                loading=msg!("policy-loading")
                way_back=move || view! { <A href=back.clone()>{move || t!(i18n, "policy-back")}</A> }
                let((view, workers, storages, groups))
            >
                <Editor id=id.clone() view workers storages groups/>
            </Loadable>
        </section>
    }
}

/// What the editor asks before going ahead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Question {
    /// Leave, discarding unsaved changes.
    Leave,
    /// Return to the default policy, discarding the custom one.
    Reset,
}

/// What XMS said of the policy as it stands in the editor.
#[derive(Debug, Clone, PartialEq, Default)]
struct Preview {
    runs: Vec<PlannedRun>,
    errors: Vec<FieldError>,
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
    let drafts = expect_context::<Drafts<PolicyView>>();
    let dashboard = expect_context::<Dashboard>();
    let navigate = use_navigate();
    let dashboard_href = expect_context::<BasePath>().href(&Page::Organizations);
    let changing_password = RwSignal::new(false);
    let password = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let loaded_runs = view.next_runs.clone();
    // The password is never kept in a draft: it is sent with the save, and forgotten once saved.
    let needs_password = StoredValue::new(None::<Signal<bool>>);
    let form = {
        let (api, id) = (api.clone(), id.clone());
        VersionedForm::new(id.clone(), view, move |etag, policy| {
            let (api, id) = (api.clone(), id.clone());
            let sends_password = needs_password
                .get_value()
                .is_some_and(|needs| needs.get_untracked());
            let body = SavePolicy {
                policy,
                encryption_password: sends_password.then(|| password.get_untracked()),
            };
            async move {
                let saved = api.save_policy(&id, &etag, &body).await;
                if matches!(saved, Ok(Change::Saved(_))) {
                    password.try_set(String::new());
                    again.try_set(String::new());
                    changing_password.try_set(false);
                }
                saved
            }
        })
    };
    let VersionedForm {
        saved,
        values: policy,
        ..
    } = form;

    let password_set = Signal::derive(move || saved.with(|s| s.encryption_password_set));
    let needs = Signal::derive(move || {
        let algorithm = policy.with(|p| p.encryption);
        algorithm != EncryptionAlgorithm::Off
            && (changing_password.get()
                || !password_set.get()
                || saved.with(|s| s.policy.encryption != algorithm))
    });
    needs_password.set_value(Some(needs));
    let needs_password = needs;
    let password_problems = Memo::new(move |_| {
        if !needs_password.get() {
            return Vec::new();
        }
        let (first, second) = (password.get(), again.get());
        let mut problems = Vec::new();
        if first.chars().count() < MIN_PASSWORD_CHARS as usize {
            problems.push(t!(i18n, "field-password-short", limit = MIN_PASSWORD_CHARS));
        }
        if first != second {
            problems.push(t!(i18n, "policy-password-differ"));
        }
        problems
    });
    let dirty = Memo::new(move |_| {
        form.dirty.get() || (needs_password.get() && !password.with(String::is_empty))
    });

    // XMS previews the policy as it stands once typing pauses (a time or a number of days
    // changes it several times quickly): its next runs, or what is wrong with it.
    // (leptos-use's `signal_debounced` would read the policy when the wait ends even if the
    // editor has gone meanwhile, which panics.)
    let ask = {
        let (api, id) = (api.clone(), id.clone());
        Action::new_unsync_local(move |asked: &Policy| {
            let (api, id, asked) = (api.clone(), id.clone(), asked.clone());
            async move { api.preview_policy(&id, &asked).await.map(|p| p.next_runs) }
        })
    };
    let (asked, set_asked) = signal(policy.get_untracked());
    let ask_when_paused = use_debounce_fn(
        move || {
            if let Some(policy) = policy.try_get_untracked() {
                set_asked.try_set(policy.clone());
                ask.dispatch_local(policy);
            }
        },
        250.0,
    );
    Effect::watch(
        move || policy.track(),
        move |_, _, _| _ = ask_when_paused(),
        false,
    );
    // The loaded runs are the saved policy's: a restored draft is asked about at once.
    if form.restored {
        ask.dispatch_local(policy.get_untracked());
    }
    // Until XMS has answered for the policy as it stands, nothing can be saved.
    let asking = ask.pending();
    let previewing = move || asking.get() || policy.with(|p| asked.with(|a| p != a));
    // A failed preview keeps the runs last shown.
    let preview = Memo::new(move |previous: Option<&Preview>| {
        let mut preview = previous.cloned().unwrap_or_else(|| Preview {
            runs: loaded_runs.clone(),
            ..Preview::default()
        });
        match ask.value().get() {
            None => {}
            Some(Ok(runs)) => {
                preview.runs = runs;
                preview.errors.clear();
                preview.failed = None;
            }
            Some(Err(error)) if error.code() == Some(ErrorCode::ValidationFailed) => {
                preview.errors = error.field_errors().to_vec();
                preview.failed = None;
            }
            Some(Err(error)) => preview.failed = Some(error),
        }
        preview
    });
    let section_errors = move |prefixes: &'static [&'static str],
                               extra: Option<Memo<Vec<String>>>| {
        Signal::derive(move || {
            let matching = |errors: &[FieldError]| -> Vec<String> {
                errors
                    .iter()
                    .filter(|error| prefixes.iter().any(|p| error.field.starts_with(p)))
                    .map(|error| field_words(i18n, error))
                    .collect()
            };
            let mut all = preview.with(|p| matching(&p.errors));
            let refused = form.rejected.with(|rejected| {
                rejected
                    .as_ref()
                    .map_or_else(Vec::new, |rejected| matching(&rejected.fields))
            });
            for message in refused {
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
        previewing()
            || preview.with(|p| !p.errors.is_empty())
            || password_problems.with(|p| !p.is_empty())
            || form.busy()
            || !dirty.get()
    };
    let save_now = Callback::new(move |()| {
        if !blocked() {
            form.submit();
        }
    });

    // Returning to the default policy and leaving with unsaved changes ask first.
    let asking = RwSignal::new(None::<Question>);
    let leave_now = {
        let id = id.clone();
        Callback::new(move |()| {
            drafts.forget(&id);
            navigate(&Page::Organizations.path(), NavigateOptions::default());
        })
    };
    let answer = {
        let api = api.clone();
        let id = id.clone();
        Callback::new(move |yes: bool| {
            let Some(question) = asking.get_untracked() else {
                return;
            };
            asking.set(None);
            if !yes {
                return;
            }
            match question {
                Question::Leave => leave_now.run(()),
                Question::Reset => {
                    let (api, id) = (api.clone(), id.clone());
                    let etag = saved.with_untracked(|s| s.etag.clone());
                    form.send_with(msg!("policy-reset-done"), move || {
                        let (api, id, etag) = (api.clone(), id.clone(), etag.clone());
                        async move { api.reset_policy(&id, &etag).await }
                    });
                }
            }
        })
    };
    let leave = move |event: web_sys::MouseEvent| {
        event.prevent_default();
        if dirty.get_untracked() {
            asking.set(Some(Question::Leave));
        } else {
            leave_now.run(());
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
    // Changes when the policy's time zone does and at its midnight, not as the clock ticks.
    let clock = i18n.clock();
    let days =
        Memo::new(move |_| policy.with(|p| today_and_tomorrow(&p.schedule.time_zone, clock.now())));
    let next_words = move || {
        days.with(|(today, tomorrow)| {
            preview.with(|p| words::next_runs(i18n, &p.runs, today, tomorrow))
        })
    };

    view! {
        <p class="m365-policy__kind">
            {move || match saved.with(|s| s.kind) {
                PolicyKind::Default => t!(i18n, "policy-kind-default"),
                PolicyKind::Custom => t!(i18n, "policy-kind-custom"),
            }}
        </p>
        <Show when=move || form.restored>
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
                        let (today, tomorrow) = days.get();
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
            <SaveStatus
                form
                words=FormWords {
                    saved: msg!("policy-saved"),
                    fields: msg!("policy-save-fields"),
                    failed: msg!("policy-save-failed"),
                    conflict_title: msg!("policy-conflict-title"),
                    conflict_text: msg!("policy-conflict-text"),
                }
                retry=save_now
                rows=|_, _| ()
            />
            <div class="m365-settings__actions">
                <button type="submit" class=ButtonStyle::Primary.class() aria-disabled=move || blocked().to_string()>
                    {move || t!(i18n, "policy-save")}
                </button>
                <Show when=move || saved.with(|s| s.kind == PolicyKind::Custom)>
                    <button type="button" class=ButtonStyle::Secondary.class() on:click=move |_| asking.set(Some(Question::Reset))>
                        {move || t!(i18n, "policy-reset")}
                    </button>
                </Show>
                <a href=dashboard_href class=ButtonStyle::Secondary.class() on:click=leave>
                    {move || t!(i18n, "policy-back")}
                </a>
            </div>
        </form>
        {move || asking.get().map(|question| {
            let (question, yes, no) = match question {
                Question::Leave => (msg!("policy-discard-question"), msg!("discard-yes"), msg!("discard-no")),
                Question::Reset => (msg!("policy-reset-question"), msg!("policy-reset-yes"), msg!("policy-reset-no")),
            };
            let question = Signal::derive(move || i18n.say(question));
            view! { <Confirm question yes no on_answer=answer/> }
        })}
    }
}

/// The dates (`YYYY-MM-DD`) in `zone` of the day `now` (Unix ms) falls on and of the next.
///
/// They are keys compared with the runs' local dates and never shown (the day a reader sees
/// comes from [`crate::I18n::day_and_month`] in the active language), so they are put together
/// from `Intl`'s date parts rather than taken from how some language writes a date, which
/// browsers have changed between versions.
fn today_and_tomorrow(zone: &str, now: f64) -> (String, String) {
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
    (date(now), date(now + 86_400_000.0))
}
