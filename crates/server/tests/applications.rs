//! Connecting with an application registered in the tenant, against a real server whose
//! development authority holds the registrations: what is stored, sealed and never answered,
//! and the words of each refusal.

use std::time::Duration;

use common::{RunningServer, TOKEN, at, credential_key};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use xms_m365_contract::{
    ApplicationCertificate, ApplicationConnected, ErrorBody, FieldErrorCode, GRAPH_PERMISSIONS,
    Job, JobState, backups_path, job_path, paths,
};
use xms_server::{
    authority::{
        Authority,
        directory::{TENANTS, Tenant},
        registrations::{self, NewSecret},
    },
    clock::Clock,
    store::{credentials, licences::DEFAULT_LICENCES, organizations},
};

mod common;

const CONTOSO: &Tenant = &TENANTS[0];

/// Registers an application in `tenant` of the server storing in `data`, consented to
/// `permissions`, with a secret valid until `expires`; its client id and secret.
fn register(
    data: &std::path::Path,
    tenant: &Tenant,
    permissions: &[&str],
    expires: &str,
) -> (String, NewSecret) {
    let db = Authority::database(data).unwrap();
    let consented: Vec<String> = permissions.iter().map(|p| (*p).to_owned()).collect();
    let (application, secret) = db
        .write(|tx| {
            registrations::register(
                tx,
                tenant,
                "Xopero backup",
                &consented,
                at(common::START),
                at(expires),
            )
        })
        .unwrap();
    (application.client_id, secret)
}

/// Registers a fully consented application in Contoso, its secret valid until June 2027.
fn consented(data: &std::path::Path) -> (String, NewSecret) {
    register(data, CONTOSO, GRAPH_PERMISSIONS, "2027-06-01T00:00:00Z")
}

/// Posts a registration to the server at `url`; its status and body.
async fn connect(url: &str, body: &Value) -> (StatusCode, String) {
    let answer = Client::new()
        .post(format!("{url}/api/v1{}", paths::APPLICATIONS))
        .bearer_auth(TOKEN)
        .json(body)
        .send()
        .await
        .unwrap();
    (answer.status(), answer.text().await.unwrap())
}

fn body(tenant: &str, client_id: &str, secret: &str) -> Value {
    json!({
        "tenant": tenant,
        "client_id": client_id,
        "client_secret": secret,
        "secret_expires_on": "2027-06-01",
    })
}

/// The one field an answer refuses, with its code and message.
fn refused(status: StatusCode, text: &str) -> (String, FieldErrorCode, String) {
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    let error: ErrorBody = serde_json::from_str(text).unwrap();
    assert_eq!(error.error.fields.len(), 1, "{text}");
    let field = &error.error.fields[0];
    (field.field.clone(), field.code, field.message.clone())
}

fn server() -> (tempfile::TempDir, RunningServer) {
    let data = tempfile::tempdir().unwrap();
    let server = RunningServer::start(data.path(), Duration::from_secs(900));
    (data, server)
}

#[tokio::test]
async fn a_consented_application_connects_its_organization_and_its_secret_is_kept_sealed() {
    let (data, server) = server();
    let (client_id, secret) = consented(data.path());

    let (status, text) =
        connect(&server.url, &body("contoso.com", &client_id, &secret.value)).await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    assert!(
        !text.contains(&secret.value),
        "the secret must never be answered"
    );
    let connected: ApplicationConnected = serde_json::from_str(&text).unwrap();
    assert_eq!(connected.organization.name, "Contoso Ltd");
    assert_eq!(connected.organization.user_count, 1250);
    assert_eq!(
        connected.organization.secret_expires_at.as_deref(),
        Some("2027-06-01T00:00:00Z")
    );
    assert!(!connected.already_connected);

    // Stored sealed: the database does not hold the secret, the server's key opens it.
    let id = connected.organization.id.0.clone();
    let stored = common::open_db(data.path())
        .read(|conn| credentials::get(conn, &id))
        .unwrap()
        .expect("the credential is stored");
    assert_eq!(stored.client_id, client_id);
    assert_eq!(stored.expires_at, at("2027-06-01T00:00:00Z"));
    let sealed = String::from_utf8_lossy(&stored.sealed_secret);
    assert!(!sealed.contains(&secret.value));
    let opened = credential_key().open(&stored.sealed_secret, &id).unwrap();
    assert_eq!(opened, secret.value.as_bytes());

    // The organizations list shows it, and connecting again renews it.
    let (status, text) = connect(&server.url, &body(CONTOSO.id, &client_id, &secret.value)).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let again: ApplicationConnected = serde_json::from_str(&text).unwrap();
    assert!(again.already_connected);
    assert_eq!(again.organization.id.0, id);
}

#[tokio::test]
async fn a_wrong_secret_is_refused_with_what_to_copy() {
    let (data, server) = server();
    let (client_id, _) = consented(data.path());
    let (status, text) = connect(
        &server.url,
        &body("contoso.com", &client_id, "abc8Q~not-the-secret"),
    )
    .await;
    let (field, code, message) = refused(status, &text);
    assert_eq!(
        (field.as_str(), code),
        ("client_secret", FieldErrorCode::Rejected)
    );
    assert!(message.contains("Value (not its Secret ID)"), "{message}");
}

#[tokio::test]
async fn an_expired_secret_says_to_make_a_new_one() {
    let (data, server) = server();
    let (client_id, secret) = consented(data.path());
    Authority::database(data.path())
        .unwrap()
        .write(|tx| registrations::expire_secrets(tx, &client_id, at(common::START)))
        .unwrap();
    let (status, text) =
        connect(&server.url, &body("contoso.com", &client_id, &secret.value)).await;
    let (field, code, message) = refused(status, &text);
    assert_eq!(
        (field.as_str(), code),
        ("client_secret", FieldErrorCode::Expired)
    );
    assert!(message.contains("Make a new one"), "{message}");
}

#[tokio::test]
async fn an_application_without_admin_consent_is_refused_and_nothing_is_stored() {
    let (data, server) = server();
    let (client_id, secret) = register(data.path(), CONTOSO, &[], "2027-06-01T00:00:00Z");
    let (status, text) =
        connect(&server.url, &body("contoso.com", &client_id, &secret.value)).await;
    let (field, code, message) = refused(status, &text);
    assert_eq!(
        (field.as_str(), code),
        ("client_id", FieldErrorCode::ConsentMissing)
    );
    assert!(message.contains("Grant admin consent"), "{message}");
    let list = organizations(&server.url).await;
    assert_eq!(list["organizations"], json!([]));
}

#[tokio::test]
async fn a_missing_permission_is_named() {
    let (data, server) = server();
    let (client_id, secret) = register(
        data.path(),
        CONTOSO,
        &["Organization.Read.All", "User.Read.All"],
        "2027-06-01T00:00:00Z",
    );
    let (status, text) =
        connect(&server.url, &body("contoso.com", &client_id, &secret.value)).await;
    let (field, code, message) = refused(status, &text);
    assert_eq!(
        (field.as_str(), code),
        ("client_id", FieldErrorCode::PermissionMissing)
    );
    assert!(message.contains("Mail.ReadWrite"), "{message}");
    assert!(!message.contains("User.Read.All"), "{message}");
}

#[tokio::test]
async fn an_unknown_tenant_or_application_is_named() {
    let (data, server) = server();
    let (client_id, secret) = consented(data.path());
    let (status, text) = connect(
        &server.url,
        &body("nowhere.example.com", &client_id, &secret.value),
    )
    .await;
    let (field, code, _) = refused(status, &text);
    assert_eq!((field.as_str(), code), ("tenant", FieldErrorCode::NotFound));

    // An application of Contoso does not sign in to Fabrikam.
    let (status, text) = connect(
        &server.url,
        &body("fabrikam.com", &client_id, &secret.value),
    )
    .await;
    let (field, code, message) = refused(status, &text);
    assert_eq!(
        (field.as_str(), code),
        ("client_id", FieldErrorCode::NotFound)
    );
    assert!(message.contains("Application (client) id"), "{message}");
}

#[tokio::test]
async fn what_cannot_be_an_application_is_refused_before_microsoft_is_asked() {
    let (_data, server) = server();
    let (status, text) = connect(
        &server.url,
        &json!({
            "tenant": "",
            "client_id": "client",
            "client_secret": "",
            "secret_expires_on": "2026-11-30",
        }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text}");
    let error: ErrorBody = serde_json::from_str(&text).unwrap();
    let named: Vec<(&str, FieldErrorCode)> = error
        .error
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.code))
        .collect();
    assert_eq!(
        named,
        [
            ("tenant", FieldErrorCode::Required),
            ("client_id", FieldErrorCode::Malformed),
            ("client_secret", FieldErrorCode::Required),
            // The server's clock says 1 December 2026: the day before has passed.
            ("secret_expires_on", FieldErrorCode::Expired),
        ]
    );
}

#[tokio::test]
async fn re_authorizing_with_another_tenants_application_is_refused() {
    let (data, server) = server();
    let (client_id, secret) = consented(data.path());
    let (_, text) = connect(&server.url, &body("contoso.com", &client_id, &secret.value)).await;
    let contoso: ApplicationConnected = serde_json::from_str(&text).unwrap();
    let fabrikam = &TENANTS[1];
    let (other_id, other_secret) = register(
        data.path(),
        fabrikam,
        GRAPH_PERMISSIONS,
        "2027-06-01T00:00:00Z",
    );
    let mut request = body("fabrikam.com", &other_id, &other_secret.value);
    request["reauthorize"] = json!(contoso.organization.id.0);
    let (status, text) = connect(&server.url, &request).await;
    let (field, code, message) = refused(status, &text);
    assert_eq!(
        (field.as_str(), code),
        ("tenant", FieldErrorCode::NotOffered)
    );
    assert!(message.contains("Contoso Ltd"), "{message}");
}

/// The organizations as the API lists them, as JSON.
async fn organizations(url: &str) -> Value {
    common::get_json(url, paths::ORGANIZATIONS).await
}

/// The settings of organization `id`, as the Edit panel reads them.
async fn settings(url: &str, id: &str) -> Value {
    common::get_json(url, &format!("{}/{id}/settings", paths::ORGANIZATIONS)).await
}

/// Runs a health-check pass over `data` as the running server's scheduler would a day later
/// (its clock is ahead): every credential not checked for an hour is checked.
async fn check_health(data: &std::path::Path, server: &RunningServer) -> usize {
    check_health_at(data, server, "2026-12-02T09:00:00Z").await
}

/// Runs a health-check pass as the server's scheduler would at `instant`.
async fn check_health_at(data: &std::path::Path, server: &RunningServer, instant: &str) -> usize {
    let checker = common::state_with(
        common::open_db(data),
        Clock::starting_at(at(instant)),
        DEFAULT_LICENCES,
        format!("{}/organizations", server.url),
        format!("{}/graph", server.url),
    );
    checker
        .connections
        .check_due_credentials(Duration::from_secs(3600))
        .await
        .unwrap()
}

#[tokio::test]
async fn the_api_tells_the_credentials_kind_and_expiry_and_a_healthy_one_stays_so() {
    let (data, server) = server();
    let (client_id, secret) = consented(data.path());
    connect(&server.url, &body("contoso.com", &client_id, &secret.value)).await;

    assert_eq!(check_health(data.path(), &server).await, 0);
    let list = organizations(&server.url).await;
    let contoso = &list["organizations"][0];
    assert_eq!(contoso["secret_expires_at"], "2027-06-01T00:00:00Z");
    assert_eq!(contoso.get("credential_problem"), None);
    assert_eq!(contoso["status"], "never_backed_up");
    assert!(!list.to_string().contains(&secret.value));

    // The Edit panel's settings tell which application, and what kind of credential.
    let id = contoso["id"].as_str().unwrap();
    let settings = settings(&server.url, id).await;
    assert_eq!(
        settings["credential"],
        json!({
            "kind": "client_secret",
            "client_id": client_id,
            "expires_at": "2027-06-01T00:00:00Z",
        })
    );
    assert!(!settings.to_string().contains(&secret.value));
}

#[tokio::test]
async fn a_revoked_consent_shows_after_the_next_check_and_entering_the_application_again_mends_it()
{
    let (data, server) = server();
    let (client_id, secret) = consented(data.path());
    let (_, text) = connect(&server.url, &body("contoso.com", &client_id, &secret.value)).await;
    let contoso: ApplicationConnected = serde_json::from_str(&text).unwrap();
    Authority::database(data.path())
        .unwrap()
        .write(|tx| registrations::revoke_consent(tx, &client_id))
        .unwrap();

    assert_eq!(check_health(data.path(), &server).await, 1);
    let list = organizations(&server.url).await;
    let shown = &list["organizations"][0];
    assert_eq!(shown["status"], "needs_reauthorization");
    assert_eq!(shown["credential_problem"], "consent_revoked");
    assert_eq!(shown["next_backup_at"], Value::Null);
    // Checked now, it is not checked again within the period.
    assert_eq!(check_health(data.path(), &server).await, 0);

    // Re-authorizing with a consented application of the same tenant mends it.
    let (other_id, other_secret) = consented(data.path());
    let mut request = body("contoso.com", &other_id, &other_secret.value);
    request["reauthorize"] = json!(contoso.organization.id.0);
    let (status, text) = connect(&server.url, &request).await;
    assert_eq!(status, StatusCode::OK, "{text}");
    let list = organizations(&server.url).await;
    let shown = &list["organizations"][0];
    assert_eq!(shown["status"], "never_backed_up");
    assert_eq!(shown.get("credential_problem"), None);
    let id = shown["id"].as_str().unwrap();
    let settings = settings(&server.url, id).await;
    assert_eq!(settings["credential"]["client_id"], json!(other_id));
}

#[tokio::test]
async fn an_expired_or_deleted_secret_is_found_by_the_check() {
    let (data, server) = server();
    let (client_id, secret) = consented(data.path());
    connect(&server.url, &body("contoso.com", &client_id, &secret.value)).await;
    Authority::database(data.path())
        .unwrap()
        .write(|tx| registrations::expire_secrets(tx, &client_id, at(common::START)))
        .unwrap();
    assert_eq!(check_health(data.path(), &server).await, 1);
    let list = organizations(&server.url).await;
    assert_eq!(
        list["organizations"][0]["credential_problem"],
        "secret_expired"
    );
}

/// Asks the server at `url` for a certificate.
async fn make_certificate(url: &str) -> ApplicationCertificate {
    let answer = Client::new()
        .post(format!("{url}/api/v1{}", paths::CERTIFICATES))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::CREATED);
    let text = answer.text().await.unwrap();
    assert!(!text.contains("PRIVATE KEY"), "{text}");
    serde_json::from_str(&text).unwrap()
}

/// Uploads `certificate` to application `client_id`, as the admin does in Entra.
fn upload(data: &std::path::Path, client_id: &str, certificate: &ApplicationCertificate) {
    let uploaded = xms_server::certificate::read_pem(certificate.pem.as_bytes()).unwrap();
    let found = Authority::database(data)
        .unwrap()
        .write(|tx| registrations::upload_certificate(tx, client_id, &uploaded))
        .unwrap();
    assert!(found);
}

fn with_certificate(client_id: &str, certificate_id: &str) -> Value {
    json!({
        "tenant": "contoso.com",
        "client_id": client_id,
        "certificate_id": certificate_id,
    })
}

#[tokio::test]
async fn a_certificate_xms_makes_signs_in_once_uploaded_and_its_key_is_never_answered() {
    let (data, server) = server();
    let (client_id, _) = consented(data.path());
    let certificate = make_certificate(&server.url).await;
    assert!(certificate.pem.starts_with("-----BEGIN CERTIFICATE-----"));
    assert_eq!(certificate.expires_at, "2028-11-30T09:00:00Z");
    assert_eq!(certificate.thumbprint.len(), 40);

    // Not uploaded yet: Microsoft refuses the assertion, and the words say where to upload.
    let (status, text) = connect(&server.url, &with_certificate(&client_id, &certificate.id)).await;
    let (field, code, message) = refused(status, &text);
    assert_eq!(
        (field.as_str(), code),
        ("certificate_id", FieldErrorCode::Rejected)
    );
    assert!(message.contains("Certificates & secrets"), "{message}");

    upload(data.path(), &client_id, &certificate);
    let (status, text) = connect(&server.url, &with_certificate(&client_id, &certificate.id)).await;
    assert_eq!(status, StatusCode::CREATED, "{text}");
    let connected: ApplicationConnected = serde_json::from_str(&text).unwrap();
    assert_eq!(connected.organization.name, "Contoso Ltd");
    assert_eq!(
        connected.organization.certificate_expires_at.as_deref(),
        Some("2028-11-30T09:00:00Z")
    );
    assert_eq!(connected.organization.secret_expires_at, None);

    // The key is sealed for the organization; the settings tell the kind and thumbprint.
    let id = connected.organization.id.0.clone();
    let stored = common::open_db(data.path())
        .read(|conn| credentials::get(conn, &id))
        .unwrap()
        .unwrap();
    assert!(credential_key().open(&stored.sealed_secret, &id).is_some());
    let settings = settings(&server.url, &id).await;
    assert_eq!(
        settings["credential"],
        json!({
            "kind": "certificate",
            "client_id": client_id,
            "expires_at": "2028-11-30T09:00:00Z",
            "thumbprint": certificate.thumbprint,
        })
    );
    // It signs in at the health check too.
    assert_eq!(check_health(data.path(), &server).await, 0);

    // A certificate connected with is no longer pending, and an unknown one is named so.
    let (status, text) = connect(&server.url, &with_certificate(&client_id, &certificate.id)).await;
    let (field, code, _) = refused(status, &text);
    assert_eq!(
        (field.as_str(), code),
        ("certificate_id", FieldErrorCode::NotFound)
    );
}

#[tokio::test]
async fn an_expired_certificate_is_found_by_the_check() {
    let (data, server) = server();
    let (client_id, _) = consented(data.path());
    let certificate = make_certificate(&server.url).await;
    upload(data.path(), &client_id, &certificate);
    connect(&server.url, &with_certificate(&client_id, &certificate.id)).await;

    assert_eq!(
        check_health_at(data.path(), &server, "2028-11-30T09:00:00Z").await,
        1
    );
    let list = organizations(&server.url).await;
    let shown = &list["organizations"][0];
    assert_eq!(shown["credential_problem"], "certificate_expired");
    assert_eq!(shown["status"], "needs_reauthorization");
}

#[tokio::test]
async fn a_failed_backup_has_the_credential_checked_at_the_next_pass() {
    let (data, server) = server();
    let (client_id, secret) = consented(data.path());
    let (_, text) = connect(&server.url, &body("contoso.com", &client_id, &secret.value)).await;
    let contoso: ApplicationConnected = serde_json::from_str(&text).unwrap();
    let id = contoso.organization.id;
    Authority::database(data.path())
        .unwrap()
        .write(|tx| registrations::revoke_consent(tx, &client_id))
        .unwrap();
    // Checked when it connected: a pass five minutes later leaves it be.
    let soon = "2026-12-01T09:05:00Z";
    assert_eq!(check_health_at(data.path(), &server, soon).await, 0);

    common::open_db(data.path())
        .write(|tx| organizations::set_backup_failure(tx, &id.0, "Microsoft Graph refused."))
        .unwrap();
    let client = Client::new();
    let job: Job = client
        .post(format!("{}/api/v1{}", server.url, backups_path(&id)))
        .bearer_auth(TOKEN)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    // Polled until the simulated worker ends it (a second of backup, here).
    for _ in 0..100 {
        let now: Job = common::get_json(&server.url, &job_path(&job.id)).await;
        if matches!(now.state, JobState::Failed { .. }) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(check_health_at(data.path(), &server, soon).await, 1);
    let list = organizations(&server.url).await;
    assert_eq!(
        list["organizations"][0]["credential_problem"],
        "consent_revoked"
    );
}
