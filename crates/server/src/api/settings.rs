//! An organization's settings (the Edit panel), read with their `ETag` and saved with
//! `If-Match`.

use axum::extract::{Path, State};
use xms_m365_contract::{ErrorBody, OrganizationId, OrganizationSettings, SettingsView, Stale};

use super::{
    json::JsonBody,
    unknown_organization,
    versioned::{IfMatchHeader, Versioned, answer},
};
use crate::{
    db::run_blocking,
    error::AppError,
    settings,
    state::AppState,
    store,
    versioning::{SaveError, Versioned as What},
};

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
        (status = 404, description = "No such organization", body = ErrorBody),
    )
)]
pub async fn settings_get(
    State(state): State<AppState>,
    Path(id): Path<OrganizationId>,
) -> Result<Versioned<SettingsView>, AppError> {
    let lookup = id.0.clone();
    let (licences, period) = (state.licences, state.user_sync_period_ms());
    let view = state
        .db
        .query(move |conn| store::settings::view(conn, licences, &lookup, period))
        .await?;
    view.map(Versioned)
        .ok_or_else(|| unknown_organization(&id.0))
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
    request_body = OrganizationSettings,
    responses(
        (status = 200, description = "Saved: the settings as they now are", body = SettingsView,
            headers(("ETag" = String, description = "The new version of the settings"))),
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 415, description = "The body is not sent as JSON (`Content-Type: application/json`)", body = ErrorBody),
        (status = 413, description = "The body is larger than 64 KiB", body = ErrorBody),
        (status = 404, description = "No such organization", body = ErrorBody),
        (status = 412, description = "`precondition_failed`: someone changed the settings since they were read; nothing was saved. `current` is the settings as they now are, with their new `etag`", body = Stale<SettingsView>),
        (status = 422, description = "`validation_failed`: `fields` says what is wrong with each invalid field (a field missing, of another type or not one of the choices, such as an unknown licence mode, is named alone); nothing was saved", body = ErrorBody),
        (status = 428, description = "`precondition_required`: `If-Match` is missing", body = ErrorBody),
    )
)]
pub async fn settings_put(
    State(state): State<AppState>,
    Path(id): Path<OrganizationId>,
    IfMatchHeader(if_match): IfMatchHeader,
    JsonBody(settings): JsonBody<OrganizationSettings>,
) -> Result<Versioned<SettingsView>, AppError> {
    run_blocking(move || {
        let (id, licences, period) = (id.0, state.licences, state.user_sync_period_ms());
        let now = state.clock.now_ms();
        let saved = state.db.write(|tx| {
            store::versions::advance(tx, What::Settings, &id, if_match.as_ref())?;
            let errors = settings::validate(&settings, &store::workers::list(tx)?);
            if !errors.is_empty() {
                return Err(SaveError::Invalid(errors));
            }
            store::settings::write(tx, licences, &id, &settings, now)?;
            store::settings::view(tx, licences, &id, period)?
                .ok_or_else(|| SaveError::UnknownOrganization(id.clone()))
        });
        if saved.is_ok() {
            state.events.publish_organization(&state.db, &id)?;
        }
        answer(saved, &id, || {
            Ok(state
                .db
                .read(|conn| store::settings::view(conn, licences, &id, period))?)
        })
    })
    .await
}
