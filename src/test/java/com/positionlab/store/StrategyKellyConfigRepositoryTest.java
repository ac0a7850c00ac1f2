package com.positionlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.positionlab.domain.Strategy;
import com.positionlab.domain.StrategyKellyConfig;
import com.positionlab.domain.StrategyKellyConfig.TierName;

/**
 * Strategy Kelly configurations on a real H2 file: round trip across reopen, MERGE updates in place, the
 * table's defaults are the engine's, its CHECK constraints hold, a configuration goes with its strategy, and
 * V2 migrates a database created at V1.
 */
class StrategyKellyConfigRepositoryTest {

    @TempDir
    Path dir;

    private String url;
    private Database db;
    private Store store;

    @BeforeEach
    void open() {
        url = "jdbc:h2:file:" + dir.resolve("kelly");
        db = Database.open(url);
        store = new Store(db);
        store.trades().saveStrategies(List.of(new Strategy("momo", "Momentum", null),
                new Strategy("mr", "Mean reversion", null)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static StrategyKellyConfig hunter(String strategyId) {
        return new StrategyKellyConfig(strategyId, 0.5, 0.3, TierName.HUNTER, 0.01, 0.1, 0.25, 1.0, 1.25, 0.1, 0.3,
                30, 15, 60, 0.01, null);
    }

    private static StrategyKellyConfig withoutTime(StrategyKellyConfig c) {
        return new StrategyKellyConfig(c.strategyId(), c.kellyMultiplier(), c.maxKellyFraction(), c.tier(),
                c.minPosition(), c.maxPosition(), c.convictionLow(), c.convictionMedium(), c.convictionHigh(),
                c.drawdownFloor(), c.maxDrawdown(), c.minTrades(), c.recentTrades(), c.recentDays(),
                c.fallbackFraction(), null);
    }

    private void reopen() {
        db.close();
        db = Database.open(url);
        store = new Store(db);
    }

    @Test
    void aSavedConfigurationRoundTripsExactlyAcrossReopen() {
        store.strategyKellyConfigs().save(hunter("momo"));

        reopen();

        StrategyKellyConfig found = store.strategyKellyConfigs().find("momo").orElseThrow();
        assertThat(withoutTime(found)).isEqualTo(hunter("momo"));
        assertThat(found.updatedAt()).isNotNull();
    }

    @Test
    void aStrategyWithoutConfigurationHasNone() {
        assertThat(store.strategyKellyConfigs().find("momo")).isEmpty();
        assertThat(store.strategyKellyConfigs().find("nobody")).isEmpty();
    }

    @Test
    void theTableDefaultsAreTheEngineDefaults() throws SQLException {
        execute("INSERT INTO strategy_kelly_config (strategy_id) VALUES ('momo')");

        StrategyKellyConfig found = store.strategyKellyConfigs().find("momo").orElseThrow();

        assertThat(withoutTime(found)).isEqualTo(StrategyKellyConfig.defaults("momo"));
    }

    @Test
    void savingAgainMergesIntoTheSameRow() throws SQLException {
        store.strategyKellyConfigs().save(StrategyKellyConfig.defaults("momo"));
        store.strategyKellyConfigs().save(hunter("momo"));

        assertThat(withoutTime(store.strategyKellyConfigs().find("momo").orElseThrow())).isEqualTo(hunter("momo"));
        assertThat(countRows()).isEqualTo(1);
    }

    @Test
    void deleteRemovesOnlyThatStrategysConfiguration() {
        store.strategyKellyConfigs().save(hunter("momo"));
        store.strategyKellyConfigs().save(hunter("mr"));

        assertThat(store.strategyKellyConfigs().delete("momo")).isTrue();
        assertThat(store.strategyKellyConfigs().delete("momo")).isFalse();

        assertThat(store.strategyKellyConfigs().find("momo")).isEmpty();
        assertThat(store.strategyKellyConfigs().find("mr")).isPresent();
    }

    @Test
    void deletingTheStrategyDeletesItsConfiguration() throws SQLException {
        store.strategyKellyConfigs().save(hunter("momo"));

        execute("DELETE FROM strategies WHERE strategy_id = 'momo'");

        assertThat(store.strategyKellyConfigs().find("momo")).isEmpty();
        assertThat(countRows()).isZero();
    }

    @Test
    void clearingTheWorkspaceClearsConfigurations() throws SQLException {
        store.strategyKellyConfigs().save(hunter("momo"));

        store.clearAll();

        assertThat(countRows()).isZero();
    }

    @Test
    void aConfigurationNeedsAnExistingStrategy() {
        assertThatThrownBy(() -> store.strategyKellyConfigs().save(hunter("nobody")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("Kelly configuration of nobody");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "kelly_multiplier = 0", "kelly_multiplier = 2.5", "max_kelly_fraction = 0", "max_kelly_fraction = 1.1",
        "tier = 'WHALE'", "min_position = -0.01", "min_position = 0.2", "max_position = 1.5",
        "conviction_low = 0", "conviction_medium = -1", "conviction_high = 0", "drawdown_floor = 1.5",
        "max_drawdown = 0", "min_trades = 0", "recent_trades = 0", "recent_days = 0", "fallback_fraction = 1.5",
    })
    void theSchemaRejectsOutOfRangeValues(String assignment) throws SQLException {
        execute("INSERT INTO strategy_kelly_config (strategy_id) VALUES ('momo')");

        assertThatThrownBy(() -> execute("UPDATE strategy_kelly_config SET " + assignment))
                .isInstanceOf(SQLIntegrityConstraintViolationException.class)
                .hasMessageContaining("Check constraint violation");
    }

    @Test
    void openingAVersionOneDatabaseMigratesItToVersionTwo() throws SQLException {
        db.close();
        String v1Url = "jdbc:h2:file:" + dir.resolve("v1") + ";WRITE_DELAY=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(v1Url, "sa", "");
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("1").load().migrate();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO strategies (strategy_id, name) VALUES ('old', 'Old strategy')");
                assertThat(tableExists(c)).isFalse();
            }
        } finally {
            pool.dispose();
        }

        url = v1Url;
        db = Database.open(url);
        store = new Store(db);

        assertThat(store.trades().strategies()).containsExactly(new Strategy("old", "Old strategy", null));
        store.strategyKellyConfigs().save(hunter("old"));
        reopen();
        assertThat(withoutTime(store.strategyKellyConfigs().find("old").orElseThrow())).isEqualTo(hunter("old"));
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(\"version\") FROM \"flyway_schema_history\"")) {
            rs.next();
            // Migrated through version 2 and on to whatever the latest migration is.
            assertThat(Integer.parseInt(rs.getString(1))).isGreaterThanOrEqualTo(2);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private int countRows() throws SQLException {
        try (Connection c = db.connection()) {
            return Store.count(c, "strategy_kelly_config");
        }
    }

    private static boolean tableExists(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM "
                + "information_schema.tables WHERE UPPER(table_name) = 'STRATEGY_KELLY_CONFIG'")) {
            rs.next();
            return rs.getInt(1) > 0;
        }
    }
}
