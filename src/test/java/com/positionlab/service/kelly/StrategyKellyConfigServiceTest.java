package com.positionlab.service.kelly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.positionlab.domain.Strategy;
import com.positionlab.domain.StrategyKellyConfig;
import com.positionlab.domain.StrategyKellyConfig.TierName;
import com.positionlab.engine.kelly.ConvictionMultipliers;
import com.positionlab.engine.kelly.DrawdownPolicy;
import com.positionlab.engine.kelly.EdgeConfig;
import com.positionlab.engine.kelly.KellyPolicy;
import com.positionlab.engine.kelly.Tier;
import com.positionlab.service.ValidationException;
import com.positionlab.store.Database;
import com.positionlab.store.Store;

/**
 * Editing a strategy's Kelly configuration: the engine's defaults until something is saved, typed field
 * texts applied and validated, and every invalid value rejected with a message naming its field.
 */
class StrategyKellyConfigServiceTest {

    @TempDir
    Path dir;

    private Database db;
    private StrategyKellyConfigService service;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:h2:file:" + dir.resolve("service"));
        Store store = new Store(db);
        store.trades().saveStrategies(List.of(new Strategy("momo", "Momentum", null)));
        service = new StrategyKellyConfigService(store);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aStrategyWithNothingStoredGetsTheEngineDefaults() {
        StrategyKellyConfig c = service.load("momo");

        assertThat(c).isEqualTo(StrategyKellyConfig.defaults("momo"));
        assertThat(c.kellyMultiplier()).isEqualTo(KellyPolicy.DEFAULT_KELLY_MULTIPLIER);
        assertThat(c.maxKellyFraction()).isEqualTo(KellyPolicy.DEFAULT_MAX_KELLY_FRACTION);
        assertThat(c.tier()).isEqualTo(TierName.STRATEGIST);
        assertThat(c.minPosition()).isEqualTo(Tier.STRATEGIST.minPosition());
        assertThat(c.maxPosition()).isEqualTo(Tier.STRATEGIST.maxPosition());
        assertThat(new ConvictionMultipliers(c.convictionLow(), c.convictionMedium(), c.convictionHigh()))
                .isEqualTo(ConvictionMultipliers.DEFAULTS);
        assertThat(c.drawdownFloor()).isEqualTo(DrawdownPolicy.defaults().floor());
        assertThat(c.maxDrawdown()).isEqualTo(DrawdownPolicy.defaults().maxDrawdown());
        assertThat(c.minTrades()).isEqualTo(EdgeConfig.DEFAULT_MINIMUM_TRADES);
        assertThat(c.recentTrades()).isEqualTo(EdgeConfig.DEFAULT_RECENT_TRADES);
        assertThat(c.recentDays()).isEqualTo(EdgeConfig.DEFAULT_RECENT_DAYS);
        assertThat(c.fallbackFraction()).isEqualTo(EdgeConfig.DEFAULT_FALLBACK_FRACTION);
        assertThat(c.updatedAt()).isNull();
    }

    @Test
    void editedFieldsAreStoredAndTheOthersKeepTheirValues() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("kelly_multiplier", " 0.5 ");
        texts.put("tier", "hunter");
        texts.put("min_position", "0.01");
        texts.put("max_position", "0.1");
        texts.put("recent_days", "60");

        StrategyKellyConfig saved = service.save("momo", texts);

        assertThat(saved.updatedAt()).isNotNull();
        assertThat(service.load("momo")).isEqualTo(saved);
        assertThat(saved.kellyMultiplier()).isEqualTo(0.5);
        assertThat(saved.tier()).isEqualTo(TierName.HUNTER);
        assertThat(saved.minPosition()).isEqualTo(0.01);
        assertThat(saved.maxPosition()).isEqualTo(0.1);
        assertThat(saved.recentDays()).isEqualTo(60);
        StrategyKellyConfig defaults = StrategyKellyConfig.defaults("momo");
        assertThat(saved.maxKellyFraction()).isEqualTo(defaults.maxKellyFraction());
        assertThat(saved.convictionHigh()).isEqualTo(defaults.convictionHigh());
        assertThat(saved.minTrades()).isEqualTo(defaults.minTrades());

        StrategyKellyConfig again = service.save("momo", Map.of("conviction_high", "1.25"));
        assertThat(again.kellyMultiplier()).isEqualTo(0.5);
        assertThat(again.convictionHigh()).isEqualTo(1.25);
    }

    @Test
    void resetGoesBackToTheDefaults() {
        service.save("momo", Map.of("kelly_multiplier", "1"));

        service.reset("momo");

        assertThat(service.load("momo")).isEqualTo(StrategyKellyConfig.defaults("momo"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "kelly_multiplier   | 3     | kelly_multiplier: must be in (0, 2], got 3",
        "kelly_multiplier   | 0     | kelly_multiplier: must be in (0, 2], got 0",
        "max_kelly_fraction | 1.5   | max_kelly_fraction: must be in (0, 1], got 1.5",
        "tier               | WHALE | tier: must be HUNTER or STRATEGIST, got \"WHALE\"",
        "min_position       | -0.01 | min_position: must be in [0, 1], got -0.01",
        "min_position       | 0.2   | min_position: must not exceed max_position (0.15 = 15%), got 0.2 (20%)",
        "max_position       | 2     | max_position: must be in [0, 1], got 2",
        "conviction_low     | 0     | conviction_low: must be in (0, 10], got 0",
        "conviction_high    | 11    | conviction_high: must be in (0, 10], got 11",
        "drawdown_floor     | 1.2   | drawdown_floor: must be in [0, 1], got 1.2",
        "max_drawdown       | 0     | max_drawdown: must be in (0, 1], got 0",
        "max_drawdown       | NaN   | max_drawdown: must be a finite number, got NaN",
        "min_trades         | 0     | min_trades: must be at least 1, got 0",
        "recent_trades      | 2.5   | recent_trades: must be a whole number, got \"2.5\"",
        "recent_days        | -3    | recent_days: must be at least 1, got -3",
        "fallback_fraction  | 2%    | fallback_fraction: must be a fraction, not a percentage (0.02 for 2%), "
                + "got \"2%\"",
        "fallback_fraction  | abc   | fallback_fraction: must be a number, got \"abc\"",
        "conviction_medium  | ' '   | conviction_medium: is required",
    })
    void anInvalidValueIsRejectedNamingItsFieldAndNothingIsStored(String field, String text, String message) {
        assertThatThrownBy(() -> service.save("momo", Map.of(field, text)))
                .isInstanceOf(ValidationException.class)
                .hasMessage(message)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo(field);

        assertThat(service.load("momo")).isEqualTo(StrategyKellyConfig.defaults("momo"));
    }

    @Test
    void aTypedConfigurationIsValidatedToo() {
        StrategyKellyConfig d = StrategyKellyConfig.defaults("momo");
        StrategyKellyConfig bad = new StrategyKellyConfig("momo", 3, d.maxKellyFraction(), d.tier(), d.minPosition(),
                d.maxPosition(), d.convictionLow(), d.convictionMedium(), d.convictionHigh(), d.drawdownFloor(),
                d.maxDrawdown(), d.minTrades(), d.recentTrades(), d.recentDays(), d.fallbackFraction(), null);

        assertThatThrownBy(() -> service.save(bad)).hasMessage("kelly_multiplier: must be in (0, 2], got 3");
        assertThat(service.save(d).updatedAt()).isNotNull();
    }

    @Test
    void unknownFieldsAndStrategiesAreRejected() {
        assertThatThrownBy(() -> service.save("momo", Map.of("kelly", "0.5")))
                .isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("kelly: is not a Kelly configuration field");
        assertThatThrownBy(() -> service.load("nobody"))
                .isInstanceOf(ValidationException.class)
                .hasMessage("strategy: \"nobody\" does not exist");
        assertThatThrownBy(() -> service.save("nobody", Map.of("kelly_multiplier", "0.5")))
                .hasMessage("strategy: \"nobody\" does not exist");
    }
}
