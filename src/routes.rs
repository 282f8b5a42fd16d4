//! Where the module's views live: each view is a [`Page`], whose path under the module's base
//! links, navigation and the host's navigation events all take from here.

use std::sync::Arc;

use xms_m365_contract::OrganizationId;

/// A view of the module, by its path under the module's base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// Every connected organization: `/`.
    Organizations,
    /// An organization's Edit panel, over the dashboard: `/organizations/{id}/edit`.
    Edit(OrganizationId),
    /// An organization's custom backup policy, instead of the dashboard:
    /// `/organizations/{id}/policy`.
    Policy(OrganizationId),
    /// An organization's users, instead of the dashboard: `/organizations/{id}/users` (its
    /// search, filters, sort and page in the query).
    Users(OrganizationId),
    /// An organization's backup history, instead of the dashboard:
    /// `/organizations/{id}/history` (its filters, page and the run shown in the query).
    History(OrganizationId),
}

impl Page {
    /// The path under the module's base, for the router's `navigate`; links take
    /// [`BasePath::href`].
    pub fn path(&self) -> String {
        match self {
            Self::Organizations => "/".to_owned(),
            Self::Edit(id) => format!("/organizations/{}/edit", id.0),
            Self::Policy(id) => format!("/organizations/{}/policy", id.0),
            Self::Users(id) => format!("/organizations/{}/users", id.0),
            Self::History(id) => format!("/organizations/{}/history", id.0),
        }
    }

    /// The page at `path` under the module's base; `None` where the module has none.
    pub fn parse(path: &str) -> Option<Self> {
        let path = path.trim_end_matches('/');
        if path.is_empty() {
            return Some(Self::Organizations);
        }
        let (id, view) = path.strip_prefix("/organizations/")?.split_once('/')?;
        let page = match view {
            "edit" => Self::Edit,
            "policy" => Self::Policy,
            "users" => Self::Users,
            "history" => Self::History,
            _ => return None,
        };
        (!id.is_empty()).then(|| page(OrganizationId(id.to_owned())))
    }
}

/// The host's path for the module, for links that many tiles repeat: a plain `<a>` with an
/// absolute address costs one DOM node, where the router's `<A>` adds reactive nodes that every
/// navigation re-evaluates. The router still handles clicks on any link under its base.
#[derive(Debug, Clone)]
pub struct BasePath(Arc<str>);

impl BasePath {
    /// The module's root at `base` (a path without a trailing `/`).
    pub fn new(base: &str) -> Self {
        Self(base.into())
    }

    /// The absolute address of `page`.
    pub fn href(&self, page: &Page) -> String {
        match page.path() {
            root if root == "/" && !self.0.is_empty() => self.0.to_string(),
            path => format!("{}{path}", self.0),
        }
    }

    /// The path under the module's base of the absolute `pathname` (`/` for the base itself).
    pub fn path_of<'a>(&self, pathname: &'a str) -> &'a str {
        match pathname.strip_prefix(&*self.0) {
            Some("") => "/",
            Some(path) => path,
            None => pathname,
        }
    }

    /// The page at the absolute `pathname`.
    pub fn page(&self, pathname: &str) -> Option<Page> {
        Page::parse(self.path_of(pathname))
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    use super::*;

    wasm_bindgen_test_configure!(run_in_browser);

    fn id(id: &str) -> OrganizationId {
        OrganizationId(id.to_owned())
    }

    #[wasm_bindgen_test]
    fn every_page_is_read_back_from_its_address() {
        let base = BasePath::new("/m365");
        for page in [
            Page::Organizations,
            Page::Edit(id("42")),
            Page::Policy(id("42")),
            Page::Users(id("42")),
            Page::History(id("42")),
        ] {
            assert_eq!(base.page(&base.href(&page)), Some(page.clone()));
            assert_eq!(Page::parse(&page.path()), Some(page));
        }
        assert_eq!(base.href(&Page::Organizations), "/m365");
        assert_eq!(
            base.href(&Page::Edit(id("42"))),
            "/m365/organizations/42/edit"
        );
    }

    #[wasm_bindgen_test]
    fn an_address_the_module_has_no_page_for_is_none() {
        let base = BasePath::new("/m365");
        for pathname in [
            "/m365/organizations",
            "/m365/organizations//edit",
            "/m365/organizations/42",
            "/m365/organizations/42/restore",
            "/m365/elsewhere",
        ] {
            assert_eq!(base.page(pathname), None, "{pathname}");
        }
        assert_eq!(base.page("/m365/"), Some(Page::Organizations));
        // A module mounted at the host's root.
        let root = BasePath::new("");
        assert_eq!(root.href(&Page::Organizations), "/");
        assert_eq!(
            root.page("/organizations/7/policy"),
            Some(Page::Policy(id("7")))
        );
    }
}
