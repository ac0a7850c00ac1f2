package com.positionlab.ui.data;

import com.positionlab.domain.WorkspaceKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.service.imports.ImportKind;
import com.positionlab.service.imports.ImportService;
import com.positionlab.service.portfolio.PortfolioService;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.RecordingNotifier;
import com.positionlab.testing.ScriptedDialogs;
import com.positionlab.testing.TestStores;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.SyncTaskRunner;

/** The Data view model: import with its report and the valid-rows question, and workspace resets. */
class DataViewModelTest {

    @TempDir
    Path dir;

    private Database db;
    private Store store;
    private DataViewModel model;
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final WorkspaceChanges changes = new WorkspaceChanges();

    @BeforeEach
    void setUp() {
        db = TestStores.memory();
        store = new Store(db);
        WorkspaceService workspace = new WorkspaceService(store);
        workspace.createEmpty();
        model = new DataViewModel(workspace, new ImportService(store), new PortfolioService(store),
                new SyncTaskRunner(), notifier, dialogs, changes);
        model.refresh();
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Path pricesWithOneBadRow() throws Exception {
        return Files.writeString(dir.resolve("prices.csv"),
                "date,instrument,close\n2024-01-02,XYZ,10\n2024-01-03,XYZ,abc\n2024-01-04,XYZ,11\n");
    }

    @Test
    void aCleanFileOfANewInstrumentAsksOnceToAddItAndTheViewsReload() throws Exception {
        Path csv = Files.writeString(dir.resolve("ok.csv"), "date,instrument,close\n2024-01-02,XYZ,10\n2024-01-03,XYZ,11\n");
        long before = changes.revisionProperty().get();
        dialogs.confirmations.add(true);
        model.importFile(ImportKind.PRICES, csv);
        assertThat(store.prices().count()).isEqualTo(2);
        assertThat(dialogs.asked).singleElement().asString().startsWith("New instruments").contains("XYZ");
        assertThat(model.lastReportProperty().get().rowsNew()).isEqualTo(2);
        assertThat(changes.revisionProperty().get()).isGreaterThan(before);
        assertThat(model.instruments()).extracting(i -> i.id()).containsExactly("XYZ");
        assertThat(model.summaryProperty().get().kind()).isEqualTo(WorkspaceKind.USER);
    }

    @Test
    void anImportIntoTheDemoWorkspaceMakesItTheTradersOwn() throws Exception {
        dialogs.confirmations.add(true);
        model.resetToDemo();
        assertThat(model.summaryProperty().get().kind()).isEqualTo(WorkspaceKind.DEMO);
        Path csv = Files.writeString(dir.resolve("own.csv"), "date,instrument,close\n2025-11-03,QBIT,285.10\n");
        model.importFile(ImportKind.PRICES, csv);
        assertThat(model.lastReportProperty().get().written()).isTrue();
        assertThat(model.summaryProperty().get().kind()).as("no longer 'Demo workspace'").isEqualTo(WorkspaceKind.USER);
    }

    @Test
    void anUnknownTickerIsAddedOnlyWhenTheTraderConfirms() throws Exception {
        Path csv = Files.writeString(dir.resolve("typo.csv"), "date,instrument,close\n2024-01-02,APPL,10\n");
        dialogs.confirmations.add(false);
        model.importFile(ImportKind.PRICES, csv);
        assertThat(store.prices().count()).isZero();
        assertThat(store.instruments().count()).isZero();
        assertThat(model.lastReportProperty().get().unknownInstruments()).containsExactly("APPL");
        assertThat(notifier.infos).singleElement().asString().contains("Check the tickers");
    }

    @Test
    void rejectedRowsAreReportedAndNothingIsWrittenWhenTheUserDeclines() throws Exception {
        dialogs.confirmations.add(true);
        dialogs.confirmations.add(false);
        model.importFile(ImportKind.PRICES, pricesWithOneBadRow());
        assertThat(store.prices().count()).isZero();
        assertThat(model.lastReportProperty().get().rejected()).singleElement()
                .satisfies(r -> {
                    assertThat(r.line()).isEqualTo(3);
                    assertThat(r.reason()).contains("close").contains("abc");
                });
        assertThat(dialogs.asked).hasSize(2).last().asString().contains("1 of 3 rows").contains("Import the 2 valid rows");
    }

    @Test
    void theValidRowsAreImportedWhenTheUserAgrees() throws Exception {
        dialogs.confirmations.add(true);
        dialogs.confirmations.add(true);
        model.importFile(ImportKind.PRICES, pricesWithOneBadRow());
        assertThat(store.prices().count()).isEqualTo(2);
        assertThat(model.lastReportProperty().get().written()).isTrue();
        assertThat(model.lastReportProperty().get().rowsRejected()).isEqualTo(1);
    }

    @Test
    void anEmptyFileIsAnErrorNotification() throws Exception {
        model.importFile(ImportKind.PRICES, Files.writeString(dir.resolve("empty.csv"), ""));
        assertThat(notifier.errors).singleElement().asString().contains("empty.csv").contains("empty");
        assertThat(store.prices().count()).isZero();
    }

    @Test
    void resetToDemoAndStartEmptyAskFirst() {
        dialogs.confirmations.add(false);
        model.resetToDemo();
        assertThat(store.instruments().count()).isZero();
        dialogs.confirmations.add(true);
        model.resetToDemo();
        assertThat(model.summaryProperty().get().instruments()).isEqualTo(30);
        assertThat(model.strategies()).hasSize(3).allSatisfy(s -> assertThat(s.trades()).isGreaterThanOrEqualTo(200));
        dialogs.confirmations.add(true);
        model.startEmpty();
        assertThat(model.summaryProperty().get().kind()).isEqualTo(WorkspaceKind.EMPTY);
        assertThat(model.instruments()).isEmpty();
    }
}
