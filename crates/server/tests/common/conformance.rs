//! Holds the server to its OpenAPI document: every answer of the API the tests receive has a
//! status the document lists for its operation and a body its schema accepts, every request
//! body the server accepts is one the document accepts, and every change-stream event is a
//! `ServerEvent`. And no answer or event holds a client secret. A difference panics, naming
//! it, so the test that met it fails.

use std::{
    collections::HashMap,
    sync::{Arc, LazyLock, Mutex},
};

use axum::{
    body::{Body, Bytes},
    extract::Request,
    http::{Method, StatusCode, header},
    middleware::Next,
    response::Response,
};
use http_body_util::BodyExt;
use jsonschema::Validator;
use serde_json::Value;
use xms_m365_contract::paths::API_BASE;

/// The document the server serves at `/api/v1/openapi.json`.
static DOCUMENT: LazyLock<Value> = LazyLock::new(|| {
    serde_json::from_str(&xms_server::api::openapi_json()).expect("the document is JSON")
});

/// Compiled schemas by their JSON pointer into the document.
static VALIDATORS: LazyLock<Mutex<HashMap<String, Arc<Validator>>>> = LazyLock::new(Mutex::default);

/// The validator of the schema at `pointer` (`#/…`) in the document, whose references
/// resolve within it.
fn validator(pointer: &str) -> Arc<Validator> {
    let mut cache = VALIDATORS.lock().unwrap_or_else(|p| p.into_inner());
    cache
        .entry(pointer.to_owned())
        .or_insert_with(|| {
            // The whole document is the root, so `#/components/schemas/…` resolves; its other
            // members are keywords JSON Schema does not know, which it ignores.
            let mut root = DOCUMENT.clone();
            // As a URI fragment: path templates' braces percent-encoded.
            let fragment = pointer.replace('{', "%7B").replace('}', "%7D");
            root["$ref"] = Value::String(fragment);
            let compiled = jsonschema::draft202012::new(&root)
                .unwrap_or_else(|error| panic!("the schema at {pointer} compiles: {error}"));
            Arc::new(compiled)
        })
        .clone()
}

/// Why `value` is not what the schema at `pointer` accepts, if it is not.
fn refusals(pointer: &str, value: &Value) -> Vec<String> {
    validator(pointer)
        .iter_errors(value)
        .map(|error| format!("{} at {}", error, error.instance_path()))
        .collect()
}

/// `~` and `/` escaped for a JSON pointer.
fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// The document's path template that `path` (below the API base) matches: the one with the
/// most literal segments, so `/m365/connections/{id}` loses to a literal path of that shape.
fn template(path: &str) -> Option<&'static str> {
    let segments: Vec<&str> = path.split('/').collect();
    DOCUMENT["paths"]
        .as_object()?
        .keys()
        .filter_map(|template| {
            let parts: Vec<&str> = template.split('/').collect();
            let matches = parts.len() == segments.len()
                && parts.iter().zip(&segments).all(|(part, segment)| {
                    part == segment || (part.starts_with('{') && part.ends_with('}'))
                });
            let literal = parts.iter().filter(|part| !part.starts_with('{')).count();
            matches.then_some((literal, template.as_str()))
        })
        .max_by_key(|(literal, _)| *literal)
        .map(|(_, template)| template)
}

/// The JSON pointer and the description of the operation `method` `path` is.
fn operation(call: &str, method: &Method, path: &str) -> (String, &'static Value) {
    let template = template(path).unwrap_or_else(|| panic!("{call}: no such path documented"));
    let pointer = format!(
        "#/paths/{}/{}",
        escape(template),
        method.as_str().to_lowercase()
    );
    let operation = DOCUMENT
        .pointer(&pointer[1..])
        .unwrap_or_else(|| panic!("{call}: the operation is not documented"));
    (pointer, operation)
}

/// Checks that the document lists an event stream as `method` `path`'s `status` answer.
fn check_stream(method: &Method, path: &str, status: StatusCode) {
    let call = format!("{method} {API_BASE}{path} → {status}");
    let (_, operation) = operation(&call, method, path);
    let streams = operation["responses"][status.as_str()]["content"]
        .get("text/event-stream")
        .is_some();
    assert!(
        streams,
        "{call}: the document lists no event stream as this answer"
    );
}

/// Panics when `body` holds what looks like a client secret: Microsoft Entra's (and the
/// development authority's, which every test's secrets are) have `8Q~` after their first
/// three characters. XMS takes secrets and never gives them back.
fn refuse_secrets(call: &str, body: &[u8]) {
    // A PEM private key, as a certificate's key would be written.
    for (marker, what) in [
        (&b"8Q~"[..], "a client secret"),
        (b"PRIVATE KEY", "a private key"),
    ] {
        let at = body
            .windows(marker.len())
            .position(|window| window == marker);
        if let Some(at) = at {
            let around =
                String::from_utf8_lossy(&body[at.saturating_sub(40)..body.len().min(at + 40)]);
            panic!("{call}: the answer holds {what}: …{around}…");
        }
    }
}

/// Checks a request and the answer to it against the document; panics naming what differs.
pub fn check(
    method: &Method,
    path: &str,
    request: Option<&Value>,
    status: StatusCode,
    content_type: Option<&str>,
    body: &[u8],
) {
    let call = format!("{method} {API_BASE}{path} → {status}");
    refuse_secrets(&call, body);
    // What no operation describes: an unknown path or method, and a body over the limit on
    // any route. Each is still the one error shape.
    let known = template(path).is_some_and(|template| {
        DOCUMENT["paths"][template]
            .get(method.as_str().to_lowercase())
            .is_some()
    });
    let generic = match status {
        StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED => !known,
        StatusCode::PAYLOAD_TOO_LARGE => true,
        _ => false,
    };
    if generic {
        let value: Value = serde_json::from_slice(body)
            .unwrap_or_else(|error| panic!("{call}: the body is not JSON: {error}"));
        let refused = refusals("#/components/schemas/ErrorBody", &value);
        assert!(
            refused.is_empty(),
            "{call}: not the error shape: {refused:?}\n{value}"
        );
        return;
    }
    let (operation_pointer, operation) = operation(&call, method, path);
    if let Some(request) = request
        && status.is_success()
        && operation
            .pointer("/requestBody/content/application~1json/schema")
            .is_some()
    {
        let refused = refusals(
            &format!("{operation_pointer}/requestBody/content/application~1json/schema"),
            request,
        );
        assert!(
            refused.is_empty(),
            "{call}: the server accepted a body its document refuses: {refused:?}\n{request}"
        );
    }
    let answer_pointer = format!("{operation_pointer}/responses/{}", status.as_u16());
    let answer = DOCUMENT
        .pointer(&answer_pointer[1..])
        .unwrap_or_else(|| panic!("{call}: the document lists no {status} for this operation"));
    let documented: Vec<&String> = answer["content"]
        .as_object()
        .map(|content| content.keys().collect())
        .unwrap_or_default();
    if body.is_empty() {
        assert!(
            documented.is_empty(),
            "{call}: no body, but the document promises {documented:?}"
        );
        return;
    }
    let kind = content_type
        .and_then(|value| value.split(';').next())
        .unwrap_or_default();
    assert!(
        documented.iter().any(|documented| *documented == kind),
        "{call}: a {kind} body, but the document promises {documented:?}"
    );
    if kind == "application/json" {
        let value: Value = serde_json::from_slice(body)
            .unwrap_or_else(|error| panic!("{call}: the body is not JSON: {error}"));
        let refused = refusals(
            &format!("{answer_pointer}/content/application~1json/schema"),
            &value,
        );
        assert!(
            refused.is_empty(),
            "{call}: the body is not what the document says: {refused:?}\n{value}"
        );
    }
}

/// Checks one change-stream event (its SSE `event` name and `data`) against the document.
pub fn check_event(name: &str, data: &Value) {
    refuse_secrets(&format!("the event {name}"), data.to_string().as_bytes());
    let refused = refusals("#/components/schemas/ServerEvent", data);
    assert!(
        refused.is_empty(),
        "the event {name} is not a ServerEvent: {refused:?}\n{data}"
    );
    assert_eq!(data["type"], name, "an event's name is its type");
}

/// Whether a schema of the document accepts `value` (for tests of the document's own limits).
pub fn accepts(pointer: &str, value: &Value) -> bool {
    refusals(pointer, value).is_empty()
}

/// A layer for the test servers' routers: checks every API request and answer with [`check`].
/// The change stream's answer is checked by its status and type only; its events are checked
/// where they are read.
pub async fn conform(request: Request, next: Next) -> Response {
    let method = request.method().clone();
    // The document itself is not among the operations it describes.
    let Some(path) = request
        .uri()
        .path()
        .strip_prefix(API_BASE)
        .filter(|path| *path != "/openapi.json")
        .map(str::to_owned)
    else {
        return next.run(request).await;
    };
    let (parts, body) = request.into_parts();
    let sent = body
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    let json_request = parts
        .headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value.as_bytes().starts_with(b"application/json"));
    let request_json = json_request
        .then(|| serde_json::from_slice::<Value>(&sent).ok())
        .flatten();
    let response = next.run(Request::from_parts(parts, Body::from(sent))).await;
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    if content_type.as_deref() == Some("text/event-stream") {
        check_stream(&method, &path, response.status());
        return response;
    }
    let (parts, body) = response.into_parts();
    let received: Bytes = body
        .collect()
        .await
        .map(|b| b.to_bytes())
        .unwrap_or_default();
    check(
        &method,
        &path,
        request_json.as_ref(),
        parts.status,
        content_type.as_deref(),
        &received,
    );
    Response::from_parts(parts, Body::from(received))
}
