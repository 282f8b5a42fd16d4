//! The Microsoft 365 tab's landing page: the connected organizations, with loading, empty and
//! failure states.

mod list;
mod load_failed;
mod tile;

pub use list::OrganizationList;
pub use load_failed::LoadFailed;
pub use tile::{group_thousands, relative_time};

use leptos::prelude::*;

use crate::{api::ApiClient, connect::ConnectButton};

/// Loads the organizations from XMS and shows them under the **Microsoft 365** heading.
#[component]
pub fn OrganizationsPage() -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let organizations = LocalResource::new(move || {
        let api = api.clone();
        async move { api.organizations().await }
    });
    let (retrying, set_retrying) = signal(false);
    // Made here, not inside the `Suspend` below: reactive values created in there are disposed
    // each time it re-runs, while the view it replaces is still on screen and reading them.
    let retrying = Signal::from(retrying);

    view! {
        <section class="m365-page" aria-labelledby="m365-title">
            <div class="m365-page__header">
                <h1 id="m365-title" class="m365-page__title">"Microsoft 365"</h1>
                <ConnectButton on_connected=move || organizations.refetch()/>
            </div>
            <Transition
                fallback=|| view! { <p class="m365-status" role="status">"Loading organizations…"</p> }
                set_pending=set_retrying
            >
                {move || Suspend::new(async move {
                    match organizations.await {
                        Ok(list) => view! { <OrganizationList organizations=list.organizations/> }.into_any(),
                        Err(error) => view! {
                            <LoadFailed
                                message=error.to_string()
                                retrying=retrying
                                on_retry=move || organizations.refetch()
                            />
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
