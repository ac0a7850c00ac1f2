package com.positionlab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The layering of DESIGN.md, checked on the sources: the engine is pure math (no JavaFX, JDBC, files,
 * nor any layer above it); the store and the services know nothing of the UI; nothing below the UI
 * reaches into it.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src", "main", "java", "com", "positionlab");

    @Test
    void engineImportsNoJavaFxJdbcFilesOrUpperLayers() throws IOException {
        assertThat(violations("engine", Pattern.compile("\\b(javafx\\.|java\\.sql\\.|javax\\.sql\\.|java\\.nio\\.file\\."
                + "|java\\.nio\\.channels\\.|java\\.io\\.(File|RandomAccessFile|PrintStream|FileReader|FileWriter)"
                + "|com\\.positionlab\\.(store|service|ui|cli|report)\\b|java\\.time\\.(Clock|Instant)\\b"
                + "|System\\.(currentTimeMillis|nanoTime|getenv|getProperty))")))
                .as("engine must stay pure math")
                .isEmpty();
    }

    @Test
    void storeAndServicesDoNotKnowTheUi() throws IOException {
        Pattern ui = Pattern.compile("\\b(javafx\\.|com\\.positionlab\\.(ui|cli)\\b)");
        assertThat(violations("store", ui)).isEmpty();
        assertThat(violations("service", ui)).isEmpty();
        assertThat(violations("domain", ui)).isEmpty();
        assertThat(violations("store", Pattern.compile("\\bcom\\.positionlab\\.service\\b"))).isEmpty();
    }

    @Test
    void viewModelsHoldNoNodes() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("ui"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith("ViewModel.java")).toList()) {
                String src = Files.readString(f);
                if (Pattern.compile("import javafx\\.scene\\.").matcher(src).find()) {
                    found.add(f.toString());
                }
            }
        }
        assertThat(found).as("view models must not touch javafx.scene").isEmpty();
    }

    private static List<String> violations(String pkg, Pattern forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("*") || line.startsWith("//") || line.startsWith("/*")) {
                        continue;
                    }
                    if (forbidden.matcher(line).find()) {
                        found.add(f + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        return found;
    }

    @Test
    void theScanSeesTheEngine() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN.resolve("engine"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".java")).count()).isGreaterThan(3);
        }
    }
}
