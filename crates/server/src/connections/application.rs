//! Connecting through an application the administrator registered in the tenant: XMS checks
//! what was typed, signs in as the application (the client credentials grant, RFC 6749
//! section 4.4), reads from the token's `roles` whether an administrator consented to every
//! permission it needs, reads the organization from Graph, and only then stores it with its
//! sealed secret. Every refusal names the field to correct and says how.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::NaiveDate;
use serde::Deserialize;
use xms_m365_contract::{
    FieldError, FieldErrorCode, GRAPH_PERMISSIONS, Organization, RegisterApplication, ServerEvent,
};

use super::Connections;
use crate::{
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
    secret: String,
    expires_at: i64,
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
    match expires_at {
        Some(expires_at) if fields.is_empty() => Ok(Checked {
            tenant,
            client_id,
            secret,
            expires_at,
        }),
        _ => Err(AppError::invalid(fields)),
    }
}

/// The application permissions an access token's `roles` grant, when it is a JWT.
fn roles(access_token: &str) -> Option<Vec<String>> {
    let payload = access_token.split('.').nth(1)?;
    let claims: Claims = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()?;
    Some(claims.roles)
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
        if let Some(id) = reauthorize.clone() {
            let known = self
                .db
                .query(move |conn| organizations::user_count(conn, &id))
                .await?;
            if known.is_none() {
                return Err(AppError::unknown_organization(
                    request.reauthorize.as_ref().map_or("", |id| id.0.as_str()),
                ));
            }
        }
        let access_token = self.application_token(&checked).await?;
        match roles(&access_token) {
            Some(granted) if granted.is_empty() => {
                return Err(invalid(
                    "client_id",
                    FieldErrorCode::ConsentMissing,
                    "The application has no administrator's consent in this tenant. In Microsoft \
                     Entra, open the application's API permissions and choose Grant admin consent.",
                ));
            }
            Some(granted) => {
                let missing: Vec<&str> = GRAPH_PERMISSIONS
                    .iter()
                    .copied()
                    .filter(|needed| !granted.iter().any(|role| role == needed))
                    .collect();
                if !missing.is_empty() {
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
            }
            // Not a JWT: Graph says below whether the token may read the organization.
            None => {}
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
        self.store(new, &checked).await
    }

    /// Signs in as the application; the access token, or what to correct.
    async fn application_token(&self, checked: &Checked) -> Result<String, AppError> {
        let unreachable = || {
            AppError::BadGateway(format!(
                "XMS could not reach the Microsoft sign-in service at {}. Check that XMS can \
                 reach it, then try again.",
                self.config.authority_url
            ))
        };
        let answer = self
            .http
            .post(self.token_url(&checked.tenant))
            .form(&[
                ("grant_type", "client_credentials"),
                ("client_id", checked.client_id.as_str()),
                ("client_secret", checked.secret.as_str()),
                ("scope", "https://graph.microsoft.com/.default"),
            ])
            .send()
            .await
            .map_err(|_| unreachable())?;
        if answer.status().is_success() {
            let token: TokenAnswer = answer.json().await.map_err(|_| unreachable())?;
            return Ok(token.access_token);
        }
        let refusal: TokenError = answer.json().await.map_err(|_| unreachable())?;
        let has = |code: u32| refusal.error_codes.contains(&code);
        Err(if has(90002) || has(900023) {
            invalid(
                "tenant",
                FieldErrorCode::NotFound,
                "Microsoft knows no tenant with this id or domain. Copy the Directory (tenant) id \
                 from the application's Overview in Microsoft Entra.",
            )
        } else if has(700016) {
            invalid(
                "client_id",
                FieldErrorCode::NotFound,
                "The tenant has no application with this id. Copy the Application (client) id \
                 from the application's Overview in Microsoft Entra.",
            )
        } else if has(7000222) {
            invalid(
                "client_secret",
                FieldErrorCode::Expired,
                "This client secret has expired. Make a new one under Certificates & secrets \
                 and enter its value.",
            )
        } else if has(7000215) {
            invalid(
                "client_secret",
                FieldErrorCode::Rejected,
                "Microsoft does not accept this client secret. Enter the secret's Value (not its \
                 Secret ID), as shown once when it was made.",
            )
        } else {
            AppError::BadGateway(format!(
                "Microsoft refused the sign-in: {}",
                refusal.error_description
            ))
        })
    }

    /// Stores the organization with its sealed secret, in one transaction, and publishes it.
    async fn store(
        &self,
        new: NewOrganization,
        checked: &Checked,
    ) -> Result<(Organization, bool), AppError> {
        let db = self.db.clone();
        let (licences, now) = (self.licences, self.clock.now_ms());
        let key = self.key.clone();
        let (client_id, secret, expires_at) = (
            checked.client_id.clone(),
            checked.secret.clone(),
            checked.expires_at,
        );
        let (organization, already_connected) = run_blocking(move || {
            db.write(|tx| {
                let (organization, already) = organizations::upsert(tx, &new, licences, now)?;
                let credential = StoredCredential {
                    client_id,
                    sealed_secret: key.seal(secret.as_bytes(), &organization.id.0),
                    expires_at,
                };
                credentials::put(tx, &organization.id.0, &credential, now)?;
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
            reauthorize: None,
        }
    }

    #[test]
    fn what_was_typed_is_tidied_before_it_is_sent() {
        let checked = check(&request(), 0).unwrap();
        assert_eq!(checked.tenant, "contoso.com");
        assert_eq!(checked.client_id, "4f7c2b1e-9d3a-4c8e-b6f5-a1d2e3c4b5a6");
        assert_eq!(checked.expires_at, 1_811_808_000_000);
    }

    #[test]
    fn every_wrong_field_is_named() {
        let wrong = RegisterApplication {
            tenant: "not a domain".into(),
            client_id: "42".into(),
            client_secret: " ".into(),
            secret_expires_on: "1 June".into(),
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
    fn a_passed_expiry_day_is_refused() {
        let Err(AppError::Validation { fields, .. }) = check(&request(), 1_811_808_000_000) else {
            panic!("accepted");
        };
        assert_eq!(fields[0].code, FieldErrorCode::Expired);
    }

    #[test]
    fn roles_are_read_from_a_jwt() {
        let claims = URL_SAFE_NO_PAD.encode(r#"{"roles":["User.Read.All"]}"#);
        assert_eq!(roles(&format!("h.{claims}.s")).unwrap(), ["User.Read.All"]);
        assert_eq!(
            roles(&format!("h.{}.s", URL_SAFE_NO_PAD.encode("{}"))).unwrap(),
            Vec::<String>::new()
        );
        assert_eq!(roles("opaque"), None);
    }
}
