-- The users list sorts kinds and states in the order people read them (user mailboxes first;
-- enabled, then sign-in blocked, then deleted), which is not their names' order. Each order
-- is a column computed from the stored one, so that an index gives a sorted page of a
-- 50,000-user organization without sorting it.
ALTER TABLE users ADD COLUMN kind_order INTEGER GENERATED ALWAYS AS (
    CASE kind WHEN 'user' THEN 0 WHEN 'shared_mailbox' THEN 1 WHEN 'room_mailbox' THEN 2 ELSE 3 END
) VIRTUAL;
ALTER TABLE users ADD COLUMN state_order INTEGER GENERATED ALWAYS AS (
    CASE state WHEN 'enabled' THEN 0 WHEN 'sign_in_blocked' THEN 1 ELSE 2 END
) VIRTUAL;

CREATE INDEX users_by_kind ON users (organization_id, kind_order, display_name COLLATE NOCASE, id);
CREATE INDEX users_by_state ON users (organization_id, state_order, display_name COLLATE NOCASE, id);
