//! The summary above the list: how many organizations are in each state that needs the
//! administrator ([`Attention`]), each a filter kept in the URL (`?needs=…`), with the choice of
//! tiles or a table beside it, and the table when it is chosen. It is a view of
//! the panels' chunk, shown once fetched: the list and its filtering are the first load's.

use leptos::prelude::*;

use super::{
    table::{LayoutSwitch, OrganizationTable},
    view_options::{Layout, ViewOptions},
};
use crate::{
    i18n::{MessageId, learn_panel_words, msg, t, use_i18n},
    state::{Attention, Dashboard},
};

/// How many organizations are in a state, in words, by [`Attention::ALL`]'s order.
const WORDS: [MessageId; Attention::ALL.len()] = [
    msg!("needs-failed"),
    msg!("needs-reauthorize"),
    msg!("needs-secret-expiring"),
    msg!("needs-never"),
    msg!("needs-worker-offline"),
    msg!("needs-unprotected"),
    msg!("needs-licences-short"),
    msg!("needs-running"),
];

/// How many organizations are in each state, each a button that shows only those (and shows
/// them all again when pressed again). A state no organization is in is hidden, but for the
/// one shown, so that it can be let go.
#[component]
pub fn Summary() -> impl IntoView {
    learn_panel_words();
    let i18n = use_i18n();
    let entries = expect_context::<Dashboard>().entries();
    let options = expect_context::<ViewOptions>();
    // Recounted when an organization comes, goes or changes state, not on progress.
    let counts = Memo::new(move |_| {
        entries.with(|entries| {
            let mut counts = vec![0_u32; Attention::ALL.len()];
            for entry in entries {
                entry.key.with(|key| {
                    for (count, state) in counts.iter_mut().zip(Attention::ALL) {
                        *count += u32::from(state.holds(key));
                    }
                });
            }
            counts
        })
    });
    // The same eight buttons throughout, their words and state following the counts: cheaper
    // in the first load than a list rebuilt as the counts change.
    let states = Attention::ALL
        .into_iter()
        .zip(WORDS)
        .enumerate()
        .map(|(n, (state, words))| {
            let count = move || counts.with(|counts| counts[n]);
            let pressed = move || options.needs() == Some(state);
            view! {
                <li hidden=move || count() == 0 && !pressed()>
                    <button
                        type="button"
                        class="m365-needs__state"
                        aria-pressed=move || pressed().to_string()
                        on:click=move |_| options.set_needs((!pressed()).then_some(state))
                    >
                        {move || i18n.say_with(words, "count", count().into())}
                    </button>
                </li>
            }
        })
        .collect_view();
    // The table's rows follow the list's filter and order; the tiles are then not rendered.
    let table = Memo::new(move |_| options.layout() == Layout::Table);
    view! {
        <div class="m365-overview">
            <ul class="m365-needs" aria-label=move || t!(i18n, "needs-label")>{states}</ul>
            <LayoutSwitch/>
        </div>
        {move || table.get().then(|| view! { <OrganizationTable shown=options.shown/> })}
    }
}
