-- Named lists of instruments a trader saves in the Build view to pick a universe again. Members keep their
-- order; an instrument later removed from the workspace is skipped when the list is picked, not deleted.
CREATE TABLE universe_lists (
    name       VARCHAR(60) PRIMARY KEY,
    saved_at   TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE TABLE universe_list_members (
    name          VARCHAR(60) NOT NULL REFERENCES universe_lists (name) ON DELETE CASCADE,
    position      INT         NOT NULL CHECK (position >= 0),
    instrument_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (name, position)
);
