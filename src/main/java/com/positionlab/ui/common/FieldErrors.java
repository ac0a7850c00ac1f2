package com.positionlab.ui.common;

import java.util.Map;
import java.util.Objects;

import javafx.collections.ObservableMap;

/** The errors a form shows beside its fields, by field name. */
public final class FieldErrors {

    private FieldErrors() {
    }

    /**
     * Makes {@code shown} hold exactly {@code found}, touching only the entries that change, so that a field
     * whose error stays the same does not flicker.
     */
    public static void showExactly(ObservableMap<String, String> shown, Map<String, String> found) {
        shown.keySet().removeIf(k -> !found.containsKey(k));
        found.forEach((k, v) -> {
            if (!Objects.equals(shown.get(k), v)) {
                shown.put(k, v);
            }
        });
    }
}
