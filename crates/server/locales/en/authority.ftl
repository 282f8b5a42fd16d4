# The development sign-in authority's device-login pages, worded as Microsoft's own.

page-title = { $title } · Development sign-in
brand = Development sign-in authority

code-title = Enter code
code-text = Enter the code displayed on your app or device.
code-label = Code
code-next = Next
code-missing = Enter the code.
code-wrong = That code didn't work. Check the code and try again.
code-expired = That code has expired. Go back to the app or device you are signing in to and get a new code.
code-used = That code has already been used. Go back to the app or device you are signing in to and get a new code.
code-too-many = Too many codes were tried from this device. Wait a minute, then try again.

account-title = Pick an account
account-continue = to continue to { $app }
account-list = Accounts

admin-title = Need admin approval
admin-text = { $app } needs permission to access resources in your organization that only an admin can grant. { $account } is not a global administrator: sign in with a global administrator account.
admin-other-account = Use another account

consent-title = Confirm sign-in
consent-question = Are you trying to sign in to { $app }?
consent-warning = Only continue if you downloaded the app from a store or website that you trust.
consent-cancel = Cancel
consent-continue = Continue

done-text = You have signed in to the { $app } application on your device. You may now close this window.
blocked-title = You cannot access this right now
blocked-text = Your sign-in was successful but does not meet the criteria to access this resource: { $organization }'s Conditional Access policies block sign-in with a device code.
blocked-code = Error code: { $code }
cancelled-title = Sign-in cancelled
cancelled-text = You did not sign in to { $app }. You may now close this window.

authorize-title = Sorry, but we're having trouble signing you in.
authorize-error = Error: { $error }
signed-out-title = You signed out of your account
signed-out-text = It's a good idea to close all browser windows.
