package com.positionlab.service.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.engine.sizing.SizingMethod;
import com.positionlab.service.StoreUnavailableException;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import com.positionlab.testing.FullDiskFilePath;

/**
 * With real H2 over a file system whose writes fail as on a full disk ({@link FullDiskFilePath}): a sizing
 * is refused with the disk named, write health says so, and once space is back writes resume.
 */
class FullDiskSizingTest {

    @TempDir
    Path dir;

    @AfterEach
    void freeTheDisk() {
        FullDiskFilePath.FULL.set(false);
    }

    @Test
    void aFullDiskRefusesSizingsWithTheReasonAndTheyResumeOnceSpaceIsFreed() throws Exception {
        FullDiskFilePath.register();
        PositionSizingRequest request = PositionSizingServiceTest.selfContained(SizingMethod.FIXED_PERCENTAGE);
        try (Database db = Database.open("jdbc:h2:" + FullDiskFilePath.SCHEME + ":" + dir.resolve("ws"));
             PositionSizingService service = new PositionSizingService(new Store(db))) {
            Store store = new Store(db);
            String before = service.size(request).sizingId();

            FullDiskFilePath.FULL.set(true);
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> service.size(request)).isInstanceOf(StoreUnavailableException.class)
                        .hasMessageContaining("disk holding the workspace is full");
            }
            assertThat(service.writeHealth().problem()).hasValueSatisfying(p -> assertThat(p).contains("full"));

            FullDiskFilePath.FULL.set(false);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (service.writeHealth().problem().isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(service.writeHealth().problem()).as("writes resumed after space was freed").isEmpty();
            String after = service.size(request).sizingId();
            assertThat(store.sizingEvents().all()).extracting(e -> e.sizingId()).contains(before, after);
        }
    }
}
