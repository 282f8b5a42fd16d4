# The Connect dialog: getting a code, signing in with it on Microsoft's page, and the result.

connect-title = Connect a Microsoft 365 organization
connect-reauthorize-title = Re-authorize { $name }
connect-starting = Getting an app authentication code from Microsoft…
connect-try-again = Try again
connect-new-code = Get a new code
connect-step-copy = Copy the app authentication code.
connect-step-sign-in = Sign in with a global administrator account of the organization, enter the code, and confirm the sign-in to Xopero Registrator.
connect-code-label = App authentication code
connect-copy = Copy
connect-copied = Copied
connect-copy-manually = Press Ctrl+C to copy
connect-log-in = Log in to Microsoft 365
connect-unsafe-uri = XMS gave a sign-in address that is not secure, so it was not opened: { $uri }. Ask your XMS administrator to check XMS's Microsoft 365 sign-in settings.
connect-waiting = Waiting for you to sign in…
connect-reconnecting = Reconnecting to XMS… The code stays valid; this dialog will catch up by itself.
connect-code-valid = The code is valid for { $time }.
connect-code-expired = The code has expired.
connect-expired = The code has expired before anyone signed in with it. Get a new code to try again.
connect-declined = The sign-in was cancelled on the Microsoft 365 page, so no organization was connected.
connect-cancelled-in-xms = This sign-in was cancelled in XMS. Start again.
connect-connected = Organization connected
connect-added = { $name } ({ $domain }) has been added to XMS.
connect-renewed = { $name } ({ $domain }) was already connected: its authorization and details have been renewed.
connect-first-backup = Back it up now, or adjust its backup policy first; otherwise its schedule runs the first backup tonight.
connect-starting-backup = Starting backup…
connect-done = Done
