//! How the administrator narrows, orders and lays out the dashboard: a filter by name or
//! domain, a state that needs attention (the summary's), a sort order and tiles or a table, all
//! kept in the page's URL (`?q=…&needs=…&sort=…&view=…`) so the view survives a reload and
//! follows the back button; the layout is also kept for the next visit.

use std::cmp::Ordering;

use leptos::{html, prelude::*};
use leptos_router::{
    NavigateOptions,
    hooks::{use_navigate, use_query_map},
    params::ParamsMap,
};
use wasm_bindgen::JsValue;

use crate::{
    i18n::{Collator, I18n, t, use_i18n},
    state::{Attention, Entry, ListKey, fold_case},
};

/// The URL parameter of the filter.
const FILTER_PARAM: &str = "q";
/// The URL parameter of the sort order.
const SORT_PARAM: &str = "sort";
/// The URL parameter of the state that needs attention.
const NEEDS_PARAM: &str = "needs";
/// The URL parameter of the layout.
const LAYOUT_PARAM: &str = "view";
/// Where the browser keeps the layout last chosen, for a visit whose URL does not say.
const LAYOUT_KEY: &str = "xms-m365.dashboard-view";

/// How the dashboard shows its organizations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A tile each.
    Tiles,
    /// A row each, in one table (the panels' chunk).
    Table,
}

impl Layout {
    /// Its value in the URL and in the browser's storage.
    pub fn param(self) -> &'static str {
        match self {
            Self::Tiles => "tiles",
            Self::Table => "table",
        }
    }

    /// The layout a value names, if it names one.
    fn from_param(value: Option<&str>) -> Option<Self> {
        [Self::Tiles, Self::Table]
            .into_iter()
            .find(|layout| Some(layout.param()) == value)
    }
}

/// The browser's storage for this site (`localStorage`), if it lets the module use it. Its
/// items are read and written as its properties, through `Reflect`, which the first load has
/// anyway: web-sys's `Storage` added its own glue to it.
fn storage() -> Option<JsValue> {
    let storage = js_sys::Reflect::get(&web_sys::window()?.into(), &"localStorage".into()).ok()?;
    storage.is_object().then_some(storage)
}

/// The orders the dashboard can be sorted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortOrder {
    /// Those needing attention first: what an administrator with many organizations comes
    /// to the dashboard for, hence the default.
    #[default]
    Status,
    /// By name, A to Z.
    Name,
    /// The longest without a backup first.
    LastBackup,
}

impl SortOrder {
    const ALL: [Self; 3] = [Self::Status, Self::Name, Self::LastBackup];

    /// Its value in the URL.
    pub fn param(self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Status => "status",
            Self::LastBackup => "last-backup",
        }
    }

    /// The order a URL value names; the default for anything else.
    pub fn from_param(value: Option<&str>) -> Self {
        Self::ALL
            .into_iter()
            .find(|order| Some(order.param()) == value)
            .unwrap_or_default()
    }

    fn label(self, i18n: I18n) -> String {
        match self {
            Self::Name => t!(i18n, "sort-name"),
            Self::Status => t!(i18n, "sort-status"),
            Self::LastBackup => t!(i18n, "sort-last-backup"),
        }
    }

    /// How `a` sorts against `b`; names (given as strings for `names`) as the language sorts
    /// them.
    fn compare(
        self,
        (a, a_name): (&ListKey, &JsValue),
        (b, b_name): (&ListKey, &JsValue),
        names: &Collator,
    ) -> Ordering {
        let by_name = || {
            names
                .compare(a_name, b_name)
                .then_with(|| a.domain.cmp(&b.domain))
        };
        match self {
            Self::Name => by_name(),
            // Among the same status, those with another state that asks for action (a worker
            // offline, users unprotected, licences short) first.
            Self::Status => a
                .urgency
                .cmp(&b.urgency)
                .then_with(|| Attention::asks_action(b).cmp(&Attention::asks_action(a)))
                .then_with(by_name),
            // `None` (never backed up) sorts before any time, which is what oldest-first wants.
            Self::LastBackup => a.last_backup.cmp(&b.last_backup).then_with(by_name),
        }
    }
}

/// The entries matching `filter` (in the name or the domain, ignoring case) and in the state
/// `needs` (any, for none), in `order`, names sorted by `names`.
pub fn visible_entries(
    entries: &[Entry],
    (filter, needs): (&str, Option<Attention>),
    (order, names): (SortOrder, &Collator),
) -> Vec<Entry> {
    let filter = fold_case(filter.trim());
    // Each name goes to the collator once, rather than twice for every comparison.
    let mut keyed: Vec<(ListKey, JsValue, &Entry)> = entries
        .iter()
        .filter_map(|entry| {
            let key = entry.key.get();
            let shown = (key.name.contains(&filter) || key.domain.contains(&filter))
                && needs.is_none_or(|needs| needs.holds(&key));
            shown.then(|| {
                let name = JsValue::from_str(&key.name);
                (key, name, entry)
            })
        })
        .collect();
    keyed.sort_by(|(a, a_name, _), (b, b_name, _)| order.compare((a, a_name), (b, b_name), names));
    keyed
        .into_iter()
        .map(|(_, _, entry)| entry.clone())
        .collect()
}

/// The state that needs attention `query` shows, if any (tracked). Read from the URL's memo
/// rather than a memo of its own: one type fewer in the first load.
fn needs_in(query: Memo<ParamsMap>) -> Option<Attention> {
    query.with(|q| Attention::from_param(q.get_str(NEEDS_PARAM)))
}

/// The filter and sort order, read from and written to the URL, and the organizations they
/// show.
#[derive(Debug, Clone, Copy)]
pub struct ViewOptions {
    /// The filter as typed.
    pub filter: Signal<String>,
    /// The sort order.
    pub order: Signal<SortOrder>,
    /// The organizations shown, filtered and sorted: one memo for the tiles, their count and
    /// the table alike.
    pub shown: Memo<Vec<Entry>>,
    typed: RwSignal<String>,
    query: Memo<ParamsMap>,
    input: NodeRef<html::Input>,
    /// Goes to a query string, replacing the history entry or not.
    navigate: Callback<(String, bool)>,
}

impl ViewOptions {
    /// The options of the current URL for `entries`; changes to them are written back to it.
    pub fn from_url(entries: Signal<Vec<Entry>>) -> Self {
        let query = use_query_map();
        let navigate = use_navigate();
        let from_url = move || query.with(|q| q.get(FILTER_PARAM).unwrap_or_default());
        // Kept apart from the URL so that nothing typed waits for, or is overwritten by, a
        // navigation; the URL follows it, and it follows the URL on back and forward.
        let typed = RwSignal::new(from_url());
        Effect::new(move |_| {
            let url_filter = from_url();
            if url_filter != typed.get_untracked() {
                typed.set(url_filter);
            }
        });
        let order =
            Memo::new(move |_| query.with(|q| SortOrder::from_param(q.get_str(SORT_PARAM))));
        let i18n = use_i18n();
        let shown = Memo::new(move |_| {
            let filter = typed.get();
            let needs = needs_in(query);
            let order = (order.get(), &i18n.collator());
            entries.with(|entries| visible_entries(entries, (&filter, needs), order))
        });
        Self {
            filter: typed.into(),
            order: order.into(),
            shown,
            typed,
            query,
            input: NodeRef::new(),
            navigate: Callback::new(move |(target, replace): (String, bool)| {
                navigate(
                    // The dashboard's own path, under the module's base: "." (relative)
                    // gained a slash every time it dropped the query.
                    &format!("/{target}"),
                    NavigateOptions {
                        replace,
                        scroll: false,
                        ..NavigateOptions::default()
                    },
                );
            }),
        }
    }

    /// Changes the filter; the URL's entry is replaced, so typing does not fill the history.
    pub fn set_filter(&self, value: String) {
        self.typed.set(value);
        self.go(self.order.get_untracked(), true);
    }

    /// The state that needs attention shown, or none for every organization (tracked).
    pub fn needs(&self) -> Option<Attention> {
        needs_in(self.query)
    }

    /// Shows only the organizations in state `needs`, or all; a new history entry.
    pub fn set_needs(&self, needs: Option<Attention>) {
        self.set_param(NEEDS_PARAM, needs.map(Attention::param), false);
    }

    /// Goes to the URL with the parameter `name` at `value` (or without it), replacing the
    /// history entry or not.
    fn set_param(&self, name: &'static str, value: Option<&str>, replace: bool) {
        let mut query = self.query.get_untracked();
        if let Some(value) = value {
            query.replace(name, value.to_owned());
        } else {
            query.remove(name);
        }
        self.navigate.run((query.to_query_string(), replace));
    }

    /// The layout shown (tracked): the URL's, tiles where it does not say.
    pub fn layout(&self) -> Layout {
        self.query
            .with(|q| Layout::from_param(q.get_str(LAYOUT_PARAM)))
            .unwrap_or(Layout::Tiles)
    }

    /// The layout the administrator chose on an earlier visit, if the URL does not say which
    /// to show.
    pub fn stored_layout(&self) -> Option<Layout> {
        if self
            .query
            .with_untracked(|q| q.get_str(LAYOUT_PARAM).is_some())
        {
            return None;
        }
        let stored = js_sys::Reflect::get(&storage()?, &LAYOUT_KEY.into()).ok()?;
        Layout::from_param(stored.as_string().as_deref())
    }

    /// Shows the organizations laid out as `layout`, as a new history entry, and keeps it for
    /// the next visit.
    pub fn set_layout(&self, layout: Layout) {
        if let Some(storage) = storage() {
            // A browser that keeps nothing still shows the layout; it is not kept.
            let _ = js_sys::Reflect::set(&storage, &LAYOUT_KEY.into(), &layout.param().into());
        }
        self.show_layout(layout, false);
    }

    /// Shows the organizations laid out as `layout`, replacing the history entry or not.
    pub fn show_layout(&self, layout: Layout, replace: bool) {
        self.set_param(LAYOUT_PARAM, Some(layout.param()), replace);
    }

    /// Empties the filter and puts the keyboard in it, for the next search.
    pub fn clear_filter(&self) {
        self.set_filter(String::new());
        if let Some(input) = self.input.get_untracked() {
            let _ = input.focus();
        }
    }

    /// Changes the sort order, as a new history entry.
    pub fn set_order(&self, order: SortOrder) {
        self.go(order, false);
    }

    fn go(&self, order: SortOrder, replace: bool) {
        let mut query = self.query.get_untracked();
        let filter = self.typed.get_untracked();
        if filter.is_empty() {
            query.remove(FILTER_PARAM);
        } else {
            query.replace(FILTER_PARAM, filter);
        }
        if order == SortOrder::default() {
            query.remove(SORT_PARAM);
        } else {
            query.replace(SORT_PARAM, order.param().to_owned());
        }
        self.navigate.run((query.to_query_string(), replace));
    }
}

/// The filter box and the sort order.
#[component]
pub fn Toolbar(options: ViewOptions) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="m365-toolbar" role="search" aria-label=move || t!(i18n, "list-label")>
            <label class="m365-toolbar__field">
                <span class="m365-toolbar__label">{move || t!(i18n, "toolbar-filter")}</span>
                <input
                    node_ref=options.input
                    type="search"
                    class="m365-input"
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || options.filter.get()
                    on:input=move |event| options.set_filter(event_target_value(&event))
                />
            </label>
            <label class="m365-toolbar__field">
                <span class="m365-toolbar__label">{move || t!(i18n, "toolbar-sort")}</span>
                <select
                    class="m365-input"
                    on:change=move |event| {
                        options.set_order(SortOrder::from_param(Some(&event_target_value(&event))))
                    }
                >
                    {SortOrder::ALL
                        .into_iter()
                        .map(|order| {
                            view! {
                                <option
                                    value=order.param()
                                    prop:selected=move || options.order.get() == order
                                >
                                    {move || order.label(i18n)}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
        </div>
    }
}
