//! The Microsoft 365 module of XMS: a Leptos WebAssembly UI module that XMS embeds in its
//! console. The host page loads the module's JavaScript and calls [`mount`] with an element
//! and the options of the signed-in session; everything else happens inside that element.

mod api;
mod app;
mod connect;
mod dialog;
mod drafts;
mod edit;
mod events;
mod organizations;
mod policy;

pub use api::{ApiClient, ApiError, decode};
pub use connect::is_allowed_sign_in_uri;
pub use edit::problems as settings_problems;
pub use events::{SseEvent, SseParser};
pub use organizations::{
    Dashboard, Entry, ListKey, LoadFailed, OrganizationList, SortOrder, group_thousands,
    relative_time, time_until, visible_entries,
};
pub use policy::{next_runs_words, run_time};

use std::{any::Any, cell::RefCell};

use leptos::mount::mount_to;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The module's styles. They are put inside the module's shadow root, where the host page's
/// own stylesheets cannot reach; a host themes the module through the `--m365-*` custom
/// properties, which do cross into it.
const STYLES: &str = concat!(
    include_str!("../style/module.css"),
    include_str!("../style/organizations.css"),
    include_str!("../style/dialog.css"),
    include_str!("../style/connect.css"),
    include_str!("../style/edit.css"),
);

/// What the host passes to [`mount`], as a JavaScript object.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MountOptions {
    /// Where the XMS API is, such as `/api/v1` or `https://xms.example.com/api/v1`.
    pub api_base_url: String,
    /// The bearer token of the signed-in session.
    pub token: String,
    /// The path under which the host shows the module, such as `/m365`; the module's own
    /// routes live below it and it leaves every other link on the page to the host.
    #[serde(default = "default_base_path")]
    pub base_path: String,
}

fn default_base_path() -> String {
    "/m365".to_owned()
}

impl MountOptions {
    fn validate(self) -> Result<Self, String> {
        if self.api_base_url.trim().is_empty() {
            return Err(
                "apiBaseUrl is empty: pass the URL of the XMS API, such as \"/api/v1\"".into(),
            );
        }
        if self.token.trim().is_empty() {
            return Err("token is empty: pass the API token of the signed-in session".into());
        }
        if !self.base_path.starts_with('/') {
            return Err(format!(
                "basePath \"{}\" must start with \"/\", such as \"/m365\"",
                self.base_path
            ));
        }
        let base_path = self.base_path.trim_end_matches('/').to_owned();
        Ok(Self { base_path, ..self })
    }
}

thread_local! {
    /// The views this page has mounted, by the shadow root they render into. They live here,
    /// not in the [`MountedModule`] handed to the host, so that a host that drops its handle
    /// (and lets the JavaScript garbage collector free it) does not make the module vanish.
    static MOUNTED: RefCell<Vec<(ShadowRoot, Box<dyn Any>)>> = const { RefCell::new(Vec::new()) };
}

/// Unmounts whatever view renders into `root`, if any: dropping the handle unmounts the view
/// and disposes its reactive owner, which cancels its pending work.
fn unmount_from(root: &ShadowRoot) {
    let view = MOUNTED.with_borrow_mut(|mounted| {
        let index = mounted.iter().position(|(r, _)| r == root)?;
        Some(mounted.swap_remove(index))
    });
    drop(view);
    root.set_inner_html("");
}

/// A mounted module; the host calls `unmount()` when it navigates away.
#[wasm_bindgen]
pub struct MountedModule {
    root: ShadowRoot,
}

#[wasm_bindgen]
impl MountedModule {
    /// Removes the module from the page and stops everything it was doing.
    pub fn unmount(&self) {
        unmount_from(&self.root);
    }
}

/// Starts the module inside `element`: `mount(element, { apiBaseUrl, token, basePath })`.
///
/// The module renders into an open shadow root of `element`, so the host's CSS and the
/// module's do not leak into each other. Mounting again into the same element replaces what
/// was there.
#[wasm_bindgen]
pub fn mount(element: HtmlElement, options: JsValue) -> Result<MountedModule, JsError> {
    console_error_panic_hook::set_once();
    let options: MountOptions = serde_wasm_bindgen::from_value(options)
        .map_err(|e| JsError::new(&format!("mount options are not valid: {e}")))?;
    let options = options.validate().map_err(|e| JsError::new(&e))?;

    let root = match element.shadow_root() {
        Some(root) => root,
        None => element
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(|_| JsError::new("cannot attach a shadow root to this element"))?,
    };
    unmount_from(&root);
    let document = element
        .owner_document()
        .ok_or_else(|| JsError::new("element has no document"))?;
    let style = document
        .create_element("style")
        .map_err(|_| JsError::new("cannot create <style>"))?;
    style.set_text_content(Some(STYLES));
    root.append_child(&style)
        .map_err(|_| JsError::new("cannot add the module's styles"))?;
    let container: HtmlElement = document
        .create_element("div")
        .map_err(|_| JsError::new("cannot create the module's container"))?
        .unchecked_into();
    container.set_class_name("m365");
    root.append_child(&container)
        .map_err(|_| JsError::new("cannot add the module's container"))?;

    let view = mount_to(container, move || app::App(app::AppProps { options }));
    MOUNTED.with_borrow_mut(|mounted| mounted.push((root.clone(), Box::new(view))));
    Ok(MountedModule { root })
}
