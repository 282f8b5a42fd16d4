# An organization's users: the table, its search, filters, columns and pages, and who is protected.

users-title-of = Users of { $name }
users-back = Back to organizations
users-loading = Loading users…
users-protected-count = { $total ->
    [one] { $protected } of { $total } user protected
   *[other] { $protected } of { $total } users protected
}
users-free-licences = { $subscription ->
    [one] { $free } of { $subscription } licence free in the subscription
   *[other] { $free } of { $subscription } licences free in the subscription
}
users-mode-automatic = Licences of this organization are managed automatically: every user is protected while licences are free. To choose whom to protect, switch licence management to Manual in its settings.
users-mode-settings = Open the settings
users-synced = Last synchronized with Microsoft 365 { $when }.
users-never-synced = Not synchronized with Microsoft 365 yet.

users-search = Search by name or email
users-filters = Filters
users-filter-protection = Protection
users-filter-kind = Kind
users-filter-state = State
users-filter-group = Group
users-filter-backup = Last backup
users-filter-any = All
users-clear-filters = Clear search and filters
users-columns = Columns
users-page-size = Users per page
users-range = { $total ->
    [one] { $first }–{ $last } of { $total } user
   *[other] { $first }–{ $last } of { $total } users
}
users-none = No users match the search and filters.

column-name = Name
column-email = Email
column-kind = Kind
column-state = State in Microsoft 365
column-groups = Groups
column-protection = Protection
column-protected-since = Protected since
column-last-backup = Last backup

kind-user = User
kind-shared-mailbox = Shared mailbox
kind-room-mailbox = Room
kind-equipment-mailbox = Equipment
state-enabled = Active
state-sign-in-blocked = Sign-in blocked
state-deleted = Deleted
protection-protected = Protected
protection-unprotected = Not protected
backup-succeeded = Succeeded
backup-failed = Failed
backup-never = Never backed up
backup-last = { $result } { $when }, { $items ->
    [one] { $items } item
   *[other] { $items } items
}

users-select = Select { $name }
users-select-page = Select every user on this page
users-protect-user = Protect { $name }
users-selected = { $count ->
    [one] { $count } user selected
   *[other] { $count } users selected
}
users-select-all-matching = { $total ->
    [one] Select the { $total } matching user
   *[other] Select all { $total } matching users
}
users-all-matching-selected = { $total ->
    [one] The { $total } matching user is selected.
   *[other] All { $total } matching users are selected.
}
users-clear-selection = Clear selection
users-protect = Protect
users-deactivate = Deactivate protection
users-working = Asking XMS…

users-ask-protect = { $count ->
    [one] Protect { $count } user? This uses { $used } of the { $free } free licences.
   *[other] Protect { $count } users? This uses { $used } of the { $free } free licences.
}
users-ask-protect-one = Protect { $name }? This uses 1 of the { $free } free licences.
users-ask-deactivate = { $count ->
    [one] Deactivate the protection of { $count } user? Their backups are kept, and { $freed } licence becomes free.
   *[other] Deactivate the protection of { $count } users? Their backups are kept, and { $freed } licences become free.
}
users-ask-deactivate-one = Deactivate the protection of { $name }? The backups are kept, and 1 licence becomes free.
users-ask-no = Cancel
users-short = Not enough licences: this needs { $used }, but only { $free } are free ({ $short } missing). Nothing was changed, and the selection is kept. Choose fewer users, deactivate the protection of others, or add licences to the subscription.
users-automatic-refused = Licences of this organization are managed automatically, so protection cannot be deactivated. Switch licence management to Manual in its settings first.
users-selection-changed = { $count ->
    [one] The selected users changed since you were asked: the change would now change { $count } user. Nothing was changed; make the change again to see the new numbers.
   *[other] The selected users changed since you were asked: the change would now change { $count } users. Nothing was changed; make the change again to see the new numbers.
}
users-nothing-to-change = The chosen users are already as asked: nothing to change.
users-protected-done = { $count ->
    [one] { $count } user is protected now.
   *[other] { $count } users are protected now.
}
users-deactivated-done = { $count ->
    [one] The protection of { $count } user was deactivated.
   *[other] The protection of { $count } users was deactivated.
}
