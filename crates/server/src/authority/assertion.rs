//! Client assertions (RFC 7523) in the client credentials grant, checked as Microsoft checks
//! them: the certificate the header names by thumbprint must be uploaded to the application
//! and within its validity, the signature its key's, the audience this token endpoint, issuer
//! and subject the application, and now within the assertion's validity. Refusals carry
//! Microsoft's codes and words (AADSTS700027 for anything about the certificate).

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use rusqlite::Connection;

use super::{
    oauth::OAuthError,
    registrations::{self, Thumbprint},
};
use crate::certificate::Assertion;

/// Microsoft's allowance for clocks that disagree, in seconds.
const CLOCK_SKEW_SECONDS: i64 = 300;

fn refused(codes: &'static [u32], description: String) -> OAuthError {
    OAuthError::new("invalid_client", codes, description)
}

/// Whether `jwt` proves application `client_id` at `now` (Unix ms), meant for one of
/// `audiences`; the refusal when it does not.
pub(super) fn check(
    conn: &Connection,
    client_id: &str,
    jwt: &str,
    audiences: &[String],
    now: i64,
) -> rusqlite::Result<Result<(), OAuthError>> {
    let Some(assertion) = Assertion::parse(jwt) else {
        return Ok(Err(refused(
            &[50027],
            "AADSTS50027: JWT token is invalid or malformed.".to_owned(),
        )));
    };
    let sha1 = assertion.header.x5t.as_deref().and_then(|x5t| {
        let bytes = URL_SAFE_NO_PAD.decode(x5t).ok()?;
        Some(bytes.iter().map(|b| format!("{b:02X}")).collect::<String>())
    });
    let thumbprint = match (assertion.header.x5t_s256.as_deref(), sha1.as_deref()) {
        (Some(sha256), _) => Thumbprint::Sha256(sha256),
        (None, Some(sha1)) => Thumbprint::Sha1(sha1),
        (None, None) => {
            return Ok(Err(refused(
                &[700027],
                "AADSTS700027: Client assertion contains an invalid signature. [Reason - The key was not found: the header names no x5t#S256 or x5t thumbprint.]".to_owned(),
            )));
        }
    };
    let named = match &thumbprint {
        Thumbprint::Sha256(value) | Thumbprint::Sha1(value) => (*value).to_owned(),
    };
    let Some(key) = registrations::certificate_key(conn, client_id, &thumbprint)? else {
        return Ok(Err(refused(
            &[700027],
            format!(
                "AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '{named}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '{client_id}'.]"
            ),
        )));
    };
    if !assertion.signed_by(&key.public_key) {
        return Ok(Err(refused(
            &[700027],
            "AADSTS700027: Client assertion contains an invalid signature. [Reason - The provided signature value did not match the expected signature value.]".to_owned(),
        )));
    }
    if now < key.not_before || now >= key.not_after {
        return Ok(Err(refused(
            &[700027],
            format!(
                "AADSTS700027: Client assertion contains an invalid signature. [Reason - The key used is expired., Thumbprint of key used by client: '{named}']"
            ),
        )));
    }
    let claims = &assertion.claims;
    if claims.iss != client_id || claims.sub != client_id {
        return Ok(Err(refused(
            &[700021],
            "AADSTS700021: Client assertion application identifier doesn't match 'client_id' parameter.".to_owned(),
        )));
    }
    if !audiences.contains(&claims.aud) {
        return Ok(Err(refused(
            &[50027],
            format!(
                "AADSTS50027: JWT token is invalid or malformed: its audience '{}' is not this token endpoint.",
                claims.aud
            ),
        )));
    }
    let seconds = now.div_euclid(1000);
    let from = claims.nbf.unwrap_or(i64::MIN);
    if seconds + CLOCK_SKEW_SECONDS < from || seconds - CLOCK_SKEW_SECONDS >= claims.exp {
        return Ok(Err(refused(
            &[700024],
            "AADSTS700024: Client assertion is not within its valid time range.".to_owned(),
        )));
    }
    Ok(Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        authority::{Authority, directory::TENANTS},
        certificate::{self, Issued},
    };

    const NOW: i64 = 1_795_000_000_000;
    const AUDIENCE: &str = "http://127.0.0.1:1/contoso.com/oauth2/v2.0/token";

    /// An application with the first of two certificates made now uploaded: the database's
    /// directory, the database, the application's id, and both certificates.
    fn application() -> (tempfile::TempDir, crate::db::Db, String, Issued, Issued) {
        let dir = tempfile::tempdir().unwrap();
        let db = Authority::database(dir.path()).unwrap();
        let uploaded = certificate::issue(NOW).unwrap();
        let other = certificate::issue(NOW).unwrap();
        let client_id = db
            .write(|tx| {
                let (application, _) =
                    registrations::register(tx, &TENANTS[0], "Backup", &[], NOW, NOW + 1)?;
                let read = certificate::read_pem(uploaded.pem.as_bytes()).unwrap();
                registrations::upload_certificate(tx, &application.client_id, &read)?;
                Ok::<_, rusqlite::Error>(application.client_id)
            })
            .unwrap();
        (dir, db, client_id, uploaded, other)
    }

    /// The codes `jwt` is refused with at `now` (none: it signs in).
    fn refusal(db: &crate::db::Db, client_id: &str, jwt: &str, now: i64) -> &'static [u32] {
        let audiences = [AUDIENCE.to_owned()];
        match db
            .read(|conn| check(conn, client_id, jwt, &audiences, now))
            .unwrap()
        {
            Ok(()) => &[],
            Err(refused) => refused.codes(),
        }
    }

    fn assertion(issued: &Issued, client_id: &str, audience: &str) -> String {
        certificate::client_assertion(&issued.private_key, &issued.der, client_id, audience, NOW)
            .unwrap()
    }

    #[test]
    fn an_assertion_signed_with_an_uploaded_certificate_signs_in_for_its_ten_minutes_and_the_skew()
    {
        let (_dir, db, client_id, uploaded, _) = application();
        let jwt = assertion(&uploaded, &client_id, AUDIENCE);
        assert_eq!(refusal(&db, &client_id, &jwt, NOW), &[] as &[u32]);
        assert_eq!(refusal(&db, &client_id, &jwt, NOW + 899_000), &[] as &[u32]);
        assert_eq!(refusal(&db, &client_id, &jwt, NOW + 1_000_000), &[700024]);
    }

    #[test]
    fn a_certificate_not_uploaded_or_expired_is_refused() {
        let (_dir, db, client_id, uploaded, other) = application();
        let jwt = assertion(&other, &client_id, AUDIENCE);
        assert_eq!(refusal(&db, &client_id, &jwt, NOW), &[700027]);
        let late = NOW + certificate::VALIDITY_DAYS * 86_400_000;
        let jwt = certificate::client_assertion(
            &uploaded.private_key,
            &uploaded.der,
            &client_id,
            AUDIENCE,
            late,
        )
        .unwrap();
        assert_eq!(refusal(&db, &client_id, &jwt, late), &[700027]);
    }

    #[test]
    fn a_signature_by_another_key_than_the_named_certificates_is_refused() {
        let (_dir, db, client_id, uploaded, other) = application();
        let genuine = assertion(&uploaded, &client_id, AUDIENCE);
        let forged = assertion(&other, &client_id, AUDIENCE);
        // The uploaded certificate's header and claims, with the other key's signature.
        let (input, _) = genuine.rsplit_once('.').unwrap();
        let (_, signature) = forged.rsplit_once('.').unwrap();
        let jwt = format!("{input}.{signature}");
        assert_eq!(refusal(&db, &client_id, &jwt, NOW), &[700027]);
    }

    #[test]
    fn another_application_or_audience_is_refused() {
        let (_dir, db, client_id, uploaded, _) = application();
        let jwt = assertion(&uploaded, "another-app", AUDIENCE);
        assert_eq!(refusal(&db, &client_id, &jwt, NOW), &[700021]);
        let jwt = assertion(&uploaded, &client_id, "https://elsewhere.example/token");
        assert_eq!(refusal(&db, &client_id, &jwt, NOW), &[50027]);
        assert_eq!(refusal(&db, &client_id, "not.a-jwt", NOW), &[50027]);
    }
}
