//! Connecting an organization: starting a device-code sign-in, following it and cancelling
//! it; or connecting at once with an application registered in the tenant.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use xms_m365_contract::{
    ApplicationCertificate, ApplicationConnected, Connection, ConnectionId, ErrorBody,
    RegisterApplication, StartConnection,
};

use super::{
    json::{JsonBody, OptionalJsonBody},
    unknown_organization,
};
use crate::{
    connections::StartError, db::run_blocking, error::AppError, state::AppState, store::connections,
};

/// Starts connecting an organization: XMS asks the identity platform for a device code and
/// follows the sign-in in the background. With `reauthorize`, the sign-in must be to that
/// organization's tenant: signing in to another fails the attempt with a message saying so.
#[utoipa::path(
    post,
    path = "/m365/connections",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    request_body(content = Option<StartConnection>, description = "Optional: what the connection is for. Without a body, it connects whichever organization the administrator signs in to."),
    responses(
        (status = 201, description = "The attempt, pending, with the code to show", body = Connection),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 422, description = "`validation_failed`: the body is JSON but not a StartConnection; `fields` names the field", body = ErrorBody),
        (status = 404, description = "The organization to re-authorize is not in XMS", body = ErrorBody),
        (status = 415, description = "A body was sent, but not as JSON", body = ErrorBody),
        (status = 413, description = "The body is larger than 64 KiB", body = ErrorBody),
        (status = 502, description = "The Microsoft identity platform failed or could not be reached", body = ErrorBody),
    )
)]
pub async fn connections_create(
    State(state): State<AppState>,
    OptionalJsonBody(start): OptionalJsonBody<StartConnection>,
) -> Result<(StatusCode, Json<Connection>), AppError> {
    // No body (or an empty one) is a plain Connect, as it always was.
    let reauthorize = start.unwrap_or_default().reauthorize.map(|id| id.0);
    match state.connections.start(reauthorize.clone()).await {
        Ok(connection) => Ok((StatusCode::CREATED, Json(connection))),
        Err(StartError::IdentityPlatform(message)) => Err(AppError::BadGateway(message)),
        Err(StartError::UnknownOrganization) => {
            Err(unknown_organization(&reauthorize.unwrap_or_default()))
        }
        Err(StartError::Db(error)) => Err(error.into()),
    }
}

/// Where a connection attempt stands. While it is pending, asking more often than its
/// interval is answered with 429 `slow_down`.
#[utoipa::path(
    get,
    path = "/m365/connections/{id}",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(("id" = String, Path, description = "The connection attempt")),
    responses(
        (status = 200, description = "The attempt", body = Connection),
        (status = 404, description = "No such attempt", body = ErrorBody),
        (status = 429, description = "Asked sooner than the interval allows", body = ErrorBody),
    )
)]
pub async fn connection_get(
    State(state): State<AppState>,
    Path(id): Path<ConnectionId>,
) -> Result<Json<Connection>, AppError> {
    let lookup = id.0.clone();
    let stored = state
        .db
        .query(move |conn| connections::get(conn, &lookup))
        .await?
        .ok_or_else(|| unknown_connection(&id))?;
    if stored.is_pending()
        && state
            .connections
            .checked_too_soon(&id.0, stored.interval_secs)
    {
        return Err(AppError::SlowDown(format!(
            "Asked too often: wait {} seconds between checks.",
            stored.interval_secs
        )));
    }
    let view = state
        .db
        .query(move |conn| connections::view(conn, &stored))
        .await?;
    Ok(Json(view))
}

/// Cancels a connection attempt: XMS stops polling and the code can no longer connect.
#[utoipa::path(
    delete,
    path = "/m365/connections/{id}",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(("id" = String, Path, description = "The connection attempt")),
    responses(
        (status = 204, description = "Cancelled, or it had already ended"),
        (status = 404, description = "No such attempt", body = ErrorBody),
    )
)]
pub async fn connection_delete(
    State(state): State<AppState>,
    Path(id): Path<ConnectionId>,
) -> Result<StatusCode, AppError> {
    let lookup = id.0.clone();
    let found = run_blocking(move || state.connections.cancel(&lookup)).await?;
    if found {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(unknown_connection(&id))
    }
}

fn unknown_connection(id: &ConnectionId) -> AppError {
    AppError::NotFound(format!(
        "There is no connection attempt {}. Start a new one with Connect.",
        id.0
    ))
}

/// Makes a certificate for an application registered in a tenant to sign in with: an RSA key
/// pair, whose private key XMS keeps sealed, and a self-signed certificate valid for two
/// years. Upload `pem` to the application in Microsoft Entra (Certificates & secrets,
/// Certificates), then connect with `certificate_id`. A certificate no organization connected
/// with is forgotten after a week.
#[utoipa::path(
    post,
    path = "/m365/certificates",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    responses(
        (status = 201, description = "Made", body = ApplicationCertificate),
    )
)]
pub async fn certificates_create(
    State(state): State<AppState>,
) -> Result<(StatusCode, Json<ApplicationCertificate>), AppError> {
    let certificate = state.connections.make_certificate().await?;
    Ok((StatusCode::CREATED, Json(certificate)))
}

/// Connects an organization with an application its administrator registered in the tenant
/// and a client secret of it, or a certificate from `POST /m365/certificates`. XMS signs in as the application, checks that an administrator
/// consented to every permission in the contract's `GRAPH_PERMISSIONS`, and reads the
/// organization before it stores anything; the secret or key is kept sealed and never answered. With
/// `reauthorize`, the tenant must be that organization's.
#[utoipa::path(
    post,
    path = "/m365/applications",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    request_body = RegisterApplication,
    responses(
        (status = 201, description = "A new organization, connected", body = ApplicationConnected),
        (status = 200, description = "An organization connected before, now using this application", body = ApplicationConnected),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 422, description = "`validation_failed`: `fields` names what to correct. `tenant`: `required`, `malformed`, `not_found` (Microsoft knows no such tenant), `not_offered` (another tenant than the organization to re-authorize); `client_id`: `required`, `malformed`, `not_found` (no such application in the tenant), `consent_missing` (no administrator's consent), `permission_missing` (the message names the missing permissions); `client_secret`: `required`, `too_long`, `rejected`, `expired`; `secret_expires_on`: `malformed`, `expired`; `certificate_id`: `not_applicable` (sent with a secret, or empty), `not_found` (XMS no longer has it), `rejected` (Microsoft does not accept it: not uploaded to the application)", body = ErrorBody),
        (status = 404, description = "The organization to re-authorize is not in XMS", body = ErrorBody),
        (status = 415, description = "The body is not sent as JSON", body = ErrorBody),
        (status = 413, description = "The body is larger than 64 KiB", body = ErrorBody),
        (status = 502, description = "The Microsoft identity platform or Graph failed or could not be reached", body = ErrorBody),
    )
)]
pub async fn applications_create(
    State(state): State<AppState>,
    JsonBody(request): JsonBody<RegisterApplication>,
) -> Result<(StatusCode, Json<ApplicationConnected>), AppError> {
    let (organization, already_connected) = state.connections.connect_application(&request).await?;
    let status = if already_connected {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((
        status,
        Json(ApplicationConnected {
            organization,
            already_connected,
        }),
    ))
}
