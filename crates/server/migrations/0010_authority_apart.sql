-- The development sign-in authority keeps its device authorizations and access tokens in a
-- database of its own (authority.sqlite3), as Microsoft's are not XMS's: XMS reaches it only
-- over HTTP. Codes being signed in with when XMS was upgraded are void; get a new one.
DROP TABLE device_authorizations;
DROP TABLE access_tokens;
