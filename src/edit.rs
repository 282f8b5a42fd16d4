//! The organization's **Edit** panel, at `organizations/{id}/edit` under the module's base:
//! licence management, user sync interval, default worker, re-authorization and removal. The
//! settings are saved against the version read, so that two administrators never overwrite
//! each other unknowingly, and an edit in progress survives a failed save, a conflict and the
//! panel closing.

mod conflict;
mod draft;
mod form;
mod remove;

pub use draft::{Draft, Drafts, problems};

use leptos::{prelude::*, task::spawn_local};
use leptos_router::{
    NavigateOptions,
    hooks::{use_location, use_navigate, use_params_map},
};
use xms_m365_contract::{ErrorCode, OrganizationId, OrganizationSettings, SettingsView, Worker};

use crate::{
    api::{ApiClient, ApiError},
    i18n::{t, use_i18n},
    routes::Page,
    state::{Connector, Dashboard},
    widgets::{LoadFailed, Modal},
};
use conflict::ConflictView;
use form::{FieldErrors, SettingsForm};
use remove::RemoveOrganization;

/// The panel of the organization the address names.
#[component]
pub fn EditPanel() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).map(OrganizationId));
    move || id.get().map(|id| view! { <Panel id/> })
}

/// Leaves the panel for the dashboard, keeping the dashboard's filter and sort order.
#[derive(Clone, Copy)]
pub struct Leave(Callback<()>);

impl Leave {
    fn new() -> Self {
        let navigate = use_navigate();
        let location = use_location();
        Self(Callback::new(move |()| {
            let search = location.search.get_untracked();
            let query = search.trim_start_matches('?');
            let dashboard = Page::Organizations.path();
            let target = if query.is_empty() {
                dashboard
            } else {
                format!("{dashboard}?{query}")
            };
            navigate(&target, NavigateOptions::default());
        }))
    }

    /// Goes back to the dashboard.
    pub fn run(&self) {
        self.0.run(());
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Loaded {
    Loading,
    Failed(ApiError),
    Ready(SettingsView, Vec<Worker>),
}

#[component]
fn Panel(id: OrganizationId) -> impl IntoView {
    // The panel's words follow its own copy of the language, which goes when it closes.
    provide_context(use_i18n().scoped());
    let api = expect_context::<ApiClient>();
    let dashboard = expect_context::<Dashboard>();
    let leave = Leave::new();
    let name = {
        let id = id.clone();
        Memo::new(move |_| {
            dashboard
                .organization(&id)
                .map(|organization| organization.with(|o| o.name.clone()))
        })
    };
    let i18n = use_i18n();
    let title = Signal::derive(move || match name.get() {
        Some(name) => t!(i18n, "edit-title", name = name),
        None => t!(i18n, "title-edit"),
    });
    let loaded = RwSignal::new(Loaded::Loading);
    let (retrying, set_retrying) = signal(false);
    let load = {
        let id = id.clone();
        move || {
            set_retrying.set(true);
            let api = api.clone();
            let id = id.clone();
            spawn_local(async move {
                let (settings, workers) = futures::join!(api.settings(&id), api.workers());
                let result = match (settings, workers) {
                    (Ok(settings), Ok(workers)) => Loaded::Ready(settings, workers.workers),
                    (Err(error), _) | (_, Err(error)) => Loaded::Failed(error),
                };
                loaded.try_set(result);
                set_retrying.try_set(false);
            });
        }
    };
    load();

    // Closing asks first when there are unsaved changes; the form says whether there are.
    let dirty = RwSignal::new(false);
    let close = {
        let id = id.clone();
        let drafts = expect_context::<Drafts>();
        Callback::new(move |()| {
            if dirty.get_untracked() {
                let question = t!(@now i18n, "edit-discard-question");
                if !window().confirm_with_message(&question).unwrap_or(false) {
                    return;
                }
                drafts.forget(&id);
            }
            leave.run();
        })
    };

    view! {
        <Modal title=title on_close=close panel=true>
            {move || match loaded.get() {
                Loaded::Loading => view! {
                    <p class="m365-status" role="status">{move || t!(i18n, "edit-loading")}</p>
                }
                .into_any(),
                Loaded::Failed(error) => view! {
                    <LoadFailed error=error.clone() retrying=retrying on_retry=load.clone()/>
                }
                .into_any(),
                Loaded::Ready(settings, workers) => view! {
                    <Editor id=id.clone() settings workers dirty close leave/>
                }
                .into_any(),
            }}
        </Modal>
    }
}

/// How the last save went.
#[derive(Debug, Clone, PartialEq)]
enum Save {
    Idle,
    Saving,
    Saved,
    Failed(ApiError),
    /// Someone else saved first: theirs, to show beside the administrator's.
    Conflict(SettingsView),
}

/// The loaded settings: the form, its save, and the organization's other actions.
#[component]
fn Editor(
    id: OrganizationId,
    settings: SettingsView,
    workers: Vec<Worker>,
    /// Set while there are unsaved changes.
    dirty: RwSignal<bool>,
    close: Callback<()>,
    leave: Leave,
) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let i18n = use_i18n();
    let drafts = expect_context::<Drafts>();
    let draft = drafts.get(&id);
    let restored = draft.is_some();
    let saved = RwSignal::new(settings.clone());
    let values = RwSignal::new(
        draft
            .as_ref()
            .map_or_else(|| settings.settings.clone(), |d| d.values.clone()),
    );
    // A draft begun on an older version is a conflict from the start.
    let save = RwSignal::new(match &draft {
        Some(draft) if draft.base.etag != settings.etag => Save::Conflict(settings.clone()),
        _ => Save::Idle,
    });
    if let Some(draft) = draft {
        saved.set(draft.base);
    }
    let offline_acknowledged = RwSignal::new(false);
    let workers = StoredValue::new(workers);
    let server_errors = RwSignal::new(Vec::<(String, String)>::new());

    Effect::new(move |_| {
        let is_dirty = saved.with(|s| values.with(|v| *v != s.settings));
        dirty.set(is_dirty);
    });
    {
        let id = id.clone();
        Effect::new(move |_| {
            let draft = Draft {
                base: saved.get(),
                values: values.get(),
            };
            if draft.values == draft.base.settings {
                drafts.forget(&id);
            } else {
                drafts.keep(&id, draft);
            }
        });
    }
    let problems = Memo::new(move |_| {
        values.with(|v| {
            saved.with(|s| {
                workers
                    .with_value(|w| problems(i18n, v, &s.settings, w, offline_acknowledged.get()))
            })
        })
    });
    // The server's word on a field stands until that field changes.
    Effect::new(move |previous: Option<OrganizationSettings>| {
        let now = values.get();
        if let Some(previous) = previous {
            server_errors.update(|errors| {
                errors.retain(|(field, _)| !changed(field, &previous, &now));
            });
        }
        now
    });
    let field_error = move |field: &'static str| {
        Signal::derive(move || {
            problems
                .with(|p| p.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()))
                .or_else(|| {
                    server_errors.with(|errors| {
                        errors
                            .iter()
                            .find(|(f, _)| f == field)
                            .map(|(_, m)| m.clone())
                    })
                })
        })
    };

    let submit = {
        let id = id.clone();
        move |etag: String, settings: OrganizationSettings| {
            if save.get_untracked() == Save::Saving {
                return;
            }
            save.set(Save::Saving);
            let api = api.clone();
            let id = id.clone();
            spawn_local(async move {
                let outcome = match api.save_settings(&id, &etag, &settings).await {
                    Ok(view) => {
                        values.try_set(view.settings.clone());
                        saved.try_set(view);
                        server_errors.try_set(Vec::new());
                        Save::Saved
                    }
                    Err(error) if error.code() == Some(ErrorCode::PreconditionFailed) => {
                        match api.settings(&id).await {
                            Ok(theirs) => Save::Conflict(theirs),
                            Err(error) => Save::Failed(error),
                        }
                    }
                    Err(error) => {
                        let fields = error
                            .field_errors()
                            .iter()
                            .map(|f| (f.field.clone(), f.message.clone()))
                            .collect();
                        server_errors.try_set(fields);
                        Save::Failed(error)
                    }
                };
                save.try_set(outcome);
            });
        }
    };
    let save_now = {
        let submit = submit.clone();
        Callback::new(move |()| {
            if !dirty.get_untracked() || problems.with_untracked(|p| !p.is_empty()) {
                return;
            }
            submit(
                saved.with_untracked(|s| s.etag.clone()),
                values.get_untracked(),
            );
        })
    };
    let keep_mine = {
        let submit = submit.clone();
        Callback::new(move |theirs: SettingsView| {
            saved.set(theirs.clone());
            save.set(Save::Idle);
            submit(theirs.etag, values.get_untracked());
        })
    };
    let take_theirs = Callback::new(move |theirs: SettingsView| {
        values.set(theirs.settings.clone());
        saved.set(theirs);
        save.set(Save::Idle);
    });
    let cannot_save = move || {
        save.with(|s| matches!(s, Save::Saving | Save::Conflict(_)))
            || !dirty.get()
            || problems.with(|p| !p.is_empty())
    };

    view! {
        <Show when=move || restored>
            <p class="m365-note" role="status">
                {move || t!(i18n, "edit-restored")}
            </p>
        </Show>
        <form
            class="m365-settings"
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                save_now.run(());
            }
        >
            <SettingsForm
                id=id.clone()
                values
                saved
                workers=workers.get_value()
                offline_acknowledged
                errors=FieldErrors {
                    licence_mode: field_error("licence_mode"),
                    user_sync_interval_hours: field_error("user_sync_interval_hours"),
                    default_worker_id: field_error("default_worker_id"),
                }
            />
            {move || match save.get() {
                Save::Conflict(theirs) => view! {
                    <ConflictView
                        mine=values.get_untracked()
                        theirs
                        workers=workers.get_value()
                        keep_mine
                        take_theirs
                    />
                }
                .into_any(),
                Save::Failed(error) => {
                    let retry = move |_| save_now.run(());
                    let has_fields = !error.field_errors().is_empty();
                    view! {
                        <div class="m365-alert" role="alert">
                            <p class="m365-alert__message">
                                {move || if has_fields {
                                    t!(i18n, "edit-save-fields")
                                } else {
                                    t!(i18n, "edit-save-failed", reason = error.words(i18n))
                                }}
                            </p>
                            <Show when=move || !has_fields>
                                <button type="button" class="m365-button" on:click=retry>
                                    {move || t!(i18n, "load-failed-retry")}
                                </button>
                            </Show>
                        </div>
                    }
                    .into_any()
                }
                Save::Saved => view! {
                    <p class="m365-note" role="status">{move || t!(i18n, "edit-saved")}</p>
                }
                .into_any(),
                Save::Saving => view! {
                    <p class="m365-status" role="status">{move || t!(i18n, "edit-saving")}</p>
                }
                .into_any(),
                Save::Idle => ().into_any(),
            }}
            <div class="m365-settings__actions">
                <button
                    type="submit"
                    class="m365-button"
                    aria-disabled=move || cannot_save().to_string()
                >
                    {move || t!(i18n, "edit-save")}
                </button>
                <button
                    type="button"
                    class="m365-button m365-button--secondary"
                    on:click=move |_| close.run(())
                >
                    {move || t!(i18n, "edit-close")}
                </button>
                <Show when=move || !dirty.get() && save.get() != Save::Saved>
                    <span class="m365-status">{move || t!(i18n, "edit-no-changes")}</span>
                </Show>
            </div>
        </form>
        <OtherActions id leave/>
    }
}

/// Whether `field` differs between two versions of the settings.
fn changed(field: &str, a: &OrganizationSettings, b: &OrganizationSettings) -> bool {
    match field {
        "licence_mode" => a.licence_mode != b.licence_mode,
        "user_sync_interval_hours" => a.user_sync_interval_hours != b.user_sync_interval_hours,
        "default_worker_id" => a.default_worker_id != b.default_worker_id,
        _ => a != b,
    }
}

/// **Re-authorize** and **Remove organization**, which act at once rather than through Save.
#[component]
fn OtherActions(id: OrganizationId, leave: Leave) -> impl IntoView {
    let dashboard = expect_context::<Dashboard>();
    let connector = expect_context::<Connector>();
    let i18n = use_i18n();
    let name = {
        let id = id.clone();
        Memo::new(move |_| {
            dashboard
                .organization(&id)
                .map(|organization| organization.with(|o| o.name.clone()))
        })
    };
    let reauthorize = {
        let id = id.clone();
        move |_| {
            if let Some(organization) = dashboard.organization(&id) {
                leave.run();
                connector.reauthorize(organization.get_untracked());
            }
        }
    };
    view! {
        <section class="m365-settings__section" aria-labelledby="m365-reauthorize-title">
            <h3 id="m365-reauthorize-title" class="m365-settings__heading">
                {move || t!(i18n, "reauthorize-heading")}
            </h3>
            <p>{move || t!(i18n, "reauthorize-text")}</p>
            <button type="button" class="m365-button m365-button--secondary" on:click=reauthorize>
                {move || t!(i18n, "reauthorize-button")}
            </button>
        </section>
        <Show when=move || name.with(Option::is_some)>
            <RemoveOrganization
                id=id.clone()
                name=Signal::derive(move || name.get().unwrap_or_default())
                leave
            />
        </Show>
    }
}
