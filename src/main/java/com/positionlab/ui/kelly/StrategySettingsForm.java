package com.positionlab.ui.kelly;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import com.positionlab.domain.Strategy;
import com.positionlab.domain.StrategyKellyConfig;
import com.positionlab.service.ValidationException;
import com.positionlab.service.kelly.StrategyKellyConfigService;
import com.positionlab.ui.common.ErrorMessages;
import com.positionlab.ui.common.FieldReader;
import com.positionlab.ui.common.Notifier;
import com.positionlab.ui.task.TaskRunner;

/**
 * The Kelly Lab's editor of a strategy's Kelly settings: the fields as typed, their errors, save and reset.
 * Shares of equity and the drawdown are typed in percent, as everywhere else; the service stores fractions.
 */
final class StrategySettingsForm {

    /** The fields typed in percent; the service stores them as fractions. */
    static final Set<String> PERCENT = Set.of("max_kelly_fraction", "min_position", "max_position", "max_drawdown",
            "fallback_fraction");

    private final StrategyKellyConfigService configs;
    private final TaskRunner runner;
    private final Notifier notifier;
    private final Map<String, StringProperty> fields = new LinkedHashMap<>();
    private final ObservableMap<String, String> errors = FXCollections.observableHashMap();

    StrategySettingsForm(StrategyKellyConfigService configs, TaskRunner runner, Notifier notifier) {
        this.configs = configs;
        this.runner = runner;
        this.notifier = notifier;
        for (String name : StrategyKellyConfigService.FIELDS) {
            StringProperty p = new SimpleStringProperty("");
            p.addListener((o, a, b) -> errors.remove(name));
            fields.put(name, p);
        }
    }

    /** The text of a field; names are those of {@link StrategyKellyConfigService#FIELDS}. */
    StringProperty field(String name) {
        StringProperty p = fields.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no configuration field " + name);
        }
        return p;
    }

    ObservableMap<String, String> errors() {
        return errors;
    }

    /** Shows the stored settings {@code c} in the fields. */
    void show(StrategyKellyConfig c) {
        fields.get("kelly_multiplier").set(plain(c.kellyMultiplier()));
        fields.get("max_kelly_fraction").set(plain(c.maxKellyFraction() * 100));
        fields.get("tier").set(c.tier().name());
        fields.get("min_position").set(plain(c.minPosition() * 100));
        fields.get("max_position").set(plain(c.maxPosition() * 100));
        fields.get("conviction_low").set(plain(c.convictionLow()));
        fields.get("conviction_medium").set(plain(c.convictionMedium()));
        fields.get("conviction_high").set(plain(c.convictionHigh()));
        fields.get("drawdown_floor").set(plain(c.drawdownFloor()));
        fields.get("max_drawdown").set(plain(c.maxDrawdown() * 100));
        fields.get("min_trades").set(Integer.toString(c.minTrades()));
        fields.get("recent_trades").set(Integer.toString(c.recentTrades()));
        fields.get("recent_days").set(Integer.toString(c.recentDays()));
        fields.get("fallback_fraction").set(plain(c.fallbackFraction() * 100));
        errors.clear();
    }

    /** Saves the fields as {@code s}'s settings; {@code saved} then gets the strategy to size it again. */
    void save(Strategy s, Consumer<Strategy> saved) {
        Map<String, String> typed = new LinkedHashMap<>();
        fields.forEach((k, v) -> typed.put(k, v.get()));
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, String> texts = asStored(typed, problems);
        if (!problems.isEmpty()) {
            errors.putAll(problems);
            return;
        }
        runner.submit("Saving settings of " + s.id(), p -> configs.save(s.id(), texts), c -> {
            errors.clear();
            notifier.info("Settings saved", s.name() + ": Kelly multiplier " + c.kellyMultiplier() + ", tier " + c.tier());
            saved.accept(s);
        }, e -> {
            if (e instanceof ValidationException v) {
                errors.put(v.field(), v.reason());
            } else {
                notifier.error("Settings not saved", ErrorMessages.describe(e) + ". Your input is kept; try again.");
            }
        });
    }

    /** Puts {@code s}'s settings back to the defaults; {@code reset} then gets the strategy. */
    void reset(Strategy s, Consumer<Strategy> reset) {
        runner.submit("Resetting settings of " + s.id(), p -> {
            configs.reset(s.id());
            return s;
        }, reset, e -> notifier.error("Settings not reset", ErrorMessages.describe(e)));
    }

    /**
     * The texts as the service takes them: percent fields read by the one form reader against the service's
     * ranges and given as fractions, the minimum position checked against the maximum in percent; the other
     * fields go as typed, for the service to read and name.
     */
    static Map<String, String> asStored(Map<String, String> typed, Map<String, String> problems) {
        FieldReader reader = new FieldReader(typed, problems);
        Map<String, String> texts = new LinkedHashMap<>(typed);
        Map<String, Double> fractions = new LinkedHashMap<>();
        for (String name : PERCENT) {
            Double f = reader.percent(name, true, StrategyKellyConfigService.RANGES.get(name));
            if (f != null) {
                fractions.put(name, f);
                texts.put(name, plain(f));
            }
        }
        Double min = fractions.get("min_position");
        Double max = fractions.get("max_position");
        if (min != null && max != null && min > max) {
            problems.put("min_position", "must not exceed the max position (" + percent(max) + "), got "
                    + percent(min));
        }
        return texts;
    }

    private static String percent(double fraction) {
        return java.math.BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }

    static String plain(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(8)).stripTrailingZeros().toPlainString();
    }
}
