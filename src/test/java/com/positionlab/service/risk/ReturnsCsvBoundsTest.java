package com.positionlab.service.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.service.ValidationException;

/** A returns file with an over-long line or number is refused at once, with a short message. */
class ReturnsCsvBoundsTest {

    @TempDir
    Path dir;

    @Test
    void aLineOver64KiBIsRefusedWithItsNumber() throws IOException {
        Path csv = Files.writeString(dir.resolve("r.csv"), "return\n0.01\n" + "9".repeat(200_000) + "\n0.02\n");

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> ReturnsCsv.read(csv));

        assertThat(e.reason()).isEqualTo(csv + ": line 3 is longer than 65536 characters");
    }

    @Test
    void aLongNumberIsRefusedAndCut() throws IOException {
        Path csv = Files.writeString(dir.resolve("r.csv"), "return\n0.01\n" + "1".repeat(50_000) + "\n");

        ValidationException e = catchThrowableOfType(ValidationException.class, () -> ReturnsCsv.read(csv));

        assertThat(e.reason()).isEqualTo(csv + ": line 3, column \"return\": \"" + "1".repeat(60)
                + "...\" is not a number");
    }

    @Test
    void everyLineEndingStillReads() throws IOException {
        Path csv = Files.writeString(dir.resolve("r.csv"), "date,return\r\n2020-01-02,0.01\r2020-01-03,-0.02\n"
                + "2020-01-06,0.005");

        assertThat(ReturnsCsv.read(csv)).containsExactly(0.01, -0.02, 0.005);
    }
}
