//! The API's one query-string extractor: parameters that are not what the route takes (a
//! value that is not offered, not a number) are a 422 `validation_failed` naming the
//! parameter, as a body's fields are named ([`super::json`]); and the checks paged lists
//! share.

use axum::{extract::FromRequestParts, http::request::Parts};
use serde::de::DeserializeOwned;
use xms_m365_contract::{FieldError, FieldErrorCode};

use crate::error::AppError;

/// The query string, deserialized as `T`.
#[derive(Debug, Clone, Copy, Default)]
pub struct QueryParams<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for QueryParams<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, AppError> {
        parse(parts.uri.query().unwrap_or_default()).map(Self)
    }
}

/// What is wrong with asking for `page` of `page_size` (1 to `max`) of what `names` (one,
/// many) name.
pub fn paging_problems(
    page: u32,
    page_size: u32,
    max: u32,
    (one, many): (&str, &str),
) -> Vec<FieldError> {
    let mut problems = Vec::new();
    if page == 0 {
        problems.push(
            FieldError::new("page", FieldErrorCode::TooShort, "Pages count from 1.").limit(1),
        );
    }
    if page_size == 0 {
        problems.push(
            FieldError::new(
                "page_size",
                FieldErrorCode::TooShort,
                format!("Ask for at least 1 {one}."),
            )
            .limit(1),
        );
    }
    if page_size > max {
        problems.push(
            FieldError::new(
                "page_size",
                FieldErrorCode::TooLong,
                format!("A page holds at most {max} {many}."),
            )
            .limit(max),
        );
    }
    problems
}

/// `Err` with the 422 for `problems`, if there are any.
pub fn invalid(problems: Vec<FieldError>) -> Result<(), AppError> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(AppError::invalid(problems))
    }
}

/// `query` as a `T`, or the answer saying which parameter is wrong.
fn parse<T: DeserializeOwned>(query: &str) -> Result<T, AppError> {
    let deserializer =
        serde_urlencoded::Deserializer::new(form_urlencoded::parse(query.as_bytes()));
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        let path = error.path().to_string();
        let text = error.into_inner().to_string();
        let mut sentence: String = text.chars().take(1).flat_map(char::to_uppercase).collect();
        sentence.extend(text.chars().skip(1));
        sentence.push('.');
        // serde loses the path inside a flattened struct (the users list's filter): the
        // parameter at fault is then the one that fails on its own, as every parameter of a
        // query is optional.
        let parameter = if path == "." {
            form_urlencoded::parse(query.as_bytes())
                .find(|(name, value)| {
                    let alone = form_urlencoded::Serializer::new(String::new())
                        .append_pair(name, value)
                        .finish();
                    serde_urlencoded::from_str::<T>(&alone).is_err()
                })
                .map(|(name, _)| name.into_owned())
                .unwrap_or_default()
        } else {
            path
        };
        AppError::Validation {
            message: "Some query parameters are not valid. Correct them and ask again.".to_owned(),
            fields: vec![FieldError::new(
                parameter,
                FieldErrorCode::NotOffered,
                sentence,
            )],
        }
    })
}

#[cfg(test)]
mod tests {
    use xms_m365_contract::{UserQuery, UserSort, UserState};

    use super::*;

    #[test]
    fn parameters_are_read_with_their_defaults() {
        let query: UserQuery = parse("state=sign_in_blocked&sort=email&page=3").unwrap();
        assert_eq!(query.filter.state, Some(UserState::SignInBlocked));
        assert_eq!(
            (query.sort, query.page, query.page_size),
            (UserSort::Email, 3, 50)
        );
        assert_eq!(parse::<UserQuery>("").unwrap(), UserQuery::default());
    }

    #[test]
    fn a_wrong_parameter_is_named() {
        let Err(AppError::Validation { fields, .. }) = parse::<UserQuery>("page=first") else {
            panic!("accepted");
        };
        assert_eq!(fields[0].field, "page");
        let Err(AppError::Validation { fields, .. }) = parse::<UserQuery>("search=anna&kind=robot")
        else {
            panic!("accepted");
        };
        assert_eq!(fields[0].field, "kind");
        assert!(fields[0].message.contains("robot"), "{fields:?}");
    }
}
