//! Component tests of the organizations page's parts and of the API error decoding, in
//! headless Chromium.
#![cfg(target_arch = "wasm32")]

mod common;

use std::{cell::Cell, rc::Rc};

use common::host;

use gloo_net::http::Response;
use leptos::{mount::mount_to, prelude::*};
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;
use xms_m365::{
    Announcer, ApiClient, ApiError, Attention, BasePath, Dashboard, I18n, LoadFailed, Locale,
    OrganizationList, SortOrder, decode, visible_entries,
};
use xms_m365_contract::{
    BackupKind, CredentialProblem, ErrorBody, ErrorCode, Job, JobId, JobState, LastBackup,
    Organization, OrganizationId, OrganizationStatus, PolicyKind, ServerEvent, Worker, WorkerId,
    WorkerKind,
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
        licences_short: 0,
        secret_expires_at: None,
        certificate_expires_at: None,
        credential_problem: None,
        status: OrganizationStatus::NeverBackedUp,
        last_backup: None,
        active_job: None,
        policy: PolicyKind::Default,
        next_backup_at: Some("2099-01-01T22:00:00Z".into()),
        default_worker: Worker {
            id: WorkerId("cloud".into()),
            name: "Xopero Cloud".into(),
            kind: WorkerKind::Cloud,
            online: true,
            main: true,
        },
    }
}

/// Renders the list of `organizations` in English as the page does; the dashboard stays to be
/// changed.
fn render(organizations: Vec<Organization>) -> (HtmlElement, Dashboard) {
    let (host, dashboard, _) = render_in(Locale::En, organizations);
    (host, dashboard)
}

/// Renders the list of `organizations` in `locale`; the language stays to be switched.
fn render_in(locale: Locale, organizations: Vec<Organization>) -> (HtmlElement, Dashboard, I18n) {
    let host = host();
    let dashboard = Dashboard::default();
    dashboard.merge(organizations);
    let i18n = I18n::new(locale);
    let view = mount_to(host.clone(), move || {
        provide_context(ApiClient::new("/unused", "token"));
        provide_context(dashboard);
        provide_context(Announcer::default());
        provide_context(BasePath::new("/m365"));
        provide_context(i18n);
        view! { <Router><OrganizationList dashboard/></Router> }
    });
    view.forget();
    (host, dashboard, i18n)
}

fn job(organization: &str, state: JobState) -> Job {
    Job {
        id: JobId("job-7".into()),
        organization_id: OrganizationId(format!("id-{organization}")),
        created_at: "2026-11-26T10:00:00Z".into(),
        finished_at: (!state.is_active()).then(|| "2026-11-26T10:05:00Z".to_owned()),
        state,
        kind: BackupKind::Incremental,
    }
}

/// The tile whose heading is `name`.
fn tile(host: &HtmlElement, name: &str) -> web_sys::Element {
    let tiles = host.query_selector_all("li").unwrap();
    (0..tiles.length())
        .filter_map(|i| tiles.get(i))
        .map(|node| node.unchecked_into::<web_sys::Element>())
        .find(|tile| {
            tile.query_selector("h2")
                .unwrap()
                .unwrap()
                .text_content()
                .as_deref()
                == Some(name)
        })
        .unwrap_or_else(|| panic!("no tile named {name}"))
}

#[wasm_bindgen_test]
fn an_empty_list_says_no_organization_is_connected() {
    let (host, _) = render(vec![]);
    let text = host.text_content().unwrap();
    assert!(
        text.contains("No Microsoft 365 organization is connected yet."),
        "{text}"
    );
    assert!(host.query_selector("[role=list], ul").unwrap().is_none());
}

#[wasm_bindgen_test]
fn each_organization_shows_its_name_domain_and_users() {
    let (host, _) = render(vec![
        organization("Fabrikam", "fabrikam.com", 1),
        organization("Contoso", "contoso.onmicrosoft.com", 1250),
    ]);
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
    let (host, _) = render(vec![failed, reauthorize]);
    let text = host.text_content().unwrap();
    assert!(text.contains("Last backup failed"), "{text}");
    assert!(
        text.contains("Failed: Microsoft Graph throttled the backup."),
        "{text}"
    );
    // The exact time, as the reader's browser writes it.
    assert!(text.contains("(Nov 26, 2026"), "{text}");
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
    let i18n = I18n::new(Locale::En);
    assert_eq!(i18n.number(0.0), "0");
    assert_eq!(i18n.number(999.0), "999");
    assert_eq!(i18n.number(1250.0), "1,250");
    assert_eq!(i18n.number(1_234_567.0), "1,234,567");
    assert_eq!(i18n.time_ago(20_000.0), "now");
    assert_eq!(i18n.time_ago(60_000.0), "1 minute ago");
    assert_eq!(i18n.time_ago(3.0 * 3_600_000.0), "3 hours ago");
    assert_eq!(i18n.time_ago(30.0 * 3_600_000.0), "yesterday");
    assert_eq!(i18n.time_ago(5.0 * 86_400_000.0), "5 days ago");
}

/// Renders `LoadFailed` and counts how often it asks to retry.
fn load_failed(retrying: bool) -> (HtmlElement, Rc<Cell<u32>>) {
    let host = host();
    let retries = Rc::new(Cell::new(0));
    let counter = retries.clone();
    let view = mount_to(host.clone(), move || {
        let counter = counter.clone();
        provide_context(I18n::new(Locale::En));
        view! {
            <LoadFailed
                error=ApiError::Unreachable
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

#[wasm_bindgen_test]
fn tiles_show_the_next_backup_the_policy_and_the_worker() {
    let mut offline = organization("Fabrikam", "fabrikam.com", 3);
    offline.default_worker = Worker {
        id: WorkerId("gdansk".into()),
        name: "Gdańsk branch server".into(),
        kind: WorkerKind::Local,
        online: false,
        main: false,
    };
    offline.next_backup_at = None;
    let (host, _) = render(vec![organization("Contoso", "contoso.com", 5), offline]);
    let contoso = tile(&host, "Contoso").text_content().unwrap();
    assert!(contoso.contains("Next backupin "), "{contoso}");
    assert!(contoso.contains(", 2099, "), "{contoso}");
    assert!(contoso.contains("PolicyDefault policy"), "{contoso}");
    assert!(contoso.contains("WorkerXopero Cloud"), "{contoso}");
    let fabrikam = tile(&host, "Fabrikam").text_content().unwrap();
    assert!(
        fabrikam.contains("Gdańsk branch server (offline: backups wait for it)"),
        "{fabrikam}"
    );
    assert!(
        fabrikam.contains("None scheduled until re-authorized"),
        "{fabrikam}"
    );
}

#[wasm_bindgen_test]
async fn progress_shows_on_its_own_tile_and_the_end_becomes_the_last_backup() {
    let (host, dashboard) = render(vec![
        organization("Contoso", "contoso.com", 5),
        organization("Fabrikam", "fabrikam.com", 3),
    ]);
    let fabrikam_before = tile(&host, "Fabrikam").inner_html();
    let running = job(
        "Contoso",
        JobState::Running {
            percent: 45,
            items_done: 1234,
            items_total: 2742,
        },
    );
    assert!(dashboard.apply(ServerEvent::JobProgress { job: running }));
    common::next_tick().await;
    let contoso = tile(&host, "Contoso");
    let bar = contoso
        .query_selector("[role=progressbar]")
        .unwrap()
        .expect("a progress bar");
    assert_eq!(bar.get_attribute("aria-valuenow").as_deref(), Some("45"));
    assert_eq!(
        bar.get_attribute("aria-label").as_deref(),
        Some("Backup of Contoso")
    );
    let text = contoso.text_content().unwrap();
    assert!(text.contains("Backup running"), "{text}");
    assert!(text.contains("45% · 1,234 of 2,742 items"), "{text}");
    assert_eq!(
        bar.get_attribute("aria-valuetext").as_deref(),
        Some("45% · 1,234 of 2,742 items")
    );
    let run = contoso
        .query_selector("button[aria-label='Run backup of Contoso']")
        .unwrap()
        .unwrap();
    assert_eq!(run.get_attribute("aria-disabled").as_deref(), Some("true"));
    assert_eq!(
        tile(&host, "Fabrikam").inner_html(),
        fabrikam_before,
        "another organization's progress leaves this tile as it was"
    );

    let done = job("Contoso", JobState::Succeeded { items: 2742 });
    assert!(dashboard.apply(ServerEvent::JobFinished { job: done }));
    common::next_tick().await;
    let contoso = tile(&host, "Contoso");
    assert!(
        contoso
            .query_selector("[role=progressbar]")
            .unwrap()
            .is_none()
    );
    // The status itself, not the "Protected users" label every tile has.
    let status = contoso
        .query_selector(".m365-tile__status")
        .unwrap()
        .unwrap();
    assert_eq!(status.text_content().unwrap().trim(), "✓Protected");
    let text = contoso.text_content().unwrap();
    assert!(text.contains("Succeeded, 2,742 items"), "{text}");
    assert!(text.contains("(Nov 26, 2026"), "{text}");
}

#[wasm_bindgen_test]
async fn a_failed_backup_keeps_the_items_it_did_and_says_why() {
    let (host, dashboard) = render(vec![organization("Northwind", "northwind.com", 5)]);
    dashboard.job_changed(job(
        "Northwind",
        JobState::Running {
            percent: 60,
            items_done: 183,
            items_total: 305,
        },
    ));
    dashboard.job_changed(job(
        "Northwind",
        JobState::Failed {
            reason: "Microsoft Graph throttled the backup (HTTP 429).".into(),
        },
    ));
    common::next_tick().await;
    let text = tile(&host, "Northwind").text_content().unwrap();
    assert!(text.contains("Last backup failed"), "{text}");
    assert!(
        text.contains("Failed: Microsoft Graph throttled the backup (HTTP 429)."),
        "{text}"
    );
}

#[wasm_bindgen_test]
async fn a_resync_asks_for_a_reload_and_a_new_organization_gets_a_tile() {
    let (host, dashboard) = render(vec![organization("Contoso", "contoso.com", 5)]);
    assert!(!dashboard.apply(ServerEvent::Resync));
    let added = organization("Adatum", "adatum.com", 9);
    assert!(dashboard.apply(ServerEvent::OrganizationChanged {
        organization: Box::new(added),
    }));
    common::next_tick().await;
    let names: Vec<String> = (0..2)
        .map(|i| {
            host.query_selector_all("h2")
                .unwrap()
                .get(i)
                .unwrap()
                .text_content()
                .unwrap()
        })
        .collect();
    assert_eq!(names, ["Adatum", "Contoso"], "sorted by name");
    assert!(host.text_content().unwrap().contains("2 organizations"));
}

#[wasm_bindgen_test]
fn the_filter_matches_name_or_domain_and_each_order_sorts() {
    let dashboard = Dashboard::default();
    let mut failed = organization("Zeta", "zeta.com", 1);
    failed.status = OrganizationStatus::LastBackupFailed;
    failed.last_backup = Some(LastBackup {
        job_id: JobId("a".into()),
        finished_at: "2026-11-20T10:00:00Z".into(),
        items: 1,
        failure: Some("x".into()),
    });
    let mut healthy = organization("Alpha", "alpha.net", 1);
    healthy.status = OrganizationStatus::Healthy;
    healthy.last_backup = Some(LastBackup {
        job_id: JobId("b".into()),
        finished_at: "2026-11-25T10:00:00Z".into(),
        items: 1,
        failure: None,
    });
    let never = organization("Mid", "contoso-mid.com", 1);
    let mut running = organization("Beta", "beta.org", 3);
    running.status = OrganizationStatus::BackupRunning;
    running.protected_users = 2;
    running.default_worker.online = false;
    let mut consent = organization("Omega", "omega.org", 1);
    consent.status = OrganizationStatus::NeedsReauthorization;
    // Its one user waits for a licence that automatic licence management did not find.
    consent.protected_users = 0;
    consent.licences_short = 1;
    dashboard.merge(vec![failed, healthy, never, running, consent]);
    let english = I18n::new(Locale::En).collator();
    let names = |filter: &str, order: SortOrder| -> Vec<String> {
        dashboard.entries().with_untracked(|entries| {
            visible_entries(entries, (filter, None), (order, &english))
                .iter()
                .map(|entry| entry.organization.with_untracked(|o| o.name.clone()))
                .collect()
        })
    };
    assert_eq!(
        names("", SortOrder::Name),
        ["Alpha", "Beta", "Mid", "Omega", "Zeta"]
    );
    // What needs the administrator first: consent, failure, never backed up, running, fine.
    assert_eq!(
        names("", SortOrder::Status),
        ["Omega", "Zeta", "Mid", "Beta", "Alpha"]
    );
    // Never backed up first (by name), then the oldest backup.
    assert_eq!(
        names("", SortOrder::LastBackup),
        ["Beta", "Mid", "Omega", "Zeta", "Alpha"]
    );
    assert_eq!(names(" CONTOSO ", SortOrder::Name), ["Mid"]);
    assert_eq!(
        names("a", SortOrder::Name),
        ["Alpha", "Beta", "Omega", "Zeta"]
    );
    assert!(names("nothing", SortOrder::Name).is_empty());
    // Each state that needs attention shows its organizations, with the name filter too.
    let needing = |filter: &str, needs: Attention| -> Vec<String> {
        dashboard.entries().with_untracked(|entries| {
            visible_entries(entries, (filter, Some(needs)), (SortOrder::Name, &english))
                .iter()
                .map(|entry| entry.organization.with_untracked(|o| o.name.clone()))
                .collect()
        })
    };
    assert_eq!(needing("", Attention::Failed), ["Zeta"]);
    assert_eq!(needing("", Attention::Reauthorize), ["Omega"]);
    assert_eq!(needing("", Attention::NeverBackedUp), ["Mid"]);
    assert_eq!(needing("", Attention::Running), ["Beta"]);
    assert_eq!(needing("", Attention::WorkerOffline), ["Beta"]);
    assert_eq!(needing("", Attention::Unprotected), ["Beta", "Omega"]);
    assert_eq!(needing("", Attention::LicencesShort), ["Omega"]);
    assert!(needing("alpha", Attention::Failed).is_empty());
    assert_eq!(
        Attention::from_param(Some("worker-offline")),
        Some(Attention::WorkerOffline)
    );
    assert_eq!(
        Attention::from_param(Some("licences-short")),
        Some(Attention::LicencesShort)
    );
    assert_eq!(Attention::from_param(Some("bogus")), None);
    assert_eq!(SortOrder::from_param(Some("status")), SortOrder::Status);
    assert_eq!(SortOrder::from_param(Some("name")), SortOrder::Name);
    assert_eq!(SortOrder::from_param(None), SortOrder::Status);
    assert_eq!(SortOrder::from_param(Some("bogus")), SortOrder::Status);
}

#[wasm_bindgen_test]
fn times_to_come_read_naturally() {
    let i18n = I18n::new(Locale::En);
    assert_eq!(i18n.time_until(-5_000.0), "now");
    assert_eq!(i18n.time_until(30_000.0), "in 1 minute");
    assert_eq!(i18n.time_until(45.0 * 60_000.0), "in 45 minutes");
    assert_eq!(i18n.time_until(6.5 * 3_600_000.0), "in 7 hours");
    assert_eq!(i18n.time_until(3.0 * 86_400_000.0), "in 3 days");
}

#[wasm_bindgen_test]
fn a_tile_in_polish_counts_users_and_items_in_their_plural_forms() {
    let organizations = [1, 2, 5, 12, 22]
        .into_iter()
        .map(|n| {
            let mut organization = organization(&format!("Org {n}"), &format!("org{n}.pl"), n);
            organization.status = OrganizationStatus::Healthy;
            organization.last_backup = Some(LastBackup {
                job_id: JobId(format!("job-{n}")),
                finished_at: "2026-11-26T09:30:00Z".into(),
                items: u64::from(n),
                failure: None,
            });
            organization
        })
        .collect();
    let (host, _, _) = render_in(Locale::Pl, organizations);
    // "z" (of) takes the genitive: singular after 1, plural after the rest. The items stand
    // alone, in the nominative: 2 and 22 take one plural form, 5 and 12 another.
    for (name, users, items) in [
        ("Org 1", "1 z 1 użytkownika", "1 element"),
        ("Org 2", "2 z 2 użytkowników", "2 elementy"),
        ("Org 5", "5 z 5 użytkowników", "5 elementów"),
        ("Org 12", "12 z 12 użytkowników", "12 elementów"),
        ("Org 22", "22 z 22 użytkowników", "22 elementy"),
    ] {
        let text = tile(&host, name).text_content().unwrap();
        assert!(
            text.contains(&format!("Chronieni użytkownicy{users}Używane licencje")),
            "{text}"
        );
        assert!(
            text.contains(&format!("Zakończono pomyślnie, {items} ")),
            "{text}"
        );
    }
    assert!(host.text_content().unwrap().contains("5 organizacji"));
}

#[wasm_bindgen_test]
async fn switching_the_language_rewords_the_tiles_in_place() {
    let (host, _, i18n) = render_in(Locale::En, vec![organization("Contoso", "contoso.com", 1)]);
    let before = tile(&host, "Contoso");
    let text = before.text_content().unwrap();
    assert!(text.contains("Never backed up"), "{text}");
    assert!(text.contains("Protected users1 of 1"), "{text}");

    i18n.set(Locale::De);
    common::next_tick().await;
    let after = tile(&host, "Contoso");
    assert_eq!(after, before, "the same tile, not a new one");
    let text = after.text_content().unwrap();
    assert!(text.contains("Noch nie gesichert"), "{text}");
    assert!(text.contains("Geschützte Benutzer1 von 1"), "{text}");
    assert!(text.contains("RichtlinieStandardrichtlinie"), "{text}");
    assert!(
        after
            .query_selector("button[aria-label='Sicherung ausführen für Contoso']")
            .unwrap()
            .is_some()
    );
    assert!(host.text_content().unwrap().contains("1 Organisation"));
}

#[wasm_bindgen_test]
fn among_the_same_status_what_asks_for_action_comes_first() {
    let dashboard = Dashboard::default();
    let healthy = |name: &str| {
        let mut organization = organization(name, &format!("{}.com", name.to_lowercase()), 4);
        organization.status = OrganizationStatus::Healthy;
        organization
    };
    let (fine, mut offline, mut unprotected, mut short) = (
        healthy("Alpha"),
        healthy("Delta"),
        healthy("Omega"),
        healthy("Sigma"),
    );
    offline.default_worker.online = false;
    unprotected.protected_users = 3;
    (short.protected_users, short.licences_short) = (2, 2);
    dashboard.merge(vec![short, unprotected, fine, offline]);
    let english = I18n::new(Locale::En).collator();
    let sorted: Vec<String> = dashboard.entries().with_untracked(|entries| {
        visible_entries(entries, ("", None), (SortOrder::Status, &english))
            .iter()
            .map(|entry| entry.organization.with_untracked(|o| o.name.clone()))
            .collect()
    });
    assert_eq!(sorted, ["Delta", "Omega", "Sigma", "Alpha"]);
}

#[wasm_bindgen_test]
fn names_sort_as_the_language_sorts_them() {
    let dashboard = Dashboard::default();
    dashboard.merge(
        [
            "Zabrze",
            "Ćma",
            "Łódź",
            "Czarny",
            "Lublin",
            "Tenant 10",
            "Tenant 9",
        ]
        .into_iter()
        .map(|name| organization(name, &format!("{}.pl", name.len()), 1))
        .collect(),
    );
    let sorted = |locale: Locale| -> Vec<String> {
        let names = I18n::new(locale).collator();
        dashboard.entries().with_untracked(|entries| {
            visible_entries(entries, ("", None), (SortOrder::Name, &names))
                .iter()
                .map(|entry| entry.organization.with_untracked(|o| o.name.clone()))
                .collect()
        })
    };
    // Polish has "Ć" and "Ł" as letters of their own, after "C" and "L"; English sorts them
    // as a "C" and an "L" with an accent. Either way "Łódź" is among the L's, not after "Z", and
    // numbers sort by their value.
    assert_eq!(
        sorted(Locale::Pl),
        [
            "Czarny",
            "Ćma",
            "Lublin",
            "Łódź",
            "Tenant 9",
            "Tenant 10",
            "Zabrze"
        ]
    );
    assert_eq!(
        sorted(Locale::En),
        [
            "Ćma",
            "Czarny",
            "Łódź",
            "Lublin",
            "Tenant 9",
            "Tenant 10",
            "Zabrze"
        ]
    );
}

/// The names of the tiles, in the order shown.
fn tile_names(host: &HtmlElement) -> Vec<String> {
    let headings = host.query_selector_all("li h2").unwrap();
    (0..headings.length())
        .filter_map(|i| headings.get(i)?.text_content())
        .collect()
}

#[wasm_bindgen_test]
async fn the_tiles_sort_again_when_the_language_changes() {
    let (host, _, i18n) = render_in(
        Locale::En,
        vec![
            organization("Czarny", "czarny.pl", 1),
            organization("Ćma", "cma.pl", 1),
        ],
    );
    assert_eq!(tile_names(&host), ["Ćma", "Czarny"]);
    i18n.set(Locale::Pl);
    common::next_tick().await;
    assert_eq!(tile_names(&host), ["Czarny", "Ćma"]);
}

#[wasm_bindgen_test]
fn a_credential_problem_says_why_and_an_expiring_secret_or_certificate_says_when() {
    let mut revoked = organization("Contoso", "contoso.com", 10);
    revoked.status = OrganizationStatus::NeedsReauthorization;
    revoked.secret_expires_at = Some("2099-06-01T00:00:00Z".into());
    revoked.credential_problem = Some(CredentialProblem::ConsentRevoked);
    let mut expiring = organization("Fabrikam", "fabrikam.com", 10);
    // Ten days from the browser's clock: within the month's warning.
    let in_ten_days = js_sys::Date::new(&(js_sys::Date::now() + 10.0 * 86_400_000.0).into());
    expiring.secret_expires_at = Some(in_ten_days.to_iso_string().into());
    let mut later = organization("Northwind", "northwind.com", 10);
    later.secret_expires_at = Some("2099-06-01T00:00:00Z".into());
    let mut certificate = organization("Tailspin", "tailspin.com", 10);
    certificate.certificate_expires_at = Some(in_ten_days.to_iso_string().into());
    let mut expired = organization("Woodgrove", "woodgrove.com", 10);
    expired.status = OrganizationStatus::NeedsReauthorization;
    expired.certificate_expires_at = Some(in_ten_days.to_iso_string().into());
    expired.credential_problem = Some(CredentialProblem::CertificateExpired);
    let (host, _) = render(vec![revoked, expiring, later, certificate, expired]);
    let items = host.query_selector_all("li.m365-tile").unwrap();
    let texts: Vec<String> = (0..items.length())
        .map(|n| items.get(n).unwrap().text_content().unwrap())
        .collect();
    let text = |name: &str| texts.iter().find(|t| t.starts_with(name)).unwrap().clone();
    assert!(
        text("Contoso").contains("Admin consent to its app was withdrawn. Re-authorize it in Edit"),
        "{}",
        text("Contoso")
    );
    assert!(
        text("Fabrikam").contains("Its client secret expires in 10 days"),
        "{}",
        text("Fabrikam")
    );
    assert!(
        text("Fabrikam").contains("Replace it in Edit"),
        "{}",
        text("Fabrikam")
    );
    assert!(
        !text("Northwind").contains("client secret"),
        "{}",
        text("Northwind")
    );
    assert!(
        text("Tailspin").contains("Its certificate expires in 10 days"),
        "{}",
        text("Tailspin")
    );
    assert!(
        text("Woodgrove").contains("Its certificate has expired. Re-authorize it in Edit"),
        "{}",
        text("Woodgrove")
    );
}
