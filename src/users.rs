//! An organization's users, a full view at `organizations/{id}/users` under the module's
//! base: a table that XMS pages, searches, filters and sorts (only the page shown is
//! rendered), its state in the address, the organization's and the subscription's licences,
//! the last user sync with **Sync now**, and who is protected ([`protection`]). It reads its
//! page again when the organization changes on the dashboard, which follows the change
//! stream, so a change made in another console shows here too.

mod address;
mod protection;
mod table;

use leptos::prelude::*;
use leptos_router::{
    NavigateOptions,
    components::A,
    hooks::{use_location, use_navigate, use_params_map},
};
use leptos_use::use_debounce_fn;
use xms_m365_contract::{
    BackupFilter, Group, LicenceMode, OrganizationId, PAGE_SIZES, Protection, UserFilter, UserKind,
    UserPage, UserState,
};

use crate::{
    api::ApiClient,
    i18n::{I18n, learn_panel_words, msg, t, use_i18n},
    routes::{BasePath, Page},
    state::Dashboard,
    widgets::{ButtonStyle, Confirm, Loadable, Pager, SyncNow, UserSync, add_styles, user_sync},
};
use address::{Column, ViewState};
use protection::{Protector, Selected};
use table::{UserTable, span};

/// The users of the organization the address names.
#[component]
pub fn UsersView() -> impl IntoView {
    learn_panel_words();
    add_styles(style!("users"));
    add_styles(style!("lists"));
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id")).map(OrganizationId));
    move || id.get().map(|id| view! { <Users id/> })
}

#[component]
fn Users(id: OrganizationId) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let dashboard = expect_context::<Dashboard>();
    let base = expect_context::<BasePath>();
    let back = base.href(&Page::Organizations);
    let settings = base.href(&Page::Edit(id.clone()));
    // The router's navigate takes the path under the module's base.
    let here = Page::Users(id.clone()).path();
    // The view's words follow its own copy of the language, which goes when it closes.
    let i18n = use_i18n().scoped();
    provide_context(i18n);
    let location = use_location();
    let state = Memo::new(move |_| location.search.with(|search| ViewState::read(search)));
    let navigate = use_navigate();
    let show = StoredValue::new(move |next: ViewState, replace: bool| {
        let search = next.write();
        let path = if search.is_empty() {
            here.clone()
        } else {
            format!("{here}?{search}")
        };
        navigate(
            &path,
            NavigateOptions {
                replace,
                scroll: false,
                ..NavigateOptions::default()
            },
        );
    });
    let go = move |next: ViewState| show.with_value(|show| show(next, false));

    let protector = Protector::new(id.clone(), api.clone(), dashboard);
    // A selection is of the users a filter shows: another filter starts another one.
    Effect::new(move |previous: Option<UserFilter>| {
        let filter = state.with(|s| s.query.filter.clone());
        if previous.is_some_and(|previous| previous != filter) {
            protector.selected.set(Selected::None);
        }
        filter
    });
    let synced = RwSignal::new(0_u32);
    // Made here, not in the summary that each read rebuilds, so that its status outlives the
    // read that follows the sync.
    let sync = user_sync(id.clone(), move |_| synced.update(|n| *n += 1));
    // What the tile knows of the users; when it changes (here, in another console, by a sync
    // or a backup), the page is read again. Looked up in the memo, so that a list opened from
    // its address follows the organization once the dashboard has loaded it.
    let facts = {
        let id = id.clone();
        Memo::new(move |_| {
            dashboard.organization(&id).map(|o| {
                o.with(|o| {
                    (
                        o.user_count,
                        o.protected_users,
                        o.last_backup.as_ref().map(|b| b.finished_at.clone()),
                    )
                })
            })
        })
    };
    let read = {
        let (api, id) = (api.clone(), id.clone());
        LocalResource::new(move || {
            let query = state.with(ViewState::api_query);
            facts.track();
            synced.track();
            protector.changed.track();
            let (api, id) = (api.clone(), id.clone());
            async move { api.users(&id, &query).await }
        })
    };
    let groups = {
        let (api, id) = (api.clone(), id.clone());
        LocalResource::new(move || {
            let (api, id) = (api.clone(), id.clone());
            async move { api.groups(&id).await.map(|list| list.groups) }
        })
    };
    let name = Memo::new(move |_| {
        read.get()
            .and_then(Result::ok)
            .map(|page| page.organization_name)
    });
    let back_link = back.clone();

    view! {
        <section class="m365-page m365-users" aria-labelledby="m365-users-title">
            <div class="m365-page__header">
                <h1 id="m365-users-title" class="m365-page__title">
                    {move || match name.get() {
                        Some(name) => t!(i18n, "users-title-of", name = name),
                        None => t!(i18n, "title-users"),
                    }}
                </h1>
                <A href=back.clone()>{move || t!(i18n, "users-back")}</A>
            </div>
            <Toolbar state go show groups/>
            <Loadable
                read
                loading=msg!("users-loading")
                way_back=move || view! { <A href=back_link.clone()>{move || t!(i18n, "users-back")}</A> }
                let(page)
            >
                <Summary page=page.clone() settings=settings.clone() sync/>
                <Selection page=page.clone() state protector/>
                <UserTable page=page.clone() state go protector/>
                <Pager
                    span=span(&page)
                    range=|i18n, first, last, total| t!(i18n, "users-range", first = first, last = last, total = total)
                    size_id="m365-users-page-size"
                    size_label=msg!("users-page-size")
                    sizes=&PAGE_SIZES
                    go=move |number, size| {
                        let mut next = state.get_untracked();
                        next.query.page = number;
                        next.query.page_size = size;
                        go(next);
                    }
                />
            </Loadable>
            <Outcome protector/>
            {move || protector.question.get().map(|question| {
                let protects = question.protects();
                let yes = if protects { msg!("users-protect") } else { msg!("users-deactivate") };
                let words = Signal::derive(move || question.words(i18n));
                view! {
                    <Confirm
                        question=words
                        yes
                        no=msg!("users-ask-no")
                        on_answer=Callback::new(move |yes| protector.answer(yes))
                    />
                }
            })}
        </section>
    }
}

/// The search, the filters, the page size and the columns.
#[component]
fn Toolbar(
    state: Memo<ViewState>,
    go: impl Fn(ViewState) + Copy + Send + Sync + 'static,
    show: StoredValue<impl Fn(ViewState, bool) + Send + Sync + 'static>,
    groups: LocalResource<Result<Vec<Group>, crate::api::ApiError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let typed = RwSignal::new(
        state
            .get_untracked()
            .query
            .filter
            .search
            .unwrap_or_default(),
    );
    // Typing searches once it pauses, without a history entry for every letter.
    let search = use_debounce_fn(
        move || {
            let text = typed.get_untracked();
            let current = state.get_untracked();
            let wanted = Some(text.trim().to_owned()).filter(|text| !text.is_empty());
            if current.query.filter.search != wanted {
                let filter = UserFilter {
                    search: wanted,
                    ..current.query.filter.clone()
                };
                show.with_value(|show| show(current.filtered(filter), true));
            }
        },
        300.0,
    );
    let search_now = search.clone();
    // Back and Forward bring their own search.
    Effect::new(move |_| {
        let searched = state.with(|s| s.query.filter.search.clone().unwrap_or_default());
        if typed.get_untracked().trim() != searched {
            typed.set(searched);
        }
    });
    let filter = move |change: fn(&mut UserFilter, &str), value: String| {
        let current = state.get_untracked();
        let mut filter = current.query.filter.clone();
        change(&mut filter, &value);
        go(current.filtered(filter));
    };
    let group_options = move || {
        groups
            .get()
            .and_then(Result::ok)
            .unwrap_or_default()
            .into_iter()
            .map(|group| {
                let selected = state.with(|s| s.query.filter.group.as_ref() == Some(&group.id));
                view! { <option value=group.id.clone() selected=selected>{group.name}</option> }
            })
            .collect_view()
    };
    let filtered = move || state.with(|s| s.query.filter != UserFilter::default());
    view! {
        <div class="m365-users__toolbar">
            <form role="search" class="m365-users__search" on:submit=move |event| {
                event.prevent_default();
                search_now();
            }>
                <label for="m365-users-search">{move || t!(i18n, "users-search")}</label>
                <input
                    id="m365-users-search"
                    type="search"
                    maxlength="200"
                    prop:value=move || typed.get()
                    on:input=move |event| {
                        typed.set(event_target_value(&event));
                        search();
                    }
                />
            </form>
            <fieldset class="m365-users__filters">
                <legend>{move || t!(i18n, "users-filters")}</legend>
                <Choice
                    id="m365-users-protection"
                    label=msg!("users-filter-protection")
                    value=Signal::derive(move || state.with(|s| key(s.query.filter.protection)))
                    options=vec![
                        (key(Some(Protection::Protected)), msg!("protection-protected")),
                        (key(Some(Protection::Unprotected)), msg!("protection-unprotected")),
                    ]
                    on_change=move |value| filter(|f, v| f.protection = parse(v), value)
                />
                <Choice
                    id="m365-users-kind"
                    label=msg!("users-filter-kind")
                    value=Signal::derive(move || state.with(|s| key(s.query.filter.kind)))
                    options=[UserKind::User, UserKind::SharedMailbox, UserKind::RoomMailbox, UserKind::EquipmentMailbox]
                        .into_iter()
                        .map(|kind| (key(Some(kind)), table::kind_words(kind)))
                        .collect()
                    on_change=move |value| filter(|f, v| f.kind = parse(v), value)
                />
                <Choice
                    id="m365-users-state"
                    label=msg!("users-filter-state")
                    value=Signal::derive(move || state.with(|s| key(s.query.filter.state)))
                    options=[UserState::Enabled, UserState::SignInBlocked, UserState::Deleted]
                        .into_iter()
                        .map(|state| (key(Some(state)), table::state_words(state)))
                        .collect()
                    on_change=move |value| filter(|f, v| f.state = parse(v), value)
                />
                <Choice
                    id="m365-users-backup"
                    label=msg!("users-filter-backup")
                    value=Signal::derive(move || state.with(|s| key(s.query.filter.backup)))
                    options=vec![
                        (key(Some(BackupFilter::Succeeded)), msg!("backup-succeeded")),
                        (key(Some(BackupFilter::Failed)), msg!("backup-failed")),
                        (key(Some(BackupFilter::Never)), msg!("backup-never")),
                    ]
                    on_change=move |value| filter(|f, v| f.backup = parse(v), value)
                />
                <div class="m365-users__choice">
                    <label for="m365-users-group">{move || t!(i18n, "users-filter-group")}</label>
                    <select
                        id="m365-users-group"
                        on:change=move |event| filter(
                            |f, v| f.group = Some(v.to_owned()).filter(|v| !v.is_empty()),
                            event_target_value(&event),
                        )
                    >
                        <option value="" selected=move || state.with(|s| s.query.filter.group.is_none())>
                            {move || t!(i18n, "users-filter-any")}
                        </option>
                        {group_options}
                    </select>
                </div>
                <Show when=filtered>
                    <button
                        type="button"
                        class=ButtonStyle::Secondary.class()
                        on:click=move |_| {
                            typed.set(String::new());
                            go(state.get_untracked().filtered(UserFilter::default()));
                        }
                    >
                        {move || t!(i18n, "users-clear-filters")}
                    </button>
                </Show>
            </fieldset>
            <Columns state go/>
        </div>
    }
}

/// A filter's name in the address and the API, or `""` for none.
fn key<T: serde::Serialize>(value: Option<T>) -> String {
    value
        .and_then(|value| serde_json::to_value(value).ok())
        .and_then(|value| value.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The filter value named `name`, none for `""` or a name it does not have.
fn parse<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(name.to_owned())).ok()
}

/// One filter: a labelled choice among `options`, or all.
#[component]
fn Choice(
    id: &'static str,
    label: crate::i18n::MessageId,
    #[prop(into)] value: Signal<String>,
    options: Vec<(String, crate::i18n::MessageId)>,
    on_change: impl Fn(String) + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="m365-users__choice">
            <label for=id>{move || i18n.say(label)}</label>
            <select id=id on:change=move |event| on_change(event_target_value(&event))>
                <option value="" selected=move || value.with(String::is_empty)>
                    {move || t!(i18n, "users-filter-any")}
                </option>
                {options.into_iter().map(|(name, words)| {
                    let chosen = name.clone();
                    view! {
                        <option value=name selected=move || value.with(|value| *value == chosen)>
                            {move || i18n.say(words)}
                        </option>
                    }
                }).collect_view()}
            </select>
        </div>
    }
}

/// Which columns show, as checkboxes in a disclosure.
#[component]
fn Columns(
    state: Memo<ViewState>,
    go: impl Fn(ViewState) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="m365-users__columns">
            <summary>{move || t!(i18n, "users-columns")}</summary>
            <fieldset>
                <legend class="m365-visually-hidden">{move || t!(i18n, "users-columns")}</legend>
                {Column::ALL.into_iter().map(|column| {
                    let toggle = move |_| {
                        let mut next = state.get_untracked();
                        if next.shows(column) {
                            next.columns.retain(|shown| *shown != column);
                        } else {
                            next.columns.push(column);
                            next.columns.sort_by_key(|shown| {
                                Column::ALL.iter().position(|c| c == shown)
                            });
                        }
                        go(next);
                    };
                    view! {
                        <label class="m365-users__column-choice">
                            <input
                                type="checkbox"
                                prop:checked=move || state.with(|s| s.shows(column))
                                on:change=toggle
                            />
                            {move || i18n.say(table::column_words(column))}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        </details>
    }
}

/// The organization's and the subscription's licences, and the last user sync with Sync now.
#[component]
fn Summary(page: UserPage, settings: String, sync: UserSync) -> impl IntoView {
    let i18n = use_i18n();
    let licensing = page.licensing;
    let last_sync = page.last_user_sync_at.clone();
    view! {
        <div class="m365-users__summary">
            <p>
                {move || t!(
                    i18n,
                    "users-protected-count",
                    protected = licensing.protected_users,
                    total = licensing.user_count
                )}
                " · "
                {move || t!(
                    i18n,
                    "users-free-licences",
                    free = licensing.free_licences,
                    subscription = licensing.subscription_licences
                )}
            </p>
            {(licensing.mode == LicenceMode::Automatic).then(|| view! {
                <p id="m365-users-automatic" class="m365-users__note">
                    {move || t!(i18n, "users-mode-automatic")}
                    " "
                    <a href=settings.clone()>{move || t!(i18n, "users-mode-settings")}</a>
                </p>
            })}
            <p class="m365-users__sync">
                {move || match &last_sync {
                    Some(at) => t!(i18n, "users-synced", when = since(i18n, at)),
                    None => t!(i18n, "users-never-synced"),
                }}
                " "
                <SyncNow sync/>
            </p>
        </div>
    }
}

/// How long ago `rfc3339` was, in words ("2 hours ago"), by the module's clock (tracked).
fn since(i18n: I18n, rfc3339: &str) -> String {
    let then = js_sys::Date::parse(rfc3339);
    i18n.time_ago(i18n.clock().now() - then)
}

/// What is selected, with the actions on it.
#[component]
fn Selection(page: UserPage, state: Memo<ViewState>, protector: Protector) -> impl IntoView {
    let i18n = use_i18n();
    let total = page.total;
    let page_full = page.users.len();
    let ids: Vec<_> = page.users.iter().map(|user| user.id.clone()).collect();
    let automatic = page.licensing.mode == LicenceMode::Automatic;
    let all_on_page = move || {
        page_full > 0
            && protector
                .selected
                .with(|selected| ids.iter().all(|id| selected.has(id)))
    };
    let count = move || match protector.selected.get() {
        Selected::None => 0,
        Selected::Chosen(users) => u32::try_from(users.len()).unwrap_or(u32::MAX),
        Selected::Matching(_) => total,
    };
    let any = move || count() > 0;
    // Every user of this page is selected, and more match on other pages.
    let more_to_select = move || {
        all_on_page()
            && total as usize > page_full
            && !matches!(protector.selected.get(), Selected::Matching(_))
    };
    view! {
        <div class="m365-users__selection" role="group" aria-label=move || t!(i18n, "users-selected", count = count())>
            <p role="status">
                {move || match protector.selected.get() {
                    Selected::None => String::new(),
                    Selected::Matching(_) => t!(i18n, "users-all-matching-selected", total = total),
                    Selected::Chosen(_) => t!(i18n, "users-selected", count = count()),
                }}
            </p>
            <Show when=more_to_select>
                <button
                    type="button"
                    class=ButtonStyle::Secondary.class()
                    on:click=move |_| protector.selected.set(
                        Selected::Matching(state.get_untracked().query.filter)
                    )
                >
                    {move || t!(i18n, "users-select-all-matching", total = total)}
                </button>
            </Show>
            <Show when=any>
                <button
                    type="button"
                    class=ButtonStyle::Primary.class()
                    aria-disabled=move || protector.busy.get().to_string()
                    on:click=move |_| protector.ask_for_selection(true)
                >
                    {move || t!(i18n, "users-protect")}
                </button>
                {(!automatic).then(|| view! {
                    <button
                        type="button"
                        class=ButtonStyle::Secondary.class()
                        aria-disabled=move || protector.busy.get().to_string()
                        on:click=move |_| protector.ask_for_selection(false)
                    >
                        {move || t!(i18n, "users-deactivate")}
                    </button>
                })}
                <button
                    type="button"
                    class=ButtonStyle::Secondary.class()
                    on:click=move |_| protector.selected.set(Selected::None)
                >
                    {move || t!(i18n, "users-clear-selection")}
                </button>
            </Show>
            <Show when=move || protector.busy.get()>
                <p role="status" class="m365-status">{move || t!(i18n, "users-working")}</p>
            </Show>
        </div>
    }
}

/// What became of the last protection change.
#[component]
fn Outcome(protector: Protector) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        // Both always present, so that screen readers announce what comes into them.
        <p role="status" class="m365-users__status">
            {move || protector.outcome.get().filter(|o| !o.refused).map(|o| (o.words)(i18n))}
        </p>
        <div role="alert">
            {move || protector.outcome.get().filter(|o| o.refused).map(|o| view! {
                <p class="m365-alert m365-alert__message">{(o.words)(i18n)}</p>
            })}
        </div>
    }
}
