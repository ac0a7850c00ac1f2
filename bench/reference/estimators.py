#!/usr/bin/env python3
"""Independent numpy re-implementation of PyPortfolioOpt-style estimators,
written from the textual `definitions` in ../shared/reference/pypfopt/cases.json by a separate session that
saw neither upstream nor our Java code. Its output (OUT_DIR/estimators.json) is the fixture of
src/test/java/com/positionlab/engine/estimate/IndependentEstimatorsTest (the keys the test reads were copied
into src/test/resources/com/positionlab/engine/estimate/independent-estimators.json).

usage: python3 bench/reference/estimators.py   (needs numpy; writes to $OUT_DIR, default /tmp/indep)"""
import csv, json, math, os, sys
import numpy as np

FREQ = 252
HERE = os.path.dirname(os.path.abspath(__file__))
CANDIDATES = [os.path.join(HERE, "..", "..", "..", "shared", "reference", "pypfopt"), "/work/shared/reference/pypfopt"]
REF = next(d for d in CANDIDATES if os.path.exists(os.path.join(d, "stock_prices.csv")))
OUT_DIR = os.environ.get("OUT_DIR", "/tmp/indep")
notes = []
AMBIGUITIES = [
    "returns_from_prices: r = P[t]/P[t-1] - 1 computed literally (not via log/expm1); the first row (all returns missing) is dropped, leaving 7125 rows; the zero-filled X used by LW/OAS is this 7125x20 array with NaN -> 0 (leading pre-listing rows kept as zeros).",
    "ema_historical_return / exp_cov: 'full return index' taken as the 7125 return rows AFTER the all-missing first row is dropped; weights (1-alpha)^(T-1-t) by row position, so pre-listing (missing) rows elapse but carry no weight. For exp_cov, c[t] is missing whenever either return is missing (so a pair only weights the rows where both assets trade), and mean_i is each asset's own whole-sample non-missing mean (not a pairwise or EW mean).",
    "ledoit_wolf_constant_variance: followed the scikit-learn restatement literally (Xc centred, delta via sum((Xc^T Xc)^2)/n^2, beta clipped at delta); no block-wise accumulation, so tiny rounding differences vs sklearn's block loop are possible (~1e-16 relative).",
    "ledoit_wolf_single_factor: 'covariance of [Xm, xmkt] with 1/t normalisation' implemented as re-centring the 21 columns (as np.cov would; their means are already ~1e-20) and dividing the cross-product by t. B[i,j] = betas_i in v1 and the roff1 weight betas_j were applied exactly as written. The target F has diag(sample) (1/t-normalised) on the diagonal. Shrinkage applied to the 1/t sample (not the ddof=1 pairwise S) and then annualised.",
    "ledoit_wolf_constant_correlation: S = pairwise-complete ddof=1 covariance (NaN-aware, NOT zero-filled, not annualised) while Xm/y/term1/H come from the zero-filled X with 1/t; this mixture is as the definition says. rbar: sum over ALL i,j of S_ij/(sd_i sd_j) (diagonal contributes n) minus n, over n(n-1). The shrunk matrix is delta*F + (1-delta)*S with this pairwise S, then *252.",
    "capm_return (no benchmark): m[t] = mean of available asset returns on row t (defined on all 7125 rows). beta_i = pairwise cov(r_i, m) over rows where r_i exists (means over those rows, ddof=1) divided by var(m) over ALL rows where m exists (ddof=1) - i.e. the denominator is not restricted to asset i's rows. Market CAGR: prod(1+m)^(252/7125) - 1.",
    "semicovariance: T = 7125 (all return rows, including rows where an asset is missing; missing -> d = 0). Benchmark 0 as requested (not the 0.000079 default).",
    "mean_historical_return: N per asset = its own count of non-missing returns. The expected values in cases.json are transcribed to ~6-7 significant digits, which explains the ~1e-6 difference.",
    "PSD check: done on the ANNUALISED matrix (after *252) with numpy Cholesky of S + 1e-16*I; applied the same way to exp_cov, sample_cov and semicovariance as well as items 4-7.",
]


def load_prices(path):
    with open(path, newline="") as f:
        rd = csv.reader(f)
        header = next(rd)
        dates, rows = [], []
        for rec in rd:
            dates.append(rec[0])
            rows.append([float(x) if x.strip() != "" else np.nan for x in rec[1:]])
    return header[1:], dates, np.array(rows, dtype=float)


def returns_from_prices(P, log_returns=False):
    # r[t] = P[t]/P[t-1] - 1, NaN if either missing (no forward fill)
    R = P[1:] / P[:-1] - 1.0
    R = np.where(np.isnan(P[1:]) | np.isnan(P[:-1]), np.nan, R)
    # prepend the all-NaN first row (as pct_change gives) and drop all-NaN rows
    R = np.vstack([np.full((1, P.shape[1]), np.nan), R])
    keep = ~np.all(np.isnan(R), axis=1)
    R = R[keep]
    if log_returns:
        R = np.log1p(R)
    return R


def ewm_last(x, span):
    """pandas ewm(span, adjust=True, ignore_na=False).mean() at the last row (1-D, NaN aware)."""
    alpha = 2.0 / (span + 1.0)
    T = x.shape[0]
    w = (1.0 - alpha) ** (T - 1 - np.arange(T, dtype=float))
    ok = ~np.isnan(x)
    return np.sum(w[ok] * x[ok]) / np.sum(w[ok])


def ema_historical_return(R, span=500, compounding=True, frequency=FREQ):
    rbar = np.array([ewm_last(R[:, i], span) for i in range(R.shape[1])])
    return (1.0 + rbar) ** frequency - 1.0 if compounding else rbar * frequency


def mean_historical_return(R, compounding=True, frequency=FREQ):
    out = []
    for i in range(R.shape[1]):
        r = R[:, i][~np.isnan(R[:, i])]
        if compounding:
            out.append(np.prod(1.0 + r) ** (frequency / r.size) - 1.0)
        else:
            out.append(np.mean(r) * frequency)
    return np.array(out)


def pairwise_cov(R):
    n = R.shape[1]
    S = np.empty((n, n))
    for i in range(n):
        for j in range(i, n):
            ok = ~np.isnan(R[:, i]) & ~np.isnan(R[:, j])
            a, b = R[ok, i], R[ok, j]
            c = np.sum((a - a.mean()) * (b - b.mean())) / (ok.sum() - 1)
            S[i, j] = S[j, i] = c
    return S


def psd_fix(S, label, fixlog):
    """Cholesky of S + 1e-16 I; if it fails, spectral fix (negative eigenvalues -> 0)."""
    try:
        np.linalg.cholesky(S + 1e-16 * np.eye(S.shape[0]))
        fixlog[label] = False
        return S
    except np.linalg.LinAlgError:
        q, V = np.linalg.eigh(S)
        q = np.where(q > 0, q, 0.0)
        Sf = V @ np.diag(q) @ V.T
        fixlog[label] = True
        return Sf


def sample_cov(R, frequency=FREQ):
    return pairwise_cov(R) * frequency


def semicovariance(R, benchmark=0.0, frequency=FREQ):
    D = np.fmin(R - benchmark, 0.0)          # NaN -> 0 (fmin ignores NaN)
    D = np.where(np.isnan(D), 0.0, D)
    T = D.shape[0]
    return (D.T @ D) / T * frequency


def exp_cov(R, span=180, frequency=FREQ):
    n = R.shape[1]
    means = np.nanmean(R, axis=0)             # each asset's own non-missing mean
    Dm = R - means
    S = np.empty((n, n))
    for i in range(n):
        for j in range(i, n):
            c = Dm[:, i] * Dm[:, j]               # NaN if either missing
            S[i, j] = S[j, i] = ewm_last(c, span)
    return S * frequency


def lw_constant_variance(X):
    """scikit-learn ledoit_wolf(X, assume_centered=False) as restated in the definitions."""
    n, p = X.shape
    Xc = X - X.mean(axis=0)
    XtX = Xc.T @ Xc
    S_emp = XtX / n
    mu = np.trace(S_emp) / p
    X2 = Xc ** 2
    delta_ = np.sum(XtX ** 2) / n ** 2
    beta = (1.0 / (p * n)) * (np.sum(X2.T @ X2) / n - delta_)
    delta = (delta_ - 2.0 * mu * np.trace(S_emp) + p * mu ** 2) / p
    beta = min(beta, delta)
    s = 0.0 if beta == 0 else beta / delta
    Sigma = (1.0 - s) * S_emp + s * mu * np.eye(p)
    return Sigma, s


def lw_single_factor(X):
    t, n = X.shape
    Xm = X - X.mean(axis=0)
    xmkt = Xm.mean(axis=1)
    A = np.column_stack([Xm, xmkt])
    Ac = A - A.mean(axis=0)                  # covariance re-centres (means are ~0 anyway)
    full = (Ac.T @ Ac) / t
    betas = full[:n, n].copy()
    varmkt = full[n, n]
    sample = full[:n, :n].copy()
    F = np.outer(betas, betas) / varmkt
    np.fill_diagonal(F, np.diag(sample))
    c = np.sum((sample - F) ** 2)
    y = Xm ** 2
    p_hat = (1.0 / t) * np.sum(y.T @ y) - np.sum(sample ** 2)
    r_diag = (1.0 / t) * np.sum(y ** 2) - np.sum(np.diag(sample) ** 2)
    z = Xm * xmkt[:, None]
    B = np.repeat(betas[:, None], n, axis=1)  # B[i,j] = betas_i
    v1 = (1.0 / t) * (y.T @ z) - B * sample
    roff1 = np.sum(v1 * betas[None, :]) / varmkt - np.sum(np.diag(v1) * betas) / varmkt
    v3 = (1.0 / t) * (z.T @ z) - varmkt * sample
    roff3 = (np.sum(v3 * np.outer(betas, betas)) / varmkt ** 2
             - np.sum(np.diag(v3) * betas ** 2) / varmkt ** 2)
    r_hat = r_diag + 2.0 * roff1 - roff3
    kappa = (p_hat - r_hat) / c
    delta = max(0.0, min(1.0, kappa / t))
    Sigma = delta * F + (1.0 - delta) * sample
    return Sigma, delta


def lw_constant_correlation(R, X):
    t, n = X.shape
    S = pairwise_cov(R)                      # ddof=1, pairwise-complete, NOT annualised
    var = np.diag(S).copy()
    sd = np.sqrt(var)
    SDSD = np.outer(sd, sd)
    rbar = (np.sum(S / SDSD) - n) / (n * (n - 1))
    F = rbar * SDSD
    np.fill_diagonal(F, var)
    Xm = X - X.mean(axis=0)
    y = Xm ** 2
    XtX = Xm.T @ Xm
    pi_mat = (y.T @ y) / t - 2.0 * XtX * S / t + S * S
    pi_hat = np.sum(pi_mat)
    term1 = ((Xm ** 3).T @ Xm) / t
    H = XtX / t
    Hd = np.diag(H)
    theta = term1 - Hd[:, None] * S - H * var[:, None] + var[:, None] * S
    np.fill_diagonal(theta, 0.0)
    ratio = sd[None, :] / sd[:, None]        # [i,j] = sd_j / sd_i
    rho_hat = np.sum(np.diag(pi_mat)) + rbar * np.sum(ratio * theta)
    gamma_hat = np.sum((S - F) ** 2)
    kappa = (pi_hat - rho_hat) / gamma_hat
    delta = max(0.0, min(1.0, kappa / t))
    Sigma = delta * F + (1.0 - delta) * S
    return Sigma, delta


def oas(X):
    n, p = X.shape
    Xc = X - X.mean(axis=0)
    emp = (Xc.T @ Xc) / n
    mu = np.trace(emp) / p
    alpha = np.mean(emp ** 2)
    num = alpha + mu ** 2
    den = (n + 1) * (alpha - mu ** 2 / p)
    s = 1.0 if den == 0 else min(num / den, 1.0)
    Sigma = (1.0 - s) * emp + s * mu * np.eye(p)
    return Sigma, s


def oas_paper_eq23_shrinkage(X):
    """For information only: Chen et al. (2010) Eq. (23) WITH the 2/p terms, which scikit-learn omits."""
    n, p = X.shape
    Xc = X - X.mean(axis=0)
    emp = (Xc.T @ Xc) / n
    mu = np.trace(emp) / p
    alpha = np.mean(emp ** 2)
    num = alpha + mu ** 2
    den = (n + 1.0) * (alpha - mu ** 2 / p)
    # paper: num = (1 - 2/p) * tr(S^2) + tr(S)^2 ; den = (n + 1 - 2/p) * (tr(S^2) - tr(S)^2 / p)
    trS2 = np.sum(emp ** 2); trS = np.trace(emp)
    num_o = (1.0 - 2.0 / p) * trS2 + trS ** 2
    den_o = (n + 1.0 - 2.0 / p) * (trS2 - trS ** 2 / p)
    return 1.0 if den_o == 0 else min(num_o / den_o, 1.0)


def capm_no_benchmark(R, rf=0.02, compounding=True, frequency=FREQ):
    m = np.nanmean(R, axis=1)                # row-wise mean of non-missing returns
    okm = ~np.isnan(m)
    mv = m[okm]
    var_m = np.sum((mv - mv.mean()) ** 2) / (mv.size - 1)
    betas = []
    for i in range(R.shape[1]):
        ok = ~np.isnan(R[:, i]) & okm
        a, b = R[ok, i], m[ok]
        betas.append(np.sum((a - a.mean()) * (b - b.mean())) / (ok.sum() - 1) / var_m)
    betas = np.array(betas)
    if compounding:
        mkt = np.prod(1.0 + mv) ** (frequency / mv.size) - 1.0
    else:
        mkt = mv.mean() * frequency
    return rf + betas * (mkt - rf), betas, mkt


def main():
    tickers, dates, P = load_prices(os.path.join(REF, "stock_prices.csv"))
    cases = json.load(open(os.path.join(REF, "cases.json")))
    byid = {c["id"]: c for c in cases["cases"]}
    assert P.shape == (7126, 20), P.shape
    R = returns_from_prices(P)
    assert R.shape == (7125, 20), R.shape
    X = np.where(np.isnan(R), 0.0, R)
    fixlog = {}

    res = {"tickers": tickers}
    res["ema_compounding"] = ema_historical_return(R, 500, True)
    res["ema_simple"] = ema_historical_return(R, 500, False)
    res["exp_cov"] = psd_fix(exp_cov(R, 180), "exp_cov", fixlog)

    S, s = lw_constant_variance(X)
    res["lw_constant_variance"] = psd_fix(S * FREQ, "lw_constant_variance", fixlog)
    res["lw_constant_variance_shrinkage"] = s
    S, s = lw_single_factor(X)
    res["lw_single_factor"] = psd_fix(S * FREQ, "lw_single_factor", fixlog)
    res["lw_single_factor_shrinkage"] = s
    S, s = lw_constant_correlation(R, X)
    res["lw_constant_correlation"] = psd_fix(S * FREQ, "lw_constant_correlation", fixlog)
    res["lw_constant_correlation_shrinkage"] = s
    S, s = oas(X)
    res["oas"] = psd_fix(S * FREQ, "oas", fixlog)
    res["oas_shrinkage"] = s
    s_old = oas_paper_eq23_shrinkage(X)
    res["sample_cov"] = psd_fix(sample_cov(R), "sample_cov", fixlog)
    res["semicovariance"] = psd_fix(semicovariance(R, 0.0), "semicovariance", fixlog)

    # ---- cross-checks against cases.json
    mhr = mean_historical_return(R, True)
    exp_mhr = np.array(byid["pypfopt-er-mhr-stock-prices"]["expected"]["mean_returns_in_asset_order"])
    d_mhr = float(np.max(np.abs(mhr - exp_mhr)))
    capm, betas, mkt = capm_no_benchmark(R, 0.02, True)
    exp_capm = np.array(byid["pypfopt-er-capm-no-benchmark"]["expected"]["capm_returns_in_asset_order"])
    d_capm = float(np.max(np.abs(capm - exp_capm)))
    res["mean_historical_return"] = mhr
    res["capm_no_benchmark"] = capm
    # extra checks
    RL = returns_from_prices(P, log_returns=True)
    d_log = abs(RL[-1, -1] - byid["pypfopt-er-log-returns-last-value"]["expected"]["last_row_last_column_SBUX_2018-04-11"])
    nan_eq = int(np.isnan(RL).sum()) == int(np.isnan(P).sum())
    semi_neg = float(np.max(np.abs(semicovariance(R, -0.5))))

    notes.append(f"Cross-check mean_historical_return vs pypfopt-er-mhr-stock-prices: max abs diff = {d_mhr:.3e} (tolerance 1.5e-6; expected values are transcribed to ~6-7 significant digits)")
    notes.append(f"Cross-check capm_return (no benchmark, rf=0.02, compounding) vs pypfopt-er-capm-no-benchmark: max abs diff = {d_capm:.3e}; market CAGR (row-mean proxy) = {float(mkt)!r}")
    notes.append(f"Extra check pypfopt-er-log-returns-last-value: |diff| = {d_log:.3e}; missing log-return count == missing price count: {nan_eq}")
    notes.append(f"Extra check pypfopt-rm-semicov-very-negative-benchmark (benchmark -0.5): max |S| = {semi_neg:.3e} (atol 1e-4)")
    notes.append(f"OAS: used the scikit-learn >= 1.2 formula given in the brief (shrinkage {float(res['oas_shrinkage'])!r}). This is numerically the same formula scikit-learn has used for years (the pre-1.2 code num=alpha+mu^2, den=(n+1)(alpha-mu^2/p) is identical; later versions only reworded it), so the version caveat does not matter. The Chen et al. (2010) paper's Eq. (23) keeps 2/p terms (num=(1-2/p)tr(S^2)+tr(S)^2, den=(n+1-2/p)(tr(S^2)-tr(S)^2/p)), which scikit-learn drops. For information that variant gives {float(s_old)!r}; the matrix in this file uses the scikit-learn value.")
    notes.extend(AMBIGUITIES)
    notes.append("PSD fix (Cholesky of S + 1e-16*I failed?) per matrix: " + json.dumps(fixlog))

    for k, v in list(res.items()):
        if isinstance(v, np.ndarray):
            res[k] = v.tolist()
        elif isinstance(v, (np.floating,)):
            res[k] = float(v)
    res["notes"] = notes
    res["cross_check_max_abs_diff"] = {"mean_historical_return": d_mhr, "capm_no_benchmark": d_capm}
    with open(os.path.join(OUT_DIR, "estimators.json"), "w") as f:
        json.dump(res, f, indent=1)
    return res


if __name__ == "__main__":
    main()
