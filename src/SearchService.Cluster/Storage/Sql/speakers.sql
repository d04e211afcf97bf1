-- The cluster's speaker identity table (Core's SpeakerIdentities, as its Save writes it): one row, learnt by every node
-- that extracts an article's facets before writing it (PostgresSharedRow.ChangeAsync, under this row's lock,
-- so writers on different nodes learn one after another and none loses another's evidence), read by every node for
-- its speaker filters and /speakers. version goes up by one at each write; an empty state is a table that has learnt
-- nothing. Applied at every start: each statement leaves an existing table as it is.
CREATE TABLE IF NOT EXISTS speaker_identities
(
    singleton boolean NOT NULL PRIMARY KEY DEFAULT true CHECK (singleton),
    version bigint NOT NULL,
    state bytea NOT NULL
);

INSERT INTO speaker_identities (version, state) VALUES (0, '') ON CONFLICT DO NOTHING;
