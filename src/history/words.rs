//! How the history words a run: its result (with a symbol, never colour alone), kind and
//! trigger, a skipped item's reason, durations and sizes; and the CSV of the runs shown.

use xms_m365_contract::{BackupKind, BackupRun, BackupTrigger, JobState, SkipReason};

use crate::i18n::{I18n, t};

/// What became of a run, as the table and the chart tell it apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Queued or running.
    Active,
    /// Every item backed up.
    Succeeded,
    /// Succeeded, with items skipped or put off.
    Warnings,
    /// Stopped by an error.
    Failed,
    /// Cancelled by an administrator.
    Cancelled,
}

impl Outcome {
    /// The outcome of `run`.
    pub fn of(run: &BackupRun) -> Self {
        match run.state {
            JobState::Queued | JobState::Running { .. } => Self::Active,
            JobState::Succeeded { .. } if run.skipped_items > 0 => Self::Warnings,
            JobState::Succeeded { .. } => Self::Succeeded,
            JobState::Failed { .. } => Self::Failed,
            JobState::Cancelled => Self::Cancelled,
        }
    }

    /// The symbol shown beside its words (hidden from screen readers, which read the words).
    pub fn symbol(self) -> &'static str {
        match self {
            Self::Active => "↻",
            Self::Succeeded => "✓",
            Self::Warnings => "⚠",
            Self::Failed => "✕",
            Self::Cancelled => "⊘",
        }
    }

    /// Its class, for the symbol's colour (which only repeats the symbol and the words).
    pub fn class(self) -> &'static str {
        match self {
            Self::Active => "m365-run m365-run--active",
            Self::Succeeded => "m365-run m365-run--succeeded",
            Self::Warnings => "m365-run m365-run--warnings",
            Self::Failed => "m365-run m365-run--failed",
            Self::Cancelled => "m365-run m365-run--cancelled",
        }
    }
}

/// The result of `run` in words: "Failed: …" with XMS's reason, "Succeeded with 3 items
/// skipped", "Running (40 %)".
pub fn result_words(i18n: I18n, run: &BackupRun) -> String {
    match &run.state {
        JobState::Queued => t!(i18n, "history-queued"),
        JobState::Running { percent, .. } => t!(i18n, "history-running", percent = *percent),
        JobState::Succeeded { .. } if run.skipped_items > 0 => {
            t!(i18n, "history-warnings", skipped = run.skipped_items)
        }
        JobState::Succeeded { .. } => t!(i18n, "history-succeeded"),
        JobState::Failed { reason } => t!(i18n, "history-failed", reason = reason.as_str()),
        JobState::Cancelled => t!(i18n, "history-cancelled"),
    }
}

/// The kind of a backup in words.
pub fn kind_words(i18n: I18n, kind: BackupKind) -> String {
    match kind {
        BackupKind::Full => t!(i18n, "history-kind-full"),
        BackupKind::Differential => t!(i18n, "history-kind-differential"),
        BackupKind::Incremental => t!(i18n, "history-kind-incremental"),
    }
}

/// How a run was started, in words.
pub fn trigger_words(i18n: I18n, trigger: BackupTrigger) -> String {
    match trigger {
        BackupTrigger::Scheduled => t!(i18n, "history-trigger-scheduled"),
        BackupTrigger::Manual => t!(i18n, "history-trigger-manual"),
    }
}

/// Why an item was skipped or put off, in words that say what happens next.
pub fn reason_words(i18n: I18n, reason: SkipReason) -> String {
    match reason {
        SkipReason::TooLarge => t!(i18n, "history-skip-too-large"),
        SkipReason::Throttled => t!(i18n, "history-skip-throttled"),
        SkipReason::AccessDenied => t!(i18n, "history-skip-access-denied"),
    }
}

/// A duration in words: "45 s", "14 min 5 s", "2 h 3 min".
pub fn duration_words(i18n: I18n, seconds: u64) -> String {
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 {
        t!(
            i18n,
            "history-hours-minutes",
            hours = hours,
            minutes = minutes
        )
    } else if minutes > 0 {
        t!(
            i18n,
            "history-minutes-seconds",
            minutes = minutes,
            seconds = seconds
        )
    } else {
        t!(i18n, "history-seconds", seconds = seconds)
    }
}

/// A size in words, in the largest unit it has one of: "512 KB", "1.4 GB" (decimal units, as
/// Microsoft 365's admin center counts storage).
pub fn size_words(i18n: I18n, bytes: u64) -> String {
    const UNITS: [(u64, &str); 4] = [
        (1_000_000_000_000, "TB"),
        (1_000_000_000, "GB"),
        (1_000_000, "MB"),
        (1_000, "KB"),
    ];
    let Some((size, unit)) = UNITS.into_iter().find(|(size, _)| bytes >= *size) else {
        return t!(i18n, "history-bytes", bytes = bytes);
    };
    // One decimal, as Intl writes it in the language.
    let amount = (bytes as f64 / size as f64 * 10.0).round() / 10.0;
    t!(i18n, "history-size", amount = amount, unit = unit)
}

/// The runs `runs` as CSV (RFC 4180), with the headings in the active language and the
/// values as XMS has them (instants in RFC 3339, durations in seconds, sizes in bytes), for a
/// spreadsheet to compute with.
pub fn csv(i18n: I18n, runs: &[BackupRun]) -> String {
    let headings = [
        t!(i18n, "history-column-asked"),
        t!(i18n, "history-column-started"),
        t!(i18n, "history-column-finished"),
        t!(i18n, "history-column-trigger"),
        t!(i18n, "history-column-kind"),
        t!(i18n, "history-column-result"),
        t!(i18n, "history-column-duration-seconds"),
        t!(i18n, "history-column-items"),
        t!(i18n, "history-column-bytes"),
        t!(i18n, "history-column-skipped"),
        t!(i18n, "history-column-run"),
    ];
    let mut out = line(&headings);
    for run in runs {
        out.push_str(&line(&[
            run.created_at.clone(),
            run.started_at.clone().unwrap_or_default(),
            run.finished_at.clone().unwrap_or_default(),
            trigger_words(i18n, run.trigger),
            kind_words(i18n, run.kind),
            result_words(i18n, run),
            run.duration_seconds
                .map(|s| s.to_string())
                .unwrap_or_default(),
            run.items.to_string(),
            run.bytes.to_string(),
            run.skipped_items.to_string(),
            run.id.0.clone(),
        ]));
    }
    out
}

/// One CSV line: fields quoted where they hold a comma, a quote or a line break, ended by CRLF.
/// A field a spreadsheet would take for a formula (`=`, `+`, `-`, `@` first) starts with `'`,
/// so that opening the file runs nothing a failure's reason says.
fn line(fields: &[String]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|field| {
            let field = if field.starts_with(['=', '+', '-', '@']) {
                format!("'{field}")
            } else {
                field.clone()
            };
            if field.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", field.replace('"', "\"\""))
            } else {
                field
            }
        })
        .collect();
    format!("{}\r\n", quoted.join(","))
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    use super::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn a_csv_field_is_quoted_where_it_must_be_and_never_runs_as_a_formula() {
        let fields = [
            "plain".to_owned(),
            "Failed: a, b".to_owned(),
            "say \"hi\"".to_owned(),
            "=HYPERLINK(\"x\")".to_owned(),
        ];
        assert_eq!(
            line(&fields),
            "plain,\"Failed: a, b\",\"say \"\"hi\"\"\",\"'=HYPERLINK(\"\"x\"\")\"\r\n"
        );
    }
}
