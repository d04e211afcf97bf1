-- The articles of the cluster, one row an id, and the counter that gives every write its version.
-- Applied at every start: each statement leaves an existing schema as it is.

-- One row an article id. A put writes the article's JSON (Core's JournalEntry line); a delete keeps the row as a
-- tombstone (document NULL) with the version of the delete, so a shard that catches up by version learns of it.
CREATE TABLE IF NOT EXISTS articles
(
    id text NOT NULL PRIMARY KEY,
    version bigint NOT NULL,
    -- json, not jsonb: kept as written, and a \u0000 in a byline is stored rather than refused.
    document json NULL
);

-- Catching up reads the rows after a version in version order.
CREATE UNIQUE INDEX IF NOT EXISTS articles_version ON articles (version);

-- The last version given out. Every write updates this one row in its own transaction, so writes take their versions
-- one after another in commit order: a transaction waits for the row until the one before it has committed.
CREATE TABLE IF NOT EXISTS article_version_counter
(
    singleton boolean NOT NULL PRIMARY KEY DEFAULT true CHECK (singleton),
    last_version bigint NOT NULL
);

INSERT INTO article_version_counter (singleton, last_version) VALUES (true, 0) ON CONFLICT (singleton) DO NOTHING;

-- The corpus files the article log holds, as the node holding the corpus lease last read them: the file's stamp (size
-- and time) and the ids of its articles, so that an unchanged file is not read again and an article gone from its file
-- is deleted.
CREATE TABLE IF NOT EXISTS corpus_files
(
    path text NOT NULL PRIMARY KEY,
    stamp text NOT NULL,
    article_ids text[] NOT NULL
);

-- The facets extracted from the article when it was written (Core's ArticleFacets as JSON), so that extraction
-- happens once, where the article enters the log, not on every shard copy. NULL for a tombstone, and for a row
-- written before the column came: a shard copy extracts those itself.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS facets jsonb NULL;

-- Every write tells the sessions listening on article_log the last version it committed (PostgreSQL delivers a
-- notification at commit and drops it at a rollback), so shard copies apply a write at once instead of at their next
-- poll. Every write updates the counter row once, in its own transaction: one notification a write, a bulk's too.
CREATE OR REPLACE FUNCTION article_log_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('article_log', NEW.last_version::text);
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER article_log_notify AFTER UPDATE ON article_version_counter
    FOR EACH ROW EXECUTE FUNCTION article_log_notify();
