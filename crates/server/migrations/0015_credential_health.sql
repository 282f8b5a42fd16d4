-- What the last health check of an organization's own credential found: NULL while it signs
-- in, else a CredentialProblem name; and when it was checked (Unix milliseconds; NULL: not
-- yet).
ALTER TABLE organization_credentials ADD COLUMN problem TEXT
    CHECK (problem IN ('consent_revoked', 'permission_missing', 'secret_expired',
                       'secret_rejected', 'application_missing', 'unreadable'));
ALTER TABLE organization_credentials ADD COLUMN checked_at INTEGER;
