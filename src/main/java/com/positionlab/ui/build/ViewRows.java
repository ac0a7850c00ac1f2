package com.positionlab.ui.build;

import java.util.List;
import java.util.Map;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.positionlab.domain.Range;
import com.positionlab.service.Json;
import com.positionlab.ui.common.FieldReader;

/**
 * The Black-Litterman views of a build, one row each: an instrument's expected return ("AAPL returns 12%"), or
 * by how much one beats another ("AAPL beats MSFT by 3%"), with a confidence from 0 to 100% (Idzorek's). Each
 * row's problems are recorded as {@code view.N.asset}, {@code view.N.return} and {@code view.N.confidence}
 * (N from 1), with the text kept as typed.
 */
public final class ViewRows {

    /** One view as typed. */
    public static final class Row {
        final StringProperty asset = new SimpleStringProperty("");
        final StringProperty versus = new SimpleStringProperty("");
        final StringProperty expected = new SimpleStringProperty("");
        final StringProperty confidence = new SimpleStringProperty("50");

        public StringProperty assetProperty() {
            return asset;
        }

        /** The instrument it is compared with; blank for an absolute view. */
        public StringProperty versusProperty() {
            return versus;
        }

        /** The return (absolute) or the outperformance (relative), % a year. */
        public StringProperty returnProperty() {
            return expected;
        }

        public StringProperty confidenceProperty() {
            return confidence;
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    public ObservableList<Row> rows() {
        return rows;
    }

    public Row add() {
        Row r = new Row();
        rows.add(r);
        return r;
    }

    /**
     * The request's {@code black_litterman} block (views as relative views with Idzorek confidences, the prior
     * the estimated returns), or null when there are no views or a row is wrong.
     */
    ObjectNode read(List<String> universe, Map<String, String> errors) {
        if (rows.isEmpty()) {
            return null;
        }
        ObjectNode bl = Json.mapper().createObjectNode();
        ArrayNode views = bl.putArray("relative_views");
        int before = errors.size();
        for (int k = 0; k < rows.size(); k++) {
            Row r = rows.get(k);
            String key = "view." + (k + 1) + ".";
            Map<String, String> text = Map.of(key + "return", r.expected.get() == null ? "" : r.expected.get(),
                    key + "confidence", r.confidence.get() == null ? "" : r.confidence.get());
            FieldReader reader = new FieldReader(text, errors);
            Double ret = reader.percent(key + "return", true, Range.closed(-1, 2));
            Double conf = reader.percent(key + "confidence", true, Range.closed(0, 1));
            String asset = clean(r.asset.get());
            String versus = clean(r.versus.get());
            if (!universe.contains(asset)) {
                errors.put(key + "asset", asset.isEmpty() ? "enter a ticker of the universe"
                        : "\"" + asset + "\" is not in the universe");
            } else if (!versus.isEmpty() && (!universe.contains(versus) || versus.equals(asset))) {
                errors.put(key + "asset", "compare with another ticker of the universe, not \"" + versus + "\"");
            }
            if (ret != null && conf != null) {
                ObjectNode v = views.addObject();
                ObjectNode w = v.putObject("weights");
                w.put(asset, 1);
                if (!versus.isEmpty()) {
                    w.put(versus, -1);
                }
                v.put("return", ret);
                v.put("confidence", conf);
            }
        }
        if (errors.size() > before) {
            return null;
        }
        bl.put("omega", "idzorek");
        bl.put("prior", "estimates");
        return bl;
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip().toUpperCase(java.util.Locale.ROOT);
    }
}
