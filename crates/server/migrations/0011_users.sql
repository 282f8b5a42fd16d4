-- Each organization's directory of users, as the user sync reads it from Microsoft 365, with
-- their protection and their last backup. Times are Unix ms.
CREATE TABLE users (
    key                INTEGER PRIMARY KEY,
    organization_id    TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    -- Microsoft's id of the user.
    id                 TEXT NOT NULL,
    -- The order in which the directory found its users; also what generates them.
    serial             INTEGER NOT NULL,
    display_name       TEXT NOT NULL,
    principal_name     TEXT NOT NULL,
    -- What a search looks in: both names in lower case, so that "łukasz" finds "Łukasz".
    search_text        TEXT NOT NULL,
    kind               TEXT NOT NULL
                       CHECK (kind IN ('user', 'shared_mailbox', 'room_mailbox', 'equipment_mailbox')),
    state              TEXT NOT NULL CHECK (state IN ('enabled', 'sign_in_blocked', 'deleted')),
    -- When Microsoft 365 deleted it: it purges deleted users 30 days later.
    deleted_at         INTEGER,
    protected          INTEGER NOT NULL DEFAULT 0 CHECK (protected IN (0, 1)),
    protected_since    INTEGER,
    last_backup_at     INTEGER,
    last_backup_result TEXT CHECK (last_backup_result IN ('succeeded', 'failed')),
    last_backup_items  INTEGER,
    UNIQUE (organization_id, id),
    UNIQUE (organization_id, principal_name),
    CHECK ((protected = 1) = (protected_since IS NOT NULL)),
    CHECK ((state = 'deleted') = (deleted_at IS NOT NULL))
) STRICT;

-- The list's sorted columns, so that a page of a 50,000-user organization is read in order
-- rather than sorted; email is the unique index above.
CREATE INDEX users_by_name ON users (organization_id, display_name COLLATE NOCASE, id);
CREATE INDEX users_by_protection ON users (organization_id, protected, display_name COLLATE NOCASE, id);
CREATE INDEX users_by_last_backup ON users (organization_id, last_backup_at, display_name COLLATE NOCASE, id);
CREATE INDEX users_by_serial ON users (organization_id, serial);

-- Microsoft 365 groups.
CREATE TABLE groups (
    key             INTEGER PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    id              TEXT NOT NULL,
    name            TEXT NOT NULL,
    UNIQUE (organization_id, id)
) STRICT;

CREATE TABLE memberships (
    group_key INTEGER NOT NULL REFERENCES groups (key) ON DELETE CASCADE,
    user_key  INTEGER NOT NULL REFERENCES users (key) ON DELETE CASCADE,
    PRIMARY KEY (group_key, user_key)
) STRICT, WITHOUT ROWID;

-- Deleting a user deletes its memberships: without this, each delete would scan them all.
CREATE INDEX memberships_by_user ON memberships (user_key);

-- The organization's counts follow its directory, in the same transaction, so that the tile's
-- "843 of 1,262" and the licences in use can never disagree with the users list. They start
-- from the directory, which the server generates at start-up for organizations stored before
-- it had one (keeping how many of their users were protected).
CREATE TRIGGER users_added AFTER INSERT ON users BEGIN
    UPDATE organizations
    SET user_count = user_count + 1, protected_users = protected_users + NEW.protected
    WHERE id = NEW.organization_id;
END;

CREATE TRIGGER users_removed AFTER DELETE ON users BEGIN
    UPDATE organizations
    SET user_count = user_count - 1, protected_users = protected_users - OLD.protected
    WHERE id = OLD.organization_id;
END;

CREATE TRIGGER users_protection AFTER UPDATE OF protected ON users
WHEN NEW.protected <> OLD.protected BEGIN
    UPDATE organizations SET protected_users = protected_users + NEW.protected - OLD.protected
    WHERE id = NEW.organization_id;
END;

-- The serial the next user found gets.
ALTER TABLE organizations ADD COLUMN next_user_serial INTEGER NOT NULL DEFAULT 0;
