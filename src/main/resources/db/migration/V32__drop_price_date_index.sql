-- Every query of prices names its instrument, so the primary key (instrument_id, price_date) serves them
-- all; the index on price_date alone was never used and cost about 15% of every import's time and space.
DROP INDEX IF EXISTS idx_prices_date;
