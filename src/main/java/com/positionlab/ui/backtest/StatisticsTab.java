package com.positionlab.ui.backtest;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

import com.positionlab.ui.backtest.StatisticsGrid.Column;
import com.positionlab.ui.backtest.StatisticsGrid.Row;
import com.positionlab.ui.common.Columns;
import com.positionlab.ui.common.ReportExporter;
import com.positionlab.ui.common.TableExport;

/**
 * A table of statistics side by side: a row per statistic with its unit (the contract's name and what it measures
 * in the tooltip), a column per strategy (or sizing rule), or under each strategy an in-sample and an
 * out-of-sample column. Every column is as wide as its header and values need.
 */
final class StatisticsTab {

    private final ObservableValue<StatisticsGrid> grid;
    private final String id;
    private final ReportExporter exporter;
    private final TableView<Row> table = new TableView<>();

    /** A table showing {@code grid}, with the node id and CSV name {@code id}. */
    StatisticsTab(ObservableValue<StatisticsGrid> grid, String id, ReportExporter exporter) {
        this.grid = grid;
        this.id = id;
        this.exporter = exporter;
    }

    TableView<Row> create(String placeholder) {
        table.setId(id);
        table.setPlaceholder(new Label(placeholder));
        grid.addListener((o, a, g) -> show(g));
        show(grid.getValue());
        TableExport.install(table, id, exporter);
        return table;
    }

    private void show(StatisticsGrid given) {
        StatisticsGrid g = given == null ? StatisticsGrid.EMPTY : given;
        table.getColumns().clear();
        double first = g.rows().stream().mapToDouble(r -> TextWidth.cell(r.title())).max().orElse(120);
        TableColumn<Row, String> names = Columns.text("Statistic", "What is measured, with its unit; the contract's "
                + "name and the definition are in each row's tooltip", Row::title, first);
        names.setCellFactory(x -> new Cell(Pos.CENTER_LEFT, true));
        table.getColumns().add(names);
        TableColumn<Row, String> parent = null;
        for (int k = 0; k < g.columns().size(); k++) {
            Column c = g.columns().get(k);
            int index = k;
            String head = c.period().isEmpty() ? c.strategy() : c.period().equals(StatisticsGrid.IN_SAMPLE) ? "In"
                    : "Out";
            double values = g.rows().stream().mapToDouble(r -> TextWidth.cell(r.values().get(index))).max().orElse(0);
            TableColumn<Row, String> col = Columns.number(head, c.tip(), r -> r.values().get(index),
                    Math.max(values, width(head)));
            col.setCellFactory(x -> new Cell(Pos.CENTER_RIGHT, false));
            if (c.period().isEmpty()) {
                table.getColumns().add(col);
                continue;
            }
            if (parent == null || !parent.getText().equals(c.strategy())) {
                parent = new TableColumn<>(c.strategy());
                parent.setSortable(false);
                table.getColumns().add(parent);
            }
            parent.getColumns().add(col);
        }
        table.getItems().setAll(g.rows());
    }

    /**
     * A cell aligned the same way under a nested header too (where the theme's alignment does not reach); a
     * statistic's name says its contract name and definition in a tooltip.
     */
    private static final class Cell extends TableCell<Row, String> {
        private final boolean name;

        Cell(Pos alignment, boolean name) {
            this.name = name;
            setAlignment(alignment);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
            setTooltip(name && row != null ? new Tooltip(row.api() + ": " + row.meaning()) : null);
        }
    }

    private static double width(String header) {
        return Math.max(92, TextWidth.header(header));
    }
}
