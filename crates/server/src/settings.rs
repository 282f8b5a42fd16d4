//! An organization's settings (the **Edit** panel: licence mode, user sync interval, default
//! worker), validated field by field: a pure function over what the caller loaded (the
//! workers), so that every invalid field is reported at once.

use xms_m365_contract::{
    FieldError, FieldErrorCode, OrganizationSettings, USER_SYNC_INTERVALS_HOURS, Worker,
};

/// What is wrong with each field of `settings` when they may name one of `workers`.
pub fn validate(settings: &OrganizationSettings, workers: &[Worker]) -> Vec<FieldError> {
    let mut errors = Vec::new();
    if !USER_SYNC_INTERVALS_HOURS.contains(&settings.user_sync_interval_hours) {
        errors.push(FieldError::new(
            "user_sync_interval_hours",
            FieldErrorCode::NotOffered,
            interval_message(),
        ));
    }
    let worker = &settings.default_worker_id;
    if !workers.iter().any(|known| &known.id == worker) {
        errors.push(FieldError::new(
            "default_worker_id",
            FieldErrorCode::NotFound,
            format!(
                "There is no worker {}. Choose one of the listed workers.",
                worker.0
            ),
        ));
    }
    errors
}

/// "Choose one of: every 1, 2, 4, 6, 12 or 24 hours."
fn interval_message() -> String {
    let hours: Vec<String> = USER_SYNC_INTERVALS_HOURS
        .iter()
        .map(u8::to_string)
        .collect();
    match hours.split_last() {
        Some((last, rest)) if !rest.is_empty() => {
            format!("Choose one of: every {} or {last} hours.", rest.join(", "))
        }
        _ => format!("Choose one of: every {} hours.", hours.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use xms_m365_contract::{LicenceMode, WorkerId, WorkerKind};

    use super::*;

    #[test]
    fn the_interval_message_lists_every_interval() {
        assert_eq!(
            interval_message(),
            "Choose one of: every 1, 2, 4, 6, 12 or 24 hours."
        );
    }

    #[test]
    fn every_invalid_field_is_reported_at_once() {
        let workers = [Worker {
            id: WorkerId("nas".into()),
            name: "NAS".into(),
            kind: WorkerKind::Local,
            online: true,
            main: true,
        }];
        let mut settings = OrganizationSettings {
            licence_mode: LicenceMode::Manual,
            user_sync_interval_hours: 3,
            default_worker_id: WorkerId("gone".into()),
        };
        let fields: Vec<_> = validate(&settings, &workers)
            .into_iter()
            .map(|error| (error.field, error.code))
            .collect();
        assert_eq!(
            fields,
            [
                (
                    "user_sync_interval_hours".to_owned(),
                    FieldErrorCode::NotOffered
                ),
                ("default_worker_id".to_owned(), FieldErrorCode::NotFound),
            ]
        );
        settings.user_sync_interval_hours = 12;
        settings.default_worker_id = WorkerId("nas".into());
        assert!(validate(&settings, &workers).is_empty());
    }
}
