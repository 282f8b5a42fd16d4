# The dashboard: the list of organizations, its filter and sort, and each organization's tile.

list-loading = Loading organizations…
list-label = Organizations
list-count = { $total ->
    [one] { $total } organization
   *[other] { $total } organizations
}
list-count-filtered = { $total ->
    [one] Showing { $shown } of { $total } organization
   *[other] Showing { $shown } of { $total } organizations
}
list-empty-title = No Microsoft 365 organization is connected yet.
list-empty-text = Connect one to manage its backup here.
list-no-match = No organization matches “{ $filter }”.
list-clear-filter = Clear the filter
live-interrupted = Live updates are interrupted; reconnecting. Meanwhile the organizations are reloaded every few seconds.
live-interrupted-outdated = Live updates are interrupted and XMS could not be reached: what is shown may be out of date. Retrying every few seconds.

toolbar-filter = Filter by name or domain
toolbar-sort = Sort by
sort-name = Name
sort-status = Status, needing attention first
sort-last-backup = Last backup, oldest first

status-healthy = Protected
status-failed = Last backup failed
status-running = Backup running
status-reauthorize = Needs re-authorization
status-never = Never backed up

tile-reauthorize-hint = XMS can no longer reach its data.
tile-reauthorize-link = Re-authorize it in Edit
tile-problem-consent = Admin consent to its app was withdrawn.
tile-problem-permission = Its app lacks permissions XMS needs.
tile-problem-expired = Its client secret has expired.
tile-problem-rejected = Its client secret was refused.
tile-problem-application = Its app was deleted in Entra.
tile-problem-unreadable = Its stored credential is unreadable.
tile-secret-expires = Its client secret expires
tile-secret-link = Replace it in Edit
tile-problem-certificate-expired = Its certificate has expired.
tile-problem-certificate-rejected = Its certificate was refused.
tile-certificate-expires = Its certificate expires
tile-protected-users = Protected users
tile-users-protected = { $protected } of { $total }
# The link of the protected users to the users list, read with the organization's name.
tile-users-link-label = { tile-protected-users } of { $name }: { tile-users-protected }
tile-licences = Licences in use
tile-last-backup = Last backup
tile-last-backup-none = None yet
tile-last-backup-succeeded = { $items ->
    [one] Succeeded, { $items } item
   *[other] Succeeded, { $items } items
}
tile-last-backup-failed = Failed: { $reason }
tile-history-link-label = Backup history of { $name }: { $result }
tile-next-backup = Next backup
tile-next-backup-none = None scheduled until re-authorized
tile-policy = Policy
tile-policy-default = Default policy
tile-policy-custom = Custom policy
tile-worker = Worker
tile-worker-offline = (offline: backups wait for it)
tile-run-backup = Run backup
tile-run-backup-label = Run backup of { $name }
tile-cancel-backup = Cancel backup
tile-cancel-backup-label = Cancel backup of { $name }
tile-custom-policy = Custom policy
tile-custom-policy-label = Custom policy of { $name }
tile-edit = Edit
tile-edit-label = Edit { $name }

progress-label = Backup of { $name }
progress-running = { NUMBER($done, style: "percent") } · { $items_done } of { $items_total ->
    [one] { $items_total } item
   *[other] { $items_total } items
}
progress-queued = Queued, waiting for the worker

announce-backup-started = Backup of { $name } started.
announce-backup-progress = Backup of { $name }: { NUMBER($done, style: "percent") } done.
announce-backup-succeeded = { $items ->
    [one] The backup of { $name } succeeded: { $items } item.
   *[other] The backup of { $name } succeeded: { $items } items.
}
announce-backup-failed = The backup of { $name } failed: { $reason }
announce-backup-ended = The backup of { $name } ended without finishing.

# The button that opens the Connect dialog (its own words come with the dialog).
connect-button = Connect
