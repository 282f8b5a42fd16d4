//! The device-login pages a person signs in on, in Microsoft's order: enter the code, pick an
//! account, consent to Xopero Registrator, done. Plain HTML forms, so they work without script.
//! Also the pages a browser reaches from discovery: the authorize endpoint's error page (this
//! authority's one application signs in with a device code, so any redirect flow is refused as
//! Microsoft refuses it) and the signed-out page of the end-session endpoint.

use std::net::SocketAddr;

use axum::{
    Extension,
    extract::{
        ConnectInfo, Form, Path, Query, State,
        rejection::{FormRejection, QueryRejection},
    },
    http::StatusCode,
    response::{IntoResponse, Response},
};
use maud::{DOCTYPE, Markup, html};
use serde::Deserialize;

use super::{
    Authority, XOPERO_REGISTRATOR_CLIENT_ID, XOPERO_REGISTRATOR_NAME,
    directory::{self, Account, Tenant, TenantHint},
    language::Words,
    normalize_user_code, registrations,
    store::{self, DeviceAuthorization, DeviceState},
};
use crate::db::DbError;

const STYLE: &str = "
body { margin: 0; font-family: 'Segoe UI', system-ui, sans-serif; background: #f2f2f2; color: #1b1b1b; }
main { box-sizing: border-box; max-width: 440px; margin: 48px auto; padding: 44px; background: #fff;
       box-shadow: 0 2px 6px rgba(0,0,0,.2); }
h1 { font-size: 24px; font-weight: 600; margin: 16px 0; }
.brand { font-weight: 600; color: #5e5e5e; letter-spacing: .02em; }
label { display: block; margin: 16px 0 4px; }
input[type=text] { width: 100%; box-sizing: border-box; padding: 6px 8px; font-size: 18px;
                   letter-spacing: .1em; border: 0; border-bottom: 1px solid #666; }
input[aria-invalid=true] { border-bottom-color: #e81123; }
.error { color: #e81123; }
.actions { display: flex; justify-content: flex-end; gap: 8px; margin-top: 24px; }
button { min-width: 108px; min-height: 32px; padding: 4px 12px; font: inherit; cursor: pointer;
         border: 1px solid #0067b8; background: #0067b8; color: #fff; }
button.secondary { background: #ccc; border-color: #ccc; color: #000; }
button:focus-visible { outline: 2px solid #000; outline-offset: 2px; }
ul.accounts { list-style: none; padding: 0; margin: 0; }
ul.accounts button { width: 100%; text-align: left; background: #fff; color: #1b1b1b; border: 0;
                     border-bottom: 1px solid #ddd; padding: 12px 8px; }
ul.accounts button:hover { background: #e6e6e6; }
.upn { display: block; color: #5e5e5e; font-size: 13px; }
";

fn page(words: Words, title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(words.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (words.t_with("page-title", &[("title", title)])) }
                style { (STYLE) }
            }
            body {
                main {
                    p.brand { (words.t("brand")) }
                    (body)
                }
            }
        }
    }
}

fn respond(words: Words, status: StatusCode, title: &str, body: Markup) -> Response {
    (status, page(words, title, body)).into_response()
}

/// The first page: type the code.
fn code_page(words: Words, status: StatusCode, error: Option<&str>, typed: &str) -> Response {
    let title = words.t("code-title");
    respond(
        words,
        status,
        &title,
        html! {
            h1 { (title) }
            p { (words.t("code-text")) }
            form method="post" action="/devicelogin" {
                label for="otc" { (words.t("code-label")) }
                input #otc type="text" name="otc" value=(typed) autocomplete="off"
                    autocapitalize="characters" spellcheck="false" maxlength="64" required
                    autofocus aria-invalid=(error.is_some())
                    aria-describedby=[error.map(|_| "otc-error")];
                @if let Some(error) = error {
                    p #otc-error .error role="alert" { (error) }
                }
                div.actions { button type="submit" { (words.t("code-next")) } }
            }
        },
    )
}

/// `GET /devicelogin`
pub(super) async fn code_form(words: Words) -> Response {
    code_page(words, StatusCode::OK, None, "")
}

#[derive(Deserialize)]
pub(super) struct CodeForm {
    otc: String,
}

/// The pending authorization a typed code belongs to, or the code page saying what is wrong.
async fn pending(
    state: &Authority,
    words: Words,
    typed: &str,
) -> Result<DeviceAuthorization, Response> {
    let code = normalize_user_code(typed);
    let db = state.db.clone();
    let lookup = code.clone();
    let found = db
        .query(move |conn| store::device_authorization_by_user_code(conn, &lookup))
        .await
        .map_err(|error: DbError| super::failed(&error))?;
    let refuse = |error: String| code_page(words, StatusCode::BAD_REQUEST, Some(&error), typed);
    match found {
        None => Err(refuse(words.t("code-wrong"))),
        Some(found) if state.clock.now_ms() >= found.expires_at => {
            Err(refuse(words.t("code-expired")))
        }
        Some(found) if found.state != DeviceState::Pending => Err(refuse(words.t("code-used"))),
        Some(found) => Ok(found),
    }
}

/// `POST /devicelogin`: check the code, then offer the accounts.
pub(super) async fn code_submit(
    State(state): State<Authority>,
    words: Words,
    client: Option<Extension<ConnectInfo<SocketAddr>>>,
    form: Result<Form<CodeForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return code_missing(words);
    };
    // Counted per client address: a person needs one or two tries, a guesser needs millions.
    let key = client.map_or_else(|| "unknown".to_owned(), |c| c.0.0.ip().to_string());
    if state.code_attempts.check_key(&key).is_err() {
        return code_page(
            words,
            StatusCode::TOO_MANY_REQUESTS,
            Some(&words.t("code-too-many")),
            &form.otc,
        );
    }
    match pending(&state, words, &form.otc).await {
        Ok(found) => account_page(words, &found),
        Err(response) => response,
    }
}

/// The code page for a form that came without its code.
fn code_missing(words: Words) -> Response {
    code_page(
        words,
        StatusCode::BAD_REQUEST,
        Some(&words.t("code-missing")),
        "",
    )
}

fn account_page(words: Words, found: &DeviceAuthorization) -> Response {
    let accounts = directory::TENANTS
        .iter()
        .filter(|tenant| directory::admits(&found.tenant_hint, tenant))
        .flat_map(|tenant| tenant.accounts.iter());
    let title = words.t("account-title");
    // The app's name sits where each language's grammar puts it, and stands out there.
    let continue_to = words.t_with("account-continue", &[("app", XOPERO_REGISTRATOR_NAME)]);
    respond(
        words,
        StatusCode::OK,
        &title,
        html! {
            h1 { (title) }
            p {
                @if let Some((before, after)) = continue_to.split_once(XOPERO_REGISTRATOR_NAME) {
                    (before) strong { (XOPERO_REGISTRATOR_NAME) } (after)
                } @else {
                    (continue_to)
                }
            }
            ul.accounts aria-label=(words.t("account-list")) {
                @for account in accounts {
                    li {
                        form method="post" action="/devicelogin/account" {
                            input type="hidden" name="otc" value=(found.user_code);
                            input type="hidden" name="account" value=(account.upn);
                            button type="submit" {
                                (account.name)
                                span.upn { (account.upn) }
                            }
                        }
                    }
                }
            }
        },
    )
}

#[derive(Deserialize)]
pub(super) struct AccountForm {
    otc: String,
    account: String,
}

type Choice = (DeviceAuthorization, &'static Tenant, &'static Account);

/// The pending authorization of `otc` and the account `upn` picked for it, or the page to
/// show instead: the code page when the code is no good, the account list when the account is
/// not one the request admits.
async fn chosen(state: &Authority, words: Words, otc: &str, upn: &str) -> Result<Choice, Response> {
    let found = pending(state, words, otc).await?;
    match directory::account(upn)
        .filter(|(tenant, _)| directory::admits(&found.tenant_hint, tenant))
    {
        Some((tenant, account)) => Ok((found, tenant, account)),
        None => Err(account_page(words, &found)),
    }
}

/// `POST /devicelogin/account`: ask for consent (or explain that an administrator must).
pub(super) async fn account_submit(
    State(state): State<Authority>,
    words: Words,
    form: Result<Form<AccountForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return code_missing(words);
    };
    let (found, _, account) = match chosen(&state, words, &form.otc, &form.account).await {
        Ok(choice) => choice,
        Err(page) => return page,
    };
    if !account.global_admin {
        let title = words.t("admin-title");
        return respond(
            words,
            StatusCode::FORBIDDEN,
            &title,
            html! {
                h1 { (title) }
                p {
                    (words.t_with("admin-text", &[
                        ("app", XOPERO_REGISTRATOR_NAME),
                        ("account", account.upn),
                    ]))
                }
                form method="post" action="/devicelogin" {
                    input type="hidden" name="otc" value=(found.user_code);
                    div.actions { button type="submit" { (words.t("admin-other-account")) } }
                }
            },
        );
    }
    respond(
        words,
        StatusCode::OK,
        &words.t("consent-title"),
        html! {
            p { (account.upn) }
            h1 { (words.t_with("consent-question", &[("app", XOPERO_REGISTRATOR_NAME)])) }
            p { (words.t("consent-warning")) }
            form method="post" action="/devicelogin/consent" {
                input type="hidden" name="otc" value=(found.user_code);
                input type="hidden" name="account" value=(account.upn);
                div.actions {
                    button.secondary type="submit" name="decision" value="cancel" {
                        (words.t("consent-cancel"))
                    }
                    button type="submit" name="decision" value="continue" {
                        (words.t("consent-continue"))
                    }
                }
            }
        },
    )
}

#[derive(Deserialize)]
pub(super) struct ConsentForm {
    otc: String,
    account: String,
    decision: String,
}

/// `POST /devicelogin/consent`: settle the authorization and say so.
pub(super) async fn consent_submit(
    State(state): State<Authority>,
    words: Words,
    form: Result<Form<ConsentForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return code_missing(words);
    };
    let (found, tenant, account) = match chosen(&state, words, &form.otc, &form.account).await {
        Ok((found, _, account)) if !account.global_admin => return account_page(words, &found),
        Ok(choice) => choice,
        Err(page) => return page,
    };
    let db = state.db.clone();
    let (code, upn) = (found.user_code.clone(), account.upn);
    let continues = form.decision == "continue";
    let settled = match db
        .query(move |conn| {
            let outcome = match continues {
                true if registrations::blocks_device_code(conn, tenant)? => DeviceState::Blocked,
                true => DeviceState::Approved,
                false => DeviceState::Declined,
            };
            let settled = store::settle_device_authorization(conn, &code, outcome, upn)?;
            Ok::<_, DbError>((settled, outcome))
        })
        .await
    {
        Ok(settled) => settled,
        Err(error) => return super::failed(&error),
    };
    let (settled, outcome) = settled;
    if !settled {
        return code_page(
            words,
            StatusCode::CONFLICT,
            Some(&words.t("code-used")),
            &form.otc,
        );
    }
    match outcome {
        DeviceState::Approved => respond(
            words,
            StatusCode::OK,
            XOPERO_REGISTRATOR_NAME,
            html! {
                h1 { (XOPERO_REGISTRATOR_NAME) }
                p { (words.t_with("done-text", &[("app", XOPERO_REGISTRATOR_NAME)])) }
            },
        ),
        DeviceState::Blocked => {
            let title = words.t("blocked-title");
            respond(
                words,
                StatusCode::FORBIDDEN,
                &title,
                html! {
                    h1 { (title) }
                    p { (words.t_with("blocked-text", &[("organization", tenant.name)])) }
                    p { (words.t_with("blocked-code", &[("code", "53003")])) }
                },
            )
        }
        _ => {
            let title = words.t("cancelled-title");
            respond(
                words,
                StatusCode::OK,
                &title,
                html! {
                    h1 { (title) }
                    p { (words.t_with("cancelled-text", &[("app", XOPERO_REGISTRATOR_NAME)])) }
                },
            )
        }
    }
}

/// What an authorization request names (all optional: a missing one is the error shown).
#[derive(Deserialize)]
pub(super) struct AuthorizeQuery {
    client_id: Option<String>,
    redirect_uri: Option<String>,
}

/// `GET /{tenant}/oauth2/v2.0/authorize`: Microsoft's error page for a request it will not
/// redirect back from. An unknown tenant or application is named as Microsoft names it; Xopero
/// Registrator has no redirect URIs (it signs in with a device code), so for it every redirect
/// URI is one it does not have, AADSTS50011.
pub(super) async fn authorize_get(
    words: Words,
    Path(tenant): Path<TenantHint>,
    query: Result<Query<AuthorizeQuery>, QueryRejection>,
) -> Response {
    let query = query.ok().map(|Query(query)| query);
    let client_id = query
        .as_ref()
        .and_then(|q| q.client_id.as_deref())
        .unwrap_or("");
    let redirect_uri = query
        .as_ref()
        .and_then(|q| q.redirect_uri.as_deref())
        .unwrap_or("");
    let (error, description) = if !directory::knows(&tenant) {
        (
            "invalid_tenant",
            format!(
                "AADSTS90002: Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud."
            ),
        )
    } else if client_id.is_empty() {
        (
            "invalid_request",
            "AADSTS900144: The request body must contain the following parameter: 'client_id'."
                .to_owned(),
        )
    } else if client_id != XOPERO_REGISTRATOR_CLIENT_ID {
        (
            "unauthorized_client",
            format!(
                "AADSTS700016: Application with identifier '{client_id}' was not found in the directory."
            ),
        )
    } else {
        (
            "invalid_request",
            format!(
                "AADSTS50011: The redirect URI '{redirect_uri}' specified in the request does not match the redirect URIs configured for the application '{client_id}'. {XOPERO_REGISTRATOR_NAME} signs in with a device code only."
            ),
        )
    };
    let title = words.t("authorize-title");
    respond(
        words,
        StatusCode::BAD_REQUEST,
        &title,
        html! {
            h1 { (title) }
            p.error role="alert" { (description) }
            p { (words.t_with("authorize-error", &[("error", error)])) }
        },
    )
}

/// `GET /{tenant}/oauth2/v2.0/logout`: signed out. The authority keeps no browser session (each
/// sign-in types its code afresh), so there is nothing more to end.
pub(super) async fn logout_get(words: Words) -> Response {
    let title = words.t("signed-out-title");
    respond(
        words,
        StatusCode::OK,
        &title,
        html! {
            h1 { (title) }
            p { (words.t("signed-out-text")) }
        },
    )
}
