//! The list of connected organizations, or the empty state when there is none.

use leptos::prelude::*;
use xms_m365_contract::Organization;

use super::tile::OrganizationTile;

/// Every connected organization, one tile each; says so plainly when there is none.
#[component]
pub fn OrganizationList(
    /// The organizations to show, in the order given.
    organizations: Vec<Organization>,
) -> impl IntoView {
    if organizations.is_empty() {
        return view! {
            <div class="m365-empty">
                <p class="m365-empty__title">"No Microsoft 365 organization is connected yet."</p>
                <p>"Connect one to manage its backup here."</p>
            </div>
        }
        .into_any();
    }
    view! {
        <ul class="m365-orgs" aria-label="Organizations">
            {organizations
                .into_iter()
                .map(|organization| view! { <OrganizationTile organization/> })
                .collect_view()}
        </ul>
    }
    .into_any()
}
