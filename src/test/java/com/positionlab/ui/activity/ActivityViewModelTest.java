package com.positionlab.ui.activity;

import com.positionlab.domain.StoredSizing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.positionlab.service.optimize.FrontierService;
import com.positionlab.service.optimize.OptimizationHistory;
import com.positionlab.service.optimize.OptimizeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.domain.Side;
import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.engine.task.Progress;
import com.positionlab.service.Json;
import com.positionlab.service.sizing.PositionSizingRequest;
import com.positionlab.service.sizing.PositionSizingRequest.SizingParameters;
import com.positionlab.service.sizing.PositionSizingRequest.TradingDecision;
import com.positionlab.service.sizing.PositionSizingService;
import com.positionlab.service.workspace.WorkspaceService;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.RecordingNotifier;
import com.positionlab.testing.ScriptedDialogs;
import com.positionlab.testing.TestStores;
import com.positionlab.ui.common.WorkspaceChanges;
import com.positionlab.ui.task.SyncTaskRunner;
import java.time.LocalDate;
import java.time.ZoneOffset;
import com.positionlab.ui.common.ReportExporter;

/** The Activity page: the history with its filters, refreshing on accept, live metrics and the event export. */
class ActivityViewModelTest {

    @TempDir
    Path dir;

    private Database db;
    private PositionSizingService service;
    private ActivityViewModel model;
    private final RecordingNotifier notifier = new RecordingNotifier();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final WorkspaceChanges accepted = new WorkspaceChanges();

    @BeforeEach
    void setUp() {
        db = TestStores.memory();
        Store store = new Store(db);
        new WorkspaceService(store).createDemo(Progress.NONE);
        service = new PositionSizingService(store);
        model = new ActivityViewModel(service, new OptimizationHistory(new Store(db),
                new OptimizeService(), new FrontierService()), new SyncTaskRunner(), notifier, dialogs, new WorkspaceChanges(),
                accepted);
        model.refresh();
    }

    @AfterEach
    void tearDown() {
        service.close();
        db.close();
    }

    private void sizeAndAccept(String instrument, double entry, SizingMethod method) {
        PositionSizingRequest q = new PositionSizingRequest(new TradingDecision(null, instrument, Side.LONG, entry,
                null, 0.10, null, null, null, null, null), null, new SizingParameters(method, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null), null, null, null, null);
        service.acceptance().accept(q, service.size(q), false);
        accepted.changed();
    }

    @Test
    void storedOptimisationsAreListedNewestFirstWithTheirStatus() throws Exception {
        String book = new Store(db).portfolios().findAll().get(0).id();
        OptimizationHistory history = new OptimizationHistory(new Store(db), new OptimizeService(),
                new FrontierService());
        history.optimize(Json.requestMapper().readValue("{\"portfolio_id\": \"" + book + "\", \"mu\": {\"A\": 0.08, "
                + "\"B\": 0.12}, \"cov\": {\"tickers\": [\"A\", \"B\"], \"matrix\": [[0.04, 0], [0, 0.09]]}, "
                + "\"objective\": {\"method\": \"min_volatility\"}}", com.positionlab.service.optimize.OptimizeRequest.class));

        model.refresh();

        assertThat(model.optimizations()).hasSize(1);
        assertThat(model.optimizations().get(0).status()).isEqualTo("optimal");
        assertThat(model.optimizations().get(0).method()).isEqualTo("min_volatility");
        assertThat(model.optimizations().get(0).solver()).isEqualTo("critical line");
    }

    @Test
    void listsAcceptedSizingsNewestFirstWhenSignalled() {
        assertThat(model.history()).isEmpty();
        assertThat(model.selectedProperty().get()).isNull();
        sizeAndAccept("SEMI", 50, SizingMethod.KELLY_CRITERION);
        assertThat(model.selectedProperty().get().instrumentId()).as("the first is selected").isEqualTo("SEMI");
        sizeAndAccept("QBIT", 40, SizingMethod.FIXED_PERCENTAGE);

        assertThat(model.history()).extracting(StoredSizing::instrumentId).containsExactly("QBIT", "SEMI");
        assertThat(model.selectedProperty().get().instrumentId()).as("the selection is kept").isEqualTo("SEMI");
        assertThat(model.selectedDetailProperty().get()).startsWith("LONG").contains("SEMI by KELLY_CRITERION");
        assertThat(model.statusProperty().get()).isEqualTo("2 sizings");
    }

    @Test
    void theBatchReportHasASummaryThenAPagePerSizingAcceptedInTheDays() throws Exception {
        sizeAndAccept("SEMI", 50, SizingMethod.KELLY_CRITERION);
        sizeAndAccept("QBIT", 40, SizingMethod.FIXED_PERCENTAGE);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        ReportExporter exporter = new ReportExporter(new SyncTaskRunner(), notifier, dialogs, () -> "desk", p -> { });
        model.reportFromProperty().set(today.plusDays(1));
        model.reportToProperty().set(today);
        assertThat(model.canReportProperty().get()).as("to before from").isFalse();
        model.reportFromProperty().set(today.minusDays(3));
        assertThat(model.canReportProperty().get()).isTrue();
        dialogs.files.add(dir.resolve("sizings.pdf"));
        exporter.export("sizings", "sizings", model.historyReport());
        try (var doc = org.apache.pdfbox.Loader.loadPDF(dir.resolve("sizings.pdf").toFile())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Accepted sizings, " + today.minusDays(3) + " to " + today, "2 sizings",
                    "Summary", "LONG SEMI, accepted", "LONG QBIT, accepted", "Trading decision: instrument");
            // The summary, then a page for each sizing (in the order they were accepted).
            assertThat(doc.getNumberOfPages()).isGreaterThanOrEqualTo(3);
            assertThat(new org.apache.pdfbox.text.PDFTextStripper() {{ setStartPage(2); setEndPage(2); }}
                    .getText(doc)).contains("LONG SEMI, accepted");
        }
        // No sizing in these days: the report says so.
        model.reportFromProperty().set(today.minusYears(1));
        model.reportToProperty().set(today.minusYears(1));
        dialogs.files.add(dir.resolve("none.json"));
        exporter.export("sizings", "sizings", model.historyReport());
        assertThat(Files.readString(dir.resolve("none.json"))).contains("\"total\" : 0", "\"sizings\" : [ ]");
    }

    @Test
    void filtersByTextAndByMethod() {
        sizeAndAccept("SEMI", 50, SizingMethod.KELLY_CRITERION);
        sizeAndAccept("QBIT", 40, SizingMethod.FIXED_PERCENTAGE);
        sizeAndAccept("SOLR", 30, SizingMethod.FIXED_PERCENTAGE);

        model.filterTextProperty().set("semi");
        assertThat(model.history()).extracting(StoredSizing::instrumentId).containsExactly("SEMI");
        model.filterTextProperty().set("");
        model.methodFilterProperty().set(SizingMethod.FIXED_PERCENTAGE);
        assertThat(model.history()).extracting(StoredSizing::instrumentId).containsExactlyInAnyOrder("QBIT", "SOLR");
        model.filterTextProperty().set("solr");
        assertThat(model.history()).extracting(StoredSizing::instrumentId).containsExactly("SOLR");
        model.methodFilterProperty().set(null);
        model.filterTextProperty().set("nothing like it");
        assertThat(model.history()).isEmpty();
        assertThat(model.selectedProperty().get()).isNull();
    }

    @Test
    void eachAcceptedSizingShowsTheEntryAndStopItWasAskedWith() {
        sizeAndAccept("SEMI", 50, SizingMethod.KELLY_CRITERION);
        model.refresh();
        StoredSizing s = model.history().get(0);
        assertThat(model.prices(s)[0]).isEqualTo(50.0);
        assertThat(model.prices(s)[1]).isNaN();
    }

    @Test
    void metricsCountSizingsAndRefusedTicketsApartFromErrors() {
        model.sampleMetrics();
        assertThat(model.metricsProperty().get().count()).isZero();
        sizeAndAccept("SEMI", 50, SizingMethod.KELLY_CRITERION);
        try {
            service.size(new PositionSizingRequest(new TradingDecision(null, "SEMI", Side.LONG, -1.0, null, null, null,
                    null, null, null, null), null, null, null, null, null, null));
        } catch (RuntimeException expected) {
            // bad input is the trader's to fix: refused, not an error
        }
        model.sampleMetrics();
        assertThat(model.metricsProperty().get().count()).isEqualTo(2);
        assertThat(model.metricsProperty().get().errors()).isZero();
        assertThat(model.metricsProperty().get().rejected()).isEqualTo(1);
        assertThat(model.metricsProperty().get().p99Ms()).isPositive();
    }

    @Test
    void aFailedSizingIsListedWithWhatItAskedForAndWhyWhileARefusedOneIsNot() {
        try {
            service.size(new PositionSizingRequest(new TradingDecision(null, "SEMI", Side.LONG, -1.0, null, null, null,
                    null, null, null, null), null, null, null, null, null, null));
        } catch (RuntimeException expected) {
            // refused: the trader's to fix, not an error
        }
        db.close();
        assertThatThrownBy(() -> service.size(new PositionSizingRequest(new TradingDecision(null, "BIOV", Side.SHORT,
                100.0, null, 0.10, null, null, null, null, null), null, null, null, null, null, null)))
                .isInstanceOf(RuntimeException.class);
        model.sampleMetrics();
        assertThat(model.metricsProperty().get().errors()).isEqualTo(1);
        assertThat(model.failures()).singleElement().satisfies(f -> {
            assertThat(f.what()).matches("SHORT BIOV: \\w+Exception: .{10,}");
            assertThat(f.at()).isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now());
        });
    }

    @Test
    void exportsEveryEventAsOneJsonObjectPerLine() throws Exception {
        sizeAndAccept("SEMI", 50, SizingMethod.KELLY_CRITERION);
        sizeAndAccept("QBIT", 40, SizingMethod.FIXED_PERCENTAGE);
        Path file = dir.resolve("events.jsonl");
        dialogs.files.add(file);

        model.exportEvents();

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        for (String line : lines) {
            JsonNode event = Json.mapper().readTree(line);
            assertThat(event.has("event_id")).isTrue();
            assertThat(event.path("optimal_position").path("instrument_id").asText()).isIn("SEMI", "QBIT");
        }
        assertThat(notifier.infos).singleElement().asString().contains("2 events written");
        assertThat(dialogs.asked).singleElement().asString().contains("sizing-events.jsonl");
    }
}
