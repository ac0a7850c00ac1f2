package com.positionlab.service.optimize;

import java.util.List;

import com.positionlab.service.ValidationException;

/**
 * Where a request's {@code universe} gets its prices: a workspace's stored closes. Outside a workspace (the
 * calculators, {@code optimize} without {@code --db}) there is none, and a request naming a universe is refused.
 */
@FunctionalInterface
public interface PriceSource {

    /** No workspace: a universe cannot be priced. */
    PriceSource NONE = (ids, lookback) -> {
        throw new ValidationException("universe", "needs a workspace (run with --db, or through the workstation "
                + "or the API); give prices as a file otherwise");
    };

    /**
     * The adjusted closes of the instruments, one column each in the order given, on the last
     * {@code lookbackDays + 1} dates on which any of them has a price (NaN where one has none).
     *
     * @throws ValidationException naming {@code universe} or {@code lookback_days} when an id is unknown or
     *                             repeated, or there are too few prices
     */
    PriceTable prices(List<String> instrumentIds, int lookbackDays);
}
