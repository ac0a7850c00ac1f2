package com.positionlab.ui.kelly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class StrategySettingsFormTest {

    private final Map<String, String> problems = new LinkedHashMap<>();

    private Map<String, String> stored(String... nameAndText) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            typed.put(nameAndText[i], nameAndText[i + 1]);
        }
        return StrategySettingsForm.asStored(typed, problems);
    }

    @Test
    void percentFieldsGoToTheServiceAsFractionsAndTheOthersAsTyped() {
        Map<String, String> t = stored("max_kelly_fraction", "50", "min_position", "0.5", "max_position", "15%",
                "max_drawdown", "20", "fallback_fraction", "2", "kelly_multiplier", "0.25", "tier", "HUNTER");
        assertThat(problems).isEmpty();
        assertThat(t).containsEntry("max_kelly_fraction", "0.5").containsEntry("min_position", "0.005")
                .containsEntry("max_position", "0.15").containsEntry("max_drawdown", "0.2")
                .containsEntry("fallback_fraction", "0.02").containsEntry("kelly_multiplier", "0.25")
                .containsEntry("tier", "HUNTER");
    }

    @Test
    void theMinimumAboveTheMaximumIsNamedInPercent() {
        stored("max_kelly_fraction", "50", "min_position", "20", "max_position", "15", "max_drawdown", "20",
                "fallback_fraction", "2");
        assertThat(problems).containsExactly(Map.entry("min_position", "must not exceed the max position (15%), got 20%"));
    }

    @Test
    void textThatIsNotANumberOrOutOfRangeIsNamed() {
        stored("max_kelly_fraction", "half", "min_position", "0", "max_position", "150", "max_drawdown", "0",
                "fallback_fraction", "2");
        assertThat(problems).containsEntry("max_kelly_fraction", "\"half\" is not a number")
                .containsEntry("max_position", "must be at least 0 and at most 100, got 150")
                .containsEntry("max_drawdown", "must be above 0 and at most 100, got 0")
                .hasSize(3);
    }
}
