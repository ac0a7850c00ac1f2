package com.positionlab.ui.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import com.positionlab.domain.Instrument;

/**
 * The instruments a build may use, each picked or not: the portfolio's holdings by default, a sector, all,
 * or any hand-picked set, with a search over ticker, name and sector.
 */
public final class Universe {

    /** An instrument of the workspace, whether it is held and whether it is picked. */
    public static final class Row {
        private final Instrument instrument;
        private final double heldWeight;
        private final BooleanProperty picked = new SimpleBooleanProperty();

        Row(Instrument instrument, double heldWeight) {
            this.instrument = instrument;
            this.heldWeight = heldWeight;
        }

        public Instrument instrument() {
            return instrument;
        }

        /** The current weight of the instrument in the portfolio (0 when not held). */
        public double heldWeight() {
            return heldWeight;
        }

        public boolean held() {
            return heldWeight != 0;
        }

        public BooleanProperty pickedProperty() {
            return picked;
        }
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final FilteredList<Row> shown = new FilteredList<>(rows, r -> true);
    private final StringProperty search = new SimpleStringProperty("");
    private final ReadOnlyLongWrapper changed = new ReadOnlyLongWrapper();
    private boolean batch;

    public Universe() {
        search.addListener((o, a, text) -> {
            String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(r -> q.isEmpty() || (r.instrument.id() + " " + r.instrument.name() + " "
                    + r.instrument.sector()).toLowerCase(Locale.ROOT).contains(q));
        });
    }

    /** The rows matching the search. */
    public ObservableList<Row> shown() {
        return shown;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** Counts changes of the picked set (a property to listen to). */
    public ReadOnlyLongProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    /** The sectors present, sorted. */
    public List<String> sectors() {
        return rows.stream().map(r -> r.instrument.sector()).distinct().sorted().toList();
    }

    /** Loads the instruments; picks {@code picked} when given, else the holdings. */
    void load(List<Instrument> instruments, Map<String, Double> held, List<String> picked) {
        List<Row> loaded = new ArrayList<>();
        for (Instrument i : instruments) {
            Row r = new Row(i, held.getOrDefault(i.id(), 0.0));
            r.picked.set(picked != null ? picked.contains(i.id()) : r.held());
            r.picked.addListener((o, a, b) -> fire());
            loaded.add(r);
        }
        rows.setAll(loaded);
        fire();
    }

    public void pickHoldings() {
        pick(r -> r.held());
    }

    public void pickAll() {
        pick(r -> true);
    }

    public void pickSector(String sector) {
        pick(r -> r.instrument.sector().equals(sector));
    }

    /** Picks exactly the instruments named (those of the workspace), as one change. */
    public void pickIds(java.util.Collection<String> ids) {
        java.util.Set<String> wanted = new java.util.HashSet<>(ids);
        pick(r -> wanted.contains(r.instrument.id()));
    }

    /** Picks or drops exactly the rows the test accepts, as one change. */
    private void pick(java.util.function.Predicate<Row> test) {
        batch = true;
        rows.forEach(r -> r.picked.set(test.test(r)));
        batch = false;
        fire();
    }

    private void fire() {
        if (!batch) {
            changed.set(changed.get() + 1);
        }
    }

    /** The picked tickers, in the workspace's order. */
    public List<String> selectedIds() {
        return rows.stream().filter(r -> r.picked.get()).map(r -> r.instrument.id()).toList();
    }

    List<String> sectorsOf(List<String> ids) {
        Map<String, String> sector = new LinkedHashMap<>();
        rows.forEach(r -> sector.put(r.instrument.id(), r.instrument.sector()));
        return ids.stream().map(sector::get).toList();
    }

    /** The ESG scores of the instruments that have one, by ticker. */
    Map<String, Double> esgScores() {
        Map<String, Double> out = new LinkedHashMap<>();
        rows.stream().filter(r -> r.instrument.esgScore() != null)
                .forEach(r -> out.put(r.instrument.id(), r.instrument.esgScore()));
        return out;
    }

    Map<String, Double> heldWeights() {
        Map<String, Double> out = new LinkedHashMap<>();
        rows.stream().filter(Row::held).forEach(r -> out.put(r.instrument.id(), r.heldWeight));
        return out;
    }
}
