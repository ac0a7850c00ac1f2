package com.positionlab.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.engine.task.CancelledException;
import com.positionlab.engine.task.Progress;
import com.positionlab.report.kinds.ReportKind;

/**
 * A report file is written whole or not at all: a cancel or a failure half way leaves no file (and an older
 * report as it was) and no temporary file; a failure names the path and the reason in words.
 */
class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void aCancelHalfWayLeavesNoFileAndNoTemporaryFile() {
        Report report = ReportKind.SIMULATION.build(Results.simulation(), Results.context());
        Path target = dir.resolve("sim.pdf");
        AtomicInteger checks = new AtomicInteger();
        Progress cancelLater = new Progress() {
            @Override
            public void update(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return checks.incrementAndGet() > 3;
            }
        };
        assertThatThrownBy(() -> ReportFiles.write(report, target, cancelLater)).isInstanceOf(CancelledException.class);
        assertThat(checks.get()).isGreaterThan(3);
        assertThat(files()).isEmpty();
    }

    @Test
    void aFullDiskIsReportedByPathAndLeavesTheEarlierReportAsItWas() throws IOException {
        Report report = ReportKind.KELLY.build(Results.kelly(), Results.context());
        Path target = dir.resolve("kelly.pdf");
        Files.writeString(target, "the earlier report");
        ReportWriter fails = (r, out, p) -> {
            out.write(new byte[4096]);
            throw new IOException("No space left on device");
        };
        assertThatThrownBy(() -> ReportFiles.write(report, target, fails, Progress.NONE))
                .isInstanceOf(ReportFiles.WriteException.class)
                .hasMessage("cannot write " + target.toAbsolutePath() + ": the disk is full");
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("the earlier report");
        assertThat(files()).containsExactly(target.getFileName().toString());
    }

    @Test
    void aMissingFolderOrAFolderForAFileIsNamed() {
        Report report = ReportKind.KELLY.build(Results.kelly(), Results.context());
        Path missing = dir.resolve("no/such/folder/k.pdf");
        assertThatThrownBy(() -> ReportFiles.write(report, missing, Progress.NONE))
                .hasMessage("cannot write " + missing.toAbsolutePath() + ": the folder "
                        + missing.toAbsolutePath().getParent() + " does not exist");
        assertThatThrownBy(() -> ReportFiles.write(report, dir.resolve("k.docx"), Progress.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(".pdf, .csv, .zip or .json");
    }

    @Test
    void eachFormatIsWrittenInPlace() throws IOException {
        Report report = ReportKind.KELLY.build(Results.kelly(), Results.context());
        for (String name : List.of("k.pdf", "k.csv", "k.zip", "k.json")) {
            Path written = ReportFiles.write(report, dir.resolve(name), Progress.NONE);
            assertThat(Files.size(written)).isPositive();
        }
        assertThat(Files.readString(dir.resolve("k.pdf"), StandardCharsets.ISO_8859_1)).startsWith("%PDF-");
        assertThat(Files.readString(dir.resolve("k.json"))).contains("\"kelly_fraction\" : 0.25",
                "\"request\" : {");
        assertThat(files()).containsExactlyInAnyOrder("k.pdf", "k.csv", "k.zip", "k.json");
    }

    private List<String> files() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
