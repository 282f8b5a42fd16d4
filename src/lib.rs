//! The Microsoft 365 module of XMS: a Leptos WebAssembly UI module that XMS embeds in its
//! console. The host page loads the module's JavaScript and calls [`mount`] with an element
//! and the options of the signed-in session; everything else happens inside that element.

/// A stylesheet of `style/` as the module embeds it: without comments (`build.rs`).
macro_rules! style {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/style/", $name, ".css"))
    };
}

// The layers, each using only those listed before it (and no feature another feature):
// transport and words; the module-wide state, the routes, the shared widgets and the loading
// of split views; the features; the app that composes them.
mod api;
mod events;
mod host;
mod i18n;

mod chunks;
mod routes;
mod state;
mod widgets;

mod connect;
mod edit;
mod history;
mod organizations;
mod policy;
mod users;

mod app;

pub use api::{ApiClient, ApiError, decode};
pub use connect::is_allowed_sign_in_uri;
pub use events::{SseEvent, SseParser};
pub use i18n::{I18n, Locale};
pub use organizations::{OrganizationList, SortOrder, visible_entries};
pub use routes::BasePath;
pub use state::{Announcer, Attention, Dashboard, Entry, ListKey};
pub use widgets::LoadFailed;

use std::{
    any::Any,
    cell::{Cell, RefCell},
    rc::Rc,
    sync::Arc,
};

use leptos::{mount::mount_to, prelude::*};
use send_wrapper::SendWrapper;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

use crate::{api::Credentials, host::HostEvents};

/// Room in the module's data for the wasm splitter. It moves each chunk's data (its words,
/// its strings) out of the first load, padding every chunk's part to the data's largest
/// alignment; when that padding outgrows the data, it gives up and keeps all data in the first
/// load (+22 KB), and the build fails saying so (`xtask/src/module.rs`). Nothing uses these
/// bytes, so no output module keeps them: they only make the input's data longer than the
/// padding can grow.
#[used]
static SPLIT_SLACK: [u8; 512] = [0xA5; 512];

/// The module's styles, in its layers' order: foundations, shared widgets, the dashboard (the
/// features in chunks bring their own, `widgets::add_styles`). They are put inside the module's shadow root, where the host page's
/// own stylesheets cannot reach; a host themes the module through the `--m365-*` custom
/// properties, which do cross into it.
const STYLES: &str = concat!(style!("module"), style!("widgets"), style!("organizations"),);

/// What the host passes to [`mount`], as a JavaScript object. Exactly one way of proving the
/// session is given: `token`, `getToken` or `csrf` (cookies).
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MountOptions {
    /// Where the XMS API is, such as `/api/v1` or `https://xms.example.com/api/v1`.
    #[serde(alias = "apiBaseUrl")]
    pub api_base: String,
    /// A static bearer token of the signed-in session.
    #[serde(default)]
    pub token: Option<String>,
    /// For cookie sessions: the CSRF header to send with every request.
    #[serde(default)]
    pub csrf: Option<CsrfOptions>,
    /// The path under which the host shows the module, such as `/m365`; the module's own
    /// routes live below it and it leaves every other link on the page to the host.
    #[serde(default = "default_base_path")]
    pub base_path: String,
    /// The language of the module's words as a BCP 47 tag (`en`, `pl`, `de-AT`); without it,
    /// or in a language the module does not speak, the browser's language, then English.
    #[serde(default)]
    pub locale: Option<String>,
    /// Light, dark, or `auto` (the reader's system setting).
    #[serde(default)]
    pub theme: Theme,
    /// Whatever `getToken` the host passed: a function returning a token (or a promise of one)
    /// for each request. Not part of the serialized options: functions do not deserialize.
    #[serde(skip)]
    get_token: Option<js_sys::Function>,
}

/// The CSRF header of a cookie session.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CsrfOptions {
    /// The header's name, such as `X-CSRF-Token`.
    pub header: String,
    /// Its value.
    pub token: String,
}

/// The module's colours.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Dark text on light surfaces.
    #[default]
    Light,
    /// Light text on dark surfaces.
    Dark,
    /// Whichever the reader's system prefers.
    Auto,
}

impl Theme {
    fn name(self) -> &'static str {
        match self {
            Self::Light => "light",
            Self::Dark => "dark",
            Self::Auto => "auto",
        }
    }
}

fn default_base_path() -> String {
    "/m365".to_owned()
}

impl MountOptions {
    /// Reads the options the host passed.
    fn read(options: &JsValue) -> Result<Self, String> {
        // `getToken` is taken out first: serde cannot read a function.
        let copy =
            js_sys::Object::assign(&js_sys::Object::new(), &options.clone().unchecked_into());
        let get_token = js_sys::Reflect::get(&copy, &"getToken".into())
            .ok()
            .filter(|value| !value.is_undefined() && !value.is_null());
        let _ = js_sys::Reflect::delete_property(&copy, &"getToken".into());
        let get_token = match get_token {
            None => None,
            Some(value) => Some(value.dyn_into::<js_sys::Function>().map_err(|_| {
                "getToken must be a function returning the session's token".to_owned()
            })?),
        };
        let options: Self = serde_wasm_bindgen::from_value(copy.into())
            .map_err(|e| format!("mount options are not valid: {e}"))?;
        Self {
            get_token,
            ..options
        }
        .validate()
    }

    fn validate(self) -> Result<Self, String> {
        if self.api_base.trim().is_empty() {
            return Err(
                "apiBase is empty: pass the URL of the XMS API, such as \"/api/v1\"".into(),
            );
        }
        let modes = usize::from(self.token.is_some())
            + usize::from(self.get_token.is_some())
            + usize::from(self.csrf.is_some());
        if modes != 1 {
            return Err(
                "pass exactly one of token (a bearer token), getToken (a function returning one) or csrf ({ header, token } for cookie sessions)".into(),
            );
        }
        if self.token.as_deref().is_some_and(|t| t.trim().is_empty()) {
            return Err("token is empty: pass the API token of the signed-in session".into());
        }
        if self
            .csrf
            .as_ref()
            .is_some_and(|c| c.header.trim().is_empty() || c.token.trim().is_empty())
        {
            return Err("csrf needs both header (its name) and token (its value)".into());
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

    /// How the module proves the session (exactly one way, as [`Self::validate`] ensured).
    fn credentials(&self) -> Credentials {
        if let Some(csrf) = &self.csrf {
            return Credentials::Cookie {
                header: csrf.header.as_str().into(),
                token: csrf.token.as_str().into(),
            };
        }
        if let Some(get_token) = &self.get_token {
            return Credentials::Callback(Arc::new(SendWrapper::new(get_token.clone())));
        }
        Credentials::Bearer(self.token.as_deref().unwrap_or_default().into())
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
    i18n: I18n,
}

#[wasm_bindgen]
impl MountedModule {
    /// Removes the module from the page and stops everything it was doing.
    pub fn unmount(&self) {
        unmount_from(&self.root);
    }

    /// Switches the module's language without reloading it (`"pl"`, `"de-DE"`); a language it
    /// does not speak, or none, means the browser's language, then English.
    #[wasm_bindgen(js_name = setLocale)]
    pub fn set_locale(&self, locale: Option<String>) {
        self.i18n.set(Locale::negotiate(locale.as_deref()));
    }
}

/// Starts the module inside `element`: `mount(element, { apiBase, token | getToken | csrf,
/// basePath, locale, theme })`.
///
/// The module renders into an open shadow root of `element`, so the host's CSS and the
/// module's do not leak into each other, and raises its events on `element`. Mounting again
/// into the same element replaces what was there.
#[wasm_bindgen]
pub fn mount(element: HtmlElement, options: JsValue) -> Result<MountedModule, JsError> {
    console_error_panic_hook::set_once();
    let options = MountOptions::read(&options).map_err(|e| JsError::new(&e))?;

    let root = match element.shadow_root() {
        Some(root) => root,
        None => element
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(|_| JsError::new("cannot attach a shadow root to this element"))?,
    };
    unmount_from(&root);
    // A constructed stylesheet rather than a <style> element: it needs no 'unsafe-inline'
    // in the host's Content Security Policy, and every instance on the page shares it.
    let sheet = STYLESHEET
        .with(|sheet| sheet.clone())
        .ok_or_else(|| JsError::new("this browser cannot give the module its styles"))?;
    js_sys::Reflect::set(
        &root,
        &"adoptedStyleSheets".into(),
        &js_sys::Array::of1(&sheet),
    )
    .map_err(|_| JsError::new("cannot give the module its styles"))?;
    let document = element
        .owner_document()
        .ok_or_else(|| JsError::new("element has no document"))?;
    let container: HtmlElement = document
        .create_element("div")
        .map_err(|_| JsError::new("cannot create the module's container"))?
        .unchecked_into();
    container.set_class_name("m365");
    let _ = container.set_attribute("data-theme", options.theme.name());
    root.append_child(&container)
        .map_err(|_| JsError::new("cannot add the module's container"))?;

    let host = HostEvents::on(element);
    // The language lives in the view's reactive owner; the handle keeps a copy to switch it.
    let made = Rc::new(Cell::new(None));
    let made_inside = Rc::clone(&made);
    let module_root = widgets::ModuleRoot(SendWrapper::new(root.clone()));
    let view = mount_to(container.clone(), move || {
        provide_context(module_root);
        let locale = Locale::negotiate(options.locale.as_deref());
        // Polish and German come in chunks of their own. Until the language's words are here
        // the module speaks English, hidden rather than showing English for a moment; the
        // switch then re-words every view (where the words cannot be fetched, it stays
        // English, words and formats alike).
        let speaking = if i18n::speaks(locale) {
            locale
        } else {
            Locale::En
        };
        let i18n = I18n::new(speaking);
        made_inside.set(Some(i18n));
        if speaking != locale {
            let _ = container.set_attribute("hidden", "");
            let container = container.clone();
            leptos::task::spawn_local(async move {
                i18n.switch(locale).await;
                let _ = container.remove_attribute("hidden");
            });
        }
        // Screen readers pronounce the words in the language they are written in.
        Effect::new(move |_| {
            let _ = container.set_attribute("lang", i18n.locale().tag());
        });
        app::App(app::AppProps {
            options,
            host,
            i18n,
        })
    });
    let i18n = made
        .take()
        .ok_or_else(|| JsError::new("the module did not start"))?;
    MOUNTED.with_borrow_mut(|mounted| mounted.push((root.clone(), Box::new(view))));
    Ok(MountedModule { root, i18n })
}

thread_local! {
    /// The module's styles, parsed once for every instance on the page.
    static STYLESHEET: Option<CssStyleSheet> = CssStyleSheet::new().ok().and_then(|sheet| {
        sheet.replace_sync(STYLES).ok()?;
        Some(sheet)
    });
}

#[wasm_bindgen(inline_js = r#"
export function define_element(mount) {
  if (customElements.get("xms-m365")) return;
  // <xms-m365 api-base token | csrf-header csrf-token base-path locale theme>: mounts when
  // added to the page and unmounts when removed, for hosts that prefer markup to mount().
  customElements.define("xms-m365", class extends HTMLElement {
    connectedCallback() {
      const attribute = (name) => this.getAttribute(name) ?? undefined;
      const options = {
        apiBase: attribute("api-base"),
        token: attribute("token"),
        basePath: attribute("base-path"),
        locale: attribute("locale"),
        theme: attribute("theme"),
      };
      if (this.hasAttribute("csrf-header")) {
        options.csrf = { header: attribute("csrf-header"), token: attribute("csrf-token") };
      }
      for (const key of Object.keys(options)) if (options[key] === undefined) delete options[key];
      this.module = mount(this, options);
    }
    disconnectedCallback() {
      this.module?.unmount();
      this.module = undefined;
    }
    static get observedAttributes() {
      return ["locale"];
    }
    attributeChangedCallback(name, old, value) {
      if (name === "locale") this.module?.setLocale(value ?? undefined);
    }
  });
}
"#)]
extern "C" {
    fn define_element(mount: &js_sys::Function);
}

/// Registers `<xms-m365>` once the module's code is loaded.
#[wasm_bindgen(start)]
pub fn start() {
    let mount =
        Closure::<dyn Fn(HtmlElement, JsValue) -> Result<MountedModule, JsError>>::new(mount);
    define_element(mount.as_ref().unchecked_ref());
    // The element can be created at any time while the page lives.
    mount.forget();
}
