//! Keeping the connections of organizations that sign in with their own application healthy:
//! on a schedule, XMS signs in as each application again and reads what the token grants, so
//! that a revoked consent, a deleted or expired secret or a removed application shows on the
//! organization (and stops its backups) before a backup fails for it. A certificate signs
//! in the same way, with an assertion.

use std::time::Duration;

use xms_m365_contract::CredentialProblem;

use super::{
    Connections,
    application::{Grants, Proof, Refusal, grants},
};
use crate::{
    db::{DbError, run_blocking},
    store::credentials::{self, Due},
};

/// The most credentials one pass checks; the rest wait for the next pass.
const MAX_CHECKS_PER_PASS: usize = 20;

impl Connections {
    /// Checks every credential not checked for `period`; how many checks found a change.
    pub async fn check_due_credentials(&self, period: Duration) -> Result<usize, DbError> {
        let now = self.clock.now_ms();
        let before = now.saturating_sub(i64::try_from(period.as_millis()).unwrap_or(i64::MAX));
        let due = self
            .db
            .query(move |conn| credentials::due(conn, before, now, MAX_CHECKS_PER_PASS))
            .await?;
        let mut changed = 0;
        for due in due {
            if self.check_credential(due).await? {
                changed += 1;
            }
        }
        Ok(changed)
    }

    /// Checks one credential, records what it found and tells of a change; whether there was
    /// one. When Microsoft cannot be reached nothing is recorded: the next pass tries again.
    async fn check_credential(&self, due: Due) -> Result<bool, DbError> {
        let problem = match self.check(&due).await {
            Found::Untold => return Ok(false),
            Found::Healthy => None,
            Found::Problem(problem) => Some(problem),
        };
        let (db, events, now) = (self.db.clone(), self.events.clone(), self.clock.now_ms());
        let id = due.organization_id;
        run_blocking(move || {
            let changed = db.write(|tx| credentials::record_check(tx, &id, problem, now))?;
            if changed {
                tracing::info!(organization = %id, ?problem, "connection health changed");
                events.publish_organization(&db, &id)?;
            }
            Ok::<_, DbError>(changed)
        })
        .await
    }

    /// What stops `due` from signing in, if anything can be told now.
    async fn check(&self, due: &Due) -> Found {
        let credential = &due.credential;
        let plain = self
            .key
            .open(&credential.sealed_secret, &due.organization_id);
        let proof = match (plain, &credential.certificate) {
            (Some(private_key), Some(der)) => Proof::Certificate {
                private_key,
                der: der.clone(),
            },
            (Some(plain), None) => match String::from_utf8(plain) {
                Ok(secret) => Proof::Secret(secret),
                Err(_) => return Found::Problem(CredentialProblem::Unreadable),
            },
            (None, _) => return Found::Problem(CredentialProblem::Unreadable),
        };
        let is_certificate = matches!(proof, Proof::Certificate { .. });
        if credential.expires_at <= self.clock.now_ms() {
            return Found::Problem(if is_certificate {
                CredentialProblem::CertificateExpired
            } else {
                CredentialProblem::SecretExpired
            });
        }
        let token = self
            .application_token(&due.tenant_id, &credential.client_id, &proof)
            .await;
        match token {
            Ok(token) => match grants(&token) {
                Grants::All | Grants::Unknown => Found::Healthy,
                Grants::None => Found::Problem(CredentialProblem::ConsentRevoked),
                Grants::Lacking(_) => Found::Problem(CredentialProblem::PermissionMissing),
            },
            Err(Refusal::SecretExpired) => Found::Problem(CredentialProblem::SecretExpired),
            Err(Refusal::SecretWrong) => Found::Problem(CredentialProblem::SecretRejected),
            Err(Refusal::CertificateRejected) => {
                Found::Problem(CredentialProblem::CertificateRejected)
            }
            Err(Refusal::UnknownApplication | Refusal::UnknownTenant) => {
                Found::Problem(CredentialProblem::ApplicationMissing)
            }
            Err(Refusal::Other(description)) => {
                tracing::warn!(organization = %due.organization_id, %description, "health check refused");
                Found::Untold
            }
            Err(Refusal::Unreachable) => Found::Untold,
        }
    }
}

/// What a health check found.
enum Found {
    /// The credential signs in with every permission.
    Healthy,
    /// It does not, for this reason.
    Problem(CredentialProblem),
    /// Microsoft could not tell now.
    Untold,
}
