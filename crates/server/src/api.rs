//! The XMS API under `/api/v1`, as the Microsoft 365 module uses it.
//!
//! - `GET /m365/organizations`: the connected organizations
//! - `DELETE /m365/organizations/{id}`: remove an organization from XMS
//! - `GET /m365/organizations/{id}/settings`: its settings, with their `ETag`
//! - `PUT /m365/organizations/{id}/settings`: save them, with `If-Match`
//! - `POST /m365/organizations/{id}/user-sync`: sync its users now
//! - `GET /m365/organizations/{id}/policy`: its backup policy, with its `ETag` and next runs
//! - `PUT /m365/organizations/{id}/policy`: save a custom policy, with `If-Match`
//! - `DELETE /m365/organizations/{id}/policy`: return to the default policy, with `If-Match`
//! - `POST /m365/organizations/{id}/policy/preview`: the next runs of a policy, unsaved
//! - `GET /m365/organizations/{id}/groups`: its Microsoft 365 groups
//! - `POST /m365/connections`: start connecting (or re-authorizing) an organization
//!   (device-code sign-in)
//! - `GET /m365/connections/{id}`: where a connection attempt stands
//! - `DELETE /m365/connections/{id}`: cancel it
//! - `POST /m365/organizations/{id}/backups`: start a backup now
//! - `GET /workers`: the workers that run backups
//! - `GET /storages`: where backups can be stored
//! - `GET /jobs/{id}`: where a job stands
//! - `POST /jobs/{id}/cancel`: cancel a queued or running job
//! - `GET /events`: the change stream (Server-Sent Events, resumable with `Last-Event-ID`)
//! - `POST /session`: start a cookie session (with the API token), answering its CSRF token
//! - `DELETE /session`: end it and clear the cookie
//! - `GET /openapi.json`: the OpenAPI 3 document of this API (public)
//!
//! All but the OpenAPI document need authentication: either `Authorization: Bearer <the API
//! token>`, or the `xms_session` cookie together with `X-CSRF-Token: <that session's CSRF
//! token>` (see [`crate::session`]). `POST /session` takes only the API token.

use axum::{
    Json, Router,
    body::Bytes,
    extract::Path,
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::{delete, get, post},
};
use serde_json::Value;
use subtle::ConstantTimeEq;
use utoipa::OpenApi;
use xms_m365_contract::{
    Connection, ErrorCode, GroupList, Job, OrganizationList, Policy, PolicyPreview, PolicyView,
    SavePolicy, SettingsView, StartConnection, StorageList, WorkerList, paths,
};

use crate::{
    connections::StartError,
    db::run_blocking,
    error::error_response,
    jobs::{CancelError, store::QueueError},
    organizations::SaveError,
    session,
    user_sync::SyncNow,
};

use crate::{AppState, error::AppError};

/// Where cookie sessions are started and ended, under [`paths::API_BASE`].
pub const SESSION: &str = "/session";

/// The API router, to be nested under [`paths::API_BASE`].
pub fn router(state: AppState) -> Router {
    Router::new()
        .route(paths::ORGANIZATIONS, get(organizations_list))
        .route(
            &format!("{}/{{id}}", paths::ORGANIZATIONS),
            delete(organization_delete),
        )
        .route(
            &format!("{}/{{id}}/settings", paths::ORGANIZATIONS),
            get(settings_get).put(settings_put),
        )
        .route(
            &format!("{}/{{id}}/policy", paths::ORGANIZATIONS),
            get(policy_get).put(policy_put).delete(policy_delete),
        )
        .route(
            &format!("{}/{{id}}/policy/preview", paths::ORGANIZATIONS),
            post(policy_preview),
        )
        .route(
            &format!("{}/{{id}}/groups", paths::ORGANIZATIONS),
            get(groups_list),
        )
        .route(
            &format!("{}/{{id}}/user-sync", paths::ORGANIZATIONS),
            post(user_sync_create),
        )
        .route(
            &format!("{}/{{id}}/backups", paths::ORGANIZATIONS),
            post(backups_create),
        )
        .route(paths::WORKERS, get(workers_list))
        .route(paths::STORAGES, get(storages_list))
        .route(&format!("{}/{{id}}", paths::JOBS), get(job_get))
        .route(&format!("{}/{{id}}/cancel", paths::JOBS), post(job_cancel))
        .route(paths::EVENTS, get(crate::events::events_stream))
        .route(paths::CONNECTIONS, post(connections_create))
        .route(
            &format!("{}/{{id}}", paths::CONNECTIONS),
            get(connection_get).delete(connection_delete),
        )
        .route(SESSION, delete(session::session_delete))
        .route_layer(middleware::from_fn_with_state(state.clone(), require_token))
        // Starting a session is signing in: only the API token will do.
        .route(SESSION, post(session::session_create))
        .route(paths::OPENAPI, get(openapi_get))
        .fallback(not_found)
        .with_state(state)
}

/// Lets a request through only with `Authorization: Bearer <the API token>`, or with a
/// session cookie and that session's `X-CSRF-Token`. The error middleware words a plain 401;
/// the cookie's failures are worded here, since the bearer advice would mislead.
async fn require_token(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if has_api_token(&state, request.headers()) {
        return next.run(request).await;
    }
    let sessions = state.sessions.clone();
    let headers = request.headers().clone();
    let check = match run_blocking(move || sessions.check(&headers)).await {
        Ok(check) => check,
        Err(error) => return error.into_response(),
    };
    let message = match check {
        session::Check::Valid => return next.run(request).await,
        session::Check::NoSession if session::session_id(request.headers()).is_none() => {
            return StatusCode::UNAUTHORIZED.into_response();
        }
        session::Check::NoSession => {
            "The session has ended. Sign in to XMS again (reload the page).".to_owned()
        }
        session::Check::BadCsrf => format!(
            "The CSRF token is missing or wrong. Send the session's token as `{}: <token>` \
             with every request.",
            session::CSRF_HEADER
        ),
    };
    let mut response = error_response(StatusCode::UNAUTHORIZED, ErrorCode::Unauthorized, message);
    response
        .headers_mut()
        .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    response
}

/// Whether `headers` carry `Authorization: Bearer <the API token>`.
pub fn has_api_token(state: &AppState, headers: &HeaderMap) -> bool {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.as_bytes().strip_prefix(b"Bearer "))
        // Compared in constant time so the token cannot be guessed byte by byte from timings.
        .is_some_and(|token| bool::from(token.ct_eq(state.api_token.as_bytes())))
}

/// Any other path under the API: the error middleware words the 404.
async fn not_found() -> StatusCode {
    StatusCode::NOT_FOUND
}

/// The connected Microsoft 365 organizations, sorted by name.
#[utoipa::path(
    get,
    path = "/m365/organizations",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    responses(
        (status = 200, description = "The connected organizations, sorted by name", body = OrganizationList),
        (status = 401, description = "Missing or wrong API token", body = xms_m365_contract::ErrorBody),
    )
)]
async fn organizations_list(
    State(state): State<AppState>,
) -> Result<Json<OrganizationList>, AppError> {
    // Read before the list: changes are published after they are stored, so every event up
    // to this one is in the list, and a stream resumed from it misses nothing after it.
    let as_of = state.events.last_id();
    let db = state.db.clone();
    let organizations = run_blocking(move || db.list_organizations()).await?;
    Ok(Json(OrganizationList {
        organizations,
        as_of: Some(as_of),
    }))
}

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
        (status = 400, description = "The body is not a valid StartConnection", body = xms_m365_contract::ErrorBody),
        (status = 404, description = "The organization to re-authorize is not in XMS", body = xms_m365_contract::ErrorBody),
        (status = 415, description = "A body was sent, but not as JSON", body = xms_m365_contract::ErrorBody),
        (status = 413, description = "The body is larger than 64 KiB", body = xms_m365_contract::ErrorBody),
        (status = 502, description = "The Microsoft identity platform failed or could not be reached", body = xms_m365_contract::ErrorBody),
    )
)]
async fn connections_create(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<(StatusCode, Json<Connection>), AppError> {
    // No body (or an empty one) is a plain Connect, as it always was.
    let start = if body.iter().all(u8::is_ascii_whitespace) {
        StartConnection::default()
    } else if is_json(&headers) {
        Json::<StartConnection>::from_bytes(&body)?.0
    } else {
        return Err(AppError::UnsupportedMediaType);
    };
    let reauthorize = start.reauthorize.map(|id| id.0);
    match state.connections.start(&state, reauthorize.clone()).await {
        Ok(connection) => Ok((StatusCode::CREATED, Json(connection))),
        Err(StartError::IdentityPlatform(message)) => Err(AppError::BadGateway(message)),
        Err(StartError::UnknownOrganization) => {
            Err(unknown_organization(&reauthorize.unwrap_or_default()))
        }
        Err(StartError::Db(error)) => Err(error.into()),
    }
}

/// Whether a request says its body is JSON (`application/json` or a `+json` type).
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(|essence| essence.trim().to_ascii_lowercase())
        .is_some_and(|essence| {
            essence == "application/json"
                || (essence.starts_with("application/") && essence.ends_with("+json"))
        })
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
        (status = 404, description = "No such attempt", body = xms_m365_contract::ErrorBody),
        (status = 429, description = "Asked sooner than the interval allows", body = xms_m365_contract::ErrorBody),
    )
)]
async fn connection_get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Connection>, AppError> {
    let db = state.db.clone();
    let lookup = id.clone();
    let stored = run_blocking(move || db.connection(&lookup))
        .await?
        .ok_or_else(|| unknown_connection(&id))?;
    if stored.is_pending()
        && state
            .connections
            .checked_too_soon(&id, stored.interval_secs)
    {
        return Err(AppError::SlowDown(format!(
            "Asked too often: wait {} seconds between checks.",
            stored.interval_secs
        )));
    }
    let db = state.db.clone();
    Ok(Json(
        run_blocking(move || db.connection_view(&stored)).await?,
    ))
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
        (status = 404, description = "No such attempt", body = xms_m365_contract::ErrorBody),
    )
)]
async fn connection_delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    let task_state = state.clone();
    let lookup = id.clone();
    let found =
        tokio::task::spawn_blocking(move || task_state.connections.cancel(&task_state, &lookup))
            .await??;
    if found {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(unknown_connection(&id))
    }
}

fn unknown_connection(id: &str) -> AppError {
    AppError::NotFound(format!(
        "There is no connection attempt {id}. Start a new one with Connect."
    ))
}

/// Starts a backup of an organization with its current policy.
#[utoipa::path(
    post,
    path = "/m365/organizations/{id}/backups",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(("id" = String, Path, description = "The organization")),
    responses(
        (status = 202, description = "The job, queued", body = Job),
        (status = 404, description = "No such organization", body = xms_m365_contract::ErrorBody),
        (status = 409, description = "A backup of the organization is already running", body = xms_m365_contract::ErrorBody),
    )
)]
async fn backups_create(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<(StatusCode, Json<Job>), AppError> {
    let task_state = state.clone();
    let organization = id.clone();
    let queued = tokio::task::spawn_blocking(move || {
        task_state
            .jobs
            .start_backup(&task_state, &organization, None)
    });
    // Blocking threads run inside the runtime, so the worker can be spawned from there.
    match queued.await? {
        Ok(job) => Ok((StatusCode::ACCEPTED, Json(job))),
        Err(QueueError::UnknownOrganization) => Err(unknown_organization(&id)),
        Err(QueueError::AlreadyRunning(name)) => Err(AppError::Conflict(format!(
            "A backup of {name} is already running. Wait for it to finish, or cancel it, \
             before starting another."
        ))),
        Err(QueueError::Db(error)) => Err(error.into()),
    }
}

fn unknown_organization(id: &str) -> AppError {
    AppError::NotFound(format!(
        "There is no organization {id} in XMS. Reload the page to see the current list."
    ))
}

/// The settings as a response: the view, with its version as the `ETag` header.
fn settings_response(view: SettingsView) -> Response {
    let mut response = Json(&view).into_response();
    // The ETag is hex digits in quotes, always a valid header value.
    if let Ok(etag) = HeaderValue::from_str(&view.etag) {
        response.headers_mut().insert(header::ETAG, etag);
    }
    response
}

/// Removes an organization from XMS: a running backup of it is cancelled, its backup jobs are
/// deleted with it and its licences become free. Publishes `organization_removed`.
#[utoipa::path(
    delete,
    path = "/m365/organizations/{id}",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(("id" = String, Path, description = "The organization")),
    responses(
        (status = 204, description = "Removed"),
        (status = 404, description = "No such organization", body = xms_m365_contract::ErrorBody),
    )
)]
async fn organization_delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<StatusCode, AppError> {
    let task_state = state.clone();
    let removing = id.clone();
    let removed =
        tokio::task::spawn_blocking(move || crate::organizations::remove(&task_state, &removing))
            .await??;
    if removed {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(unknown_organization(&id))
    }
}

/// An organization's settings, what switching to automatic licence management would take,
/// and its user syncs. Send the `ETag` back as `If-Match` to save them.
#[utoipa::path(
    get,
    path = "/m365/organizations/{id}/settings",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(("id" = String, Path, description = "The organization")),
    responses(
        (status = 200, description = "The settings", body = SettingsView,
            headers(("ETag" = String, description = "The settings' version, a quoted strong ETag; the same as the body's `etag`"))),
        (status = 404, description = "No such organization", body = xms_m365_contract::ErrorBody),
    )
)]
async fn settings_get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    let period = state.user_sync_period_ms();
    let lookup = id.clone();
    run_blocking(move || db.settings_view(&lookup, period))
        .await?
        .map(settings_response)
        .ok_or_else(|| unknown_organization(&id))
}

/// Saves an organization's settings, if they are still as they were read: all of them or,
/// on any error, none. Switching to automatic licence management protects its unprotected
/// users at once, as far as licences are free. Publishes `organization_changed`.
#[utoipa::path(
    put,
    path = "/m365/organizations/{id}/settings",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(
        ("id" = String, Path, description = "The organization"),
        ("If-Match" = String, Header, description = "The `ETag` the settings were read with"),
    ),
    request_body = xms_m365_contract::OrganizationSettings,
    responses(
        (status = 200, description = "Saved: the settings as they now are", body = SettingsView,
            headers(("ETag" = String, description = "The new version of the settings"))),
        (status = 400, description = "The body is not JSON", body = xms_m365_contract::ErrorBody),
        (status = 415, description = "The body is not sent as JSON (`Content-Type: application/json`)", body = xms_m365_contract::ErrorBody),
        (status = 413, description = "The body is larger than 64 KiB", body = xms_m365_contract::ErrorBody),
        (status = 404, description = "No such organization", body = xms_m365_contract::ErrorBody),
        (status = 412, description = "`precondition_failed`: someone changed the settings since they were read; nothing was saved", body = xms_m365_contract::ErrorBody),
        (status = 422, description = "`validation_failed`: `fields` says what is wrong with each invalid field (an unknown licence mode included); nothing was saved", body = xms_m365_contract::ErrorBody),
        (status = 428, description = "`precondition_required`: `If-Match` is missing", body = xms_m365_contract::ErrorBody),
    )
)]
async fn settings_put(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Json(body): Json<Value>,
) -> Result<Response, AppError> {
    // A value that is not visible ASCII matches no ETag: it is stale, not missing.
    let if_match = headers
        .get(header::IF_MATCH)
        .map(|value| value.to_str().unwrap_or_default().to_owned());
    let db = state.db.clone();
    let period = state.user_sync_period_ms();
    let saving = id.clone();
    let saved = tokio::task::spawn_blocking(move || {
        db.save_settings(&saving, if_match.as_deref(), &body, period)
    })
    .await?;
    let view = match saved {
        Ok(view) => view,
        Err(SaveError::Unknown) => return Err(unknown_organization(&id)),
        Err(SaveError::PreconditionRequired) => {
            return Err(AppError::PreconditionRequired(
                "Send the If-Match header with the ETag the settings were read with, so that \
                 no one else's change is overwritten unknowingly."
                    .to_owned(),
            ));
        }
        Err(SaveError::Stale) => {
            return Err(AppError::PreconditionFailed(
                "Someone else changed these settings after you opened them. Review their \
                 values and save again."
                    .to_owned(),
            ));
        }
        Err(SaveError::Invalid(fields)) => {
            return Err(AppError::Validation {
                message: "Some settings are not valid. Correct them and save again.".to_owned(),
                fields,
            });
        }
        Err(SaveError::Db(error)) => return Err(error.into()),
    };
    crate::jobs::publish_organization(&state, &id)?;
    Ok(settings_response(view))
}

fn policy_response(view: PolicyView) -> Response {
    let mut response = Json(&view).into_response();
    // The ETag is hex digits in quotes, always a valid header value.
    if let Ok(etag) = HeaderValue::from_str(&view.etag) {
        response.headers_mut().insert(header::ETAG, etag);
    }
    response
}

/// The `If-Match` header; a value that is not visible ASCII matches no ETag: it is stale,
/// not missing.
fn if_match(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::IF_MATCH)
        .map(|value| value.to_str().unwrap_or_default().to_owned())
}

/// The answer to a policy that was not saved (or previewed).
fn policy_error(error: SaveError, id: &str) -> AppError {
    match error {
        SaveError::Unknown => unknown_organization(id),
        SaveError::PreconditionRequired => AppError::PreconditionRequired(
            "Send the If-Match header with the ETag the policy was read with, so that no one \
             else's change is overwritten unknowingly."
                .to_owned(),
        ),
        SaveError::Stale => AppError::PreconditionFailed(
            "Someone else changed this policy after you opened it. Review it and save again."
                .to_owned(),
        ),
        SaveError::Invalid(fields) => AppError::Validation {
            message: "Some parts of the policy are not valid. Correct them and try again."
                .to_owned(),
            fields,
        },
        SaveError::Db(error) => error.into(),
    }
}

/// An organization's backup policy: XMS's default until a custom one is saved, with its next
/// runs (the next five, and the next full one). Send the `ETag` back as `If-Match` to change
/// it. The encryption password is never sent, only whether one is set.
#[utoipa::path(
    get,
    path = "/m365/organizations/{id}/policy",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(("id" = String, Path, description = "The organization")),
    responses(
        (status = 200, description = "The policy in force", body = PolicyView,
            headers(("ETag" = String, description = "The policy's version, a quoted strong ETag; the same as the body's `etag`"))),
        (status = 404, description = "No such organization", body = xms_m365_contract::ErrorBody),
    )
)]
async fn policy_get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let db = state.db.clone();
    let lookup = id.clone();
    let now = state.clock.now_ms();
    run_blocking(move || db.policy_view(&lookup, now))
        .await?
        .map(policy_response)
        .ok_or_else(|| unknown_organization(&id))
}

/// Saves a custom policy, if the policy is still as it was read: all of it or, on any error,
/// nothing. Its schedule starts now. Publishes `organization_changed` (the tile shows the
/// custom policy and its next backup).
#[utoipa::path(
    put,
    path = "/m365/organizations/{id}/policy",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(
        ("id" = String, Path, description = "The organization"),
        ("If-Match" = String, Header, description = "The `ETag` the policy was read with"),
    ),
    request_body = SavePolicy,
    responses(
        (status = 200, description = "Saved: the custom policy as it now is", body = PolicyView,
            headers(("ETag" = String, description = "The new version of the policy"))),
        (status = 400, description = "The body is not a SavePolicy", body = xms_m365_contract::ErrorBody),
        (status = 415, description = "The body is not sent as JSON (`Content-Type: application/json`)", body = xms_m365_contract::ErrorBody),
        (status = 413, description = "The body is larger than 64 KiB", body = xms_m365_contract::ErrorBody),
        (status = 404, description = "No such organization", body = xms_m365_contract::ErrorBody),
        (status = 412, description = "`precondition_failed`: someone changed the policy since it was read; nothing was saved", body = xms_m365_contract::ErrorBody),
        (status = 422, description = "`validation_failed`: `fields` names each invalid field by its JSON path (`scope`, `schedule.plan.time`, `retention.full_days`, `encryption_password`...); nothing was saved", body = xms_m365_contract::ErrorBody),
        (status = 428, description = "`precondition_required`: `If-Match` is missing", body = xms_m365_contract::ErrorBody),
    )
)]
async fn policy_put(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Json(body): Json<SavePolicy>,
) -> Result<Response, AppError> {
    let if_match = if_match(&headers);
    let db = state.db.clone();
    let saving = id.clone();
    let now = state.clock.now_ms();
    let saved = tokio::task::spawn_blocking(move || {
        db.save_policy(
            &saving,
            if_match.as_deref(),
            &body.policy,
            body.encryption_password.as_deref(),
            now,
        )
    })
    .await?
    .map_err(|error| policy_error(error, &id))?;
    crate::jobs::publish_organization(&state, &id)?;
    Ok(policy_response(saved))
}

/// Returns an organization to XMS's default policy (its encryption password is forgotten),
/// if the policy is still as it was read. Publishes `organization_changed`.
#[utoipa::path(
    delete,
    path = "/m365/organizations/{id}/policy",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(
        ("id" = String, Path, description = "The organization"),
        ("If-Match" = String, Header, description = "The `ETag` the policy was read with"),
    ),
    responses(
        (status = 200, description = "The default policy, now in force", body = PolicyView,
            headers(("ETag" = String, description = "The new version of the policy"))),
        (status = 404, description = "No such organization", body = xms_m365_contract::ErrorBody),
        (status = 412, description = "`precondition_failed`: someone changed the policy since it was read; nothing changed", body = xms_m365_contract::ErrorBody),
        (status = 428, description = "`precondition_required`: `If-Match` is missing", body = xms_m365_contract::ErrorBody),
    )
)]
async fn policy_delete(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let if_match = if_match(&headers);
    let db = state.db.clone();
    let deleting = id.clone();
    let now = state.clock.now_ms();
    let view =
        tokio::task::spawn_blocking(move || db.delete_policy(&deleting, if_match.as_deref(), now))
            .await?
            .map_err(|error| policy_error(error, &id))?;
    crate::jobs::publish_organization(&state, &id)?;
    Ok(policy_response(view))
}

/// The next runs of a policy (the next five, and the next full one), computed as the
/// scheduler will, without saving anything. Validated like a save, but for the password.
#[utoipa::path(
    post,
    path = "/m365/organizations/{id}/policy/preview",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(("id" = String, Path, description = "The organization")),
    request_body = Policy,
    responses(
        (status = 200, description = "The policy's next runs", body = PolicyPreview),
        (status = 400, description = "The body is not a Policy", body = xms_m365_contract::ErrorBody),
        (status = 415, description = "The body is not sent as JSON (`Content-Type: application/json`)", body = xms_m365_contract::ErrorBody),
        (status = 413, description = "The body is larger than 64 KiB", body = xms_m365_contract::ErrorBody),
        (status = 404, description = "No such organization", body = xms_m365_contract::ErrorBody),
        (status = 422, description = "`validation_failed`: `fields` names each invalid field by its JSON path", body = xms_m365_contract::ErrorBody),
    )
)]
async fn policy_preview(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Json(policy): Json<Policy>,
) -> Result<Json<PolicyPreview>, AppError> {
    let db = state.db.clone();
    let previewing = id.clone();
    let now = state.clock.now_ms();
    let next_runs =
        tokio::task::spawn_blocking(move || db.preview_policy(&previewing, &policy, now))
            .await?
            .map_err(|error| policy_error(error, &id))?;
    Ok(Json(PolicyPreview { next_runs }))
}

/// An organization's Microsoft 365 groups, by name, to limit a policy to their members.
#[utoipa::path(
    get,
    path = "/m365/organizations/{id}/groups",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(("id" = String, Path, description = "The organization")),
    responses(
        (status = 200, description = "The groups, by name", body = GroupList),
        (status = 404, description = "No such organization", body = xms_m365_contract::ErrorBody),
    )
)]
async fn groups_list(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<GroupList>, AppError> {
    let db = state.db.clone();
    let lookup = id.clone();
    run_blocking(move || db.groups(&lookup))
        .await?
        .map(|groups| Json(GroupList { groups }))
        .ok_or_else(|| unknown_organization(&id))
}

/// Where backups can be stored, by name.
#[utoipa::path(
    get,
    path = "/storages",
    tag = "Storages",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    responses(
        (status = 200, description = "The storages, by name", body = StorageList),
        (status = 401, description = "Missing or wrong API token", body = xms_m365_contract::ErrorBody),
    )
)]
async fn storages_list(State(state): State<AppState>) -> Result<Json<StorageList>, AppError> {
    let db = state.db.clone();
    let storages = run_blocking(move || db.list_storages()).await?;
    Ok(Json(StorageList { storages }))
}

/// Runs an organization's user sync now; publishes `user_sync_done`. The settings do not
/// change, nor does their `ETag`.
#[utoipa::path(
    post,
    path = "/m365/organizations/{id}/user-sync",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(("id" = String, Path, description = "The organization")),
    responses(
        (status = 200, description = "Synced: the settings with the new sync times and licensing", body = SettingsView,
            headers(("ETag" = String, description = "The settings' version, unchanged by the sync"))),
        (status = 404, description = "No such organization", body = xms_m365_contract::ErrorBody),
        (status = 409, description = "The organization needs re-authorization first", body = xms_m365_contract::ErrorBody),
    )
)]
async fn user_sync_create(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let task_state = state.clone();
    let syncing = id.clone();
    let now = state.clock.now_ms();
    let synced =
        tokio::task::spawn_blocking(move || crate::user_sync::sync_now(&task_state, &syncing, now))
            .await??;
    match synced {
        SyncNow::Synced(_) => {}
        SyncNow::Unknown => return Err(unknown_organization(&id)),
        SyncNow::NeedsReauthorization(name) => {
            return Err(AppError::Conflict(format!(
                "Microsoft no longer lets XMS read the users of {name}. Re-authorize it first, \
                 then sync its users."
            )));
        }
    }
    let db = state.db.clone();
    let period = state.user_sync_period_ms();
    let lookup = id.clone();
    run_blocking(move || db.settings_view(&lookup, period))
        .await?
        .map(settings_response)
        .ok_or_else(|| unknown_organization(&id))
}

/// The workers that run backups: the main one first, then by name.
#[utoipa::path(
    get,
    path = "/workers",
    tag = "Workers",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    responses(
        (status = 200, description = "The workers, the main one first, then by name", body = WorkerList),
        (status = 401, description = "Missing or wrong API token", body = xms_m365_contract::ErrorBody),
    )
)]
async fn workers_list(State(state): State<AppState>) -> Result<Json<WorkerList>, AppError> {
    let db = state.db.clone();
    let workers = run_blocking(move || db.list_workers()).await?;
    Ok(Json(WorkerList { workers }))
}

/// Where a job stands.
#[utoipa::path(
    get,
    path = "/jobs/{id}",
    tag = "Jobs",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(("id" = String, Path, description = "The job")),
    responses(
        (status = 200, description = "The job", body = Job),
        (status = 404, description = "No such job", body = xms_m365_contract::ErrorBody),
    )
)]
async fn job_get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Job>, AppError> {
    let db = state.db.clone();
    let lookup = id.clone();
    run_blocking(move || db.job(&lookup))
        .await?
        .map(Json)
        .ok_or_else(|| unknown_job(&id))
}

/// Cancels a queued or running job.
#[utoipa::path(
    post,
    path = "/jobs/{id}/cancel",
    tag = "Jobs",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(("id" = String, Path, description = "The job")),
    responses(
        (status = 200, description = "The job, cancelled", body = Job),
        (status = 404, description = "No such job", body = xms_m365_contract::ErrorBody),
        (status = 409, description = "The job has already ended", body = xms_m365_contract::ErrorBody),
    )
)]
async fn job_cancel(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Job>, AppError> {
    let task_state = state.clone();
    let lookup = id.clone();
    match tokio::task::spawn_blocking(move || task_state.jobs.cancel(&task_state, &lookup)).await? {
        Ok(job) => Ok(Json(job)),
        Err(CancelError::Unknown) => Err(unknown_job(&id)),
        Err(CancelError::Finished(_)) => Err(AppError::Conflict(
            "This job has already ended, so there is nothing to cancel.".to_owned(),
        )),
        Err(CancelError::Db(error)) => Err(error.into()),
    }
}

fn unknown_job(id: &str) -> AppError {
    AppError::NotFound(format!("There is no job {id}."))
}

/// The OpenAPI document.
async fn openapi_get() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// The OpenAPI 3 description of the API, generated from the contract types.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "XMS Microsoft 365 module API",
        description = "The API between the Microsoft 365 module of XMS and XMS. Every error \
                       answers with `{\"error\": {\"code\": \"...\", \"message\": \"...\"}}`, \
                       plus `\"fields\": [{\"field\": \"...\", \"message\": \"...\"}]` for \
                       `validation_failed`."
    ),
    servers((url = "/api/v1")),
    paths(
        organizations_list,
        organization_delete,
        settings_get,
        settings_put,
        user_sync_create,
        policy_get,
        policy_put,
        policy_delete,
        policy_preview,
        groups_list,
        storages_list,
        connections_create,
        connection_get,
        connection_delete,
        backups_create,
        workers_list,
        job_get,
        job_cancel,
        crate::events::events_stream,
        session::session_create,
        session::session_delete
    ),
    components(schemas(session::SessionCreated, xms_m365_contract::ErrorBody, xms_m365_contract::ErrorDetail, xms_m365_contract::ErrorCode, xms_m365_contract::FieldError, xms_m365_contract::FieldErrorCode)),
    modifiers(&BearerAuth, &TimeZones, &Unauthorized),
)]
pub struct ApiDoc;

/// Declares the security schemes the API uses: the bearer API token, and the session cookie
/// that is only accepted together with its CSRF header.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{
            ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme,
        };
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                session::COOKIE,
                "The session started by `POST /session`; only valid with `csrf`",
            ))),
        );
        components.add_security_scheme(
            "csrf",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                session::CSRF_HEADER,
                "The session's CSRF token, as `POST /session` answered it",
            ))),
        );
    }
}

/// Lists the time zones a schedule accepts: every IANA name XMS knows, so that a client
/// generated from the document offers only those.
struct TimeZones;

impl utoipa::Modify for TimeZones {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{RefOr, schema::Schema};
        let property = openapi
            .components
            .as_mut()
            .and_then(|components| components.schemas.get_mut("Schedule"))
            .and_then(|schedule| match schedule {
                RefOr::T(Schema::Object(schedule)) => schedule.properties.get_mut("time_zone"),
                _ => None,
            });
        if let Some(RefOr::T(Schema::Object(time_zone))) = property {
            let names = chrono_tz::TZ_VARIANTS.iter().map(|zone| zone.name().into());
            time_zone.enum_values = Some(names.collect());
        }
    }
}

/// Lists the 401 answer on every operation that needs the API token or a session: each can
/// answer it, and saying so once per handler would be thirty lines of the same.
struct Unauthorized;

impl utoipa::Modify for Unauthorized {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{ContentBuilder, Ref, RefOr, ResponseBuilder};
        let answer = ResponseBuilder::new()
            .description("Missing or wrong API token, or no session or a wrong CSRF token")
            .content(
                "application/json",
                ContentBuilder::new()
                    .schema(Some(Ref::from_schema_name("ErrorBody")))
                    .build(),
            )
            .build();
        for item in openapi.paths.paths.values_mut() {
            let operations = [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ];
            for operation in operations.into_iter().flatten() {
                if operation.security.as_ref().is_some_and(|s| !s.is_empty()) {
                    operation
                        .responses
                        .responses
                        .entry("401".to_owned())
                        .or_insert_with(|| RefOr::T(answer.clone()));
                }
            }
        }
    }
}

/// The OpenAPI document as committed in `docs/openapi.json`.
pub fn openapi_json() -> String {
    let mut json = ApiDoc::openapi()
        .to_pretty_json()
        .expect("the OpenAPI document always serializes");
    json.push('\n');
    json
}
