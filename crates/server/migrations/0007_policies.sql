-- Backup policies.
--
-- Where copies can be stored. The reference server has this fixed set: Xopero's cloud storage
-- (the default policy's) and a customer's NFS share.
CREATE TABLE storages (
    id   TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL
) STRICT;

INSERT INTO storages (id, name, kind) VALUES
    ('xopero-cloud-storage', 'Xopero Cloud Storage', 'Xopero Cloud Storage'),
    ('office-nfs', 'Office NFS share', 'NFS share');

-- An organization's custom policy, as the contract's Policy JSON (validated before it is
-- stored); without a row the organization follows the default policy. The encryption
-- password is kept only as an Argon2id PHC string.
CREATE TABLE policies (
    organization_id          TEXT PRIMARY KEY NOT NULL
                             REFERENCES organizations (id) ON DELETE CASCADE,
    policy                   TEXT NOT NULL CHECK (json_valid(policy)),
    encryption_password_hash TEXT
) STRICT;

-- Bumped by every saved or deleted custom policy: the policy's ETag is derived from it. On the
-- organization rather than the policy row, so that returning to the default policy is a new
-- version too.
ALTER TABLE organizations ADD COLUMN policy_version INTEGER NOT NULL DEFAULT 1;
