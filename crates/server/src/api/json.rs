//! The API's one JSON body extractor. A body that is not JSON is a 400 saying where it broke;
//! one that is JSON but not what the route takes (a field missing, of another type, a name
//! that is not offered) is a 422 `validation_failed` naming the offending field by its JSON
//! path and code, as the domain's own validation does, so a client shows it under the field.

use axum::{
    body::Bytes,
    extract::{FromRequest, Request},
    http::{HeaderMap, header},
};
use serde::de::DeserializeOwned;
use serde_json::error::Category;
use xms_m365_contract::{FieldError, FieldErrorCode};

use crate::error::AppError;

/// A request body of JSON that deserializes as `T`.
#[derive(Debug, Clone, Copy, Default)]
pub struct JsonBody<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for JsonBody<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        if !is_json(request.headers()) {
            return Err(AppError::UnsupportedMediaType);
        }
        let bytes = Bytes::from_request(request, state).await?;
        parse(&bytes).map(Self)
    }
}

/// An optional JSON body: none (or only white space) is `None`, whatever its type says.
#[derive(Debug, Clone, Default)]
pub struct OptionalJsonBody<T>(pub Option<T>);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for OptionalJsonBody<T> {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        let json = is_json(request.headers());
        let bytes = Bytes::from_request(request, state).await?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            Ok(Self(None))
        } else if json {
            parse(&bytes).map(|value| Self(Some(value)))
        } else {
            Err(AppError::UnsupportedMediaType)
        }
    }
}

/// Whether a request says its body is JSON (`application/json` or a `+json` type).
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(|essence| essence.trim().to_ascii_lowercase())
        .is_some_and(|essence| {
            essence == "application/json"
                || (essence.starts_with("application/") && essence.ends_with("+json"))
        })
}

/// `bytes` as a `T`, or the answer saying what is wrong with them.
fn parse<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let value = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|error| refusal(&error.path().to_string(), &error.into_inner()))?;
    deserializer.end().map_err(|error| refusal("", &error))?;
    Ok(value)
}

/// The answer to a body that failed with `error` at `path`.
fn refusal(path: &str, error: &serde_json::Error) -> AppError {
    let text = without_position(error);
    match error.classify() {
        Category::Data => AppError::invalid(vec![field_error(path, &text)]),
        Category::Syntax | Category::Eof | Category::Io => {
            AppError::BadRequest(format!("The request body is not valid JSON: {text}."))
        }
    }
}

/// serde's sentence without the line and column it appends.
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rsplit_once(" at line ") {
        Some((sentence, _)) => sentence.to_owned(),
        None => text,
    }
}

/// The field a data error at `path` is about, with its code: a missing field is named itself
/// (serde reports it at the object that lacks it).
fn field_error(path: &str, text: &str) -> FieldError {
    let path = if path == "." { "" } else { path };
    if let Some(name) = text
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        let field = if path.is_empty() {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        };
        return FieldError::new(field, FieldErrorCode::Required, "Give a value.");
    }
    let mut sentence: String = text.chars().take(1).flat_map(char::to_uppercase).collect();
    sentence.extend(text.chars().skip(1));
    sentence.push('.');
    FieldError::new(path, FieldErrorCode::NotOffered, sentence)
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)] // Read by serde only.
    struct Settings {
        mode: Mode,
        hours: u8,
        inner: Inner,
    }

    #[derive(Debug, Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Mode {
        Automatic,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)] // Read by serde only.
    struct Inner {
        days: u32,
    }

    fn refusal(body: &str) -> AppError {
        parse::<Settings>(body.as_bytes()).unwrap_err()
    }

    fn field(body: &str) -> (String, FieldErrorCode, String) {
        match refusal(body) {
            AppError::Validation { fields, .. } => {
                let field = fields.into_iter().next().unwrap();
                (field.field, field.code, field.message)
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_value_that_does_not_fit_names_its_field() {
        let (name, code, message) =
            field(r#"{"mode": "sometimes", "hours": 1, "inner": {"days": 1}}"#);
        assert_eq!((name.as_str(), code), ("mode", FieldErrorCode::NotOffered));
        assert_eq!(
            message,
            "Unknown variant `sometimes`, expected `automatic`."
        );
        let (name, ..) = field(r#"{"mode": "automatic", "hours": "1", "inner": {"days": 1}}"#);
        assert_eq!(name, "hours");
        let (name, ..) = field(r#"{"mode": "automatic", "hours": 1, "inner": {"days": -1}}"#);
        assert_eq!(name, "inner.days");
    }

    #[test]
    fn a_missing_field_is_named_itself() {
        let (name, code, _) = field(r#"{"mode": "automatic", "inner": {"days": 1}}"#);
        assert_eq!((name.as_str(), code), ("hours", FieldErrorCode::Required));
        let (name, ..) = field(r#"{"mode": "automatic", "hours": 1, "inner": {}}"#);
        assert_eq!(name, "inner.days");
    }

    #[test]
    fn what_is_not_json_is_a_bad_request_saying_so() {
        let trailing = r#"{"mode": "automatic", "hours": 1, "inner": {"days": 1}} x"#;
        for body in [r#"{"mode": "#, "", "{mode}", trailing] {
            match refusal(body) {
                AppError::BadRequest(message) => {
                    assert!(
                        message.starts_with("The request body is not valid JSON: "),
                        "{message}"
                    );
                    assert!(!message.contains("line"), "{message}");
                }
                other => panic!("{body}: {other:?}"),
            }
        }
    }
}
