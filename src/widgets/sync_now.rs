//! **Sync now**: the action that reads an organization's users from Microsoft 365 at once, and
//! its button with the status saying while it runs and how it went (`forms.ftl`); the Edit
//! panel and the users list share them.

use std::rc::Rc;

use leptos::prelude::*;
use xms_m365_contract::{OrganizationId, SettingsView};

use crate::{
    api::{ApiClient, ApiError},
    i18n::{t, use_i18n},
    widgets::ButtonStyle,
};

/// A user sync of one organization, run by [`SyncNow`].
pub type UserSync = Action<(), Result<(), ApiError>>;

/// The sync of organization `id`'s users, giving `synced` what XMS answers once it ran. The
/// view that outlives the button makes it (the users list reads its page again after a sync,
/// which rebuilds the button), so that what the status says stays.
pub fn user_sync(id: OrganizationId, synced: impl Fn(SettingsView) + 'static) -> UserSync {
    let api = expect_context::<ApiClient>();
    let synced = Rc::new(synced);
    Action::new_unsync_local(move |()| {
        let (api, id, synced) = (api.clone(), id.clone(), Rc::clone(&synced));
        async move {
            synced(api.sync_users(&id).await?);
            Ok(())
        }
    })
}

/// The **Sync now** button of `sync`, and its status.
#[component]
pub fn SyncNow(sync: UserSync) -> impl IntoView {
    let i18n = use_i18n();
    let running = sync.pending();
    let said = move || {
        if running.get() {
            return Some(t!(i18n, "sync-running"));
        }
        sync.value().with(|outcome| {
            outcome.as_ref().map(|outcome| match outcome {
                Ok(()) => t!(i18n, "sync-done"),
                Err(error) => t!(i18n, "sync-failed", reason = error.words(i18n)),
            })
        })
    };
    view! {
        <button
            type="button"
            class=ButtonStyle::Secondary.class()
            aria-disabled=move || running.get().to_string()
            on:click=move |_| {
                if !running.get_untracked() {
                    sync.dispatch_local(());
                }
            }
        >
            {move || t!(i18n, "sync-now")}
        </button>
        <span class="m365-status" role="status">{said}</span>
    }
}
