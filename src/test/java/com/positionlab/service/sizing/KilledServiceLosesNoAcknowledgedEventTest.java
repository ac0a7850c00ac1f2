package com.positionlab.service.sizing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.positionlab.store.Database;
import com.positionlab.store.Store;

/**
 * kill -9 of a process that is sizing loses no acknowledged event: a child JVM ({@link SizingCrashChild})
 * sizes from several threads and prints each sizing id once {@code size} returned; it is killed
 * ({@code destroyForcibly}: SIGKILL on Linux) after a random number of answers, and every id it printed
 * must have its {@code position_sized} event in the reopened workspace.
 */
@Tag("slow") // starts a JVM of its own: `mvn test -Dtest.excludedGroups=benchmark,slow` leaves it out
class KilledServiceLosesNoAcknowledgedEventTest {

    private static final int KILLS = 3;
    private static final long LINE_TIMEOUT_SECONDS = 30;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedSizingHasItsEventAfterKillMinus9() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("ws");
        Database.open(url).close();
        Random random = new Random(8L);
        Set<String> acknowledged = new HashSet<>();
        for (int round = 1; round <= KILLS; round++) {
            acknowledged.addAll(runAndKill(url, 100 + random.nextInt(400), "round " + round));
            Set<String> stored = new HashSet<>();
            try (Database db = Database.open(url)) {
                new Store(db).sizingEvents().forEach(0, e -> stored.add(e.sizingId()));
            }
            Set<String> missing = new HashSet<>(acknowledged);
            missing.removeAll(stored);
            assertThat(missing).as("round %d: %d acknowledged, %d stored", round, acknowledged.size(), stored.size())
                    .isEmpty();
        }
        assertThat(acknowledged.size()).isGreaterThanOrEqualTo(KILLS * 100);
    }

    private Set<String> runAndKill(String url, int answersBeforeKill, String round) throws Exception {
        Path errors = dir.resolve("child-" + round.replace(' ', '-') + ".err");
        Process child = new ProcessBuilder(javaExecutable(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                SizingCrashChild.class.getName(), url).redirectError(errors.toFile()).start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> pump(child, lines), "sizing-child-stdout");
        pump.start();
        Set<String> acked = new HashSet<>();
        try {
            assertThat(next(lines, child, errors, round)).isEqualTo("START");
            while (acked.size() < answersBeforeKill) {
                acked.add(ackedId(next(lines, child, errors, round)));
            }
            child.toHandle().destroyForcibly();
            assertThat(child.waitFor(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("%s: child died", round).isTrue();
            pump.join(TimeUnit.SECONDS.toMillis(LINE_TIMEOUT_SECONDS));
            for (String line = lines.poll(); line != null; line = lines.poll()) {
                acked.add(ackedId(line));
            }
            return acked;
        } finally {
            child.destroyForcibly();
        }
    }

    private static String ackedId(String line) {
        assertThat(line).startsWith("ACK ");
        return line.substring(4);
    }

    private static void pump(Process child, BlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("ACK ") && line.length() == 40 || line.equals("START")) {
                    lines.add(line);
                }
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
            fail("%s: the child said nothing for %d s (alive: %s); its stderr:%n%s", round, LINE_TIMEOUT_SECONDS,
                    child.isAlive(), Files.readString(errors));
        }
        return line;
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
