# The module's frame: titles the host shows for each view, and the page for an unknown address.

title-organizations = Microsoft 365
title-edit = Edit organization
title-policy = Backup policy
title-users = Users
title-history = Backup history

not-found-title = Page not found
not-found-text = The Microsoft 365 module has no page at this address.
not-found-link = Go to the Microsoft 365 organizations

# The modal dialog's close button (every dialog and panel has one).
modal-close = Close
