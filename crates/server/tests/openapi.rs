//! The OpenAPI document states the limits the server enforces: each value the API refuses
//! field by field (times, days, retention, password length, sync intervals, time zones, empty
//! group lists) is one the document's schema refuses too, and the limits themselves are
//! accepted, so a client generated from the document sends only what XMS takes. And the
//! paths the contract builds for the module are the routes the server registers.

use axum::http::{StatusCode, header};
use common::{TestApp, conformance::accepts};
use serde_json::{Value, json};
use xms_m365_contract::{
    ConnectionId, JobId, OrganizationId, backup_run_path, backups_path, connection_path,
    groups_path, job_cancel_path, job_path, organization_path, paths, policy_path,
    policy_preview_path, protection_path, protection_preview_path, settings_path, user_sync_path,
    users_path,
};

mod common;

const PREVIEW: &str = "#/paths/~1m365~1organizations~1{id}~1policy~1preview/post/requestBody/content/application~1json/schema";
const SAVE_POLICY: &str =
    "#/paths/~1m365~1organizations~1{id}~1policy/put/requestBody/content/application~1json/schema";
const SETTINGS: &str = "#/paths/~1m365~1organizations~1{id}~1settings/put/requestBody/content/application~1json/schema";

/// The `ETag` `uri` answers with now.
async fn etag(server: &TestApp, uri: &str) -> String {
    let answer = server.call("GET", uri, None, None).await;
    answer.headers[header::ETAG].to_str().unwrap().to_owned()
}

/// Sends `body` to `uri` (a save with the version it has now); returns the status and the
/// fields a 422 names.
async fn send(
    server: &TestApp,
    method: &str,
    uri: &str,
    body: &Value,
) -> (StatusCode, Vec<String>) {
    let if_match = match method {
        "PUT" => Some(etag(server, uri).await),
        _ => None,
    };
    let answer = server
        .call(method, uri, if_match.as_deref(), Some(body.clone()))
        .await;
    let status = answer.status;
    let json: Value = serde_json::from_slice(&answer.body).unwrap_or(Value::Null);
    let fields = json["error"]["fields"]
        .as_array()
        .map(|fields| {
            fields
                .iter()
                .map(|f| f["field"].as_str().unwrap().to_owned())
                .collect()
        })
        .unwrap_or_default();
    (status, fields)
}

fn policy() -> Value {
    json!({
        "scope": {
            "mail": true, "calendars": false, "contacts": false, "shared_mailboxes": false,
            "onedrive": true, "sharepoint": false, "groups": false,
            "users": {"kind": "all_protected"}
        },
        "schedule": {
            "plan": {"type": "gfs", "time": "23:30", "full_day_of_month": 31,
                     "differential_weekday": "sunday"},
            "time_zone": "Europe/Warsaw"
        },
        "retention": {"kind": "by_time", "full_days": 3650, "differential_days": 7,
                      "incremental_days": 1},
        "encryption": "off",
        "worker_id": null,
        "storage_id": "office-nfs"
    })
}

/// `policy()` with the value at `pointer` (a JSON pointer) replaced.
fn with(pointer: &str, value: Value) -> Value {
    let mut policy = policy();
    *policy.pointer_mut(pointer).unwrap() = value;
    policy
}

#[tokio::test]
async fn every_policy_value_the_server_refuses_the_document_refuses() {
    let server = TestApp::new(None);
    let id = OrganizationId(server.add_organization("Contoso", 20));
    let uri = policy_preview_path(&id);

    let valid = policy();
    assert!(
        accepts(PREVIEW, &valid),
        "the limits themselves are accepted"
    );
    assert_eq!(send(&server, "POST", &uri, &valid).await.0, StatusCode::OK);

    let hourly = |time: &str| {
        json!({"type": "forever_incremental", "incremental":
            {"frequency": "hourly", "time": time, "weekday": "monday", "day_of_month": 1}})
    };
    for (pointer, value, field) in [
        ("/schedule/plan/time", json!("24:00"), "schedule.plan.time"),
        ("/schedule/plan/time", json!("7:00"), "schedule.plan.time"),
        (
            "/schedule/plan/time",
            json!("07:00:00"),
            "schedule.plan.time",
        ),
        (
            "/schedule/plan",
            hourly("07:60"),
            "schedule.plan.incremental.time",
        ),
        (
            "/schedule/plan/full_day_of_month",
            json!(0),
            "schedule.plan.full_day_of_month",
        ),
        (
            "/schedule/plan/full_day_of_month",
            json!(32),
            "schedule.plan.full_day_of_month",
        ),
        (
            "/schedule/time_zone",
            json!("Mars/Olympus_Mons"),
            "schedule.time_zone",
        ),
        ("/retention/full_days", json!(3651), "retention.full_days"),
        ("/retention/full_days", json!(0), "retention.full_days"),
        (
            "/retention/differential_days",
            json!(6),
            "retention.differential_days",
        ),
        (
            "/retention/differential_days",
            json!(3651),
            "retention.differential_days",
        ),
        (
            "/retention/incremental_days",
            json!(0),
            "retention.incremental_days",
        ),
        (
            "/retention/incremental_days",
            json!(3651),
            "retention.incremental_days",
        ),
        (
            "/scope/users",
            json!({"kind": "groups", "group_ids": []}),
            "scope.users",
        ),
    ] {
        let mut body = with(pointer, value.clone());
        if body["schedule"]["plan"]["type"] != "gfs" {
            body["retention"]["differential_days"] = Value::Null; // GFS only
        }
        let (status, fields) = send(&server, "POST", &uri, &body).await;
        assert_eq!(
            (status, fields),
            (StatusCode::UNPROCESSABLE_ENTITY, vec![field.to_owned()]),
            "the server refuses {pointer} = {value}"
        );
        assert!(
            !accepts(PREVIEW, &body),
            "the document refuses {pointer} = {value} too"
        );
    }
}

#[tokio::test]
async fn a_short_password_and_an_unknown_sync_interval_are_refused_by_both() {
    let server = TestApp::new(None);
    let id = OrganizationId(server.add_organization("Contoso", 20));

    let mut encrypted = with("/encryption", json!("aes_gcm"));
    encrypted["retention"]["differential_days"] = json!(35);
    let save = |password: &str| json!({"policy": encrypted, "encryption_password": password});
    let uri = xms_m365_contract::policy_path(&id);
    let (status, fields) = send(&server, "PUT", &uri, &save("seven77")).await;
    assert_eq!(
        (status, fields),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            vec!["encryption_password".to_owned()]
        )
    );
    assert!(!accepts(SAVE_POLICY, &save("seven77")));
    assert_eq!(
        send(&server, "PUT", &uri, &save("eight888")).await.0,
        StatusCode::OK
    );
    assert!(accepts(SAVE_POLICY, &save("eight888")));

    let settings = |hours: u8| {
        json!({"licence_mode": "automatic", "user_sync_interval_hours": hours,
               "default_worker_id": "xopero-cloud-eu-west"})
    };
    let uri = settings_path(&id);
    for hours in [1, 2, 4, 6, 12, 24] {
        assert!(accepts(SETTINGS, &settings(hours)), "{hours}");
        assert_eq!(
            send(&server, "PUT", &uri, &settings(hours)).await.0,
            StatusCode::OK,
            "{hours} hours is valid"
        );
    }
    for hours in [0, 3, 5, 25] {
        let (status, fields) = send(&server, "PUT", &uri, &settings(hours)).await;
        assert_eq!(
            (status, fields),
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                vec!["user_sync_interval_hours".to_owned()]
            ),
            "{hours}"
        );
        assert!(!accepts(SETTINGS, &settings(hours)), "{hours}");
    }
}

#[test]
fn the_paths_the_contract_builds_are_the_routes_the_server_registers() {
    // Routes are registered from their `#[utoipa::path]`, so the document's paths are them.
    let document: Value = serde_json::from_str(&xms_server::api::openapi_json()).unwrap();
    let id = "ID-1";
    let organization = OrganizationId(id.into());
    let (connection, job) = (ConnectionId(id.into()), JobId(id.into()));
    let built = [
        ("get", paths::ORGANIZATIONS.to_owned()),
        ("delete", organization_path(&organization)),
        ("get", settings_path(&organization)),
        ("put", settings_path(&organization)),
        ("get", policy_path(&organization)),
        ("put", policy_path(&organization)),
        ("delete", policy_path(&organization)),
        ("post", policy_preview_path(&organization)),
        ("get", groups_path(&organization)),
        ("get", users_path(&organization)),
        ("post", protection_path(&organization)),
        ("post", protection_preview_path(&organization)),
        ("post", user_sync_path(&organization)),
        ("post", backups_path(&organization)),
        ("get", backups_path(&organization)),
        (
            "get",
            backup_run_path(&organization, &JobId("JOB-1".into())),
        ),
        ("post", paths::CONNECTIONS.to_owned()),
        ("post", paths::APPLICATIONS.to_owned()),
        ("post", paths::CERTIFICATES.to_owned()),
        ("get", connection_path(&connection)),
        ("delete", connection_path(&connection)),
        ("get", job_path(&job)),
        ("post", job_cancel_path(&job)),
        ("get", paths::EVENTS.to_owned()),
        ("get", paths::WORKERS.to_owned()),
        ("get", paths::STORAGES.to_owned()),
    ];
    let mut routes: Vec<(String, String)> = document["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .map(move |method| (method.clone(), path.clone()))
        })
        // Sessions are the host's (its shell page), not the module's.
        .filter(|(_, path)| path != "/session")
        .collect();
    let mut expected: Vec<(String, String)> = built
        .iter()
        .map(|(method, path)| {
            let path = path.replace("JOB-1", "{job}").replace(id, "{id}");
            ((*method).to_owned(), path)
        })
        .collect();
    routes.sort();
    expected.sort();
    assert_eq!(routes, expected);
}

#[tokio::test]
async fn every_answer_names_the_api_version_the_document_states() {
    let server = TestApp::new(None);
    let document = xms_server::api::openapi();
    assert_eq!(document.info.version, xms_server::api::API_VERSION);
    for (uri, status) in [
        ("/m365/organizations", StatusCode::OK),
        (
            "/m365/organizations/nowhere/settings",
            StatusCode::NOT_FOUND,
        ),
        ("/no-such-path", StatusCode::NOT_FOUND),
    ] {
        let answer = server.call("GET", uri, None, None).await;
        assert_eq!(answer.status, status, "{uri}");
        assert_eq!(
            answer.headers["xms-api-version"],
            xms_server::api::API_VERSION,
            "{uri}"
        );
    }
}
