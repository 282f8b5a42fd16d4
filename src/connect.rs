//! Connecting a Microsoft 365 organization: the **Connect** button and its dialog, which runs
//! Xopero's device-code sign-in (copy the code, log in to Microsoft 365, confirm Xopero
//! Registrator) and shows how it ended.

mod flow;
mod waiting;

pub use waiting::is_allowed_sign_in_uri;

use futures::{
    channel::mpsc,
    future::{AbortHandle, Abortable},
};
use leptos::{html, prelude::*, task::spawn_local};
use leptos_router::components::A;
use leptos_use::use_document_visibility;
use web_sys::VisibilityState;

use xms_m365_contract::{Job, Organization, StartConnection};

use crate::{api::ApiClient, dialog::Modal};
use flow::Phase;
use waiting::Waiting;

/// Opens the Connect dialog from elsewhere in the module: the Edit panel's **Re-authorize**.
#[derive(Debug, Clone, Copy)]
pub struct Connector {
    open: StoredValue<Option<Callback<Organization>>>,
}

impl Default for Connector {
    fn default() -> Self {
        Self {
            open: StoredValue::new(None),
        }
    }
}

impl Connector {
    /// Runs the sign-in again for `organization`, to renew XMS's authorization.
    pub fn reauthorize(&self, organization: Organization) {
        if let Some(open) = self.open.try_get_value().flatten() {
            open.run(organization);
        }
    }
}

/// **Connect**, and the dialog it opens (also for re-authorizing, through [`Connector`]).
#[component]
pub fn ConnectButton(
    /// Lets other parts of the page open the dialog.
    connector: Connector,
    /// Called once an organization has been connected, so the dashboard can show it.
    #[prop(into)]
    on_connected: Callback<Organization>,
    /// Called when the administrator started the new organization's first backup from the
    /// dialog, so its tile can show it.
    #[prop(into)]
    on_backup_started: Callback<Job>,
) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let button = NodeRef::<html::Button>::new();
    let (open, set_open) = signal(false);
    let (phase, set_phase) = signal(Phase::Starting);
    // The organization being re-authorized, or `None` when connecting a new one.
    let target = RwSignal::new(None::<Organization>);
    let task = StoredValue::new(None::<AbortHandle>);
    let wake = StoredValue::new(None::<mpsc::UnboundedSender<()>>);
    let visibility = use_document_visibility();

    // When the page shows again after being hidden, the attempt is checked at once.
    Effect::new(move |previous: Option<VisibilityState>| {
        let now = visibility.get();
        if previous == Some(VisibilityState::Hidden) && now == VisibilityState::Visible {
            wake.with_value(|sender| {
                if let Some(sender) = sender {
                    let _ = sender.unbounded_send(());
                }
            });
        }
        now
    });

    Effect::new(move |_| {
        if let Phase::Connected { organization, .. } = phase.get() {
            on_connected.run(*organization);
        }
    });

    let stop = {
        let api = api.clone();
        Callback::new(move |()| {
            if let Some(handle) = task.try_update_value(Option::take).flatten() {
                handle.abort();
            }
            // An attempt still waiting is cancelled, so its code can no longer connect.
            if let Some(Phase::Waiting { connection, .. }) = phase.try_get_untracked() {
                let api = api.clone();
                spawn_local(async move {
                    let _ = api.cancel_connection(&connection.id).await;
                });
            }
        })
    };
    let start = Callback::new(move |()| {
        stop.run(());
        let (sender, woken) = mpsc::unbounded();
        wake.set_value(Some(sender));
        let (handle, registration) = AbortHandle::new_pair();
        task.set_value(Some(handle));
        let hidden = move || visibility.try_get_untracked() == Some(VisibilityState::Hidden);
        let start = StartConnection {
            reauthorize: target.with_untracked(|t| t.as_ref().map(|o| o.id.clone())),
        };
        let run = flow::run(api.clone(), start, set_phase, woken, hidden);
        spawn_local(async move {
            let _ = Abortable::new(run, registration).await;
        });
    });
    let close = Callback::new(move |()| {
        stop.run(());
        set_open.set(false);
    });
    on_cleanup(move || stop.run(()));

    let open_for = move |organization: Option<Organization>| {
        target.set(organization);
        set_phase.set(Phase::Starting);
        set_open.set(true);
        start.run(());
    };
    connector
        .open
        .set_value(Some(Callback::new(move |o| open_for(Some(o)))));
    let title = move || match target.get_untracked() {
        Some(organization) => format!("Re-authorize {}", organization.name),
        None => "Connect a Microsoft 365 organization".to_owned(),
    };

    view! {
        <button type="button" class="m365-button" node_ref=button on:click=move |_| open_for(None)>
            "Connect"
        </button>
        <Show when=move || open.get()>
            <Modal title=title() return_focus=button on_close=close>
                {move || phase_view(phase.get(), start, close, on_backup_started)}
            </Modal>
        </Show>
    }
}

/// A button that starts a new attempt.
fn again_button(label: &'static str, again: Callback<()>) -> impl IntoView {
    view! {
        <div class="m365-connect__actions">
            <button type="button" class="m365-button" on:click=move |_| again.run(())>{label}</button>
        </div>
    }
}

/// The dialog's content for `phase`; `again` starts a new attempt, `close` closes.
fn phase_view(
    phase: Phase,
    again: Callback<()>,
    close: Callback<()>,
    on_backup_started: Callback<Job>,
) -> AnyView {
    match phase {
        Phase::Starting => view! {
            <p class="m365-status" role="status">"Getting an app authentication code from Microsoft…"</p>
        }
        .into_any(),
        Phase::StartFailed(message) => view! {
            <p class="m365-alert" role="alert">{message}</p>
            {again_button("Try again", again)}
        }
        .into_any(),
        Phase::Waiting {
            connection,
            reconnecting,
        } => view! { <Waiting connection reconnecting/> }.into_any(),
        Phase::Connected {
            organization,
            already_connected,
        } => {
            let summary = if already_connected {
                format!(
                    "{} ({}) was already connected: its authorization and details have been renewed.",
                    organization.name, organization.primary_domain
                )
            } else {
                format!(
                    "{} ({}) has been added to XMS.",
                    organization.name, organization.primary_domain
                )
            };
            view! {
                <div class="m365-connect__done" role="status">
                    <p class="m365-connect__headline">"Organization connected"</p>
                    <p>{summary}</p>
                </div>
                <FirstBackup organization=*organization close on_backup_started/>
            }
            .into_any()
        }
        Phase::Expired => view! {
            <p class="m365-alert" role="alert">
                "The code has expired before anyone signed in with it. Get a new code to try again."
            </p>
            {again_button("Get a new code", again)}
        }
        .into_any(),
        Phase::Declined => view! {
            <p class="m365-alert" role="alert">
                "The sign-in was cancelled on the Microsoft 365 page, so no organization was connected."
            </p>
            {again_button("Try again", again)}
        }
        .into_any(),
        Phase::Failed(message) => view! {
            <p class="m365-alert" role="alert">{message}</p>
            {again_button("Try again", again)}
        }
        .into_any(),
    }
}

/// The success view's actions: **Run backup** starts the new organization's first backup
/// (its tile shows it once the dialog closes), **Done** just closes.
#[component]
fn FirstBackup(
    organization: Organization,
    close: Callback<()>,
    on_backup_started: Callback<Job>,
) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let (busy, set_busy) = signal(false);
    let (error, set_error) = signal(None::<String>);
    let policy_href = format!("organizations/{}/policy", organization.id.0);
    let run = move |_| {
        if busy.get_untracked() {
            return;
        }
        set_busy.set(true);
        set_error.set(None);
        let api = api.clone();
        let id = organization.id.clone();
        spawn_local(async move {
            match api.start_backup(&id).await {
                Ok(job) => {
                    on_backup_started.run(job);
                    close.run(());
                }
                Err(failure) => {
                    set_error.try_set(Some(failure.to_string()));
                    set_busy.try_set(false);
                }
            }
        });
    };
    view! {
        <p>
            "Back it up now, or adjust its backup policy first; otherwise its schedule runs the first backup tonight."
        </p>
        <Show when=move || error.with(Option::is_some)>
            <p class="m365-alert" role="alert">{move || error.get()}</p>
        </Show>
        <div class="m365-connect__actions">
            <button
                type="button"
                class="m365-button"
                aria-disabled=move || busy.get().to_string()
                on:click=run
            >
                {move || if busy.get() { "Starting backup…" } else { "Run backup" }}
            </button>
            <A
                href=policy_href
                attr:class="m365-button m365-button--secondary"
                on:click=move |_| close.run(())
            >
                "Custom policy"
            </A>
            <button
                type="button"
                class="m365-button m365-button--secondary"
                on:click=move |_| close.run(())
            >
                "Done"
            </button>
        </div>
    }
}
