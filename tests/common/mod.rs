//! Helpers shared by the component tests.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// A fresh element attached to the test page's body, for one test to render into.
pub fn host() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let element: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&element).unwrap();
    element
}

/// Lets the browser run what was scheduled (reactive effects, resolved futures).
pub async fn next_tick() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}
