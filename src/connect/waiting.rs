//! The waiting view of the Connect dialog: the app authentication code with its Copy button,
//! **Copy the code and log in to Microsoft 365**, where alone the code may be entered, and how
//! long it stays valid.

use leptos::{html, prelude::*};
use leptos_use::{UseClipboardReturn, use_clipboard, use_interval_fn};
use xms_m365_contract::Connection;

use crate::{
    i18n::{t, use_i18n},
    widgets::ButtonStyle,
};

/// The code to copy, the sign-in link, and the countdown.
#[component]
pub fn Waiting(
    /// The attempt, as XMS last described it.
    connection: Connection,
    /// XMS could not be reached on the last check.
    reconnecting: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = connection.user_code.clone();
    let expires_at = js_sys::Date::parse(&connection.expires_at);
    // One clipboard for the Copy button and the sign-in link, so that "Copied" says both.
    let UseClipboardReturn {
        is_supported,
        copied,
        copy,
        ..
    } = use_clipboard();
    let clipboard = Clipboard {
        is_supported,
        copied,
        copy: Callback::new(move |text: String| copy(&text)),
    };
    view! {
        <ol class="m365-connect__steps">
            <li>
                <p>{move || t!(i18n, "connect-step-copy")}</p>
                <CodeToCopy code=code.clone() clipboard/>
            </li>
            <li>
                <p>{move || t!(i18n, "connect-step-sign-in")}</p>
                <SignInLink uri=connection.verification_uri code clipboard/>
            </li>
        </ol>
        <p class="m365-connect__waiting" role="status">
            {move || if reconnecting {
                t!(i18n, "connect-reconnecting")
            } else {
                t!(i18n, "connect-waiting")
            }}
        </p>
        <Countdown expires_at/>
    }
}

/// The browser's clipboard, as the waiting view's controls share it.
#[derive(Clone, Copy)]
struct Clipboard {
    /// Whether the Clipboard API is there (not on plain http at a LAN address).
    is_supported: Signal<bool>,
    /// True for a moment after a copy.
    copied: Signal<bool>,
    /// Copies a text.
    copy: Callback<String>,
}

/// The code, large, with a Copy button (or, where the Clipboard API is unavailable, the code
/// selected and a hint to press Ctrl+C).
#[component]
fn CodeToCopy(code: String, clipboard: Clipboard) -> impl IntoView {
    let Clipboard {
        is_supported,
        copied,
        copy,
    } = clipboard;
    let i18n = use_i18n();
    let code_element = NodeRef::<html::Output>::new();
    let (manual, set_manual) = signal(false);
    let value = code.clone();
    let on_copy = move |_| {
        if is_supported.get_untracked() {
            copy.run(value.clone());
        } else {
            // Plain http on a LAN address has no Clipboard API: select the code instead.
            if let (Some(element), Some(selection)) = (
                code_element.get_untracked(),
                window().get_selection().ok().flatten(),
            ) {
                let _ = selection.select_all_children(&element);
            }
            set_manual.set(true);
        }
    };
    view! {
        <div class="m365-code">
            <output
                class="m365-code__value"
                aria-label=move || t!(i18n, "connect-code-label")
                node_ref=code_element
            >
                {code}
            </output>
            <button type="button" class=ButtonStyle::Primary.class() on:click=on_copy>
                {move || t!(i18n, "connect-copy")}
            </button>
            <span class="m365-code__copied" role="status">
                {move || {
                    if copied.get() {
                        t!(i18n, "connect-copied")
                    } else if manual.get() {
                        t!(i18n, "connect-copy-manually")
                    } else {
                        String::new()
                    }
                }}
            </span>
        </div>
    }
}

/// Whether the module may open `uri` for signing in: an https URL, or this page's own origin
/// (XMS's development authority). Anything else could send the administrator's credentials
/// somewhere unsafe.
pub fn is_allowed_sign_in_uri(uri: &str, page_origin: &str) -> bool {
    match web_sys::Url::new(uri) {
        Ok(url) => url.protocol() == "https:" || url.origin() == page_origin,
        Err(_) => false,
    }
}

/// **Copy the code and log in to Microsoft 365**, copying the code as it opens the sign-in
/// page in a new tab, and the one address the code may be entered at; or the reason it is not
/// offered.
#[component]
fn SignInLink(uri: String, code: String, clipboard: Clipboard) -> impl IntoView {
    let i18n = use_i18n();
    let origin = window().location().origin().unwrap_or_default();
    if is_allowed_sign_in_uri(&uri, &origin) {
        // The link opens the page itself, which no popup blocker stops; where there is no
        // Clipboard API the code is still shown, to be typed.
        let on_click = move |_| {
            if clipboard.is_supported.get_untracked() {
                clipboard.copy.run(code.clone());
            }
        };
        let shown = uri.clone();
        view! {
            <a
                class=ButtonStyle::Primary.class()
                href=uri
                target="_blank"
                rel="noopener noreferrer"
                on:click=on_click
            >
                {move || t!(i18n, "connect-log-in")}
            </a>
            <p class="m365-connect__only-there">
                {move || t!(i18n, "connect-only-there", uri = shown.clone())}
            </p>
        }
        .into_any()
    } else {
        view! {
            <p class="m365-alert" role="alert">
                {move || t!(i18n, "connect-unsafe-uri", uri = uri.clone())}
            </p>
        }
        .into_any()
    }
}

/// How long the code stays valid, counting down each second.
#[component]
fn Countdown(
    /// When the code expires, milliseconds since the epoch.
    expires_at: f64,
) -> impl IntoView {
    let i18n = use_i18n();
    let (now, set_now) = signal(js_sys::Date::now());
    // Stopped when the countdown goes.
    use_interval_fn(move || set_now.set(js_sys::Date::now()), 1000);
    let remaining = move || {
        // Whole seconds left; NaN (an unreadable expiry) shows as expired.
        let seconds = ((expires_at - now.get()) / 1000.0).ceil().max(0.0);
        seconds as u64
    };
    view! {
        // A timer is not announced each second; the status line says what matters.
        <p class="m365-connect__countdown" role="timer">
            {move || match remaining() {
                0 => t!(i18n, "connect-code-expired"),
                // A digital clock (m:ss) reads the same in every language the module speaks;
                // Intl.DurationFormat, which could write it, is missing from browsers still in use.
                left => t!(i18n, "connect-code-valid", time = format!("{}:{:02}", left / 60, left % 60)),
            }}
        </p>
    }
}
