-- POST /api/v1/calculate-position-size: KELLY_CRITERION for a long in one of the demo workspace's 15
-- instruments the demo portfolio does not hold (entry at its last close, stop 5% below), with the
-- TREND strategy's trades for the edge. No portfolio_state: the book and the return history come from
-- the store, as they would for the trader's ticket.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

local instruments = {
  {"BIOV", 166.81}, {"BLDR", 183.86}, {"BRND", 184.88}, {"CARE", 515.11}, {"CHIP", 25.20},
  {"DATA", 331.77}, {"FINX", 286.31}, {"GASX", 185.04}, {"INSR", 274.11}, {"LUXE", 294.32},
  {"MACH", 116.88}, {"QBIT", 283.77}, {"TRVL", 49.30}, {"VOLT", 464.35}, {"WNDR", 136.76},
}

local bodies = {}
for i, inst in ipairs(instruments) do
  bodies[i] = string.format([[{
  "trading_decision": {"instrument_id": "%s", "direction": "LONG", "entry_price": %.2f,
                       "stop_price": %.2f, "strategy_id": "TREND", "conviction": "MEDIUM"},
  "sizing_parameters": {"sizing_method": "KELLY_CRITERION", "risk_model": "HISTORICAL_VAR",
                        "confidence_level": 0.95, "lookback_period": 252, "max_position_size": 0.10},
  "risk_constraints": {"max_portfolio_risk": 0.25, "max_sector_weight": 0.35, "leverage_limit": 1.0}
}]], inst[1], inst[2], inst[2] * 0.95)
end

local headers = {["Content-Type"] = "application/json"}
local n = 0

function request()
  n = n + 1
  return wrk.format("POST", "/api/v1/calculate-position-size", headers, bodies[(n % #bodies) + 1])
end

done = report("calculate-position-size (KELLY_CRITERION, store-backed)")
