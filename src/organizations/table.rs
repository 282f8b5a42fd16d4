//! The dashboard as a table, its compact view (a view of the panels' chunk): a row per
//! organization with its status, last and next backup, protected users, worker and actions.
//! Organizations selected together start their backups at once, and what started and what XMS
//! refused (and why) is said; the arrow keys move between rows, in the same column. Also the
//! choice of tiles or this table ([`LayoutSwitch`]).

use std::collections::BTreeSet;

use futures::future::join_all;
use leptos::{ev, html, prelude::*, task::spawn_local};
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use xms_m365_contract::OrganizationId;

use super::{
    list::{after_first_paint, screenful},
    tile::{
        BackupActions, Followed, Links, Progress, edit_link, last_backup_view, next_backup_view,
        status_view, users_link, worker_view,
    },
    view_options::{Layout, ViewOptions},
};
use crate::{
    api::{ApiClient, ApiError},
    i18n::{I18n, MessageId, learn_panel_words, msg, t, use_i18n},
    routes::{BasePath, Page},
    state::{Dashboard, Entry},
    widgets::{ButtonStyle, add_styles},
};

/// The organizations selected, by id: kept while the filter changes, so that the
/// administrator can gather them from several searches.
type Selection = RwSignal<BTreeSet<OrganizationId>>;

/// The organizations the list shows, a row each, with a checkbox each and one for all of them.
#[component]
pub fn OrganizationTable(
    /// The organizations to show, filtered and sorted.
    shown: Memo<Vec<Entry>>,
) -> impl IntoView {
    learn_panel_words();
    add_styles(style!("lists"));
    add_styles(style!("compact"));
    let i18n = use_i18n();
    // As the tiles do: the first screenful's rows painted before the rest.
    let everything = after_first_paint();
    let rows = Memo::new(move |_| screenful(shown, everything.get()));
    let selected: Selection = RwSignal::new(BTreeSet::new());
    let all_selected = move || {
        shown.with(|shown| {
            !shown.is_empty()
                && selected.with(|chosen| shown.iter().all(|entry| chosen.contains(&entry.id)))
        })
    };
    let select_all = move |_| {
        let everyone = all_selected();
        shown.with_untracked(|shown| {
            selected.update(|chosen| {
                for entry in shown {
                    if everyone {
                        chosen.remove(&entry.id);
                    } else {
                        chosen.insert(entry.id.clone());
                    }
                }
            });
        });
    };
    let body = NodeRef::<html::Tbody>::new();
    let heading = move |words: MessageId| view! { <th scope="col">{move || i18n.say(words)}</th> };

    view! {
        <BulkActions selected/>
        <table class="m365-table m365-compact">
            <caption class="m365-visually-hidden">{move || t!(i18n, "list-label")}</caption>
            <thead>
                <tr>
                    <th scope="col">
                        <input
                            type="checkbox"
                            aria-label=move || t!(i18n, "compact-select-shown")
                            prop:checked=all_selected
                            on:change=select_all
                        />
                    </th>
                    {heading(msg!("compact-organization"))}
                    {heading(msg!("compact-status"))}
                    {heading(msg!("tile-last-backup"))}
                    {heading(msg!("tile-next-backup"))}
                    {heading(msg!("tile-protected-users"))}
                    {heading(msg!("tile-worker"))}
                    {heading(msg!("compact-actions"))}
                </tr>
            </thead>
            <tbody
                node_ref=body
                on:keydown=move |event| {
                    if let Some(body) = body.get_untracked() {
                        move_between_rows(&event, &body);
                    }
                }
            >
                <For each=move || rows.get() key=|entry| entry.id.clone() let:entry>
                    <Row entry selected/>
                </For>
            </tbody>
        </table>
    }
}

/// One organization's row. Like its tile, each cell follows only what it shows.
#[component]
fn Row(entry: Entry, selected: Selection) -> impl IntoView {
    // Rows come and go with the filter, and their words with them (see `I18n::scoped`).
    let i18n = use_i18n().scoped();
    provide_context(i18n);
    let followed = Followed::of(entry.organization);
    let (name, facts) = (followed.name, followed.facts);
    let links = Links::of(&entry.id);
    let (edit, users, history) = (links.edit, links.users, links.history);
    let hint = edit.clone();
    let id = entry.id;
    let checked = {
        let id = id.clone();
        move || selected.with(|chosen| chosen.contains(&id))
    };
    let toggle = move |_| {
        selected.update(|chosen| {
            if !chosen.remove(&id) {
                chosen.insert(id.clone());
            }
        });
    };
    view! {
        <tr>
            <td>
                <input
                    type="checkbox"
                    aria-label=move || t!(i18n, "compact-select", name = name.get())
                    prop:checked=checked
                    on:change=toggle
                />
            </td>
            <th scope="row">
                {name}
                <span class="m365-compact__domain">
                    {move || followed.organization.with(|o| o.primary_domain.clone())}
                </span>
            </th>
            <td>
                {move || status_view(i18n, followed.status.get(), hint.clone())}
                {move || followed.running.get().then(|| view! { <Progress job=followed.job name/> })}
            </td>
            <td>
                {move || {
                    name.with(|name| {
                        facts.with(|facts| {
                            last_backup_view(i18n, facts.last_backup.as_ref(), name, &history)
                        })
                    })
                }}
            </td>
            <td>{move || facts.with(|facts| next_backup_view(i18n, facts.next_backup_at.as_deref()))}</td>
            <td>{move || name.with(|name| facts.with(|facts| users_link(i18n, facts, name, &users)))}</td>
            <td>{move || facts.with(|facts| worker_view(i18n, &facts.worker))}</td>
            <td>
                <BackupActions
                    organization=followed.organization
                    name
                    job=followed.job
                    running=followed.running
                >
                    {edit_link(i18n, edit, name)}
                </BackupActions>
            </td>
        </tr>
    }
}

/// How many columns a row has.
const COLUMNS: usize = 8;

/// ArrowDown and ArrowUp move the keyboard from a row of `body` to the row below or above, to
/// the same column's control: a thousand rows are not a thousand Tab presses. The rows are
/// found by CSS (`:focus-within`) on the table's body alone, which adds no glue to the first
/// load's JavaScript as walking the DOM did.
fn move_between_rows(event: &ev::KeyboardEvent, body: &Element) {
    let towards = match event.key().as_str() {
        "ArrowDown" => "tr:focus-within + tr",
        "ArrowUp" => "tr:has(+ tr:focus-within)",
        _ => return,
    };
    let find = |selector: String| body.query_selector(&selector).ok().flatten();
    let Some(column) = (1..=COLUMNS).find(|n| {
        find(format!(
            ":scope > tr:focus-within > :nth-child({n}):focus-within"
        ))
        .is_some()
    }) else {
        return;
    };
    let control = find(format!(
        ":scope > {towards} > :nth-child({column}) :is(input, button, a[href], [tabindex])"
    ))
    .and_then(|control| control.dyn_into::<HtmlElement>().ok());
    if let Some(control) = control {
        event.prevent_default();
        let _ = control.focus();
    }
}

/// What the last **Run backup of the selected** came to.
#[derive(Debug, Clone, Default)]
struct Report {
    /// The organizations whose backup started, by name.
    started: Vec<String>,
    /// Those XMS refused, by name, with its answer.
    refused: Vec<(String, ApiError)>,
}

/// How many organizations are selected, **Run backup** for all of them and what it came to;
/// those started are let go, those refused stay selected to try again.
#[component]
fn BulkActions(selected: Selection) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let dashboard = expect_context::<Dashboard>();
    let i18n = use_i18n();
    let busy = RwSignal::new(false);
    let report = RwSignal::new(None::<Report>);
    let count = Memo::new(move |_| selected.with(BTreeSet::len));
    let run = move |_| {
        if busy.get_untracked() || count.get_untracked() == 0 {
            return;
        }
        busy.set(true);
        report.set(None);
        let ids: Vec<_> = selected.get_untracked().into_iter().collect();
        let api = api.clone();
        spawn_local(async move {
            let answers = join_all(ids.iter().map(|id| api.start_backup(id))).await;
            let mut done = Report::default();
            for (id, answer) in ids.into_iter().zip(answers) {
                let name = dashboard
                    .organization(&id)
                    .map_or_else(|| id.0.clone(), |o| o.with_untracked(|o| o.name.clone()));
                match answer {
                    Ok(job) => {
                        dashboard.job_changed(job);
                        selected.update(|chosen| _ = chosen.remove(&id));
                        done.started.push(name);
                    }
                    Err(error) => done.refused.push((name, error)),
                }
            }
            // By name, not by the ids they were started in.
            done.started.sort();
            done.refused.sort_by(|(a, _), (b, _)| a.cmp(b));
            report.try_set(Some(done));
            busy.try_set(false);
        });
    };
    view! {
        <div
            class="m365-compact__bulk"
            role="group"
            aria-label=move || t!(i18n, "compact-selection")
        >
            <p>{move || t!(i18n, "compact-selected", count = count.get())}</p>
            // `aria-disabled` rather than `disabled`: the button keeps focus while the backups
            // start.
            <button
                type="button"
                class=ButtonStyle::Primary.class()
                aria-disabled=move || (busy.get() || count.get() == 0).to_string()
                on:click=run
            >
                {move || t!(i18n, "compact-run-selected")}
            </button>
            <button
                type="button"
                class=ButtonStyle::Secondary.class()
                aria-disabled=move || (count.get() == 0).to_string()
                on:click=move |_| selected.set(BTreeSet::new())
            >
                {move || t!(i18n, "compact-clear-selection")}
            </button>
        </div>
        <div class="m365-compact__report" role="status">
            {move || report.with(|report| report.as_ref().map(|report| report_view(i18n, report)))}
        </div>
    }
}

/// Which backups started, and which XMS refused with its reason.
fn report_view(i18n: I18n, report: &Report) -> impl IntoView + use<> {
    let started = (!report.started.is_empty()).then(|| {
        let names = i18n.list(&report.started);
        view! {
            <p>
                {t!(i18n, "compact-started", count = report.started.len(), names = names.as_str())}
            </p>
        }
    });
    let refused = (!report.refused.is_empty()).then(|| {
        let reasons = report
            .refused
            .iter()
            .map(|(name, error)| {
                let reason = error.words(i18n);
                view! {
                    <li>{t!(i18n, "compact-refusal", name = name.as_str(), reason = reason.as_str())}</li>
                }
            })
            .collect_view();
        view! {
            <p>{t!(i18n, "compact-refused", count = report.refused.len())}</p>
            <ul>{reasons}</ul>
        }
    });
    view! { {started} {refused} }
}

/// Tiles or a table: two buttons, the one shown pressed (styled as the summary's states).
#[component]
pub fn LayoutSwitch() -> impl IntoView {
    add_styles(style!("compact"));
    let i18n = use_i18n();
    let options = expect_context::<ViewOptions>();
    // A visit to the dashboard whose URL does not say shows the layout chosen last, kept by
    // the browser. Read here rather than before the first tiles: the first load stays without
    // it, and the table is this chunk's anyway.
    let base = expect_context::<BasePath>();
    let on_dashboard = use_location()
        .pathname
        .with_untracked(|path| base.page(path) == Some(Page::Organizations));
    if on_dashboard && options.stored_layout() == Some(Layout::Table) {
        options.show_layout(Layout::Table, true);
    }
    let button = move |layout: Layout, words: MessageId| {
        let pressed = move || options.layout() == layout;
        view! {
            <button
                type="button"
                class="m365-needs__state"
                aria-pressed=move || pressed().to_string()
                on:click=move |_| {
                    if !pressed() {
                        options.set_layout(layout);
                    }
                }
            >
                {move || i18n.say(words)}
            </button>
        }
    };
    view! {
        <div class="m365-layout" role="group" aria-label=move || t!(i18n, "layout-label")>
            {button(Layout::Tiles, msg!("layout-tiles"))}
            {button(Layout::Table, msg!("layout-table"))}
        </div>
    }
}
