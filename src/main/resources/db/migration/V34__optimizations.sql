-- Every optimisation and frontier run for a workspace portfolio: its request and answer as JSON, the solver's
-- report, and a status; a run without an answer (infeasible, target out of reach, not converged) is kept with
-- status 'failed' and its error, never with a response.
CREATE TABLE optimizations (
    optimization_id VARCHAR(36)   PRIMARY KEY,
    portfolio_id    VARCHAR(64)   NOT NULL REFERENCES portfolios (portfolio_id) ON DELETE CASCADE,
    kind            VARCHAR(16)   NOT NULL CHECK (kind IN ('optimize', 'frontier')),
    method          VARCHAR(40),
    status          VARCHAR(16)   NOT NULL CHECK (status IN ('optimal', 'failed')),
    solver          VARCHAR(120),
    iterations      INT,
    latency_ms      DOUBLE PRECISION NOT NULL CHECK (latency_ms >= 0),
    request_json    CLOB          NOT NULL,
    response_json   CLOB,
    error           VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    CHECK ((status = 'optimal' AND response_json IS NOT NULL) OR (status = 'failed' AND response_json IS NULL))
);
CREATE INDEX idx_optimizations_portfolio ON optimizations (portfolio_id, created_at DESC);
CREATE INDEX idx_optimizations_created ON optimizations (created_at DESC);
