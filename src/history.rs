//! An organization's backup history, a full view at `organizations/{id}/history` under the
//! module's base: a chart of the runs shown ([`chart`]) and the same runs as a table that XMS
//! pages and filters by result and period, one run's details with the items it skipped and
//! why, and the runs shown as CSV. Its state is in the address (a failed result on the tile
//! links to its failures). It reads again when the organization's backup starts, changes
//! state or ends on the dashboard, which follows the change stream, so a running backup
//! shows here as it goes.

mod address;
mod chart;
mod words;

use leptos::{html, prelude::*};
use leptos_router::{
    NavigateOptions,
    components::A,
    hooks::{use_location, use_navigate, use_params_map},
};
use xms_m365_contract::{
    BackupRun, HistoryPage, JobId, OrganizationId, PAGE_SIZES, RunDetails, RunResult,
};

use crate::{
    api::ApiClient,
    i18n::{I18n, MessageId, learn_panel_words, msg, t, use_i18n},
    routes::{BasePath, Page},
    state::Dashboard,
    widgets::{ButtonStyle, Loadable, PageSpan, Pager, add_styles},
};
use address::ViewState;
use chart::RunsChart;
use words::{
    Outcome, csv, duration_words, kind_words, reason_words, result_words, size_words, trigger_words,
};

/// The id of the runs table, which the chart names as holding its numbers.
const RUNS_TABLE: &str = "m365-history-runs";

/// The history of the organization the address names.
#[component]
pub fn HistoryView() -> impl IntoView {
    learn_panel_words();
    add_styles(style!("history"));
    add_styles(style!("lists"));
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).map(OrganizationId));
    move || id.get().map(|id| view! { <History id/> })
}

#[component]
fn History(id: OrganizationId) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let dashboard = expect_context::<Dashboard>();
    let base = expect_context::<BasePath>();
    let back = base.href(&Page::Organizations);
    let here = Page::History(id.clone());
    let here_href = base.href(&here);
    let here_path = here.path();
    // The view's words follow its own copy of the language, which goes when it closes.
    let i18n = use_i18n().scoped();
    provide_context(i18n);
    let location = use_location();
    let state = Memo::new(move |_| location.search.with(|search| ViewState::read(search)));
    let navigate = use_navigate();
    let go = StoredValue::new(move |next: ViewState| {
        let search = next.write();
        let path = if search.is_empty() {
            here_path.clone()
        } else {
            format!("{here_path}?{search}")
        };
        navigate(
            &path,
            NavigateOptions {
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    });
    let go = move |next: ViewState| go.with_value(|go| go(next));
    // The organization as the dashboard follows it: its name, and the backup that runs or
    // last ended, whose start, change of state and end read the history again (not its
    // progress, which would read it at every step).
    let organization = {
        let id = id.clone();
        Memo::new(move |_| {
            dashboard.organization(&id).map(|o| {
                o.with(|o| {
                    (
                        o.name.clone(),
                        o.active_job
                            .as_ref()
                            .map(|job| (job.id.clone(), std::mem::discriminant(&job.state))),
                        o.last_backup.as_ref().map(|b| b.job_id.clone()),
                    )
                })
            })
        })
    };
    let name = Memo::new(move |_| organization.with(|o| o.as_ref().map(|o| o.0.clone())));
    let read = {
        let (api, id) = (api.clone(), id.clone());
        // Of the query, not the view: opening a run's details reads only that run.
        let query = Memo::new(move |_| state.with(ViewState::api_query));
        LocalResource::new(move || {
            let query = query.get();
            organization.track();
            let (api, id) = (api.clone(), id.clone());
            async move { api.history(&id, &query).await }
        })
    };
    let chosen = Memo::new(move |_| state.with(|s| s.run.clone()));
    let back_link = back.clone();
    let run_href = {
        let here_href = here_href.clone();
        move |run: Option<&JobId>| {
            let mut next = state.get_untracked();
            next.run = run.map(|run| run.0.clone());
            match next.write() {
                search if search.is_empty() => here_href.clone(),
                search => format!("{here_href}?{search}"),
            }
        }
    };
    let run_href = StoredValue::new(run_href);
    view! {
        <section class="m365-page m365-history" aria-labelledby="m365-history-title">
            <div class="m365-page__header">
                <h1 id="m365-history-title" class="m365-page__title">
                    {move || match name.get() {
                        Some(name) => t!(i18n, "history-title-of", name = name),
                        None => t!(i18n, "title-history"),
                    }}
                </h1>
                <A href=back.clone()>{move || t!(i18n, "history-back")}</A>
            </div>
            <Filters state go/>
            <Loadable
                read
                loading=msg!("history-loading")
                way_back=move || view! { <A href=back_link.clone()>{move || t!(i18n, "history-back")}</A> }
                let(page)
            >
                <Runs page state go name run_href=move |run| run_href.with_value(|href| href(Some(run)))/>
            </Loadable>
            {move || chosen.get().map(|run| {
                let closed = run_href.with_value(|href| href(None));
                view! { <Details organization=id.clone() run=JobId(run) closed/> }
            })}
        </section>
    }
}

/// The result and period the runs are filtered by.
#[component]
fn Filters(
    state: Memo<ViewState>,
    go: impl Fn(ViewState) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let results = [
        (RunResult::Failed, msg!("history-result-failed")),
        (RunResult::Warnings, msg!("history-result-warnings")),
        (RunResult::Succeeded, msg!("history-result-succeeded")),
        (RunResult::Cancelled, msg!("history-result-cancelled")),
        (RunResult::Active, msg!("history-result-active")),
    ];
    let choose_result = move |value: String| {
        let current = state.get_untracked();
        let result = results
            .iter()
            .map(|(result, _)| *result)
            .find(|result| result_key(*result) == value);
        go(current.filtered(result, current.from.clone(), current.to.clone()));
    };
    // A period that ends before it starts is not asked for: the days stay as typed, with
    // what to change, and the runs of the last period stay in view.
    let backwards = RwSignal::new(false);
    let choose_period = move |from: Option<String>, to: Option<String>| {
        let current = state.get_untracked();
        let next = current.filtered(current.result, from, to);
        backwards.set(next.ends_before_it_starts());
        if !backwards.get_untracked() {
            go(next);
        }
    };
    let (from_field, to_field) = (NodeRef::<html::Input>::new(), NodeRef::<html::Input>::new());
    let typed = move |field: NodeRef<html::Input>| {
        field
            .get_untracked()
            .map(|input| input.value())
            .filter(|day| !day.is_empty())
    };
    let choose_days = move || choose_period(typed(from_field), typed(to_field));
    view! {
        <fieldset class="m365-history__filters">
            <legend>{move || t!(i18n, "history-filters")}</legend>
            <div class="m365-history__filter">
                <label for="m365-history-result">{move || t!(i18n, "history-filter-result")}</label>
                <select id="m365-history-result" on:change=move |event| choose_result(event_target_value(&event))>
                    <option value="" selected=move || state.with(|s| s.result.is_none())>
                        {move || t!(i18n, "history-filter-any")}
                    </option>
                    {results.into_iter().map(|(result, words)| view! {
                        <option
                            value=result_key(result)
                            selected=move || state.with(|s| s.result == Some(result))
                        >
                            {move || i18n.say(words)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
            <DayField
                id="m365-history-from"
                label=msg!("history-filter-from")
                day=Signal::derive(move || state.with(|s| s.from.clone()))
                field=from_field
                invalid=Signal::stored(false)
                chosen=choose_days
            />
            <DayField
                id="m365-history-to"
                label=msg!("history-filter-to")
                day=Signal::derive(move || state.with(|s| s.to.clone()))
                field=to_field
                invalid=backwards.into()
                chosen=choose_days
            />
            <Show when=move || state.with(ViewState::is_filtered)>
                <button
                    type="button"
                    class=ButtonStyle::Secondary.class()
                    on:click=move |_| {
                        backwards.set(false);
                        go(state.get_untracked().filtered(None, None, None));
                    }
                >
                    {move || t!(i18n, "history-clear-filters")}
                </button>
            </Show>
            <p id="m365-history-period-error" class="m365-history__error" role="alert">
                {move || backwards.get().then(|| t!(i18n, "history-period-backwards"))}
            </p>
        </fieldset>
    }
}

/// A day of the period: a date field showing `day`, whose change calls `chosen`; `invalid`
/// marks it as the day to change, described by the period's error.
#[component]
fn DayField(
    id: &'static str,
    label: MessageId,
    day: Signal<Option<String>>,
    field: NodeRef<html::Input>,
    invalid: Signal<bool>,
    chosen: impl Fn() + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="m365-history__filter">
            <label for=id>{move || i18n.say(label)}</label>
            <input
                id=id
                type="date"
                node_ref=field
                aria-invalid=move || invalid.get().to_string()
                aria-describedby="m365-history-period-error"
                prop:value=move || day.get().unwrap_or_default()
                on:change=move |_| chosen()
            />
        </div>
    }
}

/// A result's name in the address and the API.
fn result_key(result: RunResult) -> String {
    serde_json::to_value(result)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The runs of `page`: the chart, the table, the pager and the CSV of what is shown.
#[component]
fn Runs(
    page: HistoryPage,
    state: Memo<ViewState>,
    go: impl Fn(ViewState) + Copy + Send + Sync + 'static,
    name: Memo<Option<String>>,
    run_href: impl Fn(&JobId) -> String + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let span = PageSpan {
        page: page.page,
        page_size: page.page_size,
        shown: u32::try_from(page.runs.len()).unwrap_or(u32::MAX),
        total: page.total,
    };
    let (first, last) = span.range();
    let retention = page.retention_days;
    if page.runs.is_empty() {
        return view! {
            <p class="m365-history__none">{move || t!(i18n, "history-none")}</p>
            <p class="m365-history__note">{move || t!(i18n, "history-retention", days = retention)}</p>
        }
        .into_any();
    }
    let runs = StoredValue::new(page.runs.clone());
    let export = move || {
        let text = runs.with_value(|runs| csv(i18n, runs));
        format!(
            "data:text/csv;charset=utf-8,{}",
            js_sys::encode_uri_component(&format!("\u{feff}{text}"))
        )
    };
    let file = move || {
        let name = name.get().unwrap_or_default();
        t!(i18n, "history-export-file", name = name)
    };
    let run_href = StoredValue::new(run_href);
    // Rendered again when the language changes, as every word of a row may.
    let rows = move || {
        runs.with_value(|runs| {
            runs.iter()
                .map(|run| row(i18n, run, run_href.with_value(|href| href(&run.id))))
                .collect_view()
        })
    };
    view! {
        <RunsChart runs=page.runs table_id=RUNS_TABLE/>
        <p class="m365-history__actions">
            <a
                class=ButtonStyle::Secondary.class()
                href=export
                download=file
            >
                {move || t!(i18n, "history-export", count = span.shown)}
            </a>
        </p>
        <table class="m365-table m365-history__table" id=RUNS_TABLE>
            <caption class="m365-visually-hidden">
                {move || t!(i18n, "history-range", first = first, last = last, total = span.total)}
            </caption>
            <thead>
                <tr>
                    <th scope="col">{move || t!(i18n, "history-column-asked")}</th>
                    <th scope="col">{move || t!(i18n, "history-column-result")}</th>
                    <th scope="col">{move || t!(i18n, "history-column-kind")}</th>
                    <th scope="col">{move || t!(i18n, "history-column-trigger")}</th>
                    <th scope="col">{move || t!(i18n, "history-column-duration")}</th>
                    <th scope="col">{move || t!(i18n, "history-column-items")}</th>
                    <th scope="col">{move || t!(i18n, "history-column-size")}</th>
                    <th scope="col">{move || t!(i18n, "history-column-skipped")}</th>
                    <th scope="col">{move || t!(i18n, "history-column-details")}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
        <Pager
            span
            range=|i18n, first, last, total| t!(i18n, "history-range", first = first, last = last, total = total)
            size_id="m365-history-page-size"
            size_label=msg!("history-page-size")
            sizes=&PAGE_SIZES
            go=move |number, size| {
                let mut next = state.get_untracked();
                next.page = number;
                next.page_size = size;
                next.run = None;
                go(next);
            }
        />
        <p class="m365-history__note">{move || t!(i18n, "history-retention", days = retention)}</p>
    }
    .into_any()
}

/// One run of the table, with the link to its details at `details`.
fn row(i18n: I18n, run: &BackupRun, details: String) -> impl IntoView + use<> {
    let outcome = Outcome::of(run);
    let asked = i18n.date_time(&run.created_at);
    let label = t!(i18n, "history-details-label", when = asked.as_str());
    view! {
        <tr>
            <th scope="row"><time datetime=run.created_at.clone()>{asked}</time></th>
            <td>
                <span class=outcome.class() aria-hidden="true">{outcome.symbol()}</span>
                " "
                {result_words(i18n, run)}
            </td>
            <td>{kind_words(i18n, run.kind)}</td>
            <td>{trigger_words(i18n, run.trigger)}</td>
            <td>{run.duration_seconds.map(|seconds| duration_words(i18n, seconds))}</td>
            <td>{i18n.number(run.items as f64)}</td>
            <td>{size_words(i18n, run.bytes)}</td>
            <td>{i18n.number(f64::from(run.skipped_items))}</td>
            <td><a href=details aria-label=label>{t!(i18n, "history-details")}</a></td>
        </tr>
    }
}

/// Run `run`'s details, with the items it skipped and why; `closed` is the history's address
/// without it.
#[component]
fn Details(organization: OrganizationId, run: JobId, closed: String) -> impl IntoView {
    let i18n = use_i18n();
    let api = expect_context::<ApiClient>();
    let read = LocalResource::new(move || {
        let (api, organization, run) = (api.clone(), organization.clone(), run.clone());
        async move { api.backup_run(&organization, &run).await }
    });
    let closed_link = closed.clone();
    view! {
        <section class="m365-history__details" aria-labelledby="m365-run-title">
            <Loadable
                read
                loading=msg!("history-run-loading")
                way_back=move || view! { <A href=closed_link.clone()>{move || t!(i18n, "history-run-close")}</A> }
                let(details)
            >
                <RunView details closed=closed.clone()/>
            </Loadable>
        </section>
    }
}

/// What `details` says of its run.
#[component]
fn RunView(details: RunDetails, closed: String) -> impl IntoView {
    let i18n = use_i18n();
    let heading = NodeRef::<html::H2>::new();
    // Opened from the table, the focus moves to what opened.
    Effect::new(move |_| {
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    move || {
        let RunDetails { run, skipped } = details.clone();
        let asked = i18n.date_time(&run.created_at);
        let outcome = Outcome::of(&run);
        let facts = [
            (
                msg!("history-column-result"),
                Some(result_words(i18n, &run)),
            ),
            (
                msg!("history-column-kind"),
                Some(kind_words(i18n, run.kind)),
            ),
            (
                msg!("history-column-trigger"),
                Some(trigger_words(i18n, run.trigger)),
            ),
            (
                msg!("history-column-started"),
                run.started_at.as_deref().map(|at| i18n.date_time(at)),
            ),
            (
                msg!("history-column-finished"),
                run.finished_at.as_deref().map(|at| i18n.date_time(at)),
            ),
            (
                msg!("history-column-duration"),
                run.duration_seconds.map(|s| duration_words(i18n, s)),
            ),
            (
                msg!("history-column-items"),
                Some(i18n.number(run.items as f64)),
            ),
            (
                msg!("history-column-size"),
                Some(size_words(i18n, run.bytes)),
            ),
        ];
        let facts = facts
            .into_iter()
            .filter_map(|(term, value)| {
                value.map(|value| view! { <dt>{i18n.say(term)}</dt><dd>{value}</dd> })
            })
            .collect_view();
        let skipped_view =
            if skipped.is_empty() {
                view! { <p>{t!(i18n, "history-skipped-none")}</p> }.into_any()
            } else {
                let rows = skipped
            .into_iter()
            .map(|item| view! {
                <tr>
                    <td>{item.user.unwrap_or_else(|| t!(i18n, "history-skipped-site"))}</td>
                    <th scope="row">{item.item}</th>
                    <td>{reason_words(i18n, item.reason)}</td>
                    <td>{item.bytes.map(|bytes| size_words(i18n, bytes))}</td>
                </tr>
            })
            .collect_view();
                view! {
            <table class="m365-table m365-history__table">
                <caption>{t!(i18n, "history-skipped-caption", count = run.skipped_items)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, "history-skipped-user")}</th>
                        <th scope="col">{t!(i18n, "history-skipped-item")}</th>
                        <th scope="col">{t!(i18n, "history-skipped-reason")}</th>
                        <th scope="col">{t!(i18n, "history-column-size")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
            };
        view! {
            <h2 id="m365-run-title" tabindex="-1" node_ref=heading>
                <span class=outcome.class() aria-hidden="true">{outcome.symbol()}" "</span>
                {t!(i18n, "history-run-title", when = asked)}
            </h2>
            <dl class="m365-history__facts">{facts}</dl>
            {skipped_view}
            <A href=closed.clone()>{move || t!(i18n, "history-run-close")}</A>
        }
    }
}
