-- The key every node signs cursors with (CursorCodec), so that a cursor walk begun through one node goes on through
-- any other. One row, written by the first node to ask for it (PostgresArticleLog.CursorKeyAsync).
-- Applied at every start: each statement leaves an existing schema as it is.
CREATE TABLE IF NOT EXISTS cursor_key
(
    singleton boolean NOT NULL PRIMARY KEY DEFAULT true CHECK (singleton),
    key bytea NOT NULL CHECK (length(key) = 32)
);
