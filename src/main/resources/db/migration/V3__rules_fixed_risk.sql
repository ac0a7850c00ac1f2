-- PositionLab schema, version 3: FIXED_RISK (units = equity x risk_per_trade / |entry - stop|) is a sizing
-- method of the app (engine.sizing.SizingMethod) that V1's check on position_sizing_rules left out. The
-- check now lists every SizingMethod value, and keeps V1's names so that no stored rule becomes invalid.

ALTER TABLE position_sizing_rules DROP CONSTRAINT ck_rules_method;
ALTER TABLE position_sizing_rules ADD CONSTRAINT ck_rules_method CHECK (sizing_method IN ('KELLY_CRITERION',
    'FIXED_PERCENTAGE', 'VOLATILITY_ADJUSTED', 'RISK_PARITY', 'EQUAL_WEIGHT', 'FIXED_RISK', 'OPTIMAL_F',
    'FIXED_FRACTIONAL', 'MAX_SHARPE', 'MIN_VARIANCE', 'BLACK_LITTERMAN', 'HRP'));
