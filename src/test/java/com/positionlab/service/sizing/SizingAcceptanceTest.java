package com.positionlab.service.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.positionlab.domain.Fill;
import com.positionlab.domain.Holding;
import com.positionlab.domain.Instrument;
import com.positionlab.domain.PriceBar;
import com.positionlab.domain.SizingHistoryFilter;
import com.positionlab.domain.StoredSizing;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.engine.task.Progress;
import com.positionlab.domain.Side;
import com.positionlab.service.workspace.DemoWorkspace;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.store.StoreException;
import com.positionlab.testing.TestStores;

/** Accepting with "also update holdings" fills the trade: units, average cost and cash, in one transaction. */
class SizingAcceptanceTest {

    private static final String P = DemoWorkspace.PORTFOLIO_ID;

    private Database db;
    private Store store;
    private PositionSizingService service;

    @BeforeEach
    void demo() {
        db = TestStores.memory();
        store = new Store(db);
        new WorkspaceService(store).createDemo(Progress.NONE);
        service = new PositionSizingService(store);
    }

    @AfterEach
    void close() {
        service.close();
        db.close();
    }

    private BigDecimal cash() {
        return store.portfolios().find(P).orElseThrow().cash();
    }

    private Optional<Holding> holding(String id) {
        return store.portfolios().holdings(P).stream().filter(h -> h.instrumentId().equals(id)).findFirst();
    }

    private double lastClose(String id) {
        return store.prices().latest(List.of(id)).get(id).close();
    }

    /** Cash plus every holding at its last close. */
    private BigDecimal bookValue() {
        Map<String, Holding> held = store.portfolios().holdings(P).stream()
                .collect(Collectors.toMap(Holding::instrumentId, h -> h));
        Map<String, PriceBar> last = store.prices().latest(held.keySet());
        BigDecimal value = cash();
        for (Holding h : held.values()) {
            value = value.add(h.quantity().multiply(BigDecimal.valueOf(last.get(h.instrumentId()).close())));
        }
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }

    private PositionSizingResponse accept(String id, String instrument, Side side) {
        PositionSizingRequest req = PositionSizingServiceTest.request(PositionSizingServiceTest.decision(id, instrument,
                side, lastClose(instrument), null, 0.1), null,
                PositionSizingServiceTest.method(SizingMethod.FIXED_PERCENTAGE), null);
        PositionSizingResponse r = service.size(req);
        assertThat(r.optimalPosition().recommendedSize()).isPositive();
        service.acceptance().accept(req, r, true);
        return r;
    }

    private String notHeld() {
        List<String> held = store.portfolios().holdings(P).stream().map(Holding::instrumentId).toList();
        return store.instruments().findAll().stream().map(Instrument::id).filter(i -> !held.contains(i)).findFirst()
                .orElseThrow();
    }

    @Test
    void aBuyDebitsCashByItsNotionalAndLeavesTheBooksValueAsItWas() {
        String id = notHeld();
        BigDecimal cashBefore = cash();
        BigDecimal valueBefore = bookValue();

        PositionSizingResponse r = accept("buy-1", id, Side.LONG);

        BigDecimal notional = r.optimalPosition().recommendedNotional();
        assertThat(cash()).isEqualByComparingTo(cashBefore.subtract(notional));
        assertThat(holding(id)).hasValueSatisfying(h -> {
            assertThat(h.quantity()).isEqualByComparingTo(r.optimalPosition().recommendedSize());
            assertThat(h.averageCost().doubleValue()).isEqualTo(lastClose(id));
        });
        // Bought at the last close: the book is worth what it was, to the cent of the notional's rounding.
        assertThat(bookValue().subtract(valueBefore).abs()).isLessThanOrEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void aShortAgainstAHeldLongCreditsCashAndKeepsTheAverageCost() {
        Holding before = store.portfolios().holdings(P).get(0);
        assertThat(before.averageCost()).as("the demo's holdings have a cost").isNotNull();
        BigDecimal cashBefore = cash();

        PositionSizingResponse r = accept("sell-1", before.instrumentId(), Side.SHORT);

        BigDecimal units = r.optimalPosition().recommendedSize();
        assertThat(cash()).isEqualByComparingTo(cashBefore.add(r.optimalPosition().recommendedNotional()));
        BigDecimal after = before.quantity().subtract(units);
        if (after.signum() > 0) {
            assertThat(holding(before.instrumentId())).hasValueSatisfying(h -> {
                assertThat(h.quantity()).isEqualByComparingTo(after);
                assertThat(h.averageCost()).isEqualByComparingTo(before.averageCost());
            });
        }
    }

    @Test
    void aBuyIntoAHeldLongAveragesTheCostByQuantity() {
        Holding before = store.portfolios().holdings(P).get(1);
        double price = lastClose(before.instrumentId());

        PositionSizingResponse r = accept("add-1", before.instrumentId(), Side.LONG);

        BigDecimal dq = r.optimalPosition().recommendedSize();
        BigDecimal q = before.quantity().add(dq);
        BigDecimal expected = before.averageCost().multiply(before.quantity()).add(BigDecimal.valueOf(price)
                .multiply(dq)).divide(q, 6, RoundingMode.HALF_EVEN);
        assertThat(holding(before.instrumentId())).hasValueSatisfying(h -> {
            assertThat(h.quantity()).isEqualByComparingTo(q);
            assertThat(h.averageCost()).isEqualByComparingTo(expected);
        });
    }

    @Test
    void theHistoryRowAndTheFillLandTogetherOrNotAtAll() {
        String id = notHeld();
        StoredSizing row = new StoredSizing("s-orphan", "d-orphan", "no-such-portfolio", id, "LONG",
                "FIXED_PERCENTAGE", null, BigDecimal.TEN, new BigDecimal("100.00"), 0.01, null, 0.5, "{}", "{}",
                1.0, null);
        Fill fill = new Fill("no-such-portfolio", id, BigDecimal.TEN, BigDecimal.TEN, new BigDecimal("100.00"));

        assertThatThrownBy(() -> store.sizingHistory().save(row, fill)).isInstanceOf(StoreException.class);

        assertThat(store.sizingHistory().list(new SizingHistoryFilter(id, null, null, 10)))
                .noneMatch(s -> s.sizingId().equals("s-orphan"));
    }

    @Test
    void aFillThatFlipsThePositionStartsItsCostAtThePriceAndOneThatClosesItRemovesIt() {
        Holding longTen = new Holding(P, "X", BigDecimal.TEN, new BigDecimal("50"));
        Holding flipped = new Fill(P, "X", new BigDecimal("-15"), new BigDecimal("60"), new BigDecimal("900"))
                .applyTo(longTen);
        assertThat(flipped.quantity()).isEqualByComparingTo("-5");
        assertThat(flipped.averageCost()).isEqualByComparingTo("60");
        assertThat(new Fill(P, "X", new BigDecimal("-10"), new BigDecimal("70"), new BigDecimal("700"))
                .applyTo(longTen)).isNull();
        assertThat(new Fill(P, "X", new BigDecimal("-15"), new BigDecimal("60"), new BigDecimal("900")).cashChange())
                .isEqualByComparingTo("900");
        Holding unknownCost = new Fill(P, "X", BigDecimal.ONE, BigDecimal.TEN, BigDecimal.TEN)
                .applyTo(new Holding(P, "X", BigDecimal.TEN));
        assertThat(unknownCost.averageCost()).as("an unknown cost stays unknown").isNull();
    }
}
