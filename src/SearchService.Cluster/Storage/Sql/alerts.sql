-- Alerts in cluster mode (saved searches whose new matches are delivered), beside the articles they are matched against.
-- Applied at every start: each statement leaves an existing schema as it is.

-- One row an alert. after_version: the article log's version when it was saved; only later changes are matched.
CREATE TABLE IF NOT EXISTS alerts
(
    id text NOT NULL PRIMARY KEY,
    created timestamptz NOT NULL,
    query jsonb NOT NULL,
    webhook text NULL,
    after_version bigint NOT NULL
);

-- How far percolation got: every change of the article log up to this version is matched and its events are below.
-- Written in the transaction that adds those events, so a new holder of the percolation lease resumes right after it.
-- Its first value is the log's version when the table is made: alerts match what is written from then on.
CREATE TABLE IF NOT EXISTS alert_percolation
(
    singleton boolean NOT NULL PRIMARY KEY DEFAULT true CHECK (singleton),
    version bigint NOT NULL
);

INSERT INTO alert_percolation (singleton, version) SELECT true, last_version FROM article_version_counter
    ON CONFLICT (singleton) DO NOTHING;

-- Every notice percolation made, in the order made (seq): what each node's event streams read, and the webhook outbox
-- (webhook_pending until its webhook took it or it was given up). Only the last events of each alert that no webhook
-- waits for are kept; a deleted alert's go with it.
CREATE TABLE IF NOT EXISTS alert_events
(
    seq bigserial NOT NULL PRIMARY KEY,
    alert_id text NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
    event_id bigint NOT NULL,
    notice jsonb NOT NULL,
    webhook_pending boolean NOT NULL
);

CREATE INDEX IF NOT EXISTS alert_events_alert ON alert_events (alert_id, seq);

CREATE INDEX IF NOT EXISTS alert_events_pending ON alert_events (seq) WHERE webhook_pending;
