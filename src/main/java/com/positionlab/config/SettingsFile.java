package com.positionlab.config;

import com.positionlab.io.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User preferences (theme and the like) in a properties file in the data folder. Written atomically:
 * a temporary file moved into place, so a crash never leaves half a file. An unreadable file is
 * treated as empty (and logged): preferences are never worth refusing to start over.
 */
public final class SettingsFile {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsFile.class);

    private final Path file;
    private final Properties values = new Properties();

    public SettingsFile(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("Ignoring unreadable settings file {}", file, e);
            }
        }
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    /** Sets a value and writes the file; returns false (and logs) when the file could not be written. */
    public synchronized boolean put(String key, String value) {
        values.setProperty(key, value);
        try {
            Files.createDirectories(file.getParent());
            AtomicFile.write(file, out -> values.store(out, "PositionLab settings"));
            return true;
        } catch (IOException e) {
            LOG.warn("Could not write settings file {}", file, e);
            return false;
        }
    }
}
