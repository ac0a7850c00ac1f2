-- Imports staged as one binary value (issue 8): a price import is staged by one commit of its bars in
-- import_batches.payload and moved into prices chunk by chunk, rows_moved recording the progress, so a
-- killed import is either absent or finished from where it stopped, and staging no longer writes a
-- second table of rows.

-- An import interrupted under the previous layout: one still loading leaves nothing; one staged (or
-- already moved) is finished here, in the one transaction of this migration.
INSERT INTO instruments (instrument_id, name, sector)
SELECT DISTINCT r.instrument_id, r.instrument_id, 'Unclassified'
FROM price_import_rows r JOIN import_batches b ON b.import_id = r.import_id
WHERE b.status = 'STAGED'
  AND NOT EXISTS (SELECT 1 FROM instruments i WHERE i.instrument_id = r.instrument_id);

MERGE INTO prices (instrument_id, price_date, close_price, adj_close, high_price, low_price, volume)
KEY (instrument_id, price_date)
SELECT r.instrument_id, r.price_date, r.close_price, r.adj_close, r.high_price, r.low_price, r.volume
FROM price_import_rows r JOIN import_batches b ON b.import_id = r.import_id
WHERE b.status = 'STAGED'
ORDER BY r.import_id, r.seq;

DELETE FROM import_batches;
DROP TABLE price_import_rows;

ALTER TABLE import_batches ADD COLUMN payload BLOB;
ALTER TABLE import_batches ADD COLUMN rows_total INT DEFAULT 0 NOT NULL;
ALTER TABLE import_batches ADD COLUMN rows_moved INT DEFAULT 0 NOT NULL;
