//! What the page shows when loading failed: what went wrong, in words, and a way forward.

use leptos::prelude::*;

/// An alert with the failure's sentence and a **Retry** button.
#[component]
pub fn LoadFailed(
    /// What went wrong, worded for the administrator.
    #[prop(into)]
    message: String,
    /// Whether a retry is under way.
    #[prop(into)]
    retrying: Signal<bool>,
    /// Called when the administrator asks to try again.
    on_retry: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <div class="m365-alert" role="alert">
            <p class="m365-alert__message">{message}</p>
            <button
                type="button"
                class="m365-button"
                aria-disabled=move || retrying.get().to_string()
                on:click=move |_| {
                    // Keeps focus on the button while the retry runs, unlike `disabled`.
                    if !retrying.get_untracked() {
                        on_retry();
                    }
                }
            >
                "Retry"
            </button>
            <Show when=move || retrying.get()>
                <p class="m365-status" role="status">"Retrying…"</p>
            </Show>
        </div>
    }
}
