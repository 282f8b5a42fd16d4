# The Edit panel of an organization: its licence management, user sync and default worker.

licence-heading = Licence management
licence-automatic = Automatic
licence-automatic-hint = Every Microsoft 365 user gets a licence and protection, new users as they appear.
licence-manual = Manual
licence-manual-hint = You choose which users are protected.
licence-users-link = See and choose the protected users
licence-preview-all-protected = Every user is protected already; new users will be protected as they appear.
licence-preview = Switching protects { $users ->
    [one] { $users } user
   *[other] { $users } users
} not protected now, using { $used ->
    [one] { $used } licence
   *[other] { $used } licences
} of the { $free ->
    [one] { $free } licence
   *[other] { $free } licences
} free.
licence-shortfall-warning = Warning: not enough licences.
licence-shortfall = Only { $free ->
    [one] { $free } licence
   *[other] { $free } licences
} free, so { $users ->
    [one] { $users } user
   *[other] { $users } users
} would stay unprotected. Add licences to your Xopero ONE subscription, or keep protecting users manually.

sync-heading = User sync interval
sync-interval = { $hours ->
    [one] Every hour
   *[other] Every { $hours } hours
}
sync-interval-daily = Every 24 hours (daily)
sync-last = Last sync: { $ago } ({ $at }).
sync-last-none = No sync has run yet.
sync-next = Next sync: { $when } ({ $at }).
sync-next-none = No sync runs until the organization is re-authorized.

worker-heading = Default worker
worker-cloud = Cloud
worker-local = Local
worker-online = Online
worker-offline = Offline
worker-main = Main worker
worker-offline-warning = Warning:
worker-offline-text = { $name } is offline. This organization's backups will wait until it is back online.
worker-use-anyway = Use it anyway

conflict-title = Someone else changed these settings while you were editing them.
conflict-text = Nothing has been overwritten. Compare, then keep yours or take theirs.
conflict-caption = Your settings beside the saved ones
conflict-setting = Setting
conflict-yours = Yours
conflict-theirs = Saved by someone else
conflict-differs = { " " }(differs)

remove-heading = Remove organization
remove-start = Remove organization…
remove-explained = Removing { $name } stops its backups and removes it and its settings from XMS. Backups already made stay in storage until their retention period ends; to back it up again, connect it again.
remove-type-name = Type { $name } to confirm
remove-confirm = Remove { $name }
remove-keep = Keep it
remove-done = { $name } was removed from XMS.
remove-failed = { $name } was not removed. { $reason }

edit-title = Edit { $name }
edit-loading = Loading the settings…
edit-discard-question = Discard your unsaved changes to these settings?
edit-restored = Your unsaved changes from before are back. Save them, or close to discard them.
edit-save-fields = Some settings need attention: see the messages under them. Nothing was saved.
edit-save-failed = Your changes were not saved. { $reason } Your changes are kept.
edit-saved = Settings saved.
edit-save = Save
edit-close = Close
edit-no-changes = No changes to save.
problem-worker-offline = { $name } is offline: confirm that backups may wait for it.

reauthorize-heading = Authorization
reauthorize-text = XMS backs this organization up with the consent a global administrator gave when it was connected. If that consent was revoked or has expired, sign in again to renew it.
reauthorize-application = This organization signs in with its own application ({ $client_id }), whose client secret expires { $date }. To enter a new secret before then, or after its consent was withdrawn, re-authorize it.
reauthorize-certificate = This organization signs in with its own application ({ $client_id }) and a certificate XMS made (thumbprint { $thumbprint }), valid until { $date }. To replace the certificate before then, or after its consent was withdrawn, re-authorize it.
reauthorize-button = Re-authorize
