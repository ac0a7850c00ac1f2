package com.positionlab.ui.build;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;

import com.positionlab.service.build.BuildResult;
import com.positionlab.ui.common.Columns;
import com.positionlab.ui.common.Formats;

/** The Black-Litterman prior and posterior expected returns side by side (empty without views). */
final class PosteriorTable {

    /** One instrument's prior and posterior expected return, annual fractions. */
    record Row(String ticker, double prior, double posterior) {
    }

    private final BuildViewModel model;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    PosteriorTable(BuildViewModel model) {
        this.model = model;
    }

    Node create() {
        TableView<Row> table = new TableView<>(rows);
        table.setId("build-posterior");
        table.getColumns().add(Columns.text("Ticker", "The instrument", Row::ticker, 80));
        table.getColumns().add(Columns.number("Prior (% a year)", "The estimated expected return, before the views",
                r -> Formats.percent(r.prior()), 120));
        table.getColumns().add(Columns.number("Posterior (% a year)", "After the views: what every portfolio uses",
                r -> Formats.percent(r.posterior()), 130));
        table.getColumns().add(Columns.number("Change (%)", "Posterior less prior",
                r -> Formats.signedPercent(r.posterior() - r.prior()), 100));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No views: add views in the setup to see the prior beside the posterior"));
        model.resultProperty().addListener((o, a, r) -> show(r));
        return table;
    }

    private void show(BuildResult r) {
        List<Row> out = new ArrayList<>();
        if (r != null && r.priorReturns() != null) {
            for (int i = 0; i < r.tickers().size(); i++) {
                out.add(new Row(r.tickers().get(i), r.priorReturns()[i], r.mu()[i]));
            }
        }
        rows.setAll(out);
    }
}
