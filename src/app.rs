//! The module's root: the API client for everyone below, and the module's routes under the
//! host's base path, whose panels' code is fetched when first used.

use leptos::prelude::*;
use leptos_router::{
    components::{ParentRoute, Route, Router, Routes},
    hooks::use_location,
    path,
};
use xms_m365_contract::{PolicyView, SettingsView};

use crate::{
    MountOptions,
    api::ApiClient,
    chunks::{NotFetched, fetched, fetched_view, split},
    connect::ConnectButton,
    edit::EditPanel,
    history::HistoryView,
    host::{HostEvents, Navigation},
    i18n::{I18n, t, use_i18n},
    organizations::{OrganizationsPage, Summary},
    policy::PolicyEditor,
    routes::{BasePath, Page},
    state::{Announcer, Connector, Dashboard, Drafts},
    users::UsersView,
};

/// The whole module, as mounted by [`crate::mount`].
#[component]
pub fn App(options: MountOptions, host: HostEvents, i18n: I18n) -> impl IntoView {
    provide_context(i18n);
    provide_context(
        ApiClient::with(&options.api_base, options.credentials(), host.clone()).speaking(i18n),
    );
    // The module-wide state, which outlives every view that shows or changes it.
    provide_context(Dashboard::new(host.clone()));
    provide_context(Announcer::default());
    provide_context(Connector::default());
    provide_context(Drafts::<SettingsView>::default());
    provide_context(Drafts::<PolicyView>::default());
    provide_context(host);
    provide_context(BasePath::new(&options.base_path));
    view! {
        // The base keeps the router's link handling to the module's own paths: every other
        // link on the host's page stays the host's.
        <Router base=options.base_path.clone()>
            <NavigationReporter/>
            <Routes fallback=|| view! { <NotFound/> }>
                // The patterns of the paths `Page` builds and parses (src/routes.rs). The dashboard
                // stays mounted (its stream, its tiles) while panels open over it.
                <ParentRoute
                    path=path!("/")
                    view=|| {
                        view! {
                            <OrganizationsPage
                                on_shown=preload_views
                                summary=|| fetched_view(|| Box::pin(async { fetched!(panel(Panel::Summary)) }))
                            >
                                <ConnectButton/>
                            </OrganizationsPage>
                        }
                    }
                >
                    <Route path=path!("") view=|| ()/>
                    <Route
                        path=path!("organizations/:id/edit")
                        view=|| fetched_view(|| Box::pin(async { fetched!(panel(Panel::Edit)) }))
                    />
                    <Route
                        path=path!("organizations/:id/policy")
                        view=|| fetched_view(|| Box::pin(async { fetched!(panel(Panel::Policy)) }))
                    />
                    <Route
                        path=path!("organizations/:id/users")
                        view=|| fetched_view(|| Box::pin(async { fetched!(panel(Panel::Users)) }))
                    />
                    <Route
                        path=path!("organizations/:id/history")
                        view=|| fetched_view(|| Box::pin(async { fetched!(panel(Panel::History)) }))
                    />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// A view of the panels' chunk.
#[derive(Debug, Clone, Copy)]
enum Panel {
    /// The Edit panel.
    Edit,
    /// The policy editor.
    Policy,
    /// The users list.
    Users,
    /// The backup history.
    History,
    /// What needs attention, above the dashboard's list.
    Summary,
}

split!(
    panels,
    preload_panels,
    /// The views a first load does not fetch, in one chunk: the Edit panel, the policy editor,
    /// the users list, the backup history and the dashboard's summary of what needs attention (apart, the code they share made more chunks and more kilobytes in
    /// all), entered through one function (an entry each made the first load's loading code
    /// larger).
    fn panel(panel: Panel) -> Result<AnyView, NotFetched> {
        Ok(match panel {
            Panel::Edit => view! { <EditPanel/> }.into_any(),
            Panel::Policy => view! { <PolicyEditor/> }.into_any(),
            Panel::Users => view! { <UsersView/> }.into_any(),
            Panel::History => view! { <HistoryView/> }.into_any(),
            Panel::Summary => view! { <Summary/> }.into_any(),
        })
    }
);

/// Fetches the chunks of the Connect dialog and the panels once the browser is idle after the
/// dashboard has shown, so that opening them does not wait for the network. A failed fetch is
/// tried again when the view opens.
fn preload_views() {
    #[cfg(feature = "split")]
    crate::chunks::when_idle(|| {
        leptos::task::spawn_local(async {
            let _ = crate::connect::preload_connect_dialog().await;
            let _ = preload_panels().await;
        });
    });
}

/// Tells the host which view shows, for its title and breadcrumbs.
#[component]
fn NavigationReporter() -> impl IntoView {
    let host = expect_context::<HostEvents>();
    let base = expect_context::<BasePath>();
    let i18n = use_i18n();
    let location = use_location();
    Effect::new(move |_| {
        let pathname = location.pathname.get();
        let path = base.path_of(&pathname);
        let title = match Page::parse(path) {
            Some(Page::Edit(_)) => t!(i18n, "title-edit"),
            Some(Page::Policy(_)) => t!(i18n, "title-policy"),
            Some(Page::Users(_)) => t!(i18n, "title-users"),
            Some(Page::History(_)) => t!(i18n, "title-history"),
            Some(Page::Organizations) | None => t!(i18n, "title-organizations"),
        };
        host.navigated(&Navigation {
            path,
            title: &title,
        });
    });
}

/// A path under the module's base that it has no page for.
#[component]
fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="m365-page">
            <h1 class="m365-page__title">{move || t!(i18n, "not-found-title")}</h1>
            <p>{move || t!(i18n, "not-found-text")}</p>
            <a href="./">{move || t!(i18n, "not-found-link")}</a>
        </section>
    }
}
