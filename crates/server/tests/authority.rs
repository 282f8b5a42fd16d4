//! The development sign-in authority as a device-flow client and a person see it: RFC 8628
//! answers with Microsoft's error vocabulary, and the device-login pages step by step.

use std::time::Duration;

use axum::{
    Router,
    body::Body,
    http::{Request, StatusCode, header},
};
use serde_json::Value;
use xms_server::authority::XOPERO_REGISTRATOR_CLIENT_ID;

mod common;

const GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

struct TestAuthority {
    app: Router,
    _data: tempfile::TempDir,
}

fn authority(ttl: Duration) -> TestAuthority {
    let data = tempfile::tempdir().unwrap();
    // The authority alone: it stands apart from XMS.
    let authority = common::authority(data.path(), "http://127.0.0.1:8080", ttl);
    TestAuthority {
        app: xms_server::authority::router(authority),
        _data: data,
    }
}

fn form(uri: &str, body: &str) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body.to_owned()))
        .unwrap()
}

/// The answer's status and text.
async fn send(app: &Router, request: Request<Body>) -> (StatusCode, String) {
    let answer = common::send(app, request).await;
    (answer.status, answer.text())
}

/// The answer's status and JSON (`null` when it is not JSON).
async fn send_json(app: &Router, request: Request<Body>) -> (StatusCode, Value) {
    let answer = common::send(app, request).await;
    (
        answer.status,
        serde_json::from_slice(&answer.body).unwrap_or(Value::Null),
    )
}

/// Starts a device authorization; returns (device_code, user_code).
async fn start(app: &Router, tenant: &str) -> (String, String) {
    let body = format!("client_id={XOPERO_REGISTRATOR_CLIENT_ID}&scope=openid%20offline_access");
    let (status, json) = send_json(
        app,
        form(&format!("/{tenant}/oauth2/v2.0/devicecode"), &body),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{json}");
    (
        json["device_code"].as_str().unwrap().to_owned(),
        json["user_code"].as_str().unwrap().to_owned(),
    )
}

async fn poll(app: &Router, device_code: &str) -> (StatusCode, Value) {
    let body = format!(
        "grant_type={}&client_id={XOPERO_REGISTRATOR_CLIENT_ID}&device_code={device_code}",
        GRANT.replace(':', "%3A")
    );
    send_json(app, form("/organizations/oauth2/v2.0/token", &body)).await
}

/// Walks the pages: code, account, consent decision; returns the last page.
async fn sign_in(
    app: &Router,
    user_code: &str,
    account: &str,
    decision: &str,
) -> (StatusCode, String) {
    let (status, page) = send(app, form("/devicelogin", &format!("otc={user_code}"))).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("Pick an account"), "{page}");
    let (status, page) = send(
        app,
        form(
            "/devicelogin/account",
            &format!("otc={user_code}&account={account}"),
        ),
    )
    .await;
    if status != StatusCode::OK {
        return (status, page);
    }
    assert!(
        page.contains("Are you trying to sign in to Xopero Registrator?"),
        "{page}"
    );
    send(
        app,
        form(
            "/devicelogin/consent",
            &format!("otc={user_code}&account={account}&decision={decision}"),
        ),
    )
    .await
}

#[tokio::test]
async fn a_device_authorization_answers_like_microsoft() {
    let authority = authority(Duration::from_secs(900));
    let body = format!("client_id={XOPERO_REGISTRATOR_CLIENT_ID}&scope=openid");
    let (status, json) = send_json(
        &authority.app,
        form("/organizations/oauth2/v2.0/devicecode", &body),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(json["user_code"].as_str().unwrap().len(), 9);
    assert_eq!(
        json["verification_uri"],
        "http://127.0.0.1:8080/devicelogin"
    );
    assert_eq!(json["expires_in"], 900);
    assert_eq!(json["interval"], 1);
    assert!(
        json["message"]
            .as_str()
            .unwrap()
            .contains(json["user_code"].as_str().unwrap())
    );
}

#[tokio::test]
async fn refuses_unknown_applications_tenants_and_missing_scopes() {
    let authority = authority(Duration::from_secs(900));
    let (status, json) = send_json(
        &authority.app,
        form(
            "/organizations/oauth2/v2.0/devicecode",
            "client_id=someone-else&scope=openid",
        ),
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(json["error"], "unauthorized_client");
    assert!(
        json["error_description"]
            .as_str()
            .unwrap()
            .starts_with("AADSTS700016")
    );

    let body = format!("client_id={XOPERO_REGISTRATOR_CLIENT_ID}");
    let (status, json) = send_json(
        &authority.app,
        form("/organizations/oauth2/v2.0/devicecode", &body),
    )
    .await;
    assert_eq!(
        (status, json["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_request"))
    );
    assert!(
        json["error_description"]
            .as_str()
            .unwrap()
            .contains("'scope'")
    );

    let body = format!("client_id={XOPERO_REGISTRATOR_CLIENT_ID}&scope=openid");
    let (_, json) = send_json(
        &authority.app,
        form("/example.org/oauth2/v2.0/devicecode", &body),
    )
    .await;
    assert!(
        json["error_description"]
            .as_str()
            .unwrap()
            .starts_with("AADSTS90002")
    );
}

#[tokio::test]
async fn polling_is_pending_then_slowed_down_when_too_fast() {
    let authority = authority(Duration::from_secs(900));
    let (device_code, _) = start(&authority.app, "organizations").await;
    let (status, json) = poll(&authority.app, &device_code).await;
    assert_eq!(
        (status, json["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("authorization_pending"))
    );
    let (_, json) = poll(&authority.app, &device_code).await;
    assert_eq!(json["error"], "slow_down");

    let (_, json) = poll(&authority.app, "not-a-device-code").await;
    assert_eq!(json["error"], "bad_verification_code");
}

#[tokio::test]
async fn signing_in_and_consenting_issues_one_token_for_the_tenant() {
    let authority = authority(Duration::from_secs(900));
    let (device_code, user_code) = start(&authority.app, "organizations").await;
    // Typed as people do: lower case, with spaces.
    let typed = format!("{} {}", &user_code[..4].to_lowercase(), &user_code[4..]).replace(' ', "+");
    let (status, page) = sign_in(
        &authority.app,
        &typed,
        "megan.bowen@contoso.onmicrosoft.com",
        "continue",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("You may now close this window"), "{page}");

    let (status, json) = poll(&authority.app, &device_code).await;
    assert_eq!(status, StatusCode::OK, "{json}");
    assert_eq!(json["token_type"], "Bearer");
    let token = json["access_token"].as_str().unwrap().to_owned();

    let graph = |path: &str| {
        Request::get(path)
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .body(Body::empty())
            .unwrap()
    };
    let (status, json) = send_json(&authority.app, graph("/graph/v1.0/organization")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(json["value"][0]["displayName"], "Contoso Ltd");
    assert_eq!(
        json["value"][0]["verifiedDomains"][0]["name"],
        "contoso.onmicrosoft.com"
    );
    let (_, count) = send(&authority.app, graph("/graph/v1.0/users/$count")).await;
    assert_eq!(count, "1250");

    let (_, json) = poll(&authority.app, &device_code).await;
    assert_eq!(json["error"], "invalid_grant", "the device code is spent");
    let (status, page) = send(
        &authority.app,
        form("/devicelogin", &format!("otc={user_code}")),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("already been used"), "{page}");
}

#[tokio::test]
async fn cancel_on_the_consent_page_declines() {
    let authority = authority(Duration::from_secs(900));
    let (device_code, user_code) = start(&authority.app, "organizations").await;
    let (_, page) = sign_in(
        &authority.app,
        &user_code,
        "alex.wilber@fabrikam.onmicrosoft.com",
        "cancel",
    )
    .await;
    assert!(page.contains("Sign-in cancelled"), "{page}");
    let (_, json) = poll(&authority.app, &device_code).await;
    assert_eq!(json["error"], "authorization_declined");
}

#[tokio::test]
async fn conditional_access_blocks_the_device_code_flow_with_aadsts53003() {
    let authority = authority(Duration::from_secs(900));
    let (device_code, user_code) = start(&authority.app, "organizations").await;
    let (status, page) = sign_in(
        &authority.app,
        &user_code,
        "nestor.wilke@woodgrovebank.onmicrosoft.com",
        "continue",
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(page.contains("Conditional Access"), "{page}");
    let (_, json) = poll(&authority.app, &device_code).await;
    assert_eq!(json["error"], "invalid_grant");
    assert!(
        json["error_description"]
            .as_str()
            .unwrap()
            .starts_with("AADSTS53003")
    );
}

#[tokio::test]
async fn an_account_that_is_not_a_global_administrator_cannot_consent() {
    let authority = authority(Duration::from_secs(900));
    let (device_code, user_code) = start(&authority.app, "organizations").await;
    let (status, page) = sign_in(
        &authority.app,
        &user_code,
        "lynne.robbins@contoso.onmicrosoft.com",
        "continue",
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        page.contains("Need admin approval") && page.contains("global administrator"),
        "{page}"
    );
    // The code is still good for an administrator.
    let (status, _) = sign_in(
        &authority.app,
        &user_code,
        "megan.bowen@contoso.onmicrosoft.com",
        "continue",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(poll(&authority.app, &device_code).await.0, StatusCode::OK);
}

#[tokio::test]
async fn a_tenant_specific_request_only_offers_that_tenants_accounts() {
    let authority = authority(Duration::from_secs(900));
    let (_, user_code) = start(&authority.app, "fabrikam.com").await;
    let (_, page) = send(
        &authority.app,
        form("/devicelogin", &format!("otc={user_code}")),
    )
    .await;
    assert!(page.contains("alex.wilber@fabrikam.onmicrosoft.com"));
    assert!(!page.contains("contoso"), "{page}");
}

#[tokio::test]
async fn wrong_and_expired_codes_are_refused_on_the_page() {
    let authority = authority(Duration::from_secs(1));
    let (status, page) = send(&authority.app, form("/devicelogin", "otc=AAAABBBBC")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        page.contains("That code didn&#39;t work") || page.contains("That code didn't work"),
        "{page}"
    );
    assert!(page.contains("role=\"alert\""));

    let (device_code, user_code) = start(&authority.app, "organizations").await;
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let (status, page) = send(
        &authority.app,
        form("/devicelogin", &format!("otc={user_code}")),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("That code has expired"), "{page}");
    let (_, json) = poll(&authority.app, &device_code).await;
    assert_eq!(json["error"], "expired_token");
}

#[tokio::test]
async fn guessing_codes_is_rate_limited() {
    let authority = authority(Duration::from_secs(900));
    let mut statuses = Vec::new();
    for _ in 0..12 {
        statuses.push(
            send(&authority.app, form("/devicelogin", "otc=AAAABBBBC"))
                .await
                .0,
        );
    }
    assert_eq!(statuses[0], StatusCode::BAD_REQUEST);
    assert_eq!(statuses[11], StatusCode::TOO_MANY_REQUESTS);
    let (_, page) = send(&authority.app, form("/devicelogin", "otc=AAAABBBBC")).await;
    assert!(page.contains("Too many codes were tried"), "{page}");
}

#[tokio::test]
async fn discovery_names_the_device_endpoints() {
    let authority = authority(Duration::from_secs(900));
    let request = Request::get("/organizations/v2.0/.well-known/openid-configuration")
        .body(Body::empty())
        .unwrap();
    let (status, json) = send_json(&authority.app, request).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        json["device_authorization_endpoint"],
        "http://127.0.0.1:8080/organizations/oauth2/v2.0/devicecode"
    );
    assert_eq!(
        json["token_endpoint"],
        "http://127.0.0.1:8080/organizations/oauth2/v2.0/token"
    );
}

#[tokio::test]
async fn graph_refuses_requests_without_a_valid_token() {
    let authority = authority(Duration::from_secs(900));
    let request = Request::get("/graph/v1.0/organization")
        .header(header::AUTHORIZATION, "Bearer nope")
        .body(Body::empty())
        .unwrap();
    let (status, json) = send_json(&authority.app, request).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(json["error"]["code"], "InvalidAuthenticationToken");
}

/// `request` as a browser preferring `languages` (an `Accept-Language` value) sends it.
fn speaking(mut request: Request<Body>, languages: &str) -> Request<Body> {
    request
        .headers_mut()
        .insert(header::ACCEPT_LANGUAGE, languages.parse().unwrap());
    request
}

#[tokio::test]
async fn the_code_page_speaks_the_browser_s_language() {
    let authority = authority(Duration::from_secs(900));
    let code_page = |languages: &str| {
        let request = Request::get("/devicelogin").body(Body::empty()).unwrap();
        send(&authority.app, speaking(request, languages))
    };

    let (_, page) = code_page("pl-PL,pl;q=0.9,en;q=0.8").await;
    assert!(page.contains("<html lang=\"pl\">"), "{page}");
    assert!(page.contains("<h1>Wprowadź kod</h1>"), "{page}");
    assert!(page.contains(">Kod</label>"), "{page}");
    assert!(page.contains(">Dalej</button>"), "{page}");

    let (_, page) = code_page("de-DE,de;q=0.9").await;
    assert!(page.contains("<html lang=\"de\">"), "{page}");
    assert!(page.contains("<h1>Code eingeben</h1>"), "{page}");
    assert!(page.contains(">Weiter</button>"), "{page}");

    // Weights, not order, decide.
    let (_, page) = code_page("en;q=0.3, de-AT;q=0.8").await;
    assert!(page.contains("<html lang=\"de\">"), "{page}");

    // A language the pages do not speak, or none at all: English, as today.
    for languages in ["fr-FR,fr;q=0.9", ""] {
        let (_, page) = code_page(languages).await;
        assert!(page.contains("<html lang=\"en\">"), "{page}");
        assert!(page.contains("<h1>Enter code</h1>"), "{page}");
        assert!(page.contains(">Next</button>"), "{page}");
    }
}

#[tokio::test]
async fn a_wrong_code_is_refused_in_the_browser_s_language() {
    let authority = authority(Duration::from_secs(900));
    let (status, page) = send(
        &authority.app,
        speaking(
            form("/devicelogin", "otc=AAAABBBBC"),
            "pl-PL,pl;q=0.9,en;q=0.8",
        ),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(page.contains("<html lang=\"pl\">"), "{page}");
    assert!(
        page.contains("Ten kod nie zadziałał. Sprawdź kod i spróbuj ponownie."),
        "{page}"
    );
}

#[tokio::test]
async fn signing_in_in_german_stays_german_to_the_end() {
    let authority = authority(Duration::from_secs(900));
    let (_, user_code) = start(&authority.app, "organizations").await;
    let account = "megan.bowen@contoso.onmicrosoft.com";
    let german = |uri: &str, body: String| speaking(form(uri, &body), "de-DE,de;q=0.9,en;q=0.5");

    let (_, page) = send(
        &authority.app,
        german("/devicelogin", format!("otc={user_code}")),
    )
    .await;
    assert!(page.contains("<h1>Konto auswählen</h1>"), "{page}");
    assert!(
        page.contains("um mit <strong>Xopero Registrator</strong> fortzufahren"),
        "{page}"
    );

    let account_form = format!("otc={user_code}&account={account}");
    let (_, page) = send(&authority.app, german("/devicelogin/account", account_form)).await;
    assert!(
        page.contains("<h1>Versuchen Sie, sich bei Xopero Registrator anzumelden?</h1>"),
        "{page}"
    );
    assert!(page.contains(">Abbrechen</button>"), "{page}");

    let consent = format!("otc={user_code}&account={account}&decision=continue");
    let (status, page) = send(&authority.app, german("/devicelogin/consent", consent)).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<html lang=\"de\">"), "{page}");
    assert!(
        page.contains("Sie können dieses Fenster jetzt schließen."),
        "{page}"
    );
}

#[tokio::test]
async fn the_account_list_names_the_app_in_english_as_today() {
    let authority = authority(Duration::from_secs(900));
    let (_, user_code) = start(&authority.app, "organizations").await;
    let (_, page) = send(
        &authority.app,
        form("/devicelogin", &format!("otc={user_code}")),
    )
    .await;
    assert!(
        page.contains("<p>to continue to <strong>Xopero Registrator</strong></p>"),
        "{page}"
    );
}
