//! Cookie sessions with a CSRF header, the shell page that starts them, and the Content
//! Security Policy of the shell and the module's files, driven through the whole router.

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use serde_json::Value;
use tower::ServiceExt;
use xms_m365_contract::{ErrorBody, ErrorCode};
use xms_server::{shell::CONTENT_SECURITY_POLICY, store::organizations::NewOrganization};

use common::{Answer, TOKEN, TestApp};

mod common;

/// The session id a response's `Set-Cookie` gives, checking the cookie's attributes.
fn session_cookie(response: &Answer) -> String {
    let cookie = response.headers[header::SET_COOKIE].to_str().unwrap();
    let (pair, attributes) = cookie.split_once("; ").unwrap();
    assert_eq!(attributes, "Path=/; HttpOnly; SameSite=Strict");
    let id = pair.strip_prefix("xms_session=").unwrap();
    assert!(!id.is_empty());
    id.to_owned()
}

/// A session started as an XMS login would: (its cookie's value, its CSRF token).
async fn sign_in(app: &Router) -> (String, String) {
    let request = Request::post("/api/v1/session")
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .body(Body::empty())
        .unwrap();
    let response = common::send(app, request).await;
    assert_eq!(response.status, StatusCode::CREATED);
    let id = session_cookie(&response);
    let body: Value = serde_json::from_str(&response.text()).unwrap();
    (id, body["csrf_token"].as_str().unwrap().to_owned())
}

fn with_session(
    request: axum::http::request::Builder,
    id: &str,
    csrf: Option<&str>,
) -> Request<Body> {
    let request = request.header(header::COOKIE, format!("theme=dark; xms_session={id}"));
    let request = match csrf {
        Some(csrf) => request.header("X-CSRF-Token", csrf),
        None => request,
    };
    request.body(Body::empty()).unwrap()
}

fn organization(server: &TestApp) -> String {
    server
        .add(&NewOrganization {
            tenant_id: "t-1".into(),
            name: "Contoso".into(),
            primary_domain: "contoso.onmicrosoft.com".into(),
            user_count: 10,
        })
        .id
        .0
}

#[tokio::test]
async fn starting_a_session_needs_the_api_token() {
    let server = TestApp::new(None);
    let response = common::send(
        &server.app,
        Request::post("/api/v1/session")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
    assert!(response.headers.get(header::SET_COOKIE).is_none());
    assert_eq!(
        response.json::<ErrorBody>(response.status).error.code,
        ErrorCode::Unauthorized
    );

    // A session cannot start another one: that takes signing in.
    let (id, csrf) = sign_in(&server.app).await;
    let request = with_session(Request::post("/api/v1/session"), &id, Some(&csrf));
    assert_eq!(
        common::send(&server.app, request).await.status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_session_cookie_with_its_csrf_token_authenticates_every_method() {
    let server = TestApp::new(None);
    let id_of_contoso = organization(&server);
    let (id, csrf) = sign_in(&server.app).await;

    let request = with_session(Request::get("/api/v1/m365/organizations"), &id, Some(&csrf));
    let response = common::send(&server.app, request).await;
    assert_eq!(response.status, StatusCode::OK);
    assert!(response.text().contains("Contoso"));

    let uri = format!("/api/v1/m365/organizations/{id_of_contoso}/user-sync");
    let request = with_session(Request::post(uri), &id, Some(&csrf));
    assert_eq!(
        common::send(&server.app, request).await.status,
        StatusCode::OK
    );

    // The stream never ends: only its head is read.
    let request = with_session(Request::get("/api/v1/events"), &id, Some(&csrf));
    let response = server.app.clone().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/event-stream"
    );
}

#[tokio::test]
async fn a_session_cookie_without_its_csrf_token_is_refused() {
    let server = TestApp::new(None);
    let id_of_contoso = organization(&server);
    let (id, _) = sign_in(&server.app).await;
    let (_, other_csrf) = sign_in(&server.app).await;

    for csrf in [None, Some("wrong"), Some(other_csrf.as_str())] {
        let request = with_session(Request::get("/api/v1/m365/organizations"), &id, csrf);
        let response = common::send(&server.app, request).await;
        assert_eq!(response.status, StatusCode::UNAUTHORIZED, "{csrf:?}");
        assert_eq!(response.headers[header::WWW_AUTHENTICATE], "Bearer");
        let error = response.json::<ErrorBody>(response.status);
        assert_eq!(error.error.code, ErrorCode::Unauthorized);
        assert!(
            error
                .error
                .message
                .contains("CSRF token is missing or wrong"),
            "{}",
            error.error.message
        );

        let uri = format!("/api/v1/m365/organizations/{id_of_contoso}/backups");
        let request = with_session(Request::post(uri), &id, csrf);
        assert_eq!(
            common::send(&server.app, request).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
}

#[tokio::test]
async fn ending_a_session_clears_the_cookie_and_refuses_it_afterwards() {
    let server = TestApp::new(None);
    let (id, csrf) = sign_in(&server.app).await;

    // Signing out is a request like any other: without the CSRF token it is refused.
    let request = with_session(Request::delete("/api/v1/session"), &id, None);
    assert_eq!(
        common::send(&server.app, request).await.status,
        StatusCode::UNAUTHORIZED
    );

    let request = with_session(Request::delete("/api/v1/session"), &id, Some(&csrf));
    let response = common::send(&server.app, request).await;
    assert_eq!(response.status, StatusCode::NO_CONTENT);
    let cleared = response.headers[header::SET_COOKIE].to_str().unwrap();
    assert!(cleared.starts_with("xms_session=;"), "{cleared}");
    assert!(cleared.contains("Max-Age=0"), "{cleared}");

    let request = with_session(Request::get("/api/v1/m365/organizations"), &id, Some(&csrf));
    let response = common::send(&server.app, request).await;
    assert_eq!(response.status, StatusCode::UNAUTHORIZED);
    let error = response.json::<ErrorBody>(response.status);
    assert!(
        error.error.message.contains("session has ended"),
        "{}",
        error.error.message
    );
}

fn static_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("shell.html"),
        "<meta name=\"xms-csrf-token\" content=\"%XMS_CSRF_TOKEN%\">\
         <meta name=\"xms-api-token\" content=\"%XMS_API_TOKEN%\">",
    )
    .unwrap();
    std::fs::write(dir.path().join("index.html"), "trunk's page").unwrap();
    std::fs::write(dir.path().join("shell.js"), "export {}").unwrap();
    std::fs::write(dir.path().join("module_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    dir
}

#[tokio::test]
async fn the_shell_page_starts_a_session_and_carries_its_csrf_token() {
    let dir = static_dir();
    let server = TestApp::new(Some(dir.path()));
    for path in ["/", "/m365", "/m365/organizations/x/edit"] {
        let response =
            common::send(&server.app, Request::get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(response.status, StatusCode::OK, "{path}");
        assert_eq!(response.headers[header::CACHE_CONTROL], "no-store");
        let id = session_cookie(&response);
        let page = response.text();
        assert!(!page.contains('%'), "{path}: {page}");
        assert!(page.contains(&format!("content=\"{TOKEN}\"")), "{page}");
        let csrf = page
            .split("xms-csrf-token\" content=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap()
            .to_owned();

        let request = with_session(Request::get("/api/v1/m365/organizations"), &id, Some(&csrf));
        assert_eq!(
            common::send(&server.app, request).await.status,
            StatusCode::OK
        );

        // Reloading keeps the session, so that the console's other tabs keep working.
        let reload = with_session(Request::get(path), &id, None);
        let response = common::send(&server.app, reload).await;
        assert_eq!(session_cookie(&response), id);
        assert!(response.text().contains(&csrf));
    }
}

#[tokio::test]
async fn the_shell_and_the_module_files_carry_the_content_security_policy() {
    let dir = static_dir();
    let server = TestApp::new(Some(dir.path()));
    for (path, content_type) in [
        ("/", "text/html; charset=utf-8"),
        ("/m365/organizations", "text/html; charset=utf-8"),
        ("/shell.js", "text/javascript"),
        ("/module_bg.wasm", "application/wasm"),
    ] {
        let response =
            common::send(&server.app, Request::get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(response.status, StatusCode::OK, "{path}");
        let headers = &response.headers;
        assert_eq!(headers[header::CONTENT_TYPE], content_type, "{path}");
        assert_eq!(
            headers[header::CONTENT_SECURITY_POLICY],
            CONTENT_SECURITY_POLICY,
            "{path}"
        );
        assert_eq!(headers[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{path}");
    }
    assert!(!CONTENT_SECURITY_POLICY.contains("unsafe-inline"));

    // JSON answers are no documents; the sign-in pages have an inline style sheet.
    for path in ["/api/v1/m365/organizations", "/devicelogin"] {
        let request = Request::get(path)
            .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
            .body(Body::empty())
            .unwrap();
        let response = common::send(&server.app, request).await;
        assert_eq!(response.status, StatusCode::OK, "{path}");
        assert!(
            response
                .headers
                .get(header::CONTENT_SECURITY_POLICY)
                .is_none(),
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_shell_falls_back_to_trunks_page_until_the_build_copies_the_shell() {
    let dir = static_dir();
    std::fs::remove_file(dir.path().join("shell.html")).unwrap();
    let server = TestApp::new(Some(dir.path()));
    let response = common::send(&server.app, Request::get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(response.status, StatusCode::OK);
    session_cookie(&response);
    assert_eq!(response.text(), "trunk's page");
}

#[tokio::test]
async fn module_files_are_sent_in_the_encoding_the_browser_accepts_and_revalidated() {
    let dir = static_dir();
    let wasm = b"\0asm\x01\0\0\0".as_slice();
    std::fs::write(dir.path().join("module_bg.wasm.br"), b"brotli bytes").unwrap();
    std::fs::write(dir.path().join("module_bg.wasm.gz"), b"gzip bytes").unwrap();
    let server = TestApp::new(Some(dir.path()));
    for (accepted, encoding, body) in [
        (
            Some("gzip, deflate, br, zstd"),
            Some("br"),
            b"brotli bytes".as_slice(),
        ),
        (Some("gzip"), Some("gzip"), b"gzip bytes".as_slice()),
        (None, None, wasm),
    ] {
        let mut request = Request::get("/module_bg.wasm");
        if let Some(accepted) = accepted {
            request = request.header(header::ACCEPT_ENCODING, accepted);
        }
        let response = common::send(&server.app, request.body(Body::empty()).unwrap()).await;
        assert_eq!(response.status, StatusCode::OK, "{accepted:?}");
        let headers = &response.headers;
        assert_eq!(headers[header::CONTENT_TYPE], "application/wasm");
        assert_eq!(
            headers
                .get(header::CONTENT_ENCODING)
                .map(|v| v.to_str().unwrap()),
            encoding,
            "{accepted:?}"
        );
        assert!(
            headers
                .get_all(header::VARY)
                .iter()
                .any(|v| v.to_str().unwrap().contains("accept-encoding")),
            "{headers:?}"
        );
        assert_eq!(headers[header::CACHE_CONTROL], "no-cache");
        let sent = response.body;
        assert_eq!(sent.as_slice(), body, "{accepted:?}");

        // A browser that kept its copy asks whether it is current, and gets no body again.
        let mut revalidate = Request::get("/module_bg.wasm")
            .header(header::IF_MODIFIED_SINCE, &headers[header::LAST_MODIFIED]);
        if let Some(accepted) = accepted {
            revalidate = revalidate.header(header::ACCEPT_ENCODING, accepted);
        }
        let response = common::send(&server.app, revalidate.body(Body::empty()).unwrap()).await;
        assert_eq!(response.status, StatusCode::NOT_MODIFIED, "{accepted:?}");
    }
}
