package com.positionlab.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.positionlab.domain.Range;

/** The one form reader: units and separators ignored, ranges in the typed unit, every problem named once. */
class FieldReaderTest {

    private final Map<String, String> errors = new LinkedHashMap<>();

    private FieldReader reader(String... pairs) {
        Map<String, String> text = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            text.put(pairs[i], pairs[i + 1]);
        }
        return new FieldReader(text, errors);
    }

    @Test
    void readsNumbersWithUnitsAndSeparatorsAndChecksTheirRange() {
        FieldReader r = reader("pct", " 12.5 % ", "money", "1,052.5", "lev", "2x", "big", "150", "bad", "12d",
                "open", "0");
        assertThat(r.number("pct", true, Range.closed(0, 100), "%")).isEqualTo(12.5);
        assertThat(r.number("money", true, Range.aboveUpTo(0, Double.MAX_VALUE), "")).isEqualTo(1052.5);
        assertThat(r.number("lev", true, Range.aboveUpTo(0, 100), "x")).isEqualTo(2.0);
        assertThat(r.number("big", true, Range.closed(0, 100), "%")).isNull();
        assertThat(r.number("bad", true, Range.closed(0, 100), "")).isNull();
        assertThat(r.number("open", true, Range.open(0, 100), "%")).isNull();
        assertThat(r.number("missing", false, Range.closed(0, 1), "")).isNull();
        assertThat(r.number("required", true, Range.closed(0, 1), "")).isNull();
        assertThat(errors).containsExactly(Map.entry("big", "must be at least 0 and at most 100, got 150"),
                Map.entry("bad", "\"12d\" is not a number"),
                Map.entry("open", "must be above 0 and below 100, got 0"),
                Map.entry("required", "enter a value"));
    }

    @Test
    void readsWholeNumbers() {
        FieldReader r = reader("n", "10_000", "frac", "1.5", "far", "300", "blank", " ");
        assertThat(r.whole("n", true, 1, 100_000)).isEqualTo(10_000L);
        assertThat(r.whole("frac", true, 1, 10)).isNull();
        assertThat(r.whole("far", true, 1, 250)).isNull();
        assertThat(r.whole("blank", false, 1, 10)).isNull();
        assertThat(errors).containsExactly(Map.entry("frac", "\"1.5\" is not a whole number"),
                Map.entry("far", "must be from 1 to 250, got 300"));
    }
}
