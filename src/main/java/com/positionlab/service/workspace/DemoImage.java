package com.positionlab.service.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import com.positionlab.engine.task.Progress;
import com.positionlab.service.Services;
import com.positionlab.store.WorkspaceFiles;

/**
 * The demo workspace as a ready-made database file, built with the app ({@code mvn process-classes} runs
 * {@link #main}) and copied into place on a first start: copying it takes a few tens of milliseconds, where
 * creating the schema and five years of demo prices on a cold JVM takes two to three seconds of the first
 * start. It is made by the same code as the demo created in place ({@link WorkspaceService#createDemo}), so
 * the two are the same workspace; without the file (a build that skipped the step) the demo is created in
 * place as before.
 */
public final class DemoImage {

    /** Where the build puts the image, on the class path. */
    public static final String RESOURCE = "/com/positionlab/demo/demo-workspace.mv.db";

    private DemoImage() {
    }

    /** Copies the bundled demo workspace to {@code jdbcUrl} on a first start; returns whether it did. */
    public static boolean installIfNew(String jdbcUrl) {
        return WorkspaceFiles.installIfNew(jdbcUrl, () -> DemoImage.class.getResourceAsStream(RESOURCE));
    }

    /** Builds the image at {@code out}: a new demo workspace with the starter rules, closed. */
    public static void build(Path out) throws IOException {
        Path dir = Files.createTempDirectory("positionlab-demo-image");
        try {
            // Created here, never copied from an image an earlier build left on the class path.
            try (Services s = Services.openExisting("jdbc:h2:file:" + dir.resolve("demo").toAbsolutePath(),
                    com.positionlab.service.imports.ImportService.Backup.ON_CLOSE)) {
                s.workspace().ensureInitialised(Progress.NONE);
                s.rules().ensureDefaults();
            }
            Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // Compacted: half the size of the file as the demo's creation left it, so half the copying.
            WorkspaceFiles.compactCopy(dir.resolve("demo.mv.db"), out);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The build step: {@code DemoImage OUT_FILE}. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: DemoImage OUT_FILE");
        }
        build(Path.of(args[0]));
    }
}
