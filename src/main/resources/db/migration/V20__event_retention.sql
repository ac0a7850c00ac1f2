-- Event payloads are about 1 KB of JSON. As a CHARACTER LARGE OBJECT each was stored out of line in H2's
-- LOB storage (about 5.6 KB of file per event under load, and slower commits); kept in the row they are
-- written with it. The outbox never stores a payload longer than this column.
ALTER TABLE sizing_events ALTER COLUMN payload SET DATA TYPE CHARACTER VARYING(1000000);

-- Retention deletes accepted sizings by age; without this index each batch would scan the table.
CREATE INDEX idx_sizing_history_created ON position_sizing_history (created_at);
