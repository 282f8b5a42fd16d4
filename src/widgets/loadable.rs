//! What a view shows of a read: a status line while it loads, the view once it has loaded, or
//! what went wrong with **Retry**, which reads again while the failure stays in view.

use leptos::prelude::*;

use super::LoadFailed;
use crate::{
    api::ApiError,
    i18n::{MessageId, use_i18n},
};

/// The view of `read` once it has loaded, through `children`.
#[component]
pub fn Loadable<T, V, C>(
    /// The read.
    read: LocalResource<Result<T, ApiError>>,
    /// Said while it loads.
    loading: MessageId,
    /// Shown under a failure besides Retry: another way forward.
    #[prop(optional, into)]
    way_back: ViewFn,
    /// The view of what was read.
    children: C,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    C: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let i18n = use_i18n();
    let (retrying, set_retrying) = signal(false);
    let children = StoredValue::new(children);
    let way_back = StoredValue::new(way_back);
    view! {
        <Transition
            fallback=move || view! {
                <p class="m365-status" role="status">{move || i18n.say(loading)}</p>
            }
            set_pending=set_retrying
        >
            {move || read.get().map(|loaded| match loaded {
                Ok(value) => children.with_value(|children| children(value)).into_any(),
                Err(error) => view! {
                    <LoadFailed error retrying on_retry=move || read.refetch()/>
                    {way_back.with_value(ViewFn::run)}
                }
                .into_any(),
            })}
        </Transition>
    }
}
