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
//! - `GET /m365/organizations/{id}/users`: a page of its users, searched, filtered, sorted
//! - `POST /m365/organizations/{id}/users/protection` (and `…/preview`): change who of them
//!   is protected (or tell what that would do)
//! - `POST /m365/connections`: start connecting (or re-authorizing) an organization
//!   (device-code sign-in)
//! - `GET /m365/connections/{id}`: where a connection attempt stands
//! - `DELETE /m365/connections/{id}`: cancel it
//! - `POST /m365/organizations/{id}/backups`: start a backup now
//! - `GET /m365/organizations/{id}/backups`: a page of its backup runs, filtered
//! - `GET /m365/organizations/{id}/backups/{job}`: one run, with the items it skipped
//! - `GET /workers`: the workers that run backups
//! - `GET /storages`: where backups can be stored
//! - `GET /jobs/{id}`: where a job stands
//! - `POST /jobs/{id}/cancel`: cancel a queued or running job
//! - `GET /events`: the change stream (Server-Sent Events, resumable with `Last-Event-ID`)
//! - `POST /session`: start a cookie session (with the API token), answering its CSRF token
//! - `DELETE /session`: end it and clear the cookie
//! - `GET /openapi.json`: the OpenAPI 3 document of this API (public)
//!
//! Each route is registered from its handler's `#[utoipa::path]` (utoipa-axum), so its path
//! is written once; `tests/openapi.rs` checks the contract's path helpers against them.
//!
//! All but the OpenAPI document need authentication: either `Authorization: Bearer <the API
//! token>`, or the `xms_session` cookie together with `X-CSRF-Token: <that session's CSRF
//! token>` (see [`crate::session`]). `POST /session` takes only the API token.

use axum::{
    Json, Router,
    extract::{Request, State},
    http::{HeaderValue, StatusCode, header},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::get,
};
use utoipa::{Modify, OpenApi};
use utoipa_axum::{router::OpenApiRouter, routes};
use xms_m365_contract::{ErrorCode, paths};

use crate::{
    db::run_blocking,
    error::{AppError, error_response},
    session::{self, Check},
    state::AppState,
};

mod connections;
mod events;
mod history;
mod jobs;
pub mod json;
mod organizations;
mod policy;
mod query;
mod sessions;
mod settings;
mod users;
pub mod versioned;
mod workers;

/// The version of the API XMS serves, `major.minor`, named in every answer's `XMS-API-Version`
/// header and in the document's `info.version`. A client works with the same major version
/// (the path's: `/api/v1`) and at least the minor it was built for; a change a client may rely
/// on raises the minor, one that breaks clients the major.
pub const API_VERSION: &str = "1.0";

/// The routes that need the API token or a session, and those that do not (starting a
/// session is signing in: only the API token will do, and its handler checks it), with the
/// document of both.
fn parts() -> (Router<AppState>, Router<AppState>, utoipa::openapi::OpenApi) {
    let (protected, mut document) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(organizations::organizations_list))
        .routes(routes!(organizations::organization_delete))
        .routes(routes!(settings::settings_get, settings::settings_put))
        .routes(routes!(organizations::user_sync_create))
        .routes(routes!(
            policy::policy_get,
            policy::policy_put,
            policy::policy_delete
        ))
        .routes(routes!(policy::policy_preview))
        .routes(routes!(organizations::groups_list))
        .routes(routes!(users::users_list))
        .routes(routes!(users::protection_change))
        .routes(routes!(users::protection_preview))
        .routes(routes!(
            organizations::backups_create,
            history::backups_list
        ))
        .routes(routes!(history::backup_run_get))
        .routes(routes!(workers::workers_list))
        .routes(routes!(workers::storages_list))
        .routes(routes!(jobs::job_get))
        .routes(routes!(jobs::job_cancel))
        .routes(routes!(events::events_stream))
        .routes(routes!(connections::connections_create))
        .routes(routes!(connections::applications_create))
        .routes(routes!(connections::certificates_create))
        .routes(routes!(
            connections::connection_get,
            connections::connection_delete
        ))
        .routes(routes!(sessions::session_delete))
        .split_for_parts();
    let (open, session) = OpenApiRouter::new()
        .routes(routes!(sessions::session_create))
        .split_for_parts();
    document.merge(session);
    (protected, open, document)
}

/// The API router, to be nested under [`paths::API_BASE`].
pub fn router(state: AppState) -> Router {
    let (protected, open, _) = parts();
    protected
        .route_layer(middleware::from_fn_with_state(state.clone(), require_token))
        .merge(open)
        .route(paths::OPENAPI, get(openapi_get))
        .fallback(not_found)
        .with_state(state)
}

/// The OpenAPI 3 document of the API.
pub fn openapi() -> utoipa::openapi::OpenApi {
    let (_, _, mut document) = parts();
    API_VERSION.clone_into(&mut document.info.version);
    // After the routes' paths and schemas are in: each touches those.
    for modifier in [
        &BearerAuth as &dyn Modify,
        &TimeZones,
        &Unauthorized,
        &StaleCurrent,
    ] {
        modifier.modify(&mut document);
    }
    document
}

/// The OpenAPI document, served.
async fn openapi_get() -> Json<utoipa::openapi::OpenApi> {
    Json(openapi())
}

/// Lets a request through only with `Authorization: Bearer <the API token>`, or with a
/// session cookie and that session's `X-CSRF-Token`. The error middleware words a plain 401;
/// the cookie's failures are worded here, since the bearer advice would mislead.
async fn require_token(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if session::has_api_token(&state.api_token, request.headers()) {
        return next.run(request).await;
    }
    let sessions = state.sessions.clone();
    let headers = request.headers().clone();
    let check: Result<Check, AppError> = run_blocking(move || Ok(sessions.check(&headers)?)).await;
    let message = match check {
        Err(error) => return error.into_response(),
        Ok(Check::Valid) => return next.run(request).await,
        Ok(Check::NoSession) if session::session_id(request.headers()).is_none() => {
            return StatusCode::UNAUTHORIZED.into_response();
        }
        Ok(Check::NoSession) => {
            "The session has ended. Sign in to XMS again (reload the page).".to_owned()
        }
        Ok(Check::BadCsrf) => format!(
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

/// Any other path under the API: the error middleware words the 404.
async fn not_found() -> StatusCode {
    StatusCode::NOT_FOUND
}

/// The answer about an organization that is not (or no longer) in XMS.
fn unknown_organization(id: &str) -> AppError {
    AppError::unknown_organization(id)
}

/// The OpenAPI 3 description of the API: the paths its routes are registered from and the
/// schemas of the contract types they take and answer.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "XMS Microsoft 365 module API",
        description = "The API between the Microsoft 365 module of XMS and XMS. Every answer \
                       names the API version XMS serves in its `XMS-API-Version` header (this \
                       document's `info.version`); a client works with the same major version \
                       and at least the minor it was built for. Every error answers with `{\"error\": {\"code\": \"...\", \"message\": \"...\"}}`, \
                       plus `\"fields\": [{\"field\": \"...\", \"message\": \"...\"}]` for \
                       `validation_failed`."
    ),
    servers((url = "/api/v1")),
    components(schemas(sessions::SessionCreated,  xms_m365_contract::ErrorBody, xms_m365_contract::ErrorDetail, xms_m365_contract::ErrorCode, xms_m365_contract::FieldError, xms_m365_contract::FieldErrorCode)),
)]
pub struct ApiDoc;

/// Declares the security schemes the API uses: the bearer API token, and the session cookie
/// that is only accepted together with its CSRF header.
struct BearerAuth;

impl Modify for BearerAuth {
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
                crate::session::COOKIE,
                "The session started by `POST /session`; only valid with `csrf`",
            ))),
        );
        components.add_security_scheme(
            "csrf",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                crate::session::CSRF_HEADER,
                "The session's CSRF token, as `POST /session` answered it",
            ))),
        );
    }
}

/// Lists the time zones a schedule accepts: every IANA name XMS knows, so that a client
/// generated from the document offers only those.
struct TimeZones;

impl Modify for TimeZones {
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

/// Makes the `current` document of each 412 answer (`Stale_SettingsView`) a reference to that
/// document's schema, which utoipa inlines for a generic's argument: a client generated from
/// the document then reads it as the type it already knows.
struct StaleCurrent;

impl Modify for StaleCurrent {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::{Ref, RefOr, schema::Schema};
        let Some(components) = openapi.components.as_mut() else {
            return;
        };
        for (name, schema) in &mut components.schemas {
            if let (Some(document), RefOr::T(Schema::Object(stale))) =
                (name.strip_prefix("Stale_"), schema)
                && let Some(current) = stale.properties.get_mut("current")
            {
                let mut reference = Ref::from_schema_name(document);
                reference.description = "The document as someone else saved it.".to_owned();
                *current = RefOr::Ref(reference);
            }
        }
    }
}

/// Lists the 401 answer on every operation that needs the API token or a session: each can
/// answer it, and saying so once per handler would be thirty lines of the same.
struct Unauthorized;

impl Modify for Unauthorized {
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
    let mut json = openapi()
        .to_pretty_json()
        .expect("the OpenAPI document always serializes");
    json.push('\n');
    json
}
