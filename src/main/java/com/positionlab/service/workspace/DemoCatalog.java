package com.positionlab.service.workspace;

import java.util.List;

/**
 * The fictional instruments and strategies of the demo workspace. Names are invented so that nobody
 * mistakes the demo prices for market data.
 */
final class DemoCatalog {

    record Listing(String ticker, String name, String sector, int lotSize) {
    }

    /** Sector, its annualised factor volatility, and the mean ESG score of its companies. */
    record SectorProfile(String name, double factorVol, double esgMean) {
    }

    /**
     * A strategy's trade-return profile: probability of a win, mean win and mean loss as fractions of
     * the entry price (exponentially distributed), share of long trades, and number of trades.
     */
    record StrategyProfile(String id, String name, String description, double winRate, double meanWin,
                           double meanLoss, double longShare, int trades) {

        /** Expected return per trade: p * mean win - (1 - p) * mean loss. */
        double expectancy() {
            return winRate * meanWin - (1 - winRate) * meanLoss;
        }
    }

    static final List<SectorProfile> SECTORS = List.of(
            new SectorProfile("Technology", 0.14, 66),
            new SectorProfile("Financials", 0.12, 52),
            new SectorProfile("Healthcare", 0.10, 61),
            new SectorProfile("Energy", 0.18, 34),
            new SectorProfile("Consumer", 0.09, 55),
            new SectorProfile("Industrials", 0.10, 48),
            new SectorProfile("Utilities", 0.07, 58));

    static final List<Listing> LISTINGS = List.of(
            new Listing("NVX", "Novex Systems", "Technology", 1),
            new Listing("QBIT", "Qubit Labs", "Technology", 1),
            new Listing("CLDX", "Cloudex", "Technology", 1),
            new Listing("SEMI", "Semicor", "Technology", 1),
            new Listing("DATA", "Datanova", "Technology", 1),
            new Listing("CHIP", "Chiplane", "Technology", 1),
            new Listing("BKNR", "Bankner Holdings", "Financials", 1),
            new Listing("FINX", "Finexa", "Financials", 1),
            new Listing("INSR", "Insurity Group", "Financials", 1),
            new Listing("PAYM", "Paymint", "Financials", 1),
            new Listing("MEDX", "Medexa", "Healthcare", 1),
            new Listing("GENO", "Genomix", "Healthcare", 1),
            new Listing("CARE", "Carewell", "Healthcare", 1),
            new Listing("BIOV", "Biovance", "Healthcare", 1),
            new Listing("PETR", "Petrola", "Energy", 1),
            new Listing("SOLR", "Solaris Power", "Energy", 1),
            new Listing("WNDR", "Windrise", "Energy", 1),
            new Listing("GASX", "Gasline", "Energy", 1),
            new Listing("SHOP", "Shopwell", "Consumer", 1),
            new Listing("BRND", "Brandhaus", "Consumer", 1),
            new Listing("FOOD", "Foodcraft", "Consumer", 1),
            new Listing("LUXE", "Luxemont", "Consumer", 1),
            new Listing("TRVL", "Travelo", "Consumer", 1),
            new Listing("RAIL", "Railco", "Industrials", 1),
            new Listing("AERO", "Aerodyne", "Industrials", 1),
            new Listing("BLDR", "Buildright", "Industrials", 1),
            new Listing("MACH", "Machina", "Industrials", 1),
            new Listing("GRID", "Gridline", "Utilities", 5),
            new Listing("AQUA", "Aquaserve", "Utilities", 10),
            new Listing("VOLT", "Voltaic Utilities", "Utilities", 10));

    static final List<StrategyProfile> STRATEGIES = List.of(
            new StrategyProfile("TREND", "Trend Following",
                    "Demo: few winners, large ones; clearly positive edge", 0.42, 0.060, 0.025, 0.7, 260),
            new StrategyProfile("MEANREV", "Mean Reversion",
                    "Demo: frequent small wins; small positive edge", 0.60, 0.020, 0.024, 0.5, 320),
            new StrategyProfile("NEWS", "News Momentum",
                    "Demo: losing strategy; negative edge", 0.40, 0.030, 0.026, 0.6, 230));

    /** Tickers of the demo portfolio's holdings (15: two or three per sector). */
    static final List<String> PORTFOLIO = List.of("NVX", "CLDX", "SEMI", "BKNR", "PAYM", "MEDX", "GENO", "PETR",
            "SOLR", "SHOP", "FOOD", "RAIL", "AERO", "GRID", "AQUA");

    private DemoCatalog() {
    }
}
