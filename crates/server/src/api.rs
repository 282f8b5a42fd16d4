//! The XMS API under `/api/v1`, as the Microsoft 365 module uses it.
//!
//! - `GET /m365/organizations`: the connected organizations
//! - `POST /m365/connections`: start connecting an organization (device-code sign-in)
//! - `GET /m365/connections/{id}`: where a connection attempt stands
//! - `DELETE /m365/connections/{id}`: cancel it
//! - `POST /m365/organizations/{id}/backups`: start a backup now
//! - `GET /workers`: the workers that run backups
//! - `GET /jobs/{id}`: where a job stands
//! - `POST /jobs/{id}/cancel`: cancel a queued or running job
//! - `GET /events`: the change stream (Server-Sent Events, resumable with `Last-Event-ID`)
//!
//! All but the OpenAPI document need the API token.
//! - `GET /openapi.json`: the OpenAPI 3 document of this API (public)

use axum::{
    Json, Router,
    extract::Path,
    extract::{Request, State},
    http::{StatusCode, header},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::{get, post},
};
use subtle::ConstantTimeEq;
use utoipa::OpenApi;
use xms_m365_contract::{Connection, Job, OrganizationList, WorkerList, paths};

use crate::{
    connections::StartError,
    db::run_blocking,
    jobs::{CancelError, store::QueueError},
};

use crate::{AppState, error::AppError};

/// The API router, to be nested under [`paths::API_BASE`].
pub fn router(state: AppState) -> Router {
    Router::new()
        .route(paths::ORGANIZATIONS, get(organizations_list))
        .route(
            &format!("{}/{{id}}/backups", paths::ORGANIZATIONS),
            post(backups_create),
        )
        .route(paths::WORKERS, get(workers_list))
        .route(&format!("{}/{{id}}", paths::JOBS), get(job_get))
        .route(&format!("{}/{{id}}/cancel", paths::JOBS), post(job_cancel))
        .route(paths::EVENTS, get(crate::events::events_stream))
        .route(paths::CONNECTIONS, post(connections_create))
        .route(
            &format!("{}/{{id}}", paths::CONNECTIONS),
            get(connection_get).delete(connection_delete),
        )
        .route_layer(middleware::from_fn_with_state(state.clone(), require_token))
        .route(paths::OPENAPI, get(openapi_get))
        .fallback(not_found)
        .with_state(state)
}

/// Lets a request through only with `Authorization: Bearer <the API token>`; the error
/// middleware words the 401.
async fn require_token(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let presented = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.as_bytes().strip_prefix(b"Bearer "));
    // Compared in constant time so the token cannot be guessed byte by byte from timings.
    match presented {
        Some(token) if bool::from(token.ct_eq(state.api_token.as_bytes())) => {
            next.run(request).await
        }
        _ => StatusCode::UNAUTHORIZED.into_response(),
    }
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
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The connected organizations, sorted by name", body = OrganizationList),
        (status = 401, description = "Missing or wrong API token", body = xms_m365_contract::ErrorBody),
    )
)]
async fn organizations_list(
    State(state): State<AppState>,
) -> Result<Json<OrganizationList>, AppError> {
    let db = state.db.clone();
    let organizations = run_blocking(move || db.list_organizations()).await?;
    Ok(Json(OrganizationList { organizations }))
}

/// Starts connecting an organization: XMS asks the identity platform for a device code and
/// follows the sign-in in the background.
#[utoipa::path(
    post,
    path = "/m365/connections",
    tag = "Microsoft 365",
    security(("bearer" = [])),
    responses(
        (status = 201, description = "The attempt, pending, with the code to show", body = Connection),
        (status = 502, description = "The Microsoft identity platform failed or could not be reached", body = xms_m365_contract::ErrorBody),
    )
)]
async fn connections_create(
    State(state): State<AppState>,
) -> Result<(StatusCode, Json<Connection>), AppError> {
    match state.connections.start(&state).await {
        Ok(connection) => Ok((StatusCode::CREATED, Json(connection))),
        Err(StartError::IdentityPlatform(message)) => Err(AppError::BadGateway(message)),
        Err(StartError::Db(error)) => Err(error.into()),
    }
}

/// Where a connection attempt stands. While it is pending, asking more often than its
/// interval is answered with 429 `slow_down`.
#[utoipa::path(
    get,
    path = "/m365/connections/{id}",
    tag = "Microsoft 365",
    security(("bearer" = [])),
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
    security(("bearer" = [])),
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
    security(("bearer" = [])),
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
        task_state.jobs.start_backup(&task_state, &organization)
    });
    // Blocking threads run inside the runtime, so the worker can be spawned from there.
    match queued.await? {
        Ok(job) => Ok((StatusCode::ACCEPTED, Json(job))),
        Err(QueueError::UnknownOrganization) => Err(AppError::NotFound(format!(
            "There is no organization {id} in XMS. Reload the page to see the current list."
        ))),
        Err(QueueError::AlreadyRunning(name)) => Err(AppError::Conflict(format!(
            "A backup of {name} is already running. Wait for it to finish, or cancel it, \
             before starting another."
        ))),
        Err(QueueError::Db(error)) => Err(error.into()),
    }
}

/// The workers that run backups: the main one first, then by name.
#[utoipa::path(
    get,
    path = "/workers",
    tag = "Workers",
    security(("bearer" = [])),
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
    security(("bearer" = [])),
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
    security(("bearer" = [])),
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
                       answers with `{\"error\": {\"code\": \"...\", \"message\": \"...\"}}`."
    ),
    servers((url = "/api/v1")),
    paths(
        organizations_list,
        connections_create,
        connection_get,
        connection_delete,
        backups_create,
        workers_list,
        job_get,
        job_cancel,
        crate::events::events_stream
    ),
    components(schemas(xms_m365_contract::ErrorBody, xms_m365_contract::ErrorDetail, xms_m365_contract::ErrorCode)),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;

/// Declares the bearer-token security scheme the API uses.
struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        openapi
            .components
            .get_or_insert_with(Default::default)
            .add_security_scheme(
                "bearer",
                SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
            );
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
