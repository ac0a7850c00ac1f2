-- Backtests run in the workstation (and by the API over a workspace): the request and the answer as JSON, so
-- that a result can be reloaded with the inputs it came from. The newest 100 are kept.
CREATE TABLE backtests (
    backtest_id   VARCHAR(36)      PRIMARY KEY,
    kind          VARCHAR(16)      NOT NULL CHECK (kind IN ('run', 'comparison', 'sweep', 'trade_sequence',
                                                        'trade_sweep')),
    label         VARCHAR(200)     NOT NULL,
    latency_ms    DOUBLE PRECISION NOT NULL CHECK (latency_ms >= 0),
    request_json  CLOB             NOT NULL,
    response_json CLOB             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX idx_backtests_created ON backtests (created_at DESC);
