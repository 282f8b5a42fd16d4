//! The module's confirmation: an alert dialog asking one question before something that
//! cannot be undone ("Discard your unsaved changes?"), over whatever view asked it, a modal
//! dialog included. The safe answer has the focus, Escape gives it, Tab stays between the two
//! answers, and the focus goes back where it was when the question goes.

use leptos::{ev, html, prelude::*};

use super::ButtonStyle;
use super::modal::{active_element, hold_focus};
use crate::i18n::{MessageId, use_i18n};

/// A question with two answers; shown while it is in the view.
#[component]
pub fn Confirm(
    /// The question, in the active language: the dialog's accessible name.
    #[prop(into)]
    question: Signal<String>,
    /// The answer that goes ahead, such as "Discard changes".
    yes: MessageId,
    /// The answer that leaves everything as it is, such as "Keep editing".
    no: MessageId,
    /// Called with the person's answer.
    on_answer: Callback<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let safe = NodeRef::<html::Button>::new();
    let go_ahead = NodeRef::<html::Button>::new();
    hold_focus(move || safe.get().map(Into::into), || None);
    // Handled on the dialog and marked done, so that a modal dialog under it does not act too.
    let keys = move |event: ev::KeyboardEvent| match event.key().as_str() {
        "Escape" => {
            event.prevent_default();
            on_answer.run(false);
        }
        "Tab" => {
            event.prevent_default();
            let other = if safe
                .get_untracked()
                .is_some_and(|button| active_element(&button).as_deref() == Some(&*button))
            {
                go_ahead
            } else {
                safe
            };
            if let Some(button) = other.get_untracked() {
                let _ = button.focus();
            }
        }
        _ => {}
    };
    view! {
        // A press on the backdrop keeps the focus in the question.
        <div class="m365-modal__backdrop m365-confirm__backdrop" on:mousedown=|event| event.prevent_default()>
            <div
                class="m365-modal m365-confirm"
                role="alertdialog"
                aria-modal="true"
                aria-labelledby="m365-confirm-question"
                on:keydown=keys
            >
                <p id="m365-confirm-question" class="m365-confirm__question">
                    {move || question.get()}
                </p>
                <div class="m365-settings__inline">
                    <button
                        type="button"
                        class=ButtonStyle::Danger.class()
                        node_ref=go_ahead
                        on:click=move |_| on_answer.run(true)
                    >
                        {move || i18n.say(yes)}
                    </button>
                    <button
                        type="button"
                        class=ButtonStyle::Secondary.class()
                        node_ref=safe
                        on:click=move |_| on_answer.run(false)
                    >
                        {move || i18n.say(no)}
                    </button>
                </div>
            </div>
        </div>
    }
}
