package com.positionlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace killed during an import under the previous layout (schema version 30: staged rows in a
 * table of their own) is brought to the new one by migration 31: an import still loading leaves nothing,
 * one that was staged is finished, and its instruments are created.
 */
class LegacyImportMigrationTest {

    @TempDir
    Path dir;

    @Test
    void stagedLegacyImportIsFinishedAndLoadingOneIsPurged() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("legacy") + ";WRITE_DELAY=0";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("30").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO instruments (instrument_id, name, sector) VALUES ('OLD', 'Old', 'Tech')");
            s.executeUpdate("INSERT INTO prices (instrument_id, price_date, close_price, adj_close) "
                    + "VALUES ('OLD', DATE '2020-01-02', 5, 5)");
            s.executeUpdate("INSERT INTO import_batches (import_id, kind, status) VALUES (1, 'PRICES', 'STAGED'), "
                    + "(2, 'PRICES', 'LOADING')");
            s.executeUpdate("INSERT INTO price_import_rows (import_id, seq, instrument_id, price_date, close_price, "
                    + "adj_close) VALUES (1, 0, 'NEW', DATE '2020-01-02', 10, 10), (1, 1, 'NEW', DATE '2020-01-03', 11, 11), "
                    + "(1, 2, 'OLD', DATE '2020-01-02', 6, 6), (1, 3, 'NEW', DATE '2020-01-03', 12, 12), "
                    + "(2, 0, 'GONE', DATE '2020-01-02', 7, 7)");
        }
        try (Database db = Database.open(url)) {
            Store store = new Store(db);
            assertThat(store.prices().history("NEW")).extracting(b -> b.close()).containsExactly(10.0, 12.0);
            assertThat(store.prices().history("OLD")).extracting(b -> b.close()).containsExactly(6.0);
            assertThat(store.prices().history("GONE")).isEmpty();
            assertThat(store.instruments().findAll()).extracting(i -> i.id()).containsExactlyInAnyOrder("OLD", "NEW");
            assertThat(count(db, "SELECT COUNT(*) FROM import_batches")).isZero();
            assertThat(count(db, "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'PRICE_IMPORT_ROWS'"))
                    .isZero();
        }
    }

    private static int count(Database db, String sql) throws SQLException {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
