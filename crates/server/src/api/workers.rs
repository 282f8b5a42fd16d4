//! Where backups run and where they are stored: the workers and the storages.

use axum::{Json, extract::State};
use xms_m365_contract::{ErrorBody, StorageList, WorkerList};

use crate::{error::AppError, state::AppState, store};

/// The workers that run backups: the main one first, then by name.
#[utoipa::path(
    get,
    path = "/workers",
    tag = "Workers",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    responses(
        (status = 200, description = "The workers, the main one first, then by name", body = WorkerList),
        (status = 401, description = "Missing or wrong API token", body = ErrorBody),
    )
)]
pub async fn workers_list(State(state): State<AppState>) -> Result<Json<WorkerList>, AppError> {
    let workers = state.db.query(store::workers::list).await?;
    Ok(Json(WorkerList { workers }))
}

/// Where backups can be stored, by name.
#[utoipa::path(
    get,
    path = "/storages",
    tag = "Storages",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    responses(
        (status = 200, description = "The storages, by name", body = StorageList),
        (status = 401, description = "Missing or wrong API token", body = ErrorBody),
    )
)]
pub async fn storages_list(State(state): State<AppState>) -> Result<Json<StorageList>, AppError> {
    let storages = state.db.query(store::policies::storages).await?;
    Ok(Json(StorageList { storages }))
}
