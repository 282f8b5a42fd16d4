-- Certificates as a second kind of credential: XMS makes a key pair and a certificate (kept in
-- pending_certificates until an organization connects with it, then moved to the
-- organization's credential). SQLite cannot change a CHECK, so the credentials table is made
-- again with the new kind and problems. Times are Unix milliseconds.
CREATE TABLE organization_credentials_new (
    organization_id TEXT PRIMARY KEY NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('client_secret', 'certificate')),
    -- The application (client) id.
    client_id       TEXT NOT NULL,
    -- The client secret, or the certificate's private key (PKCS #8 DER), sealed with AES-256-GCM
    -- under the server's credential key and bound to organization_id: a 12-byte nonce, then
    -- the ciphertext and its tag. Never returned by the API.
    sealed_secret   BLOB NOT NULL,
    -- The certificate (DER) of the 'certificate' kind; NULL for a client secret.
    certificate     BLOB CHECK ((kind = 'certificate') = (certificate IS NOT NULL)),
    expires_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    -- What the last health check found: NULL while it signs in, else a CredentialProblem name.
    problem         TEXT
        CHECK (problem IN ('consent_revoked', 'permission_missing', 'secret_expired',
                           'secret_rejected', 'application_missing', 'unreadable',
                           'certificate_expired', 'certificate_rejected')),
    -- When it was last checked; NULL: not yet.
    checked_at      INTEGER
) STRICT;

INSERT INTO organization_credentials_new
    (organization_id, kind, client_id, sealed_secret, expires_at, updated_at, problem, checked_at)
SELECT organization_id, kind, client_id, sealed_secret, expires_at, updated_at, problem, checked_at
FROM organization_credentials;

DROP TABLE organization_credentials;
ALTER TABLE organization_credentials_new RENAME TO organization_credentials;

-- Certificates made for an application and not yet connected with. The private key is sealed
-- bound to 'certificate:' and the id.
CREATE TABLE pending_certificates (
    id          TEXT PRIMARY KEY NOT NULL,
    certificate BLOB NOT NULL,
    sealed_key  BLOB NOT NULL,
    not_after   INTEGER NOT NULL,
    created_at  INTEGER NOT NULL
) STRICT;
