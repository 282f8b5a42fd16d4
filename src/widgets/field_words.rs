//! The words for what is wrong with a field, from the code XMS gives it (`forms.ftl`, which
//! comes with the editors' chunk), and the line under a field that shows them.

use leptos::prelude::*;
use xms_m365_contract::{FieldError, FieldErrorCode};

use crate::i18n::{I18n, t};

/// What is wrong with a field, in the active language: the module's words for the codes it
/// knows on the fields it knows, XMS's own sentence for anything else (a newer XMS's code).
pub fn field_words(i18n: I18n, error: &FieldError) -> String {
    use FieldErrorCode::{
        InvalidDay, InvalidTime, NotApplicable, NotFound, NotOffered, NothingChosen, Required,
        TooLong, TooShort,
    };
    let field = error.field.as_str();
    if let Some(limit) = error.limit {
        let bounded = match (error.code, field) {
            (TooShort, "retention.full_days") => Some(t!(i18n, "field-full-days", limit = limit)),
            (TooShort | Required, "retention.differential_days") => {
                Some(t!(i18n, "field-differential-days", limit = limit))
            }
            (TooShort, "retention.incremental_days") => {
                Some(t!(i18n, "field-incremental-days", limit = limit))
            }
            (TooLong, _) if field.starts_with("retention.") => {
                Some(t!(i18n, "field-days-too-long", limit = limit))
            }
            (TooShort, "encryption_password") => {
                Some(t!(i18n, "field-password-short", limit = limit))
            }
            (Required, "encryption_password") => {
                Some(t!(i18n, "field-password-required", limit = limit))
            }
            _ => None,
        };
        if let Some(words) = bounded {
            return words;
        }
    }
    match (error.code, field) {
        (NothingChosen, "scope") => t!(i18n, "field-scope"),
        (NothingChosen, "scope.users") => t!(i18n, "field-groups"),
        (NotFound, "scope.users") => t!(i18n, "field-group-gone"),
        (NotFound, "schedule.time_zone") => t!(i18n, "field-time-zone"),
        (InvalidTime, _) if field.starts_with("schedule.") => t!(i18n, "field-time"),
        (InvalidDay, _) if field.starts_with("schedule.") => t!(i18n, "field-day"),
        (NotApplicable, "retention.differential_days") => t!(i18n, "field-differential-not-gfs"),
        (NotFound | NotOffered, "worker_id" | "default_worker_id") => t!(i18n, "field-worker"),
        (NotFound, "storage_id") => t!(i18n, "field-storage"),
        (NotOffered, "licence_mode") => t!(i18n, "field-licence-mode"),
        (NotOffered, "user_sync_interval_hours") => t!(i18n, "field-interval"),
        _ => error.message.clone(),
    }
}

/// What is wrong with a field, under it (its `id` for the field's `aria-describedby`),
/// announced when it appears. Inlined: a copy in each chunk that shows forms, where one
/// function shared by two chunks would be kept in the first load.
#[inline(always)]
pub fn field_message(id: impl Into<String>, error: Signal<Option<String>>) -> impl IntoView {
    let id = id.into();
    view! {
        <p id=id class="m365-field-error" aria-live="polite">
            {move || error.get().map(|message| view! {
                <span aria-hidden="true">"✕ "</span>
                {message}
            })}
        </p>
    }
}
