package com.positionlab.ui.common;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a folder in the desktop's file manager, off the UI thread ({@code xdg-open} on Linux). */
public final class FolderOpener {

    private static final Logger LOG = LoggerFactory.getLogger(FolderOpener.class);

    private FolderOpener() {
    }

    public static void open(Path folder) {
        Thread t = new Thread(() -> {
            try {
                if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
                    new ProcessBuilder("xdg-open", folder.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                } else if (Desktop.isDesktopSupported()) {
                    Desktop.getDesktop().open(folder.toFile());
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not open {}: {}", folder, e.getMessage());
            }
        }, "open-folder");
        t.setDaemon(true);
        t.start();
    }
}
