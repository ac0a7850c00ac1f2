package com.positionlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.positionlab.report.kinds.ReportKind;

/**
 * {@code report --kind backtest} in each shape {@code backtest} prints (one strategy, several side by side, a
 * sweep, a trade sequence) and for what {@code attribution} prints: each builds, the PDF states the figures
 * with their units and draws dates on the x axis, the trades are capped in the PDF and complete in the CSV
 * export, the JSON export is the result, and a document of none of these shapes is refused saying what is
 * missing.
 */
class BacktestReportTest {

    private static final int DAYS = 1_300;
    private static final int TRADES = 250;

    @Test
    void aSingleBacktestStatesItsStatisticsInAndOutOfSampleWithChartsOverDates() throws IOException {
        JsonNode r = BacktestResults.single("Maximum Sharpe", DAYS, TRADES);
        Report report = ReportKind.BACKTEST.build(r, Results.context());

        Section.Chart equity = chart(report, "Equity");
        Plot.Lines lines = (Plot.Lines) equity.plot();
        assertThat(lines.x().unit()).isEqualTo(Unit.DATE);
        assertThat(lines.lines()).extracting(Plot.Line::name).containsExactly("In sample", "Out of sample");
        assertThat(lines.lines().get(0).x()[0]).isEqualTo(BacktestResults.START.toEpochDay());
        Plot.Lines drawdown = (Plot.Lines) chart(report, "Drawdown").plot();
        assertThat(drawdown.y().unit()).isEqualTo(Unit.FRACTION);
        assertThat(drawdown.lines().get(0).y()).hasSize(DAYS);
        assertThat(report.mainTable().orElseThrow().name()).isEqualTo("statistics");

        try (PDDocument pdf = Loader.loadPDF(Results.write(report, ReportFormat.PDF))) {
            String text = PdfReportTest.text(pdf).replaceAll("\\s+", " ");
            double total = r.at("/statistics/total_return").asDouble();
            assertThat(text).contains("Backtest: Maximum Sharpe, " + ReportText.percent(total) + " total return",
                    "Whole period", "In sample (to 2018-12-31)", "Out of sample (from 2018-12-31)",
                    "Maximum drawdown", ReportText.percent(-0.1234), "Longest drawdown", "87", "days",
                    "Costs paid", "1,234.50", "Drawdown from the peak (%)", "Equity (account currency)", "Date",
                    "2016", "2019", "Allocation effect", "equal_weight", "Tech",
                    "Prices are adjusted for splits and dividends.", "cost_bps");
            assertThat(text).contains("The first 200 of 250 rows; the other 50 are left out here");
            assertThat(text).contains("T6").doesNotContain(r.at("/trades/249/date").asText());
            PdfReportTest.assertNumberedWithEmbeddedFonts(pdf, PdfReportTest.text(pdf));
            assertThat(PdfReportTest.maxPathOperations(pdf)).as("the equity curve is drawn").isGreaterThan(DAYS);
        }
        assertThat(Json.readBack(Results.write(report, ReportFormat.JSON))).isEqualTo(r);
    }

    @Test
    void theCsvExportOfASingleBacktestHoldsEveryEquityPointAndEveryTrade() throws IOException {
        JsonNode r = BacktestResults.single("Maximum Sharpe", DAYS, TRADES);
        Report report = ReportKind.BACKTEST.build(r, Results.context());

        Map<String, List<CSVRecord>> files = zip(Results.write(report, ReportFormat.ZIP));
        assertThat(files).containsKeys("statistics.csv", "equity_curve.csv", "drawdown_curve.csv", "trades.csv",
                "attribution.csv", "inputs.csv");
        List<CSVRecord> equity = files.get("equity_curve.csv");
        assertThat(equity.get(0).values()).containsExactly("Strategy", "Date", "Equity");
        assertThat(equity).hasSize(1 + DAYS);
        for (int i = 0; i < DAYS; i++) {
            JsonNode p = r.get("equity_curve").get(i);
            assertThat(equity.get(i + 1).get(1)).isEqualTo(p.get("date").asText());
            assertThat(new BigDecimal(equity.get(i + 1).get(2))).isEqualByComparingTo(p.get("value").decimalValue());
        }
        List<CSVRecord> trades = files.get("trades.csv");
        assertThat(trades.get(0).values()).containsExactly("Date", "Ticker", "Units (units)", "Price",
                "Value (currency)", "Cost (currency)");
        assertThat(trades).hasSize(1 + TRADES);
        for (int i = 0; i < TRADES; i++) {
            JsonNode t = r.get("trades").get(i);
            CSVRecord row = trades.get(i + 1);
            assertThat(row.get(0)).isEqualTo(t.get("date").asText());
            assertThat(row.get(1)).isEqualTo(t.get("ticker").asText());
            assertThat(new BigDecimal(row.get(2))).isEqualByComparingTo(t.get("units").decimalValue());
            assertThat(new BigDecimal(row.get(4))).isEqualByComparingTo(t.get("value").decimalValue());
        }
        // The single CSV file is the statistics, fractions as decimals and a missing figure left empty.
        List<CSVRecord> csv = CsvReportTest.parse(new String(Results.write(report, ReportFormat.CSV),
                StandardCharsets.UTF_8));
        assertThat(csv.get(0).values()).containsExactly("Statistic", "Unit", "Whole period",
                "In sample (to 2018-12-31)", "Out of sample (from 2018-12-31)");
        assertThat(csv).anySatisfy(row -> assertThat(row.values()).containsExactly("Maximum drawdown", "fraction",
                "-0.1234", "-0.1234", "-0.1234"));
        assertThat(csv).anySatisfy(row -> assertThat(row.values()).containsExactly("Sortino ratio", "", "", "", ""));
    }

    @Test
    void strategiesSideBySideShareOneEquityChartOneDrawdownChartAndOneStatisticsTable() throws IOException {
        JsonNode r = BacktestResults.comparison(DAYS, TRADES);
        Report report = ReportKind.BACKTEST.build(r, Results.context());

        assertThat(report.sections().stream().filter(Section.Chart.class::isInstance)).hasSize(2);
        Plot.Lines equity = (Plot.Lines) chart(report, "Equity").plot();
        assertThat(equity.lines()).extracting(Plot.Line::name)
                .containsExactly("Maximum Sharpe", "Minimum volatility", "Equal weight");
        assertThat(equity.x().unit()).isEqualTo(Unit.DATE);
        assertThat(((Plot.Lines) chart(report, "Drawdown").plot()).lines()).hasSize(3);
        Section.Table stats = report.mainTable().orElseThrow();
        assertThat(stats.columns()).extracting(Section.Column::header).containsExactly("Statistic", "Unit",
                "Maximum Sharpe", "Minimum volatility", "Equal weight");
        assertThat(report.tables()).extracting(Section.Table::name).contains("trades_maximum_sharpe",
                "trades_minimum_volatility", "trades_equal_weight", "attribution_equal_weight");
        assertThat(table(report, "equity_curve").rows()).hasSize(3 * DAYS);
        assertThat(table(report, "statistics-split").columns()).extracting(Section.Column::header).contains(
                "Maximum Sharpe, in sample", "Maximum Sharpe, out of sample", "Equal weight, out of sample");

        try (PDDocument pdf = Loader.loadPDF(Results.write(report, ReportFormat.PDF))) {
            String text = PdfReportTest.text(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Backtest of 3 strategies side by side", "Trades: Minimum volatility",
                    "Attribution: Equal weight", "Strategies", "First day", "2015-01-02");
            assertThat(text.split("The first 200 of 250 rows", -1)).hasSize(4);
        }
        assertThat(zip(Results.write(report, ReportFormat.ZIP)).get("trades_equal_weight.csv")).hasSize(1 + TRADES);
    }

    @Test
    void aSweepIsRankedByTheInSampleStatisticWithItsOutOfSampleBeside() throws IOException {
        Report report = ReportKind.BACKTEST.build(BacktestResults.sweep(), Results.context());

        Section.Table ranked = report.mainTable().orElseThrow();
        assertThat(ranked.columns()).extracting(Section.Column::header).startsWith("Rank", "Lookback", "Rebalance",
                "Sharpe ratio, in sample", "Sharpe ratio, out of sample", "Total return, out of sample");
        // in-sample Sharpe ratios 0.3, 1.15, none, 0.81, 0.64, 0.47 for (63, m), (63, q), (126, m), ...
        assertThat(ranked.rows()).extracting(row -> ReportText.format(row.get(1)) + " " + ReportText.format(row.get(2)))
                .containsExactly("63 quarterly", "126 quarterly", "252 monthly", "252 quarterly", "63 monthly",
                        "126 monthly");
        assertThat(ReportText.format(ranked.rows().get(0).get(3))).isEqualTo("1.15");
        assertThat(ReportText.format(ranked.rows().get(5).get(3))).isEqualTo(ReportText.NONE);
        assertThat(table(report, "sweep_statistics").columns()).extracting(Section.Column::header)
                .contains("Maximum drawdown, in sample", "Costs paid, out of sample");

        try (PDDocument pdf = Loader.loadPDF(Results.write(report, ReportFormat.PDF))) {
            String text = PdfReportTest.text(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Parameter sweep: 6 parameter sets ranked by in-sample sharpe ratio",
                    "Sharpe ratio out of sample, best in sample first", "#1 lookback 63, rebalance quarterly");
        }
        Map<String, List<CSVRecord>> files = zip(Results.write(report, ReportFormat.ZIP));
        assertThat(files.get("sweep.csv")).hasSize(7);
        assertThat(files.get("sweep_statistics.csv")).hasSize(7);
    }

    @Test
    void aTradeSequenceComparisonDrawsEquityByTradeNumber() throws IOException {
        Report report = ReportKind.BACKTEST.build(BacktestResults.tradeSequence(120), Results.context());

        Plot.Lines equity = (Plot.Lines) chart(report, "Equity by trade").plot();
        assertThat(equity.x()).isEqualTo(new Plot.Axis("Trade number", Unit.COUNT));
        assertThat(equity.lines()).extracting(Plot.Line::name).containsExactly("Kelly (quarter)", "Fixed 2%",
                "Optimal f");
        assertThat(equity.lines().get(0).x()).hasSize(121);
        assertThat(report.mainTable().orElseThrow().rows()).extracting(row -> ((Cell.Text) row.get(0)).text())
                .containsExactly("Total return", "Maximum drawdown", "Hit rate (share of days or trades with a gain)",
                        "Final equity", "Trades", "Average fraction of equity per trade");
        assertThat(table(report, "equity_by_trade").rows()).hasSize(3 * 121);

        try (PDDocument pdf = Loader.loadPDF(Results.write(report, ReportFormat.PDF))) {
            String text = PdfReportTest.text(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Trade-sequence backtest: 3 sizing rules compared", "Sizing attribution",
                    "From sizing (%)", "Trade number", "Equity (account currency)");
        }
        assertThat(Results.write(report, ReportFormat.CSV)).isNotEmpty();
    }

    @Test
    void anAttributionAloneIsATableWithATotalAndAChartOfEachEffect() throws IOException {
        JsonNode r = BacktestResults.attribution();
        Report report = ReportKind.BACKTEST.build(r, Results.context());

        Section.Table sectors = report.mainTable().orElseThrow();
        assertThat(sectors.columns()).extracting(Section.Column::header).containsExactly("Sector", "Portfolio weight",
                "Benchmark weight", "Portfolio return", "Benchmark return", "Allocation", "Selection", "Interaction",
                "Total");
        assertThat(sectors.rows()).hasSize(4);
        assertThat(report.sections().stream().filter(Section.Chart.class::isInstance).map(Section::title))
                .containsExactly("Allocation effect by sector", "Selection effect by sector",
                        "Interaction effect by sector");
        Plot.Bars allocation = (Plot.Bars) chart(report, "Allocation effect by sector").plot();
        assertThat(allocation.labels()).containsExactly("UK equities", "Japanese equities", "US equities");
        assertThat(allocation.values()[1]).isCloseTo(-0.0104, org.assertj.core.data.Offset.offset(1e-12));

        try (PDDocument pdf = Loader.loadPDF(Results.write(report, ReportFormat.PDF))) {
            String text = PdfReportTest.text(pdf).replaceAll("\\s+", " ");
            assertThat(text).contains("Attribution: 1.90% active return", "Brinson-Fachler (single period)",
                    "-1.04%", "Total — — 8.30% 6.40% -1.20% 3.00% 0.10% 1.90%");
        }
        List<CSVRecord> csv = CsvReportTest.parse(new String(Results.write(report, ReportFormat.CSV),
                StandardCharsets.UTF_8));
        assertThat(csv).hasSize(5);
        assertThat(csv.get(0).values()).startsWith("Sector", "Portfolio weight (fraction)");
        assertThat(Json.readBack(Results.write(report, ReportFormat.JSON))).isEqualTo(r);
    }

    @Test
    void aDocumentOfNoBacktestShapeIsRefusedSayingWhatIsMissing() {
        assertRefused("{\"weights\": {\"A\": 1}}", "it has no \"equity_curve\" (one backtest), \"results\" "
                + "(several), \"sweep\", \"sectors\" with \"active_return\" (an attribution), nor \"kind\": "
                + "\"trade_sequence\"");
        assertRefused("[1, 2]", "expected a JSON object");
        assertRefused("{\"results\": []}", "\"results\" holds no backtest");
        assertRefused("{\"results\": 7}", "\"results\" holds no backtest");
        assertRefused("{\"sweep\": {\"rank_by\": \"cagr\"}}", "\"sweep\" has no \"points\"");
        assertRefused("{\"kind\": \"trade_sequence\", \"results\": [3]}", "holds no sizing rule's replay");
        assertRefused("{\"sectors\": []}", "it has no \"equity_curve\"");
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> ReportKind.BACKTEST.build(Json.read(json), Results.context()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    private static Section.Chart chart(Report report, String title) {
        return report.sections().stream().filter(s -> s instanceof Section.Chart && s.title().equals(title))
                .map(Section.Chart.class::cast).findFirst().orElseThrow(() -> new AssertionError("no chart " + title));
    }

    private static Section.Table table(Report report, String name) {
        return report.tables().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + name));
    }

    private static Map<String, List<CSVRecord>> zip(byte[] bytes) throws IOException {
        Map<String, List<CSVRecord>> files = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                files.put(e.getName(), CsvReportTest.parse(new String(zip.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return files;
    }

    /** Reading documents as {@code report} does. */
    private static final class Json {
        static JsonNode read(String json) throws IOException {
            return ReportInput.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        }

        static JsonNode readBack(byte[] bytes) throws IOException {
            return ReportInput.read(new ByteArrayInputStream(bytes));
        }
    }
}
