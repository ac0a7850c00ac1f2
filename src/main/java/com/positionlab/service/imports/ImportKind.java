package com.positionlab.service.imports;

/** What a CSV file holds: daily prices, closed trades of strategies, or the holdings of a portfolio. */
public enum ImportKind {
    PRICES, TRADES, HOLDINGS
}
