package com.positionlab.service.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.positionlab.domain.Holding;
import com.positionlab.domain.Instrument;
import com.positionlab.domain.Portfolio;
import com.positionlab.domain.PriceBar;
import com.positionlab.service.ValidationException;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.TestStores;

/**
 * Valuation, volatility, correlation and holding edits of the Portfolio use case, on prices whose
 * statistics are known in closed form: A alternates +1% / -1%, B moves twice as much as A, C mirrors A.
 */
class PortfolioServiceTest {

    private static final int RETURNS = 30;
    private static final LocalDate START = LocalDate.of(2024, 1, 1);

    private Database db;
    private Store store;
    private PortfolioService service;

    @BeforeEach
    void setUp() {
        db = TestStores.memory();
        store = new Store(db);
        service = new PortfolioService(store);
        store.instruments().saveAll(List.of(
                new Instrument("A", "Alpha", "Tech", "USD", BigDecimal.ONE, 50.0),
                new Instrument("B", "Beta", "Energy", "USD", BigDecimal.TEN, null),
                new Instrument("C", "Gamma", "Tech", "USD", BigDecimal.ONE, null),
                new Instrument("N", "No prices", "Tech", "USD", BigDecimal.ONE, null)));
        store.prices().saveAll(series("A", 100, 1.0));
        store.prices().saveAll(series("B", 50, 2.0));
        store.prices().saveAll(series("C", 20, -1.0));
        store.portfolios().replace(new Portfolio("p", "Test", "USD", new BigDecimal("1000.00")),
                List.of(new Holding("p", "A", new BigDecimal("100")), new Holding("p", "B", new BigDecimal("50"))));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    /** Prices starting at {@code start} whose daily returns are scale x (+1%, -1%, +1%, ...). */
    private static List<PriceBar> series(String id, double start, double scale) {
        List<PriceBar> bars = new ArrayList<>();
        double p = start;
        bars.add(PriceBar.close(id, START, p));
        for (int t = 0; t < RETURNS; t++) {
            p *= 1 + scale * (t % 2 == 0 ? 0.01 : -0.01);
            bars.add(PriceBar.close(id, START.plusDays(t + 1), p));
        }
        return bars;
    }

    private static double lastPrice(double start, double scale) {
        return start * Math.pow((1 + 0.01 * scale) * (1 - 0.01 * scale), RETURNS / 2);
    }

    @Test
    void valuesHoldingsAtLastPriceAndWeighsThemAgainstTotalWithCash() {
        PortfolioSnapshot s = service.snapshot("p");
        BigDecimal mvA = BigDecimal.valueOf(100 * lastPrice(100, 1)).setScale(2, RoundingMode.HALF_EVEN);
        BigDecimal mvB = BigDecimal.valueOf(50 * lastPrice(50, 2)).setScale(2, RoundingMode.HALF_EVEN);
        assertThat(s.holdings()).extracting(HoldingRow::instrumentId).containsExactly("A", "B");
        assertThat(s.holdings().get(0).marketValue()).isEqualByComparingTo(mvA);
        assertThat(s.holdings().get(1).marketValue()).isEqualByComparingTo(mvB);
        assertThat(s.holdingsValue()).isEqualByComparingTo(mvA.add(mvB));
        assertThat(s.totalValue()).isEqualByComparingTo(mvA.add(mvB).add(new BigDecimal("1000.00")));
        double total = s.totalValue().doubleValue();
        assertThat(s.holdings().get(0).weight()).isCloseTo(mvA.doubleValue() / total, within(1e-12));
        assertThat(s.holdings().stream().mapToDouble(HoldingRow::weight).sum() + s.cashWeight())
                .isCloseTo(1.0, within(1e-12));
        assertThat(s.sectorWeights()).containsOnlyKeys("Tech", "Energy");
        assertThat(s.asOf()).isEqualTo(START.plusDays(RETURNS));
    }

    @Test
    void annualisedVolatilityIsSampleStdOfDailyReturnsTimesRoot252() {
        // Returns +-1% alternate and have mean 0, so the sample variance is n * 0.01^2 / (n - 1).
        double expectedA = Math.sqrt(RETURNS * 1e-4 / (RETURNS - 1)) * Math.sqrt(252);
        PortfolioSnapshot s = service.snapshot("p");
        assertThat(s.holdings().get(0).annualisedVolatility()).isCloseTo(expectedA, within(1e-12));
        assertThat(s.holdings().get(1).annualisedVolatility()).isCloseTo(2 * expectedA, within(1e-12));
    }

    @Test
    void correlationOfProportionalAndMirroredReturnsIsPlusAndMinusOne() {
        CorrelationMatrix c = service.correlation(List.of("A", "B", "C"), 252);
        assertThat(c.observations()).isEqualTo(RETURNS);
        assertThat(c.get(0, 1)).isCloseTo(1.0, within(1e-12));
        assertThat(c.get(0, 2)).isCloseTo(-1.0, within(1e-12));
        assertThat(c.get(1, 2)).isCloseTo(-1.0, within(1e-12));
        assertThat(c.get(2, 2)).isEqualTo(1.0);
        assertThat(c.from()).isEqualTo(START);
    }

    @Test
    void correlationUsesOnlyDatesAllInstrumentsShare() {
        store.prices().saveAll(List.of(PriceBar.close("A", START.plusDays(RETURNS + 1), 120)));
        CorrelationMatrix c = service.correlation(List.of("A", "B"), 252);
        assertThat(c.observations()).isEqualTo(RETURNS);
        assertThat(c.to()).isEqualTo(START.plusDays(RETURNS));
    }

    @Test
    void savesANewHoldingAndReplacesAnExistingQuantity() {
        service.saveHolding("p", "C", "25");
        service.saveHolding("p", "A", "1,200");
        assertThat(store.portfolios().holdings("p")).extracting(Holding::instrumentId, h -> h.quantity().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", "1200"),
                        org.assertj.core.groups.Tuple.tuple("B", "50"), org.assertj.core.groups.Tuple.tuple("C", "25"));
        service.removeHolding("p", "C");
        assertThat(store.portfolios().holdings("p")).hasSize(2);
    }

    @Test
    void rejectsBadHoldingsNamingTheField() {
        assertField(() -> service.saveHolding("p", "A", "abc"), "quantity", "\"abc\" is not a number");
        assertField(() -> service.saveHolding("p", "A", "0"), "quantity", "must not be zero");
        assertField(() -> service.saveHolding("p", "A", " "), "quantity", "enter a quantity");
        assertField(() -> service.saveHolding("p", "B", "55"), "quantity", "whole number of lots of 10");
        assertField(() -> service.saveHolding("p", "ZZZ", "5"), "instrument", "not in the workspace");
        assertField(() -> service.saveHolding("p", "N", "5"), "instrument", "has no prices");
        assertField(() -> service.saveHolding("p", "", "5"), "instrument", "choose an instrument");
        assertThat(store.portfolios().holdings("p")).extracting(h -> h.quantity().toPlainString())
                .containsExactly("100", "50");
    }

    @Test
    void setsCashRoundedToCentsAndRejectsNegativeCash() {
        assertThat(service.setCash("p", "2500.456")).isEqualByComparingTo("2500.46");
        assertThat(store.portfolios().find("p").orElseThrow().cash()).isEqualByComparingTo("2500.46");
        assertField(() -> service.setCash("p", "-1"), "cash", "must not be negative");
        assertField(() -> service.setCash("p", "lots"), "cash", "is not a number");
    }

    @Test
    void holdableInstrumentsAreThoseWithPrices() {
        assertThat(service.holdableInstruments()).extracting(Instrument::id).containsExactly("A", "B", "C");
    }

    @Test
    void defaultPortfolioIsCreatedWhenTheWorkspaceHasNone() {
        store.clearAll();
        Portfolio p = service.defaultPortfolio();
        assertThat(p.id()).isEqualTo(PortfolioService.DEFAULT_PORTFOLIO_ID);
        assertThat(service.snapshot(p.id()).totalValue()).isEqualByComparingTo("0");
    }

    private static void assertField(Runnable r, String field, String reason) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).startsWith(field + ": ").contains(reason);
        });
    }
}
