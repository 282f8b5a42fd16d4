-- Licence management and the settings of the tile's Edit panel.
--
-- How users get licences: 'automatic' protects every user while the XMS subscription has free
-- licences, 'manual' leaves new users unprotected until an administrator chooses. Organizations
-- already there were licensed automatically, every user protected.
ALTER TABLE organizations ADD COLUMN licence_mode TEXT NOT NULL DEFAULT 'automatic'
    CHECK (licence_mode IN ('automatic', 'manual'));

-- Users protected (each holding one licence of the subscription), never more than there are.
ALTER TABLE organizations ADD COLUMN protected_users INTEGER NOT NULL DEFAULT 0
    CHECK (protected_users BETWEEN 0 AND user_count);
UPDATE organizations SET protected_users = user_count;

-- Bumped by every saved change of the settings (licence mode, user sync interval, default
-- worker): the ETag a client sends back as If-Match is derived from it.
ALTER TABLE organizations ADD COLUMN settings_version INTEGER NOT NULL DEFAULT 1;

-- The organization a connection attempt re-authorizes, if that is what it is for. Not a
-- foreign key: the organization may be removed while the attempt waits, and the attempt then
-- fails saying so.
ALTER TABLE connections ADD COLUMN reauthorize_organization_id TEXT;
