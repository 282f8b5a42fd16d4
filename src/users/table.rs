//! The users of one page as a table: a header per column that sorts by it (its `aria-sort`
//! saying how), a row per user with a checkbox selecting it and one protecting it, and the
//! pager under it with the page size.

use leptos::prelude::*;
use xms_m365_contract::{
    BackupResult, LicenceMode, SortOrder, User, UserKind, UserPage, UserSort, UserState,
};

use super::{
    address::{Column, ViewState},
    protection::Protector,
    since,
};
use crate::{
    i18n::{I18n, MessageId, msg, t, use_i18n},
    widgets::PageSpan,
};

/// The words of a kind of account.
pub fn kind_words(kind: UserKind) -> MessageId {
    match kind {
        UserKind::User => msg!("kind-user"),
        UserKind::SharedMailbox => msg!("kind-shared-mailbox"),
        UserKind::RoomMailbox => msg!("kind-room-mailbox"),
        UserKind::EquipmentMailbox => msg!("kind-equipment-mailbox"),
    }
}

/// The words of a state in Microsoft 365.
pub fn state_words(state: UserState) -> MessageId {
    match state {
        UserState::Enabled => msg!("state-enabled"),
        UserState::SignInBlocked => msg!("state-sign-in-blocked"),
        UserState::Deleted => msg!("state-deleted"),
    }
}

/// A column's heading.
pub fn column_words(column: Column) -> MessageId {
    match column {
        Column::Email => msg!("column-email"),
        Column::Kind => msg!("column-kind"),
        Column::State => msg!("column-state"),
        Column::Groups => msg!("column-groups"),
        Column::ProtectedSince => msg!("column-protected-since"),
        Column::LastBackup => msg!("column-last-backup"),
    }
}

/// The column XMS sorts by for a chosen column, if it sorts by it.
fn sorted_by(column: Column) -> Option<UserSort> {
    match column {
        Column::Email => Some(UserSort::Email),
        Column::Kind => Some(UserSort::Kind),
        Column::State => Some(UserSort::State),
        Column::LastBackup => Some(UserSort::LastBackup),
        Column::Groups | Column::ProtectedSince => None,
    }
}

/// One page of users.
#[component]
pub fn UserTable(
    page: UserPage,
    state: Memo<ViewState>,
    go: impl Fn(ViewState) + Copy + Send + Sync + 'static,
    protector: Protector,
) -> impl IntoView {
    let i18n = use_i18n();
    if page.users.is_empty() {
        return view! { <p class="m365-users__none">{move || t!(i18n, "users-none")}</p> }
            .into_any();
    }
    let columns = state.with_untracked(|s| s.columns.clone());
    let automatic = page.licensing.mode == LicenceMode::Automatic;
    let ids: Vec<_> = page
        .users
        .iter()
        .map(|user| (user.id.clone(), user.display_name.clone()))
        .collect();
    let all_selected = {
        let ids = StoredValue::new(ids.clone());
        move || {
            protector
                .selected
                .with(|selected| ids.with_value(|ids| ids.iter().all(|(id, _)| selected.has(id))))
        }
    };
    let select_page = move |_| {
        let everyone = all_selected();
        let mut selected = protector.selected.get_untracked();
        for (id, name) in &ids {
            if selected.has(id) == everyone {
                selected = selected.toggled(id, name);
            }
        }
        protector.selected.set(selected);
    };
    let heading = move |words: MessageId, sort: Option<UserSort>| {
        let Some(sort) = sort else {
            return view! { <th scope="col">{move || i18n.say(words)}</th> }.into_any();
        };
        let aria_sort = move || {
            state.with(|s| match (s.query.sort == sort, s.query.order) {
                (false, _) => "none",
                (true, SortOrder::Ascending) => "ascending",
                (true, SortOrder::Descending) => "descending",
            })
        };
        let resort = move |_| {
            let mut next = state.get_untracked();
            next.query.order =
                if next.query.sort == sort && next.query.order == SortOrder::Ascending {
                    SortOrder::Descending
                } else {
                    SortOrder::Ascending
                };
            next.query.sort = sort;
            next.query.page = 1;
            go(next);
        };
        view! {
            <th scope="col" aria-sort=aria_sort>
                <button type="button" class="m365-users__sort" on:click=resort>
                    {move || i18n.say(words)}
                    <span aria-hidden="true" class="m365-users__sort-mark">
                        {move || match aria_sort() {
                            "ascending" => "▲",
                            "descending" => "▼",
                            _ => "",
                        }}
                    </span>
                </button>
            </th>
        }
        .into_any()
    };
    let headings = columns
        .iter()
        .map(|column| heading(column_words(*column), sorted_by(*column)))
        .collect_view();
    let (first, last) = span(&page).range();
    let total = page.total;
    let rows = page
        .users
        .into_iter()
        .map(|user| view! { <Row user columns=columns.clone() protector automatic/> })
        .collect_view();
    view! {
        <table class="m365-table m365-users__table">
            <caption class="m365-visually-hidden">
                {move || t!(i18n, "users-range", first = first, last = last, total = total)}
            </caption>
            <thead>
                <tr>
                    <th scope="col">
                        <input
                            type="checkbox"
                            aria-label=move || t!(i18n, "users-select-page")
                            prop:checked=all_selected
                            on:change=select_page
                        />
                    </th>
                    {heading(msg!("column-name"), Some(UserSort::Name))}
                    {headings}
                    {heading(msg!("column-protection"), Some(UserSort::Protection))}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
    .into_any()
}

#[component]
fn Row(user: User, columns: Vec<Column>, protector: Protector, automatic: bool) -> impl IntoView {
    let i18n = use_i18n();
    let User {
        id,
        display_name,
        principal_name,
        kind,
        state,
        groups,
        protected,
        protected_since,
        last_backup,
    } = user;
    let selected = {
        let id = id.clone();
        move || protector.selected.with(|selected| selected.has(&id))
    };
    let select = {
        let (id, name) = (id.clone(), display_name.clone());
        move |_| {
            protector
                .selected
                .update(|selected| *selected = selected.toggled(&id, &name))
        }
    };
    let protect = {
        let (id, name) = (id.clone(), display_name.clone());
        move |event: leptos::ev::MouseEvent| {
            // The box shows what XMS stores until XMS has changed it: the click asks first.
            event.prevent_default();
            protector.ask_for_one(!protected, id.clone(), name.clone());
        }
    };
    let name = display_name.clone();
    let cells = columns
        .into_iter()
        .map(|column| match column {
            Column::Email => view! { <td>{principal_name.clone()}</td> }.into_any(),
            Column::Kind => view! { <td>{move || i18n.say(kind_words(kind))}</td> }.into_any(),
            Column::State => view! { <td>{move || i18n.say(state_words(state))}</td> }.into_any(),
            Column::Groups => view! { <td>{groups.join(", ")}</td> }.into_any(),
            Column::ProtectedSince => {
                let since = protected_since.clone();
                view! { <td>{move || since.as_deref().map(|at| i18n.date_time(at)).unwrap_or_default()}</td> }
                    .into_any()
            }
            Column::LastBackup => {
                let backup = last_backup.clone();
                view! { <td>{move || backup_words(i18n, backup.as_ref())}</td> }.into_any()
            }
        })
        .collect_view();
    // Under automatic licence management, protection cannot be switched off here.
    let locked = automatic && protected;
    view! {
        <tr>
            <td>
                <input
                    type="checkbox"
                    aria-label=move || t!(i18n, "users-select", name = name.clone())
                    prop:checked=selected
                    on:change=select
                />
            </td>
            <th scope="row">{display_name.clone()}</th>
            {cells}
            <td>
                <label class="m365-users__protection">
                    <input
                        type="checkbox"
                        aria-label=move || t!(i18n, "users-protect-user", name = display_name.clone())
                        aria-describedby=locked.then_some("m365-users-automatic")
                        disabled=locked
                        prop:checked=protected
                        on:click=protect
                    />
                    <span>
                        {move || if protected {
                            t!(i18n, "protection-protected")
                        } else {
                            t!(i18n, "protection-unprotected")
                        }}
                    </span>
                </label>
            </td>
        </tr>
    }
}

/// A last backup in words: how it ended, when, with how many items; or that there was none.
fn backup_words(i18n: I18n, backup: Option<&xms_m365_contract::UserBackup>) -> String {
    let Some(backup) = backup else {
        return t!(i18n, "backup-never");
    };
    let result = match backup.result {
        BackupResult::Succeeded => t!(i18n, "backup-succeeded"),
        BackupResult::Failed => t!(i18n, "backup-failed"),
    };
    t!(
        i18n,
        "backup-last",
        result = result,
        when = since(i18n, &backup.at),
        items = backup.items
    )
}

/// Where `page` stands among the users that match.
pub fn span(page: &UserPage) -> PageSpan {
    PageSpan {
        page: page.page,
        page_size: page.page_size,
        shown: u32::try_from(page.users.len()).unwrap_or(u32::MAX),
        total: page.total,
    }
}
