//! Certificates for an organization's own application to sign in with: XMS makes the key pair
//! and the certificate, keeps the private key sealed while the administrator uploads the
//! certificate to Entra, and hands both to the connection that names the certificate.

use xms_m365_contract::{ApplicationCertificate, FieldErrorCode};

use super::{
    Connections,
    application::{Proof, Trial},
};
use crate::{
    certificate,
    clock::rfc3339,
    db::{DbError, run_blocking},
    error::AppError,
    store::credentials::{self, PendingCertificate, pending_owner},
};

impl Connections {
    /// Makes a key pair and a certificate, keeps them for an organization to connect with,
    /// and answers the certificate (never the key).
    pub async fn make_certificate(&self) -> Result<ApplicationCertificate, AppError> {
        let (db, key, now) = (self.db.clone(), self.key.clone(), self.clock.now_ms());
        run_blocking(move || {
            let issued = certificate::issue(now)
                .map_err(|error| AppError::Internal(format!("making a certificate: {error}")))?;
            let id = uuid::Uuid::new_v4().to_string();
            let pending = PendingCertificate {
                sealed_key: key.seal(&issued.private_key, &pending_owner(&id)),
                der: issued.der.clone(),
                not_after: issued.not_after,
            };
            db.write(|tx| credentials::put_pending(tx, &id, &pending, now))?;
            Ok::<_, AppError>(ApplicationCertificate {
                thumbprint: certificate::thumbprint(&issued.der),
                expires_at: rfc3339(issued.not_after),
                pem: issued.pem,
                id,
            })
        })
        .await
    }

    /// What pending certificate `id` signs in with; a refusal naming `certificate_id` when
    /// XMS no longer has it.
    pub(super) async fn pending_certificate(&self, id: &str) -> Result<Trial, AppError> {
        let (lookup, now) = (id.to_owned(), self.clock.now_ms());
        let pending = self
            .db
            .query(move |conn| credentials::pending(conn, &lookup, now))
            .await
            .map_err(|error: DbError| AppError::from(error))?;
        let opened = pending.and_then(|pending| {
            let private_key = self.key.open(&pending.sealed_key, &pending_owner(id))?;
            Some(Trial {
                expires_at: pending.not_after,
                proof: Proof::Certificate {
                    private_key,
                    der: pending.der,
                },
                pending: Some(id.to_owned()),
            })
        });
        opened.ok_or_else(|| {
            AppError::invalid(vec![xms_m365_contract::FieldError::new(
                "certificate_id",
                FieldErrorCode::NotFound,
                "XMS no longer has this certificate: a certificate waits a week to be connected \
                 with. Make a new one, upload it to the application, then connect.",
            )])
        })
    }
}
