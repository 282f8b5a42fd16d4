//! Connecting through an application the administrator registered in the tenant: XMS checks
//! what was typed, signs in as the application (the client credentials grant, RFC 6749
//! section 4.4, with the client secret or a client assertion signed with the certificate's
//! key), reads from the token's `roles` whether an administrator consented to every
//! permission it needs, reads the organization from Graph, and only then stores it with its
//! sealed secret or key. Every refusal names the field to correct and says how.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::NaiveDate;
use serde::Deserialize;
use xms_m365_contract::{
    FieldError, FieldErrorCode, GRAPH_PERMISSIONS, Organization, RegisterApplication, ServerEvent,
};

use super::Connections;
use crate::{
    certificate,
    db::{DbError, run_blocking},
    error::AppError,
    store::{
        credentials::{self, StoredCredential},
        organizations::{self, NewOrganization},
    },
};

/// The longest client secret accepted (Entra's are 40 characters).
const MAX_SECRET_CHARS: usize = 1024;

/// What was typed, checked: nothing is sent to Microsoft before it is.
struct Checked {
    tenant: String,
    client_id: String,
    way: Way,
}

/// What the application signs in with, as typed.
enum Way {
    /// A client secret, and when it expires (Unix ms).
    Secret { secret: String, expires_at: i64 },
    /// A certificate XMS made, by its id.
    Certificate(String),
}

/// What proves an application's sign-in to the identity platform.
pub(super) enum Proof {
    /// Its client secret.
    Secret(String),
    /// A certificate (DER) and its private key (PKCS #8).
    Certificate { private_key: Vec<u8>, der: Vec<u8> },
}

impl Proof {
    /// What is sealed at rest, and the certificate stored beside it in the clear.
    fn sealable(&self) -> (&[u8], Option<Vec<u8>>) {
        match self {
            Self::Secret(secret) => (secret.as_bytes(), None),
            Self::Certificate { private_key, der } => (private_key, Some(der.clone())),
        }
    }
}

/// A credential to try: its proof, when it expires (Unix ms), and the pending certificate it
/// takes, if any.
pub(super) struct Trial {
    pub proof: Proof,
    pub expires_at: i64,
    pub pending: Option<String>,
}

/// The identity platform's error answer, as Microsoft words it.
#[derive(Deserialize)]
struct TokenError {
    #[serde(default)]
    error_description: String,
    #[serde(default)]
    error_codes: Vec<u32>,
}

#[derive(Deserialize)]
struct TokenAnswer {
    access_token: String,
}

/// The claims of an application token that XMS reads.
#[derive(Deserialize)]
struct Claims {
    #[serde(default)]
    roles: Vec<String>,
}

fn invalid(field: &str, code: FieldErrorCode, message: impl Into<String>) -> AppError {
    AppError::invalid(vec![FieldError::new(field, code, message)])
}

/// Whether `text` looks like a domain name: labels of letters, digits and hyphens.
fn is_domain(text: &str) -> bool {
    let labels: Vec<&str> = text.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|label| {
            (1..=63).contains(&label.len())
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

/// Checks every field of `request` at `now`, naming each one that is wrong.
fn check(request: &RegisterApplication, now: i64) -> Result<Checked, AppError> {
    let mut fields = Vec::new();
    let tenant = request.tenant.trim().to_ascii_lowercase();
    if tenant.is_empty() {
        fields.push(FieldError::new(
            "tenant",
            FieldErrorCode::Required,
            "Enter the tenant id or one of its verified domains.",
        ));
    } else if uuid::Uuid::parse_str(&tenant).is_err() && !is_domain(&tenant) {
        fields.push(FieldError::new(
            "tenant",
            FieldErrorCode::Malformed,
            "Enter the tenant id (a GUID) or a verified domain, such as contoso.com.",
        ));
    }
    let client_id = request.client_id.trim().to_ascii_lowercase();
    if client_id.is_empty() {
        fields.push(FieldError::new(
            "client_id",
            FieldErrorCode::Required,
            "Enter the application (client) id.",
        ));
    } else if uuid::Uuid::parse_str(&client_id).is_err() {
        fields.push(FieldError::new(
            "client_id",
            FieldErrorCode::Malformed,
            "The application (client) id is a GUID, such as 4f7c2b1e-9d3a-4c8e-b6f5-a1d2e3c4b5a6.",
        ));
    }
    let way = match request.certificate_id.as_deref().map(str::trim) {
        Some(id) if !request.client_secret.trim().is_empty() || id.is_empty() => {
            fields.push(FieldError::new(
                "certificate_id",
                FieldErrorCode::NotApplicable,
                "Sign in with either a client secret or a certificate: send the certificate's \
                 id alone, or the secret and its expiry alone.",
            ));
            None
        }
        Some(id) => Some(Way::Certificate(id.to_owned())),
        None => check_secret(request, now, &mut fields),
    };
    match way {
        Some(way) if fields.is_empty() => Ok(Checked {
            tenant,
            client_id,
            way,
        }),
        _ => Err(AppError::invalid(fields)),
    }
}

/// Checks the client secret and its expiry day at `now`, adding to `fields` what is wrong.
fn check_secret(
    request: &RegisterApplication,
    now: i64,
    fields: &mut Vec<FieldError>,
) -> Option<Way> {
    let secret = request.client_secret.trim().to_owned();
    if secret.is_empty() {
        fields.push(FieldError::new(
            "client_secret",
            FieldErrorCode::Required,
            "Enter the client secret's value.",
        ));
    } else if secret.chars().count() > MAX_SECRET_CHARS {
        fields.push(
            FieldError::new(
                "client_secret",
                FieldErrorCode::TooLong,
                format!("A client secret has at most {MAX_SECRET_CHARS} characters."),
            )
            .limit(u32::try_from(MAX_SECRET_CHARS).unwrap_or(u32::MAX)),
        );
    }
    let expires_at = match NaiveDate::parse_from_str(request.secret_expires_on.trim(), "%Y-%m-%d") {
        // The day it expires, from its start: a warning comes early rather than late.
        Ok(day) => {
            let at = day
                .and_hms_opt(0, 0, 0)
                .map(|t| t.and_utc().timestamp_millis());
            match at {
                Some(at) if at > now => Some(at),
                _ => {
                    fields.push(FieldError::new(
                        "secret_expires_on",
                        FieldErrorCode::Expired,
                        "This day has passed: the secret has expired. Make a new secret and enter its expiry.",
                    ));
                    None
                }
            }
        }
        Err(_) => {
            fields.push(FieldError::new(
                "secret_expires_on",
                FieldErrorCode::Malformed,
                "Enter the day the secret expires, as YYYY-MM-DD.",
            ));
            None
        }
    };
    expires_at.map(|expires_at| Way::Secret { secret, expires_at })
}

/// Why the identity platform gave an application no token.
#[derive(Debug)]
pub(super) enum Refusal {
    /// No such tenant.
    UnknownTenant,
    /// No such application in the tenant.
    UnknownApplication,
    /// The secret was the application's, but has expired.
    SecretExpired,
    /// The secret is none of the application's.
    SecretWrong,
    /// The certificate is none of the application's, or its assertion was refused.
    CertificateRejected,
    /// Another refusal, in Microsoft's words.
    Other(String),
    /// The identity platform could not be reached, or answered nonsense.
    Unreachable,
}

/// What an application token grants of [`GRAPH_PERMISSIONS`].
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Grants {
    /// Every permission XMS needs.
    All,
    /// Nothing: no administrator consented.
    None,
    /// Some, but not these.
    Lacking(Vec<&'static str>),
    /// The token is not a JWT whose claims can be read.
    Unknown,
}

/// What `access_token`'s `roles` grant.
pub(super) fn grants(access_token: &str) -> Grants {
    let claims = access_token.split('.').nth(1).and_then(|payload| {
        let json = URL_SAFE_NO_PAD.decode(payload).ok()?;
        serde_json::from_slice::<Claims>(&json).ok()
    });
    let Some(Claims { roles }) = claims else {
        return Grants::Unknown;
    };
    if roles.is_empty() {
        return Grants::None;
    }
    let missing: Vec<&'static str> = GRAPH_PERMISSIONS
        .iter()
        .copied()
        .filter(|needed| !roles.iter().any(|role| role == needed))
        .collect();
    if missing.is_empty() {
        Grants::All
    } else {
        Grants::Lacking(missing)
    }
}

impl Connections {
    /// The token endpoint of `tenant`: the configured authority with its tenant segment
    /// (`organizations`) replaced, since an application signs in to its own tenant only.
    fn token_url(&self, tenant: &str) -> String {
        let authority = self.config.authority_url.trim_end_matches('/');
        let base = authority
            .rsplit_once('/')
            .map_or(authority, |(base, _)| base);
        format!("{base}/{tenant}/oauth2/v2.0/token")
    }

    /// Verifies `request` with the identity platform and Graph, then stores the organization
    /// and its sealed secret; the organization, and whether it was connected before.
    pub async fn connect_application(
        &self,
        request: &RegisterApplication,
    ) -> Result<(Organization, bool), AppError> {
        let checked = check(request, self.clock.now_ms())?;
        let reauthorize = request.reauthorize.as_ref().map(|id| id.0.clone());
        if let Some(id) = &reauthorize
            && !self.is_connected(id).await?
        {
            return Err(AppError::unknown_organization(id));
        }
        let trial = match &checked.way {
            Way::Secret { secret, expires_at } => Trial {
                proof: Proof::Secret(secret.clone()),
                expires_at: *expires_at,
                pending: None,
            },
            Way::Certificate(id) => self.pending_certificate(id).await?,
        };
        let access_token = self
            .application_token(&checked.tenant, &checked.client_id, &trial.proof)
            .await
            .map_err(|refusal| self.refused(refusal))?;
        match grants(&access_token) {
            Grants::None => {
                return Err(invalid(
                    "client_id",
                    FieldErrorCode::ConsentMissing,
                    "The application has no administrator's consent in this tenant. In Microsoft \
                     Entra, open the application's API permissions and choose Grant admin consent.",
                ));
            }
            Grants::Lacking(missing) => {
                return Err(invalid(
                    "client_id",
                    FieldErrorCode::PermissionMissing,
                    format!(
                        "The application lacks these Microsoft Graph application permissions: \
                         {}. Add them in Microsoft Entra and grant admin consent again.",
                        missing.join(", ")
                    ),
                ));
            }
            // Graph says below whether the token may read the organization.
            Grants::All | Grants::Unknown => {}
        }
        let new = self
            .organization(&access_token)
            .await
            .map_err(AppError::BadGateway)?;
        if let Some(id) = &reauthorize
            && let Some(refusal) = self.wrong_tenant(id, &new).await
        {
            return Err(invalid("tenant", FieldErrorCode::NotOffered, refusal));
        }
        self.store(new, checked.client_id, trial).await
    }

    /// Signs in to `tenant` as application `client_id` with `proof`: the access token, or
    /// why Microsoft refused.
    pub(super) async fn application_token(
        &self,
        tenant: &str,
        client_id: &str,
        proof: &Proof,
    ) -> Result<String, Refusal> {
        let url = self.token_url(tenant);
        let assertion;
        let proven: [(&str, &str); 2] = match proof {
            Proof::Secret(secret) => [("client_secret", secret), ("", "")],
            Proof::Certificate { private_key, der } => {
                assertion = certificate::client_assertion(
                    private_key,
                    der,
                    client_id,
                    &url,
                    self.clock.now_ms(),
                )
                .map_err(|error| Refusal::Other(error.to_string()))?;
                [
                    ("client_assertion_type", certificate::ASSERTION_TYPE),
                    ("client_assertion", &assertion),
                ]
            }
        };
        let mut form = vec![
            ("grant_type", "client_credentials"),
            ("client_id", client_id),
            ("scope", "https://graph.microsoft.com/.default"),
        ];
        form.extend(proven.into_iter().filter(|(name, _)| !name.is_empty()));
        let answer = self
            .http
            .post(url)
            .form(&form)
            .send()
            .await
            .map_err(|_| Refusal::Unreachable)?;
        if answer.status().is_success() {
            let token: TokenAnswer = answer.json().await.map_err(|_| Refusal::Unreachable)?;
            return Ok(token.access_token);
        }
        let refusal: TokenError = answer.json().await.map_err(|_| Refusal::Unreachable)?;
        let has = |code: u32| refusal.error_codes.contains(&code);
        Err(if has(90002) || has(900023) {
            Refusal::UnknownTenant
        } else if has(700016) {
            Refusal::UnknownApplication
        } else if has(7000222) {
            Refusal::SecretExpired
        } else if has(7000215) {
            Refusal::SecretWrong
        } else if has(700027) {
            Refusal::CertificateRejected
        } else {
            Refusal::Other(refusal.error_description)
        })
    }

    /// What the administrator is to correct for `refusal`, naming the field.
    fn refused(&self, refusal: Refusal) -> AppError {
        match refusal {
            Refusal::UnknownTenant => invalid(
                "tenant",
                FieldErrorCode::NotFound,
                "Microsoft knows no tenant with this id or domain. Copy the Directory (tenant) id \
                 from the application's Overview in Microsoft Entra.",
            ),
            Refusal::UnknownApplication => invalid(
                "client_id",
                FieldErrorCode::NotFound,
                "The tenant has no application with this id. Copy the Application (client) id \
                 from the application's Overview in Microsoft Entra.",
            ),
            Refusal::SecretExpired => invalid(
                "client_secret",
                FieldErrorCode::Expired,
                "This client secret has expired. Make a new one under Certificates & secrets \
                 and enter its value.",
            ),
            Refusal::SecretWrong => invalid(
                "client_secret",
                FieldErrorCode::Rejected,
                "Microsoft does not accept this client secret. Enter the secret's Value (not its \
                 Secret ID), as shown once when it was made.",
            ),
            Refusal::CertificateRejected => invalid(
                "certificate_id",
                FieldErrorCode::Rejected,
                "Microsoft does not accept this certificate for the application. Upload the \
                 certificate file under Certificates & secrets, Certificates, in the \
                 application in Microsoft Entra, then connect again.",
            ),
            Refusal::Other(description) => {
                AppError::BadGateway(format!("Microsoft refused the sign-in: {description}"))
            }
            Refusal::Unreachable => AppError::BadGateway(format!(
                "XMS could not reach the Microsoft sign-in service at {}. Check that XMS can \
                 reach it, then try again.",
                self.config.authority_url
            )),
        }
    }

    /// Stores the organization with its sealed secret or key, in one transaction, and
    /// publishes it.
    async fn store(
        &self,
        new: NewOrganization,
        client_id: String,
        trial: Trial,
    ) -> Result<(Organization, bool), AppError> {
        let db = self.db.clone();
        let (licences, now) = (self.licences, self.clock.now_ms());
        let key = self.key.clone();
        let (organization, already_connected) = run_blocking(move || {
            db.write(|tx| {
                let (organization, already) = organizations::upsert(tx, &new, licences, now)?;
                let (plain, certificate) = trial.proof.sealable();
                let credential = StoredCredential {
                    client_id,
                    sealed_secret: key.seal(plain, &organization.id.0),
                    certificate,
                    expires_at: trial.expires_at,
                };
                credentials::put(tx, &organization.id.0, &credential, now)?;
                if let Some(id) = &trial.pending {
                    credentials::remove_pending(tx, id)?;
                }
                // Read again: the organization tells when its credential expires.
                let organization =
                    organizations::get(tx, &organization.id.0)?.unwrap_or(organization);
                Ok::<_, DbError>((organization, already))
            })
        })
        .await?;
        self.events.publish(ServerEvent::OrganizationChanged {
            organization: Box::new(organization.clone()),
        });
        Ok((organization, already_connected))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> RegisterApplication {
        RegisterApplication {
            tenant: " Contoso.com ".into(),
            client_id: "4F7C2B1E-9D3A-4C8E-B6F5-A1D2E3C4B5A6".into(),
            client_secret: "abc8Q~x".into(),
            secret_expires_on: "2027-06-01".into(),
            certificate_id: None,
            reauthorize: None,
        }
    }

    #[test]
    fn what_was_typed_is_tidied_before_it_is_sent() {
        let checked = check(&request(), 0).unwrap();
        assert_eq!(checked.tenant, "contoso.com");
        assert_eq!(checked.client_id, "4f7c2b1e-9d3a-4c8e-b6f5-a1d2e3c4b5a6");
        let Way::Secret { expires_at, .. } = checked.way else {
            panic!("not a secret");
        };
        assert_eq!(expires_at, 1_811_808_000_000);
    }

    #[test]
    fn every_wrong_field_is_named() {
        let wrong = RegisterApplication {
            tenant: "not a domain".into(),
            client_id: "42".into(),
            client_secret: " ".into(),
            secret_expires_on: "1 June".into(),
            certificate_id: None,
            reauthorize: None,
        };
        let Err(AppError::Validation { fields, .. }) = check(&wrong, 0) else {
            panic!("accepted");
        };
        let named: Vec<(&str, FieldErrorCode)> =
            fields.iter().map(|f| (f.field.as_str(), f.code)).collect();
        assert_eq!(
            named,
            [
                ("tenant", FieldErrorCode::Malformed),
                ("client_id", FieldErrorCode::Malformed),
                ("client_secret", FieldErrorCode::Required),
                ("secret_expires_on", FieldErrorCode::Malformed),
            ]
        );
    }

    #[test]
    fn a_certificate_comes_alone() {
        let both = RegisterApplication {
            certificate_id: Some("c1".into()),
            ..request()
        };
        let Err(AppError::Validation { fields, .. }) = check(&both, 0) else {
            panic!("accepted");
        };
        assert_eq!(fields[0].field, "certificate_id");
        let alone = RegisterApplication {
            client_secret: String::new(),
            secret_expires_on: String::new(),
            certificate_id: Some(" c1 ".into()),
            ..request()
        };
        assert!(matches!(check(&alone, 0).unwrap().way, Way::Certificate(id) if id == "c1"));
    }

    #[test]
    fn a_passed_expiry_day_is_refused() {
        let Err(AppError::Validation { fields, .. }) = check(&request(), 1_811_808_000_000) else {
            panic!("accepted");
        };
        assert_eq!(fields[0].code, FieldErrorCode::Expired);
    }

    #[test]
    fn grants_are_read_from_a_jwts_roles() {
        let token = |claims: &str| format!("h.{}.s", URL_SAFE_NO_PAD.encode(claims));
        assert_eq!(grants(&token(r#"{"roles":[]}"#)), Grants::None);
        assert_eq!(grants(&token("{}")), Grants::None);
        let some = grants(&token(
            r#"{"roles":["Organization.Read.All","User.Read.All"]}"#,
        ));
        let Grants::Lacking(missing) = some else {
            panic!("{some:?}");
        };
        assert_eq!(missing.len(), GRAPH_PERMISSIONS.len() - 2);
        assert!(!missing.contains(&"User.Read.All"));
        let all = serde_json::json!({ "roles": GRAPH_PERMISSIONS }).to_string();
        assert_eq!(grants(&token(&all)), Grants::All);
        assert_eq!(grants("opaque"), Grants::Unknown);
    }
}
