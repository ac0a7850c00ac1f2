package com.positionlab.service.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.positionlab.engine.task.CancelledException;
import com.positionlab.engine.task.Progress;
import com.positionlab.store.Database;
import com.positionlab.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportProgressTest {

    @TempDir
    Path dir;

    private Database db;
    private Store store;

    @BeforeEach
    void openStore() {
        db = Database.open("jdbc:h2:mem:" + UUID.randomUUID());
        store = new Store(db);
    }

    @AfterEach
    void closeStore() {
        db.close();
    }

    private Path pricesOfDays(int days) throws IOException {
        StringBuilder csv = new StringBuilder("date,instrument,close\n");
        LocalDate day = LocalDate.of(2000, 1, 1);
        for (int i = 0; i < days; i++) {
            csv.append(day.plusDays(i)).append(",AAA,").append(100 + i % 7).append('\n');
        }
        return Files.writeString(dir.resolve("prices.csv"), csv);
    }

    @Test
    void progressRisesToOneEveryFewThousandLines() throws IOException {
        List<Double> fractions = new ArrayList<>();
        Progress recording = new Progress() {
            @Override
            public void update(double fraction, String message) {
                fractions.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };

        ImportReport report = new ImportService(store).importFile(pricesOfDays(20_000), ImportKind.PRICES,
                ImportOptions.defaults().creatingInstruments(), recording);

        assertThat(report.rowsNew()).isEqualTo(20_000);
        assertThat(fractions).hasSizeGreaterThanOrEqualTo(5).isSorted().last().isEqualTo(1.0);
        assertThat(fractions.get(0)).isGreaterThan(0.0).isLessThan(0.5);
    }

    @Test
    void cancellingStopsTheImportAndStoresNothing() throws IOException {
        Progress cancelled = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        Path csv = pricesOfDays(12_000);

        assertThatThrownBy(() -> new ImportService(store).importFile(csv, ImportKind.PRICES, ImportOptions.defaults().creatingInstruments(),
                cancelled)).isInstanceOf(CancelledException.class);
        assertThat(store.prices().count()).isZero();
    }
}
