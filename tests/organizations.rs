//! Component tests of the organizations page's parts and of the API error decoding, in
//! headless Chromium.
#![cfg(target_arch = "wasm32")]

mod common;

use std::{cell::Cell, rc::Rc};

use common::host;

use gloo_net::http::Response;
use leptos::{mount::mount_to, prelude::*};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;
use xms_m365::{ApiError, LoadFailed, OrganizationList, decode, group_thousands, relative_time};
use xms_m365_contract::{
    ErrorBody, ErrorCode, JobId, LastBackup, Organization, OrganizationId, OrganizationStatus,
};

wasm_bindgen_test_configure!(run_in_browser);

fn organization(name: &str, domain: &str, users: u32) -> Organization {
    Organization {
        id: OrganizationId(format!("id-{name}")),
        tenant_id: format!("tenant-{name}"),
        name: name.into(),
        primary_domain: domain.into(),
        user_count: users,
        connected_at: "2026-11-26T10:00:00Z".into(),
        protected_users: users,
        licences_used: users,
        status: OrganizationStatus::NeverBackedUp,
        last_backup: None,
        active_job: None,
    }
}

#[wasm_bindgen_test]
fn an_empty_list_says_no_organization_is_connected() {
    let host = host();
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
    let host = host();
    let organizations = vec![
        organization("Contoso", "contoso.onmicrosoft.com", 1250),
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
            && first.contains("Protected users1,250 of 1,250")
            && first.contains("Licences in use1,250"),
        "{first}"
    );
    let second = items.get(1).unwrap().text_content().unwrap();
    assert!(second.contains("Never backed up"), "{second}");
    assert!(second.contains("Last backupNone yet"), "{second}");
}

#[wasm_bindgen_test]
fn a_status_is_said_in_words_with_a_symbol_and_a_failure_gives_its_reason() {
    let host = host();
    let mut failed = organization("Northwind", "northwind.com", 87);
    failed.status = OrganizationStatus::LastBackupFailed;
    failed.last_backup = Some(LastBackup {
        job_id: JobId("job-1".into()),
        finished_at: "2026-11-26T09:30:00Z".into(),
        items: 1200,
        failure: Some("Microsoft Graph throttled the backup.".into()),
    });
    let mut reauthorize = organization("Woodgrove", "woodgrove.com", 10);
    reauthorize.status = OrganizationStatus::NeedsReauthorization;
    let organizations = vec![failed, reauthorize];
    let _view = mount_to(
        host.clone(),
        move || view! { <OrganizationList organizations/> },
    );
    let text = host.text_content().unwrap();
    assert!(text.contains("Last backup failed"), "{text}");
    assert!(
        text.contains("Failed: Microsoft Graph throttled the backup."),
        "{text}"
    );
    assert!(text.contains("(2026-11-26 09:30 UTC)"), "{text}");
    assert!(text.contains("Needs re-authorization"), "{text}");
    let symbols = host.query_selector_all("[aria-hidden=true]").unwrap();
    assert_eq!(
        symbols.length(),
        2,
        "each status has a symbol besides its words"
    );
    let time = host.query_selector("time").unwrap().unwrap();
    assert_eq!(
        time.get_attribute("tabindex").as_deref(),
        Some("0"),
        "the exact time is reachable by keyboard"
    );
}

#[wasm_bindgen_test]
fn numbers_and_ages_read_naturally() {
    assert_eq!(group_thousands(0), "0");
    assert_eq!(group_thousands(999), "999");
    assert_eq!(group_thousands(1250), "1,250");
    assert_eq!(group_thousands(1_234_567), "1,234,567");
    assert_eq!(relative_time(20_000.0), "just now");
    assert_eq!(relative_time(60_000.0), "1 minute ago");
    assert_eq!(relative_time(3.0 * 3_600_000.0), "3 hours ago");
    assert_eq!(relative_time(30.0 * 3_600_000.0), "yesterday");
    assert_eq!(relative_time(5.0 * 86_400_000.0), "5 days ago");
}

/// Renders `LoadFailed` and counts how often it asks to retry.
fn load_failed(retrying: bool) -> (HtmlElement, Rc<Cell<u32>>) {
    let host = host();
    let retries = Rc::new(Cell::new(0));
    let counter = retries.clone();
    let view = mount_to(host.clone(), move || {
        let counter = counter.clone();
        view! {
            <LoadFailed
                message="XMS could not be reached."
                retrying=Signal::stored(retrying)
                on_retry=move || counter.set(counter.get() + 1)
            />
        }
    });
    view.forget();
    (host, retries)
}

fn button(host: &HtmlElement) -> HtmlElement {
    host.query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into()
}

#[wasm_bindgen_test]
fn a_failure_is_announced_and_retry_asks_once_per_click() {
    let (host, retries) = load_failed(false);
    let alert = host.query_selector("[role=alert]").unwrap().unwrap();
    let text = alert.text_content().unwrap();
    assert!(text.contains("XMS could not be reached."), "{text}");
    assert_eq!(button(&host).text_content().unwrap(), "Retry");
    button(&host).click();
    button(&host).click();
    assert_eq!(retries.get(), 2);
}

#[wasm_bindgen_test]
fn retry_does_nothing_while_a_retry_is_under_way() {
    let (host, retries) = load_failed(true);
    assert_eq!(
        button(&host).get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    button(&host).click();
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
    common::next_tick().await;
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
