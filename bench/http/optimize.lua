-- POST /api/v1/optimize: maximum Sharpe ratio of N = 50 assets (long only, at most 10% each) from a given
-- mu and a 3-factor covariance plus noise (fixed seed), answered by the critical line algorithm; nothing stored.
local dir = debug.getinfo(1, "S").source:match("^@(.*/)") or "./"
dofile(dir .. "report.lua")

local n = tonumber(os.getenv("ASSETS") or "50")
local seed = 20261203
local function rand()
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed / 2147483648
end

local tickers, mu, loadings, noise = {}, {}, {}, {}
local factor = {0.03, 0.01, 0.005}
for i = 1, n do
  tickers[i] = string.format('"T%03d"', i)
  mu[i] = string.format('"T%03d": %.6f', i, 0.02 + 0.15 * rand())
  loadings[i] = {0.5 + rand(), rand() - 0.5, rand() - 0.5}
  noise[i] = 0.01 + 0.04 * rand()
end
local rows = {}
for i = 1, n do
  local row = {}
  for j = 1, n do
    local c = 0
    for k = 1, 3 do
      c = c + loadings[i][k] * loadings[j][k] * factor[k]
    end
    if i == j then
      c = c + noise[i]
    end
    row[j] = string.format("%.10f", c)
  end
  rows[i] = "[" .. table.concat(row, ",") .. "]"
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"mu": {' .. table.concat(mu, ", ") .. '}, "cov": {"tickers": [' .. table.concat(tickers, ",")
  .. '], "matrix": [' .. table.concat(rows, ",") .. ']}, "objective": {"method": "max_sharpe"}, '
  .. '"constraints": {"weight_bounds": [0, 0.1]}}'

done = report("optimize")
