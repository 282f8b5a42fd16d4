# Words the panels' forms share: what is wrong with a field, worded from XMS's code for it
# (the editors' own checks say the same), Sync now, and a paged list's pager.

field-scope = Choose at least one kind of data to back up.
field-groups = Choose at least one group, or back up all protected users.
field-group-gone = A chosen group is no longer in this organization. Choose among its groups.
field-time-zone = XMS does not know this time zone. Choose one such as Europe/Warsaw or UTC.
field-time = Enter the time as HH:MM, 24-hour, such as 22:00.
field-day = Choose a day of the month from 1 to 31.
field-full-days = Keep full copies at least { $limit ->
    [one] { $limit } day
   *[other] { $limit } days
    }: newer copies are made from them.
field-differential-days = Keep differential copies at least { $limit } days: a differential backup runs weekly.
field-incremental-days = Keep incremental copies at least { $limit ->
    [one] { $limit } day
   *[other] { $limit } days
    }.
field-days-too-long = Keep copies at most { $limit } days; to keep them longer, keep them forever.
field-differential-not-gfs = Only the GFS schedule makes differential copies: leave this empty.
field-password-short = The encryption password must have at least { $limit } characters.
field-password-required = Enter an encryption password of at least { $limit } characters. Keep it safe: encrypted copies cannot be restored without it.
field-worker = Choose one of the listed workers.
field-storage = Choose one of the listed storages.
field-licence-mode = Choose automatic or manual licence management.
field-interval = Choose one of the listed intervals.

# Sync now, in the Edit panel and the users list.
sync-now = Sync now
sync-running = Synchronizing users…
sync-done = Users synchronized.
sync-failed = The sync did not run. { $reason }

# A paged list's pager.
pager-pages = Pages
pager-previous = Previous page
pager-next = Next page
pager-page-of = Page { $page } of { $pages }

# The editors' saving, leaving unsaved changes, and a newer save by someone else (widgets/versioned.rs).
form-saving = Saving…
discard-yes = Discard changes
discard-no = Keep editing
conflict-keep-mine = Keep mine
conflict-take-theirs = Take theirs
