//! The list of connected organizations with its filter and sort order, as tiles (or, through
//! the summary's chunk, as a table), or the empty state when there is none.

use leptos::prelude::*;

use crate::{
    i18n::{t, use_i18n},
    state::{Dashboard, Entry},
    widgets::ButtonStyle,
};

use super::{
    tile::OrganizationTile,
    view_options::{Layout, Toolbar, ViewOptions},
};

/// How many tiles are rendered before the rest: more than a large screen shows.
const FIRST_SCREENFUL: usize = 48;

/// A signal that becomes true once the page has painted the first screenful.
// Inlined, as is the one below: the table's copy then travels in its chunk.
#[inline(always)]
pub(super) fn after_first_paint() -> RwSignal<bool> {
    let everything = RwSignal::new(false);
    request_animation_frame(move || {
        set_timeout(
            move || _ = everything.try_set(true),
            std::time::Duration::ZERO,
        );
    });
    everything
}

/// The first screenful of `entries`, or all of them once `everything` (tracked).
#[inline(always)]
pub(super) fn screenful(entries: Memo<Vec<Entry>>, everything: bool) -> Vec<Entry> {
    if everything {
        entries.get()
    } else {
        entries.with(|entries| entries.iter().take(FIRST_SCREENFUL).cloned().collect())
    }
}

/// Every connected organization, one tile each, filtered and sorted as the URL says; says so
/// plainly when there is none.
#[component]
pub fn OrganizationList(
    /// The organizations.
    dashboard: Dashboard,
    /// What needs attention, above the list, and the list as a table when the URL says so; it
    /// finds the list's [`ViewOptions`] in the context.
    #[prop(optional, into)]
    summary: ViewFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let entries = dashboard.entries();
    let options = ViewOptions::from_url(entries);
    provide_context(options);
    let total = Memo::new(move |_| entries.with(Vec::len));
    let visible = options.shown;
    let shown = Memo::new(move |_| visible.with(Vec::len));
    // The first screenful is rendered and painted before the rest of a long list, so that
    // with hundreds of organizations the first tiles appear at once. While the summary's chunk
    // shows the list as a table, no tile is rendered.
    let everything = after_first_paint();
    let rendered = Memo::new(move |_| {
        if options.layout() == Layout::Table {
            Vec::new()
        } else {
            screenful(visible, everything.get())
        }
    });
    let count = move || {
        let (shown, total) = (shown.get(), total.get());
        if shown == total {
            t!(i18n, "list-count", total = total)
        } else {
            t!(i18n, "list-count-filtered", shown = shown, total = total)
        }
    };

    view! {
        <Show
            when=move || { total.get() > 0 }
            fallback=move || view! {
                <div class="m365-empty">
                    <p class="m365-empty__title">{move || t!(i18n, "list-empty-title")}</p>
                    <p>{move || t!(i18n, "list-empty-text")}</p>
                </div>
            }
        >
            <Toolbar options/>
            <p class="m365-count" role="status">{count}</p>
            // After the first screenful has painted, so that its chunk is not in the first load.
            // It also shows the list as a table, when the URL says so: the table is the
            // chunk's, and so costs the first load nothing.
            {
                let summary = summary.clone();
                move || everything.get().then(|| summary.run())
            }
            // A state of the summary that no organization is in any more says so in the count
            // and is let go there.
            <Show when=move || shown.get() == 0 && !options.filter.with(|f| f.trim().is_empty())>
                <div class="m365-empty">
                    <p class="m365-empty__title">
                        {move || t!(i18n, "list-no-match", filter = options.filter.get().trim().to_owned())}
                    </p>
                    <button
                        type="button"
                        class=ButtonStyle::Secondary.class()
                        on:click=move |_| options.clear_filter()
                    >
                        {move || t!(i18n, "list-clear-filter")}
                    </button>
                </div>
            </Show>
            <ul class="m365-orgs" aria-label=move || t!(i18n, "list-label")>
                <For each=move || rendered.get() key=|entry| entry.id.clone() let:entry>
                    <OrganizationTile entry/>
                </For>
            </ul>
        </Show>
    }
}
