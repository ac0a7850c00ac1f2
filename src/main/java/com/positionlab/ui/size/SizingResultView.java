package com.positionlab.ui.size;

import java.util.List;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;

import com.positionlab.service.sizing.PositionSizingResponse;
import com.positionlab.service.sizing.PositionSizingResponse.BindingConstraint;
import com.positionlab.service.sizing.PositionSizingResponse.BudgetUse;
import com.positionlab.service.sizing.PositionSizingResponse.OptimalPosition;
import com.positionlab.service.sizing.PositionSizingResponse.OptimizationDetails;
import com.positionlab.service.sizing.PositionSizingResponse.PortfolioImpact;
import com.positionlab.service.sizing.PositionSizingResponse.RiskMetrics;
import com.positionlab.service.sizing.PositionSizingResponse.SizingAnalysis;
import com.positionlab.ui.common.ReportButton;
import com.positionlab.ui.common.ReportExporter;
import com.positionlab.ui.common.Formats;
import com.positionlab.service.Names;
import com.positionlab.ui.common.Views;

/**
 * The right side of "Size a trade": the recommendation, why it has that size, its return and risk, what it
 * does to the book, the budgets, the stress tests and every method side by side. Only formats the result.
 */
final class SizingResultView {

    private static final OptimizationDetails NO_DETAILS = new OptimizationDetails(null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null);

    private final SizeTradeViewModel model;
    private final ReportExporter exporter;
    private final Label units = big("size-units");
    private final Label notional = big("size-notional");
    private final Label weight = big("size-weight");
    private final Label kelly = value("size-kelly");
    private final Label confidenceScore = value(null);
    private final Label headline = new Label();
    private final Label reason = new Label();
    private final Label kellyPath = new Label();
    private final Label notes = new Label();
    private final VBox why = new VBox(4);
    private final GridPane returns = grid();
    private final GridPane risk = grid();
    private final Label riskCaption = Views.caption("");
    private final GridPane impact = grid();
    private final VBox budgets = new VBox(6);
    private final SizingTables tables = new SizingTables();

    SizingResultView(SizeTradeViewModel model, ReportExporter exporter) {
        this.model = model;
        this.exporter = exporter;
    }

    Node createView() {
        VBox content = new VBox(8, summary(), cards(), tables.tabs());
        content.setPadding(new Insets(0, 8, 4, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        scroll.setId("size-results");
        content.opacityProperty().bind(javafx.beans.binding.Bindings.when(model.staleProperty()).then(0.45)
                .otherwise(1.0));

        Label empty = new Label("The sizing appears here once the ticket on the left is complete.");
        empty.getStyleClass().add("placeholder-text");
        StackPane stack = new StackPane(scroll, empty);
        empty.visibleProperty().bind(model.resultProperty().isNull());
        scroll.visibleProperty().bind(model.resultProperty().isNotNull());
        model.resultProperty().addListener((o, a, r) -> show(r));
        show(model.resultProperty().get());
        return stack;
    }

    // ---- layout ------------------------------------------------------------------------------

    private Node summary() {
        // The figures never shrink below their text: tiles that do not fit move to the next line instead.
        FlowPane tiles = new FlowPane(30, 4, tile("Units", units), tile("Notional", notional),
                tile("Weight of equity", weight), tile("Kelly fraction f*", kelly),
                tile("Confidence score", confidenceScore));
        tiles.setAlignment(Pos.BOTTOM_LEFT);
        tiles.setPrefWrapLength(560);
        Tooltip.install(confidenceScore, new Tooltip("How much the estimate can be trusted (0 to 1): more "
                + "history and a steadier edge score higher"));
        headline.getStyleClass().add(Styles.TEXT_SMALL);
        headline.setWrapText(true);
        reason.setId("size-reason");
        reason.getStyleClass().addAll(Styles.WARNING, Styles.TEXT_BOLD);
        reason.setWrapText(true);
        reason.managedProperty().bind(reason.visibleProperty());
        kellyPath.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        kellyPath.setWrapText(true);
        kellyPath.managedProperty().bind(kellyPath.visibleProperty());
        notes.setId("size-notes");
        notes.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.WARNING);
        notes.setWrapText(true);
        notes.managedProperty().bind(notes.visibleProperty());
        VBox left = new VBox(3, tiles, headline, reason, kellyPath, notes);
        HBox.setHgrow(left, Priority.ALWAYS);
        VBox box = new VBox(6, new HBox(12, left, actions()));
        box.getStyleClass().add("panel");
        return box;
    }

    private Node actions() {
        Button accept = new Button("Accept", new FontIcon(Feather.CHECK));
        accept.setId("size-accept");
        accept.getStyleClass().add(Styles.ACCENT);
        accept.setMaxWidth(Double.MAX_VALUE);
        accept.disableProperty().bind(model.canAcceptProperty().not());
        accept.setTooltip(new Tooltip("Store this sizing in the history (Activity page)"));
        accept.setOnAction(e -> model.accept());
        CheckBox update = new CheckBox("Also update holdings");
        update.setId("size-update-holdings");
        update.selectedProperty().bindBidirectional(model.updateHoldingsProperty());
        Button export = ReportButton.of("size-export", exporter, model.resultProperty().isNotNull()
                .and(model.staleProperty().not()), "the sizing", () -> "sizing-" + model.resultProperty().get()
                .optimalPosition().instrumentId(), model::report);
        export.setMaxWidth(Double.MAX_VALUE);
        Label accepted = new Label("Accepted", new FontIcon(Feather.CHECK_CIRCLE));
        accepted.getStyleClass().addAll(Styles.SUCCESS, Styles.TEXT_SMALL);
        accepted.visibleProperty().bind(model.resultAcceptedProperty());
        ProgressIndicator busy = new ProgressIndicator(-1);
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.busyProperty());
        HBox marks = new HBox(8, accepted, busy);
        marks.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, accept, update, export, marks);
        box.setMinWidth(170);
        box.setPrefWidth(170);
        return box;
    }

    private Node cards() {
        GridPane cards = new GridPane();
        cards.setHgap(8);
        cards.setVgap(8);
        for (int i = 0; i < 3; i++) {
            ColumnConstraints c = new ColumnConstraints();
            c.setPercentWidth(100.0 / 3);
            cards.getColumnConstraints().add(c);
        }
        cards.add(Views.card("Why this size", why), 0, 0);
        cards.add(Views.card("Return and risk (annualised)", returns), 1, 0);
        cards.add(Views.card("Value at risk (loss, % of equity)", new VBox(4, riskCaption, risk)), 2, 0);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            impact.getColumnConstraints().add(half);
        }
        impact.setHgap(16);
        impact.setVgap(8);
        cards.add(Views.card("Portfolio impact", impact), 0, 1, 2, 1);
        cards.add(Views.card("Risk budgets (volatility)", budgets), 2, 1);
        cards.getChildren().forEach(n -> ((Region) n).setMaxHeight(Double.MAX_VALUE));
        riskCaption.setWrapText(true);
        return cards;
    }

    // ---- showing a result --------------------------------------------------------------------

    private void show(PositionSizingResponse r) {
        if (r == null) {
            return;
        }
        OptimalPosition p = r.optimalPosition();
        SizingAnalysis a = r.sizingAnalysis();
        OptimizationDetails details = a.optimizationDetails() == null ? NO_DETAILS : a.optimizationDetails();
        units.setText(Formats.quantity(p.recommendedSize()));
        notional.setText(Formats.money(p.recommendedNotional(), p.currency()));
        weight.setText(Formats.percent(p.recommendedWeight()));
        kelly.setText(a.kellyFraction() == null ? "—" : Formats.percent(a.kellyFraction()));
        confidenceScore.setText(Formats.decimal2(p.confidenceScore()));
        headline.setText(p.direction() + " " + p.instrumentId() + " sized by " + Names.method(p.sizingMethodUsed())
                + (details.ruleId() == null ? "" : " (rule " + details.ruleId() + ")"));
        headline.setTooltip(new javafx.scene.control.Tooltip(p.sizingMethodUsed() + ": every method compared in "
                + Formats.decimal2(r.processingTimeMs()) + " ms"));
        reason.setText(p.reason() == null ? "" : "No position: " + p.reason());
        reason.setVisible(p.reason() != null);
        kellyPath.setText(KellyExplanation.path(p, a, details));
        kellyPath.setVisible(!kellyPath.getText().isEmpty());
        notes.setText(r.warnings() == null ? "" : "Note: " + String.join(" Note: ", r.warnings()));
        notes.setVisible(r.warnings() != null);
        showWhy(r.bindingConstraints(), details, p.recommendedSize());
        if (a.volatilityAdjustment() != null) {
            why.getChildren().add(1, small("Volatility (ATR): " + a.volatilityAdjustment().reason() + "."));
        }
        showReturns(a, details);
        showRisk(r.riskMetrics(), p.currency());
        showImpact(a.portfolioImpact(), details);
        showBudgets(r.riskBudgets());
        tables.show(r);
    }

    private void showWhy(List<BindingConstraint> bindings, OptimizationDetails d, java.math.BigDecimal units) {
        why.getChildren().clear();
        Double raw = d.rawWeight();
        why.getChildren().add(small("The method asked for " + (raw == null ? "—" : Formats.percent(raw))
                + " of equity."));
        if (bindings == null || bindings.isEmpty()) {
            why.getChildren().add(small("No limit bound: the method's weight is used."));
        }
        for (BindingConstraint b : bindings == null ? List.<BindingConstraint>of() : bindings) {
            Label name = new Label(Names.limit(b.name()) + ":  " + Formats.percent(b.weightBefore()) + "  →  "
                    + Formats.percent(b.weightAfter()));
            name.setTooltip(new javafx.scene.control.Tooltip(b.name()));
            name.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_BOLD);
            name.getStyleClass().add("binding-constraint");
            Label why1 = small(b.reason());
            why1.getStyleClass().add(Styles.TEXT_MUTED);
            why.getChildren().addAll(name, why1);
        }
        Double exact = d.unitsBeforeRounding();
        if (exact != null) {
            Label lots = small("Rounded down to whole lots: " + Formats.decimal2(exact) + " → "
                    + Formats.quantity(units) + " units.");
            lots.getStyleClass().add(Styles.TEXT_MUTED);
            why.getChildren().add(lots);
        }
    }

    private void showReturns(SizingAnalysis a, OptimizationDetails d) {
        returns.getChildren().clear();
        int row = 0;
        String estimate = KellyExplanation.returnEstimate(d.expectedReturnEstimate());
        row = pair(returns, row, "Expected return", a.expectedReturn() == null ? "—" : Formats.percent(a.expectedReturn()),
                estimate.isEmpty() ? "Annualised: yours" : "Annualised. " + estimate);
        row = pair(returns, row, "Volatility", a.expectedVolatility() == null ? "—"
                : Formats.percent(a.expectedVolatility()), "Annualised standard deviation of daily returns");
        row = pair(returns, row, "Sharpe ratio", a.sharpeRatio() == null ? "—" : Formats.decimal2(a.sharpeRatio()),
                "Expected return / volatility");
        Integer days = d.lookbackDays();
        pair(returns, row, "History used", days == null ? "—" : days + " trading days",
                "Daily returns behind these estimates");
    }

    private void showRisk(RiskMetrics m, String currency) {
        risk.getChildren().clear();
        riskCaption.setText(m.riskModel() + " at " + Formats.percent(m.confidenceLevel()).replace(".00%", "%")
                + " over " + m.horizonDays() + (m.horizonDays() == 1 ? " day" : " days")
                + (m.horizonDays() == 1 ? "" : " (" + m.horizonScaling() + ")"));
        risk.add(header(""), 0, 0);
        risk.add(header("VaR"), 1, 0);
        risk.add(header("CVaR"), 2, 0);
        riskRow(1, "Position", m.positionVar(), m.positionCvar());
        riskRow(2, "Book before", m.portfolioVarBefore(), m.portfolioCvarBefore());
        riskRow(3, "Book after", m.portfolioVarAfter(), m.portfolioCvarAfter());
        Label amounts = small("Position VaR " + Formats.money(m.positionVarAmount(), currency) + "; book VaR after "
                + Formats.money(m.portfolioVarAfterAmount(), currency) + ". CVaR: the mean loss beyond VaR.");
        amounts.getStyleClass().add(Styles.TEXT_MUTED);
        risk.add(amounts, 0, 4, 3, 1);
    }

    private void riskRow(int row, String name, double var, double cvar) {
        risk.add(small(name), 0, row);
        risk.add(numberLabel(Formats.percent(var)), 1, row);
        risk.add(numberLabel(Formats.percent(cvar)), 2, row);
    }

    private void showImpact(PortfolioImpact im, OptimizationDetails d) {
        impact.getChildren().clear();
        Double before = d.volatilityBefore();
        Double after = d.volatilityAfter();
        String change = (im.portfolioRiskChange() >= 0 ? "+" : "") + Formats.percent(im.portfolioRiskChange());
        impactTile(0, 0, "Risk change", change + (before == null || after == null ? ""
                : "   (" + Formats.percent(before) + " → " + Formats.percent(after) + ")"),
                "Change in the book's annualised volatility when the position is added.");
        impactTile(1, 0, "Correlation with the book", Formats.decimal2(im.correlationImpact()),
                "How the position moves with the book: near 1 it adds to the same risk, below 0 it hedges.");
        impactTile(0, 1, "Diversification benefit", Formats.percent(im.diversificationBenefit()),
                "Share of the position's own risk the book absorbs: 1 - σ after / (σ before + w σ new).");
        double hhi = im.concentrationRisk();
        impactTile(1, 1, "Concentration (HHI)", Formats.decimal4(hhi) + (hhi > 0 ? "   (like " + Math.round(1 / hhi)
                + " equal positions)" : ""), "Herfindahl index Σ w² of the weights after the trade: higher is "
                + "more concentrated.");
    }

    private void impactTile(int column, int row, String name, String value, String meaning) {
        Label n = small(name);
        n.getStyleClass().add(Styles.TEXT_MUTED);
        Label v = new Label(value);
        v.getStyleClass().addAll(Styles.TEXT_BOLD, "impact-value");
        Label m = small(meaning);
        m.getStyleClass().add(Styles.TEXT_MUTED);
        impact.add(new VBox(1, n, v, m), column, row);
    }

    private void showBudgets(List<BudgetUse> uses) {
        budgets.getChildren().clear();
        if (uses == null || uses.isEmpty()) {
            budgets.getChildren().add(small("No risk budget: set one in the ticket (Risk budget and stress)."));
            return;
        }
        for (BudgetUse b : uses) {
            String name = "TOTAL".equals(b.kind()) ? "Whole book" : capitalised(b.kind()) + " " + b.name();
            Label title = small(name + ": budget " + Formats.percent(b.budget()));
            title.getStyleClass().add(Styles.TEXT_BOLD);
            ProgressBar bar = new ProgressBar(b.budget() > 0 ? Math.min(1, b.usedAfter() / b.budget()) : 0);
            bar.setMaxWidth(Double.MAX_VALUE);
            bar.getStyleClass().add(Styles.SMALL);
            if (b.usedAfter() > b.budget() * (1 + 1e-6)) {
                bar.getStyleClass().add(Styles.DANGER);
            }
            Label used = small("used " + Formats.percent(b.usedBefore()) + " before, " + Formats.percent(b.usedAfter())
                    + " after");
            used.getStyleClass().add(Styles.TEXT_MUTED);
            budgets.getChildren().add(new VBox(2, title, bar, used));
        }
    }

    // ---- small pieces ------------------------------------------------------------------------

    private static int pair(GridPane g, int row, String name, String value, String tip) {
        Label n = small(name);
        Tooltip.install(n, new Tooltip(tip));
        g.add(n, 0, row);
        g.add(numberLabel(value), 1, row);
        return row + 1;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : s.charAt(0) + s.substring(1).toLowerCase(java.util.Locale.ROOT);
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(3);
        return g;
    }

    private static Label header(String text) {
        Label l = small(text);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setAlignment(Pos.CENTER_RIGHT);
        return l;
    }

    private static Label numberLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        l.setMaxWidth(Double.MAX_VALUE);
        l.setAlignment(Pos.CENTER_RIGHT);
        return l;
    }

    private static Label small(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_SMALL);
        l.setWrapText(true);
        return l;
    }

    private static Label big(String id) {
        Label l = new Label("—");
        l.setId(id);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().addAll(Styles.TITLE_2, "tile-value");
        return l;
    }

    private static Label value(String id) {
        Label l = new Label("—");
        l.setId(id);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().addAll(Styles.TITLE_4, "tile-value");
        return l;
    }

    private static Node tile(String caption, Label value) {
        return new VBox(0, Views.caption(caption), value);
    }
}
