//! An organization's backup policy: read with its `ETag` and next runs, saved (a custom one)
//! or returned to the default with `If-Match`, and previewed unsaved.

use axum::{
    Json,
    extract::{Path, State},
};
use xms_m365_contract::{
    EncryptionAlgorithm, ErrorBody, OrganizationId, Policy, PolicyPreview, PolicyView, SavePolicy,
    Stale,
};

use super::{
    json::JsonBody,
    unknown_organization,
    versioned::{IfMatchHeader, Versioned, answer},
};
use crate::{
    db::run_blocking,
    error::AppError,
    policies::{self, Offered, PasswordCheck},
    state::AppState,
    store::{self, policies::Stored},
    versioning::{SaveError, Versioned as What},
};

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
        (status = 404, description = "No such organization", body = ErrorBody),
    )
)]
pub async fn policy_get(
    State(state): State<AppState>,
    Path(id): Path<OrganizationId>,
) -> Result<Versioned<PolicyView>, AppError> {
    let lookup = id.0.clone();
    let now = state.clock.now_ms();
    let stored = state
        .db
        .query(move |conn| store::policies::get(conn, &lookup))
        .await?;
    let stored = stored.ok_or_else(|| unknown_organization(&id.0))?;
    Ok(Versioned(store::policies::view(stored, &id.0, now)))
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
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 415, description = "The body is not sent as JSON (`Content-Type: application/json`)", body = ErrorBody),
        (status = 413, description = "The body is larger than 64 KiB", body = ErrorBody),
        (status = 404, description = "No such organization", body = ErrorBody),
        (status = 412, description = "`precondition_failed`: someone changed the policy since it was read; nothing was saved. `current` is the policy as it now is, with its new `etag`", body = Stale<PolicyView>),
        (status = 422, description = "`validation_failed`: `fields` names each invalid field by its JSON path (`scope`, `schedule.plan.time`, `retention.full_days`, `encryption_password`...; a field missing, of another type or not one of the choices is named alone); nothing was saved", body = ErrorBody),
        (status = 428, description = "`precondition_required`: `If-Match` is missing", body = ErrorBody),
    )
)]
pub async fn policy_put(
    State(state): State<AppState>,
    Path(id): Path<OrganizationId>,
    IfMatchHeader(if_match): IfMatchHeader,
    JsonBody(save): JsonBody<SavePolicy>,
) -> Result<Versioned<PolicyView>, AppError> {
    run_blocking(move || {
        let saving = id.0;
        let given = save.encryption_password.as_deref();
        // Hashed before taking the database: Argon2 is slow on purpose.
        let new_hash = policies::new_password_hash(&save.policy, given)
            .map_err(|error| AppError::Internal(error.to_string()))?;
        let now = state.clock.now_ms();
        let saved = state.db.write(|tx| {
            store::versions::advance(tx, What::Policy, &saving, if_match.as_ref())?;
            let stored = stored(tx, &saving)?;
            // The algorithm the stored password is for, if one is stored.
            let current = stored
                .password_hash
                .as_ref()
                .and(stored.custom.as_ref())
                .map(|custom| custom.encryption);
            check(
                tx,
                &saving,
                &save.policy,
                Some(PasswordCheck { given, current }),
            )?;
            // No encryption, no password; otherwise the new one or the one already set.
            let hash = if save.policy.encryption == EncryptionAlgorithm::Off {
                None
            } else {
                new_hash.or(stored.password_hash)
            };
            store::policies::write(tx, &saving, &save.policy, hash.as_deref(), now)?;
            Ok(store::policies::view(
                self::stored(tx, &saving)?,
                &saving,
                now,
            ))
        });
        settle(&state, saved, &saving, now)
    })
    .await
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
        (status = 404, description = "No such organization", body = ErrorBody),
        (status = 412, description = "`precondition_failed`: someone changed the policy since it was read; nothing changed. `current` is the policy as it now is, with its new `etag`", body = Stale<PolicyView>),
        (status = 428, description = "`precondition_required`: `If-Match` is missing", body = ErrorBody),
    )
)]
pub async fn policy_delete(
    State(state): State<AppState>,
    Path(id): Path<OrganizationId>,
    IfMatchHeader(if_match): IfMatchHeader,
) -> Result<Versioned<PolicyView>, AppError> {
    run_blocking(move || {
        let (deleting, now) = (id.0, state.clock.now_ms());
        let deleted = state.db.write(|tx| {
            store::versions::advance(tx, What::Policy, &deleting, if_match.as_ref())?;
            store::policies::delete(tx, &deleting, now)?;
            Ok(store::policies::view(
                stored(tx, &deleting)?,
                &deleting,
                now,
            ))
        });
        settle(&state, deleted, &deleting, now)
    })
    .await
}

/// A change of organization `id`'s policy at `now`, published when it was saved, answered
/// with the policy as it now is when it was stale.
fn settle(
    state: &AppState,
    outcome: Result<PolicyView, SaveError>,
    id: &str,
    now: i64,
) -> Result<Versioned<PolicyView>, AppError> {
    if outcome.is_ok() {
        state.events.publish_organization(&state.db, id)?;
    }
    answer(outcome, id, || {
        let stored = state.db.read(|conn| store::policies::get(conn, id))?;
        Ok(stored.map(|stored| store::policies::view(stored, id, now)))
    })
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
        (status = 400, description = "The body is not JSON", body = ErrorBody),
        (status = 415, description = "The body is not sent as JSON (`Content-Type: application/json`)", body = ErrorBody),
        (status = 413, description = "The body is larger than 64 KiB", body = ErrorBody),
        (status = 404, description = "No such organization", body = ErrorBody),
        (status = 422, description = "`validation_failed`: `fields` names each invalid field by its JSON path (a field missing, of another type or not one of the choices is named alone)", body = ErrorBody),
    )
)]
pub async fn policy_preview(
    State(state): State<AppState>,
    Path(id): Path<OrganizationId>,
    JsonBody(policy): JsonBody<Policy>,
) -> Result<Json<PolicyPreview>, AppError> {
    let previewing = id.0.clone();
    let now = state.clock.now_ms();
    let next_runs = run_blocking(move || {
        state.db.read(|conn| {
            let stored = stored(conn, &previewing)?;
            check(conn, &previewing, &policy, None)?;
            Ok::<_, SaveError>(policies::planned_runs(&policy, stored.has_full, now))
        })
    })
    .await?;
    Ok(Json(PolicyPreview { next_runs }))
}

/// Organization `id`'s policy as stored, which must exist.
fn stored(conn: &rusqlite::Connection, id: &str) -> Result<Stored, SaveError> {
    store::policies::get(conn, id)?.ok_or_else(|| SaveError::UnknownOrganization(id.to_owned()))
}

/// Validates `policy` for organization `id` against what it may name: the workers, the
/// storages and the organization's groups.
fn check(
    conn: &rusqlite::Connection,
    id: &str,
    policy: &Policy,
    password: Option<PasswordCheck<'_>>,
) -> Result<(), SaveError> {
    let offered = Offered {
        workers: &store::workers::list(conn)?,
        storages: &store::policies::storages(conn)?,
        groups: &store::users::groups(conn, id)?.unwrap_or_default(),
    };
    let errors = policies::validate(policy, offered, password);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(SaveError::Invalid(errors))
    }
}
