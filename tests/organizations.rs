//! Component tests of the organizations page's parts and of the API error decoding, in
//! headless Chromium.
#![cfg(target_arch = "wasm32")]

use std::{cell::Cell, rc::Rc};

use gloo_net::http::Response;
use leptos::{mount::mount_to, prelude::*};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;
use xms_m365::{ApiError, LoadFailed, OrganizationList, decode};
use xms_m365_contract::{ErrorBody, ErrorCode, Organization, OrganizationId};

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let element: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&element).unwrap();
    element
}

fn organization(name: &str, domain: &str, users: u32) -> Organization {
    Organization {
        id: OrganizationId(format!("id-{name}")),
        tenant_id: format!("tenant-{name}"),
        name: name.into(),
        primary_domain: domain.into(),
        user_count: users,
        connected_at: "2026-11-26T10:00:00Z".into(),
    }
}

async fn next_tick() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

#[wasm_bindgen_test]
fn an_empty_list_says_no_organization_is_connected() {
    let host = container();
    let _view = mount_to(
        host.clone(),
        || view! { <OrganizationList organizations=vec![]/> },
    );
    let text = host.text_content().unwrap();
    assert!(
        text.contains("No Microsoft 365 organization is connected yet."),
        "{text}"
    );
    assert!(host.query_selector("[role=list], ul").unwrap().is_none());
}

#[wasm_bindgen_test]
fn each_organization_shows_its_name_domain_and_users() {
    let host = container();
    let organizations = vec![
        organization("Contoso", "contoso.onmicrosoft.com", 250),
        organization("Fabrikam", "fabrikam.com", 1),
    ];
    let _view = mount_to(
        host.clone(),
        move || view! { <OrganizationList organizations/> },
    );
    let list = host
        .query_selector("ul[aria-label=Organizations]")
        .unwrap()
        .unwrap();
    let items = list.query_selector_all("li").unwrap();
    assert_eq!(items.length(), 2);
    let first = items.get(0).unwrap().text_content().unwrap();
    assert!(
        first.contains("Contoso")
            && first.contains("contoso.onmicrosoft.com")
            && first.contains("250 users"),
        "{first}"
    );
    let second = items.get(1).unwrap().text_content().unwrap();
    assert!(
        second.contains("1 user") && !second.contains("1 users"),
        "{second}"
    );
}

#[wasm_bindgen_test]
fn a_failure_is_announced_and_retry_asks_once_per_click() {
    let host = container();
    let retries = Rc::new(Cell::new(0));
    let counter = retries.clone();
    let _view = mount_to(host.clone(), move || {
        let counter = counter.clone();
        view! {
            <LoadFailed
                message="XMS could not be reached."
                retrying=Signal::stored(false)
                on_retry=move || counter.set(counter.get() + 1)
            />
        }
    });
    let alert = host.query_selector("[role=alert]").unwrap().unwrap();
    assert!(
        alert
            .text_content()
            .unwrap()
            .contains("XMS could not be reached.")
    );
    let button: HtmlElement = alert
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(button.text_content().unwrap(), "Retry");
    button.click();
    button.click();
    assert_eq!(retries.get(), 2);
}

#[wasm_bindgen_test]
fn retry_does_nothing_while_a_retry_is_under_way() {
    let host = container();
    let retries = Rc::new(Cell::new(0));
    let counter = retries.clone();
    let _view = mount_to(host.clone(), move || {
        let counter = counter.clone();
        view! {
            <LoadFailed
                message="XMS could not be reached."
                retrying=Signal::stored(true)
                on_retry=move || counter.set(counter.get() + 1)
            />
        }
    });
    let button: HtmlElement = host
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(
        button.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    button.click();
    assert_eq!(retries.get(), 0);
    assert!(host.text_content().unwrap().contains("Retrying…"));
}

#[wasm_bindgen_test]
async fn a_server_error_keeps_the_servers_message() {
    let body = ErrorBody::new(
        ErrorCode::Unauthorized,
        "The API token is missing or wrong.",
    );
    let response = Response::builder().status(401).json(&body).unwrap();
    let error = decode::<ErrorBody>(response).await.unwrap_err();
    assert_eq!(error.to_string(), "The API token is missing or wrong.");
    next_tick().await;
}

#[wasm_bindgen_test]
async fn an_answer_that_is_not_json_is_an_error_not_a_crash() {
    let response = Response::builder()
        .status(200)
        .header("Content-Type", "text/html")
        .body(Some("<html>Proxy login</html>"))
        .unwrap();
    let error = decode::<xms_m365_contract::OrganizationList>(response)
        .await
        .unwrap_err();
    assert_eq!(error, ApiError::UnexpectedResponse { status: 200 });
    assert!(error.to_string().contains("does not understand"));

    let response = Response::builder()
        .status(502)
        .body(Some("Bad Gateway"))
        .unwrap();
    let error = decode::<xms_m365_contract::OrganizationList>(response)
        .await
        .unwrap_err();
    assert!(error.to_string().contains("HTTP 502"), "{error}");
}
