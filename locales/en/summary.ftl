# The summary above the dashboard's list: how many organizations are in each state that needs
# the administrator (src/organizations/attention.rs, a view of the panels' chunk).

needs-label = Needs attention
needs-failed = { $count ->
    [one] { $count } last backup failed
   *[other] { $count } last backups failed
}
needs-reauthorize = { $count } to re-authorize
needs-secret-expiring = { $count } with a client secret or certificate expiring
needs-never = { $count } never backed up
needs-worker-offline = { $count ->
    [one] { $count } with its worker offline
   *[other] { $count } with their worker offline
}
needs-unprotected = { $count } with users left unprotected
needs-licences-short = { $count } with too few licences
needs-running = { $count ->
    [one] { $count } backup running
   *[other] { $count } backups running
}

# The choice of tiles or a table, beside the summary, and the table itself with its selection
# (src/organizations/table.rs, also of the panels' chunk).

layout-label = Show organizations as
layout-tiles = Tiles
layout-table = Table
compact-organization = Organization
compact-status = Status
compact-actions = Actions
compact-select-shown = Select all organizations shown
compact-select = Select { $name }
compact-selection = Selected organizations
compact-selected = { $count ->
    [0] No organization selected
    [one] { $count } organization selected
   *[other] { $count } organizations selected
}
compact-run-selected = Run backup of the selected
compact-clear-selection = Clear the selection
compact-started = { $count ->
    [one] Backup started of { $names }.
   *[other] Backups started of { $count } organizations: { $names }.
}
compact-refused = { $count ->
    [one] XMS refused { $count } backup:
   *[other] XMS refused { $count } backups:
}
compact-refusal = { $name }: { $reason }
