//! The development authority's OpenID discovery as standard clients read it: the document
//! carries what Microsoft's v2.0 document carries, every endpoint it names answers as
//! Microsoft's does, and a standard OpenID Connect client (the openidconnect crate) accepts it
//! and signs in with a device code from the discovered endpoints alone.

use std::time::Duration;

use common::RunningServer;
use openidconnect::{
    AdditionalProviderMetadata, AuthType, ClientId, DeviceAuthorizationUrl, IssuerUrl,
    OAuth2TokenResponse, ProviderMetadata, Scope,
    core::{
        CoreAuthDisplay, CoreClaimName, CoreClaimType, CoreClient, CoreClientAuthMethod,
        CoreDeviceAuthorizationResponse, CoreGenderClaim, CoreGrantType, CoreJsonWebKey,
        CoreJweContentEncryptionAlgorithm, CoreJweKeyManagementAlgorithm, CoreResponseMode,
        CoreResponseType, CoreSubjectIdentifierType,
    },
};
use openidconnect::{EmptyAdditionalClaims, UserInfoClaims};
use reqwest::StatusCode;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use xms_server::authority::{XOPERO_REGISTRATOR_CLIENT_ID, directory::TENANTS};

mod common;

/// Microsoft's extension to the standard metadata: where a device authorization starts.
#[derive(Clone, Debug, Deserialize, Serialize)]
struct DeviceEndpoint {
    device_authorization_endpoint: DeviceAuthorizationUrl,
}
impl AdditionalProviderMetadata for DeviceEndpoint {}

type Metadata = ProviderMetadata<
    DeviceEndpoint,
    CoreAuthDisplay,
    CoreClientAuthMethod,
    CoreClaimName,
    CoreClaimType,
    CoreGrantType,
    CoreJweContentEncryptionAlgorithm,
    CoreJweKeyManagementAlgorithm,
    CoreJsonWebKey,
    CoreResponseMode,
    CoreResponseType,
    CoreSubjectIdentifierType,
>;

fn http() -> reqwest::Client {
    // As openidconnect asks: no redirects followed, so none can be used against the client.
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

fn server() -> (RunningServer, tempfile::TempDir) {
    let data = tempfile::tempdir().unwrap();
    (
        RunningServer::start(data.path(), Duration::from_secs(900)),
        data,
    )
}

#[tokio::test]
async fn the_document_has_microsofts_fields_and_each_endpoint_answers() {
    let (server, _data) = server();
    let http = http();
    let document: Value = http
        .get(format!(
            "{}/organizations/v2.0/.well-known/openid-configuration",
            server.url
        ))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let base = format!("{}/organizations", server.url);
    let endpoint = |name: &str| document[name].as_str().unwrap_or_default().to_owned();
    // The multi-tenant document names its issuer with Microsoft's placeholder.
    assert_eq!(
        endpoint("issuer"),
        format!("{}/{{tenantid}}/v2.0", server.url)
    );
    for (name, path) in [
        ("authorization_endpoint", "/oauth2/v2.0/authorize"),
        ("token_endpoint", "/oauth2/v2.0/token"),
        ("device_authorization_endpoint", "/oauth2/v2.0/devicecode"),
        ("end_session_endpoint", "/oauth2/v2.0/logout"),
        ("jwks_uri", "/discovery/v2.0/keys"),
    ] {
        assert_eq!(endpoint(name), format!("{base}{path}"), "{name}");
    }
    assert_eq!(
        endpoint("userinfo_endpoint"),
        format!("{}/graph/oidc/userinfo", server.url)
    );
    for (name, expected) in [
        (
            "response_modes_supported",
            vec!["query", "fragment", "form_post"],
        ),
        ("id_token_signing_alg_values_supported", vec!["RS256"]),
        ("subject_types_supported", vec!["pairwise"]),
        (
            "response_types_supported",
            vec!["code", "id_token", "code id_token", "id_token token"],
        ),
        (
            "scopes_supported",
            vec!["openid", "profile", "email", "offline_access"],
        ),
    ] {
        assert_eq!(document[name], serde_json::json!(expected), "{name}");
    }
    assert_eq!(document["msgraph_host"], "graph.microsoft.com");
    assert_eq!(document["request_uri_parameter_supported"], false);

    // The key set: empty, as the authority issues no id tokens.
    let keys = http.get(endpoint("jwks_uri")).send().await.unwrap();
    assert_eq!(keys.status(), StatusCode::OK);
    assert_eq!(
        keys.json::<Value>().await.unwrap(),
        serde_json::json!({"keys": []})
    );
    // The authorize endpoint: Microsoft's error page, naming why (the app has no redirect URIs).
    let authorize = http
        .get(format!(
            "{}?client_id={XOPERO_REGISTRATOR_CLIENT_ID}&response_type=code\
             &redirect_uri=https%3A%2F%2Fapp.example%2Fcallback&scope=openid",
            endpoint("authorization_endpoint")
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(authorize.status(), StatusCode::BAD_REQUEST);
    assert!(authorize.headers().get("location").is_none(), "no redirect");
    let page = authorize.text().await.unwrap();
    assert!(
        page.contains("Sorry, but we're having trouble signing you in."),
        "{page}"
    );
    assert!(
        page.contains("AADSTS50011: The redirect URI 'https://app.example/callback'"),
        "{page}"
    );
    let unknown_app = http
        .get(format!(
            "{}?client_id=nobody",
            endpoint("authorization_endpoint")
        ))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(unknown_app.contains("AADSTS700016"), "{unknown_app}");
    // Signing out, and the user info of nobody.
    let logout = http
        .get(endpoint("end_session_endpoint"))
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), StatusCode::OK);
    assert!(
        logout
            .text()
            .await
            .unwrap()
            .contains("You signed out of your account")
    );
    let userinfo = http
        .get(endpoint("userinfo_endpoint"))
        .bearer_auth("not-a-token")
        .send()
        .await
        .unwrap();
    assert_eq!(userinfo.status(), StatusCode::UNAUTHORIZED);
    // An unknown tenant has no keys either, said as Microsoft says it.
    let nowhere = http
        .get(format!(
            "{}/nowhere.example/discovery/v2.0/keys",
            server.url
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(nowhere.status(), StatusCode::BAD_REQUEST);
    assert!(nowhere.text().await.unwrap().contains("AADSTS90002"));
}

#[tokio::test]
async fn a_standard_openid_connect_client_signs_in_from_discovery_alone() {
    let (server, _data) = server();
    let http = http();
    let contoso = &TENANTS[0];
    // A tenant's own document names the tenant as its issuer, which the client checks.
    let issuer = IssuerUrl::new(format!("{}/{}/v2.0", server.url, contoso.id)).unwrap();
    let metadata = Metadata::discover_async(issuer, &http).await.unwrap();
    assert!(metadata.jwks().keys().is_empty());
    let device_url = metadata
        .additional_metadata()
        .device_authorization_endpoint
        .clone();
    let client = CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(XOPERO_REGISTRATOR_CLIENT_ID.to_owned()),
        None,
    )
    .set_device_authorization_url(device_url)
    .set_auth_type(AuthType::RequestBody);

    let details: CoreDeviceAuthorizationResponse = client
        .exchange_device_code()
        .add_scope(Scope::new(
            "https://graph.microsoft.com/.default".to_owned(),
        ))
        .request_async(&http)
        .await
        .unwrap();
    assert_eq!(
        details.verification_uri().as_str(),
        format!("{}/devicelogin", server.url)
    );

    // The person signs in on the page the client was pointed at.
    let page = |path: &str| format!("{}/devicelogin{path}", server.url);
    let code = details.user_code().secret().clone();
    let account = contoso.accounts[0].upn;
    for (path, form) in [
        ("", vec![("otc", code.as_str())]),
        (
            "/account",
            vec![("otc", code.as_str()), ("account", account)],
        ),
        (
            "/consent",
            vec![
                ("otc", code.as_str()),
                ("account", account),
                ("decision", "continue"),
            ],
        ),
    ] {
        let answer = http.post(page(path)).form(&form).send().await.unwrap();
        assert_eq!(answer.status(), StatusCode::OK, "{path}");
    }

    let token = client
        .exchange_device_access_token(&details)
        .unwrap()
        .request_async(&http, tokio::time::sleep, None)
        .await
        .unwrap();
    let info: UserInfoClaims<EmptyAdditionalClaims, CoreGenderClaim> = client
        .user_info(token.access_token().clone(), None)
        .unwrap()
        .request_async(&http)
        .await
        .unwrap();
    assert_eq!(
        info.email().map(|email| email.as_str()),
        Some(account),
        "the account that signed in"
    );
    let name = info.name().and_then(|name| name.get(None)).unwrap();
    assert_eq!(name.as_str(), contoso.accounts[0].name);
}
