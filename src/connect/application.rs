//! The Connect dialog's other way in, for tenants that block the device code or admins who
//! keep their own application: the steps in Microsoft Entra with the permissions to grant,
//! and the form for the tenant, the application (client) id and a client secret or a
//! certificate XMS makes, which XMS checks with Microsoft before it connects anything.

use leptos::{ev, prelude::*, task::spawn_local};
use xms_m365_contract::{
    ApplicationCertificate, ApplicationConnected, FieldError, FieldErrorCode, GRAPH_PERMISSIONS,
    Organization, RegisterApplication,
};

use super::certificate::CertificateSection;
use crate::{
    api::{ApiClient, ApiError},
    i18n::{I18n, MessageId, msg, t, use_i18n},
    widgets::{ButtonStyle, field_message, radio_choice},
};

/// What the application signs in with.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Secret,
    Certificate,
}

/// What the admin typed and chose, kept through every refusal and every change of kind.
#[derive(Clone, Copy)]
struct Typed {
    tenant: RwSignal<String>,
    client_id: RwSignal<String>,
    kind: RwSignal<Kind>,
    client_secret: RwSignal<String>,
    secret_expires_on: RwSignal<String>,
    certificate: RwSignal<Option<ApplicationCertificate>>,
}

/// The steps, the form and its outcome. `target` is the organization being re-authorized, if
/// any; `connected` is told of the organization connected; `device_code` goes back to the
/// device code.
#[component]
pub fn ApplicationForm(
    target: Option<Organization>,
    connected: Callback<ApplicationConnected>,
    device_code: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = expect_context::<ApiClient>();
    let typed = Typed {
        tenant: RwSignal::new(
            target
                .as_ref()
                .map(|o| o.primary_domain.clone())
                .unwrap_or_default(),
        ),
        client_id: RwSignal::new(String::new()),
        // Re-authorizing, the same kind as before, most likely its replacement.
        kind: RwSignal::new(
            if target
                .as_ref()
                .is_some_and(|o| o.certificate_expires_at.is_some())
            {
                Kind::Certificate
            } else {
                Kind::Secret
            },
        ),
        client_secret: RwSignal::new(String::new()),
        secret_expires_on: RwSignal::new(String::new()),
        certificate: RwSignal::new(None),
    };
    let reauthorize = target.as_ref().map(|o| o.id.clone());
    // Re-authorizing, the application is most often the same one: its id, from the settings,
    // is filled in unless the admin typed one first. Without it the field stays to be typed.
    if let Some(id) = reauthorize.clone() {
        let api = api.clone();
        spawn_local(async move {
            // `try_`: the dialog may have closed meanwhile.
            if let Ok(Some(client_id)) = api.application_of(&id).await
                && typed.client_id.try_with_untracked(String::is_empty) == Some(true)
            {
                typed.client_id.try_update(|id| *id = client_id);
            }
        });
    }
    let target_name = target.map(|o| o.name);
    let check = Action::new_unsync_local(move |request: &RegisterApplication| {
        let (api, request) = (api.clone(), request.clone());
        async move {
            let answer = api.register_application(&request).await?;
            connected.run(answer);
            Ok::<(), ApiError>(())
        }
    });
    let busy = check.pending();
    let failure = move || check.value().with(|v| v.clone().and_then(Result::err));
    // What XMS says of each field; anything else (Microsoft unreachable) above the button.
    let fields = Memo::new(move |_| failure().map(|e| e.field_errors()).unwrap_or_default());
    let general = move || failure().filter(|e| e.field_errors().is_empty());
    let on_submit = move |event: ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let (client_secret, secret_expires_on, certificate_id) = match typed.kind.get_untracked() {
            Kind::Secret => (
                typed.client_secret.get_untracked(),
                typed.secret_expires_on.get_untracked(),
                None,
            ),
            // None made yet: XMS says to make one first.
            Kind::Certificate => (
                String::new(),
                String::new(),
                Some(
                    typed
                        .certificate
                        .with_untracked(|c| c.as_ref().map(|c| c.id.clone()).unwrap_or_default()),
                ),
            ),
        };
        check.dispatch_local(RegisterApplication {
            tenant: typed.tenant.get_untracked(),
            client_id: typed.client_id.get_untracked(),
            client_secret,
            secret_expires_on,
            certificate_id,
            reauthorize: reauthorize.clone(),
        });
    };
    let error_of = move |field: &'static str| {
        let target_name = target_name.clone();
        Signal::derive(move || {
            fields.with(|all| {
                all.iter()
                    .find(|e| e.field == field)
                    .map(|e| words(i18n, e, target_name.as_deref()))
            })
        })
    };
    // Signals, which the views that come and go with the kind can copy.
    let certificate_error = error_of("certificate_id");
    let secret_error = error_of("client_secret");
    let expires_error = error_of("secret_expires_on");
    view! {
        <h3 class="m365-connect__headline">{move || t!(i18n, "app-heading")}</h3>
        <p>{move || t!(i18n, "app-intro")}</p>
        <Steps kind=typed.kind/>
        <form class="m365-connect__form" on:submit=on_submit novalidate>
            {field(i18n, Field {
                id: "m365-app-tenant",
                label: msg!("app-tenant"),
                hint: Some(msg!("app-tenant-hint")),
                kind: "text",
                autocomplete: "off",
                value: typed.tenant,
                error: error_of("tenant"),
            })}
            {field(i18n, Field {
                id: "m365-app-client-id",
                label: msg!("app-client-id"),
                hint: None,
                kind: "text",
                autocomplete: "off",
                value: typed.client_id,
                error: error_of("client_id"),
            })}
            {kind_choice(i18n, typed.kind)}
            <Show
                when=move || typed.kind.get() == Kind::Secret
                fallback=move || view! {
                    <CertificateSection
                        certificate=typed.certificate
                        error=certificate_error
                    />
                }
            >
                {field(i18n, Field {
                    id: "m365-app-secret",
                    label: msg!("app-secret"),
                    hint: Some(msg!("app-secret-hint")),
                    kind: "password",
                    // A secret of Microsoft's, not the admin's password: no browser should keep it.
                    autocomplete: "off",
                    value: typed.client_secret,
                    error: secret_error,
                })}
                {field(i18n, Field {
                    id: "m365-app-expires",
                    label: msg!("app-expires"),
                    hint: Some(msg!("app-expires-hint")),
                    kind: "date",
                    autocomplete: "off",
                    value: typed.secret_expires_on,
                    error: expires_error,
                })}
            </Show>
            <Show when=move || !busy.get() && general().is_some()>
                <p class="m365-alert" role="alert">
                    {move || general().map(|error| error.words(i18n))}
                </p>
            </Show>
            <p class="m365-status" role="status">
                {move || if busy.get() { t!(i18n, "app-checking") } else { String::new() }}
            </p>
            <div class="m365-connect__actions">
                <button
                    type="button"
                    class=ButtonStyle::Secondary.class()
                    on:click=move |_| device_code.run(())
                >
                    {move || t!(i18n, "app-use-device-code")}
                </button>
                <button
                    type="submit"
                    class=ButtonStyle::Primary.class()
                    aria-disabled=move || busy.get().to_string()
                >
                    {move || t!(i18n, "app-connect")}
                </button>
            </div>
        </form>
    }
}

/// The choice between a client secret and a certificate.
fn kind_choice(i18n: I18n, kind: RwSignal<Kind>) -> impl IntoView {
    let choice = move |value: Kind, label: MessageId, hint: MessageId| {
        radio_choice(
            "m365-app-kind",
            move || kind.get() == value,
            move || kind.set(value),
            move || i18n.say(label),
            move || i18n.say(hint),
        )
    };
    view! {
        <fieldset class="m365-field">
            <legend class="m365-field__label">{move || t!(i18n, "app-kind")}</legend>
            {choice(Kind::Secret, msg!("app-kind-secret"), msg!("app-kind-secret-hint"))}
            {choice(
                Kind::Certificate,
                msg!("app-kind-certificate"),
                msg!("app-kind-certificate-hint"),
            )}
        </fieldset>
    }
}

/// What to do in Microsoft Entra, with the Graph permissions XMS needs; the credential step
/// follows the `kind` chosen.
#[component]
fn Steps(kind: RwSignal<Kind>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ol class="m365-connect__steps">
            <li>{move || t!(i18n, "app-step-register")}</li>
            <li>
                {move || t!(i18n, "app-step-permissions")}
                <ul class="m365-connect__permissions">
                    {GRAPH_PERMISSIONS
                        .iter()
                        .map(|permission| view! { <li><code>{*permission}</code></li> })
                        .collect_view()}
                </ul>
            </li>
            <li>
                {move || match kind.get() {
                    Kind::Secret => t!(i18n, "app-step-secret"),
                    Kind::Certificate => t!(i18n, "app-step-certificate"),
                }}
            </li>
            <li>{move || t!(i18n, "app-step-ids")}</li>
        </ol>
    }
}

/// One labelled input of the form, with its hint and its error.
struct Field {
    id: &'static str,
    label: MessageId,
    hint: Option<MessageId>,
    kind: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
    error: Signal<Option<String>>,
}

fn field(i18n: I18n, field: Field) -> impl IntoView {
    let Field {
        id,
        label,
        hint,
        kind,
        autocomplete,
        value,
        error,
    } = field;
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = match hint {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    view! {
        <div class="m365-field">
            <label class="m365-field__label" for=id>{move || i18n.say(label)}</label>
            {hint.map(|hint| view! {
                <span id=hint_id class="m365-choice__hint">{move || i18n.say(hint)}</span>
            })}
            <input
                id=id
                type=kind
                class="m365-input"
                autocomplete=autocomplete
                spellcheck="false"
                aria-describedby=described_by
                aria-invalid=move || error.with(Option::is_some).to_string()
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
            />
            {field_message(error_id, error)}
        </div>
    }
}

/// What is wrong with a field, in the active language; XMS's sentence for a code the module
/// does not know. `target` names the organization being re-authorized.
fn words(i18n: I18n, error: &FieldError, target: Option<&str>) -> String {
    use FieldErrorCode::{
        ConsentMissing, Expired, Malformed, NotApplicable, NotFound, NotOffered, PermissionMissing,
        Rejected, Required, TooLong,
    };
    match (error.field.as_str(), error.code) {
        ("tenant", Required) => t!(i18n, "app-tenant-required"),
        ("tenant", Malformed) => t!(i18n, "app-tenant-malformed"),
        ("tenant", NotFound) => t!(i18n, "app-tenant-not-found"),
        ("tenant", NotOffered) => match target {
            Some(name) => t!(i18n, "app-tenant-not-target", name = name.to_owned()),
            None => error.message.clone(),
        },
        ("client_id", Required) => t!(i18n, "app-client-id-required"),
        ("client_id", Malformed) => t!(i18n, "app-client-id-malformed"),
        ("client_id", NotFound) => t!(i18n, "app-client-id-not-found"),
        ("client_id", ConsentMissing) => t!(i18n, "app-consent-missing"),
        ("client_id", PermissionMissing) => t!(i18n, "app-permission-missing"),
        ("client_secret", Required) => t!(i18n, "app-secret-required"),
        ("client_secret", TooLong) => t!(i18n, "app-secret-too-long"),
        ("client_secret", Rejected) => t!(i18n, "app-secret-rejected"),
        ("client_secret", Expired) => t!(i18n, "app-secret-expired"),
        ("secret_expires_on", Malformed) => t!(i18n, "app-expires-malformed"),
        ("secret_expires_on", Expired) => t!(i18n, "app-expires-passed"),
        ("certificate_id", NotApplicable) => t!(i18n, "app-certificate-none"),
        ("certificate_id", NotFound) => t!(i18n, "app-certificate-gone"),
        ("certificate_id", Rejected) => t!(i18n, "app-certificate-rejected"),
        _ => error.message.clone(),
    }
}
