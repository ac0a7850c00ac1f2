-- POST /api/v1/kelly-criterion: discrete Kelly with a Wilson interval (no store access).
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"win_probability": 0.55, "average_win": 150, "average_loss": 100, "sample_size": 200}'

done = report("kelly-criterion")
