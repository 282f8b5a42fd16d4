//! The Microsoft 365 tab's landing page: the connected organizations, kept up to date from
//! XMS's change stream (or, while the stream is down, by polling), with loading, empty and
//! failure states.

mod attention;
mod list;
mod table;
mod tile;
mod view_options;

pub use attention::Summary;
pub use list::OrganizationList;
pub use view_options::{SortOrder, visible_entries};

use std::time::Duration;

use futures::future::{AbortHandle, Abortable};
use leptos::{prelude::*, task::spawn_local};
use leptos_router::{components::Outlet, hooks::use_location};
use xms_m365_contract::ServerEvent;

use crate::{
    api::{ApiClient, ApiError},
    events::{StreamStatus, Subscriber, follow_changes},
    i18n::{t, use_i18n},
    routes::{BasePath, Page},
    state::{Announcer, Dashboard},
    widgets::LoadFailed,
};

/// How often the organizations are reloaded while the change stream is down.
const POLL_EVERY: Duration = Duration::from_secs(5);

/// How far the first load has come.
#[derive(Debug, Clone, PartialEq)]
enum Load {
    Loading,
    Loaded,
    Failed(ApiError),
}

/// Loads the organizations from XMS into the [`Dashboard`] and shows them under the
/// **Microsoft 365** heading, with the status line of the [`Announcer`].
#[component]
pub fn OrganizationsPage(
    /// Called once, when the organizations are first shown.
    #[prop(optional, into)]
    on_shown: Option<Callback<()>>,
    /// What needs attention, above the list (a view of a chunk: [`Summary`]).
    #[prop(optional, into)]
    summary: ViewFn,
    /// The page's actions, beside its heading.
    children: Children,
) -> impl IntoView {
    let api = expect_context::<ApiClient>();
    let i18n = use_i18n();
    let dashboard = expect_context::<Dashboard>();
    let announcer = expect_context::<Announcer>();
    let location = use_location();
    // The policy editor, the users list and the history are full views: the dashboard stays mounted (its
    // stream, its tiles) but out of sight, so coming back is instant.
    let base = expect_context::<BasePath>();
    let full_view = Memo::new(move |_| {
        location.pathname.with(|path| {
            matches!(
                base.page(path),
                Some(Page::Policy(_) | Page::Users(_) | Page::History(_))
            )
        })
    });
    let loader = Loader {
        api: StoredValue::new(api.clone()),
        dashboard,
        load: RwSignal::new(Load::Loading),
        in_flight: RwSignal::new(false),
        outdated: RwSignal::new(false),
        generation: StoredValue::new(0),
        first_loaded: StoredValue::new_local(None),
    };
    let stream = RwSignal::new(StreamStatus::Connecting);
    // The list is asked for at once, and the stream once it has come, from the event the list
    // is current as of: no change falls between the two, and the tiles do not wait for the
    // stream. If the stream cannot open, polling reloads the list.
    let owner = Owner::current();
    loader.first_loaded.set_value(Some(Box::new(move |as_of| {
        let follow = || follow_changes(api, PageSubscriber { loader, stream }, as_of);
        match owner {
            Some(owner) => owner.with(follow),
            None => follow(),
        }
    })));
    loader.reload();
    poll_while_interrupted(loader, stream);

    let phase = Memo::new(move |_| loader.load.get());
    if let Some(on_shown) = on_shown {
        Effect::new(move |shown: Option<bool>| {
            if shown == Some(true) {
                return true;
            }
            let loaded = phase.get() == Load::Loaded;
            if loaded {
                on_shown.run(());
            }
            loaded
        });
    }
    let notice = move || match (stream.get(), loader.outdated.get()) {
        (StreamStatus::Interrupted, false) => t!(i18n, "live-interrupted"),
        (StreamStatus::Interrupted, true) => t!(i18n, "live-interrupted-outdated"),
        _ => String::new(),
    };

    view! {
        <section class="m365-page" aria-labelledby="m365-title" hidden=move || full_view.get()>
            <div class="m365-page__header">
                <h1 id="m365-title" class="m365-page__title">{move || t!(i18n, "title-organizations")}</h1>
                {children()}
            </div>
            // Always present, so that screen readers announce their changes.
            <p class="m365-live" role="status">{notice}</p>
            <p class="m365-announce" role="status">{move || announcer.words(i18n)}</p>
            {move || match phase.get() {
                Load::Loading => view! {
                    <p class="m365-status" role="status">{move || t!(i18n, "list-loading")}</p>
                }
                .into_any(),
                Load::Failed(error) => view! {
                    <LoadFailed
                        error=error.clone()
                        retrying=loader.in_flight
                        on_retry=move || loader.reload()
                    />
                }
                .into_any(),
                Load::Loaded => view! { <OrganizationList dashboard summary=summary.clone()/> }.into_any(),
            }}
        </section>
        // The Edit panel over the dashboard, or the policy editor instead of it.
        <Outlet/>
    }
}

/// Loads the organizations into the dashboard, the newest request winning.
#[derive(Clone, Copy)]
struct Loader {
    api: StoredValue<ApiClient>,
    dashboard: Dashboard,
    load: RwSignal<Load>,
    in_flight: RwSignal<bool>,
    /// The last reload failed after the first had succeeded: the tiles may be stale.
    outdated: RwSignal<bool>,
    generation: StoredValue<u64>,
    /// What the first answer to the list starts: following the change stream, from the
    /// list's event when it loaded.
    first_loaded: StoredValue<Option<FirstLoaded>, LocalStorage>,
}

/// Called once, with the event the first list loaded is current as of (none when it failed).
type FirstLoaded = Box<dyn FnOnce(Option<String>)>;

impl Loader {
    /// Starts what waits for the first answer to the list, once.
    fn first_answered(&self, as_of: Option<String>) {
        if let Some(first) = self.first_loaded.try_update_value(Option::take).flatten() {
            first(as_of);
        }
    }

    fn reload(&self) {
        let Some(generation) = self.generation.try_update_value(|g| {
            *g += 1;
            *g
        }) else {
            return; // the page is gone
        };
        self.in_flight.set(true);
        let this = *self;
        let api = self.api.get_value();
        spawn_local(async move {
            let result = api.organizations().await;
            if this.generation.try_get_value() != Some(generation) {
                return; // a newer reload answers instead, or the page is gone
            }
            this.in_flight.set(false);
            let loaded = this.load.get_untracked() == Load::Loaded;
            match result {
                Ok(list) => {
                    this.dashboard.merge(list.organizations);
                    this.first_answered(list.as_of);
                    this.outdated.set(false);
                    if !loaded {
                        this.load.set(Load::Loaded);
                    }
                }
                // Tiles already shown stay: an outdated view beats an empty one.
                Err(_) if loaded => this.outdated.set(true),
                Err(error) => {
                    this.load.set(Load::Failed(error));
                    // The stream still opens (from now), so that the page notices XMS coming
                    // back: its opening, or polling while it cannot open, reloads the list.
                    this.first_answered(None);
                }
            }
        });
    }
}

/// The page's end of the change stream.
struct PageSubscriber {
    loader: Loader,
    stream: RwSignal<StreamStatus>,
}

impl Subscriber for PageSubscriber {
    fn opened(&self, fresh: bool) {
        self.stream.try_set(StreamStatus::Live);
        if fresh {
            self.loader.reload();
        }
    }

    fn changed(&self, event: ServerEvent) {
        if !self.loader.dashboard.apply(event) {
            self.loader.reload();
        }
    }

    fn interrupted(&self) {
        if self.stream.try_get_untracked() != Some(StreamStatus::Interrupted) {
            self.stream.try_set(StreamStatus::Interrupted);
        }
    }
}

/// Reloads the organizations every [`POLL_EVERY`] while the change stream is interrupted.
fn poll_while_interrupted(loader: Loader, stream: RwSignal<StreamStatus>) {
    let polling = StoredValue::new_local(None::<AbortHandle>);
    let stop = move || {
        if let Some(handle) = polling.try_update_value(Option::take).flatten() {
            handle.abort();
        }
    };
    Effect::new(move |_| {
        if stream.get() != StreamStatus::Interrupted {
            stop();
            return;
        }
        if polling.with_value(Option::is_some) {
            return;
        }
        let (handle, registration) = AbortHandle::new_pair();
        polling.set_value(Some(handle));
        spawn_local(async move {
            let poll = async move {
                loop {
                    loader.reload();
                    gloo_timers::future::sleep(POLL_EVERY).await;
                }
            };
            let _ = Abortable::new(poll, registration).await;
        });
    });
    on_cleanup(stop);
}
