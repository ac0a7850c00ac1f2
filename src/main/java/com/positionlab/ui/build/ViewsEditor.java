package com.positionlab.ui.build;

import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import atlantafx.base.theme.Styles;

import com.positionlab.ui.common.Views;

/**
 * The Black-Litterman views editor: one line per view (an instrument, optionally the one it beats, the return
 * or outperformance in % a year, the confidence in %), each field's error under its line, and the prior (the
 * estimated returns) beside the posterior in the results.
 */
final class ViewsEditor {

    private final BuildViewModel model;
    private final VBox lines = new VBox(4);

    ViewsEditor(BuildViewModel model) {
        this.model = model;
    }

    Node create() {
        ViewRows views = model.form().views();
        Button add = new Button("Add view", new FontIcon(Feather.PLUS));
        add.getStyleClass().add(Styles.SMALL);
        add.setId("build-add-view");
        add.setTooltip(new Tooltip("A view on one instrument's return, or on how much one beats another"));
        add.setOnAction(e -> views.add());
        views.rows().addListener((ListChangeListener<ViewRows.Row>) c -> redraw());
        Label hint = Views.caption("No views: the estimates are used as they are. With views, every portfolio "
                + "uses the Black-Litterman posterior (prior: the estimates; Idzorek confidences).");
        hint.setWrapText(true);
        redraw();
        return Views.card("Views (Black-Litterman)", new VBox(6, hint, lines, add));
    }

    private void redraw() {
        lines.getChildren().clear();
        var rows = model.form().views().rows();
        for (int k = 0; k < rows.size(); k++) {
            ViewRows.Row row = rows.get(k);
            String key = "view." + (k + 1) + ".";
            TextField asset = field(row.assetProperty(), 5, "Ticker the view is about", "build-view-" + (k + 1) + "-asset");
            TextField versus = field(row.versusProperty(), 5, "Ticker it beats; blank for its own return", null);
            TextField ret = field(row.returnProperty(), 4, "Return, or outperformance, % a year", null);
            TextField conf = field(row.confidenceProperty(), 3, "Confidence in the view, 0 to 100%",
                    "build-view-" + (k + 1) + "-confidence");
            Button remove = new Button("", new FontIcon(Feather.X));
            remove.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
            remove.setTooltip(new Tooltip("Remove this view"));
            remove.setOnAction(e -> rows.remove(row));
            GridPane g = new GridPane();
            g.setHgap(4);
            g.addRow(0, asset, Views.caption("beats"), versus, Views.caption("by/at"), ret, Views.caption("%"), conf,
                    Views.caption("% sure"), remove);
            lines.getChildren().addAll(g, Views.fieldError(model.errors(), key + "asset", asset),
                    Views.fieldError(model.errors(), key + "return", ret),
                    Views.fieldError(model.errors(), key + "confidence", conf));
        }
    }

    private static TextField field(javafx.beans.property.StringProperty value, int columns, String tip, String id) {
        TextField f = new TextField();
        f.textProperty().bindBidirectional(value);
        f.setPrefColumnCount(columns);
        f.setTooltip(new Tooltip(tip));
        if (id != null) {
            f.setId(id);
        }
        return f;
    }
}
