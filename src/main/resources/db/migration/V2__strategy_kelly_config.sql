-- PositionLab schema, version 2: each strategy's Kelly configuration, editable in the Kelly Lab.
-- Positions, fractions and drawdowns are fractions of capital (0.02 = 2%), never percent. A strategy
-- without a row uses the defaults (StrategyKellyConfig.defaults, from the engine's records).

CREATE TABLE strategy_kelly_config (
    strategy_id        VARCHAR(64) PRIMARY KEY REFERENCES strategies (strategy_id) ON DELETE CASCADE,
    kelly_multiplier   DOUBLE      DEFAULT 0.25 NOT NULL CHECK (kelly_multiplier > 0 AND kelly_multiplier <= 2),
    max_kelly_fraction DOUBLE      DEFAULT 0.5 NOT NULL CHECK (max_kelly_fraction > 0 AND max_kelly_fraction <= 1),
    tier               VARCHAR(16) DEFAULT 'STRATEGIST' NOT NULL CHECK (tier IN ('HUNTER', 'STRATEGIST')),
    min_position       DOUBLE      DEFAULT 0.005 NOT NULL,
    max_position       DOUBLE      DEFAULT 0.15 NOT NULL,
    conviction_low     DOUBLE      DEFAULT 0.5 NOT NULL CHECK (conviction_low > 0),
    conviction_medium  DOUBLE      DEFAULT 1.0 NOT NULL CHECK (conviction_medium > 0),
    conviction_high    DOUBLE      DEFAULT 1.5 NOT NULL CHECK (conviction_high > 0),
    drawdown_floor     DOUBLE      DEFAULT 0.25 NOT NULL CHECK (drawdown_floor >= 0 AND drawdown_floor <= 1),
    max_drawdown       DOUBLE      DEFAULT 0.20 NOT NULL CHECK (max_drawdown > 0 AND max_drawdown <= 1),
    min_trades         INT         DEFAULT 20 NOT NULL CHECK (min_trades >= 1),
    recent_trades      INT         DEFAULT 20 NOT NULL CHECK (recent_trades >= 1),
    recent_days        INT         DEFAULT 30 NOT NULL CHECK (recent_days >= 1),
    fallback_fraction  DOUBLE      DEFAULT 0.02 NOT NULL CHECK (fallback_fraction >= 0 AND fallback_fraction <= 1),
    updated_at         TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CONSTRAINT ck_kelly_config_positions CHECK (min_position >= 0 AND min_position <= max_position
        AND max_position <= 1)
);
