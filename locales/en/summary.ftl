# The summary above the dashboard's list: how many organizations are in each state that needs
# the administrator (src/organizations/attention.rs, a view of the panels' chunk).

needs-label = Needs attention
needs-failed = { $count ->
    [one] { $count } last backup failed
   *[other] { $count } last backups failed
}
needs-reauthorize = { $count } to re-authorize
needs-never = { $count } never backed up
needs-worker-offline = { $count ->
    [one] { $count } with its worker offline
   *[other] { $count } with their worker offline
}
needs-unprotected = { $count } with users left unprotected
needs-running = { $count ->
    [one] { $count } backup running
   *[other] { $count } backups running
}
