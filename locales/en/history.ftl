# An organization's backup history (src/history.rs).

history-title-of = Backup history of { $name }
history-back = Back to organizations
history-loading = Loading the backup history…
history-filters = Show runs
history-filter-result = Result
history-filter-any = All
history-result-failed = Failed
history-result-warnings = Succeeded with items skipped
history-result-succeeded = Succeeded
history-result-cancelled = Cancelled
history-result-active = Queued or running
history-filter-from = From
history-filter-to = To
history-clear-filters = Clear filters
history-period-backwards = The period ends before it starts: choose a “To” day on or after the “From” day.
history-none = No runs match the filters.
history-retention = XMS keeps runs for { $days } days, and always the last backup and the latest full copy.
history-export = { $count ->
    [one] Export { $count } run shown as CSV
   *[other] Export { $count } runs shown as CSV
}
history-export-file = Backup history of { $name }.csv
history-range = Runs { $first }–{ $last } of { $total }
history-page-size = Runs per page
history-details = Details
history-details-label = Details of the run asked for { $when }

history-column-asked = Asked for
history-column-started = Started
history-column-finished = Finished
history-column-result = Result
history-column-kind = Kind
history-column-trigger = Started by
history-column-duration = Duration
history-column-duration-seconds = Duration (seconds)
history-column-items = Items
history-column-size = Size
history-column-bytes = Size (bytes)
history-column-skipped = Items skipped
history-column-details = Run
history-column-run = Run

history-queued = Queued
history-running = Running: { $percent } %
history-succeeded = Succeeded
history-warnings = { $skipped ->
    [one] Succeeded, { $skipped } item skipped
   *[other] Succeeded, { $skipped } items skipped
}
history-failed = Failed: { $reason }
history-cancelled = Cancelled
history-kind-full = Full
history-kind-differential = Differential
history-kind-incremental = Incremental
history-trigger-scheduled = Schedule
history-trigger-manual = Administrator
history-skip-too-large = Too large to back up: skipped until it is smaller
history-skip-throttled = Microsoft Graph throttled the requests: the next run backs it up
history-skip-access-denied = Access denied by Microsoft 365: skipped until access is granted
history-hours-minutes = { $hours } h { $minutes } min
history-minutes-seconds = { $minutes } min { $seconds } s
history-seconds = { $seconds } s
history-bytes = { $bytes } B
history-size = { $amount } { $unit }

history-chart-title = Duration and items of the runs shown, oldest first
history-chart-summary = { $runs ->
    [one] { $runs } run
   *[other] { $runs } runs
}, { $failed } failed; the longest took { $longest }, the most items backed up in one run: { $most }. The runs table has every run's numbers.
history-chart-duration = Bar: duration (longest { $longest })
history-chart-items = Line: items (most { $most })
history-chart-failed = Failed run

history-run-loading = Loading the run…
history-run-title = Run asked for { $when }
history-run-close = Close the run’s details
history-skipped-none = Nothing was skipped or put off.
history-skipped-caption = { $count ->
    [one] { $count } item skipped or put off
   *[other] { $count } items skipped or put off
}
history-skipped-user = User
history-skipped-item = Item
history-skipped-reason = Why
history-skipped-site = Site
