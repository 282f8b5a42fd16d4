//! Connecting a Microsoft 365 organization: the **Connect** button and its dialog, which runs
//! Xopero's device-code sign-in (copy the code, log in to Microsoft 365, confirm Xopero
//! Registrator) or takes an application the administrator registered, and shows how it ended.

mod application;
mod certificate;
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

use xms_m365_contract::{ApplicationConnected, Organization, StartConnection};

use crate::{
    api::{ApiClient, ApiError},
    chunks::{NotFetched, fetched, fetched_view, split},
    i18n::{I18n, MessageId, learn_connect_words, msg, t, use_i18n},
    routes::{BasePath, Page},
    state::{Connector, Dashboard},
    widgets::{ButtonStyle, Modal, ModalBody, ModalTitle, add_styles},
};
use application::ApplicationForm;
use flow::{Failure, Phase};
use waiting::Waiting;

/// **Connect**, and the dialog it opens (also for re-authorizing, through the [`Connector`]).
/// An organization connected, or the first backup started from the dialog, shows on the
/// [`Dashboard`] at once. The dialog's code is a chunk of its own, fetched when the browser is
/// idle or the dialog opens, and so are its words (`connect.ftl`): the button's own are the
/// first load's (`organizations.ftl`).
#[component]
pub fn ConnectButton() -> impl IntoView {
    let connector = expect_context::<Connector>();
    let button = NodeRef::<html::Button>::new();
    // `None` while closed; `Some(None)` when connecting a new organization, `Some(Some(o))`
    // when re-authorizing `o`. A new opening starts a new dialog, with a new attempt.
    let opened = RwSignal::new(None::<Option<Organization>>);
    connector.open_with(Callback::new(move |o| opened.set(Some(Some(o)))));
    let on_close = Callback::new(move |()| opened.set(None));
    let i18n = use_i18n();

    view! {
        <button
            type="button"
            class=ButtonStyle::Primary.class()
            node_ref=button
            on:click=move |_| opened.set(Some(None))
        >
            {move || t!(i18n, "connect-button")}
        </button>
        {move || {
            opened
                .get()
                .map(|target| {
                    let dialog = Dialog {
                        target,
                        return_focus: button,
                        on_close,
                    };
                    fetched_view(move || {
                        let dialog = dialog.clone();
                        Box::pin(async move { fetched!(connect_dialog(dialog)) })
                    })
                })
        }}
    }
}

/// What the Connect dialog is opened with.
#[derive(Clone)]
pub struct Dialog {
    target: Option<Organization>,
    return_focus: NodeRef<html::Button>,
    on_close: Callback<()>,
}

split!(
    connect_dialog,
    preload_connect_dialog,
    /// The Connect dialog: a chunk that a first load does not fetch. Visible to the module's
    /// root, which fetches it ahead (through its `preload`).
    pub(crate) fn connect_dialog(dialog: Dialog) -> Result<AnyView, NotFetched> {
        Ok(view! { <ConnectDialog dialog/> }.into_any())
    }
);

/// The dialog, which starts an attempt when it opens and cancels a waiting one when it closes.
#[component]
fn ConnectDialog(dialog: Dialog) -> impl IntoView {
    learn_connect_words();
    add_styles(style!("connect"));
    let Dialog {
        target,
        return_focus,
        on_close,
    } = dialog;
    let api = expect_context::<ApiClient>();
    let dashboard = expect_context::<Dashboard>();
    let (phase, set_phase) = signal(Phase::Starting);
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

    let stop = {
        let api = api.clone();
        // Stopping twice (closing, then the dialog going) stops once.
        Callback::new(move |()| {
            let Some(handle) = task.try_update_value(Option::take).flatten() else {
                return;
            };
            handle.abort();
            // An attempt still waiting is cancelled, so its code can no longer connect.
            if let Some(Phase::Waiting { connection, .. }) = phase.try_get_untracked() {
                let api = api.clone();
                spawn_local(async move {
                    let _ = api.cancel_connection(&connection.id).await;
                });
            }
        })
    };
    let reauthorize = target.as_ref().map(|o| o.id.clone());
    let start = Callback::new(move |()| {
        stop.run(());
        set_phase.set(Phase::Starting);
        let (sender, woken) = mpsc::unbounded();
        wake.set_value(Some(sender));
        let (handle, registration) = AbortHandle::new_pair();
        task.set_value(Some(handle));
        let hidden = move || visibility.try_get_untracked() == Some(VisibilityState::Hidden);
        let start = StartConnection {
            reauthorize: reauthorize.clone(),
        };
        // The organization connected shows on the dashboard at once.
        let connected = move |organization: &Organization| dashboard.upsert(organization.clone());
        let run = flow::run(api.clone(), start, set_phase, connected, woken, hidden);
        spawn_local(async move {
            let _ = Abortable::new(run, registration).await;
        });
    });
    let close = Callback::new(move |()| {
        stop.run(());
        on_close.run(());
    });
    on_cleanup(move || stop.run(()));
    // An organization that signs in with its own application is re-authorized by entering it
    // again (a new secret or certificate, most often); any other starts with a code.
    if target
        .as_ref()
        .is_some_and(|o| o.secret_expires_at.is_some() || o.certificate_expires_at.is_some())
    {
        set_phase.set(Phase::Application);
    } else {
        start.run(());
    }
    // The other way in: the attempt's code must no longer connect anything.
    let register = Callback::new(move |()| {
        stop.run(());
        set_phase.set(Phase::Application);
    });
    let connected = Callback::new(move |answer: ApplicationConnected| {
        dashboard.upsert(answer.organization.clone());
        set_phase.set(Phase::Connected {
            organization: Box::new(answer.organization),
            already_connected: answer.already_connected,
        });
    });
    let ways = Ways {
        target: target.clone(),
        again: start,
        register,
        connected,
        close,
    };

    let i18n = use_i18n();
    let title = move || match &target {
        Some(organization) => t!(
            i18n,
            "connect-reauthorize-title",
            name = organization.name.clone()
        ),
        None => t!(i18n, "connect-title"),
    };
    view! {
        <Modal return_focus on_close=close>
            <ModalTitle title=Signal::derive(title)/>
            <ModalBody>
                // The dialog's own copy of the language (see `I18n::scoped`).
                {move || phase_view(use_i18n(), phase.get(), ways.clone())}
            </ModalBody>
        </Modal>
    }
}

/// Where the dialog's views can lead.
#[derive(Clone)]
struct Ways {
    /// The organization being re-authorized, if any.
    target: Option<Organization>,
    /// Starts a new device-code attempt.
    again: Callback<()>,
    /// Opens the form for an application the administrator registered.
    register: Callback<()>,
    /// Shows an organization connected through its application.
    connected: Callback<ApplicationConnected>,
    /// Closes the dialog.
    close: Callback<()>,
}

/// A button that starts a new attempt.
fn again_button(i18n: I18n, label: MessageId, again: Callback<()>) -> impl IntoView {
    view! {
        <div class="m365-connect__actions">
            <button type="button" class=ButtonStyle::Primary.class() on:click=move |_| again.run(())>
                {move || i18n.say(label)}
            </button>
        </div>
    }
}

/// The button that opens the application form, in `style`.
fn register_button(i18n: I18n, style: ButtonStyle, register: Callback<()>) -> impl IntoView {
    view! {
        <button type="button" class=style.class() on:click=move |_| register.run(())>
            {move || t!(i18n, "connect-register-app")}
        </button>
    }
}

/// The dialog's content for `phase`, whose controls lead on by `ways`.
fn phase_view(i18n: I18n, phase: Phase, ways: Ways) -> AnyView {
    let Ways {
        target,
        again,
        register,
        connected,
        close,
    } = ways;
    match phase {
        Phase::Starting => view! {
            <p class="m365-status" role="status">{move || t!(i18n, "connect-starting")}</p>
        }
        .into_any(),
        Phase::StartFailed(error) => view! {
            <p class="m365-alert" role="alert">{move || error.words(i18n)}</p>
            {again_button(i18n, msg!("connect-try-again"), again)}
        }
        .into_any(),
        Phase::Waiting {
            connection,
            reconnecting,
        } => view! {
            <Waiting connection reconnecting/>
            <div class="m365-connect__other-way">
                <p>{move || t!(i18n, "connect-other-way")}</p>
                {register_button(i18n, ButtonStyle::Secondary, register)}
            </div>
        }
        .into_any(),
        Phase::Connected {
            organization,
            already_connected,
        } => {
            let (name, domain) = (
                organization.name.clone(),
                organization.primary_domain.clone(),
            );
            let summary = move || {
                let (name, domain) = (name.as_str(), domain.as_str());
                if already_connected {
                    t!(i18n, "connect-renewed", name = name, domain = domain)
                } else {
                    t!(i18n, "connect-added", name = name, domain = domain)
                }
            };
            view! {
                <div class="m365-connect__done" role="status">
                    <h3 class="m365-connect__headline">{move || t!(i18n, "connect-connected")}</h3>
                    <p>{summary}</p>
                </div>
                <FirstBackup organization=*organization close/>
            }
            .into_any()
        }
        Phase::Expired => view! {
            <p class="m365-alert" role="alert">{move || t!(i18n, "connect-expired")}</p>
            {again_button(i18n, msg!("connect-new-code"), again)}
        }
        .into_any(),
        Phase::Declined => view! {
            <p class="m365-alert" role="alert">{move || t!(i18n, "connect-declined")}</p>
            {again_button(i18n, msg!("connect-try-again"), again)}
        }
        .into_any(),
        Phase::Failed(Failure::DeviceCodeBlocked) => view! {
            <p class="m365-alert" role="alert">
                {move || Failure::DeviceCodeBlocked.words(i18n)}
            </p>
            <div class="m365-connect__actions">
                <button
                    type="button"
                    class=ButtonStyle::Secondary.class()
                    on:click=move |_| again.run(())
                >
                    {move || t!(i18n, "connect-try-again")}
                </button>
                {register_button(i18n, ButtonStyle::Primary, register)}
            </div>
        }
        .into_any(),
        Phase::Failed(failure) => view! {
            <p class="m365-alert" role="alert">{move || failure.words(i18n)}</p>
            {again_button(i18n, msg!("connect-try-again"), again)}
        }
        .into_any(),
        Phase::Application => {
            view! { <ApplicationForm target connected device_code=again/> }.into_any()
        }
    }
}

/// The success view's actions: **Run backup** starts the new organization's first backup
/// (its tile shows it once the dialog closes), **Done** just closes.
#[component]
fn FirstBackup(organization: Organization, close: Callback<()>) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let dashboard = expect_context::<Dashboard>();
    let i18n = use_i18n();
    let policy_href = expect_context::<BasePath>().href(&Page::Policy(organization.id.clone()));
    // Starting it: the button waits on the action; a failure stays until the next try.
    let start = Action::new_unsync_local(move |()| {
        let (api, id) = (api.clone(), organization.id.clone());
        async move {
            let job = api.start_backup(&id).await?;
            dashboard.job_changed(job);
            close.run(());
            Ok::<(), ApiError>(())
        }
    });
    let busy = start.pending();
    let error = move || {
        start
            .value()
            .with(|outcome| outcome.clone().and_then(Result::err))
    };
    let run = move |_| {
        if !busy.get_untracked() {
            start.dispatch_local(());
        }
    };
    view! {
        <p>{move || t!(i18n, "connect-first-backup")}</p>
        <Show when=move || !busy.get() && error().is_some()>
            <p class="m365-alert" role="alert">
                {move || error().map(|error| error.words(i18n))}
            </p>
        </Show>
        <div class="m365-connect__actions">
            <button
                type="button"
                class=ButtonStyle::Primary.class()
                aria-disabled=move || busy.get().to_string()
                on:click=run
            >
                {move || {
                    if busy.get() {
                        t!(i18n, "connect-starting-backup")
                    } else {
                        t!(i18n, "tile-run-backup")
                    }
                }}
            </button>
            <A
                href=policy_href
                attr:class=ButtonStyle::Secondary.class()
                on:click=move |_| close.run(())
            >
                {move || t!(i18n, "tile-custom-policy")}
            </A>
            <button
                type="button"
                class=ButtonStyle::Secondary.class()
                on:click=move |_| close.run(())
            >
                {move || t!(i18n, "connect-done")}
            </button>
        </div>
    }
}
