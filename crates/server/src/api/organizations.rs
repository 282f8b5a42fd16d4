//! The connected organizations: listing and removing them, starting a backup of one, syncing
//! its users now, and its Microsoft 365 groups.

use axum::{
    Json,
    extract::{Path, State},
    http::StatusCode,
};
use xms_m365_contract::{
    ErrorBody, GroupList, Job, OrganizationId, OrganizationList, SettingsView,
};

use super::{unknown_organization, versioned::Versioned};
use crate::{
    db::run_blocking,
    error::AppError,
    state::AppState,
    store::{self, jobs::QueueError},
    user_sync::{self, SyncNow},
};

/// The connected Microsoft 365 organizations, sorted by name.
#[utoipa::path(
    get,
    path = "/m365/organizations",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    responses(
        (status = 200, description = "The connected organizations, sorted by name", body = OrganizationList),
        (status = 401, description = "Missing or wrong API token", body = ErrorBody),
    )
)]
pub async fn organizations_list(
    State(state): State<AppState>,
) -> Result<Json<OrganizationList>, AppError> {
    // Read before the list: changes are published after they are stored, so every event up
    // to this one is in the list, and a stream resumed from it misses nothing after it.
    let as_of = state.events.last_id();
    let organizations = state.db.query(store::organizations::list).await?;
    Ok(Json(OrganizationList {
        organizations,
        as_of: Some(as_of),
    }))
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
        (status = 404, description = "No such organization", body = ErrorBody),
    )
)]
pub async fn organization_delete(
    State(state): State<AppState>,
    Path(id): Path<OrganizationId>,
) -> Result<StatusCode, AppError> {
    let removing = id.0.clone();
    let removed = run_blocking(move || crate::organizations::remove(&state, &removing)).await?;
    if removed {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(unknown_organization(&id.0))
    }
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
        (status = 404, description = "No such organization", body = ErrorBody),
        (status = 409, description = "A backup of the organization is already running", body = ErrorBody),
    )
)]
pub async fn backups_create(
    State(state): State<AppState>,
    Path(id): Path<OrganizationId>,
) -> Result<(StatusCode, Json<Job>), AppError> {
    let organization = id.0.clone();
    // Blocking threads run inside the runtime, so the worker can be spawned from there.
    let queued = run_blocking(move || state.jobs.start_backup(&organization, None)).await;
    match queued {
        Ok(job) => Ok((StatusCode::ACCEPTED, Json(job))),
        Err(QueueError::UnknownOrganization) => Err(unknown_organization(&id.0)),
        Err(QueueError::AlreadyRunning(name)) => Err(AppError::Conflict(format!(
            "A backup of {name} is already running. Wait for it to finish, or cancel it, \
             before starting another."
        ))),
        Err(QueueError::Db(error)) => Err(error.into()),
    }
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
        (status = 404, description = "No such organization", body = ErrorBody),
        (status = 409, description = "The organization needs re-authorization first", body = ErrorBody),
    )
)]
pub async fn user_sync_create(
    State(state): State<AppState>,
    Path(id): Path<OrganizationId>,
) -> Result<Versioned<SettingsView>, AppError> {
    let syncing = id.0.clone();
    let synced = run_blocking(move || {
        let now = state.clock.now_ms();
        let synced = user_sync::sync_now(&state.db, &state.events, state.licences, &syncing, now)?;
        let period = state.user_sync_period_ms();
        let view = state
            .db
            .read(|conn| store::settings::view(conn, state.licences, &syncing, period))?;
        Ok::<_, AppError>((synced, view))
    })
    .await?;
    match synced {
        (SyncNow::Synced(_), Some(view)) => Ok(Versioned(view)),
        (SyncNow::NeedsReauthorization(name), _) => Err(AppError::Conflict(format!(
            "Microsoft no longer lets XMS read the users of {name}. Re-authorize it first, \
             then sync its users."
        ))),
        // Removed meanwhile, or never there.
        (SyncNow::Synced(_) | SyncNow::Unknown, _) => Err(unknown_organization(&id.0)),
    }
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
        (status = 404, description = "No such organization", body = ErrorBody),
    )
)]
pub async fn groups_list(
    State(state): State<AppState>,
    Path(id): Path<OrganizationId>,
) -> Result<Json<GroupList>, AppError> {
    let lookup = id.0.clone();
    let groups = state
        .db
        .query(move |conn| store::users::groups(conn, &lookup))
        .await?;
    Ok(Json(GroupList {
        groups: groups.ok_or_else(|| unknown_organization(&id.0))?,
    }))
}
