package com.positionlab.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.positionlab.service.StoreUnavailableException;
import com.positionlab.service.sizing.StoreWriteHealth;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.store.StoreException;
import com.positionlab.testing.TestStores;

/** Health is DEGRADED with the write failure's reason while writes fail, and UP again after one succeeds. */
class StoreWriteHealthCheckTest {

    @Test
    void healthIsDegradedWithTheDiskAsReasonWhileWritesFail() {
        try (Database db = TestStores.memory()) {
            AtomicLong nanos = new AtomicLong();
            StoreWriteHealth writes = new StoreWriteHealth(nanos::get);
            HealthCheck check = new HealthCheck(new com.positionlab.service.workspace.WorkspaceService(new Store(db)), writes);
            assertThat(check.store().status()).isEqualTo("UP");

            StoreUnavailableException e = writes.failed("a sizing event", new StoreException(
                    "Could not store sizing events: General error [50000-252]",
                    new SQLException("General error", "HY000", 50000, new IOException("No space left on device"))));
            assertThat(e.getMessage()).isEqualTo("could not store a sizing event: the disk holding the workspace is "
                    + "full (No space left on device); free some space");
            HealthReport.StoreHealth degraded = check.store();
            assertThat(degraded.status()).isEqualTo("DEGRADED");
            assertThat(degraded.detail()).contains("cannot be written").contains("No space left on device");

            writes.succeeded();
            assertThat(check.store().status()).as("one success is not yet a recovery").isEqualTo("DEGRADED");
            nanos.addAndGet(StoreWriteHealth.RECOVERY.toNanos());
            writes.succeeded();
            assertThat(check.store().status()).isEqualTo("UP");
        }
    }

    @Test
    void writesThatFailAgainWithinTheRecoveryWindowKeepItDegraded() {
        AtomicLong nanos = new AtomicLong();
        StoreWriteHealth writes = new StoreWriteHealth(nanos::get);
        StoreException full = new StoreException("Could not store sizing events: No space left on device");
        writes.failed("x", full);
        for (int i = 0; i < 5; i++) {
            nanos.addAndGet(StoreWriteHealth.RECOVERY.toNanos() / 2);
            writes.succeeded();
            assertThat(writes.problem()).as("round %d after a success", i).isPresent();
            writes.failed("x", full);
        }
        nanos.addAndGet(1);
        writes.succeeded();
        nanos.addAndGet(StoreWriteHealth.RECOVERY.toNanos());
        writes.succeeded();
        assertThat(writes.problem()).isEmpty();
    }

    @Test
    void aReadOnlyFileAndAClosedDatabaseAreNamedAsSuch() {
        StoreWriteHealth writes = new StoreWriteHealth();
        assertThat(writes.failed("x", new StoreException("Could not store sizing events: The database is read only "
                + "[90097-252]")).getMessage()).contains("cannot be written (read-only or no permission)");
        assertThat(writes.failed("x", new StoreException("Could not store sizing events",
                new SQLException("Database is already closed", "90098", 90098))).getMessage())
                .contains("database is closed");
    }
}
