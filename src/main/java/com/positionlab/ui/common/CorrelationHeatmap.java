package com.positionlab.ui.common;

import java.util.List;

import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.util.Duration;

/**
 * A correlation matrix as coloured cells (blue -1, white 0, red +1, with a legend) and the value in each cell
 * wide enough to show it whole; hovering a cell names the pair and its value in the caption and a tooltip.
 */
public final class CorrelationHeatmap extends VBox {

    private static final Color NEGATIVE = Color.rgb(33, 102, 172);
    private static final Color ZERO = Color.rgb(247, 247, 247);
    private static final Color POSITIVE = Color.rgb(178, 24, 43);

    /** Narrowest cell, in pixels, that shows its value (the "-0.00" of the heatmap's font fits). */
    static final double MIN_CELL_FOR_VALUE = 30;

    private final GridPane grid = new GridPane();
    private final Label caption = new Label();
    private String defaultCaption = "";

    public CorrelationHeatmap() {
        getStyleClass().add("heatmap");
        setSpacing(6);
        grid.setHgap(1);
        grid.setVgap(1);
        VBox.setVgrow(grid, Priority.ALWAYS);
        caption.getStyleClass().add("heatmap-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(grid, legend(), caption);
    }

    /** The colour scale: blue at -1, white at 0, red at +1. */
    private static HBox legend() {
        Region bar = new Region();
        bar.setPrefSize(160, 10);
        bar.setMinSize(80, 10);
        bar.setMaxHeight(10);
        bar.setBackground(new Background(new BackgroundFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
                new Stop(0, NEGATIVE), new Stop(0.5, ZERO), new Stop(1, POSITIVE)), new CornerRadii(2), Insets.EMPTY)));
        Label lo = new Label("-1");
        Label mid = new Label("correlation");
        Label hi = new Label("+1");
        for (Label l : List.of(lo, mid, hi)) {
            l.getStyleClass().add("heatmap-axis");
        }
        HBox box = new HBox(6, lo, bar, hi, mid);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setId("heatmap-legend");
        return box;
    }

    /** Shows {@code values[i][j]} for the pairs of {@code labels}; {@code description} says what they are. */
    public void setMatrix(List<String> labels, double[][] values, String description) {
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        defaultCaption = description;
        caption.setText(description);
        int n = values.length;
        if (n == 0) {
            return;
        }
        ColumnConstraints head = new ColumnConstraints(44);
        grid.getColumnConstraints().add(head);
        grid.getRowConstraints().add(new RowConstraints(40));
        for (int j = 0; j < n; j++) {
            ColumnConstraints cc = new ColumnConstraints(20, 34, Double.MAX_VALUE);
            cc.setHgrow(Priority.ALWAYS);
            cc.setHalignment(HPos.CENTER);
            grid.getColumnConstraints().add(cc);
            RowConstraints rc = new RowConstraints(14, 22, Double.MAX_VALUE);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
            Label top = axisLabel(labels.get(j));
            top.setRotate(-90);
            grid.add(new Group(top), j + 1, 0);
            GridPane.setValignment(grid.getChildren().get(grid.getChildren().size() - 1), VPos.BOTTOM);
            grid.add(axisLabel(labels.get(j)), 0, j + 1);
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                grid.add(cell(labels.get(i), labels.get(j), values[i][j]), j + 1, i + 1);
            }
        }
    }

    private Label axisLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("heatmap-axis");
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private Label cell(String a, String b, double v) {
        String value = Formats.decimal2(v);
        Label l = new Label(value);
        l.getStyleClass().add("heatmap-cell");
        // The value shows only where the cell is wide enough for all of it; it is always in the tooltip.
        l.widthProperty().addListener((o, was, w) -> l.setText(w.doubleValue() >= MIN_CELL_FOR_VALUE ? value : ""));
        l.setAlignment(Pos.CENTER);
        l.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        l.setMinSize(0, 0);
        l.setPadding(Insets.EMPTY);
        l.setBackground(new Background(new BackgroundFill(colour(v), new CornerRadii(2), Insets.EMPTY)));
        l.setTextFill(Math.abs(v) > 0.55 ? Color.WHITE : Color.rgb(40, 40, 40));
        String text = a + " / " + b + ": correlation " + Formats.decimal2(v);
        Tooltip tip = new Tooltip(text);
        tip.setShowDelay(Duration.millis(150));
        Tooltip.install(l, tip);
        l.setOnMouseEntered(e -> caption.setText(text));
        l.setOnMouseExited(e -> caption.setText(defaultCaption));
        return l;
    }

    /** Diverging colour for a correlation in [-1, 1]. */
    static Color colour(double v) {
        double t = Math.max(-1, Math.min(1, Double.isFinite(v) ? v : 0));
        return t >= 0 ? ZERO.interpolate(POSITIVE, t) : ZERO.interpolate(NEGATIVE, -t);
    }

    public String captionText() {
        return caption.getText();
    }
}
