//! A paged list's pager: which of how many is shown, Previous and Next, and the page size;
//! with the styles of the lists' tables (`m365-table`).

use leptos::prelude::*;

use super::{ButtonStyle, add_styles};
use crate::i18n::{I18n, MessageId, t, use_i18n};

/// Where a paged list stands: its page (from 1), the page's size, how many it shows and how
/// many match in all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageSpan {
    /// The page, from 1.
    pub page: u32,
    /// Items per page.
    pub page_size: u32,
    /// Items on this page.
    pub shown: u32,
    /// Items matching in all.
    pub total: u32,
}

impl PageSpan {
    /// The numbers, from 1, of the first and last item shown (`0` and `0` when none are).
    pub fn range(self) -> (u32, u32) {
        let first = (self.page.saturating_sub(1) * self.page_size + 1).min(self.total);
        let last = (self.page.saturating_sub(1) * self.page_size + self.shown).min(self.total);
        (first, last)
    }

    fn pages(self) -> u32 {
        self.total.div_ceil(self.page_size.max(1)).max(1)
    }
}

/// The pager of `span`: `range` words which items show (first, last, total), `size_label`
/// names the page-size choice `size_id` among `sizes`, and `go` is asked for a page and size.
#[component]
pub fn Pager(
    span: PageSpan,
    range: fn(I18n, u32, u32, u32) -> String,
    size_id: &'static str,
    size_label: MessageId,
    sizes: &'static [u32],
    go: impl Fn(u32, u32) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    add_styles(style!("lists"));
    let i18n = use_i18n();
    let (number, size, pages) = (span.page, span.page_size, span.pages());
    let (first, last) = span.range();
    let (on_first, on_last) = (number <= 1, number >= pages);
    view! {
        <nav class="m365-pager" aria-label=move || t!(i18n, "pager-pages")>
            <p>{move || range(i18n, first, last, span.total)}</p>
            <button
                type="button"
                class=ButtonStyle::Secondary.class()
                disabled=on_first
                on:click=move |_| go(number - 1, size)
            >
                {move || t!(i18n, "pager-previous")}
            </button>
            <span>{move || t!(i18n, "pager-page-of", page = number, pages = pages)}</span>
            <button
                type="button"
                class=ButtonStyle::Secondary.class()
                disabled=on_last
                on:click=move |_| go(number + 1, size)
            >
                {move || t!(i18n, "pager-next")}
            </button>
            <label for=size_id>{move || i18n.say(size_label)}</label>
            <select
                id=size_id
                on:change=move |event| go(1, event_target_value(&event).parse().unwrap_or(size))
            >
                {sizes.iter().map(|&choice| view! {
                    <option value=choice.to_string() selected=choice == size>{choice}</option>
                }).collect_view()}
            </select>
        </nav>
    }
}
