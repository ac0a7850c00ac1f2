package com.positionlab.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workspace at the newest schema opens without Flyway; an older one is still migrated. */
class SchemaVersionTest {

    @TempDir
    Path dir;

    @Test
    void theSchemaVersionIsThatOfTheNewestMigration() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            int newest = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
            assertThat(Database.SCHEMA_VERSION).isEqualTo(newest);
        }
    }

    @Test
    void anOlderWorkspaceIsMigratedAndACurrentOneIsRecognised() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("old");
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").target("32").load().migrate();
        assertThat(Database.schemaIsCurrent(pool)).isFalse();
        pool.dispose();

        Database.open(url).close();

        try (Connection c = DriverManager.getConnection(url, "sa", "");
             ResultSet rs = c.getMetaData().getColumns(null, null, "HOLDINGS", "AVERAGE_COST")) {
            assertThat(rs.next()).as("V33 ran on open").isTrue();
        }
        JdbcConnectionPool again = JdbcConnectionPool.create(url, "sa", "");
        try {
            assertThat(Database.schemaIsCurrent(again)).isTrue();
        } finally {
            again.dispose();
        }
    }

    @Test
    void aNewDatabaseOrAFailedMigrationIsLeftToFlyway() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("failed");
        Database.open(url).close();
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("update \"flyway_schema_history\" set \"success\" = false where \"version\" = '"
                    + Database.SCHEMA_VERSION + "'");
        }
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "sa", "");
        try {
            assertThat(Database.schemaIsCurrent(pool)).isFalse();
        } finally {
            pool.dispose();
        }
        JdbcConnectionPool fresh = JdbcConnectionPool.create("jdbc:h2:mem:schema-new", "sa", "");
        try {
            assertThat(Database.schemaIsCurrent(fresh)).isFalse();
        } finally {
            fresh.dispose();
        }
    }
}
