package com.positionlab.service.imports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import com.positionlab.domain.Holding;

/**
 * Holdings: {@code instrument,quantity} with an optional {@code portfolio} column that overrides the
 * target portfolio. The quantity is a non-zero decimal (negative for a short); the instrument must already
 * be in the workspace, since a holding of an instrument without prices cannot be valued.
 */
final class HoldingRowParser implements RowParser<Holding> {

    static final int MAX_PORTFOLIO_LENGTH = 64;

    private final int instrument;
    private final int quantity;
    private final int portfolio;
    private final String defaultPortfolio;
    private final Set<String> knownInstruments;

    HoldingRowParser(Header header, String defaultPortfolio, Set<String> knownInstruments) {
        int[] required = header.require(String.join("|", LongPriceParser.INSTRUMENT), "quantity");
        instrument = required[0];
        quantity = required[1];
        portfolio = header.indexOf("portfolio", "portfolio_id");
        this.defaultPortfolio = defaultPortfolio;
        this.knownInstruments = Set.copyOf(knownInstruments);
    }

    @Override
    public String format() {
        return "holdings";
    }

    @Override
    public List<Holding> parse(Row row) throws RowException {
        Cell ticker = row.cell(instrument);
        String id = ticker.id(PriceFormats.MAX_TICKER_LENGTH);
        if (!knownInstruments.contains(id)) {
            throw ticker.problem(ticker.quoted() + " is not in the workspace; import its prices first");
        }
        BigDecimal units = row.cell(quantity).decimal();
        if (units.signum() == 0) {
            throw row.cell(quantity).problem("must not be zero");
        }
        String target = row.has(portfolio) ? row.cell(portfolio).id(MAX_PORTFOLIO_LENGTH) : defaultPortfolio;
        return List.of(new Holding(target, id, units));
    }

    @Override
    public String key(Holding h) {
        return h.instrumentId() + " in portfolio " + h.portfolioId();
    }
}
