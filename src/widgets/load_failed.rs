//! What the page shows when loading failed: what went wrong, in words, and a way forward.

use leptos::prelude::*;

use super::ButtonStyle;
use crate::{
    api::ApiError,
    i18n::{t, use_i18n},
};

/// An alert with the failure's sentence and a **Retry** button.
#[component]
pub fn LoadFailed(
    /// What went wrong; worded in the active language.
    error: ApiError,
    /// Whether a retry is under way.
    #[prop(into)]
    retrying: Signal<bool>,
    /// Called when the administrator asks to try again.
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    // One copy of the view for every caller's closure: the first load holds two callers.
    alert(error, retrying, Box::new(on_retry))
}

fn alert(error: ApiError, retrying: Signal<bool>, on_retry: Box<dyn Fn()>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="m365-alert" role="alert">
            <p class="m365-alert__message">{move || error.words(i18n)}</p>
            <button
                type="button"
                class=ButtonStyle::Primary.class()
                aria-disabled=move || retrying.get().to_string()
                on:click=move |_| {
                    // Keeps focus on the button while the retry runs, unlike `disabled`.
                    if !retrying.get_untracked() {
                        on_retry();
                    }
                }
            >
                {move || t!(i18n, "load-failed-retry")}
            </button>
            <Show when=move || retrying.get()>
                <p class="m365-status" role="status">{move || t!(i18n, "load-failed-retrying")}</p>
            </Show>
        </div>
    }
}
