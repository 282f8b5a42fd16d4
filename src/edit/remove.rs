//! **Remove organization**: says what happens to the organization's backups, asks for its
//! name to be typed, then removes it and its tile.

use leptos::{html, prelude::*};
use xms_m365_contract::{OrganizationId, PolicyView, SettingsView};

use super::Leave;
use crate::{
    api::ApiClient,
    i18n::{t, use_i18n},
    state::{Announcer, Dashboard, Drafts},
    widgets::ButtonStyle,
};

/// The removal section of the panel.
#[component]
pub fn RemoveOrganization(id: OrganizationId, name: Signal<String>, leave: Leave) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let dashboard = expect_context::<Dashboard>();
    let drafts = expect_context::<Drafts<SettingsView>>();
    let policy_drafts = expect_context::<Drafts<PolicyView>>();
    let announcer = expect_context::<Announcer>();
    let i18n = use_i18n();
    let (confirming, set_confirming) = signal(false);
    let typed = RwSignal::new(String::new());
    let input = NodeRef::<html::Input>::new();
    let matches = move || typed.with(|t| t.trim() == name.get());

    // The confirmation's field gets the keyboard when it appears.
    Effect::new(move |_| {
        if let Some(input) = input.get() {
            let _ = input.focus();
        }
    });
    // Removing: the action's pending state holds the button, its failure is said with the name
    // as it was when asked.
    let removal = Action::new_unsync_local(move |name: &String| {
        let (api, id, name) = (api.clone(), id.clone(), name.clone());
        async move {
            match api.remove_organization(&id).await {
                Ok(()) => {
                    drafts.forget(&id);
                    policy_drafts.forget(&id);
                    dashboard.remove(&id);
                    announcer.say(t!(@now i18n, "remove-done", name = name));
                    leave.run();
                    Ok(())
                }
                Err(failure) => Err((name, failure)),
            }
        }
    });
    let busy = removal.pending();
    let remove = move |_| {
        if !busy.get_untracked() && matches() {
            removal.dispatch_local(name.get_untracked());
        }
    };
    let error = move || {
        removal
            .value()
            .with(|outcome| outcome.clone().and_then(Result::err))
    };

    view! {
        <section class="m365-settings__section" aria-labelledby="m365-remove-title">
            <h3 id="m365-remove-title" class="m365-settings__heading">
                {move || t!(i18n, "remove-heading")}
            </h3>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button
                        type="button"
                        class=ButtonStyle::Danger.class()
                        on:click=move |_| set_confirming.set(true)
                    >
                        {move || t!(i18n, "remove-start")}
                    </button>
                }
            >
                <p>
                    {move || t!(i18n, "remove-explained", name = name.get())}
                </p>
                <label class="m365-field">
                    <span class="m365-field__label">
                        {move || t!(i18n, "remove-type-name", name = name.get())}
                    </span>
                    <input
                        type="text"
                        class="m365-input"
                        autocomplete="off"
                        spellcheck="false"
                        node_ref=input
                        prop:value=move || typed.get()
                        on:input=move |event| typed.set(event_target_value(&event))
                    />
                </label>
                <Show when=move || error().is_some()>
                    <p class="m365-alert" role="alert">
                        {move || error().map(|(name, failure)| {
                            t!(i18n, "remove-failed", name = name.as_str(), reason = failure.words(i18n))
                        })}
                    </p>
                </Show>
                <div class="m365-settings__inline">
                    <button
                        type="button"
                        class=ButtonStyle::Danger.class()
                        aria-disabled=move || (busy.get() || !matches()).to_string()
                        on:click=remove
                    >
                        {move || t!(i18n, "remove-confirm", name = name.get())}
                    </button>
                    <button
                        type="button"
                        class=ButtonStyle::Secondary.class()
                        on:click=move |_| {
                            typed.set(String::new());
                            set_confirming.set(false);
                        }
                    >
                        {move || t!(i18n, "remove-keep")}
                    </button>
                </div>
            </Show>
        </section>
    }
}
