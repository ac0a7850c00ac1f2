package com.positionlab.service.kelly;

import java.util.List;
import java.util.Map;

import com.positionlab.domain.Range;
import com.positionlab.domain.StrategyKellyConfig;
import com.positionlab.domain.StrategyKellyConfig.TierName;
import com.positionlab.service.ValidationException;
import com.positionlab.store.Store;

/**
 * Loads and edits a strategy's Kelly configuration: multipliers, tier, position boundaries, conviction,
 * drawdown response and edge windows. A strategy without a stored configuration uses
 * {@link StrategyKellyConfig#defaults}. Every value is validated before it is stored, and an invalid one is
 * rejected with a {@link ValidationException} naming its field ({@code kelly_multiplier: must be in (0, 2],
 * got 3}). Positions, fractions and drawdowns are fractions of capital (0.02 = 2%), never percent.
 */
public final class StrategyKellyConfigService {

    /** The editable fields, by their contract names, in form order. */
    public static final List<String> FIELDS = List.of("kelly_multiplier", "max_kelly_fraction", "tier",
            "min_position", "max_position", "conviction_low", "conviction_medium", "conviction_high",
            "drawdown_floor", "max_drawdown", "min_trades", "recent_trades", "recent_days", "fallback_fraction");

    /**
     * The allowed values of the number fields as stored (fractions of capital, multipliers): a form checks
     * what is typed against the same ranges, scaled to its percent fields.
     */
    public static final Map<String, Range> RANGES = StrategyKellyConfigRules.RANGES;

    private final Store store;

    public StrategyKellyConfigService(Store store) {
        this.store = store;
    }

    /** The stored configuration of an existing strategy, or the defaults when none is stored. */
    public StrategyKellyConfig load(String strategyId) {
        requireStrategy(strategyId);
        return store.strategyKellyConfigs().find(strategyId).orElseGet(() -> StrategyKellyConfig.defaults(strategyId));
    }

    /** Validates and stores a configuration; returns it as stored, with its update time. */
    public StrategyKellyConfig save(StrategyKellyConfig config) {
        requireStrategy(config.strategyId());
        StrategyKellyConfigRules.validate(config);
        store.strategyKellyConfigs().save(config);
        return load(config.strategyId());
    }

    /**
     * Applies the edited fields, as typed (keys from {@link #FIELDS}; fields not given keep their current
     * value), to the strategy's configuration, validates the whole and stores it.
     */
    public StrategyKellyConfig save(String strategyId, Map<String, String> fieldTexts) {
        for (String field : fieldTexts.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new ValidationException(field, "is not a Kelly configuration field; expected one of " + FIELDS);
            }
        }
        StrategyKellyConfig c = load(strategyId);
        FieldTexts t = new FieldTexts(fieldTexts);
        return save(new StrategyKellyConfig(strategyId,
                t.number("kelly_multiplier", c.kellyMultiplier()),
                t.number("max_kelly_fraction", c.maxKellyFraction()),
                t.tier("tier", c.tier()),
                t.number("min_position", c.minPosition()),
                t.number("max_position", c.maxPosition()),
                t.number("conviction_low", c.convictionLow()),
                t.number("conviction_medium", c.convictionMedium()),
                t.number("conviction_high", c.convictionHigh()),
                t.number("drawdown_floor", c.drawdownFloor()),
                t.number("max_drawdown", c.maxDrawdown()),
                t.whole("min_trades", c.minTrades()),
                t.whole("recent_trades", c.recentTrades()),
                t.whole("recent_days", c.recentDays()),
                t.number("fallback_fraction", c.fallbackFraction()),
                c.updatedAt()));
    }

    /** Removes the strategy's stored configuration, so that it uses the defaults again. */
    public void reset(String strategyId) {
        requireStrategy(strategyId);
        store.strategyKellyConfigs().delete(strategyId);
    }

    private void requireStrategy(String strategyId) {
        if (strategyId == null || store.trades().strategies().stream().noneMatch(s -> s.id().equals(strategyId))) {
            throw new ValidationException("strategy", ValidationException.quote(strategyId) + " does not exist");
        }
    }

    /** The typed texts of a form, parsed field by field. */
    private record FieldTexts(Map<String, String> texts) {

        double number(String field, double current) {
            String text = text(field);
            if (text == null) {
                return current;
            }
            if (text.endsWith("%")) {
                throw new ValidationException(field, "must be a fraction, not a percentage (0.02 for 2%), got \""
                        + text + "\"");
            }
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new ValidationException(field, "must be a number, got " + ValidationException.quote(text));
            }
        }

        int whole(String field, int current) {
            String text = text(field);
            if (text == null) {
                return current;
            }
            try {
                return Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new ValidationException(field, "must be a whole number, got " + ValidationException.quote(text));
            }
        }

        TierName tier(String field, TierName current) {
            String text = text(field);
            if (text == null) {
                return current;
            }
            for (TierName t : TierName.values()) {
                if (t.name().equalsIgnoreCase(text)) {
                    return t;
                }
            }
            throw new ValidationException(field, "must be HUNTER or STRATEGIST, got "
                    + ValidationException.quote(text));
        }

        /** The trimmed text of a field, null when the field was not edited; blank is an error. */
        private String text(String field) {
            if (!texts.containsKey(field)) {
                return null;
            }
            String text = texts.get(field) == null ? "" : texts.get(field).strip();
            if (text.isEmpty()) {
                throw new ValidationException(field, "is required");
            }
            return text;
        }
    }
}
