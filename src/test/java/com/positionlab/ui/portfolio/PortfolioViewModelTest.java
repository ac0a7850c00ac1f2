package com.positionlab.ui.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.positionlab.engine.task.Progress;
import com.positionlab.service.portfolio.HoldingRow;
import com.positionlab.service.portfolio.PortfolioService;
import com.positionlab.service.workspace.DemoWorkspace;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.RecordingNotifier;
import com.positionlab.testing.ScriptedDialogs;
import com.positionlab.testing.TestStores;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.SyncTaskRunner;

/** The Portfolio view model on the demo workspace, with the synchronous task runner. */
class PortfolioViewModelTest {

    private Database db;
    private Store store;
    private PortfolioViewModel model;
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @BeforeEach
    void setUp() {
        db = TestStores.memory();
        store = new Store(db);
        new WorkspaceService(store).createDemo(Progress.NONE);
        model = new PortfolioViewModel(new PortfolioService(store), new SyncTaskRunner(), notifier, dialogs,
                new WorkspaceChanges());
        model.refresh();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void refreshLoadsHoldingsCorrelationsAndSelectsTheFirstHolding() {
        assertThat(model.holdings()).hasSize(15);
        assertThat(model.snapshotProperty().get().totalValue()).isEqualByComparingTo(DemoWorkspace.PORTFOLIO_VALUE);
        assertThat(model.correlationProperty().get().values()).hasDimensions(15, 15);
        assertThat(model.correlationProperty().get().observations()).isEqualTo(PortfolioService.LOOKBACK_DAYS);
        HoldingRow first = model.holdings().get(0);
        assertThat(model.selectedProperty().get()).isEqualTo(first);
        assertThat(model.priceHistoryProperty().get()).hasSize(DemoWorkspace.DAYS);
        assertThat(model.editInstrumentProperty().get()).isEqualTo(first.instrumentId());
        assertThat(model.cashTextProperty().get()).isEqualTo(model.snapshotProperty().get().cash().toPlainString());
        assertThat(notifier.errors).isEmpty();
    }

    @Test
    void invalidQuantityIsFlaggedWhileTypingAndKeptAsTyped() {
        model.editQuantityProperty().set("12x");
        assertThat(model.quantityErrorProperty().get()).isEqualTo("\"12x\" is not a number");
        assertThat(model.canSaveProperty().get()).isFalse();
        model.editQuantityProperty().set("0");
        assertThat(model.quantityErrorProperty().get()).contains("must not be zero");
        model.editQuantityProperty().set("15");
        assertThat(model.quantityErrorProperty().get()).isEmpty();
        assertThat(model.canSaveProperty().get()).isTrue();
    }

    @Test
    void lotSizeErrorFromTheServiceShowsBesideTheQuantity() {
        model.startNew();
        model.editInstrumentProperty().set("AQUA");
        model.editQuantityProperty().set("15");
        model.saveHolding();
        assertThat(model.quantityErrorProperty().get()).contains("whole number of lots of 10");
        assertThat(model.editQuantityProperty().get()).isEqualTo("15");
        assertThat(store.portfolios().holdings(DemoWorkspace.PORTFOLIO_ID)).filteredOn(h -> h.instrumentId().equals("AQUA"))
                .singleElement().satisfies(h -> assertThat(h.quantity()).isNotEqualByComparingTo("15"));
    }

    @Test
    void savingAHoldingStoresItAndReloads() {
        model.startNew();
        model.editInstrumentProperty().set("QBIT");
        model.editQuantityProperty().set("250");
        model.saveHolding();
        assertThat(model.holdings()).extracting(HoldingRow::instrumentId).contains("QBIT");
        assertThat(model.holdings()).hasSize(16);
        assertThat(store.portfolios().holdings(DemoWorkspace.PORTFOLIO_ID)).anySatisfy(h -> {
            assertThat(h.instrumentId()).isEqualTo("QBIT");
            assertThat(h.quantity()).isEqualByComparingTo(new BigDecimal("250"));
        });
        assertThat(notifier.infos).anyMatch(s -> s.startsWith("Holding saved"));
    }

    @Test
    void removingAsksFirstAndKeepsTheHoldingWhenDeclined() {
        HoldingRow first = model.holdings().get(0);
        dialogs.confirmations.add(false);
        model.removeSelected();
        assertThat(model.holdings()).contains(first);
        dialogs.confirmations.add(true);
        model.removeSelected();
        assertThat(model.holdings()).hasSize(14).extracting(HoldingRow::instrumentId).doesNotContain(first.instrumentId());
        assertThat(dialogs.asked).hasSize(2);
    }

    @Test
    void negativeCashIsRefusedBesideTheCashField() {
        model.cashTextProperty().set("-5");
        model.saveCash();
        assertThat(model.cashErrorProperty().get()).isEqualTo("must not be negative");
        assertThat(model.cashTextProperty().get()).isEqualTo("-5");
        model.cashTextProperty().set("10000");
        model.saveCash();
        assertThat(model.cashErrorProperty().get()).isEmpty();
        assertThat(model.snapshotProperty().get().cash()).isEqualByComparingTo("10000.00");
    }
}
