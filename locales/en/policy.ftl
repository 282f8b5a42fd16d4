# The custom backup policy editor: its sections, its summary and its next runs.

policy-title-of = Backup policy of { $name }
policy-loading = Loading the policy…
policy-back = Back to the organizations
policy-kind-default = This organization uses XMS's default policy. Saving makes it a custom policy.
policy-kind-custom = This organization has a custom policy.
policy-restored = Your unsaved changes from before are back. Save them, or go back to discard them.
policy-password-differ = The two passwords differ: type the same password twice.
policy-next-runs-failed = The next runs could not be worked out. { $reason }
policy-saved = Custom policy saved.
policy-reset-question = Return to XMS's default policy? This custom policy is discarded.
policy-reset-yes = Discard custom policy
policy-reset-no = Keep custom policy
policy-reset-done = The default policy applies again.
policy-discard-question = Discard your unsaved changes to this policy?
policy-summary-heading = What will happen
policy-next-runs = Next runs
policy-conflict-title = Someone else changed this policy while you were editing it.
policy-conflict-text = Nothing has been overwritten. Keep yours (it replaces theirs) or take theirs (yours is discarded).
policy-save-fields = Some choices need attention: see the messages in their sections. Nothing was saved.
policy-save-failed = The policy was not saved. { $reason } Your changes are kept.
policy-save = Save policy
policy-reset = Return to the default policy

scope-heading = What to back up
scope-mail = Mail
scope-mail-hint = Exchange messages
scope-calendars = Calendars
scope-calendars-hint = Exchange calendars
scope-contacts = Contacts
scope-contacts-hint = Exchange contacts
scope-shared = Shared mailboxes
scope-shared-hint = As well as users' own; one licence each
scope-onedrive = OneDrive
scope-onedrive-hint = Files and folders, with permissions
scope-sharepoint = SharePoint sites
scope-sharepoint-hint = Lists, libraries and versions
scope-groups = Microsoft 365 groups
scope-groups-hint = Group mailboxes and files
scope-whose = Whose data
scope-all-users = All protected users
scope-chosen-groups = Members of chosen groups
scope-group = { $members ->
    [one] { $name } ({ $members } member)
   *[other] { $name } ({ $members } members)
}

schedule-heading = Schedule
plan-basic = Basic
plan-basic-hint = Full backup monthly, incremental daily.
plan-custom = Custom
plan-custom-hint = Full and incremental backups at frequencies and times you choose.
plan-forever-incremental = Forever incremental
plan-forever-incremental-hint = One full backup, then only incremental ones.
plan-gfs = GFS
plan-gfs-hint = Full monthly, differential weekly, incremental daily.
schedule-time = Time
schedule-full = Full backup
schedule-incremental = Incremental backup
schedule-how-often = How often
schedule-at = At
schedule-on = On
schedule-on-day = On day
schedule-gfs-full-day = Full backup on day
schedule-gfs-differential-day = Differential backup on
schedule-time-zone = Time zone
frequency-hourly = Every hour
frequency-daily = Every day
frequency-weekly = Every week
frequency-monthly = Every month

retention-heading = Retention
retention-by-time = Delete copies after a time
retention-full-days = Full copies, days
retention-differential-days = Differential copies, days
retention-incremental-days = Incremental copies, days
retention-forever = Keep forever

encryption-heading = Encryption
encryption-off = Off
encryption-aes-cbc = AES-CBC
encryption-aes-gcm = AES-GCM
encryption-warning-label = Warning:
encryption-warning = keep this password safe. XMS stores only a fingerprint of it and cannot recover it: if it is lost, these backups cannot be restored.
encryption-password = Encryption password
encryption-password-again = Encryption password again
encryption-password-set = A password is set. It is never shown again.
encryption-change-password = Change password

placement-heading = Worker and storage
placement-worker = Worker
placement-default-worker = The organization's default worker ({ $name })
placement-worker-offline = { $name } (offline)
placement-storage = Storage

data-mail = mail
data-calendars = calendars
data-contacts = contacts
data-onedrive = OneDrive
data-sharepoint = SharePoint sites
data-groups = Microsoft 365 groups
summary-whose-all = all protected users
summary-whose-groups = the members of { $groups }
summary-nothing = Backs up nothing yet: choose what to back up.
summary-what = Backs up { $data } of { $whose }.
summary-what-shared = Backs up { $data }, shared mailboxes included, of { $whose }.
summary-basic = Every day at { $time } ({ $zone }): a full backup on the 1st of each month, incremental on the other days.
summary-custom = Full backup { $full }, incremental { $incremental } ({ $zone }).
summary-forever-incremental = One full backup, then incremental { $incremental } ({ $zone }).
summary-gfs = Every day at { $time } ({ $zone }): a full backup monthly on { $day ->
    [29] day 29 (in shorter months, their last day)
    [30] day 30 (in shorter months, their last day)
    [31] the last day of the month
   *[other] day { $day }
}, differential every { $weekday ->
    [monday] Monday
    [tuesday] Tuesday
    [wednesday] Wednesday
    [thursday] Thursday
    [friday] Friday
    [saturday] Saturday
   *[sunday] Sunday
}, incremental on the other days.
summary-keep-forever = Keeps every copy forever.
summary-keep = Keeps full copies for { $full ->
    [one] { $full } day
   *[other] { $full } days
} and incremental ones for { $incremental ->
    [one] { $incremental } day
   *[other] { $incremental } days
}.
summary-keep-gfs = Keeps full copies for { $full ->
    [one] { $full } day
   *[other] { $full } days
}, differential ones for { $differential ->
    [one] { $differential } day
   *[other] { $differential } days
} and incremental ones for { $incremental ->
    [one] { $incremental } day
   *[other] { $incremental } days
}.
summary-placement = { $encryption ->
    [aes-cbc] Encrypted with AES-CBC.
    [aes-gcm] Encrypted with AES-GCM.
   *[off] Not encrypted.
} Run by { $worker }, stored on { $storage }.
recurrence-hourly = every hour at minute { $minute }
recurrence-daily = daily at { $time }
recurrence-weekly = every { $weekday ->
    [monday] Monday
    [tuesday] Tuesday
    [wednesday] Wednesday
    [thursday] Thursday
    [friday] Friday
    [saturday] Saturday
   *[sunday] Sunday
} at { $time }
recurrence-monthly = monthly on { $day ->
    [29] day 29 (in shorter months, their last day)
    [30] day 30 (in shorter months, their last day)
    [31] the last day of the month
   *[other] day { $day }
} at { $time }

kind-full = full
kind-differential = differential
kind-incremental = incremental
run-time = { $day } { $time }
run-described = { $time } { $kind }
next-runs = Next: { $next }
next-runs-with-full = Next: { $next }, { $full }
next-runs-none = No run is planned.
