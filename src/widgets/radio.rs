//! A radio button with its label and a hint under it: the shape of every either-or in the
//! module's forms, so that each is labelled and described alike.

use leptos::prelude::*;

/// One option of the radio group `name`, `checked` while it is the one chosen; choosing it
/// calls `pick`.
pub fn radio_choice(
    name: &'static str,
    checked: impl Fn() -> bool + Send + Sync + 'static,
    pick: impl Fn() + 'static,
    label: impl IntoView + 'static,
    hint: impl IntoView + 'static,
) -> impl IntoView {
    view! {
        <label class="m365-choice">
            <input type="radio" name=name prop:checked=checked on:change=move |_| pick()/>
            <span>
                <span class="m365-choice__label">{label}</span>
                <span class="m365-choice__hint">{hint}</span>
            </span>
        </label>
    }
}
