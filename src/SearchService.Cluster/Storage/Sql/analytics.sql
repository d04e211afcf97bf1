-- Search analytics of a cluster (GET /analytics, /suggest's popular queries), the single process's analytics/{day}.json
-- as tables that every node adds to: each node counts in memory and adds what it counted since its last flush, in one
-- transaction of additive upserts (PostgresAnalytics), so nodes never overwrite each other. Applied at every start:
-- each statement leaves an existing table as it is.

-- A day's totals. queries: the day's rows in analytics_queries, kept at most Search:Analytics:MaxQueriesPerDay by the
-- adds, which lock this row first (so the limit holds when nodes add at once).
CREATE TABLE IF NOT EXISTS analytics_days
(
    day date NOT NULL PRIMARY KEY,
    searches bigint NOT NULL,
    zero_result_searches bigint NOT NULL,
    clicks bigint NOT NULL,
    click_positions bigint NOT NULL,
    untracked_searches bigint NOT NULL,
    queries integer NOT NULL
);

-- A day's counts by query (lower-case, runs of spaces as one); open_searches: those without a scoped key that found
-- something, which make a query a completion offered by /suggest.
CREATE TABLE IF NOT EXISTS analytics_queries
(
    day date NOT NULL REFERENCES analytics_days (day) ON DELETE CASCADE,
    query text NOT NULL,
    searches bigint NOT NULL,
    zero_results bigint NOT NULL,
    clicks bigint NOT NULL,
    open_searches bigint NOT NULL,
    PRIMARY KEY (day, query)
);

-- The adds made, by the id a node gives each: a node whose add failed without knowing whether it was committed sends it
-- again under the same id, and it is not counted twice. Deleted with the days (day: the node's day when it added).
CREATE TABLE IF NOT EXISTS analytics_batches
(
    id uuid NOT NULL PRIMARY KEY,
    day date NOT NULL
);
