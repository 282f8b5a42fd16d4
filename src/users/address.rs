//! What the users list's address says: the page XMS is asked for (search, filters, sort,
//! page and page size) and the columns shown, so that a link, Back and a reload all show the
//! same view.

use xms_m365_contract::{PAGE_SIZES, UserFilter, UserQuery};

/// A column the administrator may show or hide; the name and the protection always show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The email address.
    Email,
    /// The kind of account.
    Kind,
    /// The state in Microsoft 365.
    State,
    /// The groups.
    Groups,
    /// Since when protected.
    ProtectedSince,
    /// The last backup.
    LastBackup,
}

impl Column {
    /// Every column that can be chosen, in the table's order.
    pub const ALL: [Self; 6] = [
        Self::Email,
        Self::Kind,
        Self::State,
        Self::Groups,
        Self::ProtectedSince,
        Self::LastBackup,
    ];

    /// Shown when the address chooses none.
    const DEFAULT: [Self; 4] = [Self::Email, Self::Kind, Self::State, Self::LastBackup];

    /// Its name in the address.
    fn key(self) -> &'static str {
        match self {
            Self::Email => "email",
            Self::Kind => "kind",
            Self::State => "state",
            Self::Groups => "groups",
            Self::ProtectedSince => "protected_since",
            Self::LastBackup => "last_backup",
        }
    }
}

/// The view the address describes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    /// The page XMS is asked for.
    pub query: UserQuery,
    /// The columns shown besides the name and the protection, in the table's order.
    pub columns: Vec<Column>,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            query: UserQuery::default(),
            columns: Column::DEFAULT.to_vec(),
        }
    }
}

impl ViewState {
    /// The view of the query string `search` (with or without its `?`); what it does not say,
    /// or says wrongly (an address typed by hand), is as by default.
    pub fn read(search: &str) -> Self {
        let search = search.trim_start_matches('?');
        let mut state = Self::default();
        if let Ok(query) = serde_urlencoded::from_str::<UserQuery>(search) {
            state.query = query;
        }
        if !PAGE_SIZES.contains(&state.query.page_size) {
            state.query.page_size = UserQuery::default().page_size;
        }
        state.query.page = state.query.page.max(1);
        let chosen = form_urlencoded::parse(search.as_bytes())
            .find(|(name, _)| name == "columns")
            .map(|(_, value)| value.into_owned());
        if let Some(chosen) = chosen {
            let chosen: Vec<&str> = chosen.split(',').collect();
            state.columns = Column::ALL
                .into_iter()
                .filter(|column| chosen.contains(&column.key()))
                .collect();
        }
        state
    }

    /// The query string of this view (without `?`), defaults left out.
    pub fn write(&self) -> String {
        let mut search = self.api_query();
        if self.columns != Column::DEFAULT {
            let columns: Vec<&str> = self.columns.iter().map(|column| column.key()).collect();
            let pair = form_urlencoded::Serializer::new(String::new())
                .append_pair("columns", &columns.join(","))
                .finish();
            if !search.is_empty() {
                search.push('&');
            }
            search.push_str(&pair);
        }
        search
    }

    /// The query string XMS is asked with, defaults left out.
    pub fn api_query(&self) -> String {
        let defaults = pairs(&UserQuery::default());
        let mut search = form_urlencoded::Serializer::new(String::new());
        for (name, value) in pairs(&self.query) {
            if !defaults.contains(&(name.clone(), value.clone())) {
                search.append_pair(&name, &value);
            }
        }
        search.finish()
    }

    /// This view with `filter` instead, from its first page.
    pub fn filtered(&self, filter: UserFilter) -> Self {
        let mut next = self.clone();
        next.query.filter = filter;
        next.query.page = 1;
        next
    }

    /// Whether a column shows.
    pub fn shows(&self, column: Column) -> bool {
        self.columns.contains(&column)
    }
}

/// `query`'s parameters, as names and values.
fn pairs(query: &UserQuery) -> Vec<(String, String)> {
    let search = serde_urlencoded::to_string(query).unwrap_or_default();
    form_urlencoded::parse(search.as_bytes())
        .into_owned()
        .collect()
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
    use xms_m365_contract::{Protection, SortOrder, UserKind, UserSort};

    use super::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn a_view_is_read_back_from_its_address() {
        let mut view = ViewState::default();
        assert_eq!(view.write(), "", "the default view has a bare address");
        view.query.filter.search = Some("Łukasz W".to_owned());
        view.query.filter.protection = Some(Protection::Unprotected);
        view.query.filter.kind = Some(UserKind::SharedMailbox);
        view.query.sort = UserSort::LastBackup;
        view.query.order = SortOrder::Descending;
        view.query.page = 3;
        view.query.page_size = 100;
        view.columns = vec![Column::Email, Column::Groups];
        let address = view.write();
        assert_eq!(ViewState::read(&format!("?{address}")), view);
        assert!(address.contains("sort=last_backup"), "{address}");
        assert!(address.contains("columns=email%2Cgroups"), "{address}");
        assert!(
            !view.api_query().contains("columns"),
            "XMS is not told the columns"
        );
    }

    #[wasm_bindgen_test]
    fn an_address_typed_wrong_shows_the_default_view() {
        assert_eq!(ViewState::read("kind=robot"), ViewState::default());
        let odd = ViewState::read("page=0&page_size=7&columns=shoe_size");
        assert_eq!((odd.query.page, odd.query.page_size), (1, 50));
        assert!(odd.columns.is_empty(), "no column chosen is a choice");
    }
}
