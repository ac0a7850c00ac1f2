package com.positionlab.ui.size;

import java.util.List;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;

import com.positionlab.service.sizing.PositionSizingResponse;
import com.positionlab.service.sizing.PositionSizingResponse.MethodComparison;
import com.positionlab.service.sizing.PositionSizingResponse.StressResult;
import com.positionlab.ui.common.Columns;
import com.positionlab.ui.common.Formats;
import com.positionlab.service.Names;


/** The two tables of a sizing: the stress tests, and every method's answer to the same ticket. */
final class SizingTables {

    private static final double ROW = 26;

    private final TableView<StressResult> stress = new TableView<>();
    private final TableView<MethodComparison> comparison = new TableView<>();
    private String chosenMethod = "";

    /** Both tables as tabs: the comparison first. */
    Node tabs() {
        Tab methods = new Tab("All methods compared (same ticket, same limits)", comparison());
        Tab scenarios = new Tab("Stress tests (P&L, % of equity)", stress());
        TabPane tabs = new TabPane(methods, scenarios);
        tabs.setId("size-tables");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.DENSE);
        VBox box = new VBox(tabs);
        box.getStyleClass().add("panel");
        return box;
    }

    private Node stress() {
        stress.setId("size-stress");
        style(stress);
        stress.setPlaceholder(new Label("No stress scenarios"));
        stress.getColumns().setAll(List.of(
                Columns.text("Scenario", "Historical: the worst moves of the book over the lookback; yours: "
                        + "the shock in the ticket", StressResult::scenario, 160),
                Columns.text("When", "The dates of a historical scenario", s -> s.window() == null ? "your shock"
                        : s.window(), 170),
                Columns.number("Book before", "P&L of the book without the trade, % of equity",
                        s -> signed(s.portfolioPnlBefore()), 95),
                Columns.number("Book after", "P&L of the book with the trade, % of equity",
                        s -> signed(s.portfolioPnlAfter()), 95),
                Columns.number("Position alone", "P&L of the new position alone, % of equity",
                        s -> signed(s.positionPnl()), 105)));
        return stress;
    }

    private Node comparison() {
        comparison.setId("size-comparison");
        style(comparison);
        comparison.setPlaceholder(new Label("No comparison"));
        comparison.getColumns().setAll(List.of(
                Columns.named("Method", "The sizing method; the one the ticket uses is marked",
                        m -> Names.method(m.sizingMethod()) + (m.sizingMethod().equals(chosenMethod) ? "  (used)" : ""),
                        MethodComparison::sizingMethod, 128),
                Columns.number("Units", "Recommended units, whole lots", m -> Formats.quantity(m.recommendedSize()), 56),
                Columns.number("Notional", "Units x entry price, in the instrument's currency",
                        m -> Formats.money(m.recommendedNotional()), 92),
                Columns.number("Weight", "Notional as % of equity, after the limits",
                        m -> Formats.percent(m.recommendedWeight()), 62),
                Columns.number("Asked", "What the method asked for before the limits, % of equity",
                        m -> Formats.percent(m.rawWeight()), 62),
                Columns.named("Limits that bound", "Constraints that cut this method's size",
                        m -> m.bindingConstraints() == null || m.bindingConstraints().isEmpty() ? "none"
                                : String.join(", ", m.bindingConstraints().stream().map(Names::limit).toList()),
                        m -> m.bindingConstraints() == null ? "" : String.join(", ", m.bindingConstraints()), 150),
                Columns.longText("Why zero", "Why the method gives no position (hover for the whole text)",
                        m -> m.reason() == null ? "" : m.reason(), 150)));
        return comparison;
    }

    void show(PositionSizingResponse r) {
        chosenMethod = r.optimalPosition().sizingMethodUsed();
        stress.getItems().setAll(r.stressTests() == null ? List.of() : r.stressTests());
        comparison.getItems().setAll(r.comparison() == null ? List.of() : r.comparison());
        fit(stress);
        fit(comparison);
    }

    private static void style(TableView<?> t) {
        t.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, "compact-table");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setFixedCellSize(ROW);
    }

    /** Tall enough for every row, so the page scrolls rather than the table. */
    private static void fit(TableView<?> t) {
        double h = ROW * Math.max(1, t.getItems().size()) + 36;
        t.setPrefHeight(h);
        t.setMinHeight(h);
        t.setMaxHeight(h);
    }

    private static String signed(double fraction) {
        return (fraction > 0 ? "+" : "") + Formats.percent(fraction);
    }
}
