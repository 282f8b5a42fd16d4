//! All HTTP between the module and XMS: one typed function per call, and the one error type
//! ([`ApiError`]) whose `Display` is the sentence shown to the administrator.

use std::sync::Arc;

use crate::{
    host::HostEvents,
    i18n::{I18n, Locale, t},
};

use gloo_net::http::{Request, RequestBuilder, Response};
use leptos::prelude::{Owner, on_cleanup};
use send_wrapper::SendWrapper;
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::AbortSignal;
use xms_m365_contract::{
    ApplicationCertificate, ApplicationConnected, Connection, ConnectionId, ErrorBody, ErrorCode,
    FieldError, GroupList, HistoryPage, Job, JobId, OrganizationId, OrganizationList,
    OrganizationSettings, Policy, PolicyPreview, PolicyView, ProtectionChange, ProtectionChanged,
    ProtectionPreview, ProtectionRefused, RegisterApplication, RunDetails, SavePolicy,
    SettingsView, Stale, StartConnection, StorageList, UserPage, WorkerList, backup_run_path,
    backups_path, connection_path, groups_path, job_cancel_path, organization_path, paths,
    policy_path, policy_preview_path, protection_path, protection_preview_path, settings_path,
    user_sync_path, users_path,
};

/// Why a call to XMS failed. [`ApiError::words`] is the sentence shown to the administrator;
/// `Display` is the English one, for the browser's console.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// The request never got an answer: XMS is down, or the network is.
    #[error(
        "XMS could not be reached. Check that XMS is running and your network connection works, then retry."
    )]
    Unreachable,
    /// XMS answered with its error shape; its message is meant for people.
    #[error("{message}")]
    Server {
        /// HTTP status.
        status: u16,
        /// XMS's error code.
        code: ErrorCode,
        /// XMS's sentence.
        message: String,
        /// The answer's text, whose `fields` (for a validation failure: what is wrong with each
        /// field) [`ApiError::field_errors`] reads.
        body: Arc<str>,
    },
    /// The host could not give a token for the session.
    #[error("Your XMS session has ended. Sign in to XMS again, then retry.")]
    SignedOut,
    /// XMS answered with something that is not what this module expects (a proxy's error page,
    /// a different API version).
    #[error(
        "XMS sent an answer this module does not understand (HTTP {status}). Retry; if it keeps happening, reload the page, and tell your XMS administrator if that does not help."
    )]
    UnexpectedResponse {
        /// HTTP status.
        status: u16,
    },
}

impl ApiError {
    /// The sentence for the administrator in the active language: XMS's own words when XMS
    /// answered (it speaks the language the module asks for), the module's otherwise.
    pub fn words(&self, i18n: I18n) -> String {
        match self {
            Self::Unreachable => t!(i18n, "error-unreachable"),
            Self::Server { message, .. } => message.clone(),
            Self::SignedOut => t!(i18n, "error-signed-out"),
            Self::UnexpectedResponse { status } => {
                t!(
                    i18n,
                    "error-unexpected-response",
                    status = status.to_string()
                )
            }
        }
    }
}

/// How requests prove the signed-in session.
#[derive(Debug, Clone)]
pub enum Credentials {
    /// A static bearer token.
    Bearer(Arc<str>),
    /// A host function returning a fresh bearer token (or a promise of one) for each request.
    Callback(Arc<SendWrapper<js_sys::Function>>),
    /// The browser's session cookie, with a CSRF token sent in a header.
    Cookie {
        /// The header's name, such as `X-CSRF-Token`.
        header: Arc<str>,
        /// The CSRF token.
        token: Arc<str>,
    },
}

/// Talks to the XMS API on behalf of the signed-in session.
#[derive(Debug, Clone)]
pub struct ApiClient {
    base_url: Arc<str>,
    credentials: Credentials,
    host: HostEvents,
    language: Option<I18n>,
}

impl ApiClient {
    /// A client for the API at `base_url` (such as `/api/v1`) using the bearer `token`.
    pub fn new(base_url: &str, token: &str) -> Self {
        Self::with(
            base_url,
            Credentials::Bearer(token.into()),
            HostEvents::none(),
        )
    }

    /// A client for the API at `base_url` proving the session with `credentials`; a 401
    /// is reported to the host through `host`.
    pub fn with(base_url: &str, credentials: Credentials, host: HostEvents) -> Self {
        Self {
            base_url: base_url.trim_end_matches('/').into(),
            credentials,
            host,
            language: None,
        }
    }

    /// The same client asking XMS to answer in the module's active language, so that XMS's
    /// own sentences (refusals, validation) read in it too.
    pub fn speaking(self, i18n: I18n) -> Self {
        Self {
            language: Some(i18n),
            ..self
        }
    }

    /// The connected organizations, sorted by name.
    pub async fn organizations(&self) -> Result<OrganizationList, ApiError> {
        self.get(paths::ORGANIZATIONS).await
    }

    /// Starts connecting an organization (or re-authorizing one): XMS gets a device code
    /// from Microsoft.
    pub async fn start_connection(&self, start: &StartConnection) -> Result<Connection, ApiError> {
        decode(
            self.send_json(Request::post(&self.url(paths::CONNECTIONS)), start)
                .await?,
        )
        .await
    }

    /// Connects an organization (or re-authorizes one) with an application its administrator
    /// registered: XMS checks it with Microsoft before storing anything.
    pub async fn register_application(
        &self,
        request: &RegisterApplication,
    ) -> Result<ApplicationConnected, ApiError> {
        let post = Request::post(&self.url(paths::APPLICATIONS));
        decode(self.send_json(post, request).await?).await
    }

    /// Makes a certificate for an organization's own application to sign in with.
    pub async fn make_certificate(&self) -> Result<ApplicationCertificate, ApiError> {
        let request = Request::post(&self.url(paths::CERTIFICATES));
        decode(self.send(request).await?).await
    }

    /// The workers that can back organizations up.
    pub async fn workers(&self) -> Result<WorkerList, ApiError> {
        self.view_get(paths::WORKERS).await
    }

    /// An organization's settings, with the version to save them against.
    pub async fn settings(&self, organization: &OrganizationId) -> Result<SettingsView, ApiError> {
        self.view_get(&settings_path(organization)).await
    }

    /// The application (client) id an organization signs in with, when it has its own, read
    /// from its settings with that field's code alone: the Connect dialog asks, and the
    /// panels' whole settings view stays in their chunk.
    pub async fn application_of(
        &self,
        organization: &OrganizationId,
    ) -> Result<Option<String>, ApiError> {
        #[derive(serde::Deserialize)]
        struct Settings {
            credential: Option<Application>,
        }
        #[derive(serde::Deserialize)]
        struct Application {
            client_id: String,
        }
        let settings: Settings = self.get(&settings_path(organization)).await?;
        Ok(settings.credential.map(|c| c.client_id))
    }

    /// Saves an organization's settings over the version `etag`; when someone saved since,
    /// answers theirs.
    pub async fn save_settings(
        &self,
        organization: &OrganizationId,
        etag: &str,
        settings: &OrganizationSettings,
    ) -> Result<Change<SettingsView>, ApiError> {
        let request =
            Request::put(&self.url(&settings_path(organization))).header("If-Match", etag);
        decode_change(self.send_json(request, settings).await?).await
    }

    /// An organization's backup policy, with the version to save it against.
    pub async fn policy(&self, organization: &OrganizationId) -> Result<PolicyView, ApiError> {
        self.view_get(&policy_path(organization)).await
    }

    /// Saves a custom policy over the version `etag`; when someone saved since, answers
    /// theirs.
    pub async fn save_policy(
        &self,
        organization: &OrganizationId,
        etag: &str,
        save: &SavePolicy,
    ) -> Result<Change<PolicyView>, ApiError> {
        let request = Request::put(&self.url(&policy_path(organization))).header("If-Match", etag);
        decode_change(self.send_json(request, save).await?).await
    }

    /// Returns an organization to the default policy, over the version `etag`; when someone
    /// saved since, answers theirs.
    pub async fn reset_policy(
        &self,
        organization: &OrganizationId,
        etag: &str,
    ) -> Result<Change<PolicyView>, ApiError> {
        let request =
            Request::delete(&self.url(&policy_path(organization))).header("If-Match", etag);
        decode_change(self.send(request).await?).await
    }

    /// The next runs `policy` would start, as XMS computes them, or what is wrong with it.
    pub async fn preview_policy(
        &self,
        organization: &OrganizationId,
        policy: &Policy,
    ) -> Result<PolicyPreview, ApiError> {
        let request = Request::post(&self.url(&policy_preview_path(organization)));
        decode(self.send_json(request, policy).await?).await
    }

    /// Where backups can be stored.
    pub async fn storages(&self) -> Result<StorageList, ApiError> {
        self.view_get(paths::STORAGES).await
    }

    /// An organization's Microsoft 365 groups.
    pub async fn groups(&self, organization: &OrganizationId) -> Result<GroupList, ApiError> {
        self.view_get(&groups_path(organization)).await
    }

    /// A page of an organization's users; `query` is the page's query string (`search=…`).
    pub async fn users(
        &self,
        organization: &OrganizationId,
        query: &str,
    ) -> Result<UserPage, ApiError> {
        self.view_get(&format!("{}?{query}", users_path(organization)))
            .await
    }

    /// A page of an organization's backup runs; `query` is the query string (without `?`).
    pub async fn history(
        &self,
        organization: &OrganizationId,
        query: &str,
    ) -> Result<HistoryPage, ApiError> {
        self.view_get(&format!("{}?{query}", backups_path(organization)))
            .await
    }

    /// One backup run of an organization, with the items it skipped.
    pub async fn backup_run(
        &self,
        organization: &OrganizationId,
        run: &JobId,
    ) -> Result<RunDetails, ApiError> {
        self.view_get(&backup_run_path(organization, run)).await
    }

    /// What a protection change would do, changing nothing.
    pub async fn preview_protection(
        &self,
        organization: &OrganizationId,
        change: &ProtectionChange,
    ) -> Result<Protection<ProtectionPreview>, ApiError> {
        let request = Request::post(&self.url(&protection_preview_path(organization)));
        decode_protection(self.send_json(request, change).await?).await
    }

    /// Makes a protection change, all of it or, refused, none.
    pub async fn change_protection(
        &self,
        organization: &OrganizationId,
        change: &ProtectionChange,
    ) -> Result<Protection<ProtectionChanged>, ApiError> {
        let request = Request::post(&self.url(&protection_path(organization)));
        decode_protection(self.send_json(request, change).await?).await
    }

    /// Runs an organization's user sync now.
    pub async fn sync_users(
        &self,
        organization: &OrganizationId,
    ) -> Result<SettingsView, ApiError> {
        let request = Request::post(&self.url(&user_sync_path(organization)));
        decode(self.send(request).await?).await
    }

    /// Removes an organization from XMS.
    pub async fn remove_organization(&self, organization: &OrganizationId) -> Result<(), ApiError> {
        let response = self
            .send(Request::delete(&self.url(&organization_path(organization))))
            .await?;
        if response.ok() {
            Ok(())
        } else {
            Err(failure(response).await)
        }
    }

    /// Where a connection attempt stands.
    pub async fn connection(&self, id: &ConnectionId) -> Result<Connection, ApiError> {
        self.get(&connection_path(id)).await
    }

    /// Cancels a connection attempt.
    pub async fn cancel_connection(&self, id: &ConnectionId) -> Result<(), ApiError> {
        let response = self
            .send(Request::delete(&self.url(&connection_path(id))))
            .await?;
        if response.ok() {
            Ok(())
        } else {
            Err(failure(response).await)
        }
    }

    /// Starts a backup of an organization now.
    pub async fn start_backup(&self, organization: &OrganizationId) -> Result<Job, ApiError> {
        let request = Request::post(&self.url(&backups_path(organization)));
        decode(self.send(request).await?).await
    }

    /// Cancels a queued or running job.
    pub async fn cancel_job(&self, job: &JobId) -> Result<Job, ApiError> {
        let request = Request::post(&self.url(&job_cancel_path(job)));
        decode(self.send(request).await?).await
    }

    /// Opens the change stream, resuming after `last_event_id`; `abort` closes it. The
    /// response's body is the stream, as Server-Sent Events.
    pub async fn events(
        &self,
        last_event_id: Option<&str>,
        abort: &AbortSignal,
    ) -> Result<Response, ApiError> {
        let mut request = self
            .authorized(Request::get(&self.url(paths::EVENTS)))
            .await?
            .header("Accept", "text/event-stream")
            .abort_signal(Some(abort));
        if let Some(id) = last_event_id {
            request = request.header("Last-Event-ID", id);
        }
        let response = self.checked(request.send().await)?;
        if response.ok() {
            Ok(response)
        } else {
            Err(failure(response).await)
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        decode(self.send(Request::get(&self.url(path))).await?).await
    }

    /// A read for a view (the panels' loads): aborted when the view goes or reads again, as
    /// its answer would go nowhere. Only the panels' reads take it, so its code is in their
    /// chunk; the dashboard's reloads and the sign-in's polls follow no view.
    async fn view_get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        decode(self.send(self.view_read(path)).await?).await
    }

    /// [`Self::view_get`]'s request, compiled once rather than for every answer type.
    fn view_read(&self, path: &str) -> RequestBuilder {
        let request = Request::get(&self.url(path));
        if Owner::current().is_none() {
            return request;
        }
        let Ok(controller) = web_sys::AbortController::new() else {
            return request;
        };
        let request = request.abort_signal(Some(&controller.signal()));
        let controller = SendWrapper::new(controller);
        on_cleanup(move || controller.abort());
        request
    }

    /// `request` with the session's credentials.
    async fn authorized(&self, request: RequestBuilder) -> Result<RequestBuilder, ApiError> {
        let request = request.header("Accept", "application/json");
        let language = self
            .language
            .map_or(Locale::En, |i18n| i18n.locale_untracked());
        let request = request.header("Accept-Language", language.tag());
        Ok(match &self.credentials {
            Credentials::Bearer(token) => {
                request.header("Authorization", &format!("Bearer {token}"))
            }
            Credentials::Callback(get_token) => {
                let token = host_token(get_token).await?;
                request.header("Authorization", &format!("Bearer {token}"))
            }
            Credentials::Cookie { header, token } => request
                .credentials(web_sys::RequestCredentials::SameOrigin)
                .header(header, token),
        })
    }

    async fn send(&self, request: RequestBuilder) -> Result<Response, ApiError> {
        self.checked(self.authorized(request).await?.send().await)
    }

    async fn send_json<T: Serialize>(
        &self,
        request: RequestBuilder,
        body: &T,
    ) -> Result<Response, ApiError> {
        let request = self
            .authorized(request)
            .await?
            .json(body)
            .map_err(|_| ApiError::Unreachable)?;
        self.checked(request.send().await)
    }

    /// The response, once the host has been told of a refused session.
    fn checked(&self, sent: Result<Response, gloo_net::Error>) -> Result<Response, ApiError> {
        let response = sent.map_err(|_| ApiError::Unreachable)?;
        if response.status() == 401 {
            self.host.unauthorized();
        }
        Ok(response)
    }
}

impl ApiError {
    /// XMS's code for the error, if XMS answered.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            Self::Server { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// What XMS said about particular fields. Read from the answer only when a form asks:
    /// their decoding then travels in the forms' chunk, not in the first load.
    pub fn field_errors(&self) -> Vec<FieldError> {
        match self {
            Self::Server { body, .. } => serde_json::from_str::<ErrorBody>(body)
                .map(|body| body.error.fields)
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }

    /// Whether XMS asked to be asked less often.
    pub fn is_slow_down(&self) -> bool {
        matches!(
            self,
            Self::Server {
                code: ErrorCode::SlowDown,
                ..
            }
        )
    }
}

/// A token from the host's function, which may answer a promise.
async fn host_token(get_token: &SendWrapper<js_sys::Function>) -> Result<String, ApiError> {
    let answer = get_token
        .call0(&JsValue::NULL)
        .map_err(|_| ApiError::SignedOut)?;
    let token = match answer.dyn_into::<js_sys::Promise>() {
        Ok(promise) => JsFuture::from(promise)
            .await
            .map_err(|_| ApiError::SignedOut)?,
        Err(token) => token,
    };
    token
        .as_string()
        .filter(|token| !token.is_empty())
        .ok_or(ApiError::SignedOut)
}

/// Reads a response as `T`, or as XMS's error shape when it failed.
pub async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    let status = response.status();
    if response.ok() {
        return response
            .json::<T>()
            .await
            .map_err(|_| ApiError::UnexpectedResponse { status });
    }
    Err(failure(response).await)
}

/// What XMS answered a change of a versioned document.
#[derive(Debug, Clone, PartialEq)]
pub enum Change<D> {
    /// Saved: the document as it now is.
    Saved(D),
    /// Someone else saved first (412): their document, which came with the refusal.
    Stale(D),
}

/// Reads the answer to a versioned change: the document saved, theirs when it was stale, or
/// the error.
async fn decode_change<D: DeserializeOwned>(response: Response) -> Result<Change<D>, ApiError> {
    let status = response.status();
    if status != 412 {
        return decode(response).await.map(Change::Saved);
    }
    response
        .json::<Stale<D>>()
        .await
        .map(|stale| Change::Stale(stale.current))
        .map_err(|_| ApiError::UnexpectedResponse { status })
}

/// What XMS answered a protection change, or its preview.
#[derive(Debug, Clone, PartialEq)]
pub enum Protection<T> {
    /// Made (or, for a preview, what it would do).
    Done(T),
    /// Refused, nothing changed (409): why, and what it would have done.
    Refused(ProtectionRefused),
}

/// Reads the answer to a protection change: what it did, its refusal, or the error.
async fn decode_protection<T: DeserializeOwned>(
    response: Response,
) -> Result<Protection<T>, ApiError> {
    let status = response.status();
    if status != 409 {
        return decode(response).await.map(Protection::Done);
    }
    response
        .json::<ProtectionRefused>()
        .await
        .map(Protection::Refused)
        .map_err(|_| ApiError::UnexpectedResponse { status })
}

/// The error a failed response carries: XMS's error shape, or a description of what came.
async fn failure(response: Response) -> ApiError {
    let status = response.status();
    let unexpected = ApiError::UnexpectedResponse { status };
    let Ok(text) = response.text().await else {
        return unexpected;
    };
    match serde_json::from_str::<Failure>(&text) {
        Ok(Failure {
            error: FailureDetail { code, message },
        }) => ApiError::Server {
            status,
            code,
            message,
            body: text.into(),
        },
        Err(_) => unexpected,
    }
}

/// XMS's error shape ([`ErrorBody`]) as every failure is read: without its fields, which
/// [`ApiError::field_errors`] reads from the text for the forms that show them.
#[derive(Deserialize)]
struct Failure {
    error: FailureDetail,
}

/// [`Failure`]'s code and sentence.
#[derive(Deserialize)]
struct FailureDetail {
    code: ErrorCode,
    message: String,
}

#[cfg(test)]
mod tests {
    use leptos::{mount::mount_to, prelude::*};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    use super::ApiClient;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    async fn a_views_read_is_aborted_when_the_view_goes() {
        // A fetch that never answers and keeps the signal it was given.
        let window = web_sys::window().unwrap();
        let real_fetch = js_sys::Reflect::get(&window, &"fetch".into()).unwrap();
        let stub = js_sys::Function::new_with_args(
            "url, init",
            "globalThis.lastSignal = (init && init.signal) || url.signal; \
             return new Promise(() => {});",
        );
        js_sys::Reflect::set(&window, &"fetch".into(), &stub).unwrap();

        let document = window.document().unwrap();
        let host: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
        document.body().unwrap().append_child(&host).unwrap();
        let view = mount_to(host, || {
            let api = ApiClient::new("/api/v1", "token");
            let read = LocalResource::new(move || {
                let api = api.clone();
                async move { api.workers().await.is_ok() }
            });
            move || read.get().map(|ok| ok.to_string())
        });
        gloo_timers::future::TimeoutFuture::new(20).await;
        let signal = || -> web_sys::AbortSignal {
            js_sys::Reflect::get(&window, &"lastSignal".into())
                .unwrap()
                .unchecked_into()
        };
        assert!(
            !signal().aborted(),
            "the read is under way while its view is shown"
        );
        drop(view);
        gloo_timers::future::TimeoutFuture::new(20).await;
        assert!(
            signal().aborted(),
            "the read was not aborted when its view went"
        );
        js_sys::Reflect::set(&window, &"fetch".into(), &real_fetch).unwrap();
    }
}
