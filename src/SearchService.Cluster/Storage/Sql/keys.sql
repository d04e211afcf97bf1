-- The scoped search keys the cluster issued (POST /keys) and the signed keys it revoked, as JSON (the API's
-- ScopedKeyFile, the single process's search-keys.json): one row, changed by a node under this row's lock
-- (PostgresSharedRow.ChangeAsync), so that keys issued or revoked through two nodes at once are all kept, and told on
-- the channel scoped_keys, so that every node refuses a revoked key within moments. version goes up by one at each
-- change; an empty state holds no keys. Applied at every start: each statement leaves an existing table as it is.
CREATE TABLE IF NOT EXISTS scoped_keys
(
    singleton boolean NOT NULL PRIMARY KEY DEFAULT true CHECK (singleton),
    version bigint NOT NULL,
    state bytea NOT NULL
);

INSERT INTO scoped_keys (version, state) VALUES (0, '') ON CONFLICT DO NOTHING;
