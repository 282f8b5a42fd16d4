//! The list of connected organizations with its filter and sort order, or the empty state when
//! there is none.

use leptos::prelude::*;

use super::{
    dashboard::Dashboard,
    group_thousands,
    tile::OrganizationTile,
    view_options::{Toolbar, ViewOptions, visible_entries},
};

/// How many tiles are rendered before the rest: more than a large screen shows.
const FIRST_SCREENFUL: usize = 48;

/// Every connected organization, one tile each, filtered and sorted as the URL says; says so
/// plainly when there is none.
#[component]
pub fn OrganizationList(
    /// The organizations.
    dashboard: Dashboard,
) -> impl IntoView {
    let entries = dashboard.entries();
    let options = ViewOptions::from_url();
    let total = Memo::new(move |_| entries.with(Vec::len));
    let visible = Memo::new(move |_| {
        let filter = options.filter.get();
        let order = options.order.get();
        entries.with(|entries| visible_entries(entries, &filter, order))
    });
    let shown = Memo::new(move |_| visible.with(Vec::len));
    // The first screenful is rendered and painted before the rest of a long list, so that
    // with hundreds of organizations the first tiles appear at once.
    let everything = RwSignal::new(false);
    request_animation_frame(move || {
        set_timeout(
            move || _ = everything.try_set(true),
            std::time::Duration::ZERO,
        );
    });
    let rendered = Memo::new(move |_| {
        if everything.get() {
            visible.get()
        } else {
            visible.with(|visible| visible.iter().take(FIRST_SCREENFUL).cloned().collect())
        }
    });
    let count = move || {
        let (shown, total) = (shown.get(), total.get());
        let noun = if total == 1 {
            "organization"
        } else {
            "organizations"
        };
        if shown == total {
            format!("{} {noun}", group_thousands(total as u64))
        } else {
            format!(
                "Showing {} of {} {noun}",
                group_thousands(shown as u64),
                group_thousands(total as u64)
            )
        }
    };

    view! {
        <Show
            when=move || { total.get() > 0 }
            fallback=|| view! {
                <div class="m365-empty">
                    <p class="m365-empty__title">"No Microsoft 365 organization is connected yet."</p>
                    <p>"Connect one to manage its backup here."</p>
                </div>
            }
        >
            <Toolbar options/>
            <p class="m365-count" role="status">{count}</p>
            <Show when=move || shown.get() == 0>
                <div class="m365-empty">
                    <p class="m365-empty__title">
                        {move || format!("No organization matches “{}”.", options.filter.get().trim())}
                    </p>
                    <button
                        type="button"
                        class="m365-button m365-button--secondary"
                        on:click=move |_| options.clear_filter()
                    >
                        "Clear the filter"
                    </button>
                </div>
            </Show>
            <ul class="m365-orgs" aria-label="Organizations">
                <For each=move || rendered.get() key=|entry| entry.id.clone() let:entry>
                    <OrganizationTile entry/>
                </For>
            </ul>
        </Show>
    }
}
