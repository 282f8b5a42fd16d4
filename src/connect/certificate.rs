//! The certificate way of the application form: XMS makes the key pair and the certificate,
//! the module offers the certificate as a file to upload to the application in Entra and
//! shows its thumbprint, which Entra lists once it is uploaded, to compare.

use leptos::prelude::*;
use xms_m365_contract::ApplicationCertificate;

use crate::{
    api::{ApiClient, ApiError},
    i18n::{t, use_i18n},
    widgets::{ButtonStyle, field_message},
};

/// The file name the certificate downloads as (Entra's upload takes `.pem`).
const FILE_NAME: &str = "xopero-one-xms.pem";

/// The id of the element that says what is wrong with the certificate.
pub const ERROR_ID: &str = "m365-app-certificate-error";

/// The button that makes a certificate, what XMS made, and `error` (XMS's word on it).
#[component]
pub fn CertificateSection(
    certificate: RwSignal<Option<ApplicationCertificate>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let api = expect_context::<ApiClient>();
    let make = Action::new_unsync_local(move |_: &()| {
        let api = api.clone();
        async move {
            let made = api.make_certificate().await?;
            certificate.set(Some(made));
            Ok::<(), ApiError>(())
        }
    });
    let busy = make.pending();
    let failure = move || make.value().with(|v| v.clone().and_then(Result::err));
    let made = move || {
        certificate.get().map(|made| {
            // A data URL: the PEM is ASCII, and a download needs no request a host must allow.
            let href = format!(
                "data:application/x-pem-file;charset=utf-8,{}",
                js_sys::encode_uri_component(&made.pem)
            );
            view! {
                <p>
                    {t!(
                        i18n,
                        "app-certificate-made",
                        thumbprint = made.thumbprint.as_str(),
                        date = i18n.date_time(&made.expires_at)
                    )}
                </p>
                <p>
                    <a href=href download=FILE_NAME>{t!(i18n, "app-certificate-download")}</a>
                </p>
            }
        })
    };
    view! {
        <div class="m365-field">
            {made}
            <button
                type="button"
                class=ButtonStyle::Secondary.class()
                aria-disabled=move || busy.get().to_string()
                aria-describedby=ERROR_ID
                on:click=move |_| {
                    if !busy.get_untracked() {
                        make.dispatch_local(());
                    }
                }
            >
                {move || if certificate.with(Option::is_some) {
                    t!(i18n, "app-certificate-again")
                } else {
                    t!(i18n, "app-certificate-make")
                }}
            </button>
            <p class="m365-status" role="status">
                {move || if busy.get() { t!(i18n, "app-certificate-making") } else { String::new() }}
            </p>
            <Show when=move || !busy.get() && failure().is_some()>
                <p class="m365-alert" role="alert">
                    {move || failure().map(|error| error.words(i18n))}
                </p>
            </Show>
            {field_message(ERROR_ID, error)}
        </div>
    }
}
