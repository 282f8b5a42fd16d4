# Why a call to XMS failed, when XMS itself could not say.

error-unreachable = XMS could not be reached. Check that XMS is running and your network connection works, then retry.
error-signed-out = Your XMS session has ended. Sign in to XMS again, then retry.
error-unexpected-response = XMS sent an answer this module does not understand (HTTP { $status }). Retry; if it keeps happening, reload the page, and tell your XMS administrator if that does not help.

load-failed-retry = Retry
load-failed-retrying = Retrying…
