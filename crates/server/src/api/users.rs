//! An organization's users: paging through them, and changing who of them is protected (with
//! a preview of what the change would do), all of them or none.

use axum::{
    Json,
    extract::{Path, State},
};
use xms_m365_contract::{
    ErrorBody, ErrorCode, FieldError, FieldErrorCode, MAX_CHOSEN_USERS, MAX_PAGE_SIZE,
    OrganizationId, ProtectionChange, ProtectionChanged, ProtectionPreview, ProtectionRefused,
    UserFilter, UserPage, UserQuery, UserSelection,
};

use super::{
    json::JsonBody,
    query::{QueryParams, invalid, paging_problems},
    unknown_organization,
};
use crate::{
    db::run_blocking,
    error::AppError,
    state::AppState,
    store::{self, users::UsersError},
};

/// The longest search XMS takes.
const MAX_SEARCH_CHARS: u32 = 200;

/// One page of an organization's users, filtered and sorted as asked, with the licences of
/// the organization and of the subscription. A page past the last one is empty.
#[utoipa::path(
    get,
    path = "/m365/organizations/{id}/users",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(("id" = String, Path, description = "The organization"), UserFilter, UserQuery),
    responses(
        (status = 200, description = "The page", body = UserPage),
        (status = 404, description = "No such organization", body = ErrorBody),
        (status = 422, description = "A parameter is not valid, or names a group the organization does not have", body = ErrorBody),
    )
)]
pub async fn users_list(
    State(state): State<AppState>,
    Path(id): Path<OrganizationId>,
    QueryParams(query): QueryParams<UserQuery>,
) -> Result<Json<UserPage>, AppError> {
    let mut problems = paging_problems(
        query.page,
        query.page_size,
        MAX_PAGE_SIZE,
        ("user", "users"),
    );
    problems.extend(search_problem(query.filter.search.as_deref(), "search"));
    invalid(problems)?;
    let page = run_blocking(move || {
        state
            .db
            .read(|conn| {
                let free = store::licences::free(conn, state.licences)?;
                store::users::page(conn, (state.licences, free), &id.0, &query)
            })
            .map_err(|error| refusal(error, &id.0, "group"))
    })
    .await?;
    Ok(Json(page))
}

/// Tells what a protection change would do, changing nothing: the users it selects, those
/// whose protection would change, the licences it would use or free and those missing.
#[utoipa::path(
    post,
    path = "/m365/organizations/{id}/users/protection/preview",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(("id" = String, Path, description = "The organization")),
    request_body = ProtectionChange,
    responses(
        (status = 200, description = "What the change would do; when `licences_short` is not 0, it would be refused", body = ProtectionPreview),
        (status = 404, description = "No such organization", body = ErrorBody),
        (status = 409, description = "`automatic_licensing`: the organization's licences are managed automatically, so protection cannot be deactivated", body = ProtectionRefused),
        (status = 422, description = "The change names users or a group the organization does not have, or too many users", body = ErrorBody),
    )
)]
pub async fn protection_preview(
    State(state): State<AppState>,
    Path(id): Path<OrganizationId>,
    JsonBody(change): JsonBody<ProtectionChange>,
) -> Result<Json<ProtectionPreview>, AppError> {
    match change_protection(&state, id, change, false).await {
        Ok(preview) | Err(Refused::Short(preview)) => Ok(Json(preview)),
        Err(Refused::Other(error)) => Err(error),
    }
}

/// Protects the selected users, or deactivates their protection: all of them, or (refused)
/// none. Protecting takes one licence per user from the subscription's free ones; a change
/// that needs more than are free is refused with the numbers. Publishes `organization_changed`.
#[utoipa::path(
    post,
    path = "/m365/organizations/{id}/users/protection",
    tag = "Microsoft 365",
    security(("bearer" = []), ("cookie" = [], "csrf" = [])),
    params(("id" = String, Path, description = "The organization")),
    request_body = ProtectionChange,
    responses(
        (status = 200, description = "Changed: what the change did, and the organization's new counts", body = ProtectionChanged),
        (status = 404, description = "No such organization", body = ErrorBody),
        (status = 409, description = "`licences_short` (with the numbers), `automatic_licensing`, or `selection_changed` (it would change another number of users than `expected_changing`, with the new numbers): nothing was changed", body = ProtectionRefused),
        (status = 422, description = "The change names users or a group the organization does not have, or too many users", body = ErrorBody),
    )
)]
pub async fn protection_change(
    State(state): State<AppState>,
    Path(id): Path<OrganizationId>,
    JsonBody(change): JsonBody<ProtectionChange>,
) -> Result<Json<ProtectionChanged>, AppError> {
    let organization_id = id.0.clone();
    let preview = match change_protection(&state, id, change, true).await {
        Ok(preview) => preview,
        Err(Refused::Short(preview)) => return Err(short(preview)),
        Err(Refused::Other(error)) => return Err(error),
    };
    let organization = run_blocking(move || {
        let organization = state
            .events
            .publish_organization(&state.db, &organization_id)?;
        organization.ok_or_else(|| unknown_organization(&organization_id))
    })
    .await?;
    Ok(Json(ProtectionChanged {
        change: preview,
        organization,
    }))
}

/// Why a protection change was not made.
enum Refused {
    /// It needs more licences than are free.
    Short(ProtectionPreview),
    /// Anything else, as answered.
    Other(AppError),
}

/// Validates `change` and makes it (when `apply`) or tells what it would do, in one
/// transaction.
async fn change_protection(
    state: &AppState,
    id: OrganizationId,
    change: ProtectionChange,
    apply: bool,
) -> Result<ProtectionPreview, Refused> {
    let problems = match &change.users {
        UserSelection::Chosen { ids } if ids.is_empty() => vec![FieldError::new(
            "users.ids",
            FieldErrorCode::NothingChosen,
            "Choose at least one user.",
        )],
        UserSelection::Chosen { ids } if ids.len() > MAX_CHOSEN_USERS as usize => {
            vec![
                FieldError::new(
                    "users.ids",
                    FieldErrorCode::TooLong,
                    format!(
                        "Choose at most {MAX_CHOSEN_USERS} users by id; choose more with a filter."
                    ),
                )
                .limit(MAX_CHOSEN_USERS),
            ]
        }
        UserSelection::Chosen { .. } => Vec::new(),
        UserSelection::Matching { filter } => {
            search_problem(filter.search.as_deref(), "users.filter.search")
                .into_iter()
                .collect()
        }
    };
    invalid(problems).map_err(Refused::Other)?;
    let state = state.clone();
    let organization_id = id.0.clone();
    let outcome = run_blocking(move || {
        let now = state.clock.now_ms();
        Ok::<_, AppError>(state.db.write(|tx| {
            store::users::change_protection(
                tx,
                store::licences::free(tx, state.licences)?,
                &id.0,
                &change,
                apply,
                now,
            )
        }))
    })
    .await
    .map_err(Refused::Other)?;
    match outcome {
        Ok(preview) => Ok(preview),
        Err(UsersError::Short(preview)) => Err(Refused::Short(preview)),
        Err(other) => Err(Refused::Other(refusal(
            other,
            &organization_id,
            "users.filter.group",
        ))),
    }
}

/// The answer to a `UsersError` other than a storage failure or a shortage; a group unknown
/// is named as the field `group_field`.
fn refusal(error: UsersError, organization_id: &str, group_field: &str) -> AppError {
    match error {
        UsersError::UnknownOrganization => unknown_organization(organization_id),
        UsersError::UnknownGroup(group) => AppError::Validation {
            message: "The organization has no such group. Choose among its groups.".to_owned(),
            fields: vec![FieldError::new(
                group_field,
                FieldErrorCode::NotFound,
                format!("There is no group {group} in this organization."),
            )],
        },
        UsersError::UnknownUsers(unknown) => AppError::Validation {
            message: "Some of the chosen users are not in this organization (any more). Reload \
                      the list and choose again."
                .to_owned(),
            fields: unknown
                .into_iter()
                .map(|(at, id)| {
                    FieldError::new(
                        format!("users.ids[{at}]"),
                        FieldErrorCode::NotFound,
                        format!("There is no user {id} in this organization."),
                    )
                })
                .collect(),
        },
        UsersError::Automatic(name, preview) => AppError::ProtectionRefused {
            code: ErrorCode::AutomaticLicensing,
            message: format!(
                "Licences of {name} are managed automatically, which protects every user. To \
                 deactivate someone's protection, switch its licence management to Manual in \
                 the organization's settings first."
            ),
            preview,
        },
        UsersError::Short(preview) => short(preview),
        UsersError::Changed(expected, preview) => AppError::ProtectionRefused {
            code: ErrorCode::SelectionChanged,
            message: format!(
                "The selected users changed since the preview: this change would now change {} \
                 users, not {expected}. Nothing was changed. Look at the new numbers and decide \
                 again.",
                preview.changing
            ),
            preview,
        },
        UsersError::Db(error) => crate::db::DbError::from(error).into(),
    }
}

/// The refusal of a change short of licences, with the numbers.
fn short(preview: ProtectionPreview) -> AppError {
    AppError::ProtectionRefused {
        code: ErrorCode::LicencesShort,
        message: format!(
            "Protecting these users needs {} licences, but only {} are free: {} are missing. \
             Nothing was changed. Choose fewer users, deactivate the protection of others, or \
             add licences to the subscription.",
            preview.licences_used, preview.free_licences, preview.licences_short
        ),
        preview,
    }
}

/// What is wrong with a search, named as `field`.
fn search_problem(search: Option<&str>, field: &str) -> Option<FieldError> {
    let chars = search.map_or(0, |search| search.chars().count());
    (chars > MAX_SEARCH_CHARS as usize).then(|| {
        FieldError::new(
            field,
            FieldErrorCode::TooLong,
            format!("Search for at most {MAX_SEARCH_CHARS} characters."),
        )
        .limit(MAX_SEARCH_CHARS)
    })
}
