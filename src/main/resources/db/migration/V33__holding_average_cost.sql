-- The average price paid per unit of a holding, in the instrument's price currency: set when a fill opens or
-- adds to the position, kept when a fill reduces it. NULL where it is not known (holdings typed or imported
-- without a cost).
ALTER TABLE holdings ADD COLUMN average_cost DECIMAL(19,6) CHECK (average_cost IS NULL OR average_cost > 0);
