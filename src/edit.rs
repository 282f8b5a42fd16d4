//! The organization's **Edit** panel, at `organizations/{id}/edit` under the module's base:
//! licence management, user sync interval, default worker, re-authorization and removal. The
//! settings are saved against the version read, so that two administrators never overwrite
//! each other unknowingly, and an edit in progress survives a failed save, a conflict and the
//! panel closing.

mod conflict;
mod form;
mod problems;
mod remove;

use leptos::prelude::*;
use leptos_router::{
    NavigateOptions,
    hooks::{use_location, use_navigate, use_params_map},
};
use xms_m365_contract::{
    Credential, OrganizationId, OrganizationSettings, SettingsView, Worker, WorkerId,
};

use crate::{
    api::ApiClient,
    i18n::{learn_panel_words, msg, t, use_i18n},
    routes::Page,
    state::{Connector, Dashboard, Drafts},
    widgets::{
        ButtonStyle, Confirm, FormWords, Loadable, Modal, ModalBody, ModalTitle, SaveStatus,
        VersionedForm, add_styles, field_words,
    },
};
use conflict::ConflictRows;
use form::{FieldErrors, SettingsForm};
use problems::problems;
use remove::RemoveOrganization;

/// The panel of the organization the address names.
#[component]
pub fn EditPanel() -> impl IntoView {
    learn_panel_words();
    add_styles(style!("edit"));
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

#[component]
fn Panel(id: OrganizationId) -> impl IntoView {
    // The panel's words follow its own copy of the language, which goes when it closes.
    provide_context(use_i18n().scoped());
    let api = expect_context::<ApiClient>();
    let dashboard = expect_context::<Dashboard>();
    let drafts = expect_context::<Drafts<SettingsView>>();
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
    let read = {
        let id = id.clone();
        LocalResource::new(move || {
            let (api, id) = (api.clone(), id.clone());
            async move {
                let (settings, workers) = futures::join!(api.settings(&id), api.workers());
                Ok((settings?, workers?.workers))
            }
        })
    };

    // Closing asks first when there are unsaved changes, which are the organization's draft.
    let asking = RwSignal::new(false);
    let close = {
        let id = id.clone();
        Callback::new(move |()| {
            if drafts.has(&id) {
                asking.set(true);
            } else {
                leave.run();
            }
        })
    };
    let answer = {
        let id = id.clone();
        Callback::new(move |discard: bool| {
            asking.set(false);
            if discard {
                drafts.forget(&id);
                leave.run();
            }
        })
    };

    view! {
        <Modal on_close=close panel=true>
            <ModalTitle title/>
            <ModalBody>
                <Loadable read loading=msg!("edit-loading") let((settings, workers))>
                    <Editor id=id.clone() settings workers close leave/>
                </Loadable>
                <Show when=move || asking.get()>
                    <Confirm
                        question=Signal::derive(move || i18n.say(msg!("edit-discard-question")))
                        yes=msg!("discard-yes")
                        no=msg!("discard-no")
                        on_answer=answer
                    />
                </Show>
            </ModalBody>
        </Modal>
    }
}

/// The loaded settings: the form, its save, and the organization's other actions.
#[component]
fn Editor(
    id: OrganizationId,
    settings: SettingsView,
    workers: Vec<Worker>,
    close: Callback<()>,
    leave: Leave,
) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let i18n = use_i18n();
    let form = {
        let (api, id) = (api.clone(), id.clone());
        VersionedForm::new(id.clone(), settings, move |etag, values| {
            let (api, id) = (api.clone(), id.clone());
            async move { api.save_settings(&id, &etag, &values).await }
        })
    };
    let VersionedForm {
        saved,
        values,
        dirty,
        ..
    } = form;
    // The offline worker the administrator accepted: a new offline choice needs its own.
    let offline_acknowledged = RwSignal::new(None::<WorkerId>);
    let workers = StoredValue::new(workers);

    let problems = Memo::new(move |_| {
        values.with(|v| {
            saved.with(|s| {
                workers.with_value(|w| {
                    let accepted =
                        offline_acknowledged.with(|a| a.as_ref() == Some(&v.default_worker_id));
                    problems(i18n, v, &s.settings, w, accepted)
                })
            })
        })
    });
    // The server's word on a field stands until that field changes.
    let field_error = move |field: &'static str| {
        Signal::derive(move || {
            problems
                .with(|p| p.iter().find(|(f, _)| *f == field).map(|(_, m)| m.clone()))
                .or_else(|| {
                    form.rejected.with(|rejected| {
                        let rejected = rejected.as_ref()?;
                        if values.with(|now| changed(field, &rejected.value, now)) {
                            return None;
                        }
                        rejected
                            .fields
                            .iter()
                            .find(|f| f.field == field)
                            .map(|f| field_words(i18n, f))
                    })
                })
        })
    };
    let save_now = Callback::new(move |()| {
        if dirty.get_untracked() && problems.with_untracked(Vec::is_empty) {
            form.submit();
        }
    });
    let cannot_save = move || form.busy() || !dirty.get() || problems.with(|p| !p.is_empty());
    let words = FormWords {
        saved: msg!("edit-saved"),
        fields: msg!("edit-save-fields"),
        failed: msg!("edit-save-failed"),
        conflict_title: msg!("conflict-title"),
        conflict_text: msg!("conflict-text"),
    };

    view! {
        <Show when=move || form.restored>
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
            <SaveStatus
                form
                words
                retry=save_now
                rows=move |mine, theirs: SettingsView| view! {
                    <ConflictRows mine theirs=theirs.settings workers=workers.get_value()/>
                }
            />
            <div class="m365-settings__actions">
                <button
                    type="submit"
                    class=ButtonStyle::Primary.class()
                    aria-disabled=move || cannot_save().to_string()
                >
                    {move || t!(i18n, "edit-save")}
                </button>
                <button
                    type="button"
                    class=ButtonStyle::Secondary.class()
                    on:click=move |_| close.run(())
                >
                    {move || t!(i18n, "edit-close")}
                </button>
                <Show when=move || !dirty.get() && !form.just_saved()>
                    <span class="m365-status">{move || t!(i18n, "edit-no-changes")}</span>
                </Show>
            </div>
        </form>
        <OtherActions
            id
            credential=Signal::derive(move || saved.with(|s| s.credential.clone()))
            leave
        />
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
fn OtherActions(
    id: OrganizationId,
    credential: Signal<Option<Credential>>,
    leave: Leave,
) -> impl IntoView {
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
    // Which application it signs in with, when it has its own (never the secret).
    let credential_text = move || {
        credential.with(|c| {
            c.as_ref().map(|c| match &c.thumbprint {
                Some(thumbprint) => t!(
                    i18n,
                    "reauthorize-certificate",
                    client_id = c.client_id.as_str(),
                    thumbprint = thumbprint.as_str(),
                    date = i18n.date_time(&c.expires_at)
                ),
                None => t!(
                    i18n,
                    "reauthorize-application",
                    client_id = c.client_id.as_str(),
                    date = i18n.date_time(&c.expires_at)
                ),
            })
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
            <p>{move || credential_text().unwrap_or_else(|| t!(i18n, "reauthorize-text"))}</p>
            <button type="button" class=ButtonStyle::Secondary.class() on:click=reauthorize>
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
