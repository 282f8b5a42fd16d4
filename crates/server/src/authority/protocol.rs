//! The authority's machine-facing endpoints: RFC 8628 device authorization and token polling
//! with Microsoft's error vocabulary, OpenID discovery (the document Microsoft's v2.0 endpoint
//! publishes, so that standard OpenID Connect clients accept it) with its key set, and the
//! Graph stand-in with its OpenID user info.

use axum::{
    Json,
    extract::{Form, Path, State, rejection::FormRejection},
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::Deserialize;
use serde_json::json;

use super::{
    Authority, XOPERO_REGISTRATOR_CLIENT_ID,
    client_credentials::{self, CLIENT_CREDENTIALS_GRANT, Presented},
    directory::{self, TenantHint},
    oauth::{ACCESS_TOKEN_SECONDS, Answer, OAuthError},
    secret,
    store::{self, DeviceAuthorization, DeviceState, Holder},
    user_code,
};
use crate::{
    db::{DbError, run_blocking},
    hash::stable_hash,
};

/// The grant type of a device-code token request.
pub const DEVICE_CODE_GRANT: &str = "urn:ietf:params:oauth:grant-type:device_code";

#[derive(Deserialize)]
pub(super) struct DeviceCodeRequest {
    client_id: Option<String>,
    scope: Option<String>,
}

fn known_tenant(tenant: &str) -> Result<(), OAuthError> {
    if directory::knows(tenant) {
        Ok(())
    } else {
        Err(OAuthError::new(
            "invalid_request",
            &[90002],
            format!(
                "AADSTS90002: Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."
            ),
        ))
    }
}

/// `POST /{tenant}/oauth2/v2.0/devicecode`
pub(super) async fn devicecode_create(
    State(state): State<Authority>,
    Path(tenant): Path<TenantHint>,
    form: Result<Form<DeviceCodeRequest>, FormRejection>,
) -> Answer {
    let Ok(Form(request)) = form else {
        return Answer::OAuth(OAuthError::missing("client_id"));
    };
    if let Err(error) = known_tenant(&tenant) {
        return Answer::OAuth(error);
    }
    let Some(client_id) = request.client_id.filter(|id| !id.is_empty()) else {
        return Answer::OAuth(OAuthError::missing("client_id"));
    };
    if client_id != XOPERO_REGISTRATOR_CLIENT_ID {
        return Answer::OAuth(OAuthError::new(
            "unauthorized_client",
            &[700016],
            format!(
                "AADSTS700016: Application with identifier '{client_id}' was not found in the directory."
            ),
        ));
    }
    let Some(scope) = request.scope.filter(|scope| !scope.trim().is_empty()) else {
        return Answer::OAuth(OAuthError::missing("scope"));
    };

    let authority = &state;
    let ttl = authority.config.device_code_ttl;
    let interval = authority.config.poll_interval.as_secs().max(1);
    let authorization = DeviceAuthorization {
        device_code: secret(),
        user_code: user_code(),
        client_id,
        scope,
        tenant_hint: tenant.0,
        expires_at: state.clock.now_ms() + i64::try_from(ttl.as_millis()).unwrap_or(i64::MAX / 2),
        interval_secs: u32::try_from(interval).unwrap_or(u32::MAX),
        last_poll_at: None,
        state: DeviceState::Pending,
        account: None,
    };
    let db = state.db.clone();
    let stored = authorization.clone();
    if let Err(error) = db
        .query(move |conn| store::insert_device_authorization(conn, &stored))
        .await
    {
        return Answer::Internal(error);
    }
    let verification_uri = authority.verification_uri();
    Answer::Ok(
        Json(json!({
            "device_code": authorization.device_code,
            "user_code": authorization.user_code,
            "verification_uri": verification_uri,
            "expires_in": ttl.as_secs(),
            "interval": interval,
            "message": format!(
                "To sign in, use a web browser to open the page {verification_uri} and enter the code {} to authenticate.",
                authorization.user_code
            ),
        }))
        .into_response(),
    )
}

#[derive(Deserialize)]
pub(super) struct TokenRequest {
    grant_type: Option<String>,
    client_id: Option<String>,
    device_code: Option<String>,
    client_secret: Option<String>,
    client_assertion_type: Option<String>,
    client_assertion: Option<String>,
    scope: Option<String>,
}

/// `POST /{tenant}/oauth2/v2.0/token`
pub(super) async fn token_create(
    State(state): State<Authority>,
    Path(tenant): Path<TenantHint>,
    form: Result<Form<TokenRequest>, FormRejection>,
) -> Answer {
    let Ok(Form(request)) = form else {
        return Answer::OAuth(OAuthError::missing("grant_type"));
    };
    if let Err(error) = known_tenant(&tenant) {
        return Answer::OAuth(error);
    }
    match request.grant_type.as_deref() {
        Some(DEVICE_CODE_GRANT) => {}
        Some(CLIENT_CREDENTIALS_GRANT) => {
            let presented = Presented {
                client_id: request.client_id,
                client_secret: request.client_secret,
                client_assertion_type: request.client_assertion_type,
                client_assertion: request.client_assertion,
                scope: request.scope,
            };
            return client_credentials::grant(&state, &tenant, presented).await;
        }
        Some(other) => {
            return Answer::OAuth(OAuthError::new(
                "unsupported_grant_type",
                &[],
                format!("The grant type '{other}' is not supported by this authority."),
            ));
        }
        None => return Answer::OAuth(OAuthError::missing("grant_type")),
    }
    let Some(device_code) = request.device_code.filter(|code| !code.is_empty()) else {
        return Answer::OAuth(OAuthError::missing("device_code"));
    };
    let now = state.clock.now_ms();
    let db = state.db.clone();
    let found = match run_blocking(move || {
        db.write(|tx| store::poll_device_authorization(tx, &device_code, now))
            .map_err(DbError::from)
    })
    .await
    {
        Ok(found) => found,
        Err(error) => return Answer::Internal(error),
    };
    let Some(found) = found.filter(|f| request.client_id.as_deref() == Some(&f.client_id)) else {
        return Answer::OAuth(OAuthError::new(
            "bad_verification_code",
            &[],
            "The device_code sent was not recognized.",
        ));
    };
    match token_outcome(&found, now) {
        Ok(account) => issue_tokens(&state, &found, account, now).await,
        Err(error) => Answer::OAuth(error),
    }
}

/// What a poll of `found` at `now` answers: the approving account, or an OAuth error.
fn token_outcome(found: &DeviceAuthorization, now: i64) -> Result<&str, OAuthError> {
    if found.state == DeviceState::Redeemed {
        return Err(OAuthError::new(
            "invalid_grant",
            &[],
            "The device code has already been redeemed.",
        ));
    }
    if now >= found.expires_at {
        return Err(OAuthError::new(
            "expired_token",
            &[70020],
            "AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This device code has expired.",
        ));
    }
    match found.state {
        DeviceState::Declined => Err(OAuthError::new(
            "authorization_declined",
            &[],
            "The end user denied the authorization request.",
        )),
        DeviceState::Blocked => Err(OAuthError::new(
            "invalid_grant",
            &[53003],
            "AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.",
        )),
        DeviceState::Pending => {
            // RFC 8628 section 3.5: a client polling faster than the interval is told to slow
            // down. A fifth of the interval is forgiven for timer jitter.
            let interval_ms = i64::from(found.interval_secs) * 1000;
            let too_soon = found
                .last_poll_at
                .is_some_and(|last| now - last < interval_ms * 4 / 5);
            if too_soon {
                Err(OAuthError::new(
                    "slow_down",
                    &[],
                    "The client is polling too often: add 5 seconds to its polling interval.",
                ))
            } else {
                Err(OAuthError::new(
                    "authorization_pending",
                    &[70016],
                    "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
                ))
            }
        }
        DeviceState::Approved | DeviceState::Redeemed => {
            found.account.as_deref().ok_or_else(|| {
                OAuthError::new("invalid_grant", &[], "The authorization has no account.")
            })
        }
    }
}

async fn issue_tokens(
    state: &Authority,
    found: &DeviceAuthorization,
    account: &str,
    now: i64,
) -> Answer {
    let Some((tenant, _)) = directory::account(account) else {
        return Answer::OAuth(OAuthError::new(
            "invalid_grant",
            &[],
            "The account that approved is not in the directory.",
        ));
    };
    let access_token = secret();
    let db = state.db.clone();
    let stored = access_token.clone();
    let holder = Holder::Account(account.to_owned());
    let expires_at = now + ACCESS_TOKEN_SECONDS * 1000;
    if let Err(error) = db
        .query(move |conn| {
            store::insert_access_token(conn, &stored, tenant.id, &holder, expires_at)
        })
        .await
    {
        return Answer::Internal(error);
    }
    Answer::Ok(
        Json(json!({
            "token_type": "Bearer",
            "scope": found.scope,
            "expires_in": ACCESS_TOKEN_SECONDS,
            "ext_expires_in": ACCESS_TOKEN_SECONDS,
            "access_token": access_token,
        }))
        .into_response(),
    )
}

/// `GET /{tenant}/v2.0/.well-known/openid-configuration`: what Microsoft's v2.0 discovery
/// document says, with this server's endpoints. Like Microsoft's, the multi-tenant documents
/// (`organizations`, `common`) name the issuer with a `{tenantid}` placeholder, and a
/// tenant's own document names the tenant.
pub(super) async fn openid_configuration_get(
    State(state): State<Authority>,
    Path(tenant): Path<TenantHint>,
) -> Answer {
    if let Err(error) = known_tenant(&tenant) {
        return Answer::OAuth(error);
    }
    let public = &state.config.public_url;
    let base = format!("{public}/{tenant}");
    let issuer_tenant = directory::tenant_by_hint(&tenant).map_or("{tenantid}", |t| t.id);
    Answer::Ok(
        Json(json!({
            "token_endpoint": format!("{base}/oauth2/v2.0/token"),
            "token_endpoint_auth_methods_supported": ["client_secret_post", "private_key_jwt", "client_secret_basic"],
            "jwks_uri": format!("{base}/discovery/v2.0/keys"),
            "response_modes_supported": ["query", "fragment", "form_post"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
            "scopes_supported": ["openid", "profile", "email", "offline_access"],
            "issuer": format!("{public}/{issuer_tenant}/v2.0"),
            "request_uri_parameter_supported": false,
            "userinfo_endpoint": format!("{public}/graph/oidc/userinfo"),
            "authorization_endpoint": format!("{base}/oauth2/v2.0/authorize"),
            "device_authorization_endpoint": format!("{base}/oauth2/v2.0/devicecode"),
            "http_logout_supported": true,
            "frontchannel_logout_supported": true,
            "end_session_endpoint": format!("{base}/oauth2/v2.0/logout"),
            "claims_supported": [
                "sub", "iss", "cloud_instance_name", "cloud_instance_host_name",
                "cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat", "auth_time", "acr",
                "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email"
            ],
            "tenant_region_scope": null,
            "cloud_instance_name": "microsoftonline.com",
            "cloud_graph_host_name": "graph.windows.net",
            "msgraph_host": "graph.microsoft.com",
        }))
        .into_response(),
    )
}

/// `GET /{tenant}/discovery/v2.0/keys`: the keys that sign this authority's id tokens. It
/// issues none (its one application signs in with a device code for Graph access tokens,
/// which clients never validate), so the set is empty.
pub(super) async fn keys_get(Path(tenant): Path<TenantHint>) -> Answer {
    match known_tenant(&tenant) {
        Ok(()) => Answer::Ok(Json(json!({"keys": []})).into_response()),
        Err(error) => Answer::OAuth(error),
    }
}

/// The request's bearer token, if it has one.
fn bearer(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(str::to_owned)
}

/// Graph's answer to a request without a valid token.
fn graph_unauthorized() -> Response {
    let body = json!({"error": {
        "code": "InvalidAuthenticationToken",
        "message": "Access token is empty, invalid or expired.",
    }});
    (StatusCode::UNAUTHORIZED, Json(body)).into_response()
}

/// Graph's answer to an application token without the permission a request needs.
fn graph_forbidden() -> Response {
    let body = json!({"error": {
        "code": "Authorization_RequestDenied",
        "message": "Insufficient privileges to complete the operation.",
    }});
    (StatusCode::FORBIDDEN, Json(body)).into_response()
}

/// The tenant the request's bearer token was issued for, or Graph's 401 answer; an
/// application's token must carry `permission` (or `Directory.Read.All`, which includes it),
/// or the answer is Graph's 403. A person's token is an administrator's, who may read it.
async fn graph_tenant(
    state: &Authority,
    headers: &HeaderMap,
    permission: &str,
) -> Result<&'static directory::Tenant, Response> {
    let token = bearer(headers).ok_or_else(graph_unauthorized)?;
    let db = state.db.clone();
    let now = state.clock.now_ms();
    let (tenant_id, holder) = db
        .query(move |conn| store::access_token_holder(conn, &token, now))
        .await
        .map_err(|error: DbError| super::failed(&error))?
        .ok_or_else(graph_unauthorized)?;
    if let Holder::Application(roles) = holder
        && !roles
            .iter()
            .any(|role| role == permission || role == "Directory.Read.All")
    {
        return Err(graph_forbidden());
    }
    directory::tenant(&tenant_id).ok_or_else(graph_unauthorized)
}

/// `GET /graph/oidc/userinfo`: the signed-in account, as Microsoft's OpenID user info endpoint
/// describes it (`sub` is stable per account and application, as Microsoft's pairwise one).
pub(super) async fn userinfo_get(State(state): State<Authority>, headers: HeaderMap) -> Response {
    let Some(token) = bearer(&headers) else {
        return graph_unauthorized();
    };
    let db = state.db.clone();
    let now = state.clock.now_ms();
    let account = match db
        .query(move |conn| store::access_token_holder(conn, &token, now))
        .await
    {
        Ok(Some((_, Holder::Account(upn)))) => directory::account(&upn),
        // An application is no person: it has no user info.
        Ok(Some((_, Holder::Application(_)))) | Ok(None) => None,
        Err(error) => return super::failed(&error),
    };
    let Some((_, account)) = account else {
        return graph_unauthorized();
    };
    let (given_name, family_name) = account.name.split_once(' ').unwrap_or((account.name, ""));
    let subject = stable_hash(
        XOPERO_REGISTRATOR_CLIENT_ID
            .bytes()
            .chain([0])
            .chain(account.upn.bytes()),
    );
    Json(json!({
        "sub": format!("{subject:016x}"),
        "name": account.name,
        "given_name": given_name,
        "family_name": family_name,
        "email": account.upn,
    }))
    .into_response()
}

/// `GET /graph/v1.0/organization`: the signed-in tenant, as Microsoft Graph describes it.
pub(super) async fn graph_organization_get(
    State(state): State<Authority>,
    headers: HeaderMap,
) -> Response {
    let tenant = match graph_tenant(&state, &headers, "Organization.Read.All").await {
        Ok(tenant) => tenant,
        Err(response) => return response,
    };
    let mut domains = vec![json!({"name": tenant.primary_domain, "isDefault": true})];
    domains.extend(
        tenant
            .other_domains
            .iter()
            .map(|name| json!({"name": name, "isDefault": false})),
    );
    Json(json!({"value": [{
        "id": tenant.id,
        "displayName": tenant.name,
        "verifiedDomains": domains,
    }]}))
    .into_response()
}

/// `GET /graph/v1.0/users/$count`: how many users the signed-in tenant has, as plain text.
pub(super) async fn graph_user_count_get(
    State(state): State<Authority>,
    headers: HeaderMap,
) -> Response {
    match graph_tenant(&state, &headers, "User.Read.All").await {
        Ok(tenant) => tenant.user_count.to_string().into_response(),
        Err(response) => response,
    }
}
