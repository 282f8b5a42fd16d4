//! Views whose code is a wasm chunk of its own (the split build, `cargo xtask module`): how
//! they are called, shown while and after their chunk is fetched, and fetched ahead of use
//! when the browser is idle. In the one-wasm build (tests, lints) the same views are plain
//! functions.
//!
//! A split view is a function returning `Result<AnyView, NotFetched>` declared through
//! [`split!`].

use std::{future::Future, pin::Pin, sync::Arc};

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use crate::{api::ApiError, widgets::LoadFailed};

// rustfmt re-indents the attribute below one step further on every run (not idempotent).
#[rustfmt::skip]
/// `split!(chunk, preload, fn view(…) -> Result<AnyView, NotFetched> { … })`: `view` becomes
/// the chunk `chunk` in the split build, and `preload` fetches it ahead. `fallible` makes a
/// failed fetch an `Err` to show, where wasm-split's default would abort the module.
macro_rules! split {
    ($chunk:ident, $preload:ident, $view:item) => {
        #[cfg_attr(
            feature = "split",
            leptos::wasm_split::wasm_split(
                $chunk,
                wasm_split_path = ::leptos::wasm_split,
                fallible,
                preload($preload)
            )
        )]
        $view
    };
}
pub(crate) use split;

/// Calls a split view: in the split build it is async and fetches its chunk first, in the
/// one-wasm build a plain call.
#[cfg(feature = "split")]
macro_rules! fetched {
    ($view:ident($($arg:expr),*)) => {
        $view($($arg),*).await
    };
}
#[cfg(not(feature = "split"))]
macro_rules! fetched {
    ($view:ident($($arg:expr),*)) => {
        $view($($arg),*)
    };
}
pub(crate) use fetched;

/// The code of a view could not be fetched from XMS.
#[derive(Debug)]
pub struct NotFetched;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for NotFetched {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Self
    }
}

/// A split view being fetched, as [`fetched_view`] takes it.
pub type Fetching = Pin<Box<dyn Future<Output = Result<AnyView, NotFetched>>>>;

/// A split view, shown once its chunk is there; when fetching fails, what went wrong and a
/// way to try again.
pub fn fetched_view(view: impl Fn() -> Fetching + Send + Sync + 'static) -> impl IntoView {
    fetched_any(Arc::new(view))
}

/// [`fetched_view`] for any view: one copy of its code in the first load, where each view's
/// own instance of it made the first load heavier by a few kilobytes.
fn fetched_any(view: Arc<dyn Fn() -> Fetching + Send + Sync>) -> impl IntoView {
    let failed = RwSignal::new(false);
    // The failure is shown beside the view rather than in its place, so that Retry replaces
    // it cleanly with a new attempt.
    let attempt = move || {
        let shown = view();
        // Suspend wants a future it could send; in the browser's one thread it never is.
        Suspend::new(SendWrapper::new(async move {
            shown.await.unwrap_or_else(|NotFetched| {
                failed.set(true);
                ().into_any()
            })
        }))
    };
    view! {
        <Show when=move || failed.get() fallback=attempt>
            <section class="m365-page">
                <LoadFailed
                    error=ApiError::Unreachable
                    retrying=false
                    on_retry=move || failed.set(false)
                />
            </section>
        </Show>
    }
}

/// Runs `then` when the browser is next idle, or in a second where it cannot say (Safari).
#[cfg(feature = "split")]
pub fn when_idle(then: impl FnOnce() + 'static) {
    use wasm_bindgen::{JsCast, closure::Closure};
    let Some(window) = web_sys::window() else {
        return;
    };
    let then = Closure::once_into_js(then);
    if window.request_idle_callback(then.unchecked_ref()).is_err() {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(then.unchecked_ref(), 1000);
    }
}
