//! The client credentials grant (RFC 6749 section 4.4) for applications registered in a
//! tenant, with a client secret or a certificate's client assertion (RFC 7523), answered with
//! Microsoft's error vocabulary: an unknown application, a wrong or expired secret, a refused
//! assertion, a scope other than a resource's `/.default`. Like Microsoft's, the access
//! token is a JWT whose `roles` claim lists the application permissions an administrator
//! consented to (none without admin consent), which is how a client tells "consent missing"
//! from "a permission missing" before Graph refuses it.

use axum::{Json, response::IntoResponse};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use serde_json::json;

use super::{
    Authority, assertion,
    directory::{self, TenantHint},
    oauth::{ACCESS_TOKEN_SECONDS, Answer, OAuthError},
    registrations::{self, SecretCheck},
    secret,
    store::{self, Holder},
};
use crate::{certificate::ASSERTION_TYPE, db::DbError};

/// The grant type of a client credentials token request.
pub const CLIENT_CREDENTIALS_GRANT: &str = "client_credentials";

/// The one resource this authority issues application tokens for.
const GRAPH_DEFAULT_SCOPE: &str = "https://graph.microsoft.com/.default";

/// What a client credentials request presents.
pub(super) struct Presented {
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    pub client_assertion_type: Option<String>,
    pub client_assertion: Option<String>,
    pub scope: Option<String>,
}

/// What proves the application.
enum Proof {
    Secret(String),
    Assertion(String),
}

/// `POST /{tenant}/oauth2/v2.0/token` with `grant_type=client_credentials`.
pub(super) async fn grant(state: &Authority, tenant: &TenantHint, presented: Presented) -> Answer {
    let Some(directory_tenant) = directory::tenant_by_hint(tenant) else {
        // `organizations` and `common` name no tenant, and an application signs in to its own.
        return Answer::OAuth(OAuthError::new(
            "invalid_request",
            &[900023],
            format!(
                "AADSTS900023: Specified tenant identifier '{tenant}' is neither a valid DNS name, nor a valid external domain. Use a tenant-specific endpoint for the client credentials grant."
            ),
        ));
    };
    let Some(client_id) = presented.client_id.filter(|id| !id.is_empty()) else {
        return Answer::OAuth(OAuthError::missing("client_id"));
    };
    let secret = presented.client_secret.filter(|value| !value.is_empty());
    let assertion = presented
        .client_assertion
        .filter(|_| presented.client_assertion_type.as_deref() == Some(ASSERTION_TYPE));
    let proof = match (secret, assertion) {
        (Some(secret), _) => Proof::Secret(secret),
        (None, Some(jwt)) => Proof::Assertion(jwt),
        (None, None) => {
            return Answer::OAuth(OAuthError::new(
                "invalid_client",
                &[7000218],
                "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
            ));
        }
    };
    let scope = presented.scope.unwrap_or_default();
    if scope.trim() != GRAPH_DEFAULT_SCOPE {
        return Answer::OAuth(OAuthError::new(
            "invalid_scope",
            &[1002012],
            format!(
                "AADSTS1002012: The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI)."
            ),
        ));
    }
    let now = state.clock.now_ms();
    let db = state.db.clone();
    let lookup = client_id.clone();
    // An assertion is meant for this endpoint, by the tenant's name or by its id.
    let audiences: Vec<String> = [&**tenant, directory_tenant.id]
        .iter()
        .map(|t| format!("{}/{t}/oauth2/v2.0/token", state.config.public_url))
        .collect();
    let checked = db
        .query(move |conn| {
            let Some(application) = registrations::get(conn, &lookup)? else {
                return Ok::<_, DbError>(None);
            };
            let proven = match &proof {
                Proof::Secret(value) => secret_refusal(
                    registrations::check_secret(conn, &lookup, value, now)?,
                    &lookup,
                ),
                Proof::Assertion(jwt) => assertion::check(conn, &lookup, jwt, &audiences, now)?,
            };
            Ok(Some((application, proven)))
        })
        .await;
    let application = match checked {
        Ok(Some((application, proven))) if application.tenant_id == directory_tenant.id => {
            match proven {
                Ok(()) => application,
                Err(refusal) => return Answer::OAuth(refusal),
            }
        }
        Ok(_) => {
            return Answer::OAuth(OAuthError::new(
                "unauthorized_client",
                &[700016],
                format!(
                    "AADSTS700016: Application with identifier '{client_id}' was not found in the directory '{}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant.",
                    directory_tenant.name
                ),
            ));
        }
        Err(error) => return Answer::Internal(error),
    };
    issue(
        state,
        directory_tenant.id,
        &application.client_id,
        application.consented,
        now,
    )
    .await
}

/// Microsoft's refusal of a client secret that is not `Valid`.
fn secret_refusal(check: SecretCheck, client_id: &str) -> Result<(), OAuthError> {
    match check {
        SecretCheck::Valid => Ok(()),
        SecretCheck::Expired => Err(OAuthError::new(
            "invalid_client",
            &[7000222],
            format!(
                "AADSTS7000222: The provided client secret keys for app '{client_id}' are expired. Visit the Azure portal to create new keys for your app."
            ),
        )),
        SecretCheck::Wrong => Err(OAuthError::new(
            "invalid_client",
            &[7000215],
            format!(
                "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{client_id}'."
            ),
        )),
    }
}

/// Issues an application token carrying `roles`.
async fn issue(
    state: &Authority,
    tenant_id: &'static str,
    client_id: &str,
    roles: Vec<String>,
    now: i64,
) -> Answer {
    let expires_at = now + ACCESS_TOKEN_SECONDS * 1000;
    let mut claims = json!({
        "aud": "https://graph.microsoft.com",
        "iss": format!("https://sts.windows.net/{tenant_id}/"),
        "iat": now / 1000,
        "nbf": now / 1000,
        "exp": expires_at / 1000,
        "appid": client_id,
        "idtyp": "app",
        "tid": tenant_id,
        "ver": "1.0",
    });
    // As Microsoft's: without consented permissions, the token has no `roles` at all.
    if !roles.is_empty() {
        claims["roles"] = json!(roles);
    }
    let header = json!({"typ": "JWT", "alg": "RS256"});
    // The signature part is random: only this authority's Graph reads its tokens, and it
    // looks them up rather than verifying them.
    let token = format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(claims.to_string()),
        URL_SAFE_NO_PAD.encode(secret()),
    );
    let stored = token.clone();
    let holder = Holder::Application(roles);
    if let Err(error) = state
        .db
        .query(move |conn| {
            store::insert_access_token(conn, &stored, tenant_id, &holder, expires_at)
        })
        .await
    {
        return Answer::Internal(error);
    }
    Answer::Ok(
        Json(json!({
            "token_type": "Bearer",
            "expires_in": ACCESS_TOKEN_SECONDS,
            "ext_expires_in": ACCESS_TOKEN_SECONDS,
            "access_token": token,
        }))
        .into_response(),
    )
}
