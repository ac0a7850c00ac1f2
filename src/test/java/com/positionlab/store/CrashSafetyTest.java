package com.positionlab.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.domain.PriceBar;

/**
 * A process killed with SIGKILL in the middle of writing leaves a database that opens with every
 * committed row intact. Each round starts a child JVM ({@link CrashWriter}) on the same file, lets it
 * commit a varying number of 50-row transactions, kills it ({@link ProcessHandle#destroyForcibly()} is
 * SIGKILL on Linux) while it is writing the next one, and reopens the file: every row the child
 * reported as committed must be there with its exact values, and no transaction may be half there.
 */
@Tag("slow") // starts a JVM of its own: `mvn test -Dtest.excludedGroups=benchmark,slow` leaves it out
class CrashSafetyTest {

    private static final int ROUNDS = 5;
    private static final long LINE_TIMEOUT_SECONDS = 20;

    @TempDir
    Path dir;

    @Test
    void killedWriterLosesNoCommittedRow() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("crash");
        Random random = new Random(20240229L);
        int rowsBefore = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            int commitsBeforeKill = 3 + random.nextInt(30);
            int reported = runAndKill(url, rowsBefore, commitsBeforeKill, "round " + round);

            try (Database db = Database.open(url)) {
                List<PriceBar> rows = new Store(db).prices().history(CrashWriter.TICKER);
                assertThat(db.restoredFromBackup()).isFalse();
                assertThat(rows.size()).as("rows after round %d", round)
                        .isGreaterThanOrEqualTo(reported)
                        .isLessThanOrEqualTo(reported + CrashWriter.BATCH);
                assertThat(rows.size() % CrashWriter.BATCH).as("a transaction was half written").isZero();
                for (int i = 0; i < rows.size(); i++) {
                    assertThat(rows.get(i)).as("row %d", i).isEqualTo(CrashWriter.row(i));
                }
                rowsBefore = rows.size();
            }
        }
        assertThat(rowsBefore).isGreaterThanOrEqualTo(ROUNDS * 3 * CrashWriter.BATCH);
    }

    /**
     * Starts a writer, waits until it has reported {@code commits} commits, kills it, and returns the
     * last row count it reported (including lines still in the pipe when it died: the kill goes through
     * the {@link ProcessHandle}, because {@link Process#destroyForcibly()} also closes our end of the pipe).
     */
    private int runAndKill(String url, int rowsBefore, int commits, String round) throws Exception {
        Path errors = dir.resolve("writer-" + round.replace(' ', '-') + ".err");
        Process child = new ProcessBuilder(javaExecutable(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), url)
                .redirectError(errors.toFile())
                .start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> pump(child, lines), "crash-writer-stdout");
        pump.start();
        try {
            String start = next(lines, child, errors, round);
            assertThat(start).as("%s: the writer continues where the last one stopped", round)
                    .isEqualTo("START " + rowsBefore);
            int reported = rowsBefore;
            for (int seen = 0; seen < commits; seen++) {
                reported = committed(next(lines, child, errors, round));
            }
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("%s: writer died", round).isTrue();
            pump.join(TimeUnit.SECONDS.toMillis(LINE_TIMEOUT_SECONDS));
            for (String line : drain(lines)) {
                reported = committed(line);
            }
            return reported;
        } finally {
            child.destroyForcibly();
        }
    }

    private static void pump(Process child, BlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("PUMP FAILED " + e);
        }
    }

    private static String next(BlockingQueue<String> lines, Process child, Path errors, String round)
            throws InterruptedException, IOException {
        String line = lines.poll(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (line == null) {
            child.destroyForcibly();
            fail("%s: the writer said nothing for %d s (alive: %s); its stderr:%n%s", round, LINE_TIMEOUT_SECONDS,
                    child.isAlive(), Files.readString(errors));
        }
        return line;
    }

    private static List<String> drain(BlockingQueue<String> lines) {
        List<String> rest = new ArrayList<>();
        lines.drainTo(rest);
        return rest;
    }

    private static int committed(String line) {
        assertThat(line).startsWith("COMMITTED ");
        return Integer.parseInt(line.substring("COMMITTED ".length()));
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
