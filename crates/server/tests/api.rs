//! The API as a client sees it: answers, the one error shape, authentication and limits,
//! driven through the whole router with `oneshot` over a real SQLite file.

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use serde_json::Value;
use xms_m365_contract::{ErrorCode, OrganizationList, PolicyKind, WorkerKind, WorkerList};

use common::{TOKEN, TestApp};
use xms_server::store::organizations::NewOrganization;

mod common;

fn server_with_static(static_dir: Option<&std::path::Path>) -> TestApp {
    TestApp::new(static_dir)
}

fn server() -> TestApp {
    TestApp::new(None)
}

fn get(path: &str) -> Request<Body> {
    common::api_request("GET", path, None, None)
}

#[tokio::test]
async fn lists_no_organizations_on_a_new_server() {
    let server = server();
    let answer = common::send(&server.app, get("/m365/organizations")).await;
    let (status, body) = (answer.status, answer.text());
    assert_eq!(status, StatusCode::OK);
    let list: OrganizationList = serde_json::from_str(&body).unwrap();
    assert!(list.organizations.is_empty());
}

#[tokio::test]
async fn lists_stored_organizations_by_name() {
    let server = server();
    for (tenant, name) in [("t-2", "Northwind Traders"), ("t-1", "Contoso")] {
        server.add(&NewOrganization {
            tenant_id: tenant.into(),
            name: name.into(),
            primary_domain: format!("{tenant}.onmicrosoft.com"),
            user_count: 42,
        });
    }
    let answer = common::send(&server.app, get("/m365/organizations")).await;
    let (status, body) = (answer.status, answer.text());
    assert_eq!(status, StatusCode::OK);
    let list: OrganizationList = serde_json::from_str(&body).unwrap();
    let names: Vec<_> = list.organizations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["Contoso", "Northwind Traders"]);
    let contoso = &list.organizations[0];
    assert_eq!(contoso.primary_domain, "t-1.onmicrosoft.com");
    assert_eq!(contoso.user_count, 42);
    assert_eq!(contoso.policy, PolicyKind::Default);
    assert_eq!(contoso.default_worker.id.0, "xopero-cloud-eu-west");
    let next = contoso.next_backup_at.as_deref().expect("a next backup");
    assert!(next.ends_with("T22:00:00Z"), "{next}");
}

#[tokio::test]
async fn lists_the_workers_main_first_then_by_name() {
    let server = server();
    let answer = common::send(&server.app, get("/workers")).await;
    let (status, body) = (answer.status, answer.text());
    assert_eq!(status, StatusCode::OK);
    let list: WorkerList = serde_json::from_str(&body).unwrap();
    let workers: Vec<_> = list
        .workers
        .iter()
        .map(|w| (w.name.as_str(), w.kind, w.online, w.main))
        .collect();
    assert_eq!(
        workers,
        [
            ("Xopero Cloud (EU West)", WorkerKind::Cloud, true, true),
            ("Gdańsk branch server", WorkerKind::Local, false, false),
            ("Warsaw office NAS", WorkerKind::Local, true, false),
        ]
    );

    let request = Request::get("/api/v1/workers").body(Body::empty()).unwrap();
    let error = common::send(&server.app, request)
        .await
        .error(StatusCode::UNAUTHORIZED);
    assert_eq!(error.error.code, ErrorCode::Unauthorized);
}

#[tokio::test]
async fn refuses_a_missing_token() {
    let server = server();
    let request = Request::get("/api/v1/m365/organizations")
        .body(Body::empty())
        .unwrap();
    let error = common::send(&server.app, request)
        .await
        .error(StatusCode::UNAUTHORIZED);
    assert_eq!(error.error.code, ErrorCode::Unauthorized);
    assert!(error.error.message.contains("Authorization: Bearer"));
}

#[tokio::test]
async fn refuses_a_wrong_token() {
    let server = server();
    let request = Request::get("/api/v1/m365/organizations")
        .header(header::AUTHORIZATION, "Bearer test-token-124")
        .body(Body::empty())
        .unwrap();
    let error = common::send(&server.app, request)
        .await
        .error(StatusCode::UNAUTHORIZED);
    assert_eq!(error.error.code, ErrorCode::Unauthorized);
}

#[tokio::test]
async fn answers_unknown_api_routes_with_a_json_404() {
    let server = server();
    let error = common::send(&server.app, get("/m365/nothing-here"))
        .await
        .error(StatusCode::NOT_FOUND);
    assert_eq!(error.error.code, ErrorCode::NotFound);
    assert!(error.error.message.contains("/api/v1/m365/nothing-here"));
}

#[tokio::test]
async fn answers_a_wrong_method_with_a_json_405() {
    let server = server();
    let request = Request::delete("/api/v1/m365/organizations")
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .body(Body::empty())
        .unwrap();
    let error = common::send(&server.app, request)
        .await
        .error(StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(error.error.code, ErrorCode::MethodNotAllowed);
}

#[tokio::test]
async fn refuses_an_oversized_body_with_a_json_413() {
    let server = server();
    let body = vec![b'x'; xms_server::error::MAX_BODY_BYTES + 1];
    let request = Request::get("/api/v1/m365/organizations")
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .header(header::CONTENT_LENGTH, body.len())
        .body(Body::from(body))
        .unwrap();
    let error = common::send(&server.app, request)
        .await
        .error(StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error.error.code, ErrorCode::PayloadTooLarge);
}

/// Drives a bare JSON route through the same error middleware the API uses, so that the
/// behaviour every JSON route inherits is checked apart from any route's own rules.
#[tokio::test]
async fn malformed_json_gets_a_json_400_that_says_what_is_wrong() {
    use axum::{Json, routing::post};
    let app = Router::new()
        .route(
            "/echo",
            post(|Json(value): Json<Value>| async move { Json(value) }),
        )
        .layer(axum::middleware::from_fn(xms_server::error::json_errors));
    let request = Request::post("/echo")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{\"name\": "))
        .unwrap();
    let error = common::send(&app, request)
        .await
        .error(StatusCode::BAD_REQUEST);
    assert_eq!(error.error.code, ErrorCode::BadRequest);
    assert!(
        error.error.message.contains("JSON"),
        "{}",
        error.error.message
    );

    let request = Request::post("/echo")
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("{}"))
        .unwrap();
    let error = common::send(&app, request)
        .await
        .error(StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(error.error.code, ErrorCode::UnsupportedMediaType);
}

#[tokio::test]
async fn serves_the_committed_openapi_document_without_a_token() {
    let server = server();
    let request = Request::get("/api/v1/openapi.json")
        .body(Body::empty())
        .unwrap();
    let answer = common::send(&server.app, request).await;
    let (status, body) = (answer.status, answer.text());
    assert_eq!(status, StatusCode::OK);
    let served: Value = serde_json::from_str(&body).unwrap();
    let committed_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/openapi.json");
    let committed: Value = serde_json::from_str(
        &std::fs::read_to_string(committed_path).expect("docs/openapi.json is committed"),
    )
    .unwrap();
    // Not assert_eq: the two documents are too long to be worth printing.
    assert!(
        served == committed,
        "docs/openapi.json is out of date: run `cargo xtask openapi` and commit it"
    );
    assert!(served["paths"]["/m365/organizations"]["get"].is_object());
    assert!(served["components"]["schemas"]["OrganizationList"].is_object());
    assert!(served["paths"]["/workers"]["get"].is_object());
    let settings = &served["paths"]["/m365/organizations/{id}/settings"];
    assert!(settings["get"]["responses"]["200"]["headers"]["ETag"].is_object());
    assert!(settings["put"]["responses"]["428"].is_object());
    assert!(served["paths"]["/m365/organizations/{id}"]["delete"].is_object());
    assert!(served["paths"]["/m365/organizations/{id}/user-sync"]["post"].is_object());
    assert!(served["components"]["schemas"]["FieldError"].is_object());
    assert!(served["components"]["schemas"]["WorkerList"].is_object());
    assert!(served["paths"]["/session"]["post"]["responses"]["201"].is_object());
    assert!(served["paths"]["/session"]["delete"].is_object());
    let schemes = &served["components"]["securitySchemes"];
    assert_eq!(schemes["cookie"]["in"], "cookie");
    assert_eq!(schemes["cookie"]["name"], "xms_session");
    assert_eq!(schemes["csrf"]["in"], "header");
    assert_eq!(schemes["csrf"]["name"], "X-CSRF-Token");
    let security = &served["paths"]["/m365/organizations"]["get"]["security"];
    assert!(security[1]["cookie"].is_array() && security[1]["csrf"].is_array());
}

#[tokio::test]
async fn serves_the_shell_page_with_the_token_for_any_module_route() {
    let static_dir = tempfile::tempdir().unwrap();
    std::fs::write(
        static_dir.path().join("index.html"),
        "<meta name=\"xms-api-token\" content=\"%XMS_API_TOKEN%\">",
    )
    .unwrap();
    std::fs::write(static_dir.path().join("module.js"), "export {}").unwrap();
    let server = server_with_static(Some(static_dir.path()));
    for path in ["/", "/m365", "/m365/some/deep/route"] {
        let answer =
            common::send(&server.app, Request::get(path).body(Body::empty()).unwrap()).await;
        let (status, body) = (answer.status, answer.text());
        assert_eq!(status, StatusCode::OK, "{path}");
        assert!(
            body.contains(&format!("content=\"{TOKEN}\"")),
            "{path}: {body}"
        );
    }
    let answer = common::send(
        &server.app,
        Request::get("/module.js").body(Body::empty()).unwrap(),
    )
    .await;
    let (status, body) = (answer.status, answer.text());
    assert_eq!((status, body.as_str()), (StatusCode::OK, "export {}"));
}

#[tokio::test]
async fn says_how_to_build_the_module_when_it_is_missing() {
    let empty = tempfile::tempdir().unwrap();
    let server = server_with_static(Some(empty.path()));
    let answer = common::send(&server.app, Request::get("/").body(Body::empty()).unwrap()).await;
    let (status, body) = (answer.status, answer.text());
    assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(body.contains("cargo xtask dev"), "{body}");
}
