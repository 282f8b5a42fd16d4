//! An organization's backup history: its runs, newest first, paged and filtered by result and
//! period, and one run with the items it skipped or put off and why.

use axum::{
    Json,
    extract::{Path, State},
};
use xms_m365_contract::{
    ErrorBody, FieldError, FieldErrorCode, HistoryPage, HistoryQuery, JobId, MAX_RUNS_PER_PAGE,
    OrganizationId, RunDetails,
};

use super::{
    query::{QueryParams, invalid, paging_problems},
    unknown_organization,
};
use crate::{clock::parse_instant, error::AppError, state::AppState, store::jobs};

/// A page of an organization's backup runs (scheduled and by hand, running ones included),
/// as asked. XMS keeps runs for `retention_days`. A page past the last one is empty.
#[utoipa::path(
    get,
    path = "/m365/organizations/{id}/backups",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(("id" = String, Path, description = "The organization"), HistoryQuery),
    responses(
        (status = 200, description = "The page", body = HistoryPage),
        (status = 404, description = "No such organization", body = ErrorBody),
        (status = 422, description = "A parameter is not valid, such as a period that is not RFC 3339 or ends before it starts", body = ErrorBody),
    )
)]
pub async fn backups_list(
    State(state): State<AppState>,
    Path(id): Path<OrganizationId>,
    QueryParams(query): QueryParams<HistoryQuery>,
) -> Result<Json<HistoryPage>, AppError> {
    let mut problems = paging_problems(
        query.page,
        query.page_size,
        MAX_RUNS_PER_PAGE,
        ("run", "runs"),
    );
    let mut instant = |field: &str, text: Option<&str>| {
        let text = text?;
        let parsed = parse_instant(text);
        if parsed.is_none() {
            problems.push(FieldError::new(
                field,
                FieldErrorCode::InvalidInstant,
                format!("Give {field} as an instant in RFC 3339, such as 2026-12-01T22:00:00Z."),
            ));
        }
        parsed
    };
    let period = (
        instant("from", query.from.as_deref()),
        instant("to", query.to.as_deref()),
    );
    if let (Some(from), Some(to)) = period
        && to <= from
    {
        problems.push(FieldError::new(
            "to",
            FieldErrorCode::TooShort,
            "End the period after its start.",
        ));
    }
    invalid(problems)?;
    let organization = id.0.clone();
    let page = state
        .db
        .query(move |conn| jobs::history(conn, &organization, &query, period))
        .await?;
    page.map(Json).ok_or_else(|| unknown_organization(&id.0))
}

/// One backup run of an organization, with the items it skipped or put off and why.
#[utoipa::path(
    get,
    path = "/m365/organizations/{id}/backups/{job}",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(
        ("id" = String, Path, description = "The organization"),
        ("job" = String, Path, description = "The run's job"),
    ),
    responses(
        (status = 200, description = "The run", body = RunDetails),
        (status = 404, description = "No such organization, or it has no such run (any more: see the history's retention)", body = ErrorBody),
    )
)]
pub async fn backup_run_get(
    State(state): State<AppState>,
    Path((id, job)): Path<(OrganizationId, JobId)>,
) -> Result<Json<RunDetails>, AppError> {
    let (organization, lookup) = (id.0.clone(), job.0.clone());
    let run = state
        .db
        .query(move |conn| jobs::run_details(conn, &organization, &lookup))
        .await?;
    run.map(Json).ok_or_else(|| {
        AppError::NotFound(format!(
            "The organization has no backup run {} (XMS keeps runs for a limited time). \
             Choose a run from its history.",
            job.0
        ))
    })
}
