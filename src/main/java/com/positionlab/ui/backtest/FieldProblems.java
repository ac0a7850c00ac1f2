package com.positionlab.ui.backtest;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import com.positionlab.ui.common.FieldErrors;

/**
 * The problems shown beside the Backtest view's fields, by field name: those of the form as typed (checked on
 * every edit), and the service's objections to the last run, each kept until its field is edited or a run is
 * accepted.
 */
final class FieldProblems {

    private final BacktestForm form;
    private final ObservableMap<String, String> shown = FXCollections.observableHashMap();
    private final Map<String, String> refused = new LinkedHashMap<>();

    FieldProblems(BacktestForm form) {
        this.form = form;
    }

    ObservableMap<String, String> shown() {
        return shown;
    }

    /** Shows the problems of the form as typed, and the service's objections not yet edited away. */
    void check() {
        Map<String, String> found = new LinkedHashMap<>();
        form.read(found);
        refused.forEach(found::putIfAbsent);
        FieldErrors.showExactly(shown, found);
    }

    /** {@code field} was edited: the service's objection to it no longer stands. */
    void edited(String field) {
        refused.remove(field);
    }

    /** Shows the problems that stopped a run (some, like a missing strategy, only a run looks for). */
    void show(Map<String, String> problems) {
        check();
        problems.forEach(shown::putIfAbsent);
    }

    /** A run was accepted: the service's earlier objections no longer stand. */
    void accepted() {
        refused.clear();
        check();
    }

    /** The service refused a run: its problems go beside their fields (the others under {@code fallback}). */
    void refused(Throwable e, String fallback) {
        refused.putAll(ErrorFields.of(e, fallback));
        check();
    }
}
