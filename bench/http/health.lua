-- GET /api/v1/health: the baseline (routing, one COUNT(*) on the store, a small JSON answer).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

done = report("health (baseline)")
