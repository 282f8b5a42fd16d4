//! The module's modal dialog, in parts like a component library's: the [`Modal`] surface,
//! its [`ModalTitle`] (the heading that names it, with the close button) and its [`ModalBody`],
//! which share the dialog's close through a context of their own. Focus is moved in and
//! trapped while open, Escape or the close button closes, and focus goes back to the control
//! that opened it (or, for a dialog opened by an address, to whatever had the focus before).
//! When the view inside changes under the focus (a sign-in finished in another tab), focus
//! moves to the new view's heading; Escape and Tab work wherever the focus is while it is open.

use leptos::{ev, html, prelude::*};
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{HtmlElement, KeyboardEvent, MutationObserver, MutationObserverInit};

use crate::i18n::{t, use_i18n};

/// What can be focused inside the dialog, in tab order.
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
                         select:not([disabled]), textarea:not([disabled]), \
                         [tabindex]:not([tabindex=\"-1\"])";

/// The id of the open dialog's title (there is only ever one open).
const TITLE_ID: &str = "m365-modal-title";

/// What the dialog's parts share.
#[derive(Clone, Copy)]
struct Opened {
    close: Callback<()>,
}

/// A modal dialog over the module, named by the [`ModalTitle`] among its children. There is
/// only ever one open; a [`super::Confirm`] may ask a question over it, and keys it handles
/// are not this dialog's.
#[component]
pub fn Modal(
    /// The control that opened the dialog; it gets the focus back when the dialog closes.
    /// Without one, the element focused when the dialog opened gets it back, if still there.
    #[prop(optional)]
    return_focus: Option<NodeRef<html::Button>>,
    /// Shows the dialog as a panel along the side, for longer forms.
    #[prop(optional)]
    panel: bool,
    /// Called when the person closes the dialog (Escape or the close button).
    #[prop(into)]
    on_close: Callback<()>,
    /// The dialog's parts: its [`ModalTitle`] and [`ModalBody`].
    children: Children,
) -> impl IntoView {
    // The dialog's words follow its own copy of the language, which closes with it.
    provide_context(use_i18n().scoped());
    provide_context(Opened { close: on_close });
    let dialog = NodeRef::<html::Div>::new();

    // Focus moves into the dialog once it is on the page, so a screen reader announces it.
    hold_focus(
        move || dialog.get().map(Into::into),
        move || return_focus.and_then(|button| button.get_untracked().map(Into::into)),
    );

    // The element last focused in the dialog: when it is no longer there and nothing else has
    // the focus, its view was replaced under it (the focus is then on the page's body). A focus
    // the person moved elsewhere leaves it in place, so nothing is taken back from them.
    let last_focused = StoredValue::new_local(None::<HtmlElement>);
    let observer = StoredValue::new_local(None::<(MutationObserver, Closure<dyn FnMut()>)>);
    Effect::new(move |_| {
        let Some(element) = dialog.get() else {
            return;
        };
        let watched = element.clone();
        let refocus = Closure::<dyn FnMut()>::new(move || {
            let lost =
                active_element(&watched).is_none_or(|active| !watched.contains(Some(&active)));
            let replaced = last_focused.with_value(|last| {
                last.as_ref()
                    .is_some_and(|last| !watched.contains(Some(last)))
            });
            if lost && replaced {
                focus_view(&watched);
            }
        });
        let Ok(watcher) = MutationObserver::new(refocus.as_ref().unchecked_ref()) else {
            return;
        };
        let options = MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        if watcher.observe_with_options(&element, &options).is_ok() {
            observer.set_value(Some((watcher, refocus)));
        }
    });
    on_cleanup(move || {
        if let Some((watcher, _)) = observer.try_update_value(Option::take).flatten() {
            watcher.disconnect();
        }
    });

    // On the window, so that Escape and Tab also work when the focus is outside the dialog (on
    // the page's body after a view changed, or in the host page).
    let keys = window_event_listener(ev::keydown, move |event: KeyboardEvent| {
        if event.default_prevented() {
            return;
        }
        let Some(dialog) = dialog.get_untracked() else {
            return;
        };
        match event.key().as_str() {
            "Escape" => {
                event.prevent_default();
                on_close.run(());
            }
            "Tab" => trap_focus(&dialog, &event),
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
    let on_focusin = move |event: ev::FocusEvent| {
        let target = event
            .target()
            .and_then(|target| target.dyn_into::<HtmlElement>().ok());
        last_focused.set_value(target);
    };

    view! {
        <div class="m365-modal__backdrop">
            <div
                class="m365-modal"
                class:m365-modal--panel=panel
                role="dialog"
                aria-modal="true"
                aria-labelledby=TITLE_ID
                tabindex="-1"
                node_ref=dialog
                on:focusin=on_focusin
            >
                {children()}
            </div>
        </div>
    }
}

/// The dialog's heading, which names it, and its close button.
#[component]
pub fn ModalTitle(
    /// The title.
    #[prop(into)]
    title: Signal<String>,
) -> impl IntoView {
    let Opened { close } = expect_context();
    let i18n = use_i18n();
    view! {
        <div class="m365-modal__header">
            <h2 id=TITLE_ID class="m365-modal__title">{move || title.get()}</h2>
            <button
                type="button"
                class="m365-modal__close"
                aria-label=move || t!(i18n, "modal-close")
                on:click=move |_| close.run(())
            >
                "×"
            </button>
        </div>
    }
}

/// What the dialog shows under its title.
#[component]
pub fn ModalBody(children: Children) -> impl IntoView {
    view! { <div class="m365-modal__body">{children()}</div> }
}

/// Moves the focus to what `into` finds once it is on the page and, when the view goes, gives
/// it back to what `back` finds, or else to what had it before, if still on the page.
pub(super) fn hold_focus(
    into: impl Fn() -> Option<HtmlElement> + 'static,
    back: impl FnOnce() -> Option<HtmlElement> + Send + Sync + 'static,
) {
    let before = StoredValue::new_local(None::<HtmlElement>);
    Effect::new(move |_| {
        if let Some(element) = into() {
            before.set_value(active_element(&element));
            let _ = element.focus();
        }
    });
    on_cleanup(move || {
        let target = back().or_else(|| before.try_get_value().flatten());
        if let Some(target) = target.filter(|element| element.is_connected()) {
            let _ = target.focus();
        }
    });
}

/// The focused element of the document or shadow root `element` is in.
pub(super) fn active_element(element: &HtmlElement) -> Option<HtmlElement> {
    let root = element.get_root_node();
    let active = match root.dyn_ref::<web_sys::ShadowRoot>() {
        Some(shadow) => shadow.active_element(),
        None => root.dyn_ref::<web_sys::Document>()?.active_element(),
    };
    active?.dyn_into::<HtmlElement>().ok()
}

/// Focuses the heading of the view now in `dialog` (made focusable for it), or the dialog itself.
fn focus_view(dialog: &HtmlElement) {
    let heading = dialog
        .query_selector(".m365-modal__body :is(h2, h3, h4)")
        .ok()
        .flatten()
        .and_then(|element| element.dyn_into::<HtmlElement>().ok());
    match heading {
        Some(heading) => {
            let _ = heading.set_attribute("tabindex", "-1");
            let _ = heading.focus();
        }
        None => {
            let _ = dialog.focus();
        }
    }
}

/// Keeps Tab and Shift+Tab cycling inside the dialog, and brings a focus that is outside it
/// back in.
fn trap_focus(dialog: &HtmlElement, event: &KeyboardEvent) {
    let Ok(found) = dialog.query_selector_all(FOCUSABLE) else {
        return;
    };
    let focusable: Vec<HtmlElement> = (0..found.length())
        .filter_map(|i| found.get(i))
        .filter_map(|node| node.dyn_into::<HtmlElement>().ok())
        .collect();
    let (Some(first), Some(last)) = (focusable.first(), focusable.last()) else {
        event.prevent_default();
        return;
    };
    // The event's target is retargeted to the module's host element at the window: ask the
    // shadow root what has the focus instead.
    let current = active_element(dialog);
    let at = |element: &HtmlElement| current.as_ref() == Some(element);
    let inside = current
        .as_ref()
        .is_some_and(|element| dialog.contains(Some(element)));
    let wrap_to = if !inside {
        Some(if event.shift_key() { last } else { first })
    } else if event.shift_key() && (at(first) || at(dialog)) {
        Some(last)
    } else if !event.shift_key() && at(last) {
        Some(first)
    } else {
        None
    };
    if let Some(target) = wrap_to {
        event.prevent_default();
        let _ = target.focus();
    }
}
