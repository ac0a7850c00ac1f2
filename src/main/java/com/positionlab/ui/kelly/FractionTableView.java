package com.positionlab.ui.kelly;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;

import com.positionlab.engine.sim.growth.FractionResult;
import com.positionlab.ui.common.Formats;

/**
 * The Kelly Lab's results by simulated fraction, one column per fraction and one row per measure, so that
 * three fractions fit the card without scrolling sideways. The lattice's exact values have rows of their own.
 */
final class FractionTableView {

    /** One measure of the table: its name, what it means, and its text for one fraction ("—" when none). */
    record Measure(String name, String meaning, Function<FractionResult, String> value) {
    }

    /** A row: the measure and the results it is read from. */
    record Row(Measure measure, List<FractionResult> fractions) {
        @Override
        public String toString() {
            return measure.name().strip();
        }
    }

    static final List<Measure> MEASURES = List.of(
            new Measure("Median final wealth", "Median wealth after the last bet, over the simulated paths",
                    f -> Formats.compact(f.terminalWealthPercentiles().p50())),
            new Measure("  exact (lattice)", "Median wealth after the last bet from the exact binomial lattice; "
                    + "a strategy's trade list is bootstrapped and has no lattice",
                    f -> f.exactTerminalWealthPercentiles() == null ? "—"
                            : Formats.compact(f.exactTerminalWealthPercentiles().p50())),
            new Measure("Ruin probability", "Share of simulated paths that touch the ruin level",
                    f -> Formats.percent(f.probabilityOfRuin())),
            new Measure("  exact (lattice)", "Probability of touching the ruin level from the exact binomial lattice",
                    f -> Double.isFinite(f.exactProbabilityOfRuin()) ? Formats.percent(f.exactProbabilityOfRuin()) : "—"),
            new Measure("Reaches target", "Share of paths that reach the target multiple of the start at least once",
                    f -> Formats.percent(f.probabilityOfTarget())),
            new Measure("Drawdown, median", "Maximum drawdown: the median over the paths of the largest fall from a peak",
                    f -> Formats.percent(f.maxDrawdownMedian())),
            new Measure("  95th percentile", "Maximum drawdown: the 95th percentile over the paths of the largest fall "
                    + "from a peak",
                    f -> Formats.percent(f.maxDrawdownP95())),
            new Measure("Log growth per bet", "Mean of ln(W after / W before) per bet over the simulated paths; "
                    + "\"ruined\" when paths were wiped out to zero (minus infinity)",
                    f -> Double.isFinite(f.meanLogGrowth()) ? Formats.decimal4(f.meanLogGrowth())
                            : f.meanLogGrowth() < 0 ? "ruined" : "—"),
            new Measure("  standard error", "Standard error of the mean log growth per bet",
                    f -> Double.isFinite(f.meanLogGrowthStandardError())
                            ? "± " + Formats.decimal4(f.meanLogGrowthStandardError()) : "—"));

    private final TableView<Row> table = new TableView<>();

    FractionTableView() {
        table.setId("kelly-fractions");
        table.getStyleClass().addAll("compact-table", Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Calculate to simulate growth paths"));
        table.setPrefHeight(170);
    }

    TableView<Row> node() {
        return table;
    }

    /** Shows {@code fractions} (none: empty), the one equal to {@code chosen} marked as chosen. */
    void show(List<FractionResult> fractions, double chosen) {
        List<TableColumn<Row, String>> columns = new ArrayList<>();
        TableColumn<Row, String> measure = new TableColumn<>("Measure");
        measure.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().measure().name()));
        measure.setCellFactory(c -> cell(Pos.CENTER_LEFT, true));
        measure.setPrefWidth(160);
        measure.setMinWidth(150);
        measure.setSortable(false);
        columns.add(measure);
        for (int i = 0; i < fractions.size(); i++) {
            FractionResult f = fractions.get(i);
            int index = i;
            boolean isChosen = Math.abs(f.fraction() - chosen) < 1e-12;
            TableColumn<Row, String> c = new TableColumn<>();
            Label header = new Label(Formats.decimal2(f.kellyMultiple()) + " x Kelly\nf = "
                    + Formats.decimal4(f.fraction()) + (isChosen ? "\nchosen" : ""));
            header.setTooltip(new Tooltip("Staking " + Formats.percent(f.fraction()) + " of wealth on every bet, "
                    + Formats.decimal2(f.kellyMultiple()) + " times the Kelly fraction"));
            c.setGraphic(header);
            c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(
                    cd.getValue().measure().value().apply(cd.getValue().fractions().get(index))));
            c.setCellFactory(col -> cell(Pos.CENTER_RIGHT, false));
            c.setMinWidth(96);
            c.setSortable(false);
            columns.add(c);
        }
        table.getColumns().setAll(columns);
        table.getItems().setAll(fractions.isEmpty() ? List.of()
                : MEASURES.stream().map(m -> new Row(m, List.copyOf(fractions))).toList());
    }

    /** A cell aligned {@code alignment}; with {@code explained}, the row's measure is explained on hover. */
    private static TableCell<Row, String> cell(Pos alignment, boolean explained) {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setAlignment(alignment);
                Row row = !explained || empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(row == null ? null : new Tooltip(row.measure().meaning()));
            }
        };
    }
}
