//! Connecting an organization end to end on the server: XMS's API starts a device
//! authorization with the development authority over real HTTP, a person signs in on the
//! device-login pages, and XMS's background polling settles the attempt. Includes a restart in
//! the middle of an attempt, and re-authorizing an organization (which only its own tenant
//! can do).

use std::time::Duration;

use common::{RunningServer, TOKEN};
use reqwest::{Client, StatusCode};
use serde_json::json;
use xms_m365_contract::{
    Connection, ConnectionState, ErrorBody, ErrorCode, OrganizationList, OrganizationStatus, paths,
};
use xms_server::{
    authority::directory::TENANTS,
    store::organizations::{self, NewOrganization},
};

mod common;

struct Api {
    http: Client,
    url: String,
}

impl Api {
    fn new(server: &RunningServer) -> Self {
        Self {
            http: Client::new(),
            url: server.url.clone(),
        }
    }

    async fn start(&self) -> Connection {
        let response = self
            .http
            .post(format!("{}/api/v1/m365/connections", self.url))
            .bearer_auth(TOKEN)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        response.json().await.unwrap()
    }

    /// Starts re-authorizing organization `id`, as the tile's **Re-authorize** does.
    async fn start_reauthorizing(&self, id: &str) -> Connection {
        let response = self
            .http
            .post(format!("{}/api/v1/m365/connections", self.url))
            .bearer_auth(TOKEN)
            .json(&json!({ "reauthorize": id }))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::CREATED);
        response.json().await.unwrap()
    }

    async fn get(&self, id: &str) -> reqwest::Response {
        self.http
            .get(format!("{}/api/v1/m365/connections/{id}", self.url))
            .bearer_auth(TOKEN)
            .send()
            .await
            .unwrap()
    }

    /// Follows the attempt as the module does, at its interval, until it settles.
    async fn settle(&self, id: &str) -> ConnectionState {
        for _ in 0..40 {
            let response = self.get(id).await;
            if response.status() == StatusCode::OK {
                let connection: Connection = response.json().await.unwrap();
                if !connection.state.is_pending() {
                    return connection.state;
                }
            }
            tokio::time::sleep(Duration::from_millis(1000)).await;
        }
        panic!("the connection attempt never settled");
    }

    async fn organizations(&self) -> OrganizationList {
        common::get_json(&self.url, paths::ORGANIZATIONS).await
    }

    /// Signs in on the device-login pages as `account`, ending with `decision`.
    async fn sign_in(&self, user_code: &str, account: &str, decision: &str) {
        let page = |path: &str| format!("{}/devicelogin{path}", self.url);
        let picked = self
            .http
            .post(page(""))
            .form(&[("otc", user_code)])
            .send()
            .await
            .unwrap();
        assert_eq!(picked.status(), StatusCode::OK);
        self.http
            .post(page("/account"))
            .form(&[("otc", user_code), ("account", account)])
            .send()
            .await
            .unwrap();
        self.http
            .post(page("/consent"))
            .form(&[
                ("otc", user_code),
                ("account", account),
                ("decision", decision),
            ])
            .send()
            .await
            .unwrap();
    }
}

const MEGAN: &str = "megan.bowen@contoso.onmicrosoft.com";
const ALEX: &str = "alex.wilber@fabrikam.onmicrosoft.com";

/// Stores Contoso Ltd of the demo directory in `data`, needing re-authorization; returns its id.
fn contoso_needing_reauthorization(data: &std::path::Path) -> String {
    let contoso = &TENANTS[0];
    let db = common::open_db(data);
    let id = common::insert(
        &db,
        &NewOrganization {
            tenant_id: contoso.id.into(),
            name: contoso.name.into(),
            primary_domain: contoso.primary_domain.into(),
            user_count: 1200,
        },
    )
    .id
    .0;
    db.read(|conn| organizations::set_needs_reauthorization(conn, &id))
        .unwrap();
    id
}

#[tokio::test]
async fn signing_in_connects_the_organization_once() {
    let data = tempfile::tempdir().unwrap();
    let server = RunningServer::start(data.path(), Duration::from_secs(900));
    let api = Api::new(&server);

    let connection = api.start().await;
    assert_eq!(connection.state, ConnectionState::Pending);
    assert_eq!(connection.user_code.len(), 9);
    assert_eq!(
        connection.verification_uri,
        format!("{}/devicelogin", server.url)
    );
    api.sign_in(&connection.user_code, MEGAN, "continue").await;
    let ConnectionState::Succeeded {
        organization,
        already_connected,
    } = api.settle(&connection.id.0).await
    else {
        panic!("the sign-in did not connect the organization");
    };
    assert_eq!(organization.name, "Contoso Ltd");
    assert_eq!(organization.primary_domain, "contoso.onmicrosoft.com");
    assert_eq!(organization.user_count, 1250);
    assert!(!already_connected);

    // Connecting the same tenant again refreshes it rather than adding a second one.
    let again = api.start().await;
    api.sign_in(&again.user_code, MEGAN, "continue").await;
    let ConnectionState::Succeeded {
        already_connected, ..
    } = api.settle(&again.id.0).await
    else {
        panic!("the second sign-in did not succeed");
    };
    assert!(already_connected);
    assert_eq!(api.organizations().await.organizations.len(), 1);
}

#[tokio::test]
async fn cancelling_on_the_consent_page_declines() {
    let data = tempfile::tempdir().unwrap();
    let server = RunningServer::start(data.path(), Duration::from_secs(900));
    let api = Api::new(&server);
    let connection = api.start().await;
    api.sign_in(&connection.user_code, MEGAN, "cancel").await;
    assert_eq!(
        api.settle(&connection.id.0).await,
        ConnectionState::Declined
    );
    assert!(api.organizations().await.organizations.is_empty());
}

#[tokio::test]
async fn conditional_access_fails_with_a_plain_explanation() {
    let data = tempfile::tempdir().unwrap();
    let server = RunningServer::start(data.path(), Duration::from_secs(900));
    let api = Api::new(&server);
    let connection = api.start().await;
    api.sign_in(
        &connection.user_code,
        "nestor.wilke@woodgrovebank.onmicrosoft.com",
        "continue",
    )
    .await;
    let ConnectionState::Failed {
        message,
        device_code_blocked,
    } = api.settle(&connection.id.0).await
    else {
        panic!("a blocked sign-in must fail");
    };
    assert!(device_code_blocked, "the dialog must offer the other way");
    assert!(message.contains("Conditional Access"), "{message}");
    assert!(message.contains("AADSTS53003"), "{message}");
}

#[tokio::test]
async fn an_unused_code_expires() {
    let data = tempfile::tempdir().unwrap();
    let server = RunningServer::start(data.path(), Duration::from_secs(2));
    let api = Api::new(&server);
    let connection = api.start().await;
    assert_eq!(api.settle(&connection.id.0).await, ConnectionState::Expired);
}

#[tokio::test]
async fn a_cancelled_attempt_stays_cancelled_even_if_someone_signs_in() {
    let data = tempfile::tempdir().unwrap();
    let server = RunningServer::start(data.path(), Duration::from_secs(900));
    let api = Api::new(&server);
    let connection = api.start().await;
    let response = api
        .http
        .delete(format!(
            "{}/api/v1/m365/connections/{}",
            api.url, connection.id.0
        ))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    api.sign_in(&connection.user_code, MEGAN, "continue").await;
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(
        api.settle(&connection.id.0).await,
        ConnectionState::Cancelled
    );
    assert!(api.organizations().await.organizations.is_empty());
}

#[tokio::test]
async fn asking_faster_than_the_interval_is_told_to_slow_down() {
    let data = tempfile::tempdir().unwrap();
    let server = RunningServer::start(data.path(), Duration::from_secs(900));
    let api = Api::new(&server);
    let connection = api.start().await;
    assert_eq!(api.get(&connection.id.0).await.status(), StatusCode::OK);
    let response = api.get(&connection.id.0).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let body: ErrorBody = response.json().await.unwrap();
    assert_eq!(body.error.code, ErrorCode::SlowDown);

    let response = api.get("no-such-attempt").await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_pending_attempt_survives_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let first = RunningServer::start(data.path(), Duration::from_secs(900));
    let connection = Api::new(&first).start().await;
    first.stop();

    let second = RunningServer::start(data.path(), Duration::from_secs(900));
    let api = Api::new(&second);
    api.sign_in(&connection.user_code, MEGAN, "continue").await;
    let state = api.settle(&connection.id.0).await;
    assert!(
        matches!(&state, ConnectionState::Succeeded { organization, .. } if organization.name == "Contoso Ltd"),
        "{state:?}"
    );
}

#[tokio::test]
async fn an_unreachable_identity_platform_is_a_502_that_says_so() {
    let data = tempfile::tempdir().unwrap();
    // Port 9 (discard) is closed on these machines: the connection is refused.
    let (app, _) = common::server(data.path(), "http://127.0.0.1:9", Duration::from_secs(900));
    let request = common::api_request("POST", paths::CONNECTIONS, None, None);
    let body = common::send(&app, request)
        .await
        .error(StatusCode::BAD_GATEWAY);
    assert_eq!(body.error.code, ErrorCode::BadGateway);
    assert!(
        body.error.message.contains("could not reach"),
        "{}",
        body.error.message
    );
}

#[tokio::test]
async fn reauthorizing_with_the_same_tenant_renews_consent() {
    let data = tempfile::tempdir().unwrap();
    let contoso = contoso_needing_reauthorization(data.path());
    let server = RunningServer::start(data.path(), Duration::from_secs(900));
    let api = Api::new(&server);
    let connection = api.start_reauthorizing(&contoso).await;
    api.sign_in(&connection.user_code, MEGAN, "continue").await;
    let ConnectionState::Succeeded {
        organization,
        already_connected,
    } = api.settle(&connection.id.0).await
    else {
        panic!("re-authorizing Contoso as its administrator must succeed");
    };
    assert!(already_connected);
    assert_eq!(organization.id.0, contoso);
    assert_ne!(
        organization.status,
        OrganizationStatus::NeedsReauthorization
    );
    assert_eq!(organization.user_count, 1250, "refreshed from the tenant");
}

#[tokio::test]
async fn reauthorizing_with_another_tenant_fails_and_connects_nothing_even_after_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let contoso = contoso_needing_reauthorization(data.path());
    let first = RunningServer::start(data.path(), Duration::from_secs(900));
    let connection = Api::new(&first).start_reauthorizing(&contoso).await;
    first.stop();

    // The attempt remembers what it re-authorizes across the restart.
    let second = RunningServer::start(data.path(), Duration::from_secs(900));
    let api = Api::new(&second);
    api.sign_in(&connection.user_code, ALEX, "continue").await;
    let ConnectionState::Failed { message, .. } = api.settle(&connection.id.0).await else {
        panic!("signing in to Fabrikam cannot re-authorize Contoso");
    };
    assert_eq!(
        message,
        "You signed in to Fabrikam Inc (fabrikam.onmicrosoft.com), not Contoso Ltd. Sign in \
         with an administrator of Contoso Ltd to re-authorize it."
    );
    let organizations = api.organizations().await.organizations;
    assert_eq!(organizations.len(), 1, "Fabrikam was not connected");
    assert_eq!(organizations[0].id.0, contoso);
    assert_eq!(
        organizations[0].status,
        OrganizationStatus::NeedsReauthorization,
        "Contoso is unchanged"
    );
}

#[tokio::test]
async fn the_start_body_is_optional_but_checked_when_sent() {
    let server = common::TestApp::new(None);
    let start = |content_type: Option<&str>, body: &str| {
        let mut request = axum::http::Request::post("/api/v1/m365/connections")
            .header("Authorization", format!("Bearer {TOKEN}"));
        if let Some(content_type) = content_type {
            request = request.header("Content-Type", content_type);
        }
        let request = request
            .body(axum::body::Body::from(body.to_owned()))
            .unwrap();
        let app = server.app.clone();
        async move {
            let answer = common::send(&app, request).await;
            let body: Option<ErrorBody> = serde_json::from_slice(&answer.body).ok();
            (answer.status, body.map(|b| (b.error.code, b.error.message)))
        }
    };
    // This server's identity platform cannot be reached: a 502 means the body was accepted.
    for (content_type, body) in [
        (None, ""),
        (Some("application/json"), ""),
        (Some("application/json"), "{}"),
        (
            Some("application/json; charset=utf-8"),
            r#"{"reauthorize": null}"#,
        ),
    ] {
        let (status, _) = start(content_type, body).await;
        assert_eq!(status, StatusCode::BAD_GATEWAY, "{content_type:?} {body:?}");
    }

    let (status, error) = start(Some("application/json"), r#"{"reauthorize": "nope"}"#).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let (code, message) = error.unwrap();
    assert_eq!(code, ErrorCode::NotFound);
    assert!(
        message.contains("There is no organization nope"),
        "{message}"
    );

    // JSON that is not a StartConnection names the field; what is not JSON is a bad request.
    let (status, error) = start(Some("application/json"), r#"{"reauthorize": 7}"#).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error.unwrap().0, ErrorCode::ValidationFailed);
    let (status, error) = start(Some("application/json"), r#"{"reauthorize": "#).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error.unwrap().0, ErrorCode::BadRequest);

    let (status, error) = start(Some("text/plain"), "contoso").await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
    assert_eq!(error.unwrap().0, ErrorCode::UnsupportedMediaType);
}
