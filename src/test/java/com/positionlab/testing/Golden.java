package com.positionlab.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Answers recorded before a refactoring and compared byte for byte after it ({@code src/test/resources/golden}).
 * Only what differs from run to run is masked: random ids (UUIDs), clock times (ISO instants), elapsed
 * times ({@code *_time_ms}, {@code *_seconds}) and the test's temporary folder. Record again with
 * {@code mvn test -Dtest='Golden*' -Dgolden.update=true} when an answer is meant to change, and say why in the commit.
 */
public final class Golden {

    private static final Path ROOT = Path.of("src", "test", "resources", "golden");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?");
    private static final Pattern ELAPSED = Pattern.compile(
            "(\"[a-z_]*(_time_ms|_ms|_seconds)\" ?: ?)-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private Golden() {
    }

    /** {@code text} with the run-to-run differences masked; {@code tempDir} (may be null) becomes {@code <dir>}. */
    public static String mask(String text, Path tempDir) {
        String s = text.replace("\r\n", "\n");
        if (tempDir != null) {
            s = s.replace(tempDir.toAbsolutePath().toString(), "<dir>");
        }
        s = UUID.matcher(s).replaceAll("<uuid>");
        s = INSTANT.matcher(s).replaceAll("<time>");
        return ELAPSED.matcher(s).replaceAll("$1<elapsed>");
    }

    /** Asserts that {@code actual} equals the recorded {@code golden/<name>.txt} (or records it on request). */
    public static void check(String name, String actual) {
        Path file = ROOT.resolve(name + ".txt");
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("recorded answer %s (record with -Dgolden.update=true)", file).exists();
            assertThat(actual).as("answer %s", name).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
