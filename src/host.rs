//! What the module tells the page that embeds it: DOM `CustomEvent`s on the mount element
//! (`xms-m365:unauthorized`, `xms-m365:organization-added`, `xms-m365:organization-removed`,
//! `xms-m365:navigate`), which bubble out of the module's shadow root so the host can listen
//! on the element or any ancestor.

use std::sync::Arc;

use send_wrapper::SendWrapper;
use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};
use xms_m365_contract::OrganizationId;

/// Raises the module's events on the element it is mounted into.
#[derive(Debug, Clone)]
pub struct HostEvents(Option<Arc<SendWrapper<HtmlElement>>>);

/// What a `xms-m365:navigate` event says.
#[derive(Debug, Serialize)]
pub struct Navigation<'a> {
    /// The module's path under its base, such as `/organizations/42/edit`.
    pub path: &'a str,
    /// What the view is, for the host's title or breadcrumbs.
    pub title: &'a str,
}

#[derive(Serialize)]
struct OrganizationDetail<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
}

impl HostEvents {
    /// Events raised on `element`.
    pub fn on(element: HtmlElement) -> Self {
        Self(Some(Arc::new(SendWrapper::new(element))))
    }

    /// Events raised nowhere, for a module rendered without a host (component tests).
    pub fn none() -> Self {
        Self(None)
    }

    /// XMS refused the session's credentials: the host should sign the administrator in again.
    pub fn unauthorized(&self) {
        self.raise("xms-m365:unauthorized", &JsValue::NULL);
    }

    /// An organization was connected.
    pub fn organization_added(&self, id: &OrganizationId, name: &str) {
        self.raise_serialized(
            "xms-m365:organization-added",
            &OrganizationDetail {
                id: &id.0,
                name: Some(name),
            },
        );
    }

    /// An organization was removed.
    pub fn organization_removed(&self, id: &OrganizationId) {
        self.raise_serialized(
            "xms-m365:organization-removed",
            &OrganizationDetail {
                id: &id.0,
                name: None,
            },
        );
    }

    /// The module showed another view.
    pub fn navigated(&self, navigation: &Navigation<'_>) {
        self.raise_serialized("xms-m365:navigate", navigation);
    }

    fn raise_serialized(&self, name: &str, detail: &impl Serialize) {
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        if let Ok(detail) = detail.serialize(&serializer) {
            self.raise(name, &detail);
        }
    }

    fn raise(&self, name: &str, detail: &JsValue) {
        // Events are raised from the module's own code, always on the page's thread.
        let Some(element) = self
            .0
            .as_deref()
            .and_then(|e| e.valid().then(|| (**e).clone()))
        else {
            return;
        };
        let init = CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(detail);
        if let Ok(event) = CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = element.dispatch_event(&event);
        }
    }
}
