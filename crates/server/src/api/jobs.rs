//! Jobs, such as backups: where one stands, and cancelling it.

use axum::{
    Json,
    extract::{Path, State},
};
use xms_m365_contract::{ErrorBody, Job, JobId};

use crate::{db::run_blocking, error::AppError, jobs::CancelError, state::AppState, store::jobs};

/// Where a job stands.
#[utoipa::path(
    get,
    path = "/jobs/{id}",
    tag = "Jobs",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(("id" = String, Path, description = "The job")),
    responses(
        (status = 200, description = "The job", body = Job),
        (status = 404, description = "No such job", body = ErrorBody),
    )
)]
pub async fn job_get(
    State(state): State<AppState>,
    Path(id): Path<JobId>,
) -> Result<Json<Job>, AppError> {
    let lookup = id.0.clone();
    let job = state.db.query(move |conn| jobs::get(conn, &lookup)).await?;
    job.map(Json).ok_or_else(|| unknown_job(&id))
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
        (status = 404, description = "No such job", body = ErrorBody),
        (status = 409, description = "The job has already ended", body = ErrorBody),
    )
)]
pub async fn job_cancel(
    State(state): State<AppState>,
    Path(id): Path<JobId>,
) -> Result<Json<Job>, AppError> {
    let lookup = id.0.clone();
    match run_blocking(move || state.jobs.cancel(&lookup)).await {
        Ok(job) => Ok(Json(job)),
        Err(CancelError::Unknown) => Err(unknown_job(&id)),
        Err(CancelError::Finished(_)) => Err(AppError::Conflict(
            "This job has already ended, so there is nothing to cancel.".to_owned(),
        )),
        Err(CancelError::Db(error)) => Err(error.into()),
    }
}

fn unknown_job(id: &JobId) -> AppError {
    AppError::NotFound(format!("There is no job {}.", id.0))
}
