//! The list of connected organizations, or the empty state when there is none.

use leptos::prelude::*;
use xms_m365_contract::Organization;

/// Every connected organization, one card each; says so plainly when there is none.
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
                .map(|organization| view! { <OrganizationCard organization/> })
                .collect_view()}
        </ul>
    }
    .into_any()
}

#[component]
fn OrganizationCard(organization: Organization) -> impl IntoView {
    let users = match organization.user_count {
        1 => "1 user".to_owned(),
        n => format!("{n} users"),
    };
    view! {
        <li class="m365-org">
            <h2 class="m365-org__name">{organization.name}</h2>
            <p class="m365-org__domain">{organization.primary_domain}</p>
            <p class="m365-org__users">{users}</p>
        </li>
    }
}
