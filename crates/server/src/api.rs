//! The XMS API under `/api/v1`, as the Microsoft 365 module uses it.
//!
//! - `GET /m365/organizations`: the connected organizations (needs the API token)
//! - `GET /openapi.json`: the OpenAPI 3 document of this API (public)

use axum::{
    Json, Router,
    extract::{Request, State},
    http::{StatusCode, header},
    middleware::{self, Next},
    response::{IntoResponse, Response},
    routing::get,
};
use subtle::ConstantTimeEq;
use utoipa::OpenApi;
use xms_m365_contract::{OrganizationList, paths};

use crate::{AppState, error::AppError};

/// The API router, to be nested under [`paths::API_BASE`].
pub fn router(state: AppState) -> Router {
    Router::new()
        .route(paths::ORGANIZATIONS, get(organizations_list))
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
    let organizations = tokio::task::spawn_blocking(move || db.list_organizations()).await??;
    Ok(Json(OrganizationList { organizations }))
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
    paths(organizations_list),
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
