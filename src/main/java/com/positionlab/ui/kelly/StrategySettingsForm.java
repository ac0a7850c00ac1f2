package com.positionlab.ui.kelly;

import java.util.LinkedHashMap;
import java.util.Map;
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
import com.positionlab.ui.common.Notifier;
import com.positionlab.ui.task.TaskRunner;

/** The Kelly Lab's editor of a strategy's Kelly settings: the fields as typed, their errors, save and reset. */
final class StrategySettingsForm {

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
        fields.get("max_kelly_fraction").set(plain(c.maxKellyFraction()));
        fields.get("tier").set(c.tier().name());
        fields.get("min_position").set(plain(c.minPosition()));
        fields.get("max_position").set(plain(c.maxPosition()));
        fields.get("conviction_low").set(plain(c.convictionLow()));
        fields.get("conviction_medium").set(plain(c.convictionMedium()));
        fields.get("conviction_high").set(plain(c.convictionHigh()));
        fields.get("drawdown_floor").set(plain(c.drawdownFloor()));
        fields.get("max_drawdown").set(plain(c.maxDrawdown()));
        fields.get("min_trades").set(Integer.toString(c.minTrades()));
        fields.get("recent_trades").set(Integer.toString(c.recentTrades()));
        fields.get("recent_days").set(Integer.toString(c.recentDays()));
        fields.get("fallback_fraction").set(plain(c.fallbackFraction()));
        errors.clear();
    }

    /** Saves the fields as {@code s}'s settings; {@code saved} then gets the strategy to size it again. */
    void save(Strategy s, Consumer<Strategy> saved) {
        Map<String, String> texts = new LinkedHashMap<>();
        fields.forEach((k, v) -> texts.put(k, v.get()));
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

    static String plain(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(8)).stripTrailingZeros().toPlainString();
    }
}
