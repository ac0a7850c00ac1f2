package com.positionlab.ui.backtest;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * A sweep as a grid of coloured cells: rows the lookbacks, columns the second parameter, each cell the ranking
 * statistic (in sample, with the out-of-sample value below it when there is a split date) and its rank, from red
 * (the grid's worst) through sand to green (its best).
 */
final class SweepHeatmap extends VBox {

    private static final Color WORST = Color.rgb(236, 170, 160);
    private static final Color MIDDLE = Color.rgb(244, 232, 196);
    private static final Color BEST = Color.rgb(150, 210, 160);
    private static final Color INK = Color.rgb(28, 28, 28);

    private final GridPane grid = new GridPane();
    private final Label legend = new Label();

    SweepHeatmap() {
        getStyleClass().add("sweep-heatmap");
        setSpacing(8);
        grid.setHgap(4);
        grid.setVgap(4);
        grid.setId("backtest-sweep-grid");
        legend.setWrapText(true);
        legend.getStyleClass().add("heatmap-caption");
        legend.setMinHeight(USE_PREF_SIZE);
        getChildren().addAll(grid, legend);
    }

    void show(SweepGrid g) {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        if (g == null) {
            legend.setText("Run a sweep to see how the strategy's results depend on its settings.");
            return;
        }
        ColumnConstraints head = new ColumnConstraints(110);
        grid.getColumnConstraints().add(head);
        grid.getRowConstraints().add(new RowConstraints(28));
        Label corner = axis(g.rowName() + " \\ " + g.columnName());
        grid.add(corner, 0, 0);
        for (int j = 0; j < g.columns().size(); j++) {
            ColumnConstraints cc = new ColumnConstraints(110, 200, 300);
            cc.setHgrow(Priority.ALWAYS);
            cc.setHalignment(HPos.CENTER);
            grid.getColumnConstraints().add(cc);
            grid.add(axis(g.columns().get(j)), j + 1, 0);
        }
        for (int i = 0; i < g.rows().size(); i++) {
            RowConstraints rc = new RowConstraints(56, 80, 120);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
            grid.add(axis(g.rows().get(i)), 0, i + 1);
            for (int j = 0; j < g.columns().size(); j++) {
                grid.add(cell(g, g.cells()[i][j], g.rows().get(i), g.columns().get(j)), j + 1, i + 1);
            }
        }
        int points = g.rows().size() * g.columns().size();
        String colours = g.flat() ? "All lie within " + g.range() + ": the settings make no real difference, so the "
                + "cells are not coloured apart."
                : "Colour from red (the grid's worst, " + g.range().replace(" to ", ") to green (its best, ") + ").";
        legend.setText(g.strategy() + ". Each cell: " + g.statistic() + (g.split()
                ? " in sample (which ranks it), with out of sample below it" : "") + ", and its rank of " + points
                + " (1 is best). " + colours);
    }

    private static Label axis(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("sweep-axis");
        l.setMinWidth(USE_PREF_SIZE);
        return l;
    }

    private Label cell(SweepGrid g, SweepGrid.Cell c, String row, String column) {
        Label l = new Label();
        l.getStyleClass().add("sweep-cell");
        l.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        l.setAlignment(Pos.CENTER);
        l.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        l.setPadding(new Insets(4));
        l.setTextFill(INK);
        if (c == null) {
            l.setText("—");
            return l;
        }
        String text = g.split() ? "in sample " + c.text() + "\nout of sample " + c.outOfSampleText()
                + "\nrank " + c.rank() : c.text() + "\nrank " + c.rank();
        l.setText(text);
        l.setBackground(new Background(new BackgroundFill(colour(g.position(c)), new CornerRadii(4), Insets.EMPTY)));
        l.setTooltip(new Tooltip(row + ", " + column + ": " + g.statistic() + " " + c.text()
                + (g.split() ? " in sample, " + c.outOfSampleText() + " out of sample" : "") + "; rank " + c.rank()));
        if (c.rank() == 1 && !g.flat()) {
            l.getStyleClass().add("sweep-best");
        }
        return l;
    }

    /** Red at 0 (worst), sand at 0.5, green at 1 (best). */
    static Color colour(double t) {
        double x = Math.max(0, Math.min(1, t));
        return x < 0.5 ? WORST.interpolate(MIDDLE, x * 2) : MIDDLE.interpolate(BEST, (x - 0.5) * 2);
    }
}
